/**
 * The relay as a Cloudflare Worker: src/relay/worker.ts bundled by esbuild (platform neutral, ESM)
 * and run in workerd through Miniflare, configured only by its bindings (the Worker's variables),
 * in front of a local upstream that sends no CORS headers. The upstream is on 127.0.0.1, which the
 * relay refuses unless the owner names it: FEEDCAL_ALLOW names it as an IP address, the
 * documented way.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {bundleForWorkers} from '../helpers/worker-bundle.js';
import {Miniflare} from 'miniflare';
import worker, {relayOptionsFromEnv, type RelayEnv} from '../../src/relay/worker.js';
import {ICS, startUpstream, type Upstream} from './helpers.js';

const ORIGIN = 'https://our-blog.example';

let upstream: Upstream;
let mf: Miniflare;
let failing = false;

before(async () => {
  upstream = await startUpstream();
  upstream.route('/flaky.ics', (_req, res) => {
    const body = failing ? 'down' : ICS;
    res.writeHead(failing ? 500 : 200, {'content-type': failing ? 'text/plain' : 'text/calendar', 'content-length': String(Buffer.byteLength(body))});
    res.end(body);
  });
  const script = await bundleForWorkers(new URL('../../src/relay/worker.ts', import.meta.url));
  mf = new Miniflare({
    workers: [
      {
        name: 'relay',
        modules: true,
        script,
        compatibilityDate: '2025-01-01',
        bindings: {
          // Two exact addresses on 127.0.0.1, written as an IP address: so that loopback host is allowed by name.
          FEEDCAL_ALLOW: `${upstream.origin}/feed.ics, ${upstream.origin}/flaky.ics`,
          FEEDCAL_FEEDS: `calendar=${upstream.origin}/feed.ics`,
          FEEDCAL_ORIGINS: ORIGIN,
          FEEDCAL_CACHE_SECONDS: '1',
        },
      },
      {name: 'unconfigured', modules: true, script, compatibilityDate: '2025-01-01', bindings: {FEEDCAL_ORIGINS: ORIGIN}},
    ],
  });
  await mf.ready;
});

after(async () => {
  await mf?.dispose();
  await upstream?.close();
});

const relayed = (url: string, init?: RequestInit) =>
  mf.dispatchFetch(`http://relay.test/?url=${encodeURIComponent(url)}`, {headers: {origin: ORIGIN}, ...(init as object)});

describe('the relay as a Cloudflare Worker (workerd)', () => {
  it('relays an iCalendar feed without CORS headers, with CORS for the configured origin', async () => {
    const response = await relayed(upstream.url('/feed.ics'));
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(response.headers.get('content-type') ?? '', /text\/calendar/);
    assert.match(response.headers.get('cache-control') ?? '', /^public, max-age=1$/);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(await response.text(), ICS);
    assert.equal(upstream.lastHeaders('/feed.ics')?.cookie, undefined);
  });

  it("converts in workerd too: ?format=json, and feedcal JSON for the widget's Accept", async () => {
    const address = `http://relay.test/?url=${encodeURIComponent(upstream.url('/feed.ics'))}`;
    const view = await mf.dispatchFetch(`${address}&format=json&search=folkdans`, {headers: {origin: ORIGIN}});
    assert.equal(view.status, 200, await view.clone().text());
    assert.equal(view.headers.get('content-type'), 'application/feed+json; charset=utf-8');
    assert.deepEqual(
      JSON.parse(await view.text()).items.map((item: {title: string; start: string}) => [item.title, item.start]),
      [['Folkdans', '2030-01-05T17:00:00Z']]
    );
    const widget = await mf.dispatchFetch('http://relay.test/feeds/calendar', {headers: {origin: ORIGIN, accept: 'application/vnd.feedcal+json, */*;q=0.8'}});
    assert.equal(widget.headers.get('content-type'), 'application/vnd.feedcal+json; charset=utf-8');
    assert.match(widget.headers.get('vary') ?? '', /Accept/);
    assert.equal(JSON.parse(await widget.text()).items[0].title, 'Folkdans');
    const bad = await mf.dispatchFetch(`${address}&format=pdf`);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /format must be json, ics or rss/);
  });

  it('serves a named feed at /feeds/<name>', async () => {
    const response = await mf.dispatchFetch('http://relay.test/feeds/calendar', {headers: {origin: ORIGIN}});
    assert.equal(response.status, 200);
    assert.equal(await response.text(), ICS);
  });

  it('gives no CORS headers to another origin', async () => {
    const response = await mf.dispatchFetch(`http://relay.test/?url=${encodeURIComponent(upstream.url('/feed.ics'))}`, {
      headers: {origin: 'https://elsewhere.example'},
    });
    await response.arrayBuffer();
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('refuses a URL that is not on the allow list (403), without asking it', async () => {
    const before = upstream.hits('/feed.json');
    const response = await relayed(upstream.url('/feed.json'));
    assert.equal(response.status, 403);
    assert.match(await response.text(), /not on the relay's allow list/);
    assert.equal(upstream.hits('/feed.json'), before);
  });

  it('answers 500 naming FEEDCAL_ALLOW when it is not configured, and relays nothing', async () => {
    // Miniflare types the Worker's fetcher with workerd's own Request type; only fetch is used here.
    const worker = (await mf.getWorker('unconfigured')) as unknown as {fetch(url: string, init: RequestInit): Promise<Response>};
    const response = await worker.fetch(`http://relay.test/?url=${encodeURIComponent(upstream.url('/feed.ics'))}`, {headers: {origin: ORIGIN}});
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    assert.match(text, /^feedcal relay: not configured: set FEEDCAL_ALLOW .* or FEEDCAL_FEEDS/);
    assert.doesNotMatch(text, /BEGIN:VCALENDAR/);
  });

  it('serves the last good copy with Age and X-Feedcal-Stale when the upstream fails after a good load', async () => {
    failing = false;
    const good = await relayed(upstream.url('/flaky.ics'));
    assert.equal(good.status, 200);
    assert.equal(await good.text(), ICS);
    failing = true;
    // Past the 1 s cache period, so the relay asks the upstream again.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const hits = upstream.hits('/flaky.ics');
    const stale = await relayed(upstream.url('/flaky.ics'));
    assert.equal(stale.status, 200);
    assert.equal(await stale.text(), ICS);
    assert.equal(upstream.hits('/flaky.ics'), hits + 1, 'the relay asked the failing upstream once');
    assert.equal(stale.headers.get('x-feedcal-stale'), 'upstream 500');
    assert.equal(stale.headers.get('x-feedcal-cache'), 'stale');
    assert.ok(Number(stale.headers.get('age')) >= 1, `Age: ${stale.headers.get('age')}`);
    assert.equal(stale.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    assert.equal(stale.headers.get('access-control-allow-origin'), ORIGIN);
  });
});

describe('the Worker entry reads its variables (in Node)', () => {
  const ask = (env: RelayEnv) => worker.fetch(new Request('http://relay.test/?url=https%3A%2F%2Fexample.org%2Fevents.ics'), env);

  it('splits lists on commas, spaces and new lines, and takes TOML arrays and tables', () => {
    const options = relayOptionsFromEnv({
      FEEDCAL_ALLOW: 'https://a.example/x.ics,https://b.example/ \n https://c.example/feed*',
      FEEDCAL_FEEDS: 'one=https://d.example/1.ics two=https://d.example/2.ics?export=1',
      FEEDCAL_ORIGINS: ['https://our-blog.se', 'https://www.our-blog.se'],
      FEEDCAL_CACHE_SECONDS: '300',
    });
    assert.deepEqual(options.allow, ['https://a.example/x.ics', 'https://b.example/', 'https://c.example/feed*']);
    assert.deepEqual(options.feeds, {one: 'https://d.example/1.ics', two: 'https://d.example/2.ics?export=1'});
    assert.deepEqual(options.origins, ['https://our-blog.se', 'https://www.our-blog.se']);
    assert.equal(options.cacheSeconds, 300);
    assert.equal(options.clientHeader, undefined);
    const table = relayOptionsFromEnv({FEEDCAL_FEEDS: {calendar: 'https://d.example/c.ics'}, FEEDCAL_ORIGINS: '*', FEEDCAL_RATE_LIMIT: '60'});
    assert.deepEqual(table.feeds, {calendar: 'https://d.example/c.ics'});
    assert.equal(table.origins, '*');
    assert.equal(table.clientHeader, 'CF-Connecting-IP');
  });

  it('answers 500 naming the variable for a wrong value', async (t) => {
    // The Worker also logs the problem once (console.error): keep the test output clean.
    t.mock.method(console, 'error', () => {});
    for (const [env, message] of [
      [{FEEDCAL_ALLOW: 'ftp://example.org/x.ics'}, /^feedcal relay: FEEDCAL_ALLOW entry "ftp:\/\/example.org\/x.ics" must start with http:\/\/ or https:\/\/\.$/],
      [{FEEDCAL_ALLOW: '', FEEDCAL_FEEDS: ''}, /set FEEDCAL_ALLOW .* or FEEDCAL_FEEDS/],
      [{FEEDCAL_FEEDS: 'https://example.org/x.ics'}, /^feedcal relay: FEEDCAL_FEEDS: .* must be name=url/],
      [{FEEDCAL_ALLOW: 'https://example.org/', FEEDCAL_CACHE_SECONDS: 'ten'}, /^feedcal relay: FEEDCAL_CACHE_SECONDS must be a number of seconds/],
      [
        {FEEDCAL_ALLOW: 'https://example.org/', FEEDCAL_ORIGINS: 'https://our-blog.se/events'},
        /^feedcal relay: FEEDCAL_ORIGINS "https:\/\/our-blog.se\/events" must be a site origin only/,
      ],
    ] as [RelayEnv, RegExp][]) {
      const response = await ask(env);
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match((await response.text()).trim(), message);
    }
  });
});
