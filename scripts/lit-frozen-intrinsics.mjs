// Lit's reactive-element module adds `Symbol.metadata` when the browser has none
// (`Symbol.metadata ??= Symbol('metadata')`, for standard decorators). On a page that froze its
// built-ins before our script ran (SES's lockdown(): wallets, Agoric, MetaMask Snaps) that one
// assignment throws "Cannot add property metadata, object is not extensible", the module fails
// and no feedcal element is ever defined: 0 cards. feedcal declares its properties with `static
// properties`, never with decorators, so Lit needs no metadata symbol: where it cannot be added,
// Lit reads `this[undefined]`, finds nothing and goes on. This transform wraps that assignment
// in try/catch, in the CDN build (rollup.config.mjs) and in the test runner's dev server
// (web-test-runner.config.mjs), and fails loudly when a Lit release no longer has it.
const ASSIGNMENT = /Symbol\.metadata\s*\?\?=\s*Symbol\((['"])metadata\1\)/;
const GUARDED = '(()=>{try{Symbol.metadata??=Symbol("metadata")}catch{}})()';
const REACTIVE_ELEMENT = /[\\/]@lit[\\/]reactive-element[\\/](development[\\/])?reactive-element\.js$/;

/** `code` with Lit's Symbol.metadata assignment guarded, when `id` is reactive-element.js; else undefined. */
export function guardLitMetadata(code, id) {
  if (!REACTIVE_ELEMENT.test(id.split('?')[0])) return undefined;
  if (!ASSIGNMENT.test(code))
    throw new Error(`${id}: Lit's Symbol.metadata assignment was not found; check scripts/lit-frozen-intrinsics.mjs against this Lit release.`);
  return code.replace(ASSIGNMENT, GUARDED);
}

/** The rollup plugin. */
export const litOnFrozenIntrinsics = () => ({
  name: 'lit-on-frozen-intrinsics',
  transform(code, id) {
    const patched = guardLitMetadata(code, id);
    return patched === undefined ? null : {code: patched, map: null};
  },
});

/** The @web/dev-server plugin (the test runner serves node_modules unbundled). */
export const litOnFrozenIntrinsicsDevServer = () => ({
  name: 'lit-on-frozen-intrinsics',
  transform(context) {
    if (typeof context.body !== 'string') return undefined;
    const patched = guardLitMetadata(context.body, context.path);
    return patched === undefined ? undefined : {body: patched};
  },
});
