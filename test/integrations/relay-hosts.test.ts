/**
 * The relay snippets of docs/relay-hosts.md run as written (issue 13: "any other Fetch-API host,
 * documented"). Each is read from the docs file itself, its `feedcal/relay` import pointed at
 * src/relay/relay.ts and its allow list at a local upstream (127.0.0.1, written as an address, so
 * the relay may fetch it), then run with the host's entry point imitated:
 *
 *   deno     `Deno.serve(handler)`: a stub `Deno` global catches the handler; it is called with
 *            `(request, {remoteAddr})` as Deno calls it
 *   netlify  the edge function's default export, `(request, context)`, and `config.path`
 *   vercel   the edge function's default export, `(request)`, and `config.runtime === 'edge'`
 *
 * Requests come from Node's `fetch` machinery (undici's Request) and go through the relay to the
 * upstream over real loopback HTTP. Node: `node --import tsx --test test/integrations/relay-hosts.test.ts`.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createServer, type Server} from 'node:http';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import type {AddressInfo} from 'node:net';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RELAY_MODULE = pathToFileURL(join(ROOT, 'src/relay/relay.ts')).href;
const SITE = 'https://our-blog.se';
const GOOGLE_PREFIX = 'https://calendar.google.com/calendar/ical/';
const FEED_PATH = '/calendar/ical/abc%40group.calendar.google.com/public/basic.ics';
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'X-WR-TIMEZONE:Europe/Stockholm',
  'BEGIN:VEVENT',
  'UID:market@relay-hosts.test',
  'DTSTAMP:20261101T090000Z',
  'DTSTART;VALUE=DATE:20261212',
  'SUMMARY:Christmas market',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

type Handler = (request: Request) => Promise<Response>;

/** The ```ts block after `<!-- host: name -->` in docs/relay-hosts.md. */
function snippet(markdown: string, host: string): string {
  const match = new RegExp(`<!-- host: ${host} -->\\s*\`\`\`ts\\n([\\s\\S]*?)\\n\`\`\``).exec(markdown.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`docs/relay-hosts.md has no snippet for ${host} (<!-- host: ${host} --> before a \`\`\`ts block)`);
  return match[1];
}

describe('docs/relay-hosts.md: the relay on Deno Deploy, Netlify and Vercel', () => {
  let upstream: Server;
  let upstreamOrigin: string;
  let hits = 0;
  let dir: string;
  let markdown: string;

  before(async () => {
    upstream = createServer((req, res) => {
      if (req.url !== FEED_PATH) return void res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
      hits++;
      // Like Google: no CORS headers.
      res.writeHead(200, {'content-type': 'text/calendar; charset=UTF-8'}).end(ICS);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'feedcal-relay-hosts-'));
    markdown = readFileSync(join(ROOT, 'docs/relay-hosts.md'), 'utf8');
  });

  after(async () => {
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
    if (dir) rmSync(dir, {recursive: true, force: true});
    delete (globalThis as {Deno?: unknown}).Deno;
  });

  /** The host's snippet as a module here: the package import and the allow list pointed at this test's files and upstream. */
  async function load(host: string): Promise<Record<string, unknown>> {
    const code = snippet(markdown, host);
    assert.match(code, /from '(npm:)?feedcal\/relay'/, `${host}: imports createRelay from feedcal/relay`);
    assert.ok(code.includes(GOOGLE_PREFIX), `${host}: allows ${GOOGLE_PREFIX}`);
    const pointed = code
      .replace(/'(npm:)?feedcal\/relay'/, `'${RELAY_MODULE}'`)
      .split(GOOGLE_PREFIX)
      .join(`${upstreamOrigin}/calendar/ical/`);
    const file = join(dir, `${host}.ts`);
    writeFileSync(file, pointed);
    return import(pathToFileURL(file).href);
  }

  /** Asks `handler` (at `base`, the address the host serves it at) for the feed, as the widget's `proxy` would. */
  async function check(handler: Handler, base: string) {
    const before = hits;
    const feed = `${upstreamOrigin}${FEED_PATH}`;
    const ask = () => handler(new Request(`${base}?url=${encodeURIComponent(feed)}`, {headers: {origin: SITE}}));
    const first = await ask();
    assert.equal(first.status, 200, await first.clone().text());
    assert.equal(await first.text(), ICS);
    assert.equal(first.headers.get('access-control-allow-origin'), SITE);
    assert.equal(first.headers.get('x-feedcal-cache'), 'miss');
    const second = await ask();
    assert.equal(second.headers.get('x-feedcal-cache'), 'hit');
    await second.text();
    assert.equal(hits - before, 1, 'one upstream request for two visitors');
    // Never an open proxy: another address is refused, with a message.
    const other = await handler(new Request(`${base}?url=${encodeURIComponent('https://example.org/events.ics')}`, {headers: {origin: SITE}}));
    assert.equal(other.status, 403);
    assert.match(await other.text(), /allow list/);
    // Another site gets no CORS header.
    const elsewhere = await handler(new Request(`${base}?url=${encodeURIComponent(feed)}`, {headers: {origin: 'https://elsewhere.example'}}));
    assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);
    await elsewhere.text();
  }

  it('deno: Deno.serve(handler) relays the allowed feed to the site', async () => {
    let served: ((request: Request, info: {remoteAddr: {hostname: string; port: number; transport: string}}) => Promise<Response>) | undefined;
    (globalThis as {Deno?: unknown}).Deno = {serve: (handler: typeof served) => (served = handler)};
    await load('deno');
    assert.ok(served, 'the snippet calls Deno.serve with a handler');
    await check((request) => served!(request, {remoteAddr: {hostname: '203.0.113.7', port: 50000, transport: 'tcp'}}), 'https://our-relay.deno.dev/');
  });

  it('netlify: the edge function relays the allowed feed at /relay/, its config.path', async () => {
    const module = await load('netlify');
    const config = module.config as {path: string};
    assert.equal(config.path, '/relay/*');
    const handler = module.default as (request: Request, context: object) => Promise<Response>;
    await check((request) => handler(request, {}), 'https://our-site.netlify.app/relay/');
    // Outside its base path the relay answers 404 (Netlify would not route it there anyway).
    const outside = await handler(new Request('https://our-site.netlify.app/elsewhere?url=x'), {});
    assert.equal(outside.status, 404);
    await outside.text();
  });

  it('vercel: the edge function (config.runtime "edge") relays the allowed feed at /api/relay', async () => {
    const module = await load('vercel');
    assert.deepEqual(module.config, {runtime: 'edge'});
    await check(module.default as Handler, 'https://our-project.vercel.app/api/relay');
  });
});
