/**
 * One entry point from feed text to events: pick the format (given, or sniffed by
 * `detectFormat`), then hand the text to that format's parser. Parsers never throw. Each is
 * imported on demand, so a page downloads only the parser its feed needs (and never ical.js
 * unless it shows an iCalendar feed).
 *
 * Each parser is written as steps (steps.ts) and run here in slices of about 10 ms with the
 * event loop running between them, so even a 5 MB feed never holds the page for long; the
 * synchronous `parseJson`, `parseRss`, … run the same steps in one go.
 */
import {FeedError, type FeedFormat, type ParseContext, type ParseResult} from '../model.js';
import {detectFormat} from './detect.js';
import {Pacer, runSliced} from './steps.js';

export type FormatChoice = FeedFormat | 'auto';

export async function parseFeed(
  text: string,
  ctx: ParseContext,
  options: {
    format?: FormatChoice;
    contentType?: string;
    fields?: string;
    /** Shares one time budget with the caller's own sliced work (load-feed.ts: sanitising). */
    pacer?: Pacer;
  } = {}
): Promise<ParseResult> {
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(text, options.contentType);
  const pacer = options.pacer ?? new Pacer();
  try {
    switch (format) {
      case 'json':
        return await runSliced((await import('./json.js')).jsonSteps(text, ctx, {fields: options.fields}), pacer);
      case 'rss':
      case 'atom':
        return await runSliced((await import('./rss.js')).rssSteps(text, ctx), pacer);
      case 'markdown':
        return (await import('./markdown.js')).parseMarkdown(text, ctx);
      case 'ics':
        return await runSliced((await import('./ics.js')).icsSteps(text, ctx), pacer);
      case 'jsonld':
        return await runSliced((await import('./jsonld.js')).jsonLdSteps(text, ctx), pacer);
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
