/**
 * The iCalendar reader's side of "the expansion window follows what is shown" (issue 18, item 1):
 * a window open to the past ends, keeps the occurrences nearest `near` and says the cap cut the
 * series; the series it keeps expand over other dates later, the single events staying the same
 * objects. The clock is TEST_NOW (27 November 2026, noon UTC).
 */
import {expect} from '@open-wc/testing';
import {parseIcs, SERIES_CAP, TOTAL_CAP} from '../../../../src/lib/feeds/ics/ics.js';
import {EARLIEST} from '../../../../src/lib/show/window.js';
import {feedOf as feed} from '../../../helpers/feeds.js';
import {TEST_NOW} from '../../../helpers/clock.js';

const NOW = new Date(TEST_NOW);
const source = 'https://www.example.org/calendar.ics';
const calendar = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//feedcal//tests//EN', ...events.map((lines) => `BEGIN:VEVENT\r\n${lines}\r\nEND:VEVENT`), 'END:VCALENDAR'].join(
    '\r\n'
  );
const DAILY = 'UID:daily\r\nSUMMARY:Morning call\r\nDTSTART:20200101T070000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY';
const WEEKLY = 'UID:weekly\r\nSUMMARY:Monday meeting\r\nDTSTART:20000103T170000Z\r\nRRULE:FREQ=WEEKLY';
const SINGLE = 'UID:single\r\nSUMMARY:Congress\r\nDTSTART:20291003T090000Z\r\nDTEND:20291003T170000Z';
const day = (date: Date) => date.toISOString().slice(0, 10);

describe('parseIcs: the window series are expanded over', () => {
  it('a window open to the past ends, keeps the occurrences nearest now and reports the cut', () => {
    const result = feed(parseIcs(calendar(DAILY), {timeZone: 'UTC', source, window: {from: new Date(EARLIEST), to: NOW, near: NOW}}));
    expect(result.events).to.have.length(SERIES_CAP);
    expect(day(result.events.at(-1)!.start)).to.equal('2026-11-27');
    expect(day(result.events[0].start)).to.equal('2024-03-03');
    expect(result.capped).to.deep.equal([{title: 'Morning call', uid: 'daily', feedCap: false}]);
  });

  it('a series that ended long before `near` (COUNT, UNTIL) keeps its last occurrences in a window open to the past', () => {
    const counted = 'UID:counted\r\nSUMMARY:Old course\r\nDTSTART:19950102T170000Z\r\nRRULE:FREQ=WEEKLY;COUNT=10';
    const until = 'UID:until\r\nSUMMARY:Old call\r\nDTSTART:19900101T070000Z\r\nRRULE:FREQ=DAILY;UNTIL=19991231T235959Z';
    const window = {from: new Date(EARLIEST), to: NOW, near: NOW};
    const result = feed(parseIcs(calendar(counted, until), {timeZone: 'UTC', source, window}));
    const course = result.events.filter((event) => event.title === 'Old course');
    expect([course.length, day(course[0].start), day(course.at(-1)!.start)]).to.deep.equal([10, '1995-01-02', '1995-03-06']);
    const call = result.events.filter((event) => event.title === 'Old call');
    expect([call.length, day(call.at(-1)!.start)]).to.deep.equal([SERIES_CAP, '1999-12-31']);
    expect(result.capped).to.deep.equal([{title: 'Old call', uid: 'until', feedCap: false}]);
  });

  it('a cap keeps the occurrences on both sides of a `near` inside the window', () => {
    const near = new Date('2025-01-01T00:00:00Z');
    const {events} = feed(
      parseIcs(calendar(DAILY), {timeZone: 'UTC', source, window: {from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z'), near}})
    );
    expect(events).to.have.length(SERIES_CAP);
    // 500 on each side of `near`: from 1 January 2025 on, from 31 December 2024 back.
    expect([day(events[0].start), day(events.at(-1)!.start)]).to.deep.equal(['2023-08-20', '2026-05-15']);
  });

  it('without `near` a cap keeps the first occurrences, as before', () => {
    const result = feed(
      parseIcs(calendar(DAILY), {timeZone: 'UTC', source, window: {from: new Date('2021-01-01T00:00:00Z'), to: new Date('2031-01-01T00:00:00Z')}})
    );
    expect(day(result.events[0].start)).to.equal('2021-01-01');
    expect(result.capped).to.have.length(1);
  });

  it('a series within the caps is not reported', () => {
    const result = feed(
      parseIcs(calendar(WEEKLY), {timeZone: 'UTC', source, window: {from: new Date('2029-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z')}})
    );
    // Every Monday of 2029, 1 January to 31 December.
    expect(result.events).to.have.length(53);
    expect(result.capped).to.equal(undefined);
  });

  it('the feed’s cap is told apart from the series’', () => {
    const many = Array.from({length: TOTAL_CAP / SERIES_CAP + 1}, (_, i) => DAILY.replace('UID:daily', `UID:daily-${i}`));
    const result = feed(
      parseIcs(calendar(...many), {timeZone: 'UTC', source, window: {from: new Date('2021-01-01T00:00:00Z'), to: new Date('2031-01-01T00:00:00Z')}})
    );
    expect(result.events).to.have.length(TOTAL_CAP);
    expect(result.capped!.map((series) => series.feedCap)).to.deep.equal([...Array(TOTAL_CAP / SERIES_CAP).fill(false), true]);
  });

  it('keeps its series to expand them around other dates shown, with the same single events', async () => {
    const result = feed(parseIcs(calendar(WEEKLY, SINGLE), {timeZone: 'UTC', source, shown: {when: 'upcoming', now: NOW}}));
    const {series} = result;
    expect(series).to.not.equal(undefined);
    // The list's dates (a year back, two ahead) hold these already.
    // (A promise is compared as a boolean: the test runner cannot report a pending one.)
    expect(series!.follow({when: 'upcoming', now: NOW}) === undefined).to.equal(true);
    expect(series!.follow({when: 'all', month: {year: 2027, month: 6}, now: NOW}) === undefined).to.equal(true);
    const june = await series!.follow({when: 'all', month: {year: 2029, month: 6}, now: NOW});
    const mondays = june!.events.filter((event) => event.title === 'Monday meeting').map((event) => day(event.start));
    expect(mondays).to.include.members(['2029-06-04', '2029-06-11', '2029-06-18', '2029-06-25']);
    expect(june!.capped).to.deep.equal([]);
    // Expanded a year around the month: May 2030 is held now, January 2008 is not.
    expect(series!.follow({when: 'all', month: {year: 2030, month: 5}, now: NOW}) === undefined).to.equal(true);
    const congress = june!.events.find((event) => event.title === 'Congress')!;
    expect(result.events.find((event) => event.title === 'Congress')).to.equal(congress);
    const january = await series!.follow({when: 'all', month: {year: 2008, month: 1}, now: NOW});
    expect(
      january!.events.filter((event) => event.title === 'Monday meeting' && day(event.start).startsWith('2008-01')).map((event) => day(event.start))
    ).to.deep.equal(['2008-01-07', '2008-01-14', '2008-01-21', '2008-01-28']);
    expect(january!.events.find((event) => event.title === 'Congress')).to.equal(congress);
  });

  it('the window follows what is shown when the list says so: all of the past', () => {
    const {events, capped} = feed(parseIcs(calendar(WEEKLY), {timeZone: 'UTC', source, shown: {when: 'past', now: NOW}}));
    // The thousand Mondays up to now (a day later: the window's end), all of them past.
    expect(events).to.have.length(SERIES_CAP);
    expect(day(events.at(-1)!.start)).to.equal('2026-11-23');
    expect(day(events[0].start)).to.equal('2007-10-01');
    expect(capped).to.have.length(1);
  });

  it('a calendar without series keeps nothing', () => {
    expect(feed(parseIcs(calendar(SINGLE), {timeZone: 'UTC', source})).series).to.equal(undefined);
  });
});
