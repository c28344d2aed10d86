// `node bench/relay-json.mjs` (after `npm run build`): what the widget saves by asking a feedcal
// relay for JSON instead of relaying an iCalendar feed as it is (issue 13, item 1).
//
// On loopback only: an upstream without CORS headers serving an iCalendar feed, the built relay
// (dist/relay/node.js) in front of it twice — as it is, and with the visitor's Accept header
// dropped, which is what any other proxy or an older relay gives the widget — and a site serving
// dist/cdn gzip-compressed with a page `<event-list src=… proxy=…>`. Each page load is a fresh
// browser profile (nothing cached). Per mode it reports the median of BENCH_RUNS loads of:
//   - the bytes on the wire (CDP encodedDataLength): the widget's scripts and the feed answer;
//   - the time from navigation to the first event card, at normal speed and with the CPU slowed
//     4x (a slow phone), through a relay whose copy and converted view are cached (as for every
//     visitor but the first in each cache period);
// and the relay's conversion time alone (first request, cold; then from its view cache).
//
// Feeds: the Google Calendar export in ../shared/fixtures/feeds/ics/ (30 events, 2007–2008, shown
// with when="all"), and bench/generate.mjs's iCalendar calendar of BENCH_RELAY_SIZE events.
//
//   BENCH_RUNS=7  BENCH_RELAY_SIZE=500  CHROME_PATH=/usr/bin/chromium
import {createServer} from 'node:http';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, extname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {generateFeeds} from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZE = Number(process.env.BENCH_RELAY_SIZE ?? 500);
const cdn = join(root, 'dist/cdn');
if (!existsSync(join(cdn, 'feedcal.js')) || !existsSync(join(root, 'dist/relay/node.js'))) {
  console.error('bench/relay-json.mjs: run `npm run build` first (it measures dist/ as built).');
  process.exit(2);
}
const {createNodeRelay, serveRelay} = await import(pathToFileURL(join(root, 'dist/relay/node.js')).href);

const feeds = [];
const google = join(root, '../shared/fixtures/feeds/ics/calagator-google-portland-user-groups.ics');
if (existsSync(google)) feeds.push({name: 'Google Calendar export (30 events, fixture)', body: readFileSync(google)});
feeds.push({name: `generated calendar (${SIZE} events, weekly series, Stockholm)`, body: Buffer.from(generateFeeds(SIZE).ics)});

const listen = (server) =>
  new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${server.address().port}`)));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

// The site: dist/cdn, gzip-compressed as any CDN serves it, and the page.
const files = new Map();
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (extname(path) === '.js') files.set(`/${path.slice(cdn.length + 1)}`, gzipSync(readFileSync(path), {level: 9}));
  }
};
walk(cdn);
let page = '';
const site = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'}).end(page);
  const body = files.get(path);
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, {'content-type': 'text/javascript; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': 'no-store'}).end(body);
});
const siteOrigin = await listen(site);

// The upstream: no CORS headers, the feed as Google sends it (gzip when asked).
let feedBody = Buffer.alloc(0);
const upstream = createServer((req, res) => {
  const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(200, {'content-type': 'text/calendar; charset=utf-8', ...(gzip ? {'content-encoding': 'gzip'} : {})});
  res.end(gzip ? gzipSync(feedBody) : feedBody);
});
const upstreamOrigin = await listen(upstream);
const feedUrl = `${upstreamOrigin}/basic.ics`;

/** The relay, gzip-compressing its answers as nginx or Cloudflare would in front of it. */
async function startRelay(mode) {
  const handler = createNodeRelay({allow: [feedUrl], origins: [siteOrigin]});
  const timings = [];
  const relayed = async (request, info) => {
    const headers = new Headers(request.headers);
    // "as it is": what any other proxy gives the widget (the Accept header goes nowhere).
    if (mode === 'ics') headers.delete('accept');
    const started = performance.now();
    const response = await handler(new Request(request.url, {method: request.method, headers}), info);
    const body = new Uint8Array(await response.arrayBuffer());
    timings.push(performance.now() - started);
    const out = new Headers(response.headers);
    if (!body.byteLength || !/gzip/.test(request.headers.get('accept-encoding') ?? '')) return new Response(body.byteLength ? body : null, {status: response.status, headers: out});
    out.set('content-encoding', 'gzip');
    out.delete('content-length');
    return new Response(gzipSync(body), {status: response.status, headers: out});
  };
  const running = await serveRelay(relayed, {port: 0, host: '127.0.0.1'});
  return {running, timings};
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});

/** One page load in a fresh profile: bytes by kind, ms to the first card, scripts loaded. */
async function load(relayUrl, cpu) {
  page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<event-list src="${feedUrl}" proxy="${relayUrl}/?url={url}" when="all" lang="en" time-zone="Europe/Stockholm"></event-list>
<script type="module" src="/feedcal.js"></script></body></html>`;
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', {rate: cpu});
  const urls = new Map();
  const bytes = {scripts: 0, feed: 0};
  const scripts = [];
  cdp.on('Network.requestWillBeSent', ({requestId, request}) => urls.set(requestId, request.url));
  cdp.on('Network.loadingFinished', ({requestId, encodedDataLength}) => {
    const url = urls.get(requestId) ?? '';
    if (url.startsWith(relayUrl)) bytes.feed += encodedDataLength;
    else if (url.endsWith('.js')) {
      bytes.scripts += encodedDataLength;
      scripts.push(url.slice(url.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.js$/, ''));
    }
  });
  await tab.goto(siteOrigin, {waitUntil: 'domcontentloaded'});
  const handle = await tab.waitForFunction(
    () => (document.querySelector('event-list')?.shadowRoot?.querySelector('event-card') ? performance.now() : false),
    {polling: 'raf', timeout: 60_000}
  );
  const ms = await handle.jsonValue();
  const cards = await tab.evaluate(() => document.querySelector('event-list').shadowRoot.querySelectorAll('event-card').length);
  // Let late chunks (a preload) finish so their bytes count.
  await new Promise((done) => setTimeout(done, 300));
  await context.close();
  return {ms, bytes, scripts, cards};
}

const rows = [];
for (const feed of feeds) {
  feedBody = feed.body;
  for (const mode of ['ics', 'json']) {
    for (const cpu of [1, 4]) {
      // One relay per mode, warmed by a first load that is not counted: what visitors meet is a
      // relay whose copy (and converted view) is cached; the cold conversion is measured below.
      const relay = await startRelay(mode);
      await load(relay.running.url, cpu);
      const results = [];
      for (let run = 0; run < RUNS; run++) {
        const before = relay.timings.length;
        results.push({...(await load(relay.running.url, cpu)), relayMs: relay.timings[before]});
      }
      await relay.running.close();
      rows.push({
        feed: feed.name,
        mode: mode === 'ics' ? 'iCalendar as it is' : 'JSON from the relay',
        cpu,
        scripts: median(results.map((r) => r.bytes.scripts)),
        feedBytes: median(results.map((r) => r.bytes.feed)),
        firstCard: median(results.map((r) => r.ms)),
        relayMs: median(results.map((r) => r.relayMs)),
        cards: results[0].cards,
        chunks: results[0].scripts.join(' '),
      });
    }
  }
  // The relay's conversion alone, in Node: the first request (upstream fetch, parse, expand,
  // write; the parser modules are loaded already), then from its view cache.
  const relay = await startRelay('json');
  const ask = () => fetch(`${relay.running.url}/?url=${encodeURIComponent(feedUrl)}`, {headers: {accept: 'application/vnd.feedcal+json'}}).then((r) => r.arrayBuffer());
  await ask();
  for (let i = 0; i < 20; i++) await ask();
  rows.push({feed: feed.name, relayCold: relay.timings[0], relayWarm: median(relay.timings.slice(1)), raw: feed.body.byteLength, rawGzip: gzipSync(feed.body).byteLength});
  await relay.running.close();
}

await browser.close();
site.close();
upstream.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nfeedcal widget through a feedcal relay: iCalendar as it is vs JSON from the relay (median of ${RUNS} fresh loads, loopback)\n`);
console.log('| feed | answer | CPU | scripts (gzip) | feed answer (gzip) | total | first card | relay time | cards | chunks |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
for (const row of rows.filter((r) => r.mode)) {
  console.log(
    `| ${row.feed} | ${row.mode} | ${row.cpu}x | ${kb(row.scripts)} | ${kb(row.feedBytes)} | ${kb(row.scripts + row.feedBytes)} | ${row.firstCard.toFixed(0)} ms | ${row.relayMs.toFixed(1)} ms | ${row.cards} | ${row.chunks} |`
  );
}
console.log('\n| feed | feed size (raw / gzip) | relay conversion, first request | from its view cache |');
console.log('|---|---:|---:|---:|');
for (const row of rows.filter((r) => r.relayCold !== undefined)) {
  console.log(`| ${row.feed} | ${kb(row.raw)} / ${kb(row.rawGzip)} | ${row.relayCold.toFixed(1)} ms | ${row.relayWarm.toFixed(2)} ms |`);
}
