/**
 * The first look at a big iCalendar feed (src/lib/feeds/ics/ics.ts with preview.ts): the blocks
 * that may show soonest are read first, and what is handed over mid-way must be the top of the
 * list the whole feed gives. Series, overrides and blocks sharing a UID are read before anything
 * is shown, since they change or add events anywhere in time.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {icsSteps, parseIcs} from '../../../../src/lib/feeds/ics/ics.js';
import {expectSameFeed, expectTopOfWholeList, feedOf, readWithFirstLook as readFeed, shownFrom} from '../../../helpers/feeds.js';

const HOUR = 3600_000;
// Series are expanded within the shown window; the tests' events are in 2030.
const base = {
  timeZone: 'Europe/Stockholm',
  source: 'https://example.org/cal.ics',
  window: {from: new Date(Date.UTC(2029, 0, 1)), to: new Date(Date.UTC(2031, 0, 1))},
};
const readWithFirstLook = (text: string, count: number, from?: Date, to?: Date) => readFeed((ctx) => icsSteps(text, ctx), base, count, from, to);

// A zone known only by its VTIMEZONE rules (no IANA name): its times cannot be bounded cheaply.
const ownZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Own Zone',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0300',
  'END:STANDARD',
  'END:VTIMEZONE',
];
const calendar = (events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...ownZone, ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']), 'END:VCALENDAR'].join(
    '\r\n'
  );
const basic = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);

describe('an iCalendar feed read with a first look', () => {
  // 300 events an hour apart, shuffled; one daily series and a moved occurrence of it.
  const t0 = Date.UTC(2030, 0, 1);
  const singles = Array.from({length: 300}, (_, i) => [`UID:s${i}@test`, `SUMMARY:Event ${i}`, `DTSTART:${basic(t0 + i * HOUR)}Z`]);
  const shuffled = singles.map((_, i) => singles[(i * 7919) % singles.length]);
  const series = [['UID:daily@test', 'SUMMARY:Daily', `DTSTART;TZID=Europe/Stockholm:${basic(t0 + 30 * 60_000)}`, 'RRULE:FREQ=DAILY;COUNT=20']];
  const moved = [
    ['UID:daily@test', 'SUMMARY:Daily, moved', `RECURRENCE-ID;TZID=Europe/Stockholm:${basic(t0 + 24 * HOUR + 30 * 60_000)}`, `DTSTART:${basic(t0 + 26 * HOUR)}Z`],
  ];
  const text = calendar([...shuffled.slice(0, 150), ...series, ...shuffled.slice(150), ...moved]);

  it('shows the soonest events once, before the rest is read, as the top of the whole list', () => {
    const {shown, result} = readWithFirstLook(text, 30);
    expect(shown).to.have.length(1);
    const first = shownFrom(shown[0]);
    expect(first.length).to.be.within(30, 80);
    expectTopOfWholeList(shown[0], result.events);
    // The moved occurrence (26 h) is shown at its new time, not at the series' usual one.
    expect(first.map((e) => e.title)).to.include('Daily, moved');
    expect(first.filter((e) => e.title === 'Daily').map((e) => e.start.getTime())).not.to.include(t0 + 24 * HOUR - 30 * 60_000);
  });

  it('gives back the same feed as reading without one', () => {
    const plain = feedOf(parseIcs(text, base));
    const {result} = readWithFirstLook(text, 20);
    expectSameFeed(result, plain);
  });

  it('the first look is always the top of the whole list (random calendars)', () => {
    const day = Date.UTC(2030, 5, 1);
    const hours = fc.integer({min: -72, max: 72});
    const start = fc.oneof(
      fc.integer({min: -200, max: -80}).map((h) => `DTSTART:${basic(day + h * HOUR)}Z`),
      hours.map((h) => `DTSTART;TZID=Own Zone:${basic(day + h * HOUR)}`),
      hours.map((h) => `DTSTART:${basic(day + h * HOUR)}Z`),
      hours.map((h) => `DTSTART;TZID=Europe/Stockholm:${basic(day + h * HOUR)}`),
      hours.map((h) => `DTSTART;TZID="America/New_York":${basic(day + h * HOUR)}`),
      hours.map((h) => `DTSTART:${basic(day + h * HOUR)}`),
      fc.integer({min: -3, max: 3}).map((d) => `DTSTART;VALUE=DATE:${basic(day + d * 24 * HOUR).slice(0, 8)}`),
      fc.constant('DTSTART:soon')
    );
    const extra = fc.constantFrom<string[]>(
      [],
      [],
      ['DTEND:20300602T000000Z'],
      ['DTEND;TZID=Own Zone:20300604T000000'],
      ['DURATION:PT30H'],
      ['RRULE:FREQ=DAILY;COUNT=3'],
      ['STATUS:CANCELLED']
    );
    const event = fc.record({start, extra, uid: fc.integer({min: 0, max: 40}), title: fc.constantFrom('A', 'B', 'Möte')});
    const from = fc.option(
      hours.map((h) => new Date(day + h * HOUR)),
      {nil: undefined}
    );
    const to = fc.option(
      hours.map((h) => new Date(day + h * HOUR)),
      {nil: undefined}
    );
    fc.assert(
      fc.property(fc.array(event, {minLength: 1, maxLength: 50}), fc.integer({min: 1, max: 12}), from, to, fc.boolean(), (list, count, at, until, withOverride) => {
        const blocks = list.map((e, i) => [`UID:u${e.uid}`, `SUMMARY:${e.title} ${i}`, e.start, ...e.extra]);
        // Sometimes an override of the first block's series or event, at another time.
        if (withOverride && blocks.length) blocks.push([blocks[0][0], 'SUMMARY:Override', `RECURRENCE-ID:${basic(day)}Z`, `DTSTART:${basic(day + 5 * HOUR)}Z`]);
        const text = calendar(blocks);
        const plain = feedOf(parseIcs(text, base));
        const {shown, result} = readWithFirstLook(text, count, at, until);
        expectSameFeed(result, plain);
        if (shown.length) expectTopOfWholeList(shown[0], result.events, at, until);
      }),
      {numRuns: 300}
    );
  });
});
