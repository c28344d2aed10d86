/**
 * The first look at a big feed: the events a list shows first are read before the others, so
 * its first cards can be drawn while the rest of the feed is still being read.
 *
 * A list shows events soonest first. Reading the items in order of their start (after a cheap
 * pass that reads only the starts) means that once the first `count` items that may still be
 * showing at `from` are read, every event the list would show above them is read too: the list
 * drawn from them is the top of the final list, not a guess that later events push down.
 */
import type {CalendarEvent, PreviewRequest} from '../model.js';

/**
 * How long before `from` an item may start or end and still be showing: an all-day date's whole
 * day (the list's "upcoming" keeps it until the day is over) plus the furthest two zones apart.
 * Counting a few items too many as "may show" only reads them a little earlier.
 */
const MARGIN_MS = 36 * 3600_000;

/** An item's start and end in epoch ms, NaN when unreadable (the end is asked for only when needed). */
export interface ItemTimes {
  start(index: number): number;
  end(index: number): number;
}

/** The order to read the items in, and when what has been read is the first look. */
export interface ReadingPlan {
  order: number[];
  /** Whether the first look is complete once the item at `position` in `order` is read. */
  firstLookAfter(position: number): boolean;
}

/**
 * Items whose start cannot be read come first (they are skipped, or read as they can be, before
 * anything is shown), then those that may show at `from`, by start, then the others. The first
 * look is complete after the first `count` that start at `from` or later (and those before
 * them), and every one that starts before `to`, and after every item that starts at the same
 * instant as the last of them (so ties sort as they will in the end), or when the items that may
 * show run out.
 */
export function readingPlan(length: number, times: ItemTimes, request: Pick<PreviewRequest, 'from' | 'to' | 'count'>): ReadingPlan {
  const exactFromMs = request.from?.getTime() ?? -Infinity;
  const fromMs = exactFromMs - MARGIN_MS;
  const starts = new Float64Array(length);
  const unreadable: number[] = [];
  const showing: number[] = [];
  const later: number[] = [];
  for (let index = 0; index < length; index++) {
    const start = (starts[index] = times.start(index));
    if (Number.isNaN(start)) unreadable.push(index);
    else if (start >= fromMs || times.end(index) >= fromMs) showing.push(index);
    else later.push(index);
  }
  showing.sort((a, b) => starts[a] - starts[b]);
  const order = unreadable.concat(showing, later);
  const firstShowing = unreadable.length;
  const lastShowing = firstShowing + showing.length - 1;
  // Those starting before `from` (in the margin, or still going on) come first and may or may not
  // show: `count` counts from the first that starts at `from` or later, which surely shows.
  let beforeFrom = 0;
  while (beforeFrom < showing.length && starts[showing[beforeFrom]] < exactFromMs) beforeFrom++;
  // With `to` (a month grid), also every item that starts before it.
  const toMs = request.to?.getTime() ?? -Infinity;
  let beforeTo = beforeFrom;
  while (beforeTo < showing.length && starts[showing[beforeTo]] < toMs) beforeTo++;
  const enough = firstShowing + Math.max(beforeFrom + request.count, beforeTo) - 1;
  return {
    order,
    firstLookAfter(position) {
      // Nothing to gain once everything is read, nor before there is anything to show.
      if (position >= order.length - 1 || position < firstShowing || position > lastShowing) return false;
      if (position === lastShowing) return true;
      return position >= enough && starts[order[position + 1]] > starts[order[position]];
    },
  };
}

/** Puts events read out of order back in feed order (`origins[i]` is event i's item index). */
export function inFeedOrder(events: CalendarEvent[], origins: number[]): CalendarEvent[] {
  // The sort is stable: several events of one item keep their order.
  return events.map((_, i) => i).sort((a, b) => origins[a] - origins[b]).map((i) => events[i]);
}
