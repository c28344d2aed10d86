/**
 * The first look at a big JSON feed (src/lib/feeds/preview.ts): the parser reads the items that
 * may show soonest first and hands over the events read so far mid-way. What it hands over must
 * be the top of the list the whole feed gives, never a guess that later events push down, and
 * the whole feed must come back exactly as without a first look.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {jsonSteps, parseJson} from '../../../src/lib/feeds/json/json.js';
import {inFeedOrder, readingPlan} from '../../../src/lib/feeds/preview.js';
import {canonicalStart, canonicalStartBound} from '../../../src/lib/feeds/json/json-canonical.js';
import {parseDateText} from '../../../src/lib/time.js';
import {runSliced} from '../../../src/lib/feeds/steps.js';
import type {CalendarEvent, ParseContext} from '../../../src/lib/events/model.js';
import {expectSameFeed, expectTopOfWholeList, feedOf, ids, readWithFirstLook as readFeed, shownFrom} from '../../helpers/feeds.js';

const base = {timeZone: 'Europe/Stockholm', source: 'https://example.org/events.json'};
const HOUR = 3600_000;

/** Reads `text` with a first look of `count` from `from`; gives what `show` got (if called) and the result. */
const readWithFirstLook = (text: string, count: number, from?: Date, to?: Date) => readFeed((ctx) => jsonSteps(text, ctx), base, count, from, to);

describe('readingPlan', () => {
  const times = (starts: number[], ends: number[] = []) => ({
    start: (i: number) => starts[i],
    exactStart: (i: number) => starts[i],
    end: (i: number) => ends[i] ?? NaN,
  });
  const completes = (plan: {order: number[]; firstLookAfter(p: number): boolean}) => plan.order.map((_, position) => plan.firstLookAfter(position));

  it('reads unreadable starts first, then what may show by start, then the rest', () => {
    const from = new Date(100 * HOUR);
    //            0          1         2    3          4
    const starts = [200 * HOUR, 10 * HOUR, NaN, 150 * HOUR, 5 * HOUR];
    const ends = [NaN, 99 * HOUR, NaN, NaN, 6 * HOUR];
    const plan = readingPlan(5, times(starts, ends), {from, count: 1});
    // Item 1 ended an hour before `from`: within the margin, so it may still show.
    expect(plan.order).to.deep.equal([2, 1, 3, 0, 4]);
  });

  it('the first look is complete after `count` that may show, and not inside a run of equal starts', () => {
    const starts = [1, 2, 2, 2, 3, 4].map((h) => h * HOUR);
    const plan = readingPlan(6, times(starts), {count: 2});
    // Positions 1–3 hold the three items starting at 2 h: only the last of them completes it.
    expect(completes(plan)).to.deep.equal([false, false, false, true, false, false]);
  });

  it('is complete when the items that may show run out, never after the last item', () => {
    const from = new Date(1000 * HOUR);
    const plan = readingPlan(4, times([2000 * HOUR, 1, 2, 3]), {from, count: 10});
    expect(plan.order).to.deep.equal([0, 1, 2, 3]);
    expect(plan.order.map((_, p) => plan.firstLookAfter(p))).to.deep.equal([true, false, false, false]);
    expect(readingPlan(2, times([1, 2]), {count: 10}).firstLookAfter(1)).to.equal(false);
  });

  it('with `to`, the first look also holds every item that starts before it', () => {
    const starts = [1, 2, 3, 4, 5, 6, 7, 8].map((h) => h * HOUR);
    const plan = readingPlan(8, times(starts), {count: 1, to: new Date(5 * HOUR)});
    // Items starting at 1–4 h are before `to`: complete after the fourth.
    expect(completes(plan)).to.deep.equal([false, false, false, true, false, false, false, false]);
  });

  it('with start bounds, reads exact starts only at the edge of the first look, and orders by them', () => {
    // Bounds up to 30 h early: item 0 starts last of the first three although its bound is lowest.
    const exact = [10, 3, 4, 5, 40, 50, 60, 70, 80, 90].map((h) => h * HOUR);
    const bounds = [-20, 0, 1, 2, 20, 30, 40, 50, 60, 70].map((h) => h * HOUR);
    const asked: number[] = [];
    const plan = readingPlan(10, {start: (i) => bounds[i], exactStart: (i) => (asked.push(i), exact[i]), end: () => NaN}, {count: 3});
    // The third soonest exact start is 5 h; item 4's bound (20 h) is past it, and so are the rest.
    expect(asked).to.deep.equal([0, 1, 2, 3]);
    expect(plan.order.slice(0, 3)).to.deep.equal([1, 2, 3]);
    expect(completes(plan).indexOf(true)).to.equal(2);
  });

  it('reads the first look in feed order, so equal starts keep their order (a date and a time at the same instant)', () => {
    // "2030-05-30" is midnight in Stockholm, 22:00 UTC the day before: the same instant as item 0.
    const json = JSON.stringify([
      {id: 'timed', title: 'B', start: '2030-05-29T22:00:00.000Z'},
      {id: 'all-day', title: 'B', start: '2030-05-30'},
      {id: 'later', title: 'A', start: '2030-06-01T00:00:00.000Z'},
    ]);
    const {shown, result} = readWithFirstLook(json, 1);
    expect(shown[0]).to.have.length(2);
    expectTopOfWholeList(shown[0], result.events);
  });

  it('a start bound never comes after the start, and is at most 34 hours before it (random ISO dates and times, random zones)', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const zones = ['UTC', 'Europe/Stockholm', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns', 'Asia/Manila', 'America/Sitka'];
    fc.assert(
      fc.property(
        fc.integer({min: 1840, max: 2060}),
        fc.integer({min: 1, max: 12}),
        fc.integer({min: 1, max: 28}),
        fc.option(fc.tuple(fc.integer({min: 0, max: 23}), fc.integer({min: 0, max: 59}))),
        fc.constantFrom(...zones),
        (year, month, day, time, timeZone) => {
          const text = `${year}-${pad(month)}-${pad(day)}${time ? `T${pad(time[0])}:${pad(time[1])}` : ''}`;
          const ctx = {...base, timeZone};
          const exact = canonicalStart({start: text}, ctx);
          const bound = canonicalStartBound({start: text}, ctx);
          expect(bound, `${text} in ${timeZone}`).to.be.at.most(exact);
          expect(exact - bound, `${text} in ${timeZone}`).to.be.at.most(34 * HOUR);
        }
      ),
      {numRuns: 2000}
    );
  });

  it('inFeedOrder puts events back where their items were', () => {
    const events = ['c', 'a', 'b', 'a2'].map((id) => ({id}) as CalendarEvent);
    expect(ids(inFeedOrder(events, [2, 0, 1, 0]))).to.deep.equal(['a', 'a2', 'b', 'c']);
  });
});

describe('a JSON feed read with a first look', () => {
  // 300 events an hour apart, in shuffled order; #7 has no start, #8 an unreadable one.
  const items = Array.from({length: 300}, (_, i) => ({
    id: `e${i}`,
    title: `Event ${String(i).padStart(3, '0')}`,
    start: new Date(Date.UTC(2030, 0, 1) + i * HOUR).toISOString(),
  }));
  const shuffled = items.map((_, i) => items[(i * 7919) % items.length]);
  const text = JSON.stringify({
    events: shuffled.map((item) => (item.id === 'e7' ? {...item, start: undefined} : item.id === 'e8' ? {...item, start: 'soon'} : item)),
  });

  it('shows the soonest events once, before the rest is read', () => {
    const {shown, result} = readWithFirstLook(text, 20);
    expect(shown).to.have.length(1);
    const [first] = shown;
    expect(first.length).to.be.within(20, 40);
    expectTopOfWholeList(first, result.events);
    // The same objects: a card drawn for the first look is the card of the whole feed.
    expect(first.every((event) => result.events.includes(event))).to.equal(true);
  });

  it('gives back the same feed as reading without one: events in feed order, skipped items in order', () => {
    const plain = feedOf(parseJson(text, base));
    const {result} = readWithFirstLook(text, 20);
    expectSameFeed(result, plain);
    expect(result.skipped.map((s) => s.index)).to.have.length(2);
  });

  it('with `from`, starts at what may still show, not at the feed’s oldest events', () => {
    const from = new Date(Date.UTC(2030, 0, 1) + 200 * HOUR);
    const {shown, result} = readWithFirstLook(text, 10, from);
    const top = shownFrom(result.events, from);
    expect(top[0].title).to.equal('Event 200');
    expectTopOfWholeList(shown[0], result.events, from);
    expect(shownFrom(shown[0], from).length).to.be.at.least(10);
    // Far fewer than the 200 events before `from` were read for it: those of the last 60 hours
    // (the margin for start bounds and all-day dates) and the 10.
    expect(shown[0].length).to.be.below(80);
  });

  it('is not offered for a feed no bigger than the first look', () => {
    expect(readWithFirstLook(JSON.stringify(items.slice(0, 20)), 20).shown).to.have.length(0);
  });

  it('pauses for a frame after the first look when read in slices', async () => {
    let shownAt = -1;
    let frames = 0;
    const counting = () => requestAnimationFrame(() => frames++);
    const ctx: ParseContext = {...base, preview: {count: 20, show: () => ((shownAt = frames), counting())}};
    const result = feedOf(await runSliced(jsonSteps(text, ctx)));
    expect(shownAt).to.equal(0);
    expect(frames).to.be.at.least(1);
    expect(result.events).to.have.length(298);
  });

  it('the first look is always the top of the whole list (random feeds)', () => {
    const day = Date.UTC(2030, 5, 1);
    // Starts with an offset, floating, date-only or missing; ends sometimes; many equal starts.
    const start = fc.oneof(
      fc.integer({min: -72, max: 72}).map((h) => new Date(day + h * HOUR).toISOString()),
      fc.integer({min: -72, max: 72}).map((h) => new Date(day + h * HOUR).toISOString().slice(0, 19)),
      fc.integer({min: -3, max: 3}).map((d) => new Date(day + d * 24 * HOUR).toISOString().slice(0, 10)),
      fc.constant(undefined),
      fc.constant('not a date')
    );
    const item = fc.record({title: fc.constantFrom('A', 'B', 'C', 'Möte'), start, hours: fc.option(fc.integer({min: 0, max: 60}))});
    const from = fc.option(
      fc.integer({min: -80, max: 80}).map((h) => new Date(day + h * HOUR)),
      {nil: undefined}
    );
    const to = fc.option(
      fc.integer({min: -80, max: 80}).map((h) => new Date(day + h * HOUR)),
      {nil: undefined}
    );
    fc.assert(
      fc.property(fc.array(item, {minLength: 1, maxLength: 60}), fc.integer({min: 1, max: 15}), from, to, (list, count, at, until) => {
        const events = list.map((e, i) => ({
          id: `i${i}`,
          title: e.title,
          start: e.start,
          end:
            e.start && e.hours !== null && e.start.length > 10
              ? new Date(Date.parse(e.start.length === 19 ? `${e.start}Z` : e.start) + e.hours * HOUR).toISOString()
              : undefined,
        }));
        const json = JSON.stringify(events);
        const plain = feedOf(parseJson(json, base));
        const {shown, result} = readWithFirstLook(json, count, at, until);
        expectSameFeed(result, plain);
        if (shown.length) expectTopOfWholeList(shown[0], result.events, at, until);
      }),
      {numRuns: 300}
    );
  });
});

describe('the first-look pass over starts', () => {
  it("reads an item's start exactly as its event will have it (random ISO date-times, offsets and none)", () => {
    const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({min: 1990, max: 2060}),
        fc.integer({min: 1, max: 12}),
        fc.integer({min: 1, max: 31}),
        fc.integer({min: 0, max: 24}),
        fc.integer({min: 0, max: 59}),
        fc.option(fc.integer({min: 0, max: 60}), {nil: undefined}),
        fc.option(fc.integer({min: 0, max: 999}), {nil: undefined}),
        fc.oneof(
          fc.constant('Z'),
          fc.constant(''),
          fc.integer({min: -14 * 4, max: 14 * 4}).map((q) => `${q < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(q) / 4))}:${pad((Math.abs(q) % 4) * 15)}`)
        ),
        (year, month, day, hour, minute, second, ms, zone) => {
          const seconds = second === undefined ? '' : `:${pad(second)}${ms === undefined ? '' : `.${pad(ms, 3)}`}`;
          const text = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${seconds}${zone}`;
          const read = parseDateText(text, base.timeZone);
          const key = canonicalStart({start: text}, base);
          // An item whose start cannot be read is skipped: its key only decides when that happens.
          if (read) expect(key, text).to.equal(read.date.getTime());
        }
      ),
      {numRuns: 3000}
    );
  });
});
