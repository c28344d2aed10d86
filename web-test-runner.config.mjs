import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: {exportConditions: ['development']},
  // The shared fixture corpus lives beside the checkout; serve from the parent so the corpus
  // test can fetch `/shared/fixtures/feeds/…` when that folder exists.
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  concurrency: 1,
  testFramework: {config: {timeout: 10000}},
  plugins: [
    esbuildPlugin({ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url))}),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      },
    }),
  ],
};
