/**
 * One entry point from feed text to events: pick the format (given, or sniffed: `sniffFormat`
 * names plain JSON, iCalendar, RSS and Atom, `detectFormat` the rest), then hand the text to that
 * format's reader. Readers never throw.
 *
 * Every format module exports one `reader` of the same shape (`FeedReader`), and each is a chunk
 * loaded on demand through `lazy()` (lib/lazy.ts), and so is detect.ts, so a page downloads only
 * the code its feed needs (and never ical.js unless it shows an iCalendar feed). A chunk that
 * fails to load gives the feed a FeedError and is asked for again the next time a feed needs it.
 *
 * A reader gives steps (steps.ts), run here in slices of about 10 ms with the event loop running
 * between them, so even a 5 MB feed never holds the page for long; the synchronous `parseJson`,
 * `parseRss`, … of each module run the same steps in one go.
 */
import {FeedError, type FeedFormat, type ParseContext, type ParseResult} from '../events/model.js';
import {lazy, type Lazy} from '../lazy.js';
import {trustedTypesRefused} from '../html/trusted-types.js';
import {installDom, installedDom} from './dom.js';
import {sniffFormat} from './sniff.js';
import type {FeedReader} from './reader.js';
import {Pacer, runSliced, type Steps} from './steps.js';

export type FormatChoice = FeedFormat | 'auto';

// One chunk per reader; the module basenames name the chunks (scripts/size.mjs groups by them).
const readers = {
  json: lazy(() => import('./json/json.js').then((m) => m.reader)),
  rss: lazy(() => import('./xml/rss.js').then((m) => m.reader)),
  markdown: lazy(() => import('./markdown.js').then((m) => m.reader)),
  ics: lazy(() => import('./ics/ics.js').then((m) => m.reader)),
  jsonld: lazy(() => import('./jsonld.js').then((m) => m.reader)),
} satisfies Record<Exclude<FeedFormat, 'atom'>, Lazy<FeedReader>>;

const readerOf = (format: FeedFormat): Lazy<FeedReader> => readers[format === 'atom' ? 'rss' : format];

/**
 * The first-look planner the JSON and iCalendar readers import (a chunk of its own, as both
 * share it). Asked for beside the reader, so the browser fetches both at once instead of finding
 * the planner only once the reader's chunk has arrived and been parsed.
 */
const previewPlanner = lazy(() => import('./preview.js'));

/** Markup read as text, for pages that refuse feedcal's Trusted Types policy (lib/html/text-only-dom.ts). */
const textOnly = lazy(() => import('../html/text-only-dom.js'));

/** The full format sniffer, for the bodies `sniffFormat` leaves open. */
const detector = lazy(() => import('./detect.js'));

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

/**
 * Starts downloading a parser while the feed itself is still on its way, so the feed does not
 * wait for its parser after it arrives. A failed preload is harmless: `parseFeed` asks again.
 */
export function preloadParser(format: FeedFormat | undefined): void {
  if (format)
    readerOf(format)
      .load()
      .catch(() => {});
  if (format === 'json' || format === 'ics') previewPlanner.load().catch(() => {});
  // JSON, iCalendar, RSS and Atom feeds are nearly always named by `sniffFormat`; any other
  // (Markdown, JSON-LD, an address that names no format) will most likely need detect.ts too,
  // so it comes now.
  if (format !== 'json' && format !== 'ics' && format !== 'rss' && format !== 'atom') detector.load().catch(() => {});
}

/**
 * The format of a body: `sniffFormat`'s answer when it has one, else `detectFormat`'s, with
 * detect.ts loaded now. A FeedError when detect.ts cannot be loaded (offline, a CDN failure).
 * `load` is there for tests, to make that load fail.
 */
export async function chooseFormat(text: string, contentType?: string, load = () => detector.load()): Promise<FeedFormat | undefined | FeedError> {
  const sniffed = sniffFormat(text, contentType);
  if (sniffed) return sniffed;
  try {
    return (await load()).detectFormat(text, contentType);
  } catch (error) {
    return new FeedError(
      'network',
      'offline',
      `The feed's format could not be determined: feedcal's format reader could not be loaded (${(error as Error).message}).`
    );
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
  if (!format) return describeUnknown(text);
  let steps: Steps<ParseResult>;
  try {
    // Only text with markup or entities may need a parser, and so the Trusted Types policy.
    if (!installedDom() && /[<&]/.test(text) && trustedTypesRefused()) installDom((await textOnly.load()).textOnlyDom);
    steps = await (await readerOf(format).load()).steps(text, ctx, {fields: options.fields});
  } catch (error) {
    // A chunk that could not be fetched (offline, a CDN failure): the next feed that needs it asks again.
    return new FeedError(
      'network',
      'offline',
      `The ${format} feed could not be read: feedcal's ${format} reader could not be loaded (${(error as Error).message}).`
    );
  }
  try {
    return await runSliced(steps, options.pacer ?? new Pacer());
  } catch (error) {
    // Readers promise not to throw; this is the last guard so one bug never breaks the page.
    return new FeedError('parse', 'invalid', `The ${format} feed could not be read: ${(error as Error).message}`);
  }
}

function describeUnknown(text: string): FeedError {
  if (!text.trim()) return new FeedError('parse', 'empty', 'The feed is empty.');
  if (/^\s*(<!doctype html|<html)/i.test(text)) {
    return new FeedError('parse', 'html-page', 'The address gives a web page, not an event feed.');
  }
  return new FeedError('parse', 'not-a-feed', 'The address does not give a feed feedcal can read (JSON, RSS, Atom, iCalendar or JSON-LD).');
}
