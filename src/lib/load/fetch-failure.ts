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
 * `timeout` (the list's) wins over it: a visitor who was promised an answer within 2 s must not
 * watch "Loading" for the 30 s a busy server asks for. A wait longer than `timeout` is not
 * made (the error shows now); a backoff is never longer than it.
 */
export function retryDelay(error: unknown, attempt: number, retryAfter?: string | null, timeout = Infinity): number | undefined {
  if (!isRetryable(error)) return undefined;
  const longest = Math.min(MAX_RETRY_AFTER, timeout);
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined && asked > longest) return undefined;
  return Math.min(asked ?? backoffMs(attempt), longest);
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
 * `fetch` rejects with the same TypeError for "offline", "blocked by CORS", "blocked as mixed
 * content" and every failed redirect. Telling them apart matters to the person who must fix it.
 * Mixed content is decided from the two addresses alone, first; then whether the address
 * redirects (`redirectFailure`). Otherwise, for a cross-origin URL we ask again in `no-cors`
 * mode: if that answers, the server is there and only CORS stood in the way. Returns the error
 * that says so, and undefined for a real network failure (the caller's "offline" error).
 */
export async function blockedBy(target: string, original: string, probeRedirects = true): Promise<FeedError | undefined> {
  const insecure = mixedContentFailure(target, original);
  if (insecure || navigator.onLine === false) return insecure;
  const redirected = probeRedirects ? await redirectFailure(target, original) : undefined;
  if (redirected || new URL(target).origin === location.origin) return redirected;
  return (await probe(target, 'no-cors')).answered ? corsError(original, 'The feed’s server does not allow other sites to read it (no CORS headers).') : undefined;
}

const corsError = (url: string, message: string) => new FeedError('cors', 'cors', message, {url});

/** Asks for `target` once, without reading the body: whether anything answered, and how long it took. */
async function probe(target: string, mode: 'manual' | 'no-cors'): Promise<{answered: boolean; redirects: boolean; ms: number}> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT);
  try {
    const response = await fetch(target, {
      ...(mode === 'manual' ? {redirect: 'manual'} : {mode}),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    });
    return {answered: true, redirects: response.type === 'opaqueredirect', ms: performance.now() - started};
  } catch {
    return {answered: false, redirects: false, ms: performance.now() - started};
  } finally {
    clearTimeout(timer);
    // Only the headers were wanted: the body (maybe the whole feed) is not downloaded.
    controller.abort();
  }
}

const PROBE_TIMEOUT = 5000;
/**
 * A failed chain that took this many times as long as one redirect went round in a loop. Browsers
 * give up after 20 redirects (Safari after 16); a refused hop ends after the first.
 */
const LOOP_FACTOR = 6;

/**
 * Why a request to an address that redirects failed, or undefined when it does not redirect (as
 * far as the page may see). Browsers tell a page nothing about a failed redirect: the target of
 * a redirect is hidden from scripts (`redirect: 'manual'` gives an `opaqueredirect` answer with
 * no Location), and loops, refused schemes and CORS all reject with the same TypeError. So:
 *
 * 1. `redirect: 'manual'`: an `opaqueredirect` says the address redirects. (For another origin
 *    this needs CORS headers on the redirect itself; without them nothing is known here and the
 *    caller's `no-cors` probe decides between CORS and offline.)
 * 2. The same address in `no-cors` mode, following redirects: if it answers, the chain ends at a
 *    server that answers, and only CORS on a later hop stood in the way: `cors`.
 * 3. If it fails too, the browser refused the chain: a loop, or a hop to an address a fetch never
 *    follows (`file:`, `data:`, `javascript:`, a refused port) or cannot reach. The one thing a
 *    page can observe that differs is the cost: a loop takes 16–20 round trips, a refused hop
 *    one. Each probe is timed twice, the faster kept (a stall on a busy machine only slows one),
 *    and a chain that took over `LOOP_FACTOR` times as long as one redirect is a `redirect-loop`;
 *    else `redirect-blocked`. Both name a redirect the owner must fix; only the wording differs.
 */
async function redirectFailure(target: string, original: string): Promise<FeedError | undefined> {
  const first = await probe(target, 'manual');
  if (!first.redirects) return undefined;
  const chain = await probe(target, 'no-cors');
  if (chain.answered) return corsError(original, 'The feed’s address redirects to another server, which does not allow other sites to read it (no CORS headers).');
  const hop = Math.min(first.ms, (await probe(target, 'manual')).ms);
  const failed = Math.min(chain.ms, (await probe(target, 'no-cors')).ms);
  return failed > LOOP_FACTOR * Math.max(hop, 1)
    ? new FeedError('http', 'redirect-loop', 'The feed’s address redirects in a loop (the browser gave up after many redirects).', {url: original})
    : new FeedError(
        'http',
        'redirect-blocked',
        'The feed’s address redirects to an address the browser will not fetch (file:, data:, javascript: or an unreachable server).',
        {url: original}
      );
}
