/**
 * One entry point from feed text to events: pick the format (given, or sniffed: `sniffFormat`
 * names plain JSON, iCalendar, RSS and Atom, `detectFormat` the rest), then hand the text to that format's
 * parser. Parsers never throw. Each is imported on demand, and so is detect.ts, so a page
 * downloads only the code its feed needs (and never ical.js unless it shows an iCalendar feed).
 *
 * Each parser is written as steps (steps.ts) and run here in slices of about 10 ms with the
 * event loop running between them, so even a 5 MB feed never holds the page for long; the
 * synchronous `parseJson`, `parseRss`, … run the same steps in one go.
 */
import {FeedError, type FeedFormat, type ParseContext, type ParseResult} from '../events/model.js';
import {sniffFormat} from './sniff.js';
import {Pacer, runSliced} from './steps.js';

export type FormatChoice = FeedFormat | 'auto';

// One import() per parser chunk, shared by `parseFeed` and `preloadParser`.
const parsers = {
  // Only the async entry, so the bundle can drop json.ts's synchronous exports.
  json: () => import('./json/json.js').then((m) => m.loadJsonSteps),
  rss: () => import('./xml/rss.js'),
  markdown: () => import('./markdown.js'),
  ics: () => import('./ics/ics.js'),
  jsonld: () => import('./jsonld.js'),
};

/**
 * The parser a feed at `url` most likely needs: the format asked for, else the one its file
 * extension names. Only a hint for preloading; `parseFeed` still sniffs the body.
 */
export function likelyFormat(url: string, format: FormatChoice = 'auto'): FeedFormat | undefined {
  if (format !== 'auto') return format;
  const path = /^[^?#]*/.exec(url)![0].toLowerCase();
  if (/\.json$/.test(path)) return 'json';
  if (/\.(ics|ical|ifb|icalendar)$/.test(path)) return 'ics';
  if (/\.(xml|rss|atom)$|\/(feed|rss)\/?$/.test(path)) return 'rss';
  if (/\.md$/.test(path)) return 'markdown';
  return undefined;
}

/** The full format sniffer, for the bodies `sniffFormat` leaves open. */
const detector = () => import('./detect.js');

/**
 * Starts downloading a parser while the feed itself is still on its way, so the feed does not
 * wait for its parser after it arrives. A failed preload is harmless: `parseFeed` imports again.
 */
export function preloadParser(format: FeedFormat | undefined): void {
  const load = format && parsers[format === 'atom' ? 'rss' : format];
  load?.().catch(() => {});
  // JSON, iCalendar, RSS and Atom feeds are nearly always named by `sniffFormat`; any other
  // (Markdown, JSON-LD, an address that names no format) will most likely need detect.ts too,
  // so it comes now.
  if (format !== 'json' && format !== 'ics' && format !== 'rss' && format !== 'atom') detector().catch(() => {});
}

/**
 * The format of a body: `sniffFormat`'s answer when it has one, else `detectFormat`'s, with
 * detect.ts loaded now. A FeedError when detect.ts cannot be loaded (offline, a CDN failure).
 * `load` is there for tests, to make that load fail.
 */
export async function chooseFormat(text: string, contentType?: string, load = detector): Promise<FeedFormat | undefined | FeedError> {
  const sniffed = sniffFormat(text, contentType);
  if (sniffed) return sniffed;
  try {
    return (await load()).detectFormat(text, contentType);
  } catch (error) {
    return new FeedError('network', 'offline', `The feed's format could not be determined: feedcal's format reader could not be loaded (${(error as Error).message}).`);
  }
}

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
  const format = options.format && options.format !== 'auto' ? options.format : await chooseFormat(text, options.contentType);
  if (format instanceof FeedError) return format;
  const pacer = options.pacer ?? new Pacer();
  try {
    switch (format) {
      case 'json':
        // The common JSON shapes are read by the json chunk alone; others fetch their readers first.
        return await runSliced(await (await parsers.json())(text, ctx, {fields: options.fields}), pacer);
      case 'rss':
      case 'atom':
        return await runSliced((await parsers.rss()).rssSteps(text, ctx), pacer);
      case 'markdown':
        return (await parsers.markdown()).parseMarkdown(text, ctx);
      case 'ics':
        return await runSliced((await parsers.ics()).icsSteps(text, ctx), pacer);
      case 'jsonld':
        return await runSliced((await parsers.jsonld()).jsonLdSteps(text, ctx), pacer);
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
