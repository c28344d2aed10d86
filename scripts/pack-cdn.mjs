// Packs dist/cdn/ into dist/feedcal-cdn-<version>.tar.gz, with everything under one folder,
// feedcal/, that a site uploads as it is (feedcal/feedcal.js, feedcal/chunks/…). Node only:
// a small ustar writer and node:zlib, no system tar and no dependency. Runs at the end of
// `npm run build`. SOURCE_DATE_EPOCH, when set, fixes every file's time (a reproducible archive).
import {readFileSync, readdirSync, statSync, writeFileSync, existsSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdn = join(root, 'dist', 'cdn');
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', `feedcal-cdn-${version}.tar.gz`);
const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;

if (!existsSync(join(cdn, 'feedcal.js'))) fail('dist/cdn/feedcal.js is missing; run rollup first (npm run build)');

// The folder's files are the entry and the chunks it reaches (static and dynamic imports), each
// with its source map: a chunk left over from an earlier build that skipped the clean step is
// not shipped. Every import must be relative ("./chunks/…", "../feedcal.js"), so the folder
// works from any path on any host.
const reached = new Set();
const queue = [join(cdn, 'feedcal.js')];
while (queue.length) {
  const file = queue.shift();
  if (reached.has(file)) continue;
  if (!existsSync(file)) fail(`${relative(root, file)} is imported but missing`);
  reached.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) {
    if (!spec.startsWith('./') && !spec.startsWith('../')) fail(`${relative(root, file)} imports "${spec}", which is not relative to it`);
    queue.push(join(dirname(file), spec));
  }
}
const files = [...reached].flatMap((file) => (existsSync(`${file}.map`) ? [file, `${file}.map`] : [file])).sort();
const stale = walk(cdn).filter((file) => !files.includes(file));
if (stale.length)
  console.warn(`pack-cdn: left out ${stale.length} file(s) no import reaches (an earlier build's chunks?): ${stale.map((f) => relative(cdn, f)).join(', ')}`);

const entries = [dirEntry('feedcal/')];
for (const file of files) entries.push(fileEntry(`feedcal/${relative(cdn, file).split(sep).join('/')}`, file));
const license = join(root, 'LICENSE');
if (existsSync(license)) entries.push(fileEntry('feedcal/LICENSE', license));
// Two zero blocks end a tar archive.
const tar = Buffer.concat([...entries, Buffer.alloc(1024)]);
writeFileSync(out, gzipSync(tar, {level: 9}));
console.log(`pack-cdn: ${relative(root, out)} (${files.length} files, ${statSync(out).size} B)`);

function fail(message) {
  console.error(`pack-cdn: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

function fileEntry(name, file) {
  const body = readFileSync(file);
  const mtime = epoch ?? Math.floor(statSync(file).mtimeMs / 1000);
  const pad = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header(name, {size: body.length, mtime, mode: 0o644, type: '0'}), body, pad]);
}

function dirEntry(name) {
  return header(name, {size: 0, mtime: epoch ?? Math.floor(Date.now() / 1000), mode: 0o755, type: '5'});
}

// One 512-byte ustar header; a name over 100 bytes is split at a "/" into prefix and name.
function header(path, {size, mtime, mode, type}) {
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', path.length - 2);
    [prefix, name] = [path.slice(0, cut), path.slice(cut + 1)];
    if (cut < 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`pack-cdn: path too long for ustar: ${path}`);
  }
  const h = Buffer.alloc(512);
  const put = (value, offset, length) => h.write(value, offset, length, 'utf8');
  const octal = (n, offset, length) => put(n.toString(8).padStart(length - 1, '0') + '\0', offset, length);
  put(name, 0, 100);
  octal(mode, 100, 8);
  octal(0, 108, 8); // uid
  octal(0, 116, 8); // gid
  octal(size, 124, 12);
  octal(mtime, 136, 12);
  put('        ', 148, 8); // checksum field counts as spaces while summing
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('feedcal', 265, 32); // uname
  put('feedcal', 297, 32); // gname
  put(prefix, 345, 155);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}
