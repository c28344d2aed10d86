/**
 * One entry point from feed text to events: pick the format (given, or sniffed by
 * `detectFormat`), then hand the text to that format's parser. Parsers are synchronous and
 * never throw. Each is imported on demand, so a page downloads only the parser its feed needs
 * (and never ical.js unless it shows an iCalendar feed).
 */
import {FeedError, type FeedFormat, type ParseContext, type ParseResult} from '../model.js';
import {detectFormat} from './detect.js';

export type FormatChoice = FeedFormat | 'auto';

export async function parseFeed(
  text: string,
  ctx: ParseContext,
  options: {format?: FormatChoice; contentType?: string; fields?: string} = {}
): Promise<ParseResult> {
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(text, options.contentType);
  try {
    switch (format) {
      case 'json':
        return (await import('./json.js')).parseJson(text, ctx, {fields: options.fields});
      case 'rss':
      case 'atom':
        return (await import('./rss.js')).parseRss(text, ctx);
      case 'markdown':
        return (await import('./markdown.js')).parseMarkdown(text, ctx);
      case 'ics':
        return (await import('./ics.js')).parseIcs(text, ctx);
      case 'jsonld':
        return (await import('./jsonld.js')).parseJsonLd(text, ctx);
    }
  } catch (error) {
    // Parsers promise not to throw; this is the last guard so one bug never breaks the page.
    return new FeedError('parse', 'invalid', `The ${format} feed could not be read: ${(error as Error).message}`);
  }
  return describeUnknown(text);
}

function describeUnknown(text: string): FeedError {
  if (!text.trim()) return new FeedError('parse', 'empty', 'The feed is empty.');
  if (/^\s*(<!doctype html|<html)/i.test(text)) {
    return new FeedError('parse', 'html-page', 'The address gives a web page, not an event feed.');
  }
  return new FeedError('parse', 'not-a-feed', 'The address does not give a feed feedcal can read (JSON, RSS, Atom, iCalendar or JSON-LD).');
}
