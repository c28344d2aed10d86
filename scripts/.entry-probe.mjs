import {rollup} from 'rollup';
import {gzipSync} from 'node:zlib';
import {writeFileSync} from 'node:fs';
const root = process.argv[2] ?? '/work/coalition19';
process.chdir(root);
const configs = (await import(root + '/rollup.config.mjs')).default;
const config = configs[1];
const bundle = await rollup({...config, onwarn: () => {}});
const {output} = await bundle.generate(config.output);
const mods = {};
for (const c of output) if (c.type === 'chunk' && (c.isEntry || /event-next|source-badges|filter-bar/.test(c.fileName))) {
  console.log(c.fileName, c.code.length, gzipSync(c.code, {level: 9}).length, c.isEntry ? 'exports: ' + c.exports.length : '');
  if (c.isEntry) for (const [id, m] of Object.entries(c.modules)) mods[id.replace(root, '')] = m.renderedLength;
}
writeFileSync(process.argv[3] ?? '/tmp/coalition19-mods.json', JSON.stringify(mods, null, 1));
