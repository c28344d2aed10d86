/** What the parser tests share. */
import {expect} from '@open-wc/testing';
import {FeedError, type CalendarEvent, type ParseContext, type ParseResult, type ParsedFeed} from '../../src/lib/events/model.js';
import {filterEvents} from '../../src/lib/show/filter.js';
import {runSync, type Steps} from '../../src/lib/feeds/steps.js';

/** The parsed feed, or a failed test naming the error the parser returned instead. */
export function feedOf(result: ParseResult): ParsedFeed {
  if (result instanceof FeedError) throw new Error(`expected a feed, got ${result.code}: ${result.message}`);
  return result;
}

export const ids = (events: readonly CalendarEvent[]) => events.map((event) => event.id);

/** What a list shows of `events` (soonest first), from `from` on. */
export const shownFrom = (events: CalendarEvent[], from?: Date) => filterEvents(events, {when: 'all', from}, new Date(0));

/**
 * Reads a feed through `steps` with a first look of `count` events from `from` (until `to`, as a
 * month grid asks); gives what the first look showed (if it did) and the whole feed.
 */
export function readWithFirstLook(steps: (ctx: ParseContext) => Steps<ParseResult>, ctx: ParseContext, count: number, from?: Date, to?: Date) {
  const shown: CalendarEvent[][] = [];
  const result = feedOf(runSync(steps({...ctx, preview: {count, from, to, show: (events) => shown.push(events)}})));
  return {shown, result};
}

/**
 * The whole feed read with a first look is the feed read without one: the same events in the
 * same order at the same times, and the same skipped items.
 */
export function expectSameFeed(result: ParsedFeed, plain: ParsedFeed) {
  expect(ids(result.events), 'events').to.deep.equal(ids(plain.events));
  expect(
    result.events.map((event) => event.start.getTime()),
    'starts'
  ).to.deep.equal(plain.events.map((event) => event.start.getTime()));
  expect(result.skipped, 'skipped').to.deep.equal(plain.skipped);
}

/**
 * The first look's promise: what it showed is the top of the list the whole feed gives from
 * `from` on, never a guess that later events push down, and it holds every event before `to`.
 */
export function expectTopOfWholeList(look: CalendarEvent[], events: CalendarEvent[], from?: Date, to?: Date) {
  const shown = ids(shownFrom(look, from));
  expect(shown, `from ${from?.toISOString() ?? 'the start'}`).to.deep.equal(ids(shownFrom(events, from)).slice(0, shown.length));
  if (to) expect(shown, `until ${to.toISOString()}`).to.include.members(ids(shownFrom(events, from).filter((event) => event.start < to)));
}
