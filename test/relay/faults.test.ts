/**
 * Faults and the cache: failing, hanging, resetting, oversized, compressed and non-feed upstreams
 * each end with a clear status (or the last good copy), nothing that was not a feed is cached,
 * concurrent misses share one request, revalidation is conditional, and the relay keeps serving
 * the other feeds after every failure.
 */
import {after, afterEach, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {ServerResponse} from 'node:http';
import {createRelay, MemoryCache} from '../../src/relay/relay.js';
import {serveRelay} from '../../src/relay/node.js';
import {HTML_JSONLD, ICS, JSON_FEED, startRelay, startUpstream, testClock, type Upstream} from './helpers.js';

const TIMEOUT = 1500;
const CAP = 256 * 1024;

describe('relay: faults', () => {
  let upstream: Upstream;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const clock = testClock();

  before(async () => {
    upstream = await startUpstream();
    relay = await startRelay({allow: [`${upstream.origin}/`], timeoutMs: TIMEOUT, maxBytes: CAP, now: clock.now});
  });
  after(async () => {
    await relay.close();
    await upstream.close();
  });

  // After every failure the relay still serves the other feeds.
  afterEach(async () => {
    const response = await relay.feed(upstream.url('/feed.json'));
    assert.equal(response.status, 200, 'the relay keeps serving other feeds');
    assert.equal(await response.text(), JSON_FEED);
  });

  test('an upstream 500 is 502, in one line', async () => {
    const response = await relay.feed(upstream.url('/500'));
    assert.equal(response.status, 502);
    assert.equal(await response.text(), "feedcal relay: the feed's server answered HTTP 500.\n");
  });

  test('a hung upstream is 504 within the timeout', async () => {
    const started = performance.now();
    const response = await relay.feed(upstream.url('/hang'));
    const elapsed = performance.now() - started;
    assert.equal(response.status, 504);
    assert.match(await response.text(), /did not answer within 1.5 s/);
    assert.ok(elapsed >= TIMEOUT - 20 && elapsed < TIMEOUT + 5000, `took ${elapsed.toFixed(0)} ms`);
  });

  test('a reset connection is 502', async () => {
    const response = await relay.feed(upstream.url('/reset'));
    assert.equal(response.status, 502);
    assert.match(await response.text(), /could not reach the feed's server \(connection reset\)/);
  });

  test('a body over the cap without Content-Length is 413, cut short, and not cached', async () => {
    const response = await relay.feed(upstream.url('/endless'));
    assert.equal(response.status, 413);
    assert.match(await response.text(), /larger than the relay's limit of 256 KB/);
    assert.ok(upstream.written('/endless') < 32 * 1024 * 1024, `the upstream stopped early (${upstream.written('/endless')} bytes written)`);
    // The same address now serves a small feed: after the failure pause it passes, fresh.
    upstream.route('/endless', (_req, res) => res.writeHead(200, {'content-type': 'text/calendar'}).end(ICS));
    clock.advance(31);
    const later = await relay.feed(upstream.url('/endless'));
    assert.equal(later.status, 200);
    assert.equal(later.headers.get('x-feedcal-cache'), 'miss');
    assert.equal(await later.text(), ICS);
  });

  test('a declared Content-Length over the cap is 413 without reading the body', async () => {
    const response = await relay.feed(upstream.url('/declared-huge'));
    assert.equal(response.status, 413);
    await response.text();
  });

  test('a gzip bomb stops at the cap (decompressed bytes count)', async () => {
    const started = performance.now();
    const response = await relay.feed(upstream.url('/bomb.ics'));
    assert.equal(response.status, 413);
    assert.match(await response.text(), /larger than the relay's limit/);
    assert.ok(performance.now() - started < 2000);
  });

  test('an HTML page that is not a feed is 415 and not cached; a page with JSON-LD events passes', async () => {
    const response = await relay.feed(upstream.url('/html'));
    assert.equal(response.status, 415);
    assert.match(await response.text(), /did not return a feed/);
    upstream.route('/html', (_req, res) => res.writeHead(200, {'content-type': 'text/calendar'}).end(ICS));
    clock.advance(31);
    const later = await relay.feed(upstream.url('/html'));
    assert.equal(later.status, 200);
    assert.equal(await later.text(), ICS, 'the page was never stored');
    const jsonld = await relay.feed(upstream.url('/jsonld.html'));
    assert.equal(jsonld.status, 200);
    assert.equal(await jsonld.text(), HTML_JSONLD);
    assert.match(jsonld.headers.get('content-security-policy') ?? '', /sandbox/, 'a relayed page cannot run as the relay origin');
  });

  test('an empty 200 and a body of binary noise are 415', async () => {
    upstream.route('/empty', (_req, res) => res.writeHead(200, {'content-type': 'text/calendar'}).end());
    upstream.route('/noise', (_req, res) => res.writeHead(200, {'content-type': 'application/json'}).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])));
    for (const path of ['/empty', '/noise']) {
      const response = await relay.feed(upstream.url(path));
      assert.equal(response.status, 415, path);
      await response.text();
    }
  });

  test('a remembered failure is answered at once with Retry-After, without asking again', async () => {
    const first = await relay.feed(upstream.url('/500'));
    await first.text();
    const hits = upstream.hits('/500');
    const again = await relay.feed(upstream.url('/500'));
    assert.equal(again.status, 502);
    assert.ok(Number(again.headers.get('retry-after')) > 0);
    await again.text();
    assert.equal(upstream.hits('/500'), hits);
  });
});

describe('relay: cache', () => {
  let upstream: Upstream;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const clock = testClock();

  before(async () => {
    upstream = await startUpstream();
    relay = await startRelay({allow: [`${upstream.origin}/`], timeoutMs: TIMEOUT, maxBytes: CAP, now: clock.now, cacheSeconds: 600});
  });
  after(async () => {
    await relay.close();
    await upstream.close();
  });

  test('50 concurrent misses make exactly 1 upstream request', async () => {
    const responses = await Promise.all(Array.from({length: 50}, () => relay.feed(upstream.url('/slow.ics'))));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    assert.ok(responses.every((response) => response.status === 200));
    assert.ok(bodies.every((body) => body === ICS));
    assert.equal(upstream.hits('/slow.ics'), 1);
  });

  test('after expiry the relay asks conditionally; a 304 renews the copy', async () => {
    const first = await relay.feed(upstream.url('/feed.ics'));
    assert.equal(first.headers.get('x-feedcal-cache'), 'miss');
    await first.text();
    clock.advance(300);
    const hit = await relay.feed(upstream.url('/feed.ics'));
    assert.equal(hit.headers.get('x-feedcal-cache'), 'hit');
    assert.equal(hit.headers.get('age'), '300');
    await hit.text();
    assert.equal(upstream.hits('/feed.ics'), 1);
    clock.advance(301);
    const renewed = await relay.feed(upstream.url('/feed.ics'));
    assert.equal(renewed.status, 200);
    assert.equal(renewed.headers.get('x-feedcal-cache'), 'revalidated');
    assert.equal(renewed.headers.get('age'), '0');
    assert.equal(await renewed.text(), ICS);
    assert.equal(upstream.hits('/feed.ics'), 2);
    assert.equal(upstream.lastHeaders('/feed.ics')!['if-none-match'], '"ics-v1"');
  });

  test('an upstream failing after a good load: the last good copy, with Age and the failure named', async () => {
    type Mode = 'ok' | '503' | 'hang' | 'reset' | 'html' | 'huge';
    let mode = 'ok' as Mode;
    upstream.route('/flaky.ics', (req, res: ServerResponse) => {
      if (mode === 'ok') res.writeHead(200, {'content-type': 'text/calendar'}).end(ICS);
      else if (mode === '503') res.writeHead(503, {'content-type': 'text/plain'}).end('down');
      else if (mode === 'reset') req.socket.destroy();
      else if (mode === 'html') res.writeHead(200, {'content-type': 'text/html'}).end('<!doctype html><title>Maintenance</title>');
      else if (mode === 'huge') res.writeHead(200, {'content-type': 'text/calendar'}).end(Buffer.alloc(CAP + 1, 'B'));
      // 'hang': no answer
    });
    const good = await relay.feed(upstream.url('/flaky.ics'));
    assert.equal(good.status, 200);
    await good.text();
    const cases: Array<[Mode, string]> = [
      ['503', 'upstream 503'],
      ['hang', 'timeout'],
      ['reset', 'network error ECONNRESET'],
      ['html', 'not a feed'],
      ['huge', 'too large'],
    ];
    let age = 0;
    for (const [failure, header] of cases) {
      mode = failure;
      clock.advance(700);
      age += 700;
      const hits = upstream.hits('/flaky.ics');
      const stale = await relay.feed(upstream.url('/flaky.ics'));
      assert.equal(stale.status, 200, failure);
      assert.equal(await stale.text(), ICS, failure);
      assert.equal(stale.headers.get('x-feedcal-stale'), header);
      assert.equal(stale.headers.get('x-feedcal-cache'), 'stale');
      assert.equal(stale.headers.get('age'), String(age));
      assert.equal(upstream.hits('/flaky.ics'), hits + 1, 'one request per failure');
      // Visitors during the failure pause get the copy at once, without asking the upstream.
      const meanwhile = await relay.feed(upstream.url('/flaky.ics'));
      assert.equal(meanwhile.headers.get('x-feedcal-stale'), header);
      await meanwhile.text();
      assert.equal(upstream.hits('/flaky.ics'), hits + 1);
    }
    // And when it is back, the fresh copy.
    mode = 'ok';
    clock.advance(31);
    const back = await relay.feed(upstream.url('/flaky.ics'));
    assert.equal(back.headers.get('x-feedcal-cache'), 'miss');
    assert.equal(back.headers.get('x-feedcal-stale'), null);
    await back.text();
  });
});

describe('relay: the standard fetch upstream (as on Workers and Deno)', () => {
  test('global fetch with redirect: manual: feeds pass, a gzip bomb stops at the cap, redirects are checked', async () => {
    const upstream = await startUpstream();
    const cache = new MemoryCache({maxEntries: 2});
    // No resolveHost and no fetchUpstream: exactly what an edge runtime gets.
    const handler = createRelay({allow: [`${upstream.origin}/`], maxBytes: CAP, timeoutMs: 2000, cache});
    const running = await serveRelay(handler, {port: 0});
    const feed = (url: string) => fetch(`${running.url}/?url=${encodeURIComponent(url)}`);
    try {
      const ok = await feed(upstream.url('/feed.ics'));
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), ICS);
      const bomb = await feed(upstream.url('/bomb.ics'));
      assert.equal(bomb.status, 413);
      await bomb.text();
      const redirect = await feed(upstream.url(`/to?to=${encodeURIComponent('http://169.254.169.254/')}`));
      assert.equal(redirect.status, 403);
      await redirect.text();
      const chain = await feed(upstream.url('/chain?n=2'));
      assert.equal(chain.status, 200);
      await chain.text();
      assert.equal(cache.size.entries, 2);
    } finally {
      await running.close();
      await upstream.close();
    }
  });
});
