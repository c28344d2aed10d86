/**
 * The feed relay: serves event feeds whose servers send no CORS headers (Google Calendar,
 * Nextcloud, most blogs on another domain) to the widget, from the organisation's own domain or
 * an edge function. `createRelay(options)` returns a `(request: Request) => Promise<Response>`
 * handler written against the standard Fetch API only (Request, Response, Headers, URL, fetch,
 * AbortController, TextDecoder), so the same module runs on Node 20 (through ./node.ts and
 * `feedcal relay`), Cloudflare Workers, Deno and other edge runtimes.
 *
 * Routes:
 *   GET|HEAD /?url=<feed URL>    what `<event-list proxy="https://relay.example/?url={url}">` asks for
 *   GET|HEAD /feeds/<name>       a named feed (options.feeds), so a site need not show the upstream address
 *   OPTIONS  either              the CORS preflight, for the configured origins
 *
 * Never an open proxy: every address (and every redirect hop) must be on the allow list, be
 * http or https, and not reach a loopback, private, link-local or metadata address (see
 * address.ts) unless the owner named that host. Upstream requests carry nothing of the visitor's
 * (no cookies, no credentials, no headers but a fixed User-Agent and Accept), and responses carry
 * no Set-Cookie back. Bodies are capped while they stream (after decompression), timed out, and
 * must be feeds.
 *
 * Kind to upstreams: each feed is fetched at most once per `cacheSeconds` however many visitors
 * ask (concurrent misses share one request), revalidated with If-None-Match / If-Modified-Since,
 * and when the upstream fails the last good copy is served with `Age` and `X-Feedcal-Stale`.
 */
import {detectFormat} from '../lib/feeds/detect.js';
import {decodeFeedBytes} from '../lib/load/decode.js';
import {forbiddenAddress, isIPLiteral} from './address.js';
import {MemoryCache, type RelayCache, type RelayCacheEntry} from './cache.js';
import {RELAY_VERSION} from './version.js';
import {untilAborted} from '../lib/load/abort.js';

export {MemoryCache, type RelayCache, type RelayCacheEntry} from './cache.js';
export {forbiddenAddress} from './address.js';
export {RELAY_VERSION} from './version.js';

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

const USER_AGENT = `feedcal-relay/${RELAY_VERSION}`;
const ACCEPT =
  'text/calendar, application/calendar+json;q=0.9, application/feed+json, application/json, application/rss+xml, ' +
  'application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PREFIX = 'feedcal relay:';
const FEED_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Content types for feeds whose server named none, by the sniffed format. */
const TYPE_OF_FORMAT: Record<string, string> = {
  ics: 'text/calendar',
  json: 'application/json',
  jsonld: 'application/ld+json',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  markdown: 'text/markdown',
};

interface AllowRule {
  protocol: string;
  host: string;
  path: string;
  prefix: boolean;
}

interface Target {
  url: URL;
  /** How messages name the feed: the address for `?url=`, `"name"` for a named feed (its address stays private). */
  label: string;
  named: boolean;
}

type Outcome =
  {kind: 'hit' | 'miss' | 'revalidated'; entry: RelayCacheEntry} | {kind: 'stale'; entry: RelayCacheEntry; error: RelayError} | {kind: 'error'; error: RelayError};

interface Fetched {
  notModified?: boolean;
  body?: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  url: string;
}

const fail = (message: string): never => {
  throw new TypeError(`${PREFIX} ${message}`);
};

function parseAllowEntry(entry: string, what: string): AllowRule {
  if (typeof entry !== 'string' || !entry.trim()) fail(`${what} must be a feed URL or prefix, got ${JSON.stringify(entry)}.`);
  const star = entry.endsWith('*');
  let url: URL;
  try {
    url = new URL(star ? entry.slice(0, -1) : entry);
  } catch {
    return fail(`${what} ${JSON.stringify(entry)} is not an absolute URL; write it like https://example.org/events.ics.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${what} ${JSON.stringify(entry)} must start with http:// or https://.`);
  if (url.username || url.password) fail(`${what} ${JSON.stringify(entry)} must not contain a user name or password.`);
  const path = url.pathname + url.search;
  return {protocol: url.protocol, host: url.host, path, prefix: star || (url.pathname.endsWith('/') && !url.search)};
}

const positive = (value: number | undefined, fallback: number, name: string, allowZero = false): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    fail(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${JSON.stringify(value)}.`);
  }
  return value;
};

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
const formatMs = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`);

/** The host-name rule shared with the Node adapter's connect-time check. */
export interface AddressPolicy {
  /** True when the owner named this host, so its addresses are not checked. */
  namedPrivate(hostname: string): boolean;
  /** Why connecting to `address` for `hostname` is refused, or undefined when it is fine. */
  refuse(hostname: string, address: string): string | undefined;
}

/**
 * The address rule for a set of relay options: a host written in `allow` or `feeds` as an IP
 * address or as `localhost`, or listed in `privateHosts`, is allowed by name; every other host
 * must resolve to public addresses only.
 */
export function addressPolicy(options: Pick<RelayOptions, 'allow' | 'feeds' | 'privateHosts'>): AddressPolicy {
  const hosts = [...(options.allow ?? []), ...Object.values(options.feeds ?? {})].map((entry) => {
    try {
      return new URL(entry.replace(/\*$/, '')).hostname.toLowerCase();
    } catch {
      return '';
    }
  });
  const named = new Set<string>();
  for (const host of hosts) if (host && (isIPLiteral(host) || host === 'localhost' || host.endsWith('.localhost'))) named.add(host);
  for (const host of options.privateHosts ?? []) {
    const name = String(host).toLowerCase();
    if (!hosts.includes(name)) fail(`privateHosts: ${JSON.stringify(host)} is not the host of any allow entry or feed.`);
    named.add(name);
  }
  const namedPrivate = (hostname: string) => named.has(hostname.toLowerCase());
  return {
    namedPrivate,
    refuse: (hostname, address) => (namedPrivate(hostname) ? undefined : forbiddenAddress(address)),
  };
}

/**
 * Creates the relay. Throws a TypeError naming the fix when the options are unsafe or wrong
 * (no allow list, an allow entry that is not an http(s) URL, an origin with a path, …).
 */
export function createRelay(options: RelayOptions): RelayHandler {
  if (options.allow !== undefined && !Array.isArray(options.allow)) fail('allow must be a list of feed URLs or prefixes.');
  if (options.origins !== undefined && options.origins !== '*' && !Array.isArray(options.origins)) fail("origins must be a list of site origins, or '*'.");
  const feeds = new Map<string, URL>();
  for (const [name, address] of Object.entries(options.feeds ?? {})) {
    if (!FEED_NAME.test(name)) fail(`feed name ${JSON.stringify(name)} may only hold letters, digits, ".", "_" and "-".`);
    parseAllowEntry(address, `feed ${name}:`);
    feeds.set(name, new URL(address));
  }
  const rules = [
    ...(options.allow ?? []).map((entry) => parseAllowEntry(entry, 'allow entry')),
    ...[...feeds.values()].map((url) => ({protocol: url.protocol, host: url.host, path: url.pathname + url.search, prefix: false})),
  ];
  if (!rules.length) {
    fail('give at least one allow entry (a feed URL or prefix) or a named feed; the relay never forwards other addresses.');
  }
  let origins: Set<string> | '*' | undefined;
  if (options.origins === '*') origins = '*';
  else if (options.origins) {
    origins = new Set();
    for (const origin of options.origins) {
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
  }
  const cacheMs = positive(options.cacheSeconds, DEFAULTS.cacheSeconds, 'cacheSeconds', true) * 1000;
  const failureMs = Math.min(positive(options.failureSeconds, DEFAULTS.failureSeconds, 'failureSeconds', true) * 1000, cacheMs);
  const staleMs = positive(options.staleSeconds, DEFAULTS.staleSeconds, 'staleSeconds', true) * 1000;
  const maxBytes = positive(options.maxBytes, DEFAULTS.maxBytes, 'maxBytes');
  const timeoutMs = positive(options.timeoutMs, DEFAULTS.timeoutMs, 'timeoutMs');
  const maxRedirects = Math.floor(positive(options.maxRedirects, DEFAULTS.maxRedirects, 'maxRedirects', true));
  const rateLimit = options.rateLimit === undefined ? undefined : positive(options.rateLimit, 0, 'rateLimit');
  const clientHeader = options.clientHeader?.toLowerCase();
  const policy = addressPolicy(options);
  const fetchUpstream: FetchUpstream = options.fetchUpstream ?? ((url, init) => fetch(url, init));
  const cache: RelayCache = options.cache ?? new MemoryCache();
  const now = options.now ?? Date.now;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/')) fail(`basePath must start with "/", got ${JSON.stringify(options.basePath)}.`);

  const inFlight = new Map<string, Promise<Outcome>>();
  const failures = new Map<string, {error: RelayError; until: number}>();
  const buckets = new Map<string, {tokens: number; at: number}>();

  const allowed = (url: URL) =>
    rules.some(
      (rule) =>
        rule.protocol === url.protocol &&
        rule.host === url.host &&
        (rule.prefix ? (url.pathname + url.search).startsWith(rule.path) : url.pathname + url.search === rule.path)
    );

  // ---- CORS -------------------------------------------------------------------------------

  /** The CORS headers for a request from `origin`, or none when it is not a configured origin. */
  function corsHeaders(origin: string | null): Record<string, string> {
    if (!origins) return {};
    if (origins === '*') return {'access-control-allow-origin': '*', 'access-control-expose-headers': 'Age, ETag, X-Feedcal-Cache, X-Feedcal-Stale'};
    const headers: Record<string, string> = {vary: 'Origin'};
    if (origin && origins.has(origin)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = 'Age, ETag, X-Feedcal-Cache, X-Feedcal-Stale';
    }
    return headers;
  }

  const textResponse = (status: number, message: string, method: string, headers: Record<string, string> = {}) =>
    new Response(method === 'HEAD' ? null : `${message}\n`, {
      status,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(new TextEncoder().encode(`${message}\n`).byteLength),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers,
      },
    });

  // ---- rate limit -------------------------------------------------------------------------

  /** Seconds to wait when `key` is over the limit, else 0 (and a token is taken). */
  function rateLimited(key: string): number {
    if (!rateLimit) return 0;
    const t = now();
    const perMs = rateLimit / 60_000;
    const bucket = buckets.get(key) ?? {tokens: rateLimit, at: t};
    buckets.delete(key);
    bucket.tokens = Math.min(rateLimit, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    // Bounded memory: the least recently seen clients go first (a full bucket is the same as none).
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  // ---- upstream ---------------------------------------------------------------------------

  /** Refuses `url` unless it is on the allow list and reaches no forbidden address. */
  async function checkHop(url: URL, target: Target, redirected: boolean, signal: AbortSignal): Promise<void> {
    const where = redirected ? 'the feed redirected to' : target.named ? `the feed ${target.label} points to` : 'the address is';
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RelayError(redirected ? 403 : 400, `${PREFIX} ${where} a ${url.protocol} address; only http and https are relayed.`, 'redirect refused');
    }
    if (url.username || url.password) {
      throw new RelayError(redirected ? 403 : 400, `${PREFIX} ${where} an address with a user name or password, which is not relayed.`, 'redirect refused');
    }
    if (!allowed(url)) {
      throw new RelayError(403, `${PREFIX} ${where} an address that is not on the relay's allow list.`, redirected ? 'redirect refused' : 'not allowed');
    }
    const hostname = url.hostname;
    if (policy.namedPrivate(hostname)) return;
    const hostLabel = target.named && !redirected ? 'its host' : hostname;
    if (isIPLiteral(hostname)) {
      const problem = forbiddenAddress(hostname);
      if (problem) throw addressRefused(hostLabel, problem);
      return;
    }
    if (!options.resolveHost) return;
    let addresses: readonly string[];
    try {
      addresses = await untilAborted(options.resolveHost(hostname), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new RelayError(502, `${PREFIX} could not resolve ${hostLabel} (${errorCode(error) ?? 'DNS error'}).`, 'dns error');
    }
    if (!addresses.length) throw new RelayError(502, `${PREFIX} ${hostLabel} has no address.`, 'dns error');
    for (const address of addresses) {
      const problem = forbiddenAddress(address);
      if (problem) throw addressRefused(hostLabel, problem);
    }
  }

  const addressRefused = (host: string, problem: string) =>
    new RelayError(
      403,
      `${PREFIX} refused: ${host} resolves to a ${problem} address; the relay only fetches private hosts its owner names (privateHosts).`,
      'address refused'
    );

  /** Fetches `target` (following and checking redirects), capped and timed out. */
  async function fetchFeed(target: Target, stale: RelayCacheEntry | undefined): Promise<Fetched> {
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
  }

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

  // ---- cache ------------------------------------------------------------------------------

  async function cached(key: string): Promise<RelayCacheEntry | undefined> {
    try {
      return await cache.get(key);
    } catch {
      return undefined;
    }
  }

  async function store(key: string, entry: RelayCacheEntry): Promise<void> {
    try {
      await cache.set(key, entry);
    } catch {
      // A failing shared store must not fail the visitor: the copy is served all the same.
    }
  }

  /** The feed for `target`: from the cache, a shared upstream request, or the last good copy. */
  async function load(target: Target): Promise<Outcome> {
    const key = target.url.href;
    const entry = await cached(key);
    const t = now();
    if (entry && t - entry.storedAt < cacheMs) return {kind: 'hit', entry};
    const usable = entry && t - entry.storedAt < staleMs ? entry : undefined;
    const failed = failures.get(key);
    if (failed && failed.until > t) {
      if (usable) return {kind: 'stale', entry: usable, error: failed.error};
      const error = failed.error;
      return {kind: 'error', error: new RelayError(error.status, error.message, error.reason, Math.ceil((failed.until - t) / 1000))};
    }
    failures.delete(key);
    // No await between looking for a request under way and starting one: visitors arriving
    // together share it.
    let shared = inFlight.get(key);
    if (!shared) {
      shared = refresh(key, target, entry).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return shared;
  }

  async function refresh(key: string, target: Target, entry: RelayCacheEntry | undefined): Promise<Outcome> {
    try {
      const fetched = await fetchFeed(target, entry);
      if (fetched.notModified && entry) {
        const renewed = {...entry, storedAt: now(), etag: fetched.etag ?? entry.etag, lastModified: fetched.lastModified ?? entry.lastModified};
        await store(key, renewed);
        return {kind: 'revalidated', entry: renewed};
      }
      const fresh: RelayCacheEntry = {
        body: fetched.body!,
        contentType: fetched.contentType!,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        storedAt: now(),
        url: fetched.url,
      };
      await store(key, fresh);
      return {kind: 'miss', entry: fresh};
    } catch (caught) {
      const error = caught instanceof RelayError ? caught : new RelayError(502, `${PREFIX} the upstream request failed.`, 'error');
      const t = now();
      if (failureMs > 0) {
        failures.set(key, {error, until: t + failureMs});
        if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
      }
      if (entry && t - entry.storedAt < staleMs) return {kind: 'stale', entry, error};
      return {kind: 'error', error: failureMs > 0 ? new RelayError(error.status, error.message, error.reason, Math.ceil(failureMs / 1000)) : error};
    }
  }

  // ---- responses --------------------------------------------------------------------------

  function feedResponse(outcome: Exclude<Outcome, {kind: 'error'}>, request: Request, cors: Record<string, string>): Response {
    const {entry} = outcome;
    const age = Math.max(0, Math.floor((now() - entry.storedAt) / 1000));
    const headers: Record<string, string> = {
      'content-type': entry.contentType,
      age: String(age),
      'x-feedcal-cache': outcome.kind,
      'x-content-type-options': 'nosniff',
      // The body is someone else's: a page among the feeds must not run as the relay's origin.
      'content-security-policy': "default-src 'none'; sandbox",
      ...cors,
    };
    if (outcome.kind === 'stale') {
      headers['x-feedcal-stale'] = outcome.error.reason;
      // Past its freshness: a CDN in front asks again (the relay answers from memory).
      headers['cache-control'] = 'public, max-age=0, must-revalidate';
    } else {
      headers['cache-control'] = `public, max-age=${Math.round(cacheMs / 1000)}`;
    }
    if (entry.etag) headers.etag = entry.etag;
    if (entry.lastModified) headers['last-modified'] = entry.lastModified;
    const ifNoneMatch = request.headers.get('if-none-match');
    if (entry.etag && ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag || tag.trim() === '*')) {
      delete headers['content-type'];
      return new Response(null, {status: 304, headers});
    }
    headers['content-length'] = String(entry.body.byteLength);
    return new Response(request.method === 'HEAD' ? null : (entry.body as Uint8Array<ArrayBuffer>), {status: 200, headers});
  }

  // ---- the handler ------------------------------------------------------------------------

  return async function relay(request: Request, info: RelayRequestInfo = {}): Promise<Response> {
    const started = now();
    const method = request.method.toUpperCase();
    const cors = corsHeaders(request.headers.get('origin'));
    let feedLabel: string | undefined;
    let cacheState: RelayLogEntry['cache'] = undefined;
    let failure: string | undefined;
    const clientKey = (clientHeader ? request.headers.get(clientHeader)?.split(',')[0].trim() : undefined) || info.clientAddress;

    const respond = (response: Response): Response => {
      if (options.log) {
        const entry: RelayLogEntry = {method, status: response.status, ms: now() - started};
        if (feedLabel) entry.feed = feedLabel;
        if (cacheState) entry.cache = cacheState;
        if (failure) entry.failure = failure;
        if (options.logClientAddresses && clientKey) entry.client = clientKey;
        try {
          options.log(entry);
        } catch {
          /* a log must not fail a request */
        }
      }
      return response;
    };

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return respond(textResponse(400, `${PREFIX} bad request address.`, method, cors));
    }
    let path = url.pathname;
    if (basePath) {
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return respond(notFound(method, cors));
      path = path.slice(basePath.length) || '/';
    }
    let name: string | undefined;
    if (path.startsWith('/feeds/')) {
      try {
        name = decodeURIComponent(path.slice('/feeds/'.length));
      } catch {
        name = '';
      }
      feedLabel = `feeds/${name}`;
      if (!feeds.has(name)) return respond(textResponse(404, `${PREFIX} there is no feed named ${JSON.stringify(name)} here.`, method, cors));
    } else if (path !== '/') {
      return respond(notFound(method, cors));
    }

    if (method === 'OPTIONS') {
      const origin = request.headers.get('origin');
      if (!cors['access-control-allow-origin']) {
        return respond(textResponse(403, `${PREFIX} ${origin ? `${origin} is not one of the relay's origins` : 'a preflight needs an Origin'}.`, method, cors));
      }
      return respond(
        new Response(null, {
          status: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': 'GET, HEAD, OPTIONS',
            'access-control-allow-headers': 'Accept, If-None-Match, If-Modified-Since, Cache-Control',
            'access-control-max-age': '86400',
            vary: origins === '*' ? 'Access-Control-Request-Headers' : 'Origin, Access-Control-Request-Headers',
          },
        })
      );
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return respond(
        textResponse(405, `${PREFIX} only GET and HEAD are relayed (and OPTIONS for CORS), not ${method}.`, method, {
          ...cors,
          allow: 'GET, HEAD, OPTIONS',
        })
      );
    }

    let target: Target;
    if (name !== undefined) {
      target = {url: feeds.get(name)!, label: JSON.stringify(name), named: true};
    } else {
      const raw = url.searchParams.get('url');
      if (!raw) {
        return respond(textResponse(400, `${PREFIX} give the feed's address as ?url=<encoded feed URL> (or ask for /feeds/<name>).`, method, cors));
      }
      feedLabel = raw.slice(0, 2000);
      let feedUrl: URL;
      try {
        feedUrl = new URL(raw);
      } catch {
        return respond(textResponse(400, `${PREFIX} ?url= is not an absolute URL; encode it with encodeURIComponent.`, method, cors));
      }
      feedUrl.hash = '';
      feedLabel = feedUrl.href;
      target = {url: feedUrl, label: feedUrl.href, named: false};
      // The cheap refusals first, before the rate limit and any network.
      if (feedUrl.protocol !== 'http:' && feedUrl.protocol !== 'https:') {
        return respond(textResponse(400, `${PREFIX} only http and https feeds are relayed, not ${feedUrl.protocol}.`, method, cors));
      }
      if (!allowed(feedUrl)) {
        return respond(textResponse(403, `${PREFIX} this address is not on the relay's allow list; its owner can add it (allow).`, method, cors));
      }
    }

    if (clientKey) {
      const wait = rateLimited(clientKey);
      if (wait) {
        return respond(textResponse(429, `${PREFIX} too many requests from this client; try again in ${wait} s.`, method, {...cors, 'retry-after': String(wait)}));
      }
    }

    const outcome = await load(target);
    cacheState = outcome.kind;
    if (outcome.kind === 'error') {
      failure = outcome.error.reason;
      const headers: Record<string, string> = {...cors};
      if (outcome.error.retryAfter) headers['retry-after'] = String(outcome.error.retryAfter);
      return respond(textResponse(outcome.error.status, outcome.error.message, method, headers));
    }
    if (outcome.kind === 'stale') failure = outcome.error.reason;
    return respond(feedResponse(outcome, request, cors));
  };

  function notFound(method: string, cors: Record<string, string>): Response {
    const base = basePath || '';
    return textResponse(404, `${PREFIX} nothing here; ask for ${base}/?url=<feed URL> or ${base}/feeds/<name>.`, method, cors);
  }
}

// ---- helpers ----------------------------------------------------------------------------

/** Lets go of a response body that is not read (a redirect, an error page). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** `error.code`, or that of its `cause` (Node's fetch wraps socket errors). */
function errorCode(error: unknown): string | undefined {
  const e = error as {code?: unknown; cause?: {code?: unknown}} | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

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
