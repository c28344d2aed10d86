/**
 * Where the relay keeps the last good copy of each feed. The interface may be synchronous (the
 * in-memory default) or asynchronous (a Workers KV namespace or the Cache API behind an adapter),
 * so a host with a shared store can give every instance the same copies.
 *
 * Only feeds are ever stored: the relay calls `set` after a body has passed the size cap and the
 * feed check, never for an error page, a redirect or anything cut short.
 */

/** One stored feed. */
export interface RelayCacheEntry {
  /** The feed's bytes, exactly as the upstream sent them (after any Content-Encoding is undone). */
  body: Uint8Array;
  /** The upstream's Content-Type, or one named after the sniffed format when it sent none. */
  contentType: string;
  /** Validators for the next conditional request upstream. */
  etag?: string;
  lastModified?: string;
  /** When the upstream last sent or confirmed (304) this copy: milliseconds on the relay's clock. */
  storedAt: number;
  /** The address the body came from after redirects; validators are only sent there. */
  url: string;
}

export interface RelayCache {
  get(key: string): RelayCacheEntry | undefined | Promise<RelayCacheEntry | undefined>;
  set(key: string, entry: RelayCacheEntry): void | Promise<void>;
}

export interface MemoryCacheOptions {
  /** Most feeds kept. Default 500. */
  maxEntries?: number;
  /** Most bytes kept, all bodies together. Default 64 MB. An entry larger than this is not kept. */
  maxBytes?: number;
}

/**
 * The default cache: a least-recently-used map bounded in entries and in bytes, for one process.
 * A relay with a short allow list holds a handful of feeds; the bounds matter for prefixes.
 */
export class MemoryCache implements RelayCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  private entries = new Map<string, RelayCacheEntry>();
  private bytes = 0;

  constructor(options: MemoryCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  /** How many feeds and bytes are kept now. */
  get size(): {entries: number; bytes: number} {
    return {entries: this.entries.size, bytes: this.bytes};
  }

  get(key: string): RelayCacheEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: RelayCacheEntry): void {
    this.delete(key);
    if (entry.body.byteLength > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.byteLength;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.byteLength;
  }
}
