// `npm run bench:trace`: where a small feed's time goes. Loads bench/pages/feedcal.html (the CDN
// build, as a blog has it) on a generated JSON feed of 100 events and, to compare, 1,000, in the
// desktop and the phone profile of `npm run bench`, with a Chromium trace (DevTools timeline,
// network, V8 sampling), and writes bench/results/trace.md: every request (the feed and each
// chunk: when it was asked for, its first and last byte), the main thread's work from the feed's
// last byte to the first frame showing events, split by chunk and by function (decode, parse,
// render), and the medians over the loads. Needs a prior `npm run build`.
//
//   BENCH_TRACE_SIZES=100,1000  BENCH_TRACE_RUNS=3  BENCH_TRACE_PROFILES=desktop,phone
//   BENCH_TRACE_KEEP=1          also writes each raw trace as bench/results/trace-<profile>-<size>-<run>.json
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {execFileSync} from 'node:child_process';
import puppeteer from 'puppeteer-core';
import {DEFAULT_SEED, FIRST_DAY, generateFeeds} from './generate.mjs';
import {startServer} from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const SIZES = (env.BENCH_TRACE_SIZES ?? '100,1000').split(',').map(Number);
const RUNS = Number(env.BENCH_TRACE_RUNS ?? 3);
const PROFILE_NAMES = (env.BENCH_TRACE_PROFILES ?? 'desktop,phone').split(',');
const PROFILES = {
  desktop: {viewport: {width: 1000, height: 800}, cpu: 1, network: null},
  phone: {viewport: {width: 412, height: 915}, cpu: 4, network: {offline: false, latency: 400, downloadThroughput: 200_000, uploadThroughput: 93_750}},
};
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute', 'toplevel', 'disabled-by-default-v8.cpu_profiler'];
const median = (v) => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (v) => (Number.isFinite(v) ? (Math.abs(v) < 10 ? v.toFixed(1) : v.toFixed(0)) : '—');

const feeds = new Map(SIZES.map((size) => [`events-${size}.json`, generateFeeds(size, DEFAULT_SEED).json]));
const snapshot = new Map();
for (const file of ['feedcal.js', ...readdirSync(join(root, 'dist/cdn/chunks')).map((f) => `chunks/${f}`)]) {
  if (file.endsWith('.js')) snapshot.set(`/dist/cdn/${file}`, readFileSync(join(root, 'dist/cdn', file)));
}
const server = await startServer(root, feeds, snapshot);
await server.warm(['/bench/pages/feedcal.html', '/bench/pages/harness.js']);
const browser = await puppeteer.launch({
  executablePath: env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 300_000,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  networkEnabled: false,
});

/** Short name of a URL: the chunk's file, the feed, the page. */
const short = (url) => {
  if (!url) return '(page)';
  const path = new URL(url, server.origin).pathname;
  return path.replace(/^\/dist\/cdn\/(chunks\/)?/, '').replace(/^\/bench-data\//, 'feed ').replace(/^\/bench\/pages\//, '');
};

/** One traced load: the page's own marks plus the trace's requests, main-thread tasks and samples. */
async function traceLoad(profile, size, preload = []) {
  const page = await browser.newPage();
  try {
    await page.setViewport(profile.viewport);
    await page.emulateTimezone('Europe/Stockholm');
    const cdp = await page.createCDPSession();
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', {rate: profile.cpu});
    if (profile.network) {
      await cdp.send('Network.enable', {maxTotalBufferSize: 0, maxResourceBufferSize: 0});
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    await page.tracing.start({categories: CATEGORIES});
    await page.goto(`${server.origin}/bench/pages/feedcal.html?feed=/bench-data/events-${size}.json&view=list&date=${FIRST_DAY}${preload.length ? `&preload=${preload.join(',')}` : ''}`, {waitUntil: 'domcontentloaded'});
    const first = await page.evaluate(() => window.bench.finished);
    await page.evaluate(() => window.bench.afterNextPaint());
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    if (first.error) throw new Error(first.error);
    return {first, trace};
  } finally {
    await page.close();
  }
}

/** Everything the report needs from one trace, in ms from navigation start. */
function analyse({first, trace}) {
  const events = trace.traceEvents;
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.includes('feedcal.html'));
  const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const at = (ts) => (ts - t0) / 1000;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const paintTs = mark('bench:first-events-painted')?.ts;
  const paint = paintTs ? at(paintTs) : first.paint;
  // Requests: asked for, first byte, last byte.
  const requests = new Map();
  for (const e of events) {
    const d = e.args?.data;
    if (!d?.requestId) continue;
    if (e.name === 'ResourceSendRequest') requests.set(d.requestId, {url: short(d.url), sent: at(e.ts), priority: d.priority});
    const r = requests.get(d.requestId);
    if (!r) continue;
    if (e.name === 'ResourceReceiveResponse') r.response = at(e.ts);
    if (e.name === 'ResourceFinish') {
      r.finish = at(e.ts);
      r.bytes = d.encodedDataLength;
    }
  }
  const feed = [...requests.values()].find((r) => r.url.startsWith('feed '));
  // How long after the feed's last byte the preview chunk (imported statically by the json chunk,
  // so nothing of the json chunk runs before it is there) arrived; negative: it was there first.
  const preview = [...requests.values()].find((r) => /^preview-/.test(r.url));
  const feedEnd = first.responseEnd;
  // Main-thread tasks between the feed's last byte and the frame showing events.
  // The page's renderer only: headless Chromium runs its own WebUI pages in other renderers.
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!nav || e.pid === nav.pid)).map((e) => `${e.pid}:${e.tid}`));
  const slices = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const inWindow = (e) => at(e.ts) >= feedEnd - 0.5 && at(e.ts) <= paint;
  const kinds = {};
  for (const e of slices.filter(inWindow)) {
    const name = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' ? `${e.name} ${short(e.args?.data?.url)}` : e.name;
    if (!['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) kinds[name] = (kinds[name] ?? 0) + (e.dur ?? 0) / 1000;
  }
  const busy = slices.filter((e) => inWindow(e) && String(e.cat).includes('toplevel')).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  // V8 samples: self time per function and per script in the window.
  const nodes = new Map();
  const perFunction = {};
  const perScript = {};
  let sampleTs = null;
  for (const e of events) {
    if (nav && e.pid !== nav.pid) continue;
    if (e.name === 'Profile') sampleTs = e.args?.data?.startTime ?? sampleTs;
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      sampleTs += deltas[i] ?? 0;
      const t = at(sampleTs);
      const next = deltas[i + 1] ?? 0;
      if (t < feedEnd || t > paint) continue;
      const frame = nodes.get(samples[i])?.callFrame ?? {};
      const fn = frame.functionName || (frame.url ? '(anonymous)' : '(native or idle)');
      if (fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)') {
        perFunction[fn] = (perFunction[fn] ?? 0) + next / 1000;
        continue;
      }
      const script = frame.url ? short(frame.url) : '(native)';
      perFunction[`${fn} [${script}]`] = (perFunction[`${fn} [${script}]`] ?? 0) + next / 1000;
      perScript[script] = (perScript[script] ?? 0) + next / 1000;
    }
  }
  return {
    paint,
    feedStart: first.fetchStart,
    feedFirstByte: first.responseStart,
    feedEnd,
    feedToPaint: paint - feedEnd,
    previewWait: preview?.finish != null && feed?.finish != null ? preview.finish - feed.finish : NaN,
    idleInWindow: slices.filter((e) => inWindow(e) && e.name === 'FireIdleCallback').reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    requests: [...requests.values()].sort((a, b) => a.sent - b.sent),
    requestsAfterFeed: [...requests.values()].filter((r) => feed && r.sent > feed.sent && !r.url.startsWith('feed ')),
    kinds,
    busy,
    perFunction,
    perScript,
  };
}

const top = (object, n) =>
  Object.entries(object)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

const lines = [];
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
  } catch {
    return 'unknown';
  }
})();
lines.push('# Where a small feed’s time goes: traces of feedcal loading 100 and 1,000 events', '');
lines.push(`Written by \`npm run bench:trace\` (bench/trace.mjs) from dist/cdn of commit ${commit}, ${new Date().toISOString()}, ${cpus()[0]?.model} (${cpus().length} cores), load average at start ${loadavg().map((x) => x.toFixed(1)).join(' / ')}.`);
lines.push('Times in ms from navigation start (the page is bench/pages/feedcal.html, `<event-list>` in the markup); "feed → paint" is from the feed’s last byte to the end of the frame that shows the first cards. Medians of the loads; the timeline is the load closest to the median.', '');
const summary = [];
// The variant: the preview chunk (which the json chunk imports statically, so that the browser
// asks for it only once the json chunk has arrived) preloaded from the page, in parallel with the rest.
const previewChunk = [...snapshot.keys()].find((path) => /\/chunks\/preview-[^/]*\.js$/.test(path));
const VARIANTS = [{name: 'as built', preload: []}, ...(previewChunk && env.BENCH_TRACE_VARIANT !== '0' ? [{name: 'preview chunk preloaded', preload: [previewChunk]}] : [])];
for (const name of PROFILE_NAMES) {
  const profile = PROFILES[name];
  for (const size of SIZES) for (const variant of VARIANTS) {
    const loads = [];
    for (let i = 0; i < RUNS; i++) {
      const load = await traceLoad(profile, size, variant.preload);
      if (env.BENCH_TRACE_KEEP) {
        mkdirSync(join(root, 'bench/results'), {recursive: true});
        writeFileSync(join(root, `bench/results/trace-${name}-${size}-${i + 1}.json`), JSON.stringify(load.trace));
      }
      loads.push(analyse(load));
      console.log(`[trace] ${name} ${size} ${variant.name} run ${i + 1}/${RUNS}: feed end ${ms(loads.at(-1).feedEnd)}, paint ${ms(loads.at(-1).paint)}, feed → paint ${ms(loads.at(-1).feedToPaint)} ms`);
    }
    const m = (k) => median(loads.map((l) => l[k]));
    const typical = loads.reduce((a, b) => (Math.abs(b.feedToPaint - m('feedToPaint')) < Math.abs(a.feedToPaint - m('feedToPaint')) ? b : a));
    summary.push({profile: name, size, variant: variant.name, feedStart: m('feedStart'), feedFirstByte: m('feedFirstByte'), feedEnd: m('feedEnd'), paint: m('paint'), feedToPaint: m('feedToPaint'), busy: m('busy'), previewWait: m('previewWait'), idleInWindow: m('idleInWindow'), afterFeed: typical.requestsAfterFeed.map((r) => r.url).join(', ') || 'none'});
    lines.push(`## ${name}, ${size.toLocaleString('en-US')} events, ${variant.name}`, '');
    lines.push(`Feed asked for at ${ms(m('feedStart'))}, first byte ${ms(m('feedFirstByte'))}, last byte ${ms(m('feedEnd'))}; first events painted at ${ms(m('paint'))}: **feed → paint ${ms(m('feedToPaint'))} ms** (loads: ${loads.map((l) => ms(l.feedToPaint)).join(', ')}), of which the main thread was busy ${ms(m('busy'))} ms.`, '');
    lines.push('| request | asked for | first byte | last byte | bytes on the wire |', '|---|---:|---:|---:|---:|');
    for (const r of typical.requests) lines.push(`| ${r.url} | ${ms(r.sent)} | ${ms(r.response)} | ${ms(r.finish)} | ${r.bytes ?? '—'} |`);
    lines.push('', `Requests sent after the feed was asked for: ${typical.requestsAfterFeed.map((r) => `${r.url} (${ms(r.sent)} → ${ms(r.finish)})`).join(', ') || 'none'}.`, '');
    lines.push('Main thread from the feed’s last byte to the paint, by trace event (ms, nested events counted in each):', '');
    lines.push(top(typical.kinds, 12).map(([k, v]) => `${k} ${ms(v)}`).join(' · '), '');
    lines.push('Sampled JavaScript in that window, self time by script (ms):', '');
    lines.push(top(typical.perScript, 8).map(([k, v]) => `${k} ${ms(v)}`).join(' · ') || '—', '');
    lines.push('…and by function (top 12):', '');
    lines.push(top(typical.perFunction, 12).map(([k, v]) => `${k} ${ms(v)}`).join(' · ') || '—', '');
  }
}
lines.splice(4, 0, '| profile | events | variant | feed asked for | feed last byte | first events painted | feed → paint | main thread busy in it | preview chunk’s last byte after the feed’s | idle callbacks in it | requested after the feed |', '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|', ...summary.map((s) => `| ${s.profile} | ${s.size.toLocaleString('en-US')} | ${s.variant} | ${ms(s.feedStart)} | ${ms(s.feedEnd)} | ${ms(s.paint)} | ${ms(s.feedToPaint)} | ${ms(s.busy)} | ${ms(s.previewWait)} | ${ms(s.idleInWindow)} | ${s.afterFeed} |`), '');
await browser.close();
await server.close();
mkdirSync(join(root, 'bench/results'), {recursive: true});
writeFileSync(join(root, 'bench/results/trace.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
