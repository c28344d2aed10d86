// `npm run bench:relay`: the Node relay under load, on loopback only (issue 13, "Measured under load").
// What runs and what each figure means is in bench/README.md ("The relay under load").
//
// Three processes, each this file in another role, all on 127.0.0.1:
// - the clients (this process): node:http with a keep-alive Agent bounded to RELAY_BENCH_CLIENTS sockets;
// - the relay as `feedcal relay` runs it (createNodeRelay + serveRelay from src/relay/node.ts,
//   through tsx), so its memory is the relay's alone. Its clock is the real one plus an offset the
//   parent moves forward between phases ("ten minutes later"), so a run covers several cache
//   periods without waiting for them;
// - a slow upstream (RELAY_BENCH_DELAY_MS per answer, ETag and 304s like a real calendar server)
//   serving several feeds without CORS headers, so the clients' work cannot delay its answers.
//
// Phases, each RELAY_BENCH_REQUESTS requests from RELAY_BENCH_CLIENTS clients at once, spread over the feeds:
//   cold        an empty cache: the first visitors of each feed share one upstream request
//   next period the cache period has passed: one conditional request per feed (304)
//   500         the period has passed again and the upstream answers 500
//   hang        ... the upstream never answers (past the relay's timeout)
//   reset       ... the upstream resets the connection
// In the failure phases every client must get the last good copy (200, X-Feedcal-Cache: stale),
// byte for byte; any other answer is counted as an error and the run exits 1.
//
// Settings (environment variables):
//   RELAY_BENCH_CLIENTS=300        concurrent clients (sockets of the keep-alive Agent)
//   RELAY_BENCH_REQUESTS=5000      requests per phase
//   RELAY_BENCH_DELAY_MS=300       the upstream's time per answer
//   RELAY_BENCH_TIMEOUT_MS=10000   the relay's upstream timeout, its default (the hang phase waits this long)
//   RELAY_BENCH_MAX_SECONDS=300    the whole run is stopped (exit 2) past this
//   RELAY_BENCH_EVENTS=200         events in each generated feed (iCalendar, JSON, RSS)
//   RELAY_BENCH_SEED=20260105      which feed each request asks for
//   RELAY_BENCH_FROM=src           src: the TypeScript source through tsx; dist: dist/relay/node.js (npm run build first)
//   RELAY_BENCH_OUT=bench/results/relay-load   output path without extension (.json, .md)
import {fork} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {Agent, createServer, request as httpRequest} from 'node:http';
import {cpus, loadavg, release, totalmem} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {DEFAULT_SEED, generateFeeds, prng} from './generate.mjs';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');
const env = process.env;
const HOST = '127.0.0.1';
const SITE = 'https://our-blog.example';

// ---- the child processes ---------------------------------------------------------------------

/** Answers the parent's `{cmd, …}` messages with `handlers[cmd]`'s result, as `{reply: cmd, …}`. */
function serveParent(handlers) {
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (message) => process.send({reply: message.cmd, ...(await handlers[message.cmd](message))}));
  process.send({reply: 'ready'});
}

/**
 * The relay, as `feedcal relay` runs it, on a free loopback port. Its clock is the real one plus
 * an offset the parent moves forward (`advance`); `memory` reports process.memoryUsage (after a
 * full GC when asked).
 */
async function relayChild() {
  const from = env.RELAY_BENCH_FROM === 'dist' ? pathToFileURL(join(root, 'dist/relay/node.js')).href : pathToFileURL(join(root, 'src/relay/node.ts')).href;
  const {createNodeRelay, serveRelay} = await import(from);
  let offset = 0;
  let running;
  serveParent({
    start: async ({options}) => {
      running = await serveRelay(createNodeRelay({...options, now: () => Date.now() + offset}), {port: 0, host: HOST});
      return {url: running.url};
    },
    advance: ({ms}) => ({offset: (offset += ms)}),
    memory: ({gc}) => {
      if (gc) {
        // Twice: the first pass finds what the second frees (weak references, finalisers).
        globalThis.gc();
        globalThis.gc();
      }
      return {usage: process.memoryUsage(), maxRssBytes: process.resourceUsage().maxRSS * 1024};
    },
    stop: async () => (await running?.close(), {}),
  });
}

/**
 * The slow upstream: the feeds of loadFeeds() at /<name>, DELAY ms per answer, with ETag and
 * Last-Modified (and 304 to a matching If-None-Match), no CORS headers. `mode` switches it to
 * failing (`500`, `hang`, `reset`) and starts a new request log; `log` returns that log and ends
 * any request still hanging. In a process of its own, so the clients' work cannot delay its answers.
 */
async function upstreamChild() {
  const delayMs = Number(process.argv[3]);
  const feeds = loadFeeds();
  const byPath = new Map(feeds.map((feed) => [feed.path, feed]));
  let mode = 'good';
  let requests = [];
  const hung = new Set();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://upstream').pathname;
    const feed = byPath.get(path);
    const record = (answer) => requests.push({feed: feed?.name ?? path, answer});
    if (!feed) {
      record(404);
      res.writeHead(404, {'content-type': 'text/plain'}).end('not found\n');
      return;
    }
    if (mode === 'hang') {
      // Never answers; the relay gives up after its timeout and closes the socket.
      record('hang');
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    setTimeout(() => {
      if (mode === 'reset') {
        record('reset');
        req.socket.resetAndDestroy();
      } else if (mode === '500') {
        record(500);
        res.writeHead(500, {'content-type': 'text/html'}).end('<h1>Internal Server Error</h1>\n');
      } else if (req.headers['if-none-match'] === feed.etag) {
        record(304);
        res.writeHead(304, {etag: feed.etag, 'last-modified': feed.lastModified}).end();
      } else {
        record(200);
        res.writeHead(200, {'content-type': feed.type, 'content-length': feed.body.length, etag: feed.etag, 'last-modified': feed.lastModified});
        res.end(feed.body);
      }
    }, delayMs);
  });
  await new Promise((done) => server.listen(0, HOST, done));
  serveParent({
    origin: () => ({origin: `http://${HOST}:${server.address().port}`}),
    mode: (message) => {
      mode = message.mode;
      requests = [];
      return {};
    },
    log: () => {
      for (const res of hung) res.destroy();
      return {requests};
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      return {};
    },
  });
}

/** Starts this file in another role; `ask(cmd, fields)` sends a command and resolves with its reply. */
function startChild(role, args, execArgv, onExit) {
  const child = fork(here, [role, ...args], {execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc']});
  const waiting = new Map();
  child.on('message', (message) => {
    waiting.get(message.reply)?.(message);
    waiting.delete(message.reply);
  });
  child.on('exit', (code) => onExit(role, code));
  const reply = (name) => new Promise((resolve) => waiting.set(name, resolve));
  const ready = reply('ready');
  return {
    child,
    ready,
    ask(cmd, fields = {}) {
      const answer = reply(cmd);
      child.send({cmd, ...fields});
      return answer;
    },
  };
}

// ---- the parent: the clients, and the figures --------------------------------------------------

async function main() {
  const CLIENTS = Number(env.RELAY_BENCH_CLIENTS ?? 300);
  const REQUESTS = Number(env.RELAY_BENCH_REQUESTS ?? 5000);
  const DELAY_MS = Number(env.RELAY_BENCH_DELAY_MS ?? 300);
  const TIMEOUT_MS = Number(env.RELAY_BENCH_TIMEOUT_MS ?? 10000);
  const MAX_SECONDS = Number(env.RELAY_BENCH_MAX_SECONDS ?? 300);
  const SEED = Number(env.RELAY_BENCH_SEED ?? DEFAULT_SEED);
  const OUT = resolve(root, env.RELAY_BENCH_OUT ?? 'bench/results/relay-load');
  const CACHE_SECONDS = 600;
  const FAILURE_SECONDS = 30;
  for (const [name, value] of Object.entries({CLIENTS, REQUESTS, DELAY_MS, TIMEOUT_MS, MAX_SECONDS})) {
    if (!Number.isFinite(value) || value <= 0) fail(`RELAY_BENCH_${name} must be a positive number, got ${JSON.stringify(value)}.`);
  }
  if (env.RELAY_BENCH_FROM === 'dist' && !existsSync(join(root, 'dist/relay/node.js')))
    fail('RELAY_BENCH_FROM=dist needs dist/relay/node.js: run `npm run build` first.');

  const started = performance.now();
  const log = (...args) => console.log(`[relay-load ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);
  const loadStart = loadavg();

  let stopping = false;
  const children = [];
  const onExit = (role, code) => {
    if (stopping) return;
    for (const other of children) other.child.kill();
    fail(`the ${role === '--relay-child' ? 'relay' : 'upstream'} process ended unexpectedly (exit ${code}).`);
  };
  // Bounded in time: whatever hangs, the run ends.
  const deadline = setTimeout(() => {
    stopping = true;
    for (const other of children) other.child.kill();
    fail(`stopped after ${MAX_SECONDS} s (RELAY_BENCH_MAX_SECONDS); no results written.`);
  }, MAX_SECONDS * 1000);
  deadline.unref();

  const feeds = loadFeeds();
  log(`${feeds.length} feeds: ${feeds.map((feed) => `${feed.name} (${(feed.body.length / 1024).toFixed(0)} KB)`).join(', ')}`);

  const upstream = startChild('--upstream-child', [String(DELAY_MS)], [], onExit);
  const relay = startChild('--relay-child', [], ['--expose-gc', ...(env.RELAY_BENCH_FROM === 'dist' ? [] : ['--import', 'tsx'])], onExit);
  children.push(upstream, relay);
  await Promise.all([upstream.ready, relay.ready]);
  const {origin: upstreamOrigin} = await upstream.ask('origin');
  const relayOptions = {
    // Loopback is refused unless written as an IP address in allow: it is, so the relay may fetch it.
    allow: [`${upstreamOrigin}/`],
    origins: [SITE],
    cacheSeconds: CACHE_SECONDS,
    failureSeconds: FAILURE_SECONDS,
    timeoutMs: TIMEOUT_MS,
  };
  const {url: relayUrl} = await relay.ask('start', {options: relayOptions});
  log(
    `upstream ${upstreamOrigin} (${DELAY_MS} ms per answer), relay ${relayUrl} (cache ${CACHE_SECONDS} s, timeout ${TIMEOUT_MS} ms, from ${env.RELAY_BENCH_FROM ?? 'src'})`
  );

  const memory = {};
  memory.beforeLoad = (await relay.ask('memory', {gc: true})).usage;

  // ---- the clients -----------------------------------------------------------------------------
  const random = prng(SEED);
  /** One phase: REQUESTS requests from CLIENTS clients at once; what each got back. */
  async function runPhase(name) {
    const agent = new Agent({keepAlive: true, maxSockets: CLIENTS, maxFreeSockets: CLIENTS});
    const picks = Array.from({length: REQUESTS}, () => feeds[Math.floor(random() * feeds.length)]);
    const results = [];
    let next = 0;
    const phaseStart = performance.now();
    const client = async () => {
      while (next < picks.length) {
        const feed = picks[next++];
        results.push(await get(agent, `${relayUrl}/?url=${encodeURIComponent(upstreamOrigin + feed.path)}`, feed));
      }
    };
    await Promise.all(Array.from({length: CLIENTS}, client));
    const seconds = (performance.now() - phaseStart) / 1000;
    agent.destroy();
    return {name, seconds, results};
  }

  /**
   * GET through the relay, as a page on SITE would; never rejects. A request sent on a kept-alive
   * connection that the server closed meanwhile (ECONNRESET on a reused socket: the keep-alive
   * race) is sent once more on a new connection, as browsers do for a GET; `retried` says so and
   * the latency counts from the first attempt.
   */
  function get(agent, url, feed, t0 = performance.now(), retried = false) {
    return new Promise((resolve) => {
      const failed = (error) => resolve({feed: feed.name, ms: performance.now() - t0, status: 0, cache: 'error', error: error.code ?? error.message, retried});
      const req = httpRequest(url, {agent, headers: {origin: SITE, accept: '*/*'}}, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            feed: feed.name,
            ms: performance.now() - t0,
            status: res.statusCode,
            cache: res.headers['x-feedcal-cache'] ?? 'error',
            stale: res.headers['x-feedcal-stale'],
            cors: res.headers['access-control-allow-origin'] === SITE,
            sameBody: body.equals(feed.body),
            bytes: body.length,
            retried,
          });
        });
        res.on('error', failed);
      });
      req.on('error', (error) => {
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') resolve(get(agent, url, feed, t0, true));
        else failed(error);
      });
      req.end();
    });
  }

  const PHASES = [
    {name: 'cold', mode: 'good', advance: 0, says: 'empty cache: the first visitors of each feed share one upstream request'},
    {name: 'next period', mode: 'good', advance: CACHE_SECONDS + 1, says: 'the cache period has passed: one conditional request per feed, answered 304'},
    {name: 'upstream 500', mode: '500', advance: CACHE_SECONDS + 1, says: 'the period has passed again; the upstream answers 500'},
    {name: 'upstream hangs', mode: 'hang', advance: CACHE_SECONDS + 1, says: `the upstream never answers; the relay gives up after ${TIMEOUT_MS} ms`},
    {name: 'upstream resets', mode: 'reset', advance: CACHE_SECONDS + 1, says: 'the upstream resets the connection'},
  ];
  const phases = [];
  for (const phase of PHASES) {
    if (phase.advance) await relay.ask('advance', {ms: phase.advance * 1000});
    await upstream.ask('mode', {mode: phase.mode});
    const run = await runPhase(phase.name);
    const {requests: upstreamLog} = await upstream.ask('log');
    const mem = (await relay.ask('memory', {gc: false})).usage;
    const summary = summarise(phase, run, upstreamLog, feeds, mem);
    phases.push(summary);
    log(
      `${phase.name}: ${summary.requests} requests in ${summary.seconds.toFixed(1)} s (${summary.requestsPerSecond} /s, ${summary.megabytesServed} MB); upstream ${summary.upstream.total} ` +
        `(${Object.entries(summary.upstream.byAnswer)
          .map(([k, v]) => `${v}× ${k}`)
          .join(', ')}); ` +
        Object.entries(summary.latency)
          .map(([k, v]) => `${k} ${v.count}: median ${v.median} ms, p99 ${v.p99} ms`)
          .join('; ') +
        `; errors ${summary.errors}; sent again after a keep-alive reset ${summary.keepAliveRetries}`
    );
  }
  const afterGc = await relay.ask('memory', {gc: true});
  memory.afterLoadGc = afterGc.usage;
  memory.maxRssBytes = afterGc.maxRssBytes;
  stopping = true;
  await Promise.all([relay.ask('stop'), upstream.ask('stop')]);
  for (const {child} of children) child.disconnect();
  clearTimeout(deadline);

  // ---- verdicts --------------------------------------------------------------------------------
  const checks = [];
  const check = (ok, text) => checks.push({ok, text});
  for (const phase of phases) {
    const most = Math.max(...Object.values(phase.upstream.perFeed));
    const least = Math.min(...Object.values(phase.upstream.perFeed));
    // A good copy is fresh for the whole phase (600 s); a failure is remembered for FAILURE_SECONDS
    // of real time, after which the relay may ask once more: a phase that lasts longer (a busy
    // machine) may see one more request per feed per failure period.
    const allowed = phase.upstreamMode === 'good' ? 1 : 1 + Math.floor(phase.seconds / FAILURE_SECONDS);
    check(
      least >= 1 && most <= allowed,
      `${phase.name}: ${phase.upstream.total} upstream requests for ${feeds.length} feeds (${least === most ? `${most} each` : `${least} to ${most} per feed`}; ` +
        `expected ${allowed === 1 ? 'exactly one each' : `one to ${allowed} each in ${phase.seconds} s, one per ${FAILURE_SECONDS} s failure period`})`
    );
    check(phase.errors === 0, `${phase.name}: ${phase.errors} errors among ${phase.requests} answers`);
    check(phase.corsMissing === 0, `${phase.name}: every answer carries CORS for ${SITE} (${phase.corsMissing} without)`);
  }
  for (const phase of phases.slice(2)) {
    check(
      phase.byCache.stale === phase.requests,
      `${phase.name}: ${phase.byCache.stale ?? 0} of ${phase.requests} clients got the last good copy (stale), byte for byte`
    );
  }
  check(
    phases[1].upstream.byAnswer[304] === feeds.length,
    `next period: ${phases[1].upstream.byAnswer[304] ?? 0} of ${feeds.length} upstream requests were conditional and answered 304`
  );

  const loadEnd = loadavg();
  const report = {
    date: new Date().toISOString(),
    machine: {cpu: cpus()[0]?.model.trim(), cores: cpus().length, memoryGB: +(totalmem() / 1024 ** 3).toFixed(1), os: `linux ${release()}`, node: process.version},
    loadAverage: {start: loadStart.map((x) => +x.toFixed(2)), end: loadEnd.map((x) => +x.toFixed(2))},
    settings: {
      clients: CLIENTS,
      requestsPerPhase: REQUESTS,
      upstreamDelayMs: DELAY_MS,
      relayTimeoutMs: TIMEOUT_MS,
      cacheSeconds: CACHE_SECONDS,
      failureSeconds: FAILURE_SECONDS,
      seed: SEED,
      eventsPerGeneratedFeed: Number(env.RELAY_BENCH_EVENTS ?? 200),
      from: env.RELAY_BENCH_FROM ?? 'src',
    },
    feeds: feeds.map(({name, type, body, origin}) => ({name, type, bytes: body.length, origin})),
    phases,
    memory,
    checks,
    passed: checks.every((c) => c.ok),
  };
  mkdirSync(dirname(OUT), {recursive: true});
  writeFileSync(`${OUT}.json`, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(`${OUT}.md`, markdown(report));
  log(`wrote ${OUT}.json and ${OUT}.md`);
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.text}`);
  process.exit(report.passed ? 0 : 1);
}

// ---- feeds -----------------------------------------------------------------------------------

/**
 * Realistic bodies: real exports from the shared fixtures (a Google Calendar export, a Nextcloud
 * one, Gnistor's JSON, RSS and iCalendar) when that folder exists beside the checkout, and
 * generated calendars of RELAY_BENCH_EVENTS events (bench/generate.mjs: iCalendar, JSON and RSS;
 * 200 by default, a busy organisation's year, 110-170 KB).
 */
function loadFeeds() {
  const shared = resolve(root, '../shared/fixtures/feeds');
  const TYPES = {ics: 'text/calendar; charset=utf-8', json: 'application/json', xml: 'application/rss+xml; charset=utf-8'};
  const feeds = [];
  /** `name` is the feed's file name on the upstream, unique; its extension gives the Content-Type. */
  const add = (name, body, origin) => {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)];
    feeds.push({name, path: `/${name}`, type, body, origin, etag: `"${hash}"`, lastModified: 'Fri, 27 Nov 2026 09:00:00 GMT'});
  };
  const count = Number(env.RELAY_BENCH_EVENTS ?? 200);
  const generated = generateFeeds(count);
  const label = `bench/generate.mjs, ${count.toLocaleString('en-US')} events`;
  add(`generated-${count}.ics`, Buffer.from(generated.ics), label);
  add(`generated-${count}.json`, Buffer.from(generated.json), label);
  add(`generated-${count}.xml`, Buffer.from(generated.rss), `${label} (RSS)`);
  const real = [
    ['google-portland-user-groups.ics', 'ics/calagator-google-portland-user-groups.ics'],
    ['nextcloud-allday.ics', 'ics/nodeical-nextcloud-sabredav-allday-tzid.ics'],
    ['gnistor.json', 'gnistor/feed.json'],
    ['gnistor.xml', 'gnistor/feed.xml'],
    ['gnistor.ics', 'gnistor/index.ics'],
  ];
  for (const [name, file] of real) {
    const path = join(shared, file);
    if (existsSync(path)) add(name, readFileSync(path), `../shared/fixtures/feeds/${file}`);
  }
  if (feeds.length < 8) {
    // Without the shared fixtures: more generated calendars of other sizes, so there are still several feeds.
    for (const size of [50, 100]) {
      const more = generateFeeds(size, DEFAULT_SEED + size);
      add(`generated-${size}.ics`, Buffer.from(more.ics), `bench/generate.mjs, ${size} events`);
      add(`generated-${size}.json`, Buffer.from(more.json), `bench/generate.mjs, ${size} events`);
    }
  }
  return feeds;
}

// ---- figures ---------------------------------------------------------------------------------

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (ms) => (ms === null ? null : ms >= 100 ? Math.round(ms) : +ms.toFixed(1));

function summarise(phase, run, upstreamLog, feeds, memoryAfter) {
  const {results, seconds} = run;
  const latency = {};
  const byCache = {};
  for (const result of results) byCache[result.cache] = (byCache[result.cache] ?? 0) + 1;
  for (const kind of Object.keys(byCache).sort()) {
    const ms = results
      .filter((r) => r.cache === kind)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    latency[kind] = {count: ms.length, median: round(percentile(ms, 50)), p99: round(percentile(ms, 99)), max: round(ms[ms.length - 1])};
  }
  const perFeed = Object.fromEntries(feeds.map((feed) => [feed.name, 0]));
  const byAnswer = {};
  for (const entry of upstreamLog) {
    perFeed[entry.feed] = (perFeed[entry.feed] ?? 0) + 1;
    byAnswer[entry.answer] = (byAnswer[entry.answer] ?? 0) + 1;
  }
  const statuses = {};
  for (const result of results) statuses[result.status || result.error] = (statuses[result.status || result.error] ?? 0) + 1;
  const staleReasons = {};
  for (const result of results) if (result.stale) staleReasons[result.stale] = (staleReasons[result.stale] ?? 0) + 1;
  // An error: anything but the feed itself, byte for byte, with status 200.
  const errors = results.filter((r) => r.status !== 200 || !r.sameBody).length;
  return {
    name: phase.name,
    says: phase.says,
    upstreamMode: phase.mode,
    requests: results.length,
    seconds: +seconds.toFixed(2),
    requestsPerSecond: Math.round(results.length / seconds),
    megabytesServed: +(results.reduce((sum, r) => sum + (r.bytes ?? 0), 0) / 1024 ** 2).toFixed(1),
    upstream: {total: upstreamLog.length, byAnswer, perFeed},
    statuses,
    byCache,
    staleReasons,
    errors,
    corsMissing: results.filter((r) => r.status === 200 && !r.cors).length,
    keepAliveRetries: results.filter((r) => r.retried).length,
    latency,
    memoryAfter,
  };
}

function markdown(report) {
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  const n = (x) => x.toLocaleString('en-US');
  const s = report.settings;
  const lines = [
    '# The relay under load',
    '',
    `Run ${report.date} on ${report.machine.cpu}, ${report.machine.cores} cores (shared with other work), ${report.machine.memoryGB} GB, ${report.machine.os}, Node ${report.machine.node}.`,
    `Load average (1/5/15 min) at start ${report.loadAverage.start.join(' / ')}, at end ${report.loadAverage.end.join(' / ')}.`,
    `Relay from ${s.from === 'dist' ? 'dist/relay/node.js' : 'src/relay/node.ts (tsx)'}, in its own process, on 127.0.0.1; cache period ${s.cacheSeconds} s, failures remembered ${s.failureSeconds} s, upstream timeout ${n(s.relayTimeoutMs)} ms; generated feeds of ${n(s.eventsPerGeneratedFeed)} events.`,
    `Upstream: ${s.upstreamDelayMs} ms per answer, ETag and Last-Modified, no CORS headers. ${n(s.clients)} concurrent clients (a keep-alive Agent with ${n(s.clients)} sockets), ${n(s.requestsPerPhase)} requests per phase, each for a feed drawn at random (seed ${s.seed}).`,
    '',
    `Feeds (${report.feeds.length}): ${report.feeds.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(f.bytes < 10240 ? 1 : 0)} KB`).join(', ')}.`,
    '',
    '| phase | requests | wall s | req/s | MB served | upstream requests | answers (X-Feedcal-Cache) | errors | sent again after a keep-alive reset |',
    '|---|---:|---:|---:|---:|---|---|---:|---:|',
  ];
  for (const p of report.phases) {
    const upstream = `${p.upstream.total} (${Object.entries(p.upstream.byAnswer)
      .map(([k, v]) => `${v}× ${k}`)
      .join(', ')})`;
    const answers = Object.entries(p.byCache)
      .map(([k, v]) => `${n(v)} ${k}`)
      .join(', ');
    lines.push(
      `| ${p.name} | ${n(p.requests)} | ${p.seconds} | ${n(p.requestsPerSecond)} | ${n(p.megabytesServed)} | ${upstream} | ${answers} | ${p.errors} | ${p.keepAliveRetries} |`
    );
  }
  lines.push(
    '',
    'Latency per answer, as the client saw it (request sent → last byte), in ms:',
    '',
    '| phase | answer (X-Feedcal-Cache) | count | median | p99 | max |',
    '|---|---|---:|---:|---:|---:|'
  );
  for (const p of report.phases) {
    for (const [kind, l] of Object.entries(p.latency)) lines.push(`| ${p.name} | ${kind} | ${n(l.count)} | ${l.median} | ${l.p99} | ${l.max} |`);
  }
  const m = report.memory;
  lines.push(
    '',
    "The relay process's memory, in MB:",
    '',
    '| when | RSS | heap used | heap total | external + array buffers |',
    '|---|---:|---:|---:|---:|',
    `| before the load (after a GC) | ${mb(m.beforeLoad.rss)} | ${mb(m.beforeLoad.heapUsed)} | ${mb(m.beforeLoad.heapTotal)} | ${mb(m.beforeLoad.external + m.beforeLoad.arrayBuffers)} |`,
    ...report.phases.map(
      (p) =>
        `| after "${p.name}" | ${mb(p.memoryAfter.rss)} | ${mb(p.memoryAfter.heapUsed)} | ${mb(p.memoryAfter.heapTotal)} | ${mb(p.memoryAfter.external + p.memoryAfter.arrayBuffers)} |`
    ),
    `| after the load, after a GC | ${mb(m.afterLoadGc.rss)} | ${mb(m.afterLoadGc.heapUsed)} | ${mb(m.afterLoadGc.heapTotal)} | ${mb(m.afterLoadGc.external + m.afterLoadGc.arrayBuffers)} |`,
    '',
    `Peak RSS of the relay process: ${mb(m.maxRssBytes)} MB.`,
    '',
    'Checks:',
    '',
    ...report.checks.map((c) => `- ${c.ok ? 'ok' : '**FAILED**'}: ${c.text}`),
    ''
  );
  return lines.join('\n');
}

function fail(message) {
  console.error(`relay-load: ${message}`);
  process.exit(2);
}

// Last, so every constant above is initialised before either role runs.
if (process.argv[2] === '--relay-child') await relayChild();
else if (process.argv[2] === '--upstream-child') await upstreamChild();
else await main();
