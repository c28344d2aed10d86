/**
 * Which dates recurring series are expanded over: around what the list or grid shows, not a
 * fixed window around today. A list of upcoming events shows from now on; a list of past events
 * everything before now, however old; `when="all"` both; `from`/`to` narrow any of them; a month
 * grid shows its six weeks. `shownRange` is that range (an open past is `EARLIEST`), and
 * `expansionWindow` the range a parser expands: a year wider on each side, so paging a month or
 * the clock moving does not ask for more each time, with the instant whose occurrences a cap
 * keeps (the nearest to now in a list, the first in a grid). The list tells the parser what it
 * shows; the series it keeps are expanded again only when that leaves what was expanded
 * (`covers`). Used by the iCalendar chunk, the relay and the command line, not the entry.
 *
 * Instants only, no zone: a month's grid is taken with eight days to spare on each side.
 */
import type {Shown} from '../events/model.js';

export type {Shown};

/** Instants in milliseconds; `from` may be `EARLIEST` (all of the past). */
export interface Range {
  from: number;
  to: number;
}

/** What a parser is asked to expand (ParseContext.window). */
export interface ExpansionWindow {
  from: Date;
  to: Date;
  /** When a cap cuts a series, the occurrences nearest this instant are kept. */
  near: Date;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
/** The earliest instant a Date holds: "all of the past". A parser bounds its walk by the caps. */
export const EARLIEST = -8.64e15;

/** The instants the list or grid can show. */
export function shownRange({when, month, from, to, now}: Shown): Range {
  const at = now.getTime();
  let lo = from?.getTime();
  let hi = to?.getTime();
  if (month) {
    const first = Date.UTC(month.year, month.month - 1, 1);
    lo = Math.max(lo ?? EARLIEST, first - 8 * DAY_MS);
    hi = Math.min(hi ?? Infinity, Date.UTC(month.year, month.month, 1) + 8 * DAY_MS);
  } else if (when === 'past') hi = Math.min(hi ?? at, at);
  else if (when === 'upcoming') lo = Math.max(lo ?? at, at);
  // An open future: a year ahead of where the list starts (further is for "show more" pages).
  return {from: lo ?? EARLIEST, to: hi ?? Math.max(lo ?? at, at) + YEAR_MS};
}

/**
 * The window to expand for `shown`: its range a year wider (`pad`) on each side, but for a list
 * of past events only a day later (the caps keep the occurrences nearest now: they go to the
 * past it shows, not to a future it does not).
 */
export function expansionWindow(shown: Shown, pad = YEAR_MS): ExpansionWindow {
  const {from, to} = shownRange(shown);
  const near = shown.month ? from : Math.min(Math.max(shown.now.getTime(), from), to);
  const later = shown.when === 'past' && !shown.month ? Math.min(pad, DAY_MS) : pad;
  return {from: new Date(Math.max(from - pad, EARLIEST)), to: new Date(Math.min(to + later, -EARLIEST)), near: new Date(near)};
}

/** Whether what was expanded holds every date shown now. */
export const covers = (expanded: Range, shown: Range) => expanded.from <= shown.from && shown.to <= expanded.to;
