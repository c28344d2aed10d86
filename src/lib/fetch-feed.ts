/**
 * The one module that does network I/O. It fetches a feed as bytes (the charset is decided
 * later, from the bytes), with a timeout, a proxy template for servers without CORS headers, a
 * retry with backoff for network failures and 5xx answers only, and one shared request per URL
 * however many widgets on the page ask for it. Every failure becomes a `FeedError` whose `kind`
 * and `code` say what went wrong in words a person understands.
 */
import {FeedError} from './model.js';

export interface FetchedFeed {
  bytes: Uint8Array;
  contentType: string;
  /** The URL actually fetched (after the proxy template), for resolving relative links. */
  url: string;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Milliseconds before a request is given up. */
  timeout?: number;
  /** URL template with `{url}`, e.g. `https://proxy.example/?url={url}`. */
  proxy?: string;
  /** Extra attempts after a network error or 5xx answer. */
  retries?: number;
}

export const DEFAULT_TIMEOUT = 15_000;

/** Applies the proxy template; the feed URL is encoded so its own query survives. */
export function proxiedUrl(url: string, proxy?: string): string {
  if (!proxy || !proxy.includes('{url}')) return url;
  return proxy.replace('{url}', encodeURIComponent(url));
}

interface SharedRequest {
  promise: Promise<FetchedFeed>;
  controller: AbortController;
  users: number;
}

const inFlight = new Map<string, SharedRequest>();

/**
 * Fetches `url` (resolved against the page). Callers asking for the same URL while a request is
 * under way share it; the request is aborted only when every caller has aborted.
 */
export function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchedFeed> {
  const target = new URL(proxiedUrl(url, options.proxy), document.baseURI).href;
  let shared = inFlight.get(target);
  if (!shared) {
    const controller = new AbortController();
    const request: SharedRequest = {
      controller,
      users: 0,
      promise: fetchWithRetry(target, url, controller.signal, options).finally(() => {
        if (inFlight.get(target) === request) inFlight.delete(target);
      }),
    };
    shared = request;
    inFlight.set(target, request);
  }
  const request = shared;
  request.users++;
  const {signal} = options;
  if (!signal) return request.promise;
  return new Promise<FetchedFeed>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (--request.users === 0) {
        // Nobody wants it any more: abort it, and make sure a caller arriving now starts afresh
        // instead of joining the aborted request.
        if (inFlight.get(target) === request) inFlight.delete(target);
        request.controller.abort();
      }
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, {once: true});
    request.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), {once: true});
  });

async function fetchWithRetry(target: string, original: string, signal: AbortSignal, options: FetchOptions): Promise<FetchedFeed> {
  const retries = options.retries ?? 1;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(target, original, signal, options.timeout ?? DEFAULT_TIMEOUT);
    } catch (error) {
      const retryable = error instanceof FeedError && (error.kind === 'network' || (error.kind === 'http' && (error.detail.status ?? 0) >= 500));
      if (!retryable || attempt >= retries || signal.aborted) throw error;
      // Backoff with jitter, so many widgets sharing a failing feed do not retry in step.
      await sleep(500 * 2 ** attempt * (1 + Math.random()), signal);
    }
  }
}

async function fetchOnce(target: string, original: string, signal: AbortSignal, timeout: number): Promise<FetchedFeed> {
  const timeoutSignal = AbortSignal.timeout(timeout);
  let response: Response;
  try {
    response = await fetch(target, {signal: AbortSignal.any([signal, timeoutSignal]), credentials: 'omit', referrerPolicy: 'no-referrer'});
  } catch (error) {
    if (signal.aborted) throw error;
    if (timeoutSignal.aborted) throw new FeedError('timeout', 'timeout', `The feed did not answer within ${Math.round(timeout / 1000)} s.`, {url: original});
    throw await describeNetworkFailure(target, original);
  }
  if (!response.ok) {
    const status = response.status;
    const code = status === 404 || status === 410 ? 'not-found' : 'http-status';
    throw new FeedError('http', code, `The feed's server answered ${status} ${response.statusText}`.trim() + '.', {status, url: original});
  }
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {bytes, contentType: response.headers.get('content-type') ?? '', url: response.url || target};
  } catch (error) {
    if (signal.aborted) throw error;
    if (timeoutSignal.aborted) throw new FeedError('timeout', 'timeout', 'The feed started to answer but did not finish in time.', {url: original});
    throw new FeedError('network', 'offline', 'The connection broke while the feed was loading.', {url: original});
  }
}

/**
 * `fetch` rejects with the same TypeError for "offline" and "blocked by CORS". Telling them
 * apart matters to the person who must fix it, so for a cross-origin URL we ask again in
 * `no-cors` mode: if that answers, the server is there and only CORS stood in the way.
 */
async function describeNetworkFailure(target: string, original: string): Promise<FeedError> {
  const crossOrigin = new URL(target).origin !== location.origin;
  if (crossOrigin && navigator.onLine !== false) {
    try {
      await fetch(target, {mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(5000), referrerPolicy: 'no-referrer'});
      return new FeedError('cors', 'cors', 'The feed’s server does not allow other sites to read it (no CORS headers).', {url: original});
    } catch {
      // Unreachable in no-cors mode too: a real network failure.
    }
  }
  return new FeedError('network', 'offline', 'The feed could not be reached.', {url: original});
}
