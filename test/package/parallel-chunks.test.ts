/**
 * Issue 20: what a list's first paint needs is asked for in parallel with the feed, never found
 * only once something else has arrived. The JSON reader's chunk imports the first-look planner
 * (preview.ts); the server here holds the reader's chunk back until the planner has been asked
 * for, so a page that finds the planner only inside the reader would wait, and this test fails.
 * Needs the build (`npm run build`), as the other tests in test/package/.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import type {Browser} from 'puppeteer-core';
import {launchChromium, ROOT, sendFile, serve, type Served} from './helpers.js';

const CDN = join(ROOT, 'dist', 'cdn');
const FEED = JSON.stringify({events: [{id: 'a', title: 'Studiecirkel i parken', start: '2031-05-12T10:00:00Z'}]});
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>
<script type="module" src="/cdn/feedcal.js"></script></head><body>
<event-list src="/feed.json"><a href="https://example.org/">All events</a></event-list></body></html>`;

describe('the chunks of a first paint', () => {
  let server: Served;
  let browser: Browser;
  const asked: string[] = [];
  let releaseReader: () => void = () => {};
  const plannerAsked = new Promise<void>((resolve) => (releaseReader = resolve));

  before(async () => {
    server = await serve((_req, res, path) => {
      asked.push(path);
      const body = path === '/' ? PAGE : path === '/feed.json' ? FEED : undefined;
      if (body !== undefined) {
        res.writeHead(200, {'content-type': path === '/' ? 'text/html' : 'application/json'}).end(body);
        return true;
      }
      if (/^\/cdn\/chunks\/preview-/.test(path)) releaseReader();
      if (/^\/cdn\/chunks\/json-[\w-]{8}\.js$/.test(path)) {
        // Held until the planner is asked for (or 5 s, after which the test fails below).
        const timer = setTimeout(releaseReader, 5000);
        void plannerAsked.then(() => {
          clearTimeout(timer);
          sendFile(res, path, '/cdn/', CDN);
        });
        return true;
      }
      return sendFile(res, path, '/cdn/', CDN);
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for the JSON reader and its first-look planner together, while the feed loads', async () => {
    const page = await browser.newPage();
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => document.querySelector('event-list')?.shadowRoot?.querySelector('event-card'), {timeout: 15_000});
    const reader = asked.findIndex((p) => /^\/cdn\/chunks\/json-[\w-]{8}\.js$/.test(p));
    const planner = asked.findIndex((p) => p.startsWith('/cdn/chunks/preview-'));
    assert.ok(reader >= 0 && planner >= 0, `asked: ${asked.join(', ')}`);
    // Both asked for before the reader's chunk was answered: the log of answers lists the reader after the planner.
    const answered = server.log.map((entry) => entry.path);
    assert.ok(
      answered.findIndex((p) => p.startsWith('/cdn/chunks/preview-')) < answered.findIndex((p) => /^\/cdn\/chunks\/json-[\w-]{8}\.js$/.test(p)),
      `answered in this order: ${answered.join(', ')}`
    );
  });
});
