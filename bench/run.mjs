// `npm run bench`: feedcal against every peer a site would pick (FullCalendar 6 and 7,
// EventCalendar 5, Schedule-X 4) and a bare floor page, interleaved in one headless Chromium, on
// the same generated feeds, in two profiles (desktop; a mid-range phone: CPU 4× slower, slow 4G).
// Needs a prior `npm run build` (it measures dist/cdn). What each figure means and every setting
// are in bench/README.md; the budgets it checks are bench/budgets.json.
//
//   npm run bench                 the full run (about 20–25 minutes on a shared 2-core machine)
//   npm run bench -- --quick      one load per page and view at 50 and 1,000 events, desktop only:
//                                 the CI smoke check (exit 1 only when a page never paints or crashes)
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, release, totalmem} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {execFileSync} from 'node:child_process';
import {build} from 'esbuild';
import puppeteer from 'puppeteer-core';
import {DEFAULT_SEED, FIRST_DAY, generateFeeds} from './generate.mjs';
import {startServer} from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const QUICK = process.argv.includes('--quick') || env.BENCH_QUICK === '1';
const list = (value, fallback) => (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const DESKTOP_SIZES = QUICK ? [50, 1000] : list(env.BENCH_SIZES, '50,100,500,1000,5000,20000').map(Number);
const PHONE_SIZES = QUICK ? [] : list(env.BENCH_PHONE_SIZES, '50,100,500,1000').map(Number);
const RUNS = QUICK ? 1 : Number(env.BENCH_RUNS ?? 3);
const RUNS_LARGE = QUICK ? 1 : Number(env.BENCH_RUNS_LARGE ?? 1);
const PHONE_RUNS = QUICK ? 1 : Number(env.BENCH_PHONE_RUNS ?? 3);
const PAGE_IDS = QUICK ? ['feedcal', 'floor', 'fc6', 'fc7', 'ec', 'sx'] : list(env.BENCH_PAGES, 'feedcal,floor,fc6,fc7,ec,sx');
const VIEWS = list(env.BENCH_VIEWS, 'list,month');
const SEED = Number(env.BENCH_SEED ?? DEFAULT_SEED);
const OUT = resolve(root, env.BENCH_OUT ?? (QUICK ? 'bench/results/quick' : 'bench/results/latest'));
const CHROME = env.CHROME_PATH ?? '/usr/bin/chromium';
const ZONE = 'Europe/Stockholm';
const CATEGORY = 'Studiecirkel';
const LOAD_TIMEOUT = Number(env.BENCH_TIMEOUT ?? 90) * 1000;

/**
 * The two profiles. The phone: DevTools' CPU throttling (4× slower) and a slow 4G link (400 ms
 * added to each request, 1.6 Mbit/s down, 750 kbit/s up), in a phone-sized window.
 */
const PROFILES = {
  desktop: {label: 'desktop', viewport: {width: 1000, height: 800}, cpu: 1, network: null, sizes: DESKTOP_SIZES, runs: (size) => (size >= 20000 ? Math.min(RUNS, RUNS_LARGE) : RUNS)},
  phone: {
    label: 'mid-range phone (CPU ÷4, slow 4G)',
    viewport: {width: 412, height: 915},
    cpu: 4,
    network: {offline: false, latency: 400, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0},
    sizes: PHONE_SIZES,
    runs: () => PHONE_RUNS,
  },
};

const pkgVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
/**
 * The pages. Peers are bundled at start with esbuild from node_modules (minified ES module, one per
 * view with only that view's plugin, as a site's bundler would), their stylesheets served from
 * node_modules; `selector` is what counts as an event shown.
 */
const PAGES = {
  feedcal: {label: 'feedcal', path: () => '/bench/pages/feedcal.html'},
  floor: {label: 'bare floor', path: () => '/bench/pages/floor.html'},
  fc6: {
    label: 'FullCalendar 6',
    version: () => pkgVersion('@fullcalendar/core'),
    entry: (view) => `import {Calendar} from '@fullcalendar/core';
      import view from '@fullcalendar/${view === 'month' ? 'daygrid' : 'list'}';
      import {fullCalendar} from './peers/fullcalendar.js';
      fullCalendar(Calendar, [view], {list: '.fc-list-event', month: '.fc-daygrid-event'});`,
    css: [],
  },
  fc7: {
    label: 'FullCalendar 7',
    version: () => pkgVersion('fullcalendar'),
    // FullCalendar 7's class names are hashed (fc-classic-zIi); an event is the element that
    // carries its colour as an inline custom property, in the list and in the grid alike.
    entry: (view) => `const EVENT = '[style*="--fc-event-color"]';
      import {Calendar} from 'fullcalendar';
      import view from 'fullcalendar/${view === 'month' ? 'daygrid' : 'list'}';
      import classic from 'fullcalendar/themes/classic';
      import {fullCalendar} from './peers/fullcalendar.js';
      fullCalendar(Calendar, [view, classic], {list: EVENT, month: EVENT});`,
    css: ['/node_modules/fullcalendar/skeleton.css', '/node_modules/fullcalendar/themes/classic/theme.css', '/node_modules/fullcalendar/themes/classic/palette.css'],
  },
  ec: {
    label: 'EventCalendar 5',
    version: () => pkgVersion('@event-calendar/core'),
    // EventCalendar 5.15's build predates Svelte 5.60, whose compiled components import
    // 'svelte/internal/init-operations' themselves; without it Svelte stops with
    // "invalid_bundler_config". A site bundling it today adds the same line.
    entry: (view) => `import 'svelte/internal/init-operations';
      import {createCalendar, ${view === 'month' ? 'DayGrid' : 'List'} as view} from '@event-calendar/core';
      import {eventCalendar} from './peers/event-calendar.js';
      eventCalendar(createCalendar, [view]);`,
    css: ['/node_modules/@event-calendar/core/dist/index.css'],
  },
  sx: {
    label: 'Schedule-X 4',
    version: () => pkgVersion('@schedule-x/calendar'),
    entry: (view) => `import {createCalendar, ${view === 'month' ? 'createViewMonthGrid' : 'createViewList'}} from '@schedule-x/calendar';
      import {scheduleX} from './peers/schedule-x.js';
      scheduleX({createCalendar, ${view === 'month' ? 'createViewMonthGrid' : 'createViewList'}});`,
    css: ['/node_modules/@schedule-x/theme-default/dist/index.css'],
  },
};
for (const id of PAGE_IDS) if (!PAGES[id]) throw new Error(`bench: unknown page "${id}" in BENCH_PAGES (known: ${Object.keys(PAGES).join(', ')})`);
const PEERS = PAGE_IDS.filter((id) => id !== 'feedcal' && id !== 'floor');

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const started = performance.now();
const log = (...args) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...args);

// ---------------------------------------------------------------------------------------------

if (!existsSync(join(root, 'dist/cdn/feedcal.js'))) {
  console.error('bench: dist/cdn/feedcal.js is missing; run `npm run build` first.');
  process.exit(2);
}
function sourceState() {
  try {
    const git = (...a) => execFileSync('git', a, {cwd: root, encoding: 'utf8'}).trim();
    return {commit: git('rev-parse', '--short', 'HEAD'), srcDirty: git('status', '--porcelain', '--', 'src').length > 0};
  } catch {
    return {commit: 'unknown', srcDirty: null};
  }
}

const SIZES = [...new Set([...DESKTOP_SIZES, ...PHONE_SIZES])].sort((a, b) => a - b);
log(`generating feeds for ${SIZES.join(', ')} events (seed ${SEED})`);
const feeds = new Map();
const feedInfo = {};
for (const size of SIZES) {
  const {json} = generateFeeds(size, SEED);
  feeds.set(`events-${size}.json`, json);
  feedInfo[size] = {events: size, jsonBytes: Buffer.byteLength(json)};
}
const feedPath = (size) => `/bench-data/events-${size}.json`;

// The build under test, read once: a rebuild by someone else during the run changes nothing.
const snapshot = new Map();
for (const file of ['feedcal.js', ...readdirSync(join(root, 'dist/cdn/chunks')).map((f) => `chunks/${f}`)]) {
  if (file.endsWith('.js')) snapshot.set(`/dist/cdn/${file}`, readFileSync(join(root, 'dist/cdn', file)));
}
log('bundling the peers with esbuild');
for (const id of PEERS) {
  const page = PAGES[id];
  for (const view of VIEWS) {
    const result = await build({
      stdin: {contents: page.entry(view), resolveDir: join(root, 'bench/pages'), sourcefile: `${id}-${view}.js`, loader: 'js'},
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2021',
      conditions: ['production'],
      define: {'process.env.NODE_ENV': '"production"'},
      write: false,
      logLevel: 'error',
    });
    snapshot.set(`/peers/${id}-${view}.js`, Buffer.from(result.outputFiles[0].contents));
    const links = page.css.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
    snapshot.set(
      `/peers/${id}-${view}.html`,
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.label} bench</title>` +
        `<script src="/bench/pages/harness.js"></script>${links}<script type="module" src="/peers/${id}-${view}.js"></script>` +
        `<style>body{margin:0;font-family:system-ui,sans-serif}#host{max-width:1000px}</style></head><body><div id="host"></div></body></html>`
    );
  }
}
const pagePath = (id, view) => PAGES[id].path?.(view) ?? `/peers/${id}-${view}.html`;
/** Bench machinery every page loads alike; not counted in a page's bytes. */
const NOT_COUNTED = new Set(['/bench/pages/harness.js']);

const server = await startServer(root, feeds, snapshot);
// Every body compressed before the first load, so that no load pays for compressing what it asks for.
await server.warm(['/bench/pages/harness.js', ...PAGE_IDS.flatMap((id) => [...(PAGES[id].css ?? []), ...VIEWS.map((view) => pagePath(id, view))])]);
log(`serving on ${server.origin}`);

const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  protocolTimeout: 600_000,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--js-flags=--expose-gc'],
  defaultViewport: PROFILES.desktop.viewport,
  // Puppeteer turns on DevTools' Network domain by default. Chromium then keeps a copy of every
  // response body for the Network panel and decodes text bodies for it, on the page's main thread:
  // for a 2.8 MB feed that is a 13–16 ms task between the feed's last byte and the widget's first
  // paint that no visitor pays. Bytes are counted from Resource Timing and the server instead.
  networkEnabled: false,
});

// ---------------------------------------------------------------------------------------------

/**
 * Main-thread tasks in a trace, longest first: top-level slices ("toplevel" category) on the
 * renderer main threads, where a task and the microtask checkpoint that directly follows it
 * (Blink traces them as two slices) count as one, as the Long Tasks API counts them.
 */
function traceTasks(buffer) {
  const {traceEvents} = JSON.parse(Buffer.from(buffer).toString('utf8'));
  const mainThreads = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !String(e.cat).split(',').includes('toplevel') || !mainThreads.has(thread)) continue;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push({start: e.ts, end: e.ts + (e.dur ?? 0), name: e.name});
  }
  const tasks = [];
  for (const slices of byThread.values()) {
    slices.sort((a, b) => a.start - b.start);
    let current;
    for (const slice of slices) {
      const follows = current && slice.start <= current.end + 100 && /MicrotaskCheckpoint/.test(slice.name ?? '');
      if (current && (slice.start < current.end || follows)) current.end = Math.max(current.end, slice.end);
      else {
        if (current) tasks.push((current.end - current.start) / 1000);
        current = {...slice};
      }
    }
    if (current) tasks.push((current.end - current.start) / 1000);
  }
  return tasks.sort((a, b) => b - a);
}

const withTimeout = (promise, ms, what) => {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * One page load: open the page (the widget starts at once), wait for the first events painted;
 * then what it shows, DOM size, heap after GC, (list view) a category filter change, and the
 * bytes that arrived before the first paint.
 */
async function loadRun(id, view, size, profile) {
  const page = await browser.newPage();
  try {
    await page.setViewport(profile.viewport);
    await page.emulateTimezone(ZONE);
    const cdp = await page.createCDPSession();
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', {rate: profile.cpu});
    if (profile.network) {
      // Network conditions need the domain on; with no buffer, Chromium keeps no copies of bodies.
      await cdp.send('Network.enable', {maxTotalBufferSize: 0, maxResourceBufferSize: 0});
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    let crashed = null;
    page.on('pageerror', (error) => (crashed ??= error.message));
    page.on('error', (error) => (crashed ??= `crash: ${error.message}`));
    await page.tracing.start({categories: ['toplevel']});
    const url = `${server.origin}${pagePath(id, view)}?feed=${encodeURIComponent(feedPath(size))}&view=${view}&date=${FIRST_DAY}&timeout=${LOAD_TIMEOUT - 5000}`;
    await page.goto(url, {waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT});
    const first = await withTimeout(
      page.evaluate(() => window.bench.finished),
      LOAD_TIMEOUT,
      'first paint'
    );
    if (first.error || crashed) {
      await page.tracing.stop().catch(() => {});
      // What the page shows instead, to tell a wrong selector from a widget that drew nothing.
      const shown = await page.evaluate(() => document.getElementById('host')?.innerHTML.replace(/\s+/g, ' ').slice(0, 400)).catch(() => '');
      return {error: `${first.error ?? crashed}${env.BENCH_DEBUG ? ` — page shows: ${shown}` : ''}`};
    }
    const complete = await withTimeout(
      page.evaluate(async () => {
        await window.bench.complete;
        await window.bench.afterNextPaint();
        return {at: performance.now(), ...window.bench.info(), longTaskObserved: window.bench.longestTask(), longTasks: window.bench.longTasks.length};
      }),
      LOAD_TIMEOUT,
      'complete'
    );
    const tasks = traceTasks(await page.tracing.stop());
    // BENCH_SCREENSHOTS=dir: what each page drew, to look at (the last load of each page, view and size wins).
    if (env.BENCH_SCREENSHOTS) {
      mkdirSync(env.BENCH_SCREENSHOTS, {recursive: true});
      await page.screenshot({path: join(env.BENCH_SCREENSHOTS, `${profile === PROFILES.phone ? 'phone' : 'desktop'}-${id}-${view}-${size}.png`)});
    }
    const run = {
      navToPaint: first.paint,
      feedToPaint: first.paint - first.responseEnd,
      feedToDom: first.dom - first.responseEnd,
      fetchToPaint: first.paint - first.fetchStart,
      feedArrived: first.responseEnd,
      completeAt: complete.at,
      longestTask: tasks[0] ?? 0,
      secondTask: tasks[1] ?? 0,
      longTaskObserved: complete.longTaskObserved,
      events: complete.events,
      visible: complete.visible,
      cards: complete.cards,
      feedTransfer: first.feedTransfer,
    };
    // Bytes that had arrived when the first events were painted, the feed apart.
    let gzip = 0;
    let brotli = 0;
    let requests = 0;
    for (const resource of first.resources) {
      if (resource.path.startsWith('/bench-data/') || NOT_COUNTED.has(resource.path)) continue;
      const s = server.sizeOf(resource.path);
      if (!s) continue;
      gzip += s.gzip;
      brotli += s.brotli ?? s.gzip;
      requests++;
    }
    Object.assign(run, {bytesGzip: gzip, bytesBrotli: brotli, requests});
    const nodes = await page.evaluate(() => window.bench.countNodes());
    run.elements = nodes.elements;
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
    run.heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
    if (view === 'list') {
      const change = await withTimeout(page.evaluate((value) => window.bench.filter('categories', value), CATEGORY), 30_000, 'filter');
      run.filterCategory = change.paint == null ? null : change.paint - change.start;
      run.filterVisible = change.visible;
    }
    if (crashed) return {error: crashed};
    return run;
  } catch (error) {
    return {error: String(error?.message ?? error)};
  } finally {
    await page.close().catch(() => {});
  }
}

const FIGURES = ['navToPaint', 'feedToPaint', 'longestTask', 'secondTask', 'elements', 'heapMB', 'filterCategory', 'bytesGzip', 'bytesBrotli', 'requests', 'events', 'visible', 'cards', 'filterVisible', 'longTaskObserved', 'feedToDom', 'fetchToPaint', 'completeAt'];
const summarise = (runs) => {
  const ok = runs.filter((r) => !r.error);
  const out = {loads: runs.length};
  for (const key of FIGURES) {
    const values = ok.map((r) => r[key]).filter((x) => typeof x === 'number' && Number.isFinite(x));
    if (values.length) out[key] = {median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values};
  }
  const errors = runs.filter((r) => r.error).map((r) => r.error);
  if (errors.length) out.errors = errors;
  return out;
};

async function main() {
  const out = {
    generated: new Date().toISOString(),
    quick: QUICK,
    machine: machine(await browser.version()),
    build: {...sourceState(), entryBytes: snapshot.get('/dist/cdn/feedcal.js').length},
    config: {
      seed: SEED,
      timeZone: ZONE,
      category: CATEGORY,
      views: VIEWS,
      pages: Object.fromEntries(PAGE_IDS.map((id) => [id, {label: PAGES[id].label, version: PAGES[id].version?.() ?? null}])),
      profiles: Object.fromEntries(Object.entries(PROFILES).map(([k, p]) => [k, {label: p.label, viewport: p.viewport, cpu: p.cpu, network: p.network, sizes: p.sizes, runs: Object.fromEntries(p.sizes.map((s) => [s, p.runs(s)]))}])),
    },
    feeds: feedInfo,
    profiles: {},
  };
  // The browser's first pages pay for its own start-up: discarded loads first (quick: feedcal's only).
  log('warm-up (discarded loads)');
  for (const id of QUICK ? ['feedcal'] : PAGE_IDS) await loadRun(id, 'list', SIZES[0], PROFILES.desktop);
  for (const [name, profile] of Object.entries(PROFILES)) {
    if (!profile.sizes.length) continue;
    out.profiles[name] = {};
    for (const size of profile.sizes) {
      const n = profile.runs(size);
      const raw = Object.fromEntries(VIEWS.map((view) => [view, Object.fromEntries(PAGE_IDS.map((id) => [id, []]))]));
      const combos = VIEWS.flatMap((view) => PAGE_IDS.map((id) => [id, view]));
      for (let i = 0; i < n; i++) {
        // Interleaved, each run in another order, so drift in the machine's speed hits every page alike.
        const order = combos.map((_, k) => combos[(k + i * 5) % combos.length]);
        for (const [id, view] of order) raw[view][id].push(await loadRun(id, view, size, profile));
        const brief = VIEWS.map((view) => `${view}: ` + PAGE_IDS.map((id) => {
          const r = raw[view][id].at(-1);
          return `${id} ${r.error ? 'ERROR' : r.navToPaint.toFixed(0)}`;
        }).join(' ')).join(' | ');
        log(`${name} ${size} run ${i + 1}/${n} nav→paint ms ${brief}; load ${loadavg()[0].toFixed(1)}`);
        for (const view of VIEWS) for (const id of PAGE_IDS) if (raw[view][id].at(-1).error) log(`  ${name} ${size} ${view} ${id}: ${raw[view][id].at(-1).error}`);
      }
      out.profiles[name][size] = Object.fromEntries(VIEWS.map((view) => [view, Object.fromEntries(PAGE_IDS.map((id) => [id, summarise(raw[view][id])]))]));
    }
  }
  out.machine.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
  out.budgets = checkBudgets(out);
  return out;
}

function machine(chromium) {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux
  }
  return {cpu: model, cores: cpus().length, memoryGB: +(totalmem() / 2 ** 30).toFixed(1), os: `${process.platform} ${release()}`, node: process.version, chromium, loadAverageAtStart: loadavg().map((x) => +x.toFixed(2))};
}

// ---------------------------------------------------------------------------------------------
// Budgets: ratios to figures of the same run (bench/budgets.json).

function checkBudgets(r) {
  const {budgets} = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
  const results = [];
  for (const budget of budgets) {
    const profile = r.profiles[budget.profile];
    if (!profile) continue;
    for (const size of Object.keys(profile).map(Number)) {
      if (budget.sizes && !budget.sizes.includes(size)) continue;
      for (const view of budget.views ?? VIEWS) {
        const pages = profile[size][view];
        if (!pages) continue;
        const own = pages.feedcal?.[budget.figure]?.median;
        const row = {id: budget.id, text: budget.text, profile: budget.profile, size, view, figure: budget.figure, feedcal: own ?? null};
        if (own == null) {
          results.push({...row, met: null, note: 'feedcal not measured'});
          continue;
        }
        if (budget.max != null) {
          results.push({...row, limit: budget.max, met: own <= budget.max});
          continue;
        }
        const against = budget.against === 'peers' ? PEERS : [budget.against];
        const others = against.map((id) => ({id, value: pages[id]?.[budget.figure]?.median})).filter((o) => typeof o.value === 'number' && o.value > 0);
        if (others.length < against.length) {
          results.push({...row, met: null, note: `not measured: ${against.filter((id) => !others.some((o) => o.id === id)).join(', ')}`});
          continue;
        }
        // Against several peers the binding one is the lowest (feedcal must beat every one).
        const binding = others.reduce((a, b) => (b.value < a.value ? b : a));
        const ratio = own / binding.value;
        results.push({...row, against: binding.id, other: binding.value, ratio, limit: budget.maxRatio, met: ratio <= budget.maxRatio});
      }
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Output.

const FIGURE_ROWS = [
  {key: 'navToPaint', label: 'navigation → first events painted (ms)', fmt: 'ms'},
  {key: 'feedToPaint', label: 'feed received → first events painted (ms)', fmt: 'ms'},
  {key: 'filterCategory', label: `category filter "${CATEGORY}" → painted (ms)`, fmt: 'ms', views: ['list']},
  {key: 'longestTask', label: 'longest main-thread task, load → complete (ms)', fmt: 'ms'},
  {key: 'secondTask', label: 'second-longest task (ms)', fmt: 'ms'},
  {key: 'elements', label: 'DOM elements (shadow roots included)', fmt: 'count'},
  {key: 'heapMB', label: 'JS heap after GC (MB)', fmt: 'mb'},
  {key: 'bytesGzip', label: 'bytes before first paint, gzip (KB, feed apart)', fmt: 'kb'},
  {key: 'bytesBrotli', label: 'bytes before first paint, brotli (KB, feed apart)', fmt: 'kb'},
];
const FORMAT = {
  ms: (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0)),
  count: (v) => Math.round(v).toLocaleString('en-US'),
  mb: (v) => v.toFixed(1),
  kb: (v) => (v / 1024).toFixed(1),
};

/** One cell: median (min–max) and, for every page but feedcal, ×(feedcal ÷ page). */
function cell(pages, id, row, withRange) {
  const s = pages[id];
  if (!s) return '—';
  const f = s[row.key];
  if (!f) return s.errors?.length ? `failed (${s.errors.length}/${s.loads})` : '—';
  const fmt = FORMAT[row.fmt];
  let text = fmt(f.median);
  if (withRange && f.runs.length > 1 && f.min !== f.max) text += ` (${fmt(f.min)}–${fmt(f.max)})`;
  const own = pages.feedcal?.[row.key]?.median;
  if (id !== 'feedcal' && typeof own === 'number' && f.median > 0) {
    const ratio = own / f.median;
    text += ratio > 1 ? ` **×${ratio.toFixed(2)}**` : ` ×${ratio.toFixed(2)}`;
  }
  return text;
}

function tables(r, withRange) {
  const lines = [];
  for (const [name, sizes] of Object.entries(r.profiles)) {
    const profile = r.config.profiles[name];
    for (const view of VIEWS) {
      lines.push('', `#### ${name === 'phone' ? 'Phone' : 'Desktop'} (${profile.label}, ${profile.viewport.width}×${profile.viewport.height}), ${view === 'list' ? 'list' : 'month grid'}`, '');
      lines.push(`| figure | events | ${PAGE_IDS.map((id) => r.config.pages[id].label).join(' | ')} |`);
      lines.push(`|---|---:|${PAGE_IDS.map(() => '---:').join('|')}|`);
      for (const row of FIGURE_ROWS) {
        if (row.views && !row.views.includes(view)) continue;
        for (const size of Object.keys(sizes).map(Number)) {
          const pages = sizes[size][view];
          lines.push(`| ${row.label} | ${size.toLocaleString('en-US')} | ${PAGE_IDS.map((id) => cell(pages, id, row, withRange)).join(' | ')} |`);
        }
      }
    }
  }
  return lines;
}

function budgetLines(r) {
  const lines = ['', '#### Budgets (bench/budgets.json), feedcal against the same run', '', '| budget | profile | events | view | feedcal | against | ratio / limit | met |', '|---|---|---:|---|---:|---|---:|---|'];
  const fmt = (figure, v) => (v == null ? '—' : figure === 'heapMB' ? `${v.toFixed(2)} MB` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
  for (const b of r.budgets) {
    const against = b.against ? `${r.config.pages[b.against]?.label ?? b.against} ${fmt(b.figure, b.other)}` : '—';
    const ratio = b.ratio != null ? `×${b.ratio.toFixed(2)} / ×${b.limit}` : b.limit != null ? `≤ ${b.limit} ms` : '—';
    const met = b.met == null ? `n/a${b.note ? ` (${b.note})` : ''}` : b.met ? 'met' : '**not met**';
    lines.push(`| ${b.text} | ${b.profile} | ${b.size.toLocaleString('en-US')} | ${b.view} | ${fmt(b.figure, b.feedcal)} | ${against} | ${ratio} | ${met} |`);
  }
  const counted = r.budgets.filter((b) => b.met != null);
  lines.push('', `${counted.filter((b) => b.met).length} of ${counted.length} budget checks met.`);
  return lines;
}

function header(r) {
  const mc = r.machine;
  const dirty = r.build.srcDirty ? ' plus uncommitted changes in src/' : '';
  const runs = Object.entries(r.config.profiles)
    .filter(([, p]) => p.sizes.length)
    .map(([name, p]) => `${name}: ${Object.entries(p.runs).map(([s, n]) => `${Number(s).toLocaleString('en-US')}: ${n}`).join(', ')}`)
    .join('; ');
  return [
    `Build: dist/cdn from commit ${r.build.commit}${dirty} (entry ${r.build.entryBytes.toLocaleString('en-US')} B min). Run ${r.generated} on ${mc.cpu}, ${mc.cores} cores, ${mc.memoryGB} GB, ${mc.os}; ${mc.chromium} (headless), Node ${mc.node}.`,
    `Machine load (1/5/15-min load average) at start ${mc.loadAverageAtStart.join(' / ')}, at end ${mc.loadAverageAtEnd?.join(' / ')}, on ${mc.cores} cores: other work shares the machine and shows up as noise.`,
    `Pages: ${PAGE_IDS.map((id) => `${r.config.pages[id].label}${r.config.pages[id].version ? ` ${r.config.pages[id].version}` : ''}`).join(', ')}. Loads per page, view and size (${runs}); each cell: median (min–max) ×(feedcal ÷ that page); **bold** where feedcal is slower or bigger.`,
  ];
}

function sanity(r) {
  const lines = ['', 'Sanity (medians): events read / shown after the first paint, events kept by the filter'];
  for (const [name, sizes] of Object.entries(r.profiles)) {
    for (const size of Object.keys(sizes).map(Number)) {
      for (const view of VIEWS) {
        const pages = sizes[size][view];
        const m = (s, k) => s?.[k]?.median ?? '—';
        lines.push(`- ${name} ${size.toLocaleString('en-US')} ${view}: ` + PAGE_IDS.map((id) => `${id} ${m(pages[id], 'events')}/${m(pages[id], 'visible')}${view === 'list' ? `/${m(pages[id], 'filterVisible')}` : ''}`).join(', '));
      }
    }
  }
  const failures = [];
  for (const [name, sizes] of Object.entries(r.profiles))
    for (const [size, views] of Object.entries(sizes))
      for (const [view, pages] of Object.entries(views))
        for (const [id, s] of Object.entries(pages)) if (s.errors) failures.push(`- ${name} ${size} ${view} ${id}: ${s.errors.length} of ${s.loads} loads failed: ${s.errors[0]}`);
  if (failures.length) lines.push('', 'Failed loads:', ...failures);
  return lines;
}

function markdown(r, withRange = true) {
  return [...header(r), ...tables(r, withRange), ...budgetLines(r), ...sanity(r)].join('\n') + '\n';
}

/** Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` in `file`, if both are there. */
function replaceBetweenMarkers(file, name, text) {
  if (!existsSync(file)) return false;
  const current = readFileSync(file, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  if (!current.includes(begin) || !current.includes(end)) return false;
  writeFileSync(file, current.slice(0, current.indexOf(begin) + begin.length) + '\n' + text + current.slice(current.indexOf(end)));
  return true;
}

function writeOutputs(r) {
  mkdirSync(dirname(OUT), {recursive: true});
  writeFileSync(`${OUT}.json`, JSON.stringify(r, null, 1) + '\n');
  const md = markdown(r);
  writeFileSync(`${OUT}.md`, `# feedcal against its peers and the bare floor: ${QUICK ? 'quick run' : 'latest benchmark'}\n\n${md}`);
  console.log('\n' + md);
  // The README shows the latest full run: both profiles, every size.
  const full = !QUICK && !env.BENCH_OUT && [50, 100, 500, 1000, 5000, 20000].every((s) => DESKTOP_SIZES.includes(s)) && PHONE_SIZES.length && PAGE_IDS.length === Object.keys(PAGES).length;
  if (full && replaceBetweenMarkers(join(root, 'README.md'), 'bench:summary', markdown(r, false))) log('updated the tables in README.md');
}

// ---------------------------------------------------------------------------------------------

let results;
try {
  results = await main();
} finally {
  await browser.close();
  await server.close();
}
writeOutputs(results);
log(`done; wrote ${OUT}.json and ${OUT}.md`);
// The smoke check fails only when a page never painted or crashed; never on timings.
const failed = Object.values(results.profiles).flatMap((sizes) => Object.values(sizes).flatMap((views) => Object.values(views).flatMap((pages) => Object.entries(pages).filter(([, s]) => s.errors))));
if (failed.length) {
  console.error(`bench: ${failed.length} page/size/view combinations had loads that never painted or crashed (see above).`);
  process.exitCode = 1;
}
