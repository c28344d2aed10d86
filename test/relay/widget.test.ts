/**
 * The whole path, end to end, in Chromium: an upstream on 127.0.0.1 that sends no CORS headers,
 * the relay in front of it (the Node adapter), and `<event-list proxy="…?url={url}">` on a page of
 * a third origin showing the feed's events. Without `proxy` the same list reports the CORS error.
 * When the upstream fails after a good load, a visitor arriving later (a fresh browser profile, so
 * the widget has no copy of its own) still sees the events: the relay's stale copy.
 *
 * `when="all"` keeps the browser's clock out of it. Every wait has a timeout; the browser and the
 * three servers are closed in `after`.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createServer, type Server} from 'node:http';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AddressInfo} from 'node:net';
import {build} from 'esbuild';
import puppeteer, {type Browser, type BrowserContext, type Page} from 'puppeteer-core';
import {createNodeRelay, serveRelay, type RunningRelay} from '../../src/relay/node.js';

const TITLES = ['Vinterfest i Folkets hus', 'Studiecirkel: Bortom Big Tech'];
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//feedcal//widget test//EN',
  'BEGIN:VEVENT',
  'UID:fest@test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261212T170000Z',
  'DTEND:20261212T220000Z',
  `SUMMARY:${TITLES[0]}`,
  'LOCATION:Folkets hus\\, Malmö',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cirkel@test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20270116T180000Z',
  'DURATION:PT2H',
  `SUMMARY:${TITLES[1]}`,
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const WAIT = 10_000;

let dir: string;
let upstream: Server;
let upstreamFails = false;
let upstreamHits = 0;
let feedUrl: string;
let site: Server;
let siteOrigin: string;
let relay: RunningRelay;
/** The same relay behind a proxy that drops the visitor's Accept header: any other proxy, to the widget. */
let plainProxy: RunningRelay;
let browser: Browser;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const close = (server: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!server?.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });

const page = (attributes: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relayed calendar</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}</style></head>
<body><h1>Our events</h1>
<script>
  window.feedErrors = [];
  document.addEventListener('event-list-error', (e) => window.feedErrors.push({kind: e.error && e.error.kind, message: e.error && e.error.message}), true);
</script>
<event-list ${attributes} when="all" lang="en" time-zone="Europe/Stockholm"></event-list>
<script type="module" src="/index.js"></script>
</body></html>`;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedcal-widget-'));
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    minify: false,
    logLevel: 'error',
  });

  upstream = createServer((req, res) => {
    upstreamHits++;
    // No CORS headers, ever: only a server may read this.
    if (upstreamFails) {
      res.writeHead(500, {'content-type': 'text/plain'});
      res.end('upstream is down');
      return;
    }
    res.writeHead(200, {'content-type': 'text/calendar; charset=utf-8', 'content-length': String(Buffer.byteLength(FEED))});
    res.end(req.method === 'HEAD' ? undefined : FEED);
  });
  feedUrl = `${await listen(upstream)}/calendar.ics`;

  site = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/relayed.html' || url.pathname === '/direct.html' || url.pathname === '/plain-proxy.html') {
      const proxies: Record<string, string> = {'/relayed.html': ` proxy="${relay?.url}/?url={url}"`, '/plain-proxy.html': ` proxy="${plainProxy?.url}/?url={url}"`};
      const proxy = proxies[url.pathname] ?? '';
      const attributes = `src="${feedUrl}"${proxy}`;
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'});
      res.end(page(attributes));
      return;
    }
    const file = normalize(join(dir, url.pathname));
    if (!file.startsWith(dir) || extname(file) !== '.js') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {'content-type': 'text/javascript; charset=utf-8'});
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  siteOrigin = await listen(site);

  // 127.0.0.1 is written as an address in `allow`: the documented way to allow a loopback host by name.
  relay = await serveRelay(createNodeRelay({allow: [feedUrl], origins: [siteOrigin], cacheSeconds: 1}), {port: 0, host: '127.0.0.1'});
  const plain = createNodeRelay({allow: [feedUrl], origins: [siteOrigin]});
  plainProxy = await serveRelay(
    (request, info) => {
      const headers = new Headers(request.headers);
      headers.delete('accept');
      return plain(new Request(request.url, {method: request.method, headers}), info);
    },
    {port: 0, host: '127.0.0.1'}
  );

  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([relay?.close(), plainProxy?.close(), close(site), close(upstream)]);
  if (dir) await rm(dir, {recursive: true, force: true});
});

/** The titles of the list's cards, once there are some (or the error part's text, to fail fast). */
async function shownTitles(tab: Page): Promise<string[]> {
  const handle = await tab.waitForFunction(
    () => {
      const root = document.querySelector('event-list')?.shadowRoot;
      const error = root?.querySelector('[part="error"]');
      if (error) return {error: error.textContent?.trim()};
      const cards = [...(root?.querySelectorAll('event-card') ?? [])] as (Element & {event?: {title?: string}})[];
      return cards.length ? {titles: cards.map((card) => card.event?.title ?? '')} : false;
    },
    {timeout: WAIT, polling: 50}
  );
  const result = (await handle.jsonValue()) as {titles?: string[]; error?: string};
  assert.ok(result.titles, `the list showed an error instead of events: ${result.error}`);
  return result.titles;
}

/** A visitor with a fresh profile: no HTTP cache, no copy kept by the widget. */
async function visit(
  path: string
): Promise<{context: BrowserContext; tab: Page; relayed: {status: number; headers: Record<string, string>}[]; scripts: string[]; accepts: string[]}> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const relayed: {status: number; headers: Record<string, string>}[] = [];
  const scripts: string[] = [];
  const accepts: string[] = [];
  tab.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    if (request.url().startsWith(`${relay.url}/`)) accepts.push(`${request.method()} ${request.headers().accept}`);
  });
  tab.on('response', (response) => {
    if (response.url().startsWith(`${relay.url}/`) && response.request().method() === 'GET') relayed.push({status: response.status(), headers: response.headers()});
  });
  await tab.goto(`${siteOrigin}${path}`, {waitUntil: 'domcontentloaded', timeout: WAIT});
  return {context, tab, relayed, scripts, accepts};
}

/** The iCalendar reader's chunk (lib/feeds/ics/ics.ts, with ical.js) among the scripts a page loaded. */
const icsChunk = (scripts: string[]) => scripts.filter((path) => /\/ics(-[\w-]+)?\.js$/.test(path));

describe('the widget through the relay, in Chromium', () => {
  it('shows the events of a feed without CORS headers through the relay', async () => {
    const {context, tab, relayed, scripts, accepts} = await visit('/relayed.html');
    try {
      assert.deepEqual(await shownTitles(tab), TITLES);
      assert.equal(relayed.at(-1)?.status, 200);
      assert.equal(relayed.at(-1)?.headers['access-control-allow-origin'], siteOrigin);
      // The widget asked for feedcal JSON (a safelisted Accept: no preflight), the relay converted
      // the iCalendar feed, and the page never loaded the iCalendar reader.
      assert.deepEqual(accepts, ['GET application/vnd.feedcal+json, */*;q=0.8']);
      assert.equal(relayed.at(-1)?.headers['content-type'], 'application/vnd.feedcal+json; charset=utf-8');
      assert.match(relayed.at(-1)?.headers.vary ?? '', /Accept/);
      assert.ok(
        scripts.some((path) => /\/json(-[\w-]+)?\.js$/.test(path)),
        `the JSON reader was loaded: ${scripts.join(' ')}`
      );
      assert.deepEqual(icsChunk(scripts), [], 'no iCalendar chunk was requested');
      await tab.setViewport({width: 800, height: 600});
      await tab.screenshot({path: '/tmp/relay-widget.png', fullPage: true});
    } finally {
      await context.close();
    }
  });

  it('through a proxy that ignores the Accept header, the widget reads the iCalendar feed itself', async () => {
    const {context, tab, scripts} = await visit('/plain-proxy.html');
    try {
      assert.deepEqual(await shownTitles(tab), TITLES);
      assert.equal(icsChunk(scripts).length, 1, `scripts: ${scripts.join(' ')}`);
    } finally {
      await context.close();
    }
  });

  it('without proxy, the same list reports the CORS error, and tells the site owner the relay command', async () => {
    const {context, tab, scripts} = await visit('/direct.html');
    try {
      const handle = await tab.waitForFunction(
        () => {
          const errors = (window as unknown as {feedErrors: {kind: string}[]}).feedErrors;
          // The owner's details (with the cause and the fix) arrive on demand just after the visitor's sentence.
          const part = document.querySelector('event-list')?.shadowRoot?.querySelector('[part="error"]');
          return errors.length && part?.querySelector('[part="error-details"]') ? {errors, text: part.textContent?.replace(/\s+/g, ' ').trim()} : false;
        },
        {timeout: WAIT, polling: 50}
      );
      const {errors, text} = (await handle.jsonValue()) as {errors: {kind: string}[]; text: string};
      assert.equal(errors[0].kind, 'cors');
      assert.match(text, /The calendar can’t be shown right now\./);
      assert.match(text, /CORS/);
      assert.match(text, /npx feedcal relay --allow http:\/\/127\.0\.0\.1:\d+\//);
      assert.equal(await tab.evaluate(() => document.querySelector('event-list')!.shadowRoot!.querySelectorAll('event-card').length), 0);
      // Without the relay, an address ending in .ics makes the page fetch the iCalendar reader (so the check above can fail).
      assert.equal(icsChunk(scripts).length, 1, `scripts: ${scripts.join(' ')}`);
    } finally {
      await context.close();
    }
  });

  it('still shows the events when the upstream fails after a good load (the relay’s stale copy)', async () => {
    // A good load (fills the relay's cache), then the upstream breaks.
    const first = await visit('/relayed.html');
    try {
      assert.deepEqual(await shownTitles(first.tab), TITLES);
    } finally {
      await first.context.close();
    }
    upstreamFails = true;
    const hits = upstreamHits;
    // Past the relay's 1 s cache period: the next visitor makes it ask the upstream again.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const later = await visit('/relayed.html');
    try {
      assert.deepEqual(await shownTitles(later.tab), TITLES);
      assert.ok(upstreamHits > hits, 'the relay asked the failing upstream');
      const answer = later.relayed.at(-1);
      assert.equal(answer?.status, 200);
      assert.equal(answer?.headers['x-feedcal-stale'], 'upstream 500');
      assert.ok(Number(answer?.headers.age) >= 1, `Age: ${answer?.headers.age}`);
      // The visitor is told the events are an old copy, with its age, as for the widget's own copy.
      const notice = await later.tab.waitForFunction(() => document.querySelector('event-list')?.shadowRoot?.querySelector('[part~="stale"]')?.textContent?.trim(), {
        timeout: WAIT,
        polling: 50,
      });
      assert.match(String(await notice.jsonValue()), /^Updated \d+ seconds? ago — could not refresh\./);
    } finally {
      await later.context.close();
    }
  });
});
