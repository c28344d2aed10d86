// Packs the WordPress plugin into dist/feedcal-wordpress-<version>.zip: the plugin folder
// integrations/wordpress/feedcal/ and the widget's current dist/cdn/ files (in assets/feedcal/,
// so the plugin needs no CDN), all under one folder, feedcal/, as WordPress's "Upload Plugin"
// expects. Run after `npm run build` (npm run build:wordpress).
//
// The plugin's list of <event-list> and <event-source> attributes
// (includes/element-attributes.php) is generated here from custom-elements.json, so it cannot
// drift from the element: the file is rewritten in the source tree too, and a change shows in git.
//
// Node only: a small zip writer over node:zlib (deflateRawSync, crc32), no system zip and no
// dependency. SOURCE_DATE_EPOCH, when set, fixes every file's time (a reproducible archive).
import {existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {deflateRawSync} from 'node:zlib';
import * as zlib from 'node:zlib';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const plugin = join(root, 'integrations', 'wordpress', 'feedcal');
const cdn = join(root, 'dist', 'cdn');
const manifestPath = join(root, 'custom-elements.json');
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', `feedcal-wordpress-${version}.zip`);
const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;

if (!existsSync(join(cdn, 'feedcal.js'))) fail('dist/cdn/feedcal.js is missing; run npm run build first');
if (!existsSync(manifestPath)) fail('custom-elements.json is missing; run npm run build first');

// The plugin's version must be the package's: WordPress shows it and compares it for updates.
const main = readFileSync(join(plugin, 'feedcal.php'), 'utf8');
const readme = readFileSync(join(plugin, 'readme.txt'), 'utf8');
for (const [what, found] of [
  ['feedcal.php "Version:"', /^ \* Version:\s*(\S+)/m.exec(main)?.[1]],
  ['feedcal.php FEEDCAL_VERSION', /define\( 'FEEDCAL_VERSION', '([^']+)' \)/.exec(main)?.[1]],
  ['readme.txt "Stable tag:"', /^Stable tag:\s*(\S+)/m.exec(readme)?.[1]],
]) {
  if (found !== version) fail(`${what} is ${found ?? 'missing'}, but package.json's version is ${version}; make them the same`);
}

const attributesFile = join(plugin, 'includes', 'element-attributes.php');
writeFileSync(attributesFile, elementAttributesPhp(JSON.parse(readFileSync(manifestPath, 'utf8'))));

const entries = [];
for (const file of walk(plugin)) {
  const name = relative(plugin, file).split(sep).join('/');
  if (name.startsWith('assets/feedcal/')) continue; // a local copy; the zip takes dist/cdn/
  entries.push({name: `feedcal/${name}`, file});
}
for (const file of walk(cdn)) {
  if (file.endsWith('.map')) continue; // source maps stay out of the plugin: half its size, no use on a blog
  entries.push({name: `feedcal/assets/feedcal/${relative(cdn, file).split(sep).join('/')}`, file});
}
const license = join(root, 'LICENSE');
if (existsSync(license)) entries.push({name: 'feedcal/assets/feedcal/LICENSE', file: license});
entries.sort((a, b) => a.name.localeCompare(b.name));

writeFileSync(out, zip(entries));
console.log(`pack-wordpress: ${relative(root, out)} (${entries.length} files, ${statSync(out).size} B)`);

function fail(message) {
  console.error(`pack-wordpress: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, {withFileTypes: true})
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * includes/element-attributes.php: each element's attributes with the kind of value the
 * plugin checks (urls, url, proxy, boolean, string) and, for a fixed set of words, the words.
 */
function elementAttributesPhp(manifest) {
  const elements = {};
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName !== 'event-list' && declaration.tagName !== 'event-source') continue;
      const attributes = {};
      for (const attribute of declaration.attributes ?? []) {
        if (attribute.name === 'lang') continue; // a global attribute, written by the plugin anyway
        const type = attribute.type?.text ?? '';
        let kind = 'string';
        if (attribute.name === 'src') kind = declaration.tagName === 'event-list' ? 'urls' : 'url';
        else if (attribute.name === 'proxy') kind = 'proxy';
        else if (type === 'boolean') kind = 'boolean';
        const words = [...type.matchAll(/'([^']+)'/g)].map((m) => m[1]);
        attributes[attribute.name] = {kind, words};
      }
      elements[declaration.tagName] = attributes;
    }
  }
  if (!elements['event-list'] || !elements['event-source']) fail('custom-elements.json has no <event-list> or <event-source>');
  const php = (s) => `'${String(s).replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const lines = [
    '<?php',
    '/**',
    ' * GENERATED by scripts/pack-wordpress.mjs from custom-elements.json: do not edit. The attributes',
    ' * of <event-list> and <event-source> the shortcode and block accept, with the kind of value each',
    ' * takes, and the words of those that take one of a fixed set.',
    ' *',
    ' * @package feedcal',
    ' */',
    '',
    "defined( 'ABSPATH' ) || exit;",
    '',
    '/**',
    ' * Attribute name => kind (urls, url, proxy, boolean or string) for one element.',
    ' *',
    ' * @param string $tag event-list or event-source.',
    ' * @return array',
    ' */',
    'function feedcal_element_attributes( $tag ) {',
    '\t$kinds = feedcal_element_attribute_table();',
    '\treturn isset( $kinds[ $tag ] ) ? array_map(',
    '\t\tfunction ( $attribute ) {',
    "\t\t\treturn $attribute['kind'];",
    '\t\t},',
    '\t\t$kinds[ $tag ]',
    '\t) : array();',
    '}',
    '',
    '/**',
    ' * Every attribute with its kind and words.',
    ' *',
    ' * @return array',
    ' */',
    'function feedcal_element_attribute_table() {',
    '\treturn array(',
  ];
  for (const [tag, attributes] of Object.entries(elements)) {
    lines.push(`\t\t${php(tag)} => array(`);
    for (const [name, {kind, words}] of Object.entries(attributes)) {
      lines.push(`\t\t\t${php(name)} => array( 'kind' => ${php(kind)}, 'words' => array(${words.length ? ` ${words.map(php).join(', ')} ` : ''}) ),`);
    }
    lines.push('\t\t),');
  }
  lines.push('\t);', '}', '');
  return lines.join('\n');
}

// ---- zip --------------------------------------------------------------------------------

/** A zip archive (deflate, or stored when that is smaller) of `entries` ({name, file}). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const {name, file} of entries) {
    const data = readFileSync(file);
    const deflated = deflateRawSync(data, {level: 9});
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const {time, date} = dosTime(epoch !== undefined ? new Date(epoch * 1000) : statSync(file).mtime);
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = (signature, extra) => {
      const h = Buffer.alloc(extra ? 46 : 30);
      let i = 0;
      const u32 = (v) => (h.writeUInt32LE(v >>> 0, i), (i += 4));
      const u16 = (v) => (h.writeUInt16LE(v, i), (i += 2));
      u32(signature);
      if (extra) u16(0x0314); // made by: Unix, zip 2.0
      u16(20); // needed to extract: 2.0
      u16(0x0800); // flags: names are UTF-8
      u16(stored ? 0 : 8);
      u16(time);
      u16(date);
      u32(crc);
      u32(body.length);
      u32(data.length);
      u16(nameBytes.length);
      u16(0); // extra field length
      if (extra) {
        u16(0); // comment length
        u16(0); // disk number
        u16(0); // internal attributes
        u32((0o100644 << 16) >>> 0); // external attributes: a regular file, rw-r--r--
        u32(offset);
      }
      return h;
    };
    const local = Buffer.concat([fields(0x04034b50, false), nameBytes, body]);
    centrals.push(Buffer.concat([fields(0x02014b50, true), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

function dosTime(when) {
  const year = Math.max(1980, when.getFullYear());
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

let table;
function crc32(data) {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  table ??= Array.from({length: 256}, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
