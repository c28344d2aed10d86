// Builds the configurator into dist/configurator/ (the last step of `npm run build`): one bundled
// module, the page and its stylesheet. The page loads the widget from ../cdn/feedcal.js, so
// dist/ uploaded as it is (or served by `npm start`) works on any host, from any folder.
import {build} from 'esbuild';
import {copyFileSync, mkdirSync, statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('../dist/configurator/');
mkdirSync(out, {recursive: true});
await build({
  entryPoints: [here('src/main.ts')],
  outfile: `${out}configurator.js`,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  legalComments: 'none',
  tsconfig: here('../tsconfig.json'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'configurator.css']) copyFileSync(here(file), `${out}${file}`);
console.log(`configurator: dist/configurator/ (configurator.js ${statSync(`${out}configurator.js`).size} B)`);
