import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import {litOnFrozenIntrinsics} from './scripts/lit-frozen-intrinsics.mjs';

// Two outputs, kept apart as lit.dev advises:
// - dist/: unbundled ES modules with .d.ts for npm users and their bundlers (bare imports kept);
// - dist/cdn/: one minified entry a blog loads with a single <script type="module">, with the
//   rarely needed code (ical.js, DOMPurify) in chunks beside it, loaded on demand.
const external = (id) => /^(lit|@lit|date-fns|@date-fns|ical\.js|dompurify|linkify-it|lean-qr|@xmldom\/xmldom|parse5)(\/|$)/.test(id) || id.startsWith('node:');

export default [
  {
    input: ['src/index.ts', 'src/event-list.ts', 'src/event-card.ts', 'src/event-next.ts', 'src/relay/relay.ts', 'src/relay/node.ts', 'src/relay/worker.ts', 'src/cli/feedcal.ts'],
    external,
    output: {dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src'},
    plugins: [typescript({tsconfig: './tsconfig.json', outDir: 'dist', declaration: true, declarationMap: true})],
  },
  {
    input: {feedcal: 'src/index.ts'},
    // Let the entry hold the shared code itself, rather than a facade that loads a second file.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      // A language's strings keep a plain name (chunks/sv.js): the entry names every language, and
      // 38 hashes would cost it about 450 B gzip. Like the entry, they are data a release may
      // change; a key a cached older copy lacks falls back to English (lib/i18n.ts).
      // Their error tables (loaded by the error details) are chunks/errors-<language>-<hash>.js, their
      // share menus' strings chunks/share-<language>-<hash>.js.
      chunkFileNames: (chunk) => {
        const locale = /[\\/]src[\\/]lib[\\/]locales[\\/]((errors|share)[\\/])?[\w-]+\.ts$/.exec(chunk.facadeModuleId ?? '');
        return !locale ? 'chunks/[name]-[hash].js' : locale[2] ? `chunks/${locale[2]}-[name]-[hash].js` : 'chunks/[name].js';
      },
      sourcemap: true,
    },
    plugins: [
      // Lit's production build: no dev-mode warnings in what blogs load.
      resolve({exportConditions: ['production'], browser: true}),
      // Lit defined on a page that froze its built-ins (scripts/lit-frozen-intrinsics.mjs).
      litOnFrozenIntrinsics(),
      // Lit's minifier for html`` and css`` templates (lit.dev: "Minify HTML and CSS").
      minifyHTML({
        failOnError: true,
        options: {
          // Runs of whitespace become one space, never none: the space before a badge stays.
          minifyOptions: {conservativeCollapse: true},
          // The theme palettes are lists of declarations for a rule, not a stylesheet of their
          // own: the CSS parser would refuse them, so they stay as written.
          shouldMinifyCSS: (template) => /css/i.test(template.tag ?? '') && template.parts.some((part) => part.text.includes('{')),
        },
      }),
      typescript({tsconfig: './tsconfig.json', outDir: 'dist/cdn', declaration: false, declarationMap: false, sourceMap: true}),
      terser({ecma: 2021, module: true, format: {comments: false}, compress: {passes: 2}}),
    ],
  },
];
