/* global document -- used inside page.evaluate, which runs in the browser */
// Screenshots of the built configurator (dist/configurator/, after `npm run build`) for people to
// look at: three shared fixture feeds, light and dark, desktop and a 375 px phone. Two loopback
// servers: the site (the project root, as `npm start` serves it) and a feed host on another
// origin that allows CORS, as a real calendar would. Usage:
//   node configurator/screenshots.mjs [outdir]        (default: /tmp/configurator-shots)
// The fixtures are old, so each page's clock is set to a day inside its feed (FEEDS below);
// otherwise every preview would only offer "Past events".
import {createServer} from 'node:http';
import {mkdirSync, readFileSync, existsSync, statSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('../../shared/fixtures/feeds/', import.meta.url));
const out = process.argv[2] ?? '/tmp/configurator-shots';
const FEEDS = [
  {name: 'gnistor', path: 'gnistor/feed.json', now: '2026-08-15T10:00:00Z', pick: 'Konstellationen'},
  {name: 'portland', path: 'ics/calagator-google-portland-user-groups.ics', now: '2011-03-01T18:00:00Z'},
  {name: 'fullcalendar', path: 'json/fullcalendar-demo-events-mixed-allday-offsets.json', now: '2015-12-01T12:00:00Z'},
  // The Gnistor feed again, from a host that sends no CORS headers: the relay advice.
  {name: 'blocked', path: 'gnistor/feed.json', now: '2026-08-15T10:00:00Z', blocked: true},
];
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.ics': 'text/calendar',
  '.rss': 'application/rss+xml',
};

function serve(dir, headers = {}) {
  const server = createServer((req, res) => {
    const file = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const path = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!path.startsWith(dir) || !existsSync(path)) return res.writeHead(404).end('Not found');
    res.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...headers});
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({server, origin: `http://127.0.0.1:${server.address().port}`})));
}

mkdirSync(out, {recursive: true});
const site = await serve(root);
const feeds = await serve(fixtures, {'access-control-allow-origin': '*'});
const blocked = await serve(fixtures);
const browser = await puppeteer.launch({executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage']});
try {
  for (const feed of FEEDS) {
    for (const scheme of ['light', 'dark']) {
      for (const [label, width] of [
        ['desktop', 1000],
        ['phone', 375],
      ]) {
        const page = await browser.newPage();
        await page.setViewport({width, height: 900, deviceScaleFactor: 1});
        await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
        await page.evaluateOnNewDocument((at) => {
          const fixed = new Date(at).getTime();
          const RealDate = Date;
          globalThis.Date = class extends RealDate {
            constructor(...args) {
              super(...(args.length ? args : [fixed]));
            }
            static now() {
              return fixed;
            }
          };
        }, feed.now);
        const query = new URLSearchParams({src: `${(feed.blocked ? blocked : feeds).origin}/${feed.path}`, ui: feed.name === 'gnistor' ? 'sv' : 'en', bg: scheme});
        await page.goto(`${site.origin}/dist/configurator/?${query}`);
        await page.waitForSelector('feedcal-configurator .choices, feedcal-configurator .finding.error', {timeout: 30000});
        if (feed.pick) {
          await page.evaluate((text) => {
            const box = [...document.querySelectorAll('.facet input')].find((i) => i.value.includes(text));
            box?.click();
          }, feed.pick);
        }
        await new Promise((r) => setTimeout(r, 1500));
        // A phone page is long: also in screen-sized pieces that can be looked at one by one.
        const file = join(out, `${feed.name}-${scheme}-${label}.png`);
        await page.screenshot({path: file, fullPage: true});
        console.log(file);
        if (label === 'phone') {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, n = 1; y < height; y += 1200, n++) {
            const piece = join(out, `${feed.name}-${scheme}-${label}-${n}.png`);
            await page.screenshot({path: piece, clip: {x: 0, y, width, height: Math.min(1200, height - y)}, captureBeyondViewport: true});
          }
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  site.server.close();
  feeds.server.close();
  blocked.server.close();
}
