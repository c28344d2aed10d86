// A small static server for the demo: serves the project root so demo/ can load dist/cdn/ the way
// a blog loads it from a CDN. No dependencies, loopback only. First it writes the sample feeds
// for today, so the demo never shows a calendar whose events are all long past.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {stockholmDay, writeSampleFeeds} from '../demo/feeds/sample-feed.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8000);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// The one place that asks the clock: the feeds are dated from today's date in Stockholm.
await writeSampleFeeds(stockholmDay(new Date()));

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return response.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
    response.end(body);
  } catch {
    response.writeHead(404, {'content-type': 'text/plain'}).end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`feedcal demo: http://localhost:${port}/demo/`);
  console.log(`configurator: http://localhost:${port}/dist/configurator/`);
});
