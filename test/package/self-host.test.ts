/**
 * Self-hosting: the release archive that `npm run build` writes (dist/feedcal-cdn-<version>.tar.gz,
 * scripts/pack-cdn.mjs), unpacked and served from a sub-path (/assets/feedcal/) of one origin,
 * shows a feed from another origin, and loads its on-demand chunks from beside the entry.
 * Needs the build: CI runs `npm run build` first.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {launchChromium, ROOT, sendFile, serve, untarGz, type Served} from './helpers.js';

const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string};
const ARCHIVE = join(ROOT, 'dist', `feedcal-cdn-${version}.tar.gz`);

const FEED = JSON.stringify({
  events: [
    {id: 'market', title: 'Julmarknad i parken', start: '2026-12-12T10:00:00Z', end: '2026-12-12T15:00:00Z'},
    {id: 'reading', title: 'Läsecirkel', start: '2026-12-16T17:00:00Z'},
  ],
});

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A site</title>
<script type="module" src="/assets/feedcal/feedcal.js"></script></head><body>${body}</body></html>`;

describe('the self-hosted archive', () => {
  let dir: string;
  let files: string[];
  let site: Served;
  let feeds: Served;
  let browser: Browser;

  before(async () => {
    if (!existsSync(join(ROOT, 'dist/cdn/feedcal.js')) || !existsSync(ARCHIVE)) {
      throw new Error(`dist/cdn/feedcal.js or ${ARCHIVE.slice(ROOT.length)} is missing: run npm run build first`);
    }
    dir = mkdtempSync(join(tmpdir(), 'feedcal-self-host-'));
    files = untarGz(ARCHIVE, dir);
    feeds = await serve((_req, res, path) => {
      if (path !== '/feed.json') return false;
      res.writeHead(200, {'content-type': 'application/json', 'access-control-allow-origin': '*'}).end(FEED);
      return true;
    });
    site = await serve((_req, res, path) => {
      const pages: Record<string, string> = {
        '/list.html': `<event-list src="${feeds.origin}/feed.json" when="all" lang="en" time-zone="Europe/Stockholm"><a href="/events">All events</a></event-list>`,
        '/month.html': `<event-list src="${feeds.origin}/feed.json" view="month" month="2026-12" lang="en" time-zone="Europe/Stockholm"></event-list>`,
      };
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return true;
      }
      if (pages[path]) {
        res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(page(pages[path]));
        return true;
      }
      return sendFile(res, path, '/assets/feedcal/', join(dir, 'feedcal'));
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await feeds?.close();
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  async function open(path: string): Promise<{page: Page; errors: string[]}> {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await tab.goto(site.origin + path);
    return {page: tab, errors};
  }

  it('holds one folder, feedcal/, with the entry and every chunk it imports', () => {
    assert.ok(
      files.every((file) => file.startsWith('feedcal/')),
      'every entry is under feedcal/'
    );
    assert.ok(files.includes('feedcal/feedcal.js'));
    const entry = readFileSync(join(dir, 'feedcal/feedcal.js'), 'utf8');
    const imports = [...entry.matchAll(/import\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
    assert.ok(imports.length > 10, `the entry loads its chunks on demand (${imports.length} imports)`);
    for (const spec of imports) {
      assert.match(spec, /^\.\/chunks\/[\w-]+\.js$/, `${spec} is relative to the entry`);
      assert.ok(files.includes(`feedcal/${spec.slice(2)}`), `${spec} is in the archive`);
    }
    assert.doesNotMatch(entry, /(from|import)\s*\(?\s*"(\/|https?:)/, 'no absolute import in the entry');
  });

  it('shows a feed from another origin, served from /assets/feedcal/', async () => {
    const {page: tab, errors} = await open('/list.html');
    const titles = await tab.waitForFunction(
      () => {
        const cards = [...(document.querySelector('event-list')?.shadowRoot?.querySelectorAll('event-card') ?? [])];
        const titles = cards.map((card) => card.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim());
        return titles.length === 2 && titles.every(Boolean) && titles;
      },
      {timeout: 15_000}
    );
    assert.deepEqual(await titles.jsonValue(), ['Julmarknad i parken', 'Läsecirkel']);
    assert.deepEqual(
      feeds.log.filter((r) => r.path === '/feed.json').map((r) => [r.status, r.origin]),
      [[200, site.origin]],
      'the feed was read across origins'
    );
    const assets = site.log.filter((r) => r.path.startsWith('/assets/'));
    assert.ok(assets.length > 0 && assets.every((r) => r.status === 200), `every asset request succeeded: ${JSON.stringify(assets)}`);
    assert.deepEqual(errors, [], `no errors; the site answered ${JSON.stringify(site.log.filter((r) => r.status >= 400))}`);
    await tab.close();
  });

  it('loads the month view chunk from the sub-path on demand', async () => {
    const before = site.log.length;
    const {page: tab, errors} = await open('/month.html');
    await tab.waitForFunction(
      () => {
        const root = document.querySelector('event-list')?.shadowRoot;
        return !!root?.querySelector('table[role="grid"] td[data-day="2026-12-12"] .entry') && !!root.querySelector('td[data-day="2026-12-16"] .entry');
      },
      {timeout: 15_000}
    );
    const grid = await tab.evaluate(() => document.querySelector('event-list')!.shadowRoot!.querySelector('td[data-day="2026-12-12"]')!.textContent);
    assert.match(grid ?? '', /Julmarknad i parken/);
    const chunk = site.log.slice(before).filter((r) => /^\/assets\/feedcal\/chunks\/month-view-[\w-]+\.js$/.test(r.path));
    assert.equal(chunk.length, 1, `the month view chunk was asked for once under /assets/feedcal/chunks/: ${JSON.stringify(site.log.slice(before))}`);
    assert.equal(chunk[0].status, 200);
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
