// The benchmark's HTTP server: the repository's files (dist/, bench/pages/, node_modules/ for the
// peers' stylesheets) plus the generated feeds and the peers' bundles from memory. Loopback only, no
// caching, so every run downloads what a first visit would; compressed as a web server does
// (brotli when the browser asks for it, else gzip), and every body's gzip and brotli size is known
// (`sizeOf`) so a run can report both whatever the browser was sent.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

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

// Code and pages are compressed as `npm run size` measures them (gzip 9, brotli 11): what a CDN
// serves pre-compressed. Feeds, up to 17 MB, get gzip 6 only, as a web server compresses on the fly.
const gzip = (body, level = 9) => gzipSync(body, {level});
const brotli = (body) => brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length}});

/**
 * Starts the server on 127.0.0.1 and a free port. `feeds` maps a file name to its text (served
 * under /bench-data/); `snapshot` maps URL paths to bodies served instead of the disk (dist/cdn
 * copied at start, so a rebuild during the run changes nothing, and the peers' bundles).
 */
export function startServer(root, feeds, snapshot = new Map()) {
  const bodies = new Map([...feeds].map(([name, text]) => [`/bench-data/${name}`, Buffer.from(text, 'utf8')]));
  for (const [path, body] of snapshot) bodies.set(path, Buffer.from(body));
  /** path → {raw, gzip: Buffer, br: Buffer | null}; filled on first request. */
  const encoded = new Map();
  const encode = (path, body) => {
    let e = encoded.get(path);
    if (!e) {
      const feed = path.startsWith('/bench-data/');
      e = {raw: body.length, gzip: gzip(body, feed ? 6 : 9), br: feed ? null : brotli(body)};
      encoded.set(path, e);
    }
    return e;
  };
  const read = async (path) => {
    if (bodies.has(path)) return bodies.get(path);
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return null;
    try {
      if (!(await stat(file)).isFile()) return null;
      return await readFile(file);
    } catch {
      return null;
    }
  };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const body = await read(path);
    if (!body) return response.writeHead(404, {'content-type': 'text/plain'}).end('Not found');
    const e = encode(path, body);
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const headers = {'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store', vary: 'accept-encoding', 'timing-allow-origin': '*'};
    if (e.br && /\bbr\b/.test(accepts)) return response.writeHead(200, {...headers, 'content-encoding': 'br', 'content-length': e.br.length}).end(e.br);
    if (/\bgzip\b/.test(accepts)) return response.writeHead(200, {...headers, 'content-encoding': 'gzip', 'content-length': e.gzip.length}).end(e.gzip);
    return response.writeHead(200, {...headers, 'content-length': body.length}).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        /** Compresses every in-memory body (feeds, snapshot) and the given files now, before any load asks for them. */
        warm: async (paths = []) => {
          for (const [path, body] of bodies) encode(path, body);
          for (const path of paths) {
            const body = await read(path);
            if (!body) throw new Error(`bench server: ${path} not found`);
            encode(path, body);
          }
        },
        /** Bytes of a path as served: raw, gzip and brotli (brotli null for feeds); null if never served. */
        sizeOf: (path) => {
          const e = encoded.get(path);
          return e && {raw: e.raw, gzip: e.gzip.length, brotli: e.br ? e.br.length : null};
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
