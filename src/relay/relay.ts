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
 * Both GET routes take `format=json|ics|rss` and the widget's filter parameters (view.ts).
 *
 * A request passes through one module per stage, each with its reasons written down:
 *   routes.ts     what is asked for; the cheap refusals, before any network
 *   policy.ts     the allow list and the SSRF rule, checked on every redirect hop
 *   rate-limit.ts a token bucket per client
 *   store.ts      the cache: one upstream request per feed per period, shared; the last good copy when the upstream fails
 *   upstream.ts   the upstream fetch: redirects by hand, timeout, size cap, only feeds pass
 *   view.ts       filtered and converted views: the parameters and the widget's Accept
 *   view-cache.ts the converted views kept; convert.ts makes them (loaded when first needed)
 *   respond.ts    CORS, the feed and error answers and their headers
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
import {MemoryCache} from './cache.js';
import {
  DEFAULTS,
  fail,
  parseOrigins,
  positive,
  PREFIX,
  RelayError,
  type FetchUpstream,
  type RelayHandler,
  type RelayLogEntry,
  type RelayOptions,
  type RelayRequestInfo,
} from './options.js';
import {addressPolicy, allowList, hopChecker, parseFeeds} from './policy.js';
import {rateLimiter} from './rate-limit.js';
import {corsFor, errorResponse, feedResponse, preflightResponse, textResponse, type FeedBody} from './respond.js';
import {routeOf} from './routes.js';
import {feedStore} from './store.js';
import {upstreamFetcher} from './upstream.js';
import {readView} from './view.js';
import {viewCache} from './view-cache.js';
import {isTimeZone} from '../lib/time.js';

export {MemoryCache, type RelayCache, type RelayCacheEntry} from './cache.js';
export {forbiddenAddress} from './address.js';
export {RELAY_VERSION} from './version.js';
export {
  DEFAULTS,
  FORBIDDEN_ADDRESS_CODE,
  RelayError,
  type FetchUpstream,
  type RelayHandler,
  type RelayLogEntry,
  type RelayOptions,
  type RelayRequestInfo,
} from './options.js';
export {addressPolicy, type AddressPolicy} from './policy.js';
export {FEEDCAL_JSON} from './view.js';

/**
 * Creates the relay. Throws a TypeError naming the fix when the options are unsafe or wrong
 * (no allow list, an allow entry that is not an http(s) URL, an origin with a path, …).
 */
export function createRelay(options: RelayOptions): RelayHandler {
  if (options.allow !== undefined && !Array.isArray(options.allow)) fail('allow must be a list of feed URLs or prefixes.');
  if (options.origins !== undefined && options.origins !== '*' && !Array.isArray(options.origins)) fail("origins must be a list of site origins, or '*'.");
  const feeds = parseFeeds(options.feeds);
  const allowed = allowList(options.allow, feeds);
  const origins = parseOrigins(options.origins);
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
  const now = options.now ?? Date.now;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/')) fail(`basePath must start with "/", got ${JSON.stringify(options.basePath)}.`);
  const timeZone = options.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) fail(`timeZone must be an IANA time zone like Europe/Stockholm, got ${JSON.stringify(options.timeZone)}.`);

  const corsHeaders = corsFor(origins);
  const rateLimited = rateLimiter(rateLimit, now);
  const load = feedStore({
    cache: options.cache ?? new MemoryCache(),
    fetchFeed: upstreamFetcher({fetchUpstream, checkHop: hopChecker(allowed, policy, options.resolveHost), maxBytes, timeoutMs, maxRedirects}),
    now,
    cacheMs,
    failureMs,
    staleMs,
  });
  const serveView = viewCache(now, cacheMs);

  return async function relay(request: Request, info: RelayRequestInfo = {}): Promise<Response> {
    const started = now();
    const method = request.method.toUpperCase();
    const cors = corsHeaders(request.headers.get('origin'));
    const logged: Partial<RelayLogEntry> = {};
    const clientKey = (clientHeader ? request.headers.get(clientHeader)?.split(',')[0].trim() : undefined) || info.clientAddress;

    const respond = (response: Response): Response => {
      if (options.log) {
        const entry = {method, status: response.status, ms: now() - started, ...logged} as RelayLogEntry;
        if (options.logClientAddresses && clientKey) entry.client = clientKey;
        try {
          options.log(entry);
        } catch {
          /* a log must not fail a request */
        }
      }
      return response;
    };

    const route = routeOf(request, method, cors, {basePath, feeds, allowed});
    if (route.feed) logged.feed = route.feed;
    if (route.kind === 'answered') return respond(route.response);
    if (route.kind === 'preflight') return respond(preflightResponse(request, cors, origins === '*'));

    // A wrong parameter is refused before anything is fetched.
    const view = readView(route.params, request.headers.get('accept'), new Date(now()), timeZone);
    if (view instanceof RelayError) return respond(errorResponse(view, method, cors));

    if (clientKey) {
      const wait = rateLimited(clientKey);
      if (wait) {
        return respond(textResponse(429, `${PREFIX} too many requests from this client; try again in ${wait} s.`, method, {...cors, 'retry-after': String(wait)}));
      }
    }

    const outcome = await load(route.target);
    logged.cache = outcome.kind;
    if (outcome.kind === 'error') {
      logged.failure = outcome.error.reason;
      return respond(errorResponse(outcome.error, method, cors));
    }
    if (outcome.kind === 'stale') logged.failure = outcome.error.reason;
    let served: FeedBody = outcome.entry;
    let negotiated = false;
    if (view) {
      // A named feed is titled and linked by its name on the relay: its upstream address stays
      // private. Its link is the relay's own address when the host gives the real one (Workers,
      // Deno); the Node adapter cannot know it (behind nginx), so there it has none.
      const {target} = route;
      const origin = new URL(request.url).origin;
      const about = target.named
        ? {label: target.label.slice(1, -1), link: origin.endsWith('.invalid') ? '' : `${origin}${basePath}/${route.feed}`}
        : {label: target.url.host, link: target.url.href};
      const converted = await serveView(outcome.entry, target, view, about);
      if (converted instanceof RelayError) return respond(errorResponse(converted, method, cors));
      if (converted) {
        served = converted;
        negotiated = view.negotiated;
        logged.converted = view.format ?? (converted.contentType.startsWith('text/calendar') ? 'ics' : converted.contentType.includes('rss') ? 'rss' : 'json');
      }
    }
    return respond(feedResponse(outcome, served, request, cors, now(), Math.round(cacheMs / 1000), negotiated));
  };
}
