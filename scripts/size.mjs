// `npm run size`: what the CDN build costs a page, checked against size-budget.json.
//
// Reads the files `npm run build` wrote to dist/cdn (it never builds by itself) and prints:
//   1. min / gzip (zlib level 9) / brotli (quality 11) bytes of dist/cdn/feedcal.js and of each
//      on-demand chunk, grouped by the chunk's name before its hash (`rss-B3HNE-Ru.js` → `rss`);
//   2. the total a page downloads per scenario: the entry, the chunks the scenario loads on
//      demand, and everything those files import statically (followed in the built files, not
//      hard-coded), each file counted once.
// Then it compares the gzip figures with size-budget.json and exits 1 naming every budget
// exceeded. Gzip, because that is what the budgets (and the figures quoted for FullCalendar)
// are in; brotli is shown because CDNs serve it.
//
//   node scripts/size.mjs             table + budget check
//   node scripts/size.mjs --json      the same figures as JSON on stdout (budget check still applies)
//   node scripts/size.mjs --modules   also rebuild the CDN config in memory with rollup's JS API
//                                     and list what each module contributes to the entry chunk
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cdn = join(root, 'dist/cdn');
const entryFile = 'feedcal.js';
const args = new Set(process.argv.slice(2));

/**
 * What a page loads for each view. `chunks` are chunk-name prefixes loaded on demand on top of
 * the entry; `optional` scenarios print "not built" when their chunk does not exist yet.
 */
const SCENARIOS = [
  // First load: what a page needs before its first events are painted.
  {name: 'list + JSON feed', chunks: ['json']},
  // The same on a Swedish page: UI strings other than English are a chunk of their own.
  {name: 'list + JSON feed, Swedish page', chunks: ['json', 'sv']},
  {name: 'list + RSS feed', chunks: ['rss']},
  {name: 'list + ICS feed', chunks: ['ics']},
  // A JSON feed whose descriptions carry markup: DOMPurify comes in through sanitize.
  {name: 'list + HTML descriptions', chunks: ['json', 'sanitize', 'purify']},
  {name: 'month view', chunks: ['month-view', 'json'], optional: 'month-view'},
  // density="compact": the one-line card comes with the feed.
  {name: 'compact list + JSON feed', chunks: ['json', 'compact-line']},
  // A search (the visitor's, or the page's `search`): its words are marked in the cards.
  {name: 'list + JSON feed, a search', chunks: ['json', 'highlight']},
  // sync-url: the filters, view, month and open event in the address.
  {name: 'list + JSON feed, sync-url', chunks: ['json', 'url-state']},
  // A refresh failed: the last good copy with its age.
  {name: 'list + JSON feed, a stale copy', chunks: ['json', 'feed-cache', 'stale-notice']},
  // After the first paint, without any visitor action: the stored copy is written and the
  // schema.org data for search engines.
  {name: 'list + JSON feed, once idle', chunks: ['json', 'feed-cache', 'structured-data']},
  // A visitor opens a card: its details and the add-to-calendar links.
  {name: 'list + JSON feed, a card opened', chunks: ['json', 'card-details', 'ics-export']},
  // A page with only <event-next> (a "next meeting" line in the header): the entry fetches the
  // badge's chunk when it finds one.
  {name: 'next-event badge + JSON feed', chunks: ['event-next', 'json']},
  // A coalition calendar (two or more sources): their chips and colours, with the filter bar.
  {name: 'coalition list + JSON feeds, source chips', chunks: ['json', 'source-badges', 'filter-bar']},
];

// ---------------------------------------------------------------------------------------------

const sizesOf = (bytes) => ({
  min: bytes.length,
  gzip: gzipSync(bytes, {level: 9}).length,
  brotli: brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length,
});

/** `rss-B3HNE-Ru.js` → `rss`. Rollup's default [hash] is 8 base64url characters. */
const prefixOf = (file) => file.replace(/\.js$/, '').replace(/-[\w-]{8}$/, '');

/**
 * Static imports of a built ES module: rollup hoists `import … from "x"` / `import "x"` to the
 * top of each chunk, and re-exports are `export {…} from "x"` / `export * from "x"`. Dynamic
 * `import("x")` is on demand and deliberately not followed.
 */
function staticImports(code) {
  const found = [];
  const leading = /^\s*import\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+)["']\s*;?/;
  let rest = code;
  for (let match = leading.exec(rest); match; match = leading.exec(rest)) {
    found.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  for (const match of code.matchAll(/export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) found.push(match[1]);
  return found;
}

const dynamicImports = (code) => [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

function readBuild() {
  if (!existsSync(join(cdn, entryFile))) {
    console.error(`size: ${relative(root, join(cdn, entryFile))} is missing; run \`npm run build\` first.`);
    process.exit(2);
  }
  const files = [entryFile, ...readdirSync(join(cdn, 'chunks')).filter((f) => f.endsWith('.js')).sort().map((f) => `chunks/${f}`)];
  const modules = new Map();
  for (const file of files) {
    const bytes = readFileSync(join(cdn, file));
    const code = bytes.toString('utf8');
    const resolveSpecifier = (spec) => relative(cdn, resolve(dirname(join(cdn, file)), spec)).split('\\').join('/');
    modules.set(file, {
      file,
      prefix: file === entryFile ? 'feedcal' : prefixOf(file.slice('chunks/'.length)),
      ...sizesOf(bytes),
      imports: staticImports(code).filter((s) => s.startsWith('.')).map(resolveSpecifier),
      dynamic: dynamicImports(code).filter((s) => s.startsWith('.')).map(resolveSpecifier),
    });
  }
  return modules;
}

/** The files a page downloads when it loads `starts`: each, plus what it imports statically. */
function closure(modules, starts) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    const module = modules.get(file);
    if (!module) throw new Error(`${file} is imported but not in dist/cdn`);
    seen.add(file);
    module.imports.forEach(visit);
  };
  starts.forEach(visit);
  return [...seen];
}

function measure(modules) {
  const groups = new Map();
  for (const module of modules.values()) {
    const group = groups.get(module.prefix) ?? {prefix: module.prefix, files: [], min: 0, gzip: 0, brotli: 0};
    group.files.push(module.file);
    group.min += module.min;
    group.gzip += module.gzip;
    group.brotli += module.brotli;
    groups.set(module.prefix, group);
  }
  const filesWithPrefix = (prefix) => [...modules.values()].filter((m) => m.prefix === prefix).map((m) => m.file);
  const scenarios = SCENARIOS.map((scenario) => {
    if (scenario.optional && !filesWithPrefix(scenario.optional).length) {
      return {name: scenario.name, built: false, reason: `no ${scenario.optional}-*.js chunk in dist/cdn/chunks`};
    }
    const starts = [entryFile];
    for (const prefix of scenario.chunks) {
      const files = filesWithPrefix(prefix);
      if (!files.length) throw new Error(`scenario "${scenario.name}" needs a ${prefix}-*.js chunk, and dist/cdn/chunks has none`);
      starts.push(...files);
    }
    const files = closure(modules, starts);
    const total = {min: 0, gzip: 0, brotli: 0};
    for (const file of files) for (const key of Object.keys(total)) total[key] += modules.get(file)[key];
    return {name: scenario.name, built: true, files, requests: files.length, ...total};
  });
  return {groups: [...groups.values()], scenarios};
}

// ---------------------------------------------------------------------------------------------

const kb = (bytes) => (bytes / 1024).toFixed(1);
const fmt = (bytes) => `${bytes.toLocaleString('en-US')} (${kb(bytes)} KB)`;

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const cell = (value, i) => (align[i] === 'r' ? String(value).padStart(widths[i]) : String(value).padEnd(widths[i]));
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function loadBudget() {
  const file = join(root, 'size-budget.json');
  if (!existsSync(file)) {
    console.error('size: size-budget.json is missing.');
    process.exit(2);
  }
  const budget = JSON.parse(readFileSync(file, 'utf8'));
  return {scenarios: budget.scenarios ?? {}, chunks: budget.chunks ?? {}, targets: budget.targets ?? {}};
}

function check(result, budget) {
  const over = [];
  const status = (gzip, limit) => (limit === undefined ? '—' : gzip <= limit ? 'ok' : `OVER by ${(gzip - limit).toLocaleString('en-US')}`);
  for (const group of result.groups) {
    group.budget = budget.chunks[group.prefix];
    group.status = status(group.gzip, group.budget);
    if (group.budget !== undefined && group.gzip > group.budget) over.push({kind: 'chunk', name: group.prefix, gzip: group.gzip, budget: group.budget});
  }
  for (const scenario of result.scenarios) {
    scenario.budget = budget.scenarios[scenario.name];
    if (!scenario.built) {
      scenario.status = 'not built';
      continue;
    }
    scenario.status = status(scenario.gzip, scenario.budget);
    // A target is where the issue wants the scenario to get; shown, not enforced (budgets are).
    scenario.target = budget.targets[scenario.name];
    if (scenario.target !== undefined) scenario.targetStatus = scenario.gzip <= scenario.target ? 'met' : `not met: ${kb(scenario.gzip)} / ${kb(scenario.target)} KB (×${(scenario.gzip / scenario.target).toFixed(2)})`;
    if (scenario.budget !== undefined && scenario.gzip > scenario.budget) over.push({kind: 'scenario', name: scenario.name, gzip: scenario.gzip, budget: scenario.budget});
  }
  const unknown = Object.keys(budget.chunks).filter((p) => !result.groups.some((g) => g.prefix === p));
  return {over, unknown};
}

function print(result, {over, unknown}) {
  console.log('Files in dist/cdn (bytes; gzip = zlib level 9, brotli = quality 11)\n');
  console.log(
    table(
      ['chunk', 'files', 'min', 'gzip', 'brotli', 'gzip budget', 'status'],
      result.groups.map((g) => [g.prefix, g.files.join(' '), g.min, g.gzip, g.brotli, g.budget ?? '—', g.status]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'l']
    )
  );
  console.log('\nWhat a page downloads per scenario (entry + on-demand chunks + their static imports)\n');
  console.log(
    table(
      ['scenario', 'requests', 'min', 'gzip', 'brotli', 'gzip budget', 'status', 'target'],
      result.scenarios.map((s) =>
        s.built
          ? [s.name, s.requests, s.min, s.gzip, s.brotli, s.budget ?? '—', s.status, s.targetStatus ?? '—']
          : [s.name, '—', 'not built', 'not built', 'not built', s.budget ?? '—', `not built (${s.reason})`, '—']
      ),
      ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l']
    )
  );
  for (const s of result.scenarios.filter((x) => x.built)) console.log(`  ${s.name}: ${s.files.join(' + ')}`);
  if (unknown.length) console.log(`\nNote: size-budget.json has budgets for chunks that are not built: ${unknown.join(', ')}.`);
  if (over.length) {
    console.error('\nSize budget exceeded (gzip bytes):');
    for (const o of over) {
      const pct = (((o.gzip - o.budget) / o.budget) * 100).toFixed(1);
      console.error(`  ${o.kind} "${o.name}": ${fmt(o.gzip)} > budget ${fmt(o.budget)}, over by ${(o.gzip - o.budget).toLocaleString('en-US')} B (+${pct} %)`);
    }
    console.error('Trim the code (see `node scripts/size.mjs --modules` for what the entry is made of); raising a budget is a decision for the issue, not for this script.');
  } else {
    console.log('\nAll size budgets kept.');
  }
}

// ---------------------------------------------------------------------------------------------
// --modules: what the entry chunk is made of.

/** `node_modules/@lit/reactive-element/…` → `@lit/reactive-element`; `src/lib/x.ts` stays. */
function packageOf(id) {
  const rel = relative(root, id.replace(/^\0/, '')).split('\\').join('/');
  const nm = rel.lastIndexOf('node_modules/');
  if (nm < 0) return rel;
  const parts = rel.slice(nm + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

async function moduleBreakdown() {
  const {rollup} = await import('rollup');
  const {minify} = await import('terser');
  const configs = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
  const config = [configs].flat().find((c) => [c.output].flat().some((o) => String(o?.dir ?? '').replace(/\/$/, '') === 'dist/cdn'));
  if (!config) throw new Error('rollup.config.mjs has no config writing to dist/cdn');
  const output = [config.output].flat()[0];
  const previous = process.cwd();
  process.chdir(root);
  console.log('\nRebuilding the CDN config in memory (nothing is written)…');
  const bundle = await rollup({...config, onwarn: () => {}});
  const {output: chunks} = await bundle.generate(output);
  await bundle.close();
  process.chdir(previous);

  for (const chunk of chunks.filter((c) => c.type === 'chunk' && c.isEntry)) {
    const rows = [];
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (!info.renderedLength) continue;
      // Each module minified and gzipped on its own: an estimate (gzip shares context across
      // modules in the real file), good for ranking, not for summing to the byte.
      let min = info.renderedLength;
      let gzip = gzipSync(info.code ?? '', {level: 9}).length;
      if (info.code) {
        const out = await minify(info.code, {module: false, toplevel: false, compress: {passes: 2}, mangle: true, format: {comments: false}});
        min = out.code.length;
        gzip = gzipSync(out.code, {level: 9}).length;
      }
      rows.push({module: relative(root, id.replace(/^\0/, '')) || id, pkg: packageOf(id), rendered: info.renderedLength, min, gzip});
    }
    const chunkGzip = gzipSync(chunk.code, {level: 9}).length;
    const totalRendered = rows.reduce((s, r) => s + r.rendered, 0);
    rows.sort((a, b) => b.gzip - a.gzip);
    console.log(
      `\nEntry chunk ${chunk.fileName}: ${chunk.code.length.toLocaleString('en-US')} B min, ${chunkGzip.toLocaleString('en-US')} B gzip; ` +
        `${rows.length} modules, ${totalRendered.toLocaleString('en-US')} B rendered before terser.\n` +
        'renderedLength is rollup\'s figure (after tree-shaking, before minifying); "≈min" and "≈gzip" minify and gzip each module alone.\n'
    );
    const byPackage = new Map();
    for (const r of rows) {
      const p = byPackage.get(r.pkg) ?? {pkg: r.pkg, modules: 0, rendered: 0, min: 0, gzip: 0};
      p.modules++;
      p.rendered += r.rendered;
      p.min += r.min;
      p.gzip += r.gzip;
      byPackage.set(r.pkg, p);
    }
    const groupRows = (name) => (name.startsWith('src/') ? 'src/' + (name.split('/').length > 2 ? name.split('/').slice(1, -1).join('/') + '/' : '') : name);
    const grouped = new Map();
    for (const p of byPackage.values()) {
      const key = groupRows(p.pkg);
      const g = grouped.get(key) ?? {pkg: key, modules: 0, rendered: 0, min: 0, gzip: 0};
      g.modules += p.modules;
      g.rendered += p.rendered;
      g.min += p.min;
      g.gzip += p.gzip;
      grouped.set(key, g);
    }
    const sumGzip = rows.reduce((s, r) => s + r.gzip, 0);
    console.log('By package / source folder:\n');
    console.log(
      table(
        ['package or folder', 'modules', 'rendered', '≈min', '≈gzip', 'share'],
        [...grouped.values()].sort((a, b) => b.gzip - a.gzip).map((g) => [g.pkg, g.modules, g.rendered, g.min, g.gzip, `${((g.gzip / sumGzip) * 100).toFixed(1)} %`]),
        ['l', 'r', 'r', 'r', 'r', 'r']
      )
    );
    console.log('\nBy module (largest first):\n');
    console.log(
      table(
        ['module', 'rendered', '≈min', '≈gzip'],
        rows.map((r) => [r.module, r.rendered, r.min, r.gzip]),
        ['l', 'r', 'r', 'r']
      )
    );
  }
}

// ---------------------------------------------------------------------------------------------

const modules = readBuild();
let result;
try {
  result = measure(modules);
} catch (error) {
  console.error(`size: ${error.message}`);
  process.exit(2);
}
const verdict = check(result, loadBudget());
if (args.has('--json')) console.log(JSON.stringify({...result, over: verdict.over}, null, 2));
else print(result, verdict);
if (args.has('--modules')) await moduleBreakdown();
process.exitCode = verdict.over.length ? 1 : 0;
