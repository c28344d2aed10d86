/**
 * Test helpers for the relay (Node tests: `node --import tsx --test test/relay/*.test.ts`).
 * An upstream `node:http` server on 127.0.0.1 that sends no CORS headers and can misbehave in
 * every way the relay must survive, and the relay itself served by the Node adapter on port 0.
 * Everything listens on loopback only and is closed by the test that started it.
 */
import {createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse} from 'node:http';
import {gzipSync} from 'node:zlib';
import type {AddressInfo} from 'node:net';
import {createNodeRelay, serveRelay, type NodeRelayOptions, type RunningRelay} from '../../src/relay/node.js';

export const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//relay//EN',
  'BEGIN:VEVENT',
  'UID:one@test',
  'DTSTAMP:20300101T000000Z',
  'DTSTART:20300105T170000Z',
  'SUMMARY:Folkdans',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

export const JSON_FEED = JSON.stringify({events: [{id: 'a', title: 'Läsecirkel', start: '2030-01-05T17:00:00Z'}]});

export const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Events</title><item><title>Konsert</title><pubDate>Sat, 05 Jan 2030 17:00:00 GMT</pubDate></item></channel></rss>`;

export const HTML_PAGE = '<!doctype html><html><head><title>Log in</title></head><body><form>Password: <input type=password></form></body></html>';

export const HTML_JSONLD =
  '<!doctype html><html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Möte","startDate":"2030-01-05T17:00"}</script></head><body></body></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Upstream {
  origin: string;
  port: number;
  /** `${origin}${path}` */
  url(path: string): string;
  /** Requests received for a path (without the query). */
  hits(path: string): number;
  /** The headers of the last request for a path. */
  lastHeaders(path: string): IncomingHttpHeaders | undefined;
  /** Bytes of body written for a path (for streams cut short). */
  written(path: string): number;
  /** Replaces (or adds) the handler of one path. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
  res.writeHead(status, {'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers});
  res.end(body);
};

/** A feed server with fault routes. No route sends CORS headers. */
export async function startUpstream(): Promise<Upstream> {
  const hits = new Map<string, number>();
  const headers = new Map<string, IncomingHttpHeaders>();
  const written = new Map<string, number>();
  const routes = new Map<string, Handler>();
  const count = (path: string, bytes: number) => written.set(path, (written.get(path) ?? 0) + bytes);

  const feed =
    (type: string, body: string, etag?: string): Handler =>
    (req, res) => {
      if (etag && req.headers['if-none-match'] === etag) {
        res.writeHead(304, {etag});
        res.end();
        return;
      }
      send(res, 200, type, body, {...(etag ? {etag} : {}), 'set-cookie': 'session=upstream-secret; Path=/'});
    };
  routes.set('/feed.ics', feed('text/calendar; charset=utf-8', ICS, '"ics-v1"'));
  routes.set('/feed.json', feed('application/json', JSON_FEED));
  routes.set('/feed.rss', feed('application/rss+xml', RSS));
  // A feed served as text/plain: the body, not the label, makes it a feed.
  routes.set('/mislabelled.ics', feed('text/plain', ICS));
  routes.set('/html', feed('text/html; charset=utf-8', HTML_PAGE));
  routes.set('/jsonld.html', feed('text/html; charset=utf-8', HTML_JSONLD));
  routes.set('/500', (_req, res) => send(res, 500, 'text/plain', 'oops'));
  routes.set('/hang', () => {
    /* never answers */
  });
  routes.set('/reset', (req) => req.socket.destroy());
  routes.set('/slow.ics', (_req, res) => setTimeout(() => send(res, 200, 'text/calendar', ICS), 150));
  // Redirects: to itself, a two-step loop, a chain of n hops ending in a feed, anywhere (?to=).
  routes.set('/self', (_req, res) => send(res, 302, 'text/plain', '', {location: '/self'}));
  routes.set('/loop-a', (_req, res) => send(res, 302, 'text/plain', '', {location: '/loop-b'}));
  routes.set('/loop-b', (_req, res) => send(res, 301, 'text/plain', '', {location: '/loop-a'}));
  routes.set('/chain', (req, res) => {
    const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
    if (n > 0) send(res, 307, 'text/plain', '', {location: `/chain?n=${n - 1}`});
    else feed('text/calendar', ICS)(req, res);
  });
  routes.set('/to', (req, res) => send(res, 302, 'text/plain', '', {location: new URL(req.url!, 'http://x').searchParams.get('to')!}));
  // 64 MB in 64 KB chunks, no Content-Length, starting like a feed.
  routes.set('/endless', (_req, res) => {
    res.writeHead(200, {'content-type': 'text/calendar'});
    const chunk = Buffer.alloc(64 * 1024, 'X');
    chunk.write('BEGIN:VCALENDAR\r\n');
    let sent = 0;
    const pump = () => {
      while (sent < 1024) {
        sent++;
        count('/endless', chunk.length);
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    pump();
  });
  routes.set('/declared-huge', (_req, res) => {
    res.writeHead(200, {'content-type': 'text/calendar', 'content-length': String(50 * 1024 * 1024)});
    res.write('BEGIN:VCALENDAR\r\n');
  });
  // A gzip bomb: 1 GB of spaces after BEGIN:VCALENDAR, about 1 MB on the wire (100 gzip members).
  let bomb: Buffer | undefined;
  routes.set('/bomb.ics', (_req, res) => {
    bomb ??= Buffer.concat([gzipSync('BEGIN:VCALENDAR\r\n'), ...new Array(100).fill(gzipSync(Buffer.alloc(10 * 1024 * 1024, ' '), {level: 9}))]);
    res.writeHead(200, {'content-type': 'text/calendar', 'content-encoding': 'gzip', 'content-length': String(bomb.length)});
    count('/bomb.ics', bomb.length);
    res.end(bomb);
  });

  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headers.set(path, req.headers);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else send(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    hits: (path) => hits.get(path) ?? 0,
    lastHeaders: (path) => headers.get(path),
    written: (path) => written.get(path) ?? 0,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A clock the test moves by hand. */
export function testClock(start = Date.UTC(2030, 0, 1)) {
  const clock = {t: start, now: () => clock.t, advance: (seconds: number) => void (clock.t += seconds * 1000)};
  return clock;
}

/** The relay (Node adapter, port 0) with `options`; `get(path)` asks it with the global fetch. */
export async function startRelay(
  options: NodeRelayOptions
): Promise<RunningRelay & {get(pathAndQuery: string, init?: RequestInit): Promise<Response>; feed(url: string, init?: RequestInit): Promise<Response>}> {
  const running = await serveRelay(createNodeRelay(options), {port: 0, host: '127.0.0.1', onError: (error) => console.error(error)});
  const get = (pathAndQuery: string, init?: RequestInit) => fetch(`${running.url}${pathAndQuery}`, init);
  return Object.assign(running, {get, feed: (url: string, init?: RequestInit) => get(`/?url=${encodeURIComponent(url)}`, init)});
}

/** A fake DNS for `createNodeRelay({lookup})`: names map to addresses; anything else resolves as 127.0.0.1 would not. */
export function fakeLookup(table: Record<string, string[] | (() => string[])>): NonNullable<NodeRelayOptions['lookup']> {
  return (hostname, _options, callback) => {
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? entry() : entry;
    if (!addresses) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'}), []);
      return;
    }
    queueMicrotask(() =>
      callback(
        null,
        addresses.map((address) => ({address, family: address.includes(':') ? 6 : 4}))
      )
    );
  };
}
