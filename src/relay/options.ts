/**
 * The relay's public types and its options, checked once when the relay is created. Every
 * refusal names the option and the fix: a relay that starts is a relay that is safe to run (it is
 * never an open proxy), and what is wrong is said before the first visitor arrives.
 */
import type {RelayCache} from './cache.js';

/** What the host knows about the request beyond the Request itself. */
export interface RelayRequestInfo {
  /**
   * The visitor's address as the host sees it (the Node adapter passes the socket's remote
   * address). Used only as the rate limit's key, and logged only with `logClientAddresses`.
   */
  clientAddress?: string;
}

/** The relay: a Fetch-API handler. The second argument is optional. */
export type RelayHandler = (request: Request, info?: RelayRequestInfo) => Promise<Response>;

/** A `fetch` for upstream requests; the relay always passes `redirect: 'manual'` and a signal. */
export type FetchUpstream = (url: string, init: RequestInit) => Promise<Response>;

/** One line of the optional request log. */
export interface RelayLogEntry {
  method: string;
  /** The feed asked for: its address (`?url=`) or `feeds/<name>`; absent for other routes. */
  feed?: string;
  status: number;
  /** hit, miss, revalidated (304 upstream), stale (upstream failed, last good copy served), error. */
  cache?: 'hit' | 'miss' | 'revalidated' | 'stale' | 'error';
  /** Why the upstream failed, as in `X-Feedcal-Stale` (e.g. `upstream 503`, `timeout`). */
  failure?: string;
  /** The format the feed was converted to (`?format=`, or the widget's Accept), when it was. */
  converted?: 'json' | 'ics' | 'rss';
  /** Milliseconds the relay took. */
  ms: number;
  /** The visitor's address: only with `logClientAddresses: true`. */
  client?: string;
}

export interface RelayOptions {
  /**
   * Required, non-empty (unless `feeds` names at least one feed): the feed addresses the relay
   * may fetch. An entry is an exact address (`https://example.org/events.ics`), or a prefix when
   * it ends in `/` or `*` (`https://calendar.google.com/calendar/ical/`,
   * `https://example.org/feed*`); a bare site (`https://example.org`) is the prefix of all its
   * paths. Scheme, host and port must match exactly. Every redirect hop is checked against this
   * list too. The relay refuses to start without it: it is never an open proxy.
   */
  allow?: readonly string[];
  /**
   * Named feeds: `{calendar: 'https://…/basic.ics'}` serves that feed at `/feeds/calendar`, so a
   * page need not show (or be able to change) the upstream address. Their addresses are allowed
   * (exactly) without repeating them in `allow`. Names: letters, digits, `.`, `_`, `-`.
   */
  feeds?: Readonly<Record<string, string>>;
  /**
   * Site origins that may read the relay's answers from a page (`https://our-blog.se`): they get
   * `Access-Control-Allow-Origin` (with `Vary: Origin`) and an answered preflight. `'*'` lets any
   * site read them: only when the owner says so. Unset: no CORS headers (the relay is served
   * from the site's own origin, e.g. behind its nginx).
   */
  origins?: readonly string[] | '*';
  /** Seconds a copy is served without asking the upstream again. Default 600 (10 minutes). */
  cacheSeconds?: number;
  /**
   * Seconds after a failed upstream request during which the relay does not ask again: the
   * stale copy (or the error) is served at once instead of every visitor waiting for a hung
   * server. Default 30, at most `cacheSeconds`.
   */
  failureSeconds?: number;
  /**
   * How old a last good copy may be and still be served when the upstream fails. Default
   * 604800 (7 days): a week-old calendar is better than none, and the header says its age.
   */
  staleSeconds?: number;
  /** The largest feed relayed, in bytes after decompression (a gzip bomb stops here). Default 5 MB. */
  maxBytes?: number;
  /** Milliseconds for the whole upstream fetch (DNS, every hop, the body). Default 10000. */
  timeoutMs?: number;
  /** Most redirects followed; each hop is checked again. Default 5. */
  maxRedirects?: number;
  /**
   * Requests per client per minute (a token bucket: short bursts up to this many are fine).
   * Unset: no limit. The client is `clientHeader`'s value when set, else the address the host
   * adapter passes (`RelayRequestInfo.clientAddress`); a request with neither is not limited.
   */
  rateLimit?: number;
  /**
   * A request header that carries the visitor's address and that the host guarantees, e.g.
   * `CF-Connecting-IP` on Cloudflare, or `X-Real-IP` behind an nginx that sets it. Never name a
   * header the visitor could set themselves: they would escape the rate limit.
   */
  clientHeader?: string;
  /**
   * Host names (not addresses) allowed to resolve to private or local addresses, e.g. a Nextcloud
   * on the LAN (`nextcloud.lan`). Each must be the host of an `allow` entry or a feed. A host
   * written in `allow` as an IP address or as `localhost` is allowed by name already.
   */
  privateHosts?: readonly string[];
  /**
   * Resolves a host name to every address it has, for the SSRF rule (refused when any address is
   * private or local). The Node adapter supplies one built on `node:dns`. Without it (Cloudflare
   * Workers have no DNS API) only addresses written in the URL are checked: on Workers, private
   * and loopback addresses are not reachable from `fetch` anyway.
   */
  resolveHost?: (hostname: string) => Promise<readonly string[]>;
  /** The fetch used upstream. Default: the global `fetch`. The Node adapter pins the checked address. */
  fetchUpstream?: FetchUpstream;
  /** Where feeds are kept. Default: a `MemoryCache` (500 feeds, 64 MB). */
  cache?: RelayCache;
  /** The clock, in milliseconds. Default `Date.now`. For tests. */
  now?: () => number;
  /** Where the relay lives under its host, e.g. `/relay`. Default: the root. */
  basePath?: string;
  /**
   * The zone converted views (`?format=`, the widget's JSON) read floating times and resolve
   * `from`/`to` in when the request names none (`time-zone=`). Default `UTC`.
   */
  timeZone?: string;
  /** Called once per request with what happened. Default: nothing is logged. */
  log?: (entry: RelayLogEntry) => void;
  /** Put the visitor's address in log entries. Default false: visitor addresses are never logged. */
  logClientAddresses?: boolean;
}

/** A failure with the status and one-line message the visitor gets, and a short reason for headers and logs. */
export class RelayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Short, for `X-Feedcal-Stale` and logs: `upstream 503`, `timeout`, `too large`, `not a feed`, … */
    readonly reason: string,
    /** Seconds after which asking again makes sense (429, remembered failures). */
    readonly retryAfter?: number
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

/**
 * What an upstream fetch rejects with when the address it was about to connect to is forbidden
 * (the Node adapter's connect-time check). The relay answers 403 for it.
 */
export const FORBIDDEN_ADDRESS_CODE = 'FEEDCAL_FORBIDDEN_ADDRESS';

export const DEFAULTS = {
  cacheSeconds: 600,
  failureSeconds: 30,
  staleSeconds: 7 * 24 * 3600,
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
} as const;

/** Every message the relay gives starts with this, so a person knows who is speaking. */
export const PREFIX = 'feedcal relay:';

/** A wrong option: thrown by `createRelay` before it serves anything. */
export const fail = (message: string): never => {
  throw new TypeError(`${PREFIX} ${message}`);
};

/** A number option, or its default; `name` is how the message names it. */
export const positive = (value: number | undefined, fallback: number, name: string, allowZero = false): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    fail(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${JSON.stringify(value)}.`);
  }
  return value;
};

/** The CORS origins option, checked: a set of origins, `'*'`, or none. */
export function parseOrigins(option: RelayOptions['origins']): Set<string> | '*' | undefined {
  if (option === undefined) return undefined;
  if (option === '*') return '*';
  if (!Array.isArray(option)) return fail("origins must be a list of site origins, or '*'.");
  const origins = new Set<string>();
  for (const origin of option) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      /* reported below */
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || url.username) {
      fail(`origin ${JSON.stringify(origin)} must be a site origin only, like https://our-blog.se (no path), or '*'.`);
    }
    origins.add(url!.origin);
  }
  return origins;
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
export const formatMs = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`);
