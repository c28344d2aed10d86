/**
 * The relay's copies: one upstream request per feed per cache period however many visitors
 * arrive (a request under way is shared by everyone who asks meanwhile), revalidation with the
 * stored validators, a short memory of failures (so a hung upstream is not asked by every
 * visitor in turn), and the last good copy served, with its age, when the upstream fails.
 * Only what passed the upstream checks is stored; a failing shared store never fails a visitor.
 */
import type {RelayCache, RelayCacheEntry} from './cache.js';
import {PREFIX, RelayError} from './options.js';
import type {Target} from './policy.js';
import type {Fetched} from './upstream.js';

/** How a feed was had: from the cache, a new upstream answer, a 304, the last good copy, or not at all. */
export type Outcome =
  {kind: 'hit' | 'miss' | 'revalidated'; entry: RelayCacheEntry} | {kind: 'stale'; entry: RelayCacheEntry; error: RelayError} | {kind: 'error'; error: RelayError};

export interface StoreSettings {
  cache: RelayCache;
  fetchFeed: (target: Target, stale: RelayCacheEntry | undefined) => Promise<Fetched>;
  now: () => number;
  cacheMs: number;
  failureMs: number;
  staleMs: number;
}

/** `load(target)`: the feed for `target`, from the cache, a shared upstream request, or the last good copy. */
export function feedStore(settings: StoreSettings): (target: Target) => Promise<Outcome> {
  const {cache, fetchFeed, now, cacheMs, failureMs, staleMs} = settings;
  const inFlight = new Map<string, Promise<Outcome>>();
  const failures = new Map<string, {error: RelayError; until: number}>();

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

  return async function load(target) {
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
  };
}
