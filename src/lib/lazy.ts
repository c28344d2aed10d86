/**
 * Code that only some pages need (a parser, the month grid, the filter bar, a language, the
 * details dialog, the sanitiser…) arrives through `lazy()`, the one way the project imports a
 * module on demand, with one failure policy:
 *
 * - one request at a time, shared by every caller (a page with ten lists asks once);
 * - a chunk that fails to load (a 404 after a deploy, a dropped connection) is not remembered as
 *   failed for ever: the next need asks for it again. `import()` itself allows that: the HTML
 *   standard no longer keeps a failed fetch in the module map, and Chromium (checked in 156: a
 *   module that answered 404, then was served, loads at the second `import()` of the same URL)
 *   fetches it again, so no cache-busting query is needed. Only a failure the HTTP cache keeps (a
 *   404 sent with `Cache-Control: max-age`) comes back from that cache until it expires;
 * - meanwhile `failed` says so, and what depends on the module degrades visibly (the month view
 *   shows the month's events as a list, the filter bar is left out, a card opens without its
 *   extras) instead of "Loading…" for ever.
 *
 * What counts as the next need is the caller's to say (a click, another month, another list):
 * never "drawn again", for a failure draws again, which would ask again, for ever.
 */
export interface Lazy<T> {
  /** The module, once it has loaded. */
  readonly module?: T;
  /** The last attempt failed (true until one succeeds, also while the next is under way). */
  readonly failed: boolean;
  /** The module: loaded now if it has not been, or again if the last attempt failed. */
  load(): Promise<T>;
  /** As `load()`, but `undefined` when the module cannot be had now: for callers that do without it. */
  tryLoad(): Promise<T | undefined>;
}

export function lazy<T>(importModule: () => Promise<T>): Lazy<T> {
  let loading: Promise<T> | undefined;
  const self: {-readonly [K in keyof Lazy<T>]: Lazy<T>[K]} = {
    failed: false,
    load: () =>
      (loading ??= importModule().then(
        (module) => {
          self.failed = false;
          return (self.module = module);
        },
        (error: unknown) => {
          loading = undefined;
          self.failed = true;
          throw error;
        }
      )),
    tryLoad: () => self.load().catch(() => undefined),
  };
  return self;
}
