// Test-only HTTP routes for the network and security tests, mounted as @web/test-runner
// middleware (they run before the dev server's own file serving) plus a second origin.
//
//   POST /__feeds/<name>      store the request body; served at GET /__feeds/<name> with the
//                             content type given as ?type= on the POST (feeds a test generates)
//   GET  /__hits?prefix=/x/   {"<url>": {hits, aborts}} for every request URL under the prefix
//   GET  /__origins           {"noCors": "http://127.0.0.1:<port>"}: a second origin
//   GET  /fault/<kind>/<any>  injected faults (see FAULTS below); <any> makes each test's URL unique
//   GET  /fault/seq/<any>?steps=ok,500,reset   each hit takes the next step; the last one repeats
//                             (a step may be any fault without a query, e.g. not-modified)
//   /test/security/csp/*.html served with the strict Content-Security-Policy header (or the
//                             page's own variant, CSP_VARIANTS)
//   GET  /src/<module>?delay=<ms>   the project's own module, served <ms> later (an on-demand
//                             chunk that arrives late; an import map points a test page at it)
import {createServer} from 'node:http';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html dompurify feedcal";

/** Pages under /test/security/csp/ that are served with another policy than STRICT_CSP. */
const CSP_VARIANTS = {
  // Hostile feeds carry http images; this server speaks plain http, where an https page would
  // load them upgraded to https (mixed content): allowed, as they would be there.
  'hostile.html': STRICT_CSP.replace("img-src 'self' https:", "img-src 'self' http: https:"),
  // Trusted Types enforced with the documented policies but not `feedcal`; scripts by nonce.
  'no-feedcal-policy.html':
    "default-src 'self'; script-src 'nonce-feedcal-test' 'strict-dynamic'; style-src 'self'; img-src 'self' http: https:; " +
    "require-trusted-types-for 'script'; trusted-types lit-html dompurify",
};

const day = (offset) => new Date(Date.UTC(2030, 0, 1 + offset, 17)).toISOString();

/** A small valid canonical JSON feed, different per `label` so tests can tell copies apart. */
export function goodFeed(label = 'ok') {
  return JSON.stringify({
    events: [
      {id: `${label}-1`, title: `First ${label}`, start: day(0), location: 'Folkets hus'},
      {id: `${label}-2`, title: `Second ${label}`, start: day(1), description: '<p>Hello <b>there</b></p>'},
    ],
  });
}

const storedFeeds = new Map();
const counters = new Map();

const counter = (url) => {
  let entry = counters.get(url);
  if (!entry) counters.set(url, (entry = {hits: 0, aborts: 0}));
  return entry;
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function sendJson(ctx, body, status = 200, type = 'application/json') {
  ctx.status = status;
  ctx.type = type;
  ctx.body = body;
}

/** Answers with the good feed, with an ETag, and 304 when the client already has it. */
function ok(ctx, label) {
  const body = goodFeed(label);
  const etag = `"${label}-${body.length}"`;
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', 'no-cache');
  if (ctx.get('if-none-match') === etag) {
    counter(ctx.url).notModified = (counter(ctx.url).notModified ?? 0) + 1;
    ctx.status = 304;
    return;
  }
  sendJson(ctx, body);
}

/** Takes over the raw response (the dev server must not add to it). */
function raw(ctx) {
  ctx.respond = false;
  return ctx.res;
}

const FAULTS = {
  ok: (ctx, q, label) => ok(ctx, label),
  404: (ctx) => sendJson(ctx, 'not here', 404, 'text/plain'),
  500: (ctx) => sendJson(ctx, 'boom', 500, 'text/plain'),
  503: (ctx, q) => {
    if (q.get('retry-after')) ctx.set('Retry-After', q.get('retry-after'));
    sendJson(ctx, 'busy', 503, 'text/plain');
  },
  // Never answers; resolves when the client gives up, so the server sees the abort.
  hang: (ctx) =>
    new Promise((resolve) => {
      raw(ctx);
      ctx.req.socket.once('close', resolve);
    }),
  reset: (ctx) => {
    raw(ctx);
    ctx.req.socket.destroy();
  },
  // Promises 4000 bytes, sends 40, closes.
  truncated: async (ctx) => {
    const res = raw(ctx);
    res.writeHead(200, {'content-type': 'application/json', 'content-length': '4000'});
    res.write('{"events": [{"title": "Cut off", "start": "20');
    await sleep(20);
    res.socket?.destroy();
  },
  // The good feed in 10 pieces, `ms` apart (default 100 ms: about 1 s in all).
  trickle: async (ctx, q, label) => {
    const res = raw(ctx);
    const body = Buffer.from(goodFeed(label));
    const ms = Number(q.get('ms') ?? 100);
    res.writeHead(200, {'content-type': 'application/json', 'content-length': String(body.length)});
    const step = Math.ceil(body.length / 10);
    for (let i = 0; i < body.length; i += step) {
      if (res.destroyed) return;
      res.write(body.subarray(i, i + step));
      await sleep(ms);
    }
    res.end();
  },
  redirect: (ctx, q, label) => {
    ctx.status = 302;
    ctx.redirect(`/fault/ok/${label}-redirected`);
  },
  // Redirects to itself: the browser gives up after 20 hops.
  'redirect-loop': (ctx) => {
    ctx.status = 302;
    ctx.set('Location', ctx.url);
  },
  // Redirects to ?to=data|file|javascript: an address a fetch never follows.
  'redirect-to': (ctx, q) => {
    const targets = {data: 'data:application/json,{"events":[]}', file: 'file:///etc/passwd', javascript: 'javascript:alert(1)'};
    ctx.status = 302;
    ctx.set('Location', targets[q.get('to')] ?? targets.data);
  },
  // A same-origin address that redirects to the second origin, which sends no CORS headers.
  'redirect-nocors': (ctx, q, label, env) => {
    ctx.status = 302;
    ctx.set('Location', `${env.noCorsOrigin()}/redirected-${label}.json`);
  },
  // 304 to every request, even one without validators (a broken cache in front of the feed).
  'not-modified': (ctx) => {
    ctx.set('ETag', '"stuck"');
    ctx.status = 304;
  },
  'wrong-type': (ctx, q, label) => sendJson(ctx, goodFeed(label), 200, 'text/html; charset=utf-8'),
  // ISO-8859-1 bytes (å = 0xE5) that say so in the XML declaration, under a UTF-8 header.
  'wrong-charset': (ctx) => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><channel><title>Kalender</title>
<item><title>Möte på Södermalm</title><link>https://example.org/1</link><guid>latin-1</guid>
<ev:startdate>2030-01-05T18:00:00Z</ev:startdate><ev:location>Gård</ev:location></item></channel></rss>`;
    ctx.status = 200;
    ctx.set('Content-Type', 'application/rss+xml; charset=utf-8');
    ctx.body = Buffer.from(xml, 'latin1');
  },
  // `mb` megabytes of valid JSON (padding in a string), with or without a Content-Length.
  big: (ctx, q) => {
    const mb = Number(q.get('mb') ?? 6);
    const padding = 'x'.repeat(Math.floor(mb * 1024 * 1024));
    const body = Buffer.from(`{"events":[{"title":"Big","start":"${day(0)}","description":"${padding}"}]}`);
    if (q.get('chunked')) {
      const res = raw(ctx);
      res.writeHead(200, {'content-type': 'application/json'}); // no length: chunked
      for (let i = 0; i < body.length && !res.destroyed; i += 65536) res.write(body.subarray(i, i + 65536));
      res.end();
      return;
    }
    sendJson(ctx, body);
  },
};

async function fault(ctx, kind, label, q, env) {
  if (kind === 'seq') {
    const steps = (q.get('steps') ?? 'ok').split(',');
    const hit = counter(ctx.url).hits - 1;
    kind = steps[Math.min(hit, steps.length - 1)];
  }
  const handler = FAULTS[kind];
  if (!handler) return sendJson(ctx, `unknown fault ${kind}`, 400, 'text/plain');
  await handler(ctx, q, label, env);
}

export function testRoutes({noCorsOrigin}) {
  return async function testRoutesMiddleware(ctx, next) {
    const path = ctx.path;
    if (path.startsWith('/src/') && ctx.query.delay) {
      await sleep(Number(ctx.query.delay));
      return next();
    }
    if (path.startsWith('/test/security/csp/') && path.endsWith('.html')) {
      await next();
      ctx.set('Content-Security-Policy', CSP_VARIANTS[path.slice('/test/security/csp/'.length)] ?? STRICT_CSP);
      return;
    }
    if (!/^\/(__feeds\/|__hits$|__origins$|fault\/)/.test(path)) return next();
    const q = new URLSearchParams(ctx.querystring);
    if (path === '/__origins') return sendJson(ctx, JSON.stringify({noCors: noCorsOrigin()}));
    if (path === '/__hits') {
      const prefix = q.get('prefix') ?? '/';
      const result = {};
      for (const [url, entry] of counters) if (url.startsWith(prefix)) result[url] = entry;
      return sendJson(ctx, JSON.stringify(result));
    }
    const entry = counter(ctx.url);
    entry.hits++;
    // The client went away before the answer was complete: count it as an abort.
    ctx.res.once('close', () => {
      if (!ctx.res.writableFinished) entry.aborts++;
    });
    if (path.startsWith('/__feeds/')) {
      const name = path.slice('/__feeds/'.length);
      if (ctx.method === 'POST') {
        storedFeeds.set(name, {body: await readBody(ctx.req), type: q.get('type') ?? 'application/octet-stream'});
        return sendJson(ctx, '{"stored":true}');
      }
      const feed = storedFeeds.get(name);
      if (!feed) return sendJson(ctx, 'no such feed', 404, 'text/plain');
      // Written raw: the test runner marks every response whose path has an extension as
      // cacheable for a year, and a stored feed may be replaced by the next POST.
      raw(ctx).writeHead(200, {'content-type': feed.type, 'content-length': String(feed.body.length), 'cache-control': 'no-store'});
      ctx.res.end(feed.body);
      return;
    }
    const [, , kind, ...rest] = path.split('/');
    return fault(ctx, kind, rest.join('-') || 'ok', q, {noCorsOrigin});
  };
}

/** A second origin (another port) that serves the good feed without any CORS header. */
export function startNoCorsServer() {
  let origin = '';
  const server = createServer((req, res) => {
    const label = (req.url ?? '/').replace(/\W+/g, '-');
    counter(`nocors:${req.url}`).hits++;
    res.writeHead(200, {'content-type': 'application/json'});
    res.end(goodFeed(label));
  });
  server.listen(0, '127.0.0.1', () => {
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  server.unref();
  return {server, origin: () => origin};
}
