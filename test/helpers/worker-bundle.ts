/**
 * A module bundled the way Cloudflare's own bundler would for workerd (esbuild, neutral platform,
 * the `workerd`/`worker` export conditions), for the Node tests that run code in Miniflare.
 */
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

export async function bundleForWorkers(entry: URL): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'import', 'default'],
    target: 'es2022',
    logLevel: 'error',
  });
  return bundle.outputFiles[0].text;
}
