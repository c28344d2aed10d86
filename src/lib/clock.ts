/**
 * The one answer to "what time is it" for everything a visitor sees: today's marker, which events
 * are upcoming, the month a grid opens on, `today` and `+3 months` in `from`/`to`, "updated 3
 * hours ago", the window iCalendar series are expanded in, and the first look at a big feed.
 *
 * Tests (and a page that wants to show a calendar as of another day) set it with `setClock`, so
 * nothing they expect depends on the day they run. Durations — timeouts, retry pauses, how long a
 * failed feed is remembered, which stored copy was used last — are measured with the real clock
 * (`Date.now()`, `performance.now()`), because they are about elapsed time, not the calendar.
 */

/** The set time, frozen; undefined: the real clock. */
let fixed: number | undefined;

/** Milliseconds since the epoch, as the calendar sees them. */
export function nowMs(): number {
  return fixed ?? Date.now();
}

/** Now, as the calendar sees it. A new `Date` on every call: callers may keep it. */
export function now(): Date {
  return new Date(nowMs());
}

/**
 * Stops the calendar's clock at `at` (a `Date`, milliseconds, or an ISO string with its offset),
 * or gives it back to the real clock when called without one. What is already drawn is not
 * redrawn: set it before the elements it should affect are created.
 */
export function setClock(at?: Date | number | string): void {
  if (at === undefined) {
    fixed = undefined;
    return;
  }
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : new Date(at).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`setClock: not a time: ${String(at)}`);
  fixed = ms;
}
