/**
 * Screenshots of every snippet page (snippet-pages.ts) as a visitor sees it, with the built widget
 * (dist/cdn, served at /assets/feedcal/ as docs/snippets.md assumes) and a calendar dated from
 * tomorrow: for looking at, not a test (snippets.test.ts is the test).
 *
 *   npm run build && node --import tsx test/integrations/screenshots.ts [out-dir]   (default /tmp/feedcal-snippets)
 */
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {launchChromium, ROOT, sendFile, serve} from '../package/helpers.js';
import {calendarFeed, extractSnippets, snippetPages} from './snippet-pages.js';

const out = process.argv[2] ?? '/tmp/feedcal-snippets';
if (!existsSync(join(ROOT, 'dist/cdn/feedcal.js'))) {
  console.error('screenshots: dist/cdn/feedcal.js is missing; run npm run build first.');
  process.exit(2);
}
mkdirSync(out, {recursive: true});
const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
const {ics} = calendarFeed(tomorrow);
const snippets = extractSnippets(readFileSync(join(ROOT, 'docs/snippets.md'), 'utf8'));
let pages: ReturnType<typeof snippetPages> = [];
const site = await serve((_req, res, path) => {
  if (path === '/calendar.ics') {
    res.writeHead(200, {'content-type': 'text/calendar; charset=utf-8'}).end(ics);
    return true;
  }
  const page = pages.find((p) => path === `/${p.name}.html`);
  if (page) {
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(page.html);
    return true;
  }
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  return sendFile(res, path, '/assets/feedcal/', join(ROOT, 'dist/cdn'));
});
pages = snippetPages(snippets, {script: `${site.origin}/assets/feedcal/feedcal.js`, feed: `${site.origin}/calendar.ics`});
const browser = await launchChromium();
try {
  for (const page of pages) {
    const tab = await browser.newPage();
    await tab.emulateTimezone('Europe/Stockholm');
    tab.on('pageerror', (error) => console.error(`${page.name}: ${error}`));
    await tab.goto(`${site.origin}/${page.name}.html`);
    const frame = page.framed ? await (await tab.waitForSelector('iframe'))!.contentFrame() : tab.mainFrame();
    await frame.waitForFunction(() => (document.querySelector('event-list')?.shadowRoot?.querySelectorAll('event-card').length ?? 0) > 0, {timeout: 20000});
    await new Promise((resolve) => setTimeout(resolve, 300)); // the cards' fonts and the rest of the page
    const file = join(out, `${page.name}.png`);
    await tab.screenshot({path: file as `${string}.png`, fullPage: true});
    console.log(`${file}: ${page.says}`);
    await tab.close();
  }
} finally {
  await browser.close();
  await site.close();
}
