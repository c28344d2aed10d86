/**
 * One upstream fetch: the relay's fixed request (a User-Agent and Accept of its own, validators
 * for a conditional request, nothing of the visitor's), redirects followed by hand so each hop is
 * checked again (at most `maxRedirects`, no loops), one timeout for DNS, every hop and the body,
 * a size cap counted while the body streams (after decompression, so a gzip bomb stops at the
 * cap), and the feed check: only a body that is a feed is handed on to be stored.
 */
import {detectFormat} from '../lib/feeds/detect.js';
import {decodeFeedBytes} from '../lib/load/decode.js';
import {untilAborted} from '../lib/load/abort.js';
import type {RelayCacheEntry} from './cache.js';
import {FORBIDDEN_ADDRESS_CODE, formatBytes, formatMs, PREFIX, RelayError, type FetchUpstream} from './options.js';
import {errorCode, type HopChecker, type Target} from './policy.js';
import {RELAY_VERSION} from './version.js';

/** What one upstream fetch gave: a fresh body, or "not modified" for the validators sent. */
export interface Fetched {
  notModified?: boolean;
  body?: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  url: string;
}

export interface UpstreamSettings {
  fetchUpstream: FetchUpstream;
  checkHop: HopChecker;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

const USER_AGENT = `feedcal-relay/${RELAY_VERSION}`;
const ACCEPT =
  'text/calendar, application/calendar+json;q=0.9, application/feed+json, application/json, application/rss+xml, ' +
  'application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Content types for feeds whose server named none, by the sniffed format. */
const TYPE_OF_FORMAT: Record<string, string> = {
  ics: 'text/calendar',
  json: 'application/json',
  jsonld: 'application/ld+json',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  markdown: 'text/markdown',
};

const CODES: Record<string, string> = {
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate for another host',
};
const describeCode = (code: string) => CODES[code] ?? code;

/** Lets go of a response body that is not read (a redirect, an error page). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** Fetches `target` (following and checking redirects), capped and timed out; `stale` gives the validators. */
export function upstreamFetcher(settings: UpstreamSettings): (target: Target, stale: RelayCacheEntry | undefined) => Promise<Fetched> {
  const {fetchUpstream, checkHop, maxBytes, timeoutMs, maxRedirects} = settings;

  /** The body, counting bytes as they arrive (decompressed); aborted past `maxBytes`. */
  async function readCapped(response: Response, controller: AbortController): Promise<Uint8Array> {
    const tooLarge = () => new RelayError(413, `${PREFIX} the feed is larger than the relay's limit of ${formatBytes(maxBytes)}.`, 'too large');
    const declared = Number(response.headers.get('content-length'));
    // Content-Length counts encoded bytes: a body declared larger is larger still decoded.
    if (declared > maxBytes) {
      discard(response);
      throw tooLarge();
    }
    if (!response.body) return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const {done, value} = await untilAborted(reader.read(), controller.signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        controller.abort();
        throw tooLarge();
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return body;
  }

  return async function fetchFeed(target, stale) {
    const controller = new AbortController();
    const timeout = new RelayError(504, `${PREFIX} the feed's server did not answer within ${formatMs(timeoutMs)}.`, 'timeout');
    const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
    const {signal} = controller;
    try {
      let url = target.url;
      const seen = new Set<string>();
      for (let hop = 0; ; hop++) {
        await checkHop(url, target, hop > 0, signal);
        seen.add(url.href);
        const headers = new Headers({'user-agent': USER_AGENT, accept: ACCEPT});
        const conditional = stale && stale.url === url.href && (stale.etag || stale.lastModified);
        if (conditional && stale.etag) headers.set('if-none-match', stale.etag);
        if (conditional && stale.lastModified) headers.set('if-modified-since', stale.lastModified);
        const response = await untilAborted(fetchUpstream(url.href, {method: 'GET', headers, redirect: 'manual', signal}), signal);
        if (REDIRECTS.has(response.status)) {
          discard(response);
          const location = response.headers.get('location');
          let next: URL | undefined;
          try {
            next = location ? new URL(location, url) : undefined;
          } catch {
            /* below */
          }
          if (!next) throw new RelayError(502, `${PREFIX} the feed's server answered a redirect without a valid Location.`, 'bad redirect');
          next.hash = '';
          if (seen.has(next.href)) throw new RelayError(502, `${PREFIX} the feed's server redirects in a loop.`, 'redirect loop');
          if (hop + 1 > maxRedirects) throw new RelayError(502, `${PREFIX} the feed redirected more than ${maxRedirects} times.`, 'too many redirects');
          url = next;
          continue;
        }
        if (response.status === 304 && conditional) {
          discard(response);
          return {
            notModified: true,
            url: url.href,
            etag: response.headers.get('etag') ?? undefined,
            lastModified: response.headers.get('last-modified') ?? undefined,
          };
        }
        if (response.status !== 200) {
          discard(response);
          throw new RelayError(502, `${PREFIX} the feed's server answered HTTP ${response.status}.`, `upstream ${response.status}`);
        }
        const body = await readCapped(response, controller);
        const contentType = response.headers.get('content-type') ?? '';
        const format = detectFormat(decodeFeedBytes(body, contentType), contentType);
        if (!format) {
          throw new RelayError(
            415,
            `${PREFIX} the address did not return a feed (JSON, RSS, Atom, iCalendar, Markdown or a page with JSON-LD events).`,
            'not a feed'
          );
        }
        return {
          body,
          contentType: contentType || TYPE_OF_FORMAT[format] || 'application/octet-stream',
          etag: response.headers.get('etag') ?? undefined,
          lastModified: response.headers.get('last-modified') ?? undefined,
          url: url.href,
        };
      }
    } catch (error) {
      if (signal.reason === timeout) throw timeout;
      if (error instanceof RelayError) throw error;
      if (errorCode(error) === FORBIDDEN_ADDRESS_CODE) {
        throw new RelayError(403, `${PREFIX} refused: the feed's host resolved to a forbidden address when connecting.`, 'address refused');
      }
      const code = errorCode(error);
      throw new RelayError(502, `${PREFIX} could not reach the feed's server${code ? ` (${describeCode(code)})` : ''}.`, `network error${code ? ` ${code}` : ''}`);
    } finally {
      clearTimeout(timer);
      // Whatever happened, nothing of this request outlives it (a socket of a refused body).
      if (!signal.aborted) controller.abort();
    }
  };
}
