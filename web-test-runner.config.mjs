import {readdir, readFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {startNoCorsServer, testRoutes} from './test/network/fault-server.mjs';
import {litOnFrozenIntrinsicsDevServer} from './scripts/lit-frozen-intrinsics.mjs';

// The shared corpus of real feeds lives beside the checkout and is never copied into it.
// It is served raw under /corpus/ (the dev server would otherwise re-encode text files as UTF-8,
// which hides charset bugs), with /corpus/index.json listing every file.
const corpusDir = fileURLToPath(new URL('../shared/fixtures/feeds/', import.meta.url));

async function listFiles(dir) {
  const entries = await readdir(dir, {withFileTypes: true});
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
  );
  return nested.flat();
}

async function serveCorpus(context, next) {
  if (context.path.startsWith('/shared/fixtures/feeds/')) context.path = `/corpus/${context.path.slice(23)}`;
  if (!context.path.startsWith('/corpus/')) return next();
  if (!existsSync(corpusDir)) {
    context.status = 404;
    return;
  }
  if (context.path === '/corpus/index.json') {
    const files = (await listFiles(corpusDir)).map((file) => relative(corpusDir, file)).filter((file) => !file.endsWith('.md') || file.startsWith('markdown/'));
    context.body = JSON.stringify(files.sort());
    context.type = 'application/json';
    return;
  }
  const file = join(corpusDir, decodeURIComponent(context.path.slice('/corpus/'.length)));
  if (!file.startsWith(corpusDir) || !existsSync(file)) {
    context.status = 404;
    return;
  }
  context.body = await readFile(file);
  context.type = 'application/octet-stream';
}

// The third-party XSS payload lists (test/security/corpora.ts) live beside the checkout too and
// are served the same way under /xss-corpora/, with /xss-corpora/index.json listing the lists.
const xssCorporaDir = fileURLToPath(new URL('../shared/fixtures/xss-corpora/', import.meta.url));

async function serveXssCorpora(context, next) {
  if (!context.path.startsWith('/xss-corpora/')) return next();
  const name = decodeURIComponent(context.path.slice('/xss-corpora/'.length));
  if (name === 'index.json') {
    const files = existsSync(xssCorporaDir) ? (await readdir(xssCorporaDir)).filter((file) => /\.(txt|json)$/.test(file)) : [];
    context.body = JSON.stringify(files.sort());
    context.type = 'application/json';
    return;
  }
  const file = join(xssCorporaDir, name);
  if (!file.startsWith(xssCorporaDir) || name.includes('/') || !existsSync(file)) {
    context.status = 404;
    return;
  }
  context.body = await readFile(file);
  context.type = 'application/octet-stream';
}

// One plain closing line ("Tests: N passed, N failed, N skipped") that CI logs can be read by.
function summaryReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) totals[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    stop({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0};
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed++;
      }
      process.stdout.write(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}

// Fault injection, generated feeds, request counts and the strict-CSP page for test/network and
// test/security (see test/network/fault-server.mjs), and a second origin without CORS headers.
const noCors = startNoCorsServer();

export default {
  // test/node/ runs in Node (npm run test:node), not in the browser.
  // Node's own tests (npm run test:node, test:package, test:hugo, test:wordpress) live in these folders,
  // and test/integrations/relay-*.test.ts (the relay guides' Node tests, beside the snippets' browser test).
  files: ['test/**/*.test.ts', ...['node', 'relay', 'cli', 'package', 'hugo', 'wordpress'].map((folder) => `!test/${folder}/**`), '!test/integrations/relay-*.test.ts'],
  nodeResolve: {exportConditions: ['development']},
  concurrency: 1,
  testFramework: {config: {timeout: 10000}},
  // Each test page sets the calendar's clock before its test file loads (test/helpers/clock.ts).
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
    <script type="module" src="/test/helpers/page-setup.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
  middleware: [serveCorpus, serveXssCorpora, testRoutes({noCorsOrigin: noCors.origin})],
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [
    esbuildPlugin({ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url))}),
    // Lit on a page that froze its built-ins, as in the CDN build (test/security/frozen-builtins.test.ts).
    litOnFrozenIntrinsicsDevServer(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        // `npm run test:time-travel` moves the browser's clock years away (test/time-travel/chromium):
        // every test must still pass, because nothing may read the wall clock instead of the
        // calendar's own (src/lib/clock.ts), which each test page sets (test/helpers/clock.ts).
        executablePath: process.env.FEEDCAL_TIME_TRAVEL
          ? fileURLToPath(new URL('./test/time-travel/chromium', import.meta.url))
          : (process.env.CHROME_PATH ?? '/usr/bin/chromium'),
        // The reader's zone is UTC on every machine: a card labels its times with the list's zone
        // when the reader's clock differs, so what the tests read must not depend on where CI runs.
        env: {...process.env, TZ: 'UTC'},
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
          // test/network/many-widgets.test.ts: a GC it can force and a heap size that is not rounded.
          '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
    }),
  ],
};
