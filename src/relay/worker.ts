/**
 * The relay on Cloudflare Workers: a module Worker (`export default {fetch}`) that builds the
 * Fetch-API relay of relay.ts from the Worker's environment variables, once per isolate.
 *
 *   FEEDCAL_ALLOW          feed URLs or prefixes the relay may fetch, separated by commas, spaces
 *                          or new lines (required unless FEEDCAL_FEEDS names a feed)
 *   FEEDCAL_FEEDS          named feeds as `name=url` pairs, same separators: /feeds/<name>
 *   FEEDCAL_ORIGINS        site origins whose pages may read the relay (CORS), or `*`
 *   FEEDCAL_CACHE_SECONDS  seconds a copy is served without asking upstream (default 600)
 *   FEEDCAL_TIME_ZONE      the zone views (?format=…) read floating times and dates in (default UTC)
 *   FEEDCAL_TIMEOUT_SECONDS, FEEDCAL_MAX_BYTES, FEEDCAL_RATE_LIMIT (per visitor per minute,
 *                          keyed by CF-Connecting-IP), FEEDCAL_BASE_PATH, FEEDCAL_LOG (`true`:
 *                          one line per request to the Worker's log, never visitor addresses)
 *
 * A URL containing a comma or a space must have it percent-encoded (%2C, %20). In wrangler.toml
 * `[vars]` the lists may also be TOML arrays, and FEEDCAL_FEEDS a table of name = url.
 *
 * When neither FEEDCAL_ALLOW nor FEEDCAL_FEEDS is set, or a value is wrong, every request gets a
 * 500 with one plain line naming the variable: the relay is never an open proxy.
 *
 * What is per isolate: the relay's in-memory cache (and its shared in-flight requests, remembered
 * failures and rate-limit buckets) lives in this isolate only. Cloudflare runs many isolates, in
 * many data centres, and may start or drop one at any time, so each may ask the upstream once per
 * cache period, and a fresh isolate has no stale copy to serve when the upstream fails. What
 * shares across isolates is Cloudflare's cache in front of the Worker (Workers Cache, enabled in
 * wrangler.toml): it keeps the relay's answers for their `Cache-Control: public, max-age=<cache>`
 * (stale answers say `max-age=0`), keyed by URL and `Vary: Origin`, and serves them without
 * running the Worker at all.
 *
 * Workers have no DNS API, so only addresses written in a URL are checked against the private and
 * loopback ranges; a Worker's `fetch` cannot reach private or loopback addresses on Cloudflare.
 */
import {createRelay, type RelayHandler, type RelayLogEntry, type RelayOptions} from './relay.js';

/** The Worker's bindings that the relay reads: strings from `[vars]` or secrets, or TOML arrays and tables. */
export interface RelayEnv {
  FEEDCAL_ALLOW?: string | string[];
  FEEDCAL_FEEDS?: string | string[] | Record<string, string>;
  FEEDCAL_ORIGINS?: string | string[];
  FEEDCAL_CACHE_SECONDS?: string | number;
  FEEDCAL_TIMEOUT_SECONDS?: string | number;
  FEEDCAL_MAX_BYTES?: string | number;
  FEEDCAL_RATE_LIMIT?: string | number;
  FEEDCAL_BASE_PATH?: string;
  FEEDCAL_TIME_ZONE?: string;
  FEEDCAL_LOG?: string | boolean;
  [binding: string]: unknown;
}

const PREFIX = 'feedcal relay:';

class ConfigError extends Error {}

const list = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(list);
  return String(value)
    .split(/[\s,]+/)
    .filter(Boolean);
};

const seconds = (env: RelayEnv, name: keyof RelayEnv & string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${PREFIX} ${name} must be a number of seconds (0 or more), got ${JSON.stringify(raw)}.`);
  return value;
};

/** `5MB`, `800KB`, `1048576` → bytes. */
const size = (raw: unknown): number => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$/i.exec(String(raw));
  const unit = (m?.[2] ?? 'b').toLowerCase()[0];
  const bytes = m ? Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : 1)) : NaN;
  if (!(bytes > 0)) throw new ConfigError(`${PREFIX} FEEDCAL_MAX_BYTES must be a size like 5MB or 800KB, got ${JSON.stringify(raw)}.`);
  return bytes;
};

/** The relay's options from the Worker's environment; throws a ConfigError naming the variable. */
export function relayOptionsFromEnv(env: RelayEnv): RelayOptions {
  const allow = list(env.FEEDCAL_ALLOW);
  const feeds: Record<string, string> = {};
  const rawFeeds = env.FEEDCAL_FEEDS;
  if (rawFeeds && typeof rawFeeds === 'object' && !Array.isArray(rawFeeds)) {
    Object.assign(feeds, rawFeeds);
  } else {
    for (const pair of list(rawFeeds)) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new ConfigError(`${PREFIX} FEEDCAL_FEEDS: ${JSON.stringify(pair)} must be name=url, e.g. calendar=https://example.org/events.ics.`);
      feeds[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  if (!allow.length && !Object.keys(feeds).length) {
    throw new ConfigError(
      `${PREFIX} not configured: set FEEDCAL_ALLOW (the feed URLs or prefixes it may fetch) or FEEDCAL_FEEDS (name=url pairs) in the Worker's variables. It never relays other addresses.`
    );
  }
  const originList = list(env.FEEDCAL_ORIGINS);
  const rateLimit = env.FEEDCAL_RATE_LIMIT === undefined || env.FEEDCAL_RATE_LIMIT === '' ? undefined : Number(env.FEEDCAL_RATE_LIMIT);
  if (rateLimit !== undefined && !(rateLimit >= 1)) {
    throw new ConfigError(`${PREFIX} FEEDCAL_RATE_LIMIT must be a number of requests per minute (1 or more), got ${JSON.stringify(env.FEEDCAL_RATE_LIMIT)}.`);
  }
  const timeout = seconds(env, 'FEEDCAL_TIMEOUT_SECONDS');
  const log = env.FEEDCAL_LOG === true || /^(1|true|yes|on)$/i.test(String(env.FEEDCAL_LOG ?? ''));
  return {
    allow,
    feeds,
    origins: originList.includes('*') ? '*' : originList.length ? originList : undefined,
    cacheSeconds: seconds(env, 'FEEDCAL_CACHE_SECONDS'),
    timeoutMs: timeout === undefined ? undefined : Math.max(1, Math.round(timeout * 1000)),
    maxBytes: env.FEEDCAL_MAX_BYTES === undefined || env.FEEDCAL_MAX_BYTES === '' ? undefined : size(env.FEEDCAL_MAX_BYTES),
    rateLimit,
    // Cloudflare sets CF-Connecting-IP itself; a visitor cannot choose it.
    clientHeader: rateLimit ? 'CF-Connecting-IP' : undefined,
    basePath: env.FEEDCAL_BASE_PATH || undefined,
    timeZone: env.FEEDCAL_TIME_ZONE || undefined,
    log: log ? (entry: RelayLogEntry) => console.log(JSON.stringify(entry)) : undefined,
  };
}

/** createRelay's option names, as the Worker's variables. */
const VARIABLE_NAMES: [RegExp, string][] = [
  [/\ballow entry\b/g, 'FEEDCAL_ALLOW entry'],
  [/\bfeed name\b/g, 'FEEDCAL_FEEDS name'],
  [/\bfeed ([^\s:]+):/g, 'FEEDCAL_FEEDS $1:'],
  [/\borigin "/g, 'FEEDCAL_ORIGINS "'],
  [/\bcacheSeconds\b/g, 'FEEDCAL_CACHE_SECONDS'],
  [/\bbasePath\b/g, 'FEEDCAL_BASE_PATH'],
  [/\btimeZone\b/g, 'FEEDCAL_TIME_ZONE'],
];

type Built = {relay: RelayHandler} | {problem: string};

/** One relay per environment object: built at the first request of the isolate, then reused. */
const built = new WeakMap<object, Built>();

function build(env: RelayEnv): Built {
  try {
    return {relay: createRelay(relayOptionsFromEnv(env))};
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof ConfigError)) for (const [pattern, name] of VARIABLE_NAMES) message = message.replace(pattern, name);
    return {problem: message.startsWith(PREFIX) ? message : `${PREFIX} ${message}`};
  }
}

export default {
  async fetch(request: Request, env: RelayEnv): Promise<Response> {
    const key = env ?? {};
    let entry = built.get(key);
    if (!entry) {
      entry = build(key);
      built.set(key, entry);
      if ('problem' in entry) console.error(entry.problem);
    }
    if ('problem' in entry) {
      return new Response(`${entry.problem}\n`, {
        status: 500,
        headers: {'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff'},
      });
    }
    return entry.relay(request, {clientAddress: request.headers.get('cf-connecting-ip') ?? undefined});
  },
};
