/**
 * The one module that does network I/O. It fetches a feed as bytes (the charset is decided
 * later, from the bytes), with a timeout, a size cap, a proxy template for servers without CORS
 * headers, retries with exponential backoff and jitter for network failures and 5xx answers
 * only (honouring `Retry-After`), and one shared request per URL however many widgets on the
 * page ask for it. A URL that has just failed is not asked again for a few seconds, so widgets
 * created one after another do not storm a failing server. Every failure becomes a `FeedError`
 * whose `kind` and `code` say what went wrong in words a person understands.
 *
 * What runs only after a failure (the retry policy, telling mixed content and CORS from offline)
 * lives in fetch-failure.ts and is loaded when an attempt first fails, so a page whose feed loads
 * at once never downloads it.
 */
import {FeedError} from '../events/model.js';
import {lazy} from '../lazy.js';
import {abortError, untilAborted} from './abort.js';
import {encodeUriPart} from '../uri.js';

const failureHandling = lazy(() => import('./fetch-failure.js'));

export interface FetchedFeed {
  bytes: Uint8Array;
  contentType: string;
  /** The URL actually fetched (after the proxy template and redirects), for resolving relative links. */
  url: string;
  /** Validators for the next conditional request. */
  etag?: string;
  lastModified?: string;
  /** The server answered 304 to the `validators` given: the caller's copy is current; `bytes` is empty. */
  notModified?: boolean;
  /**
   * A feedcal relay answered with its last good copy because the feed's own server failed
   * (`X-Feedcal-Stale` names the failure, `Age` is the copy's age in seconds, docs/relay.md).
   */
  relayStale?: {reason: string; ageSeconds: number};
}

/** What the caller's stored copy was fetched with; sent as `If-None-Match` / `If-Modified-Since`. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Milliseconds before one attempt (headers and body) is given up. Default `DEFAULT_TIMEOUT`. */
  timeout?: number;
  /** URL template with `{url}`, e.g. `https://proxy.example/?url={url}`. */
  proxy?: string;
  /** Extra attempts after a network error or a 5xx answer (never after 4xx or a timeout). Default 2. */
  retries?: number;
  /** Largest body accepted, in bytes (after decompression). Default `DEFAULT_MAX_BYTES`. */
  maxBytes?: number;
  /**
   * Validators of a stored copy. Sent as request headers only to the page's own origin: on a
   * cross-origin request they would force a CORS preflight that many feed hosts do not answer,
   * so there the browser's HTTP cache revalidates instead (`cache: 'no-cache'`).
   */
  validators?: Validators;
  /** Ask the server even if this URL failed moments ago (a "try again" button). */
  force?: boolean;
  /** Bypass the browser's HTTP cache and send no validators (`cache: 'reload'`): the whole feed is wanted. */
  reload?: boolean;
}

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_RETRIES = 2;
/** Real event feeds are well under 1 MB; 5 MB leaves room and still protects a phone. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** How long a final failure is remembered and handed to new callers without a request. */
export const FAILURE_MEMORY = 5_000;

/** Applies the proxy template; the feed URL is encoded so its own query survives. */
export function proxiedUrl(url: string, proxy?: string): string {
  if (!proxy || !proxy.includes('{url}')) return url;
  return proxy.replace('{url}', encodeUriPart(url));
}

/**
 * The media type of feedcal's JSON as a feedcal relay converts a feed to it (docs/relay.md).
 * Through a proxy the widget asks for it with `Accept`; a relay answers in it, already parsed,
 * filtered and with series expanded, so the page never downloads the iCalendar or RSS parser.
 * Any other proxy ignores the header (`*\/*` keeps every answer acceptable). An Accept of this
 * shape is CORS-safelisted: it costs no preflight.
 */
export const FEEDCAL_JSON_TYPE = 'application/vnd.feedcal+json';
const PROXY_ACCEPT = `${FEEDCAL_JSON_TYPE}, */*;q=0.8`;

/** Whether a fetch with this proxy asks for feedcal JSON (it goes through the proxy). */
export const asksForFeedcalJson = (proxy?: string): boolean => !!proxy?.includes('{url}');

/** Whether a response is a relay's feedcal JSON, whatever format the feed itself was. */
export const isFeedcalJson = (contentType: string): boolean => contentType.trimStart().toLowerCase().startsWith(FEEDCAL_JSON_TYPE);

interface SharedRequest {
  promise: Promise<FetchedFeed>;
  controller: AbortController;
  users: number;
  /**
   * The largest `maxBytes` of the callers sharing it: the body is read up to that, and each
   * caller then holds it to its own limit, so two lists on one URL keep their own `max-bytes`.
   */
  maxBytes: number;
}

const inFlight = new Map<string, SharedRequest>();
/**
 * The `Retry-After` header of an error answer, kept beside the error (the public error detail
 * stays as it is) and read by the retry policy only if the answer is worth retrying.
 */
const retryAfterOf = new WeakMap<FeedError, string>();
const recentFailures = new Map<string, {error: FeedError; until: number}>();

const relayStaleOf = (headers: Headers) => {
  const reason = headers.get('x-feedcal-stale');
  return reason ? {reason, ageSeconds: Number(headers.get('age')) || 0} : undefined;
};

/**
 * Fetches `url` (resolved against the page). Callers asking for the same URL while a request is
 * under way share it, retries included; the request is aborted only when every caller has
 * aborted. Rejects with a `FeedError`, or with the caller's abort reason.
 */
export function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchedFeed> {
  const target = new URL(proxiedUrl(url, options.proxy), document.baseURI).href;
  const {signal} = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const failure = recentFailures.get(target);
  if (failure && !options.force && failure.until > Date.now()) return Promise.reject(failure.error);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let shared = inFlight.get(target);
  if (!shared) {
    const controller = new AbortController();
    const request: SharedRequest = {
      controller,
      users: 0,
      maxBytes,
      // The cap is read while the body arrives: a caller with a larger one may join meanwhile.
      promise: fetchWithRetry(target, url, controller.signal, {...options, maxBytes: () => request.maxBytes})
        .catch((error: unknown) => {
          // "Too large" depends on the caller's own limit, not on the server: not remembered.
          if (error instanceof FeedError && error.code !== 'too-large') recentFailures.set(target, {error, until: Date.now() + FAILURE_MEMORY});
          throw error;
        })
        .finally(() => {
          if (inFlight.get(target) === request) inFlight.delete(target);
        }),
    };
    // A shared promise nobody awaits (every caller aborted) must not report an unhandled rejection.
    request.promise.catch(() => {});
    shared = request;
    inFlight.set(target, request);
  }
  const request = shared;
  request.users++;
  request.maxBytes = Math.max(request.maxBytes, maxBytes);
  const ownLimit = request.promise.then(
    (fetched) => {
      if (fetched.bytes.byteLength > maxBytes) throw tooLarge(url, maxBytes);
      return fetched;
    },
    (error: unknown) => {
      // Too large for the largest limit is too large for this caller's too, said with its own.
      throw error instanceof FeedError && error.code === 'too-large' ? tooLarge(url, maxBytes) : error;
    }
  );
  // Left unawaited when this caller aborts: not an unhandled rejection.
  ownLimit.catch(() => {});
  return untilAborted(ownLimit, signal, () => {
    if (--request.users > 0) return;
    // Nobody wants it any more: abort it, and make sure a caller arriving now starts afresh
    // instead of joining the aborted request.
    if (inFlight.get(target) === request) inFlight.delete(target);
    request.controller.abort();
  });
}

/**
 * Loads fetch-failure.ts. Resolves to undefined when it cannot be had within `timeout` (offline,
 * a CDN hiccup): the caller then ends with the error it already has, without retries or the CORS
 * diagnosis, rather than waiting on or failing with the module load.
 */
function loadFailureHandling(timeout: number): Promise<typeof failureHandling.module> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeout);
    failureHandling
      .tryLoad()
      .then(resolve)
      .finally(() => clearTimeout(timer));
  });
}

/** What one attempt reads: the options, with the size cap asked as the body arrives. */
type AttemptOptions = Omit<FetchOptions, 'maxBytes'> & {maxBytes: () => number};

async function fetchWithRetry(target: string, original: string, signal: AbortSignal, options: AttemptOptions): Promise<FetchedFeed> {
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(target, original, signal, options, attempt);
    } catch (error) {
      // Settled without loading the retry policy. A timeout is never retried, and after one,
      // waiting for a module over the same slow network would only delay the error further.
      if (attempt >= retries || signal.aborted || (error instanceof FeedError && error.kind === 'timeout')) throw error;
      const failure = await loadFailureHandling(options.timeout ?? DEFAULT_TIMEOUT);
      // Aborted while the policy was loading: end as an abort during the wait between attempts does.
      if (signal.aborted) throw signal.reason;
      const delay = failure?.retryDelay(error, attempt, retryAfterOf.get(error as FeedError), options.timeout ?? DEFAULT_TIMEOUT);
      if (!failure || delay === undefined) throw error;
      await failure.sleep(delay, signal);
    }
  }
}

async function fetchOnce(target: string, original: string, signal: AbortSignal, options: AttemptOptions, attempt = 0): Promise<FetchedFeed> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const {maxBytes} = options;
  const timer = new AbortController();
  const timeoutId = setTimeout(() => timer.abort(new DOMException('Timed out', 'TimeoutError')), timeout);
  const combined = AbortSignal.any([signal, timer.signal]);
  const timedOut = (message: string) => new FeedError('timeout', 'timeout', message, {url: original});
  try {
    const init: RequestInit = {signal: combined, credentials: 'omit', referrerPolicy: 'no-referrer'};
    const requestHeaders: Record<string, string> = {};
    if (asksForFeedcalJson(options.proxy)) requestHeaders.Accept = PROXY_ACCEPT;
    init.headers = requestHeaders;
    const {etag, lastModified} = options.validators ?? {};
    if (options.reload) init.cache = 'reload';
    else if (etag || lastModified) {
      if (new URL(target).origin === location.origin) {
        if (etag) requestHeaders['If-None-Match'] = etag;
        if (lastModified) requestHeaders['If-Modified-Since'] = lastModified;
      } else {
        init.cache = 'no-cache';
      }
    }
    let response: Response;
    try {
      response = await fetch(target, init);
    } catch (error) {
      if (signal.aborted) throw error;
      if (timer.signal.aborted) throw timedOut(`The feed did not answer within ${Math.round(timeout / 1000)} s.`);
      // Mixed content (an http feed on an https page), a failed redirect or CORS, told apart from
      // being offline. Whether the address redirects is asked at the first failure only: a retry
      // follows a network failure, and a failing server need not get a probe per attempt.
      const blocked = await (await loadFailureHandling(timeout))?.blockedBy(target, original, attempt === 0);
      throw blocked ?? new FeedError('network', 'offline', 'The feed could not be reached.', {url: original});
    }
    const headers = response.headers;
    const meta = {
      contentType: headers.get('content-type') ?? '',
      url: response.url || target,
      etag: headers.get('etag') ?? undefined,
      lastModified: headers.get('last-modified') ?? undefined,
      relayStale: relayStaleOf(headers),
    };
    if (response.status === 304) {
      response.body?.cancel().catch(() => {});
      return {...meta, bytes: new Uint8Array(0), notModified: true};
    }
    if (!response.ok) {
      response.body?.cancel().catch(() => {});
      const status = response.status;
      const code = status === 404 || status === 410 ? 'not-found' : 'http-status';
      const error = new FeedError('http', code, `The feed's server answered ${status} ${response.statusText}`.trim() + '.', {status, url: original});
      const retryAfter = headers.get('retry-after');
      if (retryAfter) retryAfterOf.set(error, retryAfter);
      throw error;
    }
    const declared = Number(headers.get('content-length'));
    // Content-Length counts encoded bytes; the cap is on what we read, checked again while reading.
    if (declared > maxBytes() && !headers.get('content-encoding')) {
      response.body?.cancel().catch(() => {});
      throw tooLarge(original, maxBytes());
    }
    try {
      return {...meta, bytes: await readCapped(response, maxBytes, original)};
    } catch (error) {
      if (error instanceof FeedError) throw error;
      if (signal.aborted) throw error;
      if (timer.signal.aborted) throw timedOut('The feed started to answer but did not finish in time.');
      throw new FeedError('network', 'interrupted', 'The connection broke while the feed was loading.', {url: original});
    }
  } finally {
    clearTimeout(timeoutId);
  }
}

function tooLarge(url: string, maxBytes: number): FeedError {
  const mb = (maxBytes / 1024 / 1024).toFixed(maxBytes < 1024 * 1024 ? 2 : 0);
  return new FeedError('parse', 'too-large', `The feed is larger than the ${mb} MB feedcal accepts (max-bytes).`, {url});
}

/** Reads the body chunk by chunk and stops (cancelling the download) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: () => number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes()) {
      reader.cancel().catch(() => {});
      throw tooLarge(url, maxBytes());
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
