/**
 * The first look at a big feed: the events a list shows first are read before the others, so
 * its first cards can be drawn while the rest of the feed is still being read.
 *
 * A list shows events soonest first. Reading first the items that start soonest (found by a cheap
 * pass over the starts) means that once the first `count` items that may still be showing at
 * `from` are read, every event the list would show above them is read too: the list drawn from
 * them is the top of the final list, not a guess that later events push down.
 */
import type {CalendarEvent, PreviewRequest} from '../events/model.js';

/**
 * How far a start or end bound (`ItemTimes`) is from the exact instant at most: a wall time read
 * as if in UTC, minus 18 hours, is before the instant in any zone (offsets reach +14 h today, and
 * the 1800s' local mean times a little over ±15 h), and at most 34 hours before it.
 */
const BOUND_SPREAD_MS = 34 * 3600_000;

/**
 * How long before `from` an item's start or end bound may be and the item still show: the bound's
 * spread, plus a day and then some for an all-day date (the list's "upcoming" keeps it until the
 * day is over, and an end written as a date may mean the end of that day). Counting a few items
 * too many as "may show" only reads them a little earlier.
 */
const MARGIN_MS = BOUND_SPREAD_MS + 26 * 3600_000;

/**
 * An item's times in epoch ms, NaN when unreadable. `start` and `end` may be lower bounds, at most
 * `BOUND_SPREAD_MS` before the instant (a floating time is read without asking `Intl` about its
 * zone); `exactStart` is asked only for the few items at the edge of the first look.
 */
export interface ItemTimes {
  start(index: number): number;
  exactStart(index: number): number;
  end(index: number): number;
}

/** The order to read the items in, and when what has been read is the first look. */
export interface ReadingPlan {
  order: number[];
  /** Whether the first look is complete once the item at `position` in `order` is read. */
  firstLookAfter(position: number): boolean;
  /**
   * The instant up to which the first look holds every event (in epoch ms): an item that gives
   * more than one event (a date list, a series) may give some after it, which wait for the rest.
   */
  through: number;
}

/**
 * Items whose start cannot be read come first (they are skipped, or read as they can be, before
 * anything is shown), then the first look, then the rest. The first look holds every item that
 * may show at `from` and starts no later than the `count`th to start at `from` or later (those
 * before it too, and every item that starts at the same instant as it, so ties sort as they will
 * in the end), and every item that starts before `to`; or all that may show, when fewer.
 *
 * Found without reading every exact start: the items that may show are sorted by their start
 * bounds and their exact starts read in that order, until the next bound is past the edge found
 * so far (a bound is never after its start, so no item left can start before the edge).
 */
export function readingPlan(length: number, times: ItemTimes, request: Pick<PreviewRequest, 'from' | 'to' | 'count'>): ReadingPlan {
  const exactFromMs = request.from?.getTime() ?? -Infinity;
  const fromMs = exactFromMs - MARGIN_MS;
  const toMs = request.to?.getTime() ?? -Infinity;
  const bounds = new Float64Array(length);
  const unreadable: number[] = [];
  const showing: number[] = [];
  const later: number[] = [];
  for (let index = 0; index < length; index++) {
    const bound = (bounds[index] = times.start(index));
    if (Number.isNaN(bound)) unreadable.push(index);
    else if (bound >= fromMs || times.end(index) >= fromMs) showing.push(index);
    else later.push(index);
  }
  showing.sort((a, b) => bounds[a] - bounds[b]);
  // The soonest `count` exact starts at `from` or later, in order: the last of them is the edge.
  const soonest: number[] = [];
  let edge = Infinity;
  const starts = new Map<number, number>();
  let walked = 0;
  for (; walked < showing.length; walked++) {
    const bound = bounds[showing[walked]];
    if (bound > edge && bound >= toMs) break;
    const start = times.exactStart(showing[walked]);
    starts.set(showing[walked], start);
    if (!(start >= exactFromMs) || (soonest.length === request.count && start >= edge)) continue;
    let at = soonest.length;
    while (at && soonest[at - 1] > start) at--;
    soonest.splice(at, 0, start);
    if (soonest.length > request.count) soonest.pop();
    if (soonest.length && soonest.length === request.count) edge = soonest[soonest.length - 1];
  }
  // The walked items that start after the edge (and not before `to`) are read with the rest; one
  // whose exact start is unreadable after all is read before the first look is shown.
  const firstLook: number[] = [];
  const rest = showing.slice(walked);
  for (const [index, start] of starts) (start > edge && start >= toMs ? rest : firstLook).push(index);
  // In feed order: events that start at the same instant keep the order they have in the end.
  firstLook.sort((a, b) => a - b);
  const order = unreadable.concat(firstLook, rest, later);
  const last = unreadable.length + firstLook.length - 1;
  return {
    order,
    // Nothing to gain once everything is read, nor when there is nothing to show.
    firstLookAfter: (position) => firstLook.length > 0 && position === last && position < order.length - 1,
    through: Math.max(edge, toMs - 1),
  };
}

/** Puts events read out of order back in feed order (`origins[i]` is event i's item index). */
export function inFeedOrder(events: CalendarEvent[], origins: number[]): CalendarEvent[] {
  // The sort is stable: several events of one item keep their order.
  return events
    .map((_, i) => i)
    .sort((a, b) => origins[a] - origins[b])
    .map((i) => events[i]);
}
