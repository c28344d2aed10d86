// The benchmark's HTTP server: the repository's files (dist/, bench/pages/, node_modules/@fullcalendar/)
// plus the generated feeds from memory under /bench-data/. Loopback only, no caching, so every run
// downloads what a first visit would.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
};

/**
 * Starts the server on 127.0.0.1 and a free port; `feeds` maps a file name to its text, and
 * `snapshot` (optional) maps URL paths to file contents served instead of the disk (the bench
 * serves dist/cdn from a copy taken at start, so a rebuild during the run cannot change it).
 */
export function startServer(root, feeds, snapshot = new Map()) {
  const bodies = new Map([...feeds].map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const headers = (file) => ({'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
    if (path.startsWith('/bench-data/')) {
      const body = bodies.get(path.slice('/bench-data/'.length));
      if (!body) return response.writeHead(404).end();
      return response.writeHead(200, {...headers(path), 'content-length': body.length}).end(body);
    }
    if (snapshot.has(path)) return response.writeHead(200, {...headers(path), 'content-length': snapshot.get(path).length}).end(snapshot.get(path));
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return response.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, {...headers(file), 'content-length': body.length}).end(body);
    } catch {
      response.writeHead(404, {'content-type': 'text/plain'}).end('Not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}
