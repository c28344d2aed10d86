/// <reference types="node" />
/**
 * Subscribe to this view and the printed poster, end to end in Chromium (issue 19, items 2 and 4).
 *
 * - Through a feedcal relay, the list offers the relay's filtered iCalendar view (webcal, Google,
 *   Outlook) and its RSS, and the relay's answer holds exactly the events the list shows, the same
 *   as the list's own download. An iCalendar feed without a relay is offered as it is; a JSON feed
 *   without one gets the download only.
 * - The poster (A4 and A3) is printed to PDF, each page rendered to an image with poppler's
 *   `pdftoppm` (Debian's poppler-utils, installed by .ci/run), and every QR code on it read back
 *   with jsQR: one per event with a page, and the calendar page's. Titles with markup and right-to-
 *   left text print as text.
 *
 * `when="all"` keeps the browser's clock out of it. With FEEDCAL_SHOTS_DIR set, the poster's first
 * page and the subscribe menu (light and dark) are kept there as PNG files to look at.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createServer, type Server} from 'node:http';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {copyFile, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AddressInfo} from 'node:net';
import {build} from 'esbuild';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import {PNG} from 'pngjs';
import jsQR from 'jsqr';
import {createNodeRelay, serveRelay, type RunningRelay} from '../../src/relay/node.js';

const run = promisify(execFile);
const WAIT = 15_000;
const SHOTS = process.env.FEEDCAL_SHOTS_DIR;

const EVENTS = [
  {uid: 'meeting', title: 'Tenants’ meeting <b>bold</b> & "friends"', start: '20261212T170000Z', url: 'https://example.org/events/meeting', categories: 'Meeting'},
  {uid: 'hebrew', title: 'אספה כללית של הדיירים', start: '20261213T170000Z', url: 'https://example.org/events/assembly?lang=he', categories: 'Meeting'},
  {
    uid: 'long',
    title: `Studiecirkel: ${'Hyresgästföreningsorganiseringsverksamhet'.repeat(3)} and a title that goes on`,
    start: '20261214T170000Z',
    url: 'https://example.org/events/study-circle',
    categories: 'Study',
  },
  {uid: 'script', title: '</style><script>window.pwned=1</script>', start: '20261215T170000Z', url: 'https://example.org/events/4', categories: 'Meeting'},
  {uid: 'nourl', title: 'Soup kitchen (no page)', start: '20261216T110000Z', categories: 'Study'},
];
const escapeText = (text: string) => text.replace(/[\\;,]/g, (ch) => `\\${ch}`);
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//feedcal//share test//EN',
  ...EVENTS.flatMap((e) => [
    'BEGIN:VEVENT',
    `UID:${e.uid}@test`,
    'DTSTAMP:20261101T000000Z',
    `DTSTART:${e.start}`,
    'DURATION:PT2H',
    `SUMMARY:${escapeText(e.title)}`,
    `CATEGORIES:${e.categories}`,
    'LOCATION:Folkets hus\\, Malmö',
    ...(e.url ? [`URL:${e.url}`] : []),
    'END:VEVENT',
  ]),
  'END:VCALENDAR',
  '',
].join('\r\n');
const JSON_FEED = JSON.stringify([{title: 'Only downloadable', start: '2026-12-20T18:00:00+01:00', url: 'https://example.org/events/json'}]);

let dir: string;
let upstream: Server;
let feedUrl: string;
let jsonUrl: string;
let upstreamOrigin: string;
let site: Server;
let siteOrigin: string;
let relay: RunningRelay;
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

const page = (attributes: string, theme = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our calendar</title>
<style>body{font-family:sans-serif;max-width:44rem;margin:1.5rem auto;padding:0 1rem}${theme}</style></head>
<body><h1>Our events</h1>
<event-list ${attributes} controls="categories subscribe print copy" poster-title="Tenants’ Union &lt;Södermalm&gt;" when="all" lang="en" time-zone="Europe/Stockholm"></event-list>
<script type="module" src="/index.js"></script>
</body></html>`;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedcal-share-'));
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    logLevel: 'error',
  });
  // The feeds: readable by any page (so the direct list shows them too), and by the relay.
  upstream = createServer((req, res) => {
    const json = req.url?.startsWith('/events.json');
    const body = json ? JSON_FEED : FEED;
    res.writeHead(200, {
      'content-type': json ? 'application/json' : 'text/calendar; charset=utf-8',
      'access-control-allow-origin': '*',
      'content-length': String(Buffer.byteLength(body)),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  upstreamOrigin = await listen(upstream);
  // No .ics in the address: the list finds out it is iCalendar from the server's answer.
  feedUrl = `${upstreamOrigin}/calendar?export`;
  jsonUrl = `${upstreamOrigin}/events.json`;
  site = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const pages: Record<string, string> = {
      '/relayed.html': page(`src="${feedUrl}" proxy="${relay?.url}/?url={url}"`),
      '/relayed-study.html': page(`src="${feedUrl}" proxy="${relay?.url}/?url={url}" categories="Study"`),
      '/relayed-dark.html': page(`src="${feedUrl}" proxy="${relay?.url}/?url={url}" theme="dark"`, 'body{background:#111417;color:#e8eaed}'),
      '/direct.html': page(`src="${feedUrl}"`),
      '/json.html': page(`src="${jsonUrl}"`),
      // Any other proxy: it relays, but is not a feedcal relay (no view addresses to offer).
      '/proxied-json.html': page(`src="${jsonUrl}" proxy="${siteOrigin}/proxy?url={url}"`),
      '/proxied-ics.html': page(`src="${upstreamOrigin}/calendar.ics" proxy="${siteOrigin}/proxy?url={url}"`),
    };
    if (url.pathname === '/proxy') {
      const answer = await fetch(url.searchParams.get('url')!, {method: req.method});
      res.writeHead(answer.status, {'content-type': answer.headers.get('content-type') ?? 'text/plain', 'access-control-allow-origin': '*'});
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (pages[url.pathname]) {
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'});
      res.end(pages[url.pathname]);
      return;
    }
    const file = normalize(join(dir, url.pathname));
    if (!file.startsWith(dir) || extname(file) !== '.js') return void res.writeHead(404).end();
    try {
      res.writeHead(200, {'content-type': 'text/javascript; charset=utf-8'});
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  siteOrigin = await listen(site);
  relay = await serveRelay(createNodeRelay({allow: [feedUrl], origins: [siteOrigin]}), {port: 0, host: '127.0.0.1'});
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([relay?.close(), close(site), close(upstream)]);
  if (dir) await rm(dir, {recursive: true, force: true});
});

/** A tab on `path` once the list shows its cards. */
async function visit(path: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.setViewport({width: 900, height: 900});
  await tab.goto(`${siteOrigin}${path}`);
  await tab.waitForFunction(() => document.querySelector('event-list')?.shadowRoot?.querySelector('event-card'), {timeout: WAIT, polling: 50});
  return tab;
}

interface Link {
  kind: string;
  href: string;
  exact?: boolean;
}
const linksOf = (tab: Page) =>
  tab.evaluate(async () => {
    const list = document.querySelector('event-list')!;
    return (await list.share()).subscribeLinks();
  }) as Promise<Link[]>;

const summaries = (ics: string) => [...ics.replace(/\r\n[ \t]/g, '').matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1].trim()).sort();
const downloaded = (link: Link) => decodeURIComponent(link.href.slice(link.href.indexOf(',') + 1));

describe('subscribe to this view', () => {
  it('through the relay: its filtered iCalendar view, the same events as the list shows and downloads', async () => {
    const tab = await visit('/relayed-study.html');
    const links = await linksOf(tab);
    assert.deepEqual(
      links.map((l) => l.kind),
      ['webcal', 'google', 'outlook', 'rss', 'download']
    );
    const webcal = links[0].href;
    assert.ok(
      webcal.startsWith(`webcal://${new URL(relay.url).host}/?url=${encodeURIComponent(feedUrl)}&format=ics&categories=Study&when=all&time-zone=Europe%2FStockholm`),
      webcal
    );
    assert.equal(links[1].href, `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`);
    assert.ok(links[2].href.startsWith(`https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(webcal.replace('webcal:', 'http:'))}&name=`));
    assert.ok(links.every((l) => l.kind === 'download' || l.exact));
    // What a calendar app would get, asked as one would (no Origin).
    const answer = await fetch(webcal.replace('webcal:', 'http:'));
    assert.match(answer.headers.get('content-type') ?? '', /^text\/calendar/);
    const relayed = summaries(await answer.text());
    const shown = (await tab.evaluate(() => document.querySelector('event-list')!.visibleEvents.map((e) => e.title))).map(escapeText).sort();
    assert.deepEqual(relayed, shown);
    assert.deepEqual(summaries(downloaded(links[4])), shown);
    assert.equal(relayed.length, 2);
    const rss = await fetch(links[3].href);
    assert.match(rss.headers.get('content-type') ?? '', /rss\+xml/);
    await tab.close();
  });

  it('an iCalendar feed without a relay as it is; a JSON feed without one: the download only', async () => {
    const direct = await visit('/direct.html');
    const links = await linksOf(direct);
    assert.deepEqual(
      links.map((l) => l.kind),
      ['webcal', 'google', 'outlook', 'download']
    );
    assert.equal(links[0].href, feedUrl.replace('http:', 'webcal:'));
    assert.equal(links[0].exact, false);
    await direct.close();
    const json = await visit('/json.html');
    assert.deepEqual(
      (await linksOf(json)).map((l) => l.kind),
      ['download']
    );
    await json.close();
  });

  it('through a proxy that is not a feedcal relay: an .ics feed as it is, a JSON feed the download only', async () => {
    const ics = await visit('/proxied-ics.html');
    const links = await linksOf(ics);
    assert.deepEqual(
      links.map((l) => l.kind),
      ['webcal', 'google', 'outlook', 'download']
    );
    assert.equal(links[0].href, feedUrl.replace('http:', 'webcal:').replace('/calendar?export', '/calendar.ics'));
    await ics.close();
    const json = await visit('/proxied-json.html');
    assert.deepEqual(
      (await linksOf(json)).map((l) => l.kind),
      ['download']
    );
    await json.close();
  });
});

/** Prints the list's poster in `size`, and gives back the poster's document as printed. */
async function posterHtml(tab: Page, size: 'a4' | 'a3'): Promise<string> {
  return tab.evaluate(async (size) => {
    let printed = '';
    // The print dialog is the boundary: the frame's print() keeps its document instead.
    const seen = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLIFrameElement && node.dataset.feedcalPoster)
            node.contentWindow!.print = () => void (printed = '<!doctype html>' + node.contentDocument!.documentElement.outerHTML);
    });
    seen.observe(document.body, {childList: true});
    await (await document.querySelector('event-list')!.share()).print(size);
    seen.disconnect();
    return printed;
  }, size);
}

/**
 * Every QR code on a page image. jsQR reads one code per image, and on a page of several it finds
 * none, so the page is read in overlapping windows a little larger than a code, each code once.
 */
function readQrCodes(png: PNG, window = 360, step = 120): string[] {
  const found = new Set<string>();
  const crop = new Uint8ClampedArray(window * window * 4);
  for (let top = 0; top < png.height; top += step) {
    for (let left = 0; left < png.width; left += step) {
      const w = Math.min(window, png.width - left);
      const h = Math.min(window, png.height - top);
      for (let y = 0; y < h; y++) crop.set(png.data.subarray(((top + y) * png.width + left) * 4, ((top + y) * png.width + left + w) * 4), y * w * 4);
      const code = jsQR(crop.subarray(0, w * h * 4), w, h, {inversionAttempts: 'dontInvert'});
      if (code?.data) found.add(code.data);
    }
  }
  return [...found];
}

describe('poster', () => {
  for (const size of ['a4', 'a3'] as const) {
    it(`prints on ${size.toUpperCase()} with a QR code per event page and one for the calendar, read back from the PDF`, async () => {
      const tab = await visit('/relayed.html');
      const html = await posterHtml(tab, size);
      const pageUrl = `${siteOrigin}/relayed.html`;
      assert.ok(html.includes('@page { size: ' + size.toUpperCase()), 'its own page size');
      assert.ok(!html.includes('<script>window.pwned'), 'a title never becomes markup');
      assert.ok(html.includes('&lt;/style&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;'));
      assert.ok(html.includes('Tenants’ Union &lt;Södermalm&gt;'));

      const print = await browser.newPage();
      await print.setContent(html, {waitUntil: 'load'});
      assert.equal(await print.evaluate(() => (window as {pwned?: number}).pwned), undefined);
      const pdf = join(dir, `poster-${size}.pdf`);
      await writeFile(pdf, await print.pdf({preferCSSPageSize: true, printBackground: true}));
      await print.close();
      await tab.close();

      const info = (await run('pdfinfo', [pdf])).stdout;
      assert.match(info, size === 'a4' ? /Page size:.* pts \(A4\)/ : /Page size:.* pts \(A3\)/, info);
      await run('pdftoppm', ['-r', size === 'a4' ? '150' : '110', '-png', pdf, join(dir, `poster-${size}`)]);
      const images = (await readdir(dir)).filter((f) => f.startsWith(`poster-${size}-`) && f.endsWith('.png')).sort();
      assert.ok(images.length >= 1);
      if (SHOTS) for (const image of images) await copyFile(join(dir, image), join(SHOTS, `share19-${image}`));
      const decoded: string[] = [];
      for (const image of images) decoded.push(...readQrCodes(PNG.sync.read(await readFile(join(dir, image)))));
      const expected = [pageUrl, ...EVENTS.filter((e) => e.url).map((e) => e.url!)].sort();
      assert.deepEqual(decoded.sort(), expected);
      console.log(`poster ${size}: ${images.length} page(s); QR codes read: ${decoded.join(' | ')}`);
    });
  }
});

describe('the subscribe menu, as a visitor sees it', () => {
  it('opens from its button with the relay links, light and dark', async () => {
    for (const [path, name] of [
      ['/relayed.html', 'light'],
      ['/relayed-dark.html', 'dark'],
    ]) {
      const tab = await visit(path);
      await tab.waitForFunction(() => document.querySelector('event-list')!.shadowRoot!.querySelector('details[data-control="subscribe"]'), {
        timeout: WAIT,
        polling: 50,
      });
      await tab.evaluate(() => {
        const root = document.querySelector('event-list')!.shadowRoot!;
        (root.querySelector('details[data-control="subscribe"] summary') as HTMLElement).click();
      });
      await tab.waitForFunction(() => document.querySelector('event-list')!.shadowRoot!.querySelector('a[data-kind="rss"]'), {timeout: WAIT, polling: 50});
      const labels = await tab.evaluate(() => [...document.querySelector('event-list')!.shadowRoot!.querySelectorAll('.share-panel a')].map((a) => a.textContent));
      assert.deepEqual(labels, ['Calendar app', 'Google Calendar', 'Outlook.com', 'RSS feed', 'Download these 5 events (.ics)']);
      if (SHOTS) await tab.screenshot({path: join(SHOTS, `share19-subscribe-${name}.png`) as `${string}.png`});
      await tab.close();
    }
  });
});
