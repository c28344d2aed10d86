/**
 * Work that should wait until the page is idle: drawing cards below the fold, storing a copy of
 * the feed, writing data for search engines. Safari has no `requestIdleCallback`; there a short
 * timer stands in for it.
 */
export function whenIdle(callback: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), {timeout});
  else setTimeout(callback, Math.min(timeout, 50));
}
