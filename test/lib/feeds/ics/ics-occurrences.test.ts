/**
 * Issue 18, "time truth": each case the parser got wrong, each decision where RFC 5545 is silent,
 * and each kind of bad input, as a small calendar written here. Read in UTC (a floating time is
 * UTC, an all-day date starts at 00:00Z), in a window given explicitly.
 */
import {expect} from '@open-wc/testing';
import ICAL from 'ical.js';
import {icsSteps, parseIcs} from '../../../../src/lib/feeds/ics/ics.js';
import {PAUSE_EVERY, Stamp, expandSeriesSteps} from '../../../../src/lib/feeds/ics/ics-recur.js';
import type {CalendarEvent, ParseContext} from '../../../../src/lib/events/model.js';
import {feedOf as feed} from '../../../helpers/feeds.js';

function ctx(from: string, to: string): ParseContext {
  return {timeZone: 'UTC', source: 'https://www.example.org/feed.ics', window: {from: new Date(from), to: new Date(to)}};
}

/** A calendar of VEVENTs, each given as its lines. */
function calendar(...events: string[][]): string {
  const body = events.map((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n')).join('\r\n');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//feedcal//tests//EN\r\n${body}\r\nEND:VCALENDAR\r\n`;
}

/** An occurrence as the cases write it: start (a date when all-day), end, title. */
function row(event: CalendarEvent): string {
  const at = (date: Date) => (event.allDay ? date.toISOString().slice(0, 10) : date.toISOString().slice(0, 16));
  return `${at(event.start)} → ${event.end ? at(event.end) : '–'} ${event.title}`;
}

function rows(text: string, from: string, to: string): string[] {
  return feed(parseIcs(text, ctx(from, to))).events.map(row);
}

const YEAR_2024 = ['2023-06-01T00:00:00Z', '2025-06-01T00:00:00Z'] as const;

describe('parseIcs: occurrences found wrong before (issue 18)', () => {
  // [what, calendar, expected occurrences]
  const cases: Array<[string, string, string[]]> = [
    [
      // ical.js 2.2.1 stops after two: its iterator counts a retried step twice.
      'COUNT=3 with BYDAY=3WE and BYMONTH=1,9 from September gives three dates',
      calendar(['UID:c', 'SUMMARY:Möte', 'DTSTART:20230920T120000Z', 'DTEND:20230920T130000Z', 'RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=3WE;BYMONTH=1,9']),
      ['2023-09-20T12:00 → 2023-09-20T13:00 Möte', '2024-01-17T12:00 → 2024-01-17T13:00 Möte', '2024-09-18T12:00 → 2024-09-18T13:00 Möte'],
    ],
    [
      'an RDATE period with an explicit end lasts that period',
      calendar(['UID:p', 'SUMMARY:Möte', 'DTSTART:20240110T120000Z', 'DTEND:20240110T130000Z', 'RDATE;VALUE=PERIOD:20240112T090000Z/20240112T170000Z']),
      ['2024-01-10T12:00 → 2024-01-10T13:00 Möte', '2024-01-12T09:00 → 2024-01-12T17:00 Möte'],
    ],
    [
      'an RDATE period with a duration lasts that duration',
      calendar(['UID:p', 'SUMMARY:Möte', 'DTSTART:20240110T120000Z', 'DTEND:20240110T130000Z', 'RDATE;VALUE=PERIOD:20240112T090000Z/PT2H30M']),
      ['2024-01-10T12:00 → 2024-01-10T13:00 Möte', '2024-01-12T09:00 → 2024-01-12T11:30 Möte'],
    ],
    [
      'RANGE=THISANDFUTURE moves, renames and relocates that occurrence and every later one',
      calendar(
        ['UID:t', 'SUMMARY:Studiecirkel', 'LOCATION:Biblioteket', 'DTSTART:20240102T170000Z', 'DTEND:20240102T180000Z', 'RRULE:FREQ=WEEKLY;COUNT=4'],
        [
          'UID:t',
          'SUMMARY:Studiecirkel (ny tid)',
          'LOCATION:Folkets hus',
          'RECURRENCE-ID;RANGE=THISANDFUTURE:20240116T170000Z',
          'DTSTART:20240116T183000Z',
          'DTEND:20240116T200000Z',
        ]
      ),
      [
        '2024-01-02T17:00 → 2024-01-02T18:00 Studiecirkel',
        '2024-01-09T17:00 → 2024-01-09T18:00 Studiecirkel',
        '2024-01-16T18:30 → 2024-01-16T20:00 Studiecirkel (ny tid)',
        '2024-01-23T18:30 → 2024-01-23T20:00 Studiecirkel (ny tid)',
      ],
    ],
    [
      'the same override written twice shows once',
      calendar(
        ['UID:d', 'SUMMARY:Möte', 'DTSTART:20240102T170000Z', 'RRULE:FREQ=DAILY;COUNT=2'],
        ['UID:d', 'SUMMARY:Flyttat', 'SEQUENCE:1', 'RECURRENCE-ID:20240103T170000Z', 'DTSTART:20240104T170000Z'],
        ['UID:d', 'SUMMARY:Flyttat', 'SEQUENCE:1', 'RECURRENCE-ID:20240103T170000Z', 'DTSTART:20240104T170000Z']
      ),
      ['2024-01-02T17:00 → – Möte', '2024-01-04T17:00 → – Flyttat'],
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => expect(rows(text, ...YEAR_2024)).to.deep.equal(expected));
  }

  it('keeps THISANDFUTURE occurrences that its shift moves into the window, and none it moves out', () => {
    const text = cases[3][1];
    expect(rows(text, '2024-01-23T18:00:00Z', '2024-01-24T00:00:00Z')).to.deep.equal(['2024-01-23T18:30 → 2024-01-23T20:00 Studiecirkel (ny tid)']);
    expect(rows(text, '2024-01-23T16:00:00Z', '2024-01-23T17:30:00Z')).to.deep.equal([]);
  });
});

describe('parseIcs: leniency, decided (issue 18)', () => {
  const series = ['UID:s', 'SUMMARY:Möte', 'DTSTART;VALUE=DATE:20240101', 'RRULE:FREQ=WEEKLY;COUNT=3'];
  const cases: Array<[string, string, string[]]> = [
    ['DTSTART:20190101 without VALUE=DATE is a date', calendar(['UID:a', 'SUMMARY:Nyår', 'DTSTART:20240101']), ['2024-01-01 → 2024-01-02 Nyår']],
    [
      'an override with a date-time RECURRENCE-ID replaces that date of an all-day series (Outlook)',
      calendar(series, ['UID:s', 'SUMMARY:Flyttat', 'RECURRENCE-ID;TZID=W. Europe Standard Time:20240108T000000', 'DTSTART;VALUE=DATE:20240109']),
      ['2024-01-01 → 2024-01-02 Möte', '2024-01-09 → 2024-01-10 Flyttat', '2024-01-15 → 2024-01-16 Möte'],
    ],
    [
      'an override with a date RECURRENCE-ID without VALUE=DATE replaces that date',
      calendar(series, ['UID:s', 'SUMMARY:Flyttat', 'RECURRENCE-ID:20240108', 'DTSTART;VALUE=DATE:20240109']),
      ['2024-01-01 → 2024-01-02 Möte', '2024-01-09 → 2024-01-10 Flyttat', '2024-01-15 → 2024-01-16 Möte'],
    ],
    [
      'of several VEVENTs with one UID, the highest SEQUENCE stands',
      calendar(
        ['UID:r', 'SUMMARY:Version 2', 'SEQUENCE:2', 'DTSTART:20240105T100000Z'],
        ['UID:r', 'SUMMARY:Version 3', 'SEQUENCE:3', 'DTSTART:20240106T100000Z'],
        ['UID:r', 'SUMMARY:Version 1', 'SEQUENCE:1', 'DTSTART:20240104T100000Z']
      ),
      ['2024-01-06T10:00 → – Version 3'],
    ],
    [
      'with equal SEQUENCE, the latest LAST-MODIFIED, else DTSTAMP',
      calendar(
        ['UID:r', 'SUMMARY:Newer', 'LAST-MODIFIED:20240102T000000Z', 'DTSTAMP:20240101T000000Z', 'DTSTART:20240105T100000Z'],
        ['UID:r', 'SUMMARY:Older', 'LAST-MODIFIED:20240101T000000Z', 'DTSTAMP:20240103T000000Z', 'DTSTART:20240106T100000Z']
      ),
      ['2024-01-05T10:00 → – Newer'],
    ],
    [
      'an override older than its series, for a date the series no longer has, is dropped',
      calendar(
        ['UID:o', 'SUMMARY:Möte', 'SEQUENCE:2', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE:20240108T100000Z'],
        ['UID:o', 'SUMMARY:Gammal ändring', 'SEQUENCE:1', 'RECURRENCE-ID:20240108T100000Z', 'DTSTART:20240109T100000Z']
      ),
      ['2024-01-01T10:00 → – Möte', '2024-01-15T10:00 → – Möte'],
    ],
    [
      'an override older than its series for a date it still has applies',
      calendar(
        ['UID:o', 'SUMMARY:Möte', 'SEQUENCE:2', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=2'],
        ['UID:o', 'SUMMARY:Ändrat', 'SEQUENCE:1', 'RECURRENCE-ID:20240108T100000Z', 'DTSTART:20240109T100000Z']
      ),
      ['2024-01-01T10:00 → – Möte', '2024-01-09T10:00 → – Ändrat'],
    ],
    [
      'a COUNT that is not a positive integer is ignored and UNTIL applies',
      calendar(['UID:n', 'SUMMARY:Möte', 'DTSTART;VALUE=DATE:20240101', 'RRULE:FREQ=WEEKLY;UNTIL=20240115;COUNT=-1']),
      ['2024-01-01 → 2024-01-02 Möte', '2024-01-08 → 2024-01-09 Möte', '2024-01-15 → 2024-01-16 Möte'],
    ],
    [
      'a COUNT that is not a number at all too',
      calendar(['UID:n', 'SUMMARY:Möte', 'DTSTART;VALUE=DATE:20240101', 'RRULE:FREQ=WEEKLY;COUNT=many;UNTIL=20240108']),
      ['2024-01-01 → 2024-01-02 Möte', '2024-01-08 → 2024-01-09 Möte'],
    ],
    [
      'UNTIL before DTSTART leaves DTSTART',
      calendar(['UID:u', 'SUMMARY:Möte', 'DTSTART:20240110T100000Z', 'RRULE:FREQ=DAILY;UNTIL=20240101T000000Z']),
      ['2024-01-10T10:00 → – Möte'],
    ],
    [
      'a date start with a date-time end is all-day',
      calendar(['UID:m', 'SUMMARY:Semester', 'DTSTART;VALUE=DATE:20240724', 'DTEND:20240817T000000Z']),
      ['2024-07-24 → 2024-08-17 Semester'],
    ],
    [
      'a UTC UNTIL on an all-day series is read in the calendar zone (Outlook: the last day’s midnight)',
      calendar(['UID:w', 'SUMMARY:Sopor', 'DTSTART;VALUE=DATE:20240903', 'RRULE:FREQ=WEEKLY;UNTIL=20240909T220000Z']).replace(
        'PRODID',
        'X-WR-TIMEZONE:Europe/Stockholm\r\nPRODID'
      ),
      ['2024-09-03 → 2024-09-04 Sopor', '2024-09-10 → 2024-09-11 Sopor'],
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => expect(rows(text, ...YEAR_2024)).to.deep.equal(expected));
  }

  it('reports the versions and overrides it left out, with reasons', () => {
    const {skipped} = feed(parseIcs(cases[3][1], ctx(...YEAR_2024)));
    expect(skipped.map((s) => s.index)).to.deep.equal([0, 2]);
    expect(skipped[0].reason).to.match(/"Version 2" is an older version \(SEQUENCE 2\)/);
    const stale = feed(parseIcs(cases[5][1], ctx(...YEAR_2024))).skipped;
    expect(stale).to.have.length(1);
    expect(stale[0].reason).to.match(/"Gammal ändring" replaces 2024-01-08T10:00:00.000Z, which its series \(SEQUENCE 2\) no longer has/);
  });
});

describe('parseIcs: ids are unique, always (issue 18)', () => {
  it('gives two identical events without UID different ids, and keeps both', () => {
    const twin = ['SUMMARY:Möte', 'DTSTART:20240105T100000Z'];
    const {events} = feed(parseIcs(calendar(twin, twin), ctx(...YEAR_2024)));
    expect(events).to.have.length(2);
    expect(events[0].id).to.not.equal(events[1].id);
  });

  it('gives occurrences moved onto the same time different ids', () => {
    const text = calendar(
      ['UID:x', 'SUMMARY:Möte', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=DAILY;COUNT=3'],
      ['UID:x', 'SUMMARY:Möte', 'RECURRENCE-ID:20240101T100000Z', 'DTSTART:20240102T100000Z'],
      ['UID:x', 'SUMMARY:Möte', 'RECURRENCE-ID:20240103T100000Z', 'DTSTART:20240102T100000Z']
    );
    const {events} = feed(parseIcs(text, ctx(...YEAR_2024)));
    expect(events.map((e) => e.start.toISOString())).to.deep.equal(Array(3).fill('2024-01-02T10:00:00.000Z'));
    expect(new Set(events.map((e) => e.id)).size).to.equal(3);
  });
});

describe('parseIcs: bad input keeps every good event (issue 18)', () => {
  const good = ['UID:good', 'SUMMARY:Bra', 'DTSTART:20240105T100000Z'];

  it('shows an event with a broken RRULE once, and says why', () => {
    const {events, skipped} = feed(
      parseIcs(calendar(good, ['UID:b', 'SUMMARY:Trasig', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=SOMETIMES;BYDAY=XX']), ctx(...YEAR_2024))
    );
    expect(events.map(row)).to.deep.equal(['2024-01-01T10:00 → – Trasig', '2024-01-05T10:00 → – Bra']);
    expect(skipped).to.have.length(1);
    expect(skipped[0]).to.include({index: 1});
    expect(skipped[0].reason).to.match(/"Trasig": its rule cannot be read \(RRULE:FREQ=SOMETIMES/);
  });

  for (const rule of ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31', 'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30,31', 'FREQ=DAILY;BYMONTH=4,6;BYMONTHDAY=-31']) {
    it(`shows a series whose ${rule} matches no date on its first date only, and says why`, () => {
      const {events, skipped} = feed(parseIcs(calendar(good, ['UID:i', 'SUMMARY:Omöjlig', 'DTSTART:20240115T100000Z', `RRULE:${rule}`]), ctx(...YEAR_2024)));
      expect(events.map(row)).to.deep.equal(['2024-01-05T10:00 → – Bra', '2024-01-15T10:00 → – Omöjlig']);
      expect(skipped.map((s) => s.reason)).to.deep.equal([`"Omöjlig": its RRULE ${rule} matches no date, so only its first date is shown`]);
    });
  }

  it('keeps only real dates of a rule ical.js rolls over (31st of every month)', () => {
    const text = calendar(['UID:r', 'SUMMARY:Sista', 'DTSTART:20240131T100000Z', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4']);
    expect(rows(text, ...YEAR_2024).map((r) => r.slice(0, 10))).to.deep.equal(['2024-01-31', '2024-03-31', '2024-05-31', '2024-07-31']);
  });

  it('shows the window of a COUNT that would run for ever, from a start long ago', () => {
    const text = calendar(
      good,
      ['UID:f', 'SUMMARY:Dagligen', 'DTSTART:19000101T100000Z', 'RRULE:FREQ=DAILY;COUNT=100000000'],
      ['UID:g', 'SUMMARY:Mån och ons', 'DTSTART:19000101T120000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=100000000']
    );
    // (A series without an end is kept from a day before the window, as if it lasted a day.)
    expect(rows(text, '2024-01-05T00:00:00Z', '2024-01-09T00:00:00Z').filter((r) => r >= '2024-01-05')).to.deep.equal([
      '2024-01-05T10:00 → – Bra',
      '2024-01-05T10:00 → – Dagligen',
      '2024-01-06T10:00 → – Dagligen',
      '2024-01-07T10:00 → – Dagligen',
      '2024-01-08T10:00 → – Dagligen',
      '2024-01-08T12:00 → – Mån och ons',
    ]);
  });

  it('reads 10,000 overrides of one series in bounded steps and keeps the good event', () => {
    const overrides = Array.from({length: 10_000}, (_, k) => {
      const day = new Date(Date.UTC(2024, 0, 1) + k * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
      return ['UID:many', 'SUMMARY:Ändrad', `RECURRENCE-ID:${day}T100000Z`, `DTSTART:${day}T110000Z`];
    });
    const text = calendar(good, ['UID:many', 'SUMMARY:Varje dag', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=DAILY'], ...overrides);
    const steps = icsSteps(text, ctx('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const {events, skipped} = feed(step.value);
    expect(skipped).to.deep.equal([]);
    expect(events.filter((e) => e.title === 'Bra')).to.have.length(1);
    expect(events.filter((e) => e.title === 'Ändrad')).to.have.length(31);
    expect(events.filter((e) => e.title === 'Varje dag')).to.have.length(0);
    // At least one pause per VEVENT read, and more while the overrides are matched.
    expect(pauses).to.be.above(10_002 + 10_000 / 64);
  });

  it('pauses every few rule steps while it walks a long COUNT', () => {
    const component = new ICAL.Component(
      ICAL.parse(calendar(['UID:g', 'SUMMARY:x', 'DTSTART:19000101T120000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=100000000'])) as unknown[]
    ).getFirstSubcomponent('vevent')!;
    const fields = {y: 1900, mo: 1, d: 1, h: 12, mi: 0, s: 0};
    const place = (f: typeof fields) => new Stamp(new Date(Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s)), false, f, {iana: 'UTC', named: false});
    const window = {from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 1, 1)};
    const steps = expandSeriesSteps(component, place(fields), {window, spanMs: 0, limit: 1000, place, read: () => undefined});
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value.size).to.equal(10); // the Mondays and Wednesdays of January 2024
    // 1900–2024 is about 13,000 rule steps: one pause per PAUSE_EVERY of them.
    expect(pauses).to.be.within(12_900 / PAUSE_EVERY, 13_100 / PAUSE_EVERY);
  });
});
