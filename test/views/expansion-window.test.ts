/**
 * Recurring series follow what is shown (issue 18, item 1): a list of past or all events shows a
 * series that ended years ago, `from`/`to` anywhere in time show that time's occurrences, and a
 * month grid paged years away shows its month's, expanded from the series the parser kept:
 * the feed is fetched once and read once. A cap that cuts a series is told in the load event,
 * the console and the list. The calendars are written here; the clock is TEST_NOW
 * (27 November 2026, noon UTC).
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/event-list.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventListLoadEvent} from '../../src/events.js';
import {reader} from '../../src/lib/feeds/ics/ics.js';
import {cardTitles, cards, part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

const calendar = (...events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//feedcal//window tests//EN',
    ...events.map((lines) => `BEGIN:VEVENT\r\n${lines}\r\nEND:VEVENT`),
    'END:VCALENDAR',
  ].join('\r\n');

/** Weekly on Mondays, 7 January 2019 to 28 December 2020 (104 meetings). */
const ENDED = calendar('UID:circle@feedcal.test\r\nSUMMARY:Study circle\r\nDTSTART:20190107T170000Z\r\nDURATION:PT2H\r\nRRULE:FREQ=WEEKLY;UNTIL=20201231T000000Z');
/** Weekly on Mondays since 3 January 2000, never ending. */
const ENDLESS = calendar('UID:meeting@feedcal.test\r\nSUMMARY:Monday meeting\r\nDTSTART:20000103T170000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY');
/** Weekly on Mondays since 1 January 1985, never ending, and a single event in 2040. */
const LONG = calendar(
  'UID:long@feedcal.test\r\nSUMMARY:Long series\r\nDTSTART:19850107T170000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY',
  'UID:single@feedcal.test\r\nSUMMARY:Congress\r\nDTSTART:20400312T090000Z\r\nDTEND:20400312T170000Z'
);
/** Daily since 2020: more than the 1000 occurrences a series may have before now. */
const DAILY = calendar('UID:daily@feedcal.test\r\nSUMMARY:Morning call\r\nDTSTART:20200101T070000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY');

/** Serves `text` at a made-up address, counting the requests for it and the times it is read. */
function serve(text: string) {
  const url = `https://feeds.test/${Math.random().toString(36).slice(2)}.ics`;
  const counts = {requests: 0, reads: 0};
  const realFetch = window.fetch;
  const realSteps = reader.steps;
  window.fetch = (input, init) => {
    if (String(input) !== url) return realFetch(input, init);
    counts.requests++;
    return Promise.resolve(new Response(text, {headers: {'content-type': 'text/calendar; charset=utf-8'}}));
  };
  reader.steps = (...args) => {
    counts.reads++;
    return realSteps(...args);
  };
  const restore = () => {
    window.fetch = realFetch;
    reader.steps = realSteps;
  };
  return {url, counts, restore};
}

/** A list of `text`, once loaded and drawn (with its load event). */
async function loaded(text: string, attributes: (src: string) => ReturnType<typeof html>) {
  const feed = serve(text);
  const el = fixtureSync<EventListElement>(attributes(feed.url));
  const load = await oneEvent(el, 'event-list-load');
  await el.updateComplete;
  return {el, load: load as unknown as EventListLoadEvent, feed};
}

const starts = (el: EventListElement) => cards(el).map((card) => card.event!.start.toISOString());
/** The titles in a month grid's day cell. */
const dayEntries = (el: EventListElement, day: string) => shadowQueryAll(el, `td[data-day="${day}"] [part~="event"] .name`).map((name) => name.textContent);

describe('recurring series follow the dates shown', () => {
  it('when="past" and when="all" show a weekly series of 2019–2020 (which upcoming cannot)', async () => {
    const past = await loaded(ENDED, (src) => html`<event-list src=${src} when="past" limit="3" time-zone="UTC"></event-list>`);
    try {
      expect(past.el.visibleEvents).to.have.length(104);
      expect(starts(past.el)).to.deep.equal(['2020-12-28T17:00:00.000Z', '2020-12-21T17:00:00.000Z', '2020-12-14T17:00:00.000Z']);
      expect(past.el.visibleEvents.at(-1)!.start.toISOString()).to.equal('2019-01-07T17:00:00.000Z');
      expect(part(past.el, 'capped')).to.equal(null);
    } finally {
      past.feed.restore();
    }
    const all = await loaded(ENDED, (src) => html`<event-list src=${src} when="all" limit="2" time-zone="UTC"></event-list>`);
    try {
      expect(all.el.visibleEvents).to.have.length(104);
      expect(cardTitles(all.el)).to.deep.equal(['Study circle', 'Study circle']);
    } finally {
      all.feed.restore();
    }
  });

  it('switching the list from upcoming to past expands the past from the kept series, without reading the feed again', async () => {
    const {el, feed} = await loaded(ENDED, (src) => html`<event-list src=${src} time-zone="UTC"></event-list>`);
    try {
      expect(el.visibleEvents).to.have.length(0);
      el.when = 'past';
      await el.updateComplete;
      expect(el.visibleEvents).to.have.length(104);
      expect(starts(el)[0]).to.equal('2020-12-28T17:00:00.000Z');
      expect(feed.counts).to.deep.equal({requests: 1, reads: 1});
    } finally {
      feed.restore();
    }
  });

  it('when="past" with an endless weekly series ends, newest first, and says more dates exist', async () => {
    const {el, load, feed} = await loaded(ENDLESS, (src) => html`<event-list src=${src} when="past" limit="2" time-zone="UTC"></event-list>`);
    try {
      // The last Monday before TEST_NOW (Friday 27 November 2026) is the 23rd.
      expect(starts(el)).to.deep.equal(['2026-11-23T17:00:00.000Z', '2026-11-16T17:00:00.000Z']);
      expect(el.visibleEvents.length).to.be.within(900, 1000);
      // The series began in 2000: its first years are beyond the cap.
      expect(load.capped.map((series) => [series.title, series.uid, series.src])).to.deep.equal([['Monday meeting', 'meeting@feedcal.test', feed.url]]);
      expect(part(el, 'capped')!.textContent).to.equal('Some repeating events have more dates than are shown.');
    } finally {
      feed.restore();
    }
  });

  it('a cap that cuts a series is told in the load event, the console and the list; the nearest occurrences are kept', async () => {
    const warnings: unknown[][] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    const feed = serve(DAILY);
    try {
      const el = fixtureSync<EventListElement>(html`<event-list src=${feed.url} when="past" limit="1" time-zone="UTC" lang="sv"></event-list>`);
      const load = (await oneEvent(el, 'event-list-load')) as unknown as EventListLoadEvent;
      await el.updateComplete;
      expect(el.events).to.have.length(1000);
      expect(starts(el)).to.deep.equal(['2026-11-27T07:00:00.000Z']);
      expect(load.capped).to.deep.equal([{title: 'Morning call', uid: 'daily@feedcal.test', feedCap: false, src: feed.url}]);
      expect(warnings.some((args) => String(args[0]).includes('more occurrences than the caps') && String(args[1]).includes('Morning call'))).to.equal(true);
      expect(part(el, 'capped')!.textContent).to.equal('Vissa återkommande evenemang har fler datum än som visas.');
      await expect(el).to.be.accessible();
    } finally {
      console.warn = realWarn;
      feed.restore();
    }
  });

  it('from/to in 1990 and in 2040 show those years’ occurrences', async () => {
    const old = await loaded(LONG, (src) => html`<event-list src=${src} from="1990-01-01" to="1990-02-01" when="past" time-zone="UTC"></event-list>`);
    try {
      expect(starts(old.el)).to.deep.equal([
        '1990-01-29T17:00:00.000Z',
        '1990-01-22T17:00:00.000Z',
        '1990-01-15T17:00:00.000Z',
        '1990-01-08T17:00:00.000Z',
        '1990-01-01T17:00:00.000Z',
      ]);
    } finally {
      old.feed.restore();
    }
    const future = await loaded(LONG, (src) => html`<event-list src=${src} from="2040-03-01" to="2040-03-20" time-zone="UTC"></event-list>`);
    try {
      expect(future.el.visibleEvents.map((event) => `${event.title} ${event.start.toISOString().slice(0, 10)}`)).to.deep.equal([
        'Long series 2040-03-05',
        'Congress 2040-03-12',
        'Long series 2040-03-12',
        'Long series 2040-03-19',
      ]);
      // The visitor's own later choice of page bounds expands again, from the kept series.
      future.el.from = '1999-12-01';
      future.el.to = '2000-01-01';
      future.el.when = 'all';
      await future.el.updateComplete;
      expect(future.el.visibleEvents.map((event) => event.start.toISOString().slice(0, 10))).to.deep.equal(['1999-12-27', '1999-12-20', '1999-12-13', '1999-12-06']);
      expect(future.feed.counts).to.deep.equal({requests: 1, reads: 1});
    } finally {
      future.feed.restore();
    }
  });

  it('a month grid paged to June 2029 and to January 2008 shows their occurrences, from one request and one read', async () => {
    const {el, feed} = await loaded(ENDLESS, (src) => html`<event-list src=${src} view="month" time-zone="UTC"></event-list>`);
    try {
      await waitUntil(() => shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
      expect(dayEntries(el, '2026-11-23')).to.deep.equal(['Monday meeting']);
      el.month = '2029-05';
      await el.updateComplete;
      // The next month, as the visitor pages to it.
      shadowQuery<HTMLButtonElement>(el, 'button[part~="nav"][aria-label="Next month"]')!.click();
      await el.updateComplete;
      expect(el.month).to.equal('2029-06');
      expect(['2029-06-04', '2029-06-11', '2029-06-18', '2029-06-25'].map((day) => dayEntries(el, day))).to.deep.equal(Array(4).fill(['Monday meeting']));
      expect(dayEntries(el, '2029-06-05')).to.deep.equal([]);
      el.month = '2008-01';
      await el.updateComplete;
      expect(['2008-01-07', '2008-01-14', '2008-01-21', '2008-01-28'].map((day) => dayEntries(el, day))).to.deep.equal(Array(4).fill(['Monday meeting']));
      expect(part(el, 'capped')).to.equal(null);
      expect(feed.counts).to.deep.equal({requests: 1, reads: 1});
    } finally {
      feed.restore();
    }
  });
});
