/**
 * The data flow of one source, from URL to clean events: fetch → decode → detect → parse →
 * sanitise. And the merge of several sources into one calendar.
 */
import {abortError, untilAborted} from './abort.js';
import {asksForFeedcalJson, fetchFeed, isFeedcalJson, proxiedUrl, type FetchedFeed, type FetchOptions, type Validators} from './fetch-feed.js';
import type {CachedFeed} from './feed-cache.js';
import {likelyFormat, parseFeed, preloadParser, type FormatChoice} from '../feeds/index.js';
import {decodeFeedBytes} from './decode.js';
import {Pacer} from '../feeds/steps.js';
import {whenIdle} from '../idle.js';
import {lazy} from '../lazy.js';
import {sanitizer} from '../html/sanitizer.js';
import {now, nowMs} from '../clock.js';
import {looksLikeIcs, unfoldIcsBytes} from '../feeds/ics/ics-unfold.js';
import {FeedError, type CalendarEvent, type ParseContext, type ParsedFeed, type PreviewRequest} from '../events/model.js';

export interface LoadOptions extends FetchOptions {
  format?: FormatChoice;
  /** Field map for custom JSON (`title: name, start: when.begins`). */
  fields?: string;
  /**
   * The display zone, or a function that gives it when the feed is parsed: a page's first zone
   * lookup costs tens of milliseconds (`Intl` loads its zone data), which then does not hold
   * up the request.
   */
  timeZone: string | (() => string);
  /** What the list shows: recurring series are expanded around it. */
  shown?: ParseContext['shown'];
  /** Keep the last good copy and fall back to it when a refresh fails. Default true. */
  cache?: boolean;
  /**
   * A background refresh: also say whether the feed equals the stored copy (`unchanged`). A
   * first load does not ask, so it never waits for the stored copy to be read.
   */
  refreshing?: boolean;
  /** A first look at a big feed before it is read to the end (model.ts); its events come sanitised. */
  preview?: PreviewRequest;
}

/** A feed read now, or its last good copy when it could not be read now. */
export interface LoadedFeed extends ParsedFeed {
  /** When these events were fetched from (or confirmed by) the feed's server. */
  fetchedAt: Date;
  /**
   * Set when the feed could not be read now and these events are the last good copy:
   * `fetchedAt` is the copy's age, `error` why the refresh failed.
   */
  stale?: {fetchedAt: Date; error: FeedError};
  /** The server confirmed (304) or repeated (same bytes) the copy the page already had. */
  unchanged?: boolean;
}

export type LoadResult = LoadedFeed | FeedError;

/**
 * Validators of the copies stored by this page, so a later refresh asks "changed since?". A cold
 * page load sends none: reading storage first would delay every first request, and the browser's
 * HTTP cache revalidates those on its own.
 */
const knownValidators = new Map<string, Validators>();
/** Responses already stored: callers sharing one request store it once. */
const stored = new WeakSet<FetchedFeed>();

/**
 * The store of last good copies is needed only after a feed has arrived (to keep it) or failed
 * (to fall back on it), never for the first events to show: it is a chunk of its own. Without it
 * (offline, a deploy) no copy is kept or read, and the next read or write asks for it again.
 */
const feedCache = lazy(() => import('./feed-cache.js'));
const readCopy = (key: string) => feedCache.tryLoad().then((cache) => cache?.readCachedFeed(key));
/** Stores a copy once the page is idle: storing megabytes must not hold up the first events. */
const writeCopy = (key: string, entry: CachedFeed) => whenIdle(() => void feedCache.tryLoad().then((cache) => cache?.writeCachedFeed(key, entry)), 2000);

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

/**
 * Loads and parses one feed, keeping its last good copy. Never throws except on abort: a feed
 * that cannot be read now comes back as its stored copy with `stale` set, or, without one, as a
 * `FeedError`.
 */
export async function loadFeed(url: string, options: LoadOptions): Promise<LoadResult> {
  const {signal} = options;
  const useCache = options.cache !== false;
  const key = new URL(proxiedUrl(url, options.proxy), document.baseURI).href;
  // Through a proxy the widget asks for feedcal JSON (fetch-feed.ts), which a feedcal relay sends
  // whatever the feed is: the JSON reader is the one likely needed, never the iCalendar one.
  preloadParser(asksForFeedcalJson(options.proxy) ? 'json' : likelyFormat(url, options.format));
  // The stored copy is read only when it is needed: the request failed, the server said "not
  // modified", or a refresh asks whether the feed changed (then while the request is under way).
  let copyRead: Promise<CachedFeed | undefined> | undefined;
  const readStored = () => (copyRead ??= useCache ? readCopy(key) : Promise.resolve(undefined));
  const storedCopy = () => untilAborted(readStored(), signal);
  if (options.refreshing) void readStored();
  const validators = useCache ? knownValidators.get(key) : undefined;
  const staleOr = async (error: FeedError): Promise<LoadResult> => {
    const copy = await storedCopy();
    if (signal?.aborted) throw abortError(signal);
    if (!copy) return error;
    const parsed = await parseBytes(copy, url, options);
    if (parsed instanceof FeedError) return error;
    return {...parsed, fetchedAt: copy.fetchedAt, stale: {fetchedAt: copy.fetchedAt, error}};
  };

  let fetched: FetchedFeed;
  try {
    fetched = await fetchFeed(url, {...options, validators});
    if (fetched.notModified) {
      const copy = await storedCopy();
      if (copy) {
        const parsed = await parseBytes(copy, url, options);
        if (!(parsed instanceof FeedError)) {
          const fetchedAt = now();
          writeCopy(key, {...copy, fetchedAt});
          return {...parsed, fetchedAt, unchanged: true};
        }
      }
      // No copy to reuse (evicted, storage cleared, or a server that answers 304 to a request
      // that asked nothing): ask for the whole feed, past the browser's cache. Refetching is what
      // a visitor wants; only a server that answers 304 again ends in an error that says so,
      // never as "the feed is empty".
      knownValidators.delete(key);
      fetched = await fetchFeed(url, {...options, validators: undefined, force: true, reload: true});
      if (fetched.notModified)
        throw new FeedError('http', 'not-modified-without-copy', 'The server answered 304 to a request for the whole feed.', {status: 304, url});
    }
  } catch (error) {
    if (error instanceof FeedError) return staleOr(error);
    throw error; // an AbortError: the caller asked for it
  }
  // A relay's last good copy is as old as the relay says: shown, and stored, with that age.
  const relayStale = fetched.relayStale;
  const fetchedAt = new Date(nowMs() - (relayStale?.ageSeconds ?? 0) * 1000);
  const parsed = await parseBytes(fetched, url, options);
  if (parsed instanceof FeedError) return staleOr(parsed);
  if (useCache) {
    knownValidators.set(key, {etag: fetched.etag, lastModified: fetched.lastModified});
    if (!stored.has(fetched)) {
      stored.add(fetched);
      writeCopy(key, {bytes: fetched.bytes, contentType: fetched.contentType, url: fetched.url, etag: fetched.etag, lastModified: fetched.lastModified, fetchedAt});
    }
  }
  const copy = useCache && options.refreshing ? await storedCopy() : undefined;
  const stale = relayStale && {
    fetchedAt,
    error: new FeedError('network', 'offline', `Relayed copy: ${relayStale.reason}`, {url}),
  };
  return {...parsed, fetchedAt, ...(stale ? {stale} : {}), ...(copy && sameBytes(copy.bytes, fetched.bytes) ? {unchanged: true} : {})};
}

/** bytes → text → events, with sanitised descriptions. */
async function parseBytes(fetched: Pick<CachedFeed, 'bytes' | 'contentType'>, url: string, options: LoadOptions): Promise<ParsedFeed | FeedError> {
  const source = new URL(url, document.baseURI).href;
  // Decoding, parsing and sanitising share one time budget: the page gets a turn every few
  // milliseconds (decoding megabytes is a task of its own, apart from the parser's first step).
  const pacer = new Pacer();
  // iCalendar folds lines at 75 bytes, which may split a UTF-8 character: unfold before decoding.
  const bytes = looksLikeIcs(fetched.bytes) ? unfoldIcsBytes(fetched.bytes) : fetched.bytes;
  const text = decodeFeedBytes(bytes, fetched.contentType);
  await pacer.tick();
  const {preview} = options;
  const timeZone = typeof options.timeZone === 'function' ? options.timeZone() : options.timeZone;
  const ctx: ParseContext = {timeZone, source, shown: options.shown};
  // The first look's descriptions are sanitised before it is shown, like every event's. If that
  // fails, there is no first look; the whole feed meets the same failure below and reports it.
  if (preview)
    ctx.preview = {
      ...preview,
      show: (events) =>
        void sanitizeDescriptions(events).then(
          () => preview.show(events),
          () => {}
        ),
    };
  // A relay's feedcal JSON is JSON whatever the feed was (and the element's `format` and `fields` describe the feed).
  const converted = isFeedcalJson(fetched.contentType);
  const result = await parseFeed(text, ctx, {
    format: converted ? 'json' : options.format,
    contentType: fetched.contentType,
    fields: converted ? undefined : options.fields,
    pacer,
  });
  if (!(result instanceof FeedError)) await sanitizeDescriptions(result.events, pacer);
  // Drawing the events (sorting thousands, then the first cards) starts a task of its own.
  await pacer.tick();
  return result;
}

/**
 * Replaces each event's feed HTML with its sanitised form (loads DOMPurify only when needed), a
 * slice at a time so thousands of descriptions do not hold the page. When the sanitiser cannot be
 * loaded (offline, a deploy), the feed's HTML is dropped and the events keep their plain-text
 * descriptions: unsanitised markup never reaches the page, and the next load asks again.
 */
export async function sanitizeDescriptions(events: CalendarEvent[], pacer: Pacer = new Pacer()): Promise<void> {
  if (!events.some((event) => event.descriptionHtml)) return;
  // Both chunks, once per feed rather than once per event, so a failure is not asked again thousands of times.
  const sanitize = await sanitizer.tryLoad();
  const sanitizeHtml = sanitize && (await sanitize.purifier.tryLoad()) && sanitize.sanitizeHtml;
  for (const event of events) {
    if (!event.descriptionHtml) continue;
    if (!sanitizeHtml) {
      delete event.descriptionHtml;
      continue;
    }
    let done = sanitizing.get(event);
    if (!done) {
      done = sanitizeHtml(event.descriptionHtml, event.url ?? event.source).then((html) => void (event.descriptionHtml = html));
      sanitizing.set(event, done);
    }
    await done;
    if (pacer.due()) await pacer.pause();
  }
}

/**
 * Each event's description is sanitised once: the events of a first look come back with the
 * whole feed, which then waits for their sanitising instead of starting it again.
 */
const sanitizing = new WeakMap<CalendarEvent, Promise<void>>();
