/**
 * The npm package as a user gets it: `npm pack` (no lifecycle scripts, so the build on disk is
 * what is packed; CI builds first), its file list, then an install of the tarball into a fresh
 * project, a type-check of TypeScript that uses the public API, an esbuild bundle of it, and
 * that bundle rendering events in Chromium.
 *
 * The install runs offline: the fresh project gets a lockfile whose entries (versions and
 * integrity) come from this repository's package-lock.json, so `npm ci --offline` takes every
 * dependency from the npm cache that `npm ci` filled, and no registry is asked.
 */
import {after, before, describe, it, type TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {launchChromium, ROOT, sendFile, serve} from './helpers.js';

interface PackedFile {
  path: string;
  size: number;
}
interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  integrity: string;
  files: PackedFile[];
}
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('the npm package', {timeout: 120_000}, () => {
  let dir: string;
  let packed: Packed;
  let paths: Set<string>;

  before(() => {
    if (!existsSync(join(ROOT, 'dist/index.js')) || !existsSync(join(ROOT, 'dist/cdn/feedcal.js'))) {
      throw new Error('dist/ is missing: run npm run build first');
    }
    dir = mkdtempSync(join(tmpdir(), 'feedcal-pack-'));
    const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    [packed] = JSON.parse(out) as Packed[];
    paths = new Set(packed.files.map((f) => f.path));
  });

  after(() => {
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  it('holds the built code, types, manifest and documents', (t: TestContext) => {
    const groups = new Map<string, PackedFile[]>();
    for (const file of packed.files) {
      const group = file.path.endsWith('.map')
        ? 'source maps'
        : file.path.endsWith('.d.ts')
          ? 'dist/**/*.d.ts'
          : file.path.startsWith('dist/cdn/')
            ? 'dist/cdn/ (entry + chunks)'
            : file.path.startsWith('dist/')
              ? 'dist/ other files (the npm build)'
              : file.path;
      groups.set(group, [...(groups.get(group) ?? []), file]);
    }
    t.diagnostic(`${packed.filename}: ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.files.length} files`);
    for (const [group, files] of groups) t.diagnostic(`  ${group}: ${files.length} file(s), ${kb(files.reduce((sum, f) => sum + f.size, 0))}`);

    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/event-list.js',
      'dist/event-list.d.ts',
      'dist/event-card.js',
      'dist/cdn/feedcal.js',
    ];
    // And whatever package.json points at: main, types, bin and every export.
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
    for (const path of [...required, ...targets.map((p) => p.replace(/^\.\//, ''))]) assert.ok(paths.has(path), `${path} is in the package`);
    // Every chunk the CDN entry imports is there too.
    const entry = readFileSync(join(ROOT, 'dist/cdn/feedcal.js'), 'utf8');
    for (const [, chunk] of entry.matchAll(/import\("\.\/(chunks\/[^"]+\.js)"\)/g)) assert.ok(paths.has(`dist/cdn/${chunk}`), `dist/cdn/${chunk} is in the package`);

    const unwanted = packed.files.filter((f) =>
      /^(test|src|bench|demo|scripts|node_modules|\.ci|\.github)\/|^(tsconfig.*\.json|rollup\.config\.mjs|web-test-runner\.config\.mjs|eslint\.config\.mjs|size-budget\.json)$|^dist\/feedcal-cdn-.*\.(tar\.gz|zip)$|\.tgz$/.test(
        f.path
      )
    );
    assert.deepEqual(
      unwanted.map((f) => f.path),
      [],
      'no tests, sources, tooling or the self-host archive'
    );
    // The guides ship as text (the widget's details for the site owner link docs/relay.md on the CDN); their pictures do not.
    assert.ok(paths.has('docs/relay.md'), 'docs/relay.md is in the package');
    const docsNotText = packed.files.filter((f) => f.path.startsWith('docs/') && !/^docs\/[^/]+\.md$/.test(f.path));
    assert.deepEqual(
      docsNotText.map((f) => f.path),
      [],
      'only the guides, as Markdown'
    );
  });

  it('ships source maps only when they can be used', () => {
    // A map is worth shipping only if a debugger can show its sources: embedded, or packed.
    const useless: string[] = [];
    for (const file of packed.files.filter((f) => f.path.endsWith('.map'))) {
      const map = JSON.parse(readFileSync(join(ROOT, file.path), 'utf8')) as {sources: string[]; sourcesContent?: (string | null)[]};
      const base = file.path.split('/').slice(0, -1);
      const missing = map.sources.filter((source, i) => {
        if (map.sourcesContent?.[i]) return false;
        const resolved = [...base];
        for (const part of source.split('/')) part === '..' ? resolved.pop() : part !== '.' && resolved.push(part);
        return !paths.has(resolved.join('/'));
      });
      if (missing.length) useless.push(`${file.path} (${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''})`);
    }
    assert.deepEqual(useless.slice(0, 5), [], `${useless.length} packed source maps point at sources that are neither embedded nor packed`);
  });

  it('installs offline into a fresh project, type-checks, bundles and renders', async (t: TestContext) => {
    const project = join(dir, 'site');
    mkdirSync(project);
    const spec = `file:../${packed.filename}`;
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'a-site', private: true, type: 'module', dependencies: {feedcal: spec}}, null, 2));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(spec, packed.integrity), null, 2));
    const started = Date.now();
    execFileSync(npm, ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {cwd: project, stdio: ['ignore', 'pipe', 'pipe']});
    t.diagnostic(`npm ci --offline: ${Date.now() - started} ms`);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/feedcal/package.json'), 'utf8')) as {version: string};
    assert.equal(installed.version, pkg.version);
    for (const dep of Object.keys(pkg.dependencies)) assert.ok(existsSync(join(project, 'node_modules', dep, 'package.json')), `${dep} is installed`);

    // The site's own code, written against the public API.
    writeFileSync(
      join(project, 'main.ts'),
      `import {EventListElement, EventCardElement, EventListLoadEvent, type CalendarEvent} from 'feedcal';

const list = document.querySelector('event-list');
if (!(list instanceof EventListElement)) throw new Error('<event-list> is not defined');
const typed: EventListElement = list;
const events: CalendarEvent[] = [
  {id: 'a', title: 'Medlemsmöte', start: new Date('2026-12-10T17:00:00Z'), allDay: false, categories: ['Möte'], locations: [], source: 'site'},
  {id: 'b', title: 'Julfest', start: new Date('2026-12-19T16:00:00Z'), end: new Date('2026-12-19T22:00:00Z'), allDay: false, categories: [], locations: ['Folkets hus'], source: 'site'},
];
typed.addEventListener('event-list-load', (e) => {
  const load: EventListLoadEvent = e;
  console.log(load.events.length);
});
typed.when = 'all';
typed.events = events;
const card: EventCardElement | null = document.createElement('event-card');
Object.assign(window, {feedcalReady: card instanceof EventCardElement});
`
    );
    // A deliberate mistake must fail the type-check, so a passing one means the types were read.
    writeFileSync(join(project, 'wrong.ts'), `import type {CalendarEvent} from 'feedcal';\nexport const e: CalendarEvent = {id: 1, title: 'x'};\n`);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          lib: ['es2022', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['main.ts'],
      })
    );
    writeFileSync(join(project, 'tsconfig.wrong.json'), JSON.stringify({extends: './tsconfig.json', files: ['wrong.ts']}));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const check = (...args: string[]) => execFileSync(process.execPath, [tsc, ...args], {cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
    try {
      check('-p', 'tsconfig.json');
    } catch (error) {
      assert.fail(`tsc failed on main.ts:\n${(error as {stdout?: string}).stdout}`);
    }
    assert.throws(
      () => check('-p', 'tsconfig.wrong.json'),
      (error: {stdout?: string}) => /wrong\.ts.*error TS2322/s.test(error.stdout ?? ''),
      'a wrong CalendarEvent fails the type-check'
    );

    const result = await build({
      absWorkingDir: project,
      entryPoints: ['main.ts'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outdir: 'public',
      splitting: true,
      metafile: true,
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const bundled = Object.entries(result.metafile.outputs).reduce((sum, [, o]) => sum + o.bytes, 0);
    t.diagnostic(`esbuild: ${Object.keys(result.metafile.outputs).length} files, ${kb(bundled)} minified`);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.some((p) => p.startsWith('node_modules/feedcal/dist/')),
      'bundled from the installed package'
    );
    assert.ok(!inputs.some((p) => /node_modules\/(@xmldom|parse5)\//.test(p)), 'no Node-only parser helpers in the browser bundle');
    writeFileSync(
      join(project, 'public/index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A site</title></head><body>
<event-list lang="en" time-zone="Europe/Stockholm"></event-list><script type="module" src="main.js"></script></body></html>`
    );

    const site = await serve((_req, res, path) => sendFile(res, path === '/' ? '/index.html' : path, '/', join(project, 'public')));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${site.origin}/`);
      const titles = await page.waitForFunction(
        () => {
          const cards = [...(document.querySelector('event-list')?.shadowRoot?.querySelectorAll('event-card') ?? [])];
          const titles = cards.map((card) => card.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim());
          return titles.length === 2 && titles.every(Boolean) && titles;
        },
        {timeout: 15_000}
      );
      assert.deepEqual(await titles.jsonValue(), ['Medlemsmöte', 'Julfest']);
      assert.equal(await page.evaluate(() => (window as unknown as {feedcalReady?: boolean}).feedcalReady), true);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

/**
 * A lockfile for a project that depends only on the packed tarball: feedcal's dependencies and
 * theirs, each at the version, path and integrity this repository's lockfile has, so that
 * `npm ci --offline` resolves everything from the npm cache.
 */
function consumerLock(spec: string, integrity: string) {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {packages: Record<string, LockEntry>};
  const packages: Record<string, LockEntry> = {
    '': {name: 'a-site', dependencies: {feedcal: spec}},
    'node_modules/feedcal': {version: pkg.version, resolved: spec.replace(/^file:/, 'file:'), integrity, license: 'MIT', dependencies: pkg.dependencies},
  };
  // Node's lookup: from the requiring package's folder up to the top.
  const find = (from: string, name: string): string => {
    for (let at = from; ; at = at.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      const path = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (lock.packages[path]) return path;
      if (!at) throw new Error(`package-lock.json has no ${name} for ${from || 'the root'}`);
    }
  };
  const queue: [string, Record<string, string>][] = [['', pkg.dependencies]];
  while (queue.length) {
    const [from, deps] = queue.shift()!;
    for (const name of Object.keys(deps)) {
      const path = find(from, name);
      if (packages[path]) continue;
      const {dev: _dev, devOptional: _devOptional, peer: _peer, ...entry} = lock.packages[path];
      packages[path] = entry;
      queue.push([path, {...entry.dependencies, ...entry.optionalDependencies}]);
    }
  }
  return {name: 'a-site', lockfileVersion: 3, requires: true, packages};
}
