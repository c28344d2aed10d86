/**
 * The last good copy of each feed, so a widget whose feed cannot be refreshed keeps showing
 * events (marked with their age) instead of an error. Keyed by the URL fetched; holds the
 * bytes, content type, validators for conditional requests and when it was fetched.
 *
 * Stored in the Cache API (`feedcal-v1`) when the page may use it, else in localStorage (base64,
 * with a smaller cap). Bounded: at most `MAX_ENTRY_BYTES` per feed and `MAX_TOTAL_BYTES` in all,
 * least recently used first out. Every function here swallows its own errors (quota, private
 * mode, storage disabled, opaque origins): a cache that cannot be used is a cache that is empty.
 */

export interface CachedFeed {
  bytes: Uint8Array;
  contentType: string;
  /** The URL the bytes came from (after redirects), for resolving relative links. */
  url: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: Date;
}

export const CACHE_NAME = 'feedcal-v1';
export const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 8 * 1024 * 1024;
/** localStorage is small (about 5 MB of UTF-16 per origin, shared with the page): take little. */
export const MAX_LOCAL_STORAGE_BYTES = 1024 * 1024;

const INDEX_KEY = 'https://feedcal.invalid/index';
const LS_PREFIX = 'feedcal-v1:';
const LS_INDEX = 'feedcal-v1-index';

/** url → size in bytes and last use (ms), oldest first in insertion order after each touch. */
type Index = Record<string, {size: number; used: number}>;

interface Store {
  read(key: string): Promise<CachedFeed | undefined>;
  write(key: string, entry: CachedFeed): Promise<void>;
  remove(key: string): Promise<void>;
  readIndex(): Promise<Index>;
  writeIndex(index: Index): Promise<void>;
  limit: number;
}

const cacheApiStore = (): Store | undefined => {
  if (typeof caches === 'undefined' || !globalThis.isSecureContext) return undefined;
  const open = () => caches.open(CACHE_NAME);
  return {
    limit: MAX_TOTAL_BYTES,
    async read(key) {
      const response = await (await open()).match(key);
      if (!response) return undefined;
      const h = response.headers;
      const fetchedAt = new Date(Number(h.get('x-feedcal-fetched-at')));
      if (Number.isNaN(fetchedAt.getTime())) return undefined;
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        contentType: h.get('content-type') ?? '',
        url: h.get('x-feedcal-url') || key,
        etag: h.get('x-feedcal-etag') ?? undefined,
        lastModified: h.get('x-feedcal-last-modified') ?? undefined,
        fetchedAt,
      };
    },
    async write(key, entry) {
      const headers = new Headers({'content-type': entry.contentType, 'x-feedcal-url': entry.url, 'x-feedcal-fetched-at': String(entry.fetchedAt.getTime())});
      if (entry.etag) headers.set('x-feedcal-etag', entry.etag);
      if (entry.lastModified) headers.set('x-feedcal-last-modified', entry.lastModified);
      await (await open()).put(key, new Response(entry.bytes.slice().buffer, {headers}));
    },
    async remove(key) {
      await (await open()).delete(key);
    },
    async readIndex() {
      const response = await (await open()).match(INDEX_KEY);
      return response ? ((await response.json()) as Index) : {};
    },
    async writeIndex(index) {
      await (await open()).put(INDEX_KEY, new Response(JSON.stringify(index), {headers: {'content-type': 'application/json'}}));
    },
  };
};

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const localStorageStore = (): Store | undefined => {
  let storage: Storage;
  try {
    storage = globalThis.localStorage;
    if (!storage) return undefined;
  } catch {
    return undefined; // Access denied (sandboxed iframe, blocked cookies).
  }
  return {
    limit: MAX_LOCAL_STORAGE_BYTES,
    async read(key) {
      const text = storage.getItem(LS_PREFIX + key);
      if (!text) return undefined;
      const stored = JSON.parse(text) as Omit<CachedFeed, 'bytes' | 'fetchedAt'> & {bytes: string; fetchedAt: number};
      return {...stored, bytes: fromBase64(stored.bytes), fetchedAt: new Date(stored.fetchedAt)};
    },
    async write(key, entry) {
      storage.setItem(LS_PREFIX + key, JSON.stringify({...entry, bytes: toBase64(entry.bytes), fetchedAt: entry.fetchedAt.getTime()}));
    },
    async remove(key) {
      storage.removeItem(LS_PREFIX + key);
    },
    async readIndex() {
      return JSON.parse(storage.getItem(LS_INDEX) ?? '{}') as Index;
    },
    async writeIndex(index) {
      storage.setItem(LS_INDEX, JSON.stringify(index));
    },
  };
};

let chosen: Promise<Store | undefined> | undefined;

/** The Cache API if it opens here, else localStorage, else nothing. */
function store(): Promise<Store | undefined> {
  chosen ??= (async () => {
    const cacheApi = cacheApiStore();
    if (cacheApi) {
      try {
        await caches.open(CACHE_NAME);
        return cacheApi;
      } catch {
        // Private mode in some browsers, or storage disabled: fall through.
      }
    }
    return localStorageStore();
  })();
  return chosen;
}

/** For tests: use localStorage (`'local'`), the Cache API (`'cache'`) or pick again (`undefined`). */
export function useFeedCacheStore(kind?: 'cache' | 'local'): void {
  chosen = kind === 'cache' ? Promise.resolve(cacheApiStore()) : kind === 'local' ? Promise.resolve(localStorageStore()) : undefined;
}

const cacheable = (key: string) => /^https?:/i.test(key);

// Writes and evictions touch the shared index: do them one at a time.
let queue: Promise<unknown> = Promise.resolve();
const serially = <T>(task: () => Promise<T>): Promise<T> => {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
};

/** The stored copy of `key`, or undefined (none, unreadable, or no storage). Never throws. */
export async function readCachedFeed(key: string): Promise<CachedFeed | undefined> {
  if (!cacheable(key)) return undefined;
  try {
    const s = await store();
    const entry = await s?.read(key);
    if (entry && s) {
      serially(async () => {
        const index = await s.readIndex();
        if (index[key]) {
          index[key].used = Date.now();
          await s.writeIndex(index);
        }
      }).catch(() => {});
    }
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * Stores `entry` as the copy of `key`, evicting the least recently used copies to stay within
 * the total cap. A copy larger than the per-feed cap is not stored (and an older copy of the
 * same feed is dropped, as it no longer says what the feed says). Never throws; resolves to
 * whether it was stored.
 */
export function writeCachedFeed(key: string, entry: CachedFeed): Promise<boolean> {
  if (!cacheable(key)) return Promise.resolve(false);
  return serially(async () => {
    const s = await store();
    if (!s) return false;
    const index = await s.readIndex().catch((): Index => ({}));
    const size = entry.bytes.byteLength;
    const perEntry = Math.min(MAX_ENTRY_BYTES, s.limit);
    if (size > perEntry) {
      delete index[key];
      await s.remove(key).catch(() => {});
      await s.writeIndex(index).catch(() => {});
      return false;
    }
    delete index[key];
    const victims = Object.entries(index).sort((a, b) => a[1].used - b[1].used);
    let total = victims.reduce((sum, [, v]) => sum + v.size, 0);
    while (total + size > s.limit && victims.length) {
      const [victim, info] = victims.shift()!;
      await s.remove(victim).catch(() => {});
      delete index[victim];
      total -= info.size;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await s.write(key, entry);
        break;
      } catch {
        // Quota: make room by dropping the oldest remaining copy, then try once more per copy.
        const oldest = victims.shift();
        if (!oldest || attempt > 8) {
          await s.writeIndex(index).catch(() => {});
          return false;
        }
        await s.remove(oldest[0]).catch(() => {});
        delete index[oldest[0]];
      }
    }
    index[key] = {size, used: Date.now()};
    await s.writeIndex(index).catch(() => {});
    return true;
  }).catch(() => false);
}

/** Drops the copy of `key`, or every copy. Never throws. */
export function clearFeedCache(key?: string): Promise<void> {
  return serially(async () => {
    const s = await store();
    if (!s) return;
    const index = await s.readIndex().catch((): Index => ({}));
    for (const victim of key === undefined ? Object.keys(index) : [key]) {
      await s.remove(victim).catch(() => {});
      delete index[victim];
    }
    await s.writeIndex(index);
  }).catch(() => {});
}
