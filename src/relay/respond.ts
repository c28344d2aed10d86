/**
 * The relay's answers: CORS headers for the configured origins only, plain-text errors that say
 * what to do, the preflight, and feed answers with the headers a widget and a CDN read (`Age`,
 * `X-Feedcal-Cache`, `X-Feedcal-Stale`, validators, `Cache-Control`, `Vary`). A feed body is
 * someone else's content: it is served with `nosniff` and a sandboxing CSP, so a page among the
 * feeds can never run as the relay's origin.
 */
import {PREFIX, type RelayError} from './options.js';
import type {Outcome} from './store.js';

export type Headers = Record<string, string>;

/** Headers a page may read from a cross-origin answer (the widget reads the stale ones). */
const EXPOSED = 'Age, ETag, X-Feedcal-Cache, X-Feedcal-Stale';

/** The CORS headers for a request from `origin`, or none when it is not a configured origin. */
export function corsFor(origins: Set<string> | '*' | undefined): (origin: string | null) => Headers {
  return (origin) => {
    if (!origins) return {};
    if (origins === '*') return {'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED};
    const headers: Headers = {vary: 'Origin'};
    if (origin && origins.has(origin)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = EXPOSED;
    }
    return headers;
  };
}

/** A plain-text answer (errors, refusals): one line, never cached. */
export function textResponse(status: number, message: string, method: string, headers: Headers = {}): Response {
  return new Response(method === 'HEAD' ? null : `${message}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(new TextEncoder().encode(`${message}\n`).byteLength),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/** The answer to a relay error (with Retry-After when asking again later makes sense). */
export function errorResponse(error: RelayError, method: string, cors: Headers): Response {
  const headers: Headers = {...cors};
  if (error.retryAfter) headers['retry-after'] = String(error.retryAfter);
  return textResponse(error.status, error.message, method, headers);
}

/** The CORS preflight: answered for configured origins only. */
export function preflightResponse(request: Request, cors: Headers, anyOrigin: boolean): Response {
  const origin = request.headers.get('origin');
  if (!cors['access-control-allow-origin']) {
    return textResponse(403, `${PREFIX} ${origin ? `${origin} is not one of the relay's origins` : 'a preflight needs an Origin'}.`, 'OPTIONS', cors);
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'Accept, If-None-Match, If-Modified-Since, Cache-Control',
      'access-control-max-age': '86400',
      vary: anyOrigin ? 'Access-Control-Request-Headers' : 'Origin, Access-Control-Request-Headers',
    },
  });
}

/** A body to serve for a feed: the stored copy as it is, or a converted view of it. */
export interface FeedBody {
  body: Uint8Array;
  contentType: string;
  etag?: string;
  lastModified?: string;
}

/**
 * A feed answer for `outcome` with `served` as its body. The age, the cache state and the
 * failure come from the stored copy the body was made from, so a converted view of a stale copy
 * says it is stale just as the copy would. `negotiated`: the body is feedcal JSON because the
 * Accept header asked for it (view.ts), so it gets `Vary: Accept` and a cache in front never
 * gives it to a calendar app. The feed as it is needs no Vary: any client can read it (a widget
 * that gets it from a cache just parses iCalendar itself).
 */
export function feedResponse(
  outcome: Exclude<Outcome, {kind: 'error'}>,
  served: FeedBody,
  request: Request,
  cors: Headers,
  now: number,
  cacheSeconds: number,
  negotiated = false
): Response {
  const age = Math.max(0, Math.floor((now - outcome.entry.storedAt) / 1000));
  const headers: Headers = {
    'content-type': served.contentType,
    age: String(age),
    'x-feedcal-cache': outcome.kind,
    'x-content-type-options': 'nosniff',
    // The body is someone else's: a page among the feeds must not run as the relay's origin.
    'content-security-policy': "default-src 'none'; sandbox",
    ...cors,
  };
  if (negotiated) headers.vary = cors.vary ? `${cors.vary}, Accept` : 'Accept';
  if (outcome.kind === 'stale') {
    headers['x-feedcal-stale'] = outcome.error.reason;
    // Past its freshness: a CDN in front asks again (the relay answers from memory).
    headers['cache-control'] = 'public, max-age=0, must-revalidate';
  } else {
    headers['cache-control'] = `public, max-age=${cacheSeconds}`;
  }
  if (served.etag) headers.etag = served.etag;
  if (served.lastModified) headers['last-modified'] = served.lastModified;
  const ifNoneMatch = request.headers.get('if-none-match');
  if (served.etag && ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === served.etag || tag.trim() === '*')) {
    delete headers['content-type'];
    return new Response(null, {status: 304, headers});
  }
  headers['content-length'] = String(served.body.byteLength);
  return new Response(request.method.toUpperCase() === 'HEAD' ? null : (served.body as Uint8Array<ArrayBuffer>), {status: 200, headers});
}
