/**
 * Nothing lost: the last good copy of a feed is kept and shown, marked stale with its age, when
 * a refresh fails; a copy the server confirms with 304 is reused; the store stays bounded and
 * never throws.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {loadFeed, type LoadedFeed} from '../../src/lib/load/load-feed.js';
import {
  MAX_ENTRY_BYTES,
  MAX_LOCAL_STORAGE_BYTES,
  MAX_TOTAL_BYTES,
  clearFeedCache,
  readCachedFeed,
  useFeedCacheStore,
  writeCachedFeed,
} from '../../src/lib/load/feed-cache.js';
import {FeedError} from '../../src/lib/events/model.js';
import {RUN, hitsOf, render} from './helpers.js';
import {nowMs} from '../../src/lib/clock.js';
import {nothingHappensWithin} from '../helpers/quiet.js';

const abs = (path: string) => new URL(path, location.href).href;
const options = {timeZone: 'UTC', retries: 0};
const stored = (path: string) => waitUntil(async () => Boolean(await readCachedFeed(abs(path))), 'the copy was not stored');
/** Until `Date.now()` has moved on: the store orders its copies by their last use, in milliseconds. */
const nextMillisecond = () => {
  const now = Date.now();
  return waitUntil(() => Date.now() > now, 'the clock stood still', {interval: 1});
};

describe('the last good copy of a feed', function () {
  this.timeout(15000);

  it('a refresh that fails returns the stored copy, marked stale with its age', async () => {
    const src = `/fault/seq/stale-${RUN}?steps=ok,500`;
    const first = (await loadFeed(src, options)) as LoadedFeed;
    expect(first).not.to.be.instanceOf(FeedError);
    expect(first.stale).to.equal(undefined);
    await stored(src);
    const second = (await loadFeed(src, options)) as LoadedFeed;
    expect(second).not.to.be.instanceOf(FeedError);
    expect(second.events.map((e) => e.title)).to.deep.equal(first.events.map((e) => e.title));
    expect(second.stale?.error.kind).to.equal('http');
    expect(second.stale?.error.detail.status).to.equal(500);
    expect(second.stale?.fetchedAt.getTime()).to.be.closeTo(first.fetchedAt.getTime(), 1000);
    expect(second.fetchedAt).to.deep.equal(second.stale?.fetchedAt);
  });

  it('the age is the stored copy’s: three hours', async () => {
    const src = `/fault/500/aged-${RUN}`;
    const threeHoursAgo = new Date(nowMs() - 3 * 3600_000);
    const body = new TextEncoder().encode(JSON.stringify({events: [{id: 'old', title: 'Kept', start: '2030-02-01T10:00:00Z'}]}));
    expect(await writeCachedFeed(abs(src), {bytes: body, contentType: 'application/json', url: abs(src), fetchedAt: threeHoursAgo})).to.equal(true);
    const result = (await loadFeed(src, options)) as LoadedFeed;
    expect(result.events.map((e) => e.title)).to.deep.equal(['Kept']);
    expect(result.stale?.fetchedAt.getTime()).to.equal(threeHoursAgo.getTime());
    expect(Math.round((nowMs() - result.stale!.fetchedAt.getTime()) / 3600_000)).to.equal(3);
  });

  it('a feed that parses badly now also falls back to the good copy', async () => {
    const src = `/__feeds/broken-${RUN}.json`;
    await fetch(`${src}?type=application/json`, {method: 'POST', body: JSON.stringify({events: [{id: '1', title: 'Good', start: '2030-02-01T10:00:00Z'}]})});
    expect(((await loadFeed(src, options)) as LoadedFeed).events).to.have.length(1);
    await stored(src);
    await fetch(`${src}?type=application/json`, {method: 'POST', body: '{"events": [{"title": "Cut'});
    const result = (await loadFeed(src, options)) as LoadedFeed;
    expect(result.events.map((e) => e.title)).to.deep.equal(['Good']);
    expect(result.stale?.error.kind).to.equal('parse');
  });

  it('without a copy, a failure is the FeedError', async () => {
    const result = await loadFeed(`/fault/404/nocopy-${RUN}`, options);
    expect(result).to.be.instanceOf(FeedError);
  });

  it('cache: false neither reads nor writes a copy', async () => {
    const src = `/fault/seq/nocache-${RUN}?steps=ok,500`;
    await loadFeed(src, {...options, cache: false});
    await nothingHappensWithin(100);
    expect(await readCachedFeed(abs(src))).to.equal(undefined);
    expect(await loadFeed(src, {...options, cache: false})).to.be.instanceOf(FeedError);
  });

  it('a refresh asks If-None-Match; a 304 reuses the copy and says unchanged', async () => {
    const src = `/fault/ok/cond-${RUN}`;
    const first = (await loadFeed(src, options)) as LoadedFeed;
    expect(first.unchanged).to.equal(undefined);
    await stored(src);
    const second = (await loadFeed(src, options)) as LoadedFeed;
    expect(second.unchanged).to.equal(true);
    expect(second.stale).to.equal(undefined);
    expect(second.events).to.have.length(2);
    const seen = await hitsOf(src);
    expect(seen.hits).to.equal(2);
    expect(seen.notModified).to.equal(1);
  });

  it('a load removed while the stored copy is read ends at once: storage does not hold it', async () => {
    const src = `/fault/ok/abort-read-${RUN}`;
    await loadFeed(src, options);
    await stored(src);
    // The server will answer 304, and reading this feed's copy takes (here) half a minute; the
    // store's index, read and written by other tests, answers as usual.
    const realMatch = Cache.prototype.match;
    let reads = 0;
    Cache.prototype.match = function (this: Cache, ...args: Parameters<Cache['match']>) {
      if (String(args[0]) !== abs(src)) return realMatch.apply(this, args);
      reads++;
      return new Promise((resolve) => setTimeout(resolve, 30_000)).then(() => realMatch.apply(this, args));
    };
    try {
      const controller = new AbortController();
      const started = performance.now();
      const load = loadFeed(src, {...options, signal: controller.signal});
      await waitUntil(() => reads > 0, 'the stored copy was not read');
      controller.abort();
      // Bounded, so a failure here restores the store for the tests after it.
      const error = await Promise.race([
        load.then(
          () => 'loaded',
          (e: unknown) => e
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000)),
      ]);
      expect((error as DOMException).name, String(error)).to.equal('AbortError');
      expect(performance.now() - started).to.be.below(10_000);
      expect((await hitsOf(src)).notModified).to.equal(1);
    } finally {
      Cache.prototype.match = realMatch;
    }
  });

  it('a refresh that gets the same bytes says unchanged; a first load never waits to compare', async () => {
    const src = `/__feeds/same-${RUN}.json`;
    await fetch(`${src}?type=application/json`, {method: 'POST', body: JSON.stringify({events: [{id: '1', title: 'Same', start: '2030-02-01T10:00:00Z'}]})});
    expect(((await loadFeed(src, options)) as LoadedFeed).unchanged).to.equal(undefined);
    await stored(src);
    expect(((await loadFeed(src, options)) as LoadedFeed).unchanged, 'not a refresh').to.equal(undefined);
    expect(((await loadFeed(src, {...options, refreshing: true})) as LoadedFeed).unchanged).to.equal(true);
  });

  it('<event-list> shows the stored copy when the feed fails on a later load', async () => {
    const src = `/fault/seq/element-${RUN}?steps=ok,500`;
    const first = await render(src);
    expect(first.titles).to.have.length(2);
    await stored(src);
    first.el.remove();
    const second = await render(src);
    expect(second.titles).to.deep.equal(first.titles);
  });
});

describe('feed-cache bounds', function () {
  this.timeout(20000);
  const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
  const entry = (n: number, fill = 1) => ({bytes: bytes(n, fill), contentType: 'application/json', url: 'https://example.org/', fetchedAt: new Date()});

  afterEach(() => useFeedCacheStore());

  it('a copy over the per-feed cap is not kept', async () => {
    const key = `https://example.org/huge-${RUN}`;
    expect(await writeCachedFeed(key, entry(MAX_ENTRY_BYTES + 1))).to.equal(false);
    expect(await readCachedFeed(key)).to.equal(undefined);
  });

  it('the total stays under the cap, least recently used out first', async () => {
    await clearFeedCache();
    const size = Math.floor(MAX_ENTRY_BYTES * 0.95);
    const keys = Array.from({length: Math.floor(MAX_TOTAL_BYTES / size) + 1}, (_, i) => `https://example.org/lru-${RUN}-${i}`);
    for (const [i, key] of keys.entries()) {
      expect(await writeCachedFeed(key, entry(size, i))).to.equal(true);
      if (i === 0) await nextMillisecond();
      // Touch the first one: it was used recently, so the second is the oldest.
      if (i === 1) await readCachedFeed(keys[0]);
      await nextMillisecond();
    }
    const present = await Promise.all(keys.map(async (key) => Boolean(await readCachedFeed(key))));
    expect(present[0]).to.equal(true);
    expect(present[1]).to.equal(false);
    expect(present.filter(Boolean).length * size).to.be.at.most(MAX_TOTAL_BYTES);
    expect(present.at(-1)).to.equal(true);
    await clearFeedCache();
  });

  it('falls back to localStorage, bounded, and never throws on a full quota', async () => {
    useFeedCacheStore('local');
    const key = `https://example.org/ls-${RUN}`;
    expect(await writeCachedFeed(key, {...entry(1000, 7), etag: '"e"'})).to.equal(true);
    const copy = await readCachedFeed(key);
    expect(copy?.bytes).to.deep.equal(bytes(1000, 7));
    expect(copy?.etag).to.equal('"e"');
    expect(await writeCachedFeed(`${key}-big`, entry(MAX_LOCAL_STORAGE_BYTES + 1))).to.equal(false);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      // It makes room by dropping its own older copies, then gives up quietly.
      expect(await writeCachedFeed(`${key}-2`, entry(10))).to.equal(false);
    } finally {
      Storage.prototype.setItem = setItem;
    }
    await clearFeedCache();
    expect(await readCachedFeed(key)).to.equal(undefined);
  });
});
