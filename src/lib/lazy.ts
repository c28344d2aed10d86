/**
 * Code that only some pages need (a parser, the month grid, the filter bar, a language, the
 * details dialog…) arrives through `lazy()`, the one way the project imports a module on demand,
 * with one failure policy:
 *
 * - one request at a time, shared by every caller (a page with ten lists asks once);
 * - a chunk that fails to load (a 404 after a deploy, a dropped connection) is not remembered as
 *   failed for ever: the next need asks for it again;
 * - meanwhile `failed` says so, and what depends on the module degrades visibly (the month view
 *   shows the month's events as a list, the filter bar is left out) instead of "Loading…" for ever.
 */
export interface Lazy<T> {
  /** The module, once it has loaded. */
  readonly module: T | undefined;
  /** The last attempt failed and none is under way. */
  readonly failed: boolean;
  /** The module: loaded now if it has not been, or again if the last attempt failed. */
  load(): Promise<T>;
}

export function lazy<T>(importModule: () => Promise<T>): Lazy<T> {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  let failed = false;
  return {
    get module() {
      return module;
    },
    get failed() {
      return failed;
    },
    load() {
      if (module) return Promise.resolve(module);
      return (loading ??= importModule().then(
        (loaded) => {
          failed = false;
          return (module = loaded);
        },
        (error: unknown) => {
          loading = undefined;
          failed = true;
          throw error;
        }
      ));
    },
  };
}
