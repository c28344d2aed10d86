// `npm run bench`: feedcal against FullCalendar 6 in the same headless Chromium, on the same
// generated feeds, in the same run. Needs a prior `npm run build` (it measures dist/cdn).
// What each figure means is in bench/README.md; the settings are environment variables:
//
//   BENCH_SIZES=100,1000,5000,20000   feed sizes (events)
//   BENCH_RUNS=5                      page loads per figure and size (median reported)
//   BENCH_RUNS_LARGE=5                page loads (and parse timings) for sizes ≥ 20,000; lower it if they are too slow
//   BENCH_PARSE_RUNS=5                parse timings per format and size (after one warm-up)
//   BENCH_LIST_FORMATS=json,rss,ics   feeds feedcal's list view is also timed with (FullCalendar: JSON only)
//   BENCH_SEED=20260105               generator seed
//   BENCH_OUT=bench/results/latest    output prefix (.json and .md)
//   CHROME_PATH=/usr/bin/chromium
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, release, totalmem} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {execFileSync} from 'node:child_process';
import puppeteer from 'puppeteer-core';
import {DEFAULT_SEED, FIRST_DAY, generateFeeds} from './generate.mjs';
import {startServer} from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const list = (value, fallback) => (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const SIZES = list(env.BENCH_SIZES, '100,1000,5000,20000').map(Number);
const RUNS = Number(env.BENCH_RUNS ?? 5);
const RUNS_LARGE = Number(env.BENCH_RUNS_LARGE ?? 5);
const PARSE_RUNS = Number(env.BENCH_PARSE_RUNS ?? 5);
const LIST_FORMATS = list(env.BENCH_LIST_FORMATS, 'json,rss,ics');
const SEED = Number(env.BENCH_SEED ?? DEFAULT_SEED);
const OUT = resolve(root, env.BENCH_OUT ?? 'bench/results/latest');
const CHROME = env.CHROME_PATH ?? '/usr/bin/chromium';
const VIEWPORT = {width: 1000, height: 800};
const ZONE = 'Europe/Stockholm';
const EXT = {json: 'json', rss: 'xml', ics: 'ics'};
// The filter changes: a category, and the last keystroke of a search word ("malm" → "malmö").
const CATEGORY = 'Studiecirkel';
const SEARCH_BEFORE = 'malm';
const SEARCH = 'malmö';

const runsFor = (size) => (size >= 20000 ? Math.min(RUNS, RUNS_LARGE) : RUNS);
const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const log = (...args) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...args);
const started = performance.now();

// ---------------------------------------------------------------------------------------------

if (!existsSync(join(root, 'dist/cdn/feedcal.js'))) {
  console.error('bench: dist/cdn/feedcal.js is missing; run `npm run build` first.');
  process.exit(2);
}
const feedcalMonthBuilt = readdirSync(join(root, 'dist/cdn/chunks')).some((f) => /^month.*\.js$/.test(f)) || env.BENCH_FEEDCAL_MONTH === '1';
const buildSize = () => [...snapshot.entries()].map(([path, body]) => ({path, bytes: body.length}));
/** The commit the build came from, and whether src/ had uncommitted changes (dist/ may hold them). */
function sourceState() {
  try {
    const git = (...a) => execFileSync('git', a, {cwd: root, encoding: 'utf8'}).trim();
    return {commit: git('rev-parse', '--short', 'HEAD'), srcDirty: git('status', '--porcelain', '--', 'src').length > 0};
  } catch {
    return {commit: 'unknown', srcDirty: null};
  }
}

log(`generating feeds for ${SIZES.join(', ')} events (seed ${SEED})`);
const feeds = new Map();
const feedInfo = {};
for (const size of SIZES) {
  const generated = generateFeeds(size, SEED);
  feedInfo[size] = {events: size, series: new Set(generated.events.filter((e) => e.series).map((e) => e.series.uid)).size};
  for (const format of ['json', 'rss', 'ics']) {
    const name = `events-${size}.${EXT[format]}`;
    feeds.set(name, generated[format]);
    feedInfo[size][`${format}Bytes`] = Buffer.byteLength(generated[format]);
  }
}
// The build under test, read once: a rebuild by someone else during the run changes nothing.
const snapshot = new Map();
for (const file of ['feedcal.js', ...readdirSync(join(root, 'dist/cdn/chunks')).map((f) => `chunks/${f}`)]) {
  if (file.endsWith('.js')) snapshot.set(`/dist/cdn/${file}`, readFileSync(join(root, 'dist/cdn', file)));
}
const server = await startServer(root, feeds, snapshot);
const feedUrl = (size, format) => `/bench-data/events-${size}.${EXT[format]}`;
log(`serving on ${server.origin}`);

const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  protocolTimeout: 600_000,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--js-flags=--expose-gc', `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
  defaultViewport: VIEWPORT,
  // Puppeteer turns on DevTools' Network domain by default. Chromium then keeps a copy of every
  // response body for the Network panel and decodes text bodies for it, on the page's main thread:
  // for a 2.8 MB feed that is a 13–16 ms task between the feed's last byte and the widget's first
  // paint, for both widgets, that no visitor pays (a trace shows it as `TextResourceDecoder::Decode`
  // in `ResponseBodyLoader::HandleResult`). Nothing here needs network events.
  networkEnabled: false,
});


// ---------------------------------------------------------------------------------------------

async function openPage(file) {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.emulateTimezone(ZONE);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  page.on('pageerror', (error) => log(`page error in ${file}: ${error.message}`));
  return {page, cdp};
}

/**
 * The longest main-thread task in a trace: top-level slices ("toplevel" category) on the
 * renderer main threads, where a task and the microtask checkpoint that directly follows it
 * (Blink traces them as two slices) count as one, as the Long Tasks API counts them.
 */
function longestTraceTask(buffer) {
  const {traceEvents} = JSON.parse(Buffer.from(buffer).toString('utf8'));
  const mainThreads = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
  );
  const byThread = new Map();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !String(e.cat).split(',').includes('toplevel') || !mainThreads.has(thread)) continue;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push({start: e.ts, end: e.ts + (e.dur ?? 0), name: e.name});
  }
  let longest = 0;
  for (const slices of byThread.values()) {
    slices.sort((a, b) => a.start - b.start);
    let current;
    for (const slice of slices) {
      // One task is a top-level slice plus what nests in it and the microtask checkpoint that
      // directly follows it. Separate tasks that merely run back to back (a parse that yields
      // to the page between slices) are not one task: the page could run in between.
      const follows = slice.start <= current?.end + 100 && /MicrotaskCheckpoint/.test(slice.name ?? '');
      if (current && (slice.start < current.end || follows)) current.end = Math.max(current.end, slice.end);
      else current = {...slice};
      longest = Math.max(longest, (current.end - current.start) / 1000);
    }
  }
  return longest;
}

/**
 * One page load of one widget: open the page, create the widget on a feed, wait for the first
 * events to be painted; then DOM size, heap after GC, and (list view) the filter changes.
 */
async function loadRun(widget, {size, format, view, filters}) {
  const file = widget === 'feedcal' ? 'feedcal.html' : 'fullcalendar.html';
  const {page, cdp} = await openPage(file);
  try {
    await page.tracing.start({categories: ['toplevel']});
    await page.goto(`${server.origin}/bench/pages/${file}`, {waitUntil: 'load'});
    await page.waitForFunction('window.benchReady === true');
    const selector = widget === 'feedcal' ? (view === 'month' ? 'event-card, [part~="event"], [data-event-id]' : 'event-card') : view === 'month' ? '.fc-daygrid-event' : '.fc-list-event';
    const load = await page.evaluate((args) => window.benchRun(args), {feed: feedUrl(size, format), view, selector, initialDate: FIRST_DAY});
    const trace = await page.tracing.stop();
    if (load.error) {
      log(`${widget} ${view} ${format} ${size}: ${load.error}`);
      return {error: load.error};
    }
    const run = {
      feedToPaint: load.paint - load.responseEnd,
      feedToDom: load.dom - load.responseEnd,
      fetchToPaint: load.paint - load.fetchStart,
      longestTask: longestTraceTask(trace),
      longestTaskObserved: load.longestTaskObserved,
      events: load.events,
      visible: load.visible,
      cards: load.cards,
      feedBytes: load.bytes,
    };
    const nodes = await page.evaluate(() => window.bench.countNodes());
    run.elements = nodes.elements;
    run.nodes = nodes.nodes;
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
    const {metrics} = await cdp.send('Performance.getMetrics');
    run.heapMB = metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1048576;
    if (filters) {
      const time = async (kind, value) => {
        const r = await page.evaluate((k, v) => window.benchFilter(k, v), kind, value);
        return {ms: r.paint - r.start, visible: r.visible};
      };
      const category = await time('categories', CATEGORY);
      run.filterCategory = category.ms;
      run.filterCategoryVisible = category.visible;
      await time('categories', '');
      await time('search', SEARCH_BEFORE);
      const search = await time('search', SEARCH);
      run.filterSearch = search.ms;
      run.filterSearchVisible = search.visible;
    }
    return run;
  } finally {
    await page.close();
  }
}

async function parseRuns(size) {
  const {page} = await openPage('parse.html');
  try {
    await page.goto(`${server.origin}/bench/pages/parse.html`, {waitUntil: 'load'});
    await page.waitForFunction('window.benchReady === true');
    const out = {};
    for (const format of ['json', 'rss', 'ics']) {
      const runs = size >= 20000 ? Math.min(PARSE_RUNS, RUNS_LARGE) : PARSE_RUNS;
      const r = await page.evaluate((args) => window.benchParse(args), {feed: feedUrl(size, format), format, runs});
      if (r.error) log(`parse ${format} ${size}: ${r.error}`);
      out[format] = {ms: median(r.times), runs: r.times, events: r.events, skipped: r.skipped};
      log(`parse ${format.padEnd(4)} ${String(size).padStart(5)}: ${out[format].ms.toFixed(1)} ms, ${r.events} events, ${r.skipped} skipped`);
    }
    return out;
  } finally {
    await page.close();
  }
}

const summarise = (runs) => {
  const ok = runs.filter((r) => !r.error);
  const keys = Object.keys(ok[0] ?? {});
  const out = Object.fromEntries(keys.map((k) => [k, {median: median(ok.map((r) => r[k])), runs: ok.map((r) => r[k])}]));
  const errors = runs.filter((r) => r.error).map((r) => r.error);
  if (errors.length) out.errors = errors;
  return out;
};

async function main() {
  const chromium = await browser.version();
  const out = {
    generated: new Date().toISOString(),
    machine: machine(chromium),
    build: {...sourceState(), files: buildSize()},
    config: {sizes: SIZES, runs: RUNS, runsLarge: RUNS_LARGE, parseRuns: PARSE_RUNS, listFormats: LIST_FORMATS, seed: SEED, viewport: VIEWPORT, timeZone: ZONE, category: CATEGORY, search: [SEARCH_BEFORE, SEARCH], fullcalendar: fcVersions(), feedcalMonthBuilt, launchArgs: browser.process()?.spawnargs?.slice(1)},
    feeds: feedInfo,
    sizes: {},
  };
  // One discarded load of each page first: the browser's first page pays for its own start-up.
  log('warm-up');
  await loadRun('feedcal', {size: SIZES[0], format: 'json', view: 'list', filters: true});
  await loadRun('fullcalendar', {size: SIZES[0], format: 'json', view: 'list', filters: true});
  for (const size of SIZES) {
    const n = runsFor(size);
    const raw = {feedcal: {list: [], month: [], listRss: [], listIcs: []}, fullcalendar: {list: [], month: []}};
    for (let i = 0; i < n; i++) {
      // Interleaved, so drift in the machine's speed hits both widgets alike.
      raw.feedcal.list.push(await loadRun('feedcal', {size, format: 'json', view: 'list', filters: true}));
      raw.fullcalendar.list.push(await loadRun('fullcalendar', {size, format: 'json', view: 'list', filters: true}));
      raw.fullcalendar.month.push(await loadRun('fullcalendar', {size, format: 'json', view: 'month'}));
      if (feedcalMonthBuilt) raw.feedcal.month.push(await loadRun('feedcal', {size, format: 'json', view: 'month'}));
      if (LIST_FORMATS.includes('rss')) raw.feedcal.listRss.push(await loadRun('feedcal', {size, format: 'rss', view: 'list'}));
      if (LIST_FORMATS.includes('ics')) raw.feedcal.listIcs.push(await loadRun('feedcal', {size, format: 'ics', view: 'list'}));
      const ms = (r) => (r.error ? 'error' : `${r.feedToPaint.toFixed(1)} ms`);
      log(`${size} run ${i + 1}/${n}: list paint feedcal ${ms(raw.feedcal.list.at(-1))} / FC ${ms(raw.fullcalendar.list.at(-1))}; FC month ${ms(raw.fullcalendar.month.at(-1))}`);
    }
    out.sizes[size] = {
      runs: n,
      feedcal: {
        list: summarise(raw.feedcal.list),
        month: feedcalMonthBuilt ? summarise(raw.feedcal.month) : null,
        listRss: raw.feedcal.listRss.length ? summarise(raw.feedcal.listRss) : null,
        listIcs: raw.feedcal.listIcs.length ? summarise(raw.feedcal.listIcs) : null,
        parse: await parseRuns(size),
      },
      fullcalendar: {list: summarise(raw.fullcalendar.list), month: summarise(raw.fullcalendar.month)},
    };
  }
  out.machine.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
  return out;
}

function fcVersions() {
  const v = (p) => JSON.parse(readFileSync(join(root, 'node_modules/@fullcalendar', p, 'package.json'), 'utf8')).version;
  return {core: v('core'), daygrid: v('daygrid'), list: v('list')};
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
// Output.

function rows(r) {
  const out = [];
  const fmtMs = (v) => (v == null ? 'n/a' : v < 10 ? v.toFixed(1) : v.toFixed(0));
  const fmtCount = (v) => (v == null ? 'n/a' : Math.round(v).toLocaleString('en-US'));
  const fmtMB = (v) => (v == null ? 'n/a' : v.toFixed(1));
  const fmtTask = (v) => (v == null ? 'n/a' : fmtMs(v));
  const add = (figure, size, f, c, format, lowerIsBetter = true) => {
    const ratio = typeof f === 'number' && typeof c === 'number' && c > 0 ? f / c : null;
    out.push({figure, size, feedcal: f, fullcalendar: c, ratio, worse: ratio != null && (lowerIsBetter ? ratio > 1 : ratio < 1), format});
  };
  const notBuilt = 'n/a (not built)';
  for (const size of Object.keys(r.sizes).map(Number)) {
    const s = r.sizes[size];
    // A figure whose every run failed shows the error (e.g. the feed refused as too large).
    const m = (x, k) => x?.[k]?.median ?? (x?.errors?.length ? `failed: ${x.errors[0].split(':')[0]}` : null);
    const F = s.feedcal;
    const C = s.fullcalendar;
    add('List: feed received → first events painted (ms)', size, m(F.list, 'feedToPaint'), m(C.list, 'feedToPaint'), fmtMs);
    if (F.listRss) add('List, RSS feed: feed received → first events painted (ms)', size, m(F.listRss, 'feedToPaint'), null, fmtMs);
    if (F.listIcs) add('List, ICS feed: feed received → first events painted (ms)', size, m(F.listIcs, 'feedToPaint'), null, fmtMs);
    add('Month: feed received → first events painted (ms)', size, F.month ? m(F.month, 'feedToPaint') : notBuilt, m(C.month, 'feedToPaint'), fmtMs);
    add('Parse JSON (ms)', size, F.parse.json.ms, null, fmtMs);
    add('Parse RSS (ms)', size, F.parse.rss.ms, null, fmtMs);
    add('Parse ICS (ms)', size, F.parse.ics.ms, null, fmtMs);
    add(`Filter: category "${CATEGORY}" → painted (ms)`, size, m(F.list, 'filterCategory'), m(C.list, 'filterCategory'), fmtMs);
    add(`Filter: search keystroke "${SEARCH_BEFORE}" → "${SEARCH}" → painted (ms)`, size, m(F.list, 'filterSearch'), m(C.list, 'filterSearch'), fmtMs);
    add('List: DOM elements after render (shadow roots included)', size, m(F.list, 'elements'), m(C.list, 'elements'), fmtCount);
    add('Month: DOM elements after render', size, F.month ? m(F.month, 'elements') : notBuilt, m(C.month, 'elements'), fmtCount);
    add('List: JS heap after render and GC (MB)', size, m(F.list, 'heapMB'), m(C.list, 'heapMB'), fmtMB);
    add('Month: JS heap after render and GC (MB)', size, F.month ? m(F.month, 'heapMB') : notBuilt, m(C.month, 'heapMB'), fmtMB);
    add('List: longest main-thread task, page load → painted (ms)', size, m(F.list, 'longestTask'), m(C.list, 'longestTask'), fmtTask);
    add('Month: longest main-thread task, page load → painted (ms)', size, F.month ? m(F.month, 'longestTask') : notBuilt, m(C.month, 'longestTask'), fmtTask);
  }
  return out;
}

function markdown(r) {
  const table = rows(r);
  const cell = (row, v) => (typeof v === 'string' ? v : row.format(v));
  const lines = [];
  const mc = r.machine;
  const dirty = r.build.srcDirty ? ' plus uncommitted changes in src/' : '';
  lines.push(`Build: dist/cdn from commit ${r.build.commit}${dirty} (entry ${r.build.files.find((f) => f.path.endsWith('/feedcal.js'))?.bytes.toLocaleString('en-US')} B min).`);
  lines.push(`Run ${r.generated} on ${mc.cpu}, ${mc.cores} cores, ${mc.memoryGB} GB, ${mc.os}; ${mc.chromium} (headless), Node ${mc.node}.`);
  if (mc.loadAverageAtStart) lines.push(`Load average (1/5/15 min) at start ${mc.loadAverageAtStart.join(' / ')}, at end ${mc.loadAverageAtEnd?.join(' / ')}: other work on the machine during the run shows up as noise.`);
  lines.push(
    `FullCalendar ${r.config.fullcalendar.core} (core ${r.config.fullcalendar.core}, daygrid ${r.config.fullcalendar.daygrid}, list ${r.config.fullcalendar.list}), global builds; viewport ${r.config.viewport.width}×${r.config.viewport.height}; time zone ${r.config.timeZone}; seed ${r.config.seed}.`
  );
  const runNote = r.config.sizes.map((s) => `${s.toLocaleString('en-US')}: ${r.sizes[s].runs}`).join(', ');
  lines.push(`Medians of page loads per size (${runNote}); parse: median of ${r.config.parseRuns} after a warm-up (${Math.min(r.config.parseRuns, r.config.runsLarge)} at ≥ 20,000). Ratio = feedcal / FullCalendar; **bold** where feedcal is worse.`);
  lines.push('');
  lines.push('| figure | size | feedcal | FullCalendar | ratio |');
  lines.push('|---|---:|---:|---:|---:|');
  for (const row of table) {
    const ratio = row.ratio == null ? '—' : row.worse ? `**${row.ratio.toFixed(2)}**` : row.ratio.toFixed(2);
    lines.push(`| ${row.figure} | ${row.size.toLocaleString('en-US')} | ${cell(row, row.feedcal)} | ${row.fullcalendar == null ? '—' : cell(row, row.fullcalendar)} | ${ratio} |`);
  }
  const worse = table.filter((row) => row.worse);
  lines.push('');
  if (worse.length) {
    lines.push('Where feedcal is slower or bigger than FullCalendar:');
    for (const row of worse) lines.push(`- ${row.figure}, ${row.size.toLocaleString('en-US')} events: feedcal ${row.format(row.feedcal)}, FullCalendar ${row.format(row.fullcalendar)} (×${row.ratio.toFixed(2)})`);
  } else {
    lines.push('feedcal is not slower or bigger than FullCalendar on any figure measured for both.');
  }
  const failures = [];
  for (const size of r.config.sizes) {
    for (const [widget, views] of Object.entries(r.sizes[size])) {
      if (widget === 'runs') continue;
      for (const [view, summary] of Object.entries(views)) if (summary?.errors) failures.push(`- ${widget} ${view}, ${size.toLocaleString('en-US')} events: ${summary.errors.length} of ${r.sizes[size].runs} loads failed: ${summary.errors[0]}`);
    }
  }
  if (failures.length) lines.push('', 'Failed loads:', ...failures);
  lines.push('');
  lines.push('Sanity (median per load): events parsed / shown');
  for (const size of r.config.sizes) {
    const s = r.sizes[size];
    const m = (x, k) => x?.[k]?.median ?? '—';
    lines.push(
      `- ${size.toLocaleString('en-US')}: feedcal JSON ${m(s.feedcal.list, 'events')} events, ${m(s.feedcal.list, 'cards')} cards rendered; ` +
        `parse JSON/RSS/ICS ${s.feedcal.parse.json.events}/${s.feedcal.parse.rss.events}/${s.feedcal.parse.ics.events} events; ` +
        `FullCalendar ${m(s.fullcalendar.list, 'events')} events, ${m(s.fullcalendar.list, 'visible')} list rows, ${m(s.fullcalendar.month, 'visible')} month-grid events in the DOM; ` +
        `category filter keeps ${m(s.feedcal.list, 'filterCategoryVisible')} (feedcal) / ${m(s.fullcalendar.list, 'filterCategoryVisible')} (FC), search ${m(s.feedcal.list, 'filterSearchVisible')} / ${m(s.fullcalendar.list, 'filterSearchVisible')}`
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The few figures the project README shows: each as "feedcal / FullCalendar (ratio)" per size,
 * with the machine; the whole table stays in bench/README.md.
 */
function summary(r) {
  const figures = [
    'List: feed received → first events painted (ms)',
    'Month: feed received → first events painted (ms)',
    `Filter: category "${CATEGORY}" → painted (ms)`,
    `Filter: search keystroke "${SEARCH_BEFORE}" → "${SEARCH}" → painted (ms)`,
    'List: DOM elements after render (shadow roots included)',
    'List: longest main-thread task, page load → painted (ms)',
  ];
  const table = rows(r);
  const sizes = r.config.sizes;
  const cell = (row) => {
    if (!row || typeof row.feedcal !== 'number') return '—';
    const ratio = row.ratio == null ? '' : ` (${row.worse ? `**×${row.ratio.toFixed(2)}**` : `×${row.ratio.toFixed(2)}`})`;
    return `${row.format(row.feedcal)} / ${row.fullcalendar == null ? '—' : row.format(row.fullcalendar)}${ratio}`;
  };
  const lines = [
    `feedcal / FullCalendar 6, medians; ×: feedcal ÷ FullCalendar, **bold** where feedcal is worse. Commit ${r.build.commit}, ${r.machine.cpu} (${r.machine.cores} cores), ${r.machine.chromium} headless, ${r.generated.slice(0, 10)}.`,
    '',
    `| figure | ${sizes.map((size) => `${size.toLocaleString('en-US')} events`).join(' | ')} |`,
    `|---|${sizes.map(() => '---:').join('|')}|`,
    ...figures.map((figure) => `| ${figure} | ${sizes.map((size) => cell(table.find((row) => row.figure === figure && row.size === size))).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
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
  writeFileSync(`${OUT}.md`, `# feedcal vs FullCalendar: latest benchmark\n\n${md}`);
  console.log('\n' + md);
  // The README shows the latest complete run (all four sizes, full run counts).
  const full = [100, 1000, 5000, 20000].every((s) => SIZES.includes(s)) && RUNS >= 5 && !env.BENCH_OUT;
  if (!full) return;
  if (replaceBetweenMarkers(join(root, 'bench/README.md'), 'bench:latest', md)) log('updated the latest table in bench/README.md');
  if (replaceBetweenMarkers(join(root, 'README.md'), 'bench:summary', summary(r))) log('updated the summary in README.md');
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
