/**
 * The one place a test waits on time. Everything else waits for what it is waiting for: an event
 * (`oneEvent`), an element's `updateComplete`, a frame (`nextFrame`), or a condition
 * (`waitUntil`). A few tests check that something does NOT happen — a plain list never fetches
 * the dialog's code, removing one of two lists does not abort their shared request, a sanitised
 * payload never runs — and no event marks "it would have happened by now". Those tests wait here,
 * for a time named at the call, then check that nothing changed.
 *
 * No dependencies, so the strict-CSP page (test/security/csp/page.ts) can use it too.
 */

/** Waits `ms` milliseconds for something the test then checks did not happen. */
export function nothingHappensWithin(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
