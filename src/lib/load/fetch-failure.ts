/**
 * The part of fetch-feed.ts that runs only once a request has failed: whether and when to try
 * again (backoff with jitter, `Retry-After`), and whether a failed request was blocked as mixed
 * content or by CORS rather than by the network. Most pages load their feed at the first attempt,
 * so fetch-feed.ts imports this module on demand, at the first failure, keeping it out of the
 * script every page downloads.
 */
import {abortError} from './abort.js';
import {FeedError} from '../events/model.js';

/** A `Retry-After` longer than this is not waited for: the attempt fails now instead. */
export const MAX_RETRY_AFTER = 30_000;
const BACKOFF_BASE = 500;

/** `Retry-After` in milliseconds (delay-seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date (IMF-fixdate) is a fixed, unambiguous format: Date.parse reads it exactly.
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with full jitter on top, so widgets sharing a failing feed do not retry in step. */
export function backoffMs(attempt: number, random = Math.random()): number {
  return BACKOFF_BASE * 2 ** attempt * (1 + random);
}

function isRetryable(error: unknown): error is FeedError {
  if (!(error instanceof FeedError)) return false;
  // Mixed content is blocked by the browser itself: asking again can only fail again.
  if (error.code === 'insecure') return false;
  // A timeout is not retried: the visitor has already waited the whole `timeout` once.
  if (error.kind === 'network') return true;
  return error.kind === 'http' && (error.detail.status ?? 0) >= 500;
}

/**
 * How long to wait before trying again after `attempt` (0 for the first) failed with `error`, or
 * undefined when it is not worth another try. `retryAfter` is the answer's `Retry-After` header.
 */
export function retryDelay(error: unknown, attempt: number, retryAfter?: string | null): number | undefined {
  if (!isRetryable(error)) return undefined;
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined && asked > MAX_RETRY_AFTER) return undefined;
  return asked ?? backoffMs(attempt);
}

/** Waits `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, {once: true});
  });
}

/**
 * Whether the browser blocked the request as mixed content: an `http:` feed asked for from an
 * `https:` page. `fetch` then rejects with the same TypeError as offline (so does the `no-cors`
 * probe), so without this an organiser pasting an http:// feed into an https blog would read "no
 * network connection". Pure: the page's address is a parameter. Its default, `document.URL`, is
 * the same address as `location.href`, but one a test can shadow (location cannot be replaced).
 */
export function mixedContentFailure(target: string, original: string, page = document.URL): FeedError | undefined {
  const {protocol, hostname} = new URL(target);
  // Loopback hosts are "potentially trustworthy": Chromium lets an https page reach them over
  // http. The URL parser has already lowercased the host and normalised IPs (127.1 → 127.0.0.1).
  const loopback = /(^|\.)localhost\.?$|^127\.[\d.]+$|^\[::1]$/.test(hostname);
  if (protocol !== 'http:' || loopback || new URL(page).protocol !== 'https:') return undefined;
  // The exact cause, for event-list-error and the console; the fix is in the owner's details (views/feed-error.ts).
  return new FeedError('network', 'insecure', `Browsers block an http:// feed (${original}) on an https:// page: mixed content.`, {url: original});
}

/**
 * `fetch` rejects with the same TypeError for "offline", "blocked by CORS" and "blocked as mixed
 * content". Telling them apart matters to the person who must fix it. Mixed content is decided
 * from the two addresses alone, first. Otherwise, for a cross-origin URL we ask again in
 * `no-cors` mode: if that answers, the server is there and only CORS stood in the way. Returns
 * the insecure or CORS error then, and undefined for a real network failure (the caller's
 * "offline" error).
 */
export async function blockedBy(target: string, original: string): Promise<FeedError | undefined> {
  const insecure = mixedContentFailure(target, original);
  const crossOrigin = new URL(target).origin !== location.origin;
  if (insecure || !crossOrigin || navigator.onLine === false) return insecure;
  try {
    await fetch(target, {mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(5000), referrerPolicy: 'no-referrer'});
    return new FeedError('cors', 'cors', 'The feed’s server does not allow other sites to read it (no CORS headers).', {url: original});
  } catch {
    // Unreachable in no-cors mode too: a real network failure.
    return undefined;
  }
}
