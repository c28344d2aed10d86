import {expect} from '@open-wc/testing';
import {parseIcs, SERIES_CAP} from '../../../../src/lib/feeds/ics/ics.js';
import {EventProps, timeValueOf} from '../../../../src/lib/feeds/ics/ics-props.js';
import {unfoldIcsBytes} from '../../../../src/lib/feeds/ics/ics-unfold.js';
import {FeedError, type CalendarEvent, type ParseContext} from '../../../../src/lib/events/model.js';
import {feedOf as feed} from '../../../helpers/feeds.js';
import {nowMs} from '../../../../src/lib/clock.js';

const STOCKHOLM = 'Europe/Stockholm';
const SOURCE = 'https://www.example.org/calendar/feed.ics';

function ctx(timeZone = STOCKHOLM, window?: {from: string; to: string}): ParseContext {
  return {timeZone, source: SOURCE, ...(window ? {window: {from: new Date(window.from), to: new Date(window.to)}} : {})};
}

/** A calendar around some VEVENT lines; `header` adds calendar properties or VTIMEZONEs. */
function calendar(event: string, header = ''): string {
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//feedcal//tests//EN\r\n${header}BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Möte\r\n${event}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
}

function only(text: string, context = ctx()): CalendarEvent {
  const {events, skipped} = feed(parseIcs(text, context));
  expect(skipped, JSON.stringify(skipped)).to.deep.equal([]);
  expect(events).to.have.length(1);
  return events[0];
}

async function fixture(name: string): Promise<string> {
  return (await fetch(new URL(`/test/fixtures/ics/${name}`, import.meta.url))).text();
}

const FIXED_PLUS_3 = [
  'BEGIN:VTIMEZONE',
  'TZID:Our Office Zone',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0300',
  'END:STANDARD',
  'END:VTIMEZONE',
  '',
].join('\r\n');

describe('parseIcs: start, end and zones', () => {
  // [what, VEVENT lines, calendar header, display zone, start, end (undefined: none), allDay, event timeZone]
  const cases: Array<[string, string, string, string, string, string | undefined, boolean, string?]> = [
    [
      'all-day with exclusive DTEND',
      'DTSTART;VALUE=DATE:20240601\r\nDTEND;VALUE=DATE:20240603',
      '',
      STOCKHOLM,
      '2024-05-31T22:00:00.000Z',
      '2024-06-02T22:00:00.000Z',
      true,
    ],
    [
      'all-day is midnight in the display zone',
      'DTSTART;VALUE=DATE:20240601\r\nDTEND;VALUE=DATE:20240602',
      '',
      'America/New_York',
      '2024-06-01T04:00:00.000Z',
      '2024-06-02T04:00:00.000Z',
      true,
    ],
    ['all-day without DTEND lasts one day', 'DTSTART;VALUE=DATE:20240601', '', STOCKHOLM, '2024-05-31T22:00:00.000Z', '2024-06-01T22:00:00.000Z', true],
    ['all-day with DURATION', 'DTSTART;VALUE=DATE:20240601\r\nDURATION:P2D', '', STOCKHOLM, '2024-05-31T22:00:00.000Z', '2024-06-02T22:00:00.000Z', true],
    [
      'all-day with a date-time DTEND ends on that date',
      'DTSTART;VALUE=DATE:20230724\r\nDTEND:20230817T000000Z',
      '',
      STOCKHOLM,
      '2023-07-23T22:00:00.000Z',
      '2023-08-16T22:00:00.000Z',
      true,
    ],
    ['timed without DTEND has no end', 'DTSTART:20240601T120000Z', '', STOCKHOLM, '2024-06-01T12:00:00.000Z', undefined, false],
    ['DURATION', 'DTSTART:20240601T120000Z\r\nDURATION:PT1H30M', '', STOCKHOLM, '2024-06-01T12:00:00.000Z', '2024-06-01T13:30:00.000Z', false],
    [
      'VALUE=DATE holding a date-time keeps its time',
      'DTSTART;VALUE=DATE:20110804T120000\r\nDTEND;VALUE=DATE:20110804T180000',
      '',
      STOCKHOLM,
      '2011-08-04T10:00:00.000Z',
      '2011-08-04T16:00:00.000Z',
      false,
    ],
    [
      'IANA TZID without VTIMEZONE is not floating',
      'DTSTART;TZID=Europe/Stockholm:20230819T150000',
      '',
      'America/New_York',
      '2023-08-19T13:00:00.000Z',
      undefined,
      false,
      STOCKHOLM,
    ],
    ['TZID defined by a VTIMEZONE only', 'DTSTART;TZID=Our Office Zone:20240110T120000', FIXED_PLUS_3, STOCKHOLM, '2024-01-10T09:00:00.000Z', undefined, false],
    [
      'Windows zone name',
      'DTSTART;TZID=W. Europe Standard Time:20200910T090000\r\nDTEND;TZID=W. Europe Standard Time:20200910T093000',
      '',
      'UTC',
      '2020-09-10T07:00:00.000Z',
      '2020-09-10T07:30:00.000Z',
      false,
      'Europe/Berlin',
    ],
    [
      'Windows name, Pacific',
      'DTSTART;TZID=Pacific Standard Time:20200915T083000',
      '',
      STOCKHOLM,
      '2020-09-15T15:30:00.000Z',
      undefined,
      false,
      'America/Los_Angeles',
    ],
    [
      'misquoted Exchange TZID is repaired',
      'DTSTART;TZID="W. Europe Standard Time:20200609T090000"',
      '',
      'UTC',
      '2020-06-09T07:00:00.000Z',
      undefined,
      false,
      'Europe/Berlin',
    ],
    [
      'Outlook display name (Brasília)',
      'DTSTART;TZID="(UTC-03:00) Brasília":20170511T133000',
      '',
      STOCKHOLM,
      '2017-05-11T16:30:00.000Z',
      undefined,
      false,
      'America/Sao_Paulo',
    ],
    [
      'Outlook display name (city list)',
      'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20240110T100000',
      '',
      'UTC',
      '2024-01-10T09:00:00.000Z',
      undefined,
      false,
      'Europe/Amsterdam',
    ],
    [
      'vendor-prefixed IANA name',
      'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20240110T100000',
      '',
      'UTC',
      '2024-01-10T09:00:00.000Z',
      undefined,
      false,
      'Europe/Berlin',
    ],
    [
      'X-WR-TIMEZONE reads floating times',
      'DTSTART:20210916T210000\r\nDTEND:20210916T224500',
      'X-WR-TIMEZONE:Europe/Brussels\r\n',
      'America/New_York',
      '2021-09-16T19:00:00.000Z',
      '2021-09-16T20:45:00.000Z',
      false,
      'Europe/Brussels',
    ],
    ['floating without X-WR-TIMEZONE uses the display zone', 'DTSTART:20210916T210000', '', 'America/New_York', '2021-09-17T01:00:00.000Z', undefined, false],
    ['unknown TZID without VTIMEZONE is floating', 'DTSTART;TZID=Somewhere Else:20210916T210000', '', STOCKHOLM, '2021-09-16T19:00:00.000Z', undefined, false],
    [
      'UTC',
      'DTSTART:20240601T120000Z\r\nDTEND:20240601T140000Z',
      'X-WR-TIMEZONE:Asia/Tokyo\r\n',
      STOCKHOLM,
      '2024-06-01T12:00:00.000Z',
      '2024-06-01T14:00:00.000Z',
      false,
    ],
    [
      'DTEND before DTSTART (Gnistor sentinel) means no end',
      'DTSTART;TZID=Europe/Stockholm:20260821T120000\r\nDTEND;TZID=Europe/Stockholm:19700101T010000',
      '',
      STOCKHOLM,
      '2026-08-21T10:00:00.000Z',
      undefined,
      false,
      STOCKHOLM,
    ],
    ['DTEND equal to DTSTART means no end', 'DTSTART:20240601T120000Z\r\nDTEND:20240601T120000Z', '', STOCKHOLM, '2024-06-01T12:00:00.000Z', undefined, false],
  ];
  for (const [what, lines, header, zone, start, end, allDay, timeZone] of cases) {
    it(what, () => {
      const event = only(calendar(lines, header), ctx(zone));
      expect(event.start.toISOString()).to.equal(start);
      expect(event.end?.toISOString()).to.equal(end);
      expect(event.allDay).to.equal(allDay);
      if (timeZone) expect(event.timeZone).to.equal(timeZone);
    });
  }

  const organizerCases: Array<[string, string | undefined]> = [
    ['ORGANIZER;CN=Kamratdataföreningen Konstellationen:mailto:hej@example.se', 'Kamratdataföreningen Konstellationen'],
    // Mobilizon: the name is the value.
    ['ORGANIZER:Vänsterteknik', 'Vänsterteknik'],
    // An address alone is not a name.
    ['ORGANIZER:mailto:hej@example.se', undefined],
    ['ORGANIZER:https://mobilizon.example/@vansterteknik', undefined],
  ];
  for (const [line, organizer] of organizerCases) {
    it(`reads the organiser of ${line}`, () => {
      expect(only(calendar(`DTSTART:20300105T180000Z\r\n${line}`)).organizer).to.equal(organizer);
    });
  }

  it('reads a Gnistor event (TZID, no VTIMEZONE, no DTEND) the same in every display zone', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      '',
      'BEGIN:VEVENT',
      'UID:/content/event/2023-08-19-bortom.md',
      'ORGANIZER;CN=Kamratdataföreningen Konstellationen:mailto:hej@example.se',
      'SUMMARY:Bortom Big Tech sociala medier - hur kan vänstern vara online?',
      'STATUS:CONFIRMED',
      'DTSTART;TZID=Europe/Stockholm:20230819T150000',
      '',
      'LOCATION:Stockholm',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    for (const zone of [STOCKHOLM, 'America/New_York', 'Asia/Tokyo', 'UTC']) {
      const event = only(text, ctx(zone));
      expect(event.start.toISOString(), zone).to.equal('2023-08-19T13:00:00.000Z');
      expect(event.title).to.equal('Bortom Big Tech sociala medier - hur kan vänstern vara online?');
      expect(event.organizer).to.equal('Kamratdataföreningen Konstellationen');
      expect(event.locations).to.deep.equal(['Stockholm']);
      expect(event.end).to.equal(undefined);
    }
  });
});

describe('parseIcs: recurrence', () => {
  const AUTUMN = {from: '2024-10-01T00:00:00Z', to: '2024-12-31T00:00:00Z'};

  it('keeps 14:15 wall clock across DST, with EXDATE, RDATE, a moved and a cancelled occurrence', async () => {
    const {events, skipped, title} = feed(parseIcs(await fixture('recurrence-dst.ics'), ctx(STOCKHOLM, AUTUMN)));
    expect(skipped).to.deep.equal([]);
    expect(title).to.equal('Studiecirkeln');
    expect(events.map((e) => [e.start.toISOString(), e.end?.toISOString(), e.title])).to.deep.equal([
      ['2024-10-15T12:15:00.000Z', '2024-10-15T13:45:00.000Z', 'Studiecirkel'], // CEST
      ['2024-10-30T16:00:00.000Z', '2024-10-30T17:30:00.000Z', 'Studiecirkel (flyttad)'], // moved from the 29th
      ['2024-11-12T13:15:00.000Z', '2024-11-12T14:45:00.000Z', 'Studiecirkel'], // CET: still 14:15 local
      ['2024-11-19T13:15:00.000Z', '2024-11-19T14:45:00.000Z', 'Studiecirkel'],
      ['2024-11-26T17:15:00.000Z', '2024-11-26T18:45:00.000Z', 'Studiecirkel'], // RDATE
    ]);
    expect(events[0].id).to.equal('weekly-1@feedcal.test#2024-10-15T12:15:00.000Z');
    expect(events[1].id).to.equal('weekly-1@feedcal.test#2024-10-29T13:15:00.000Z');
    expect(events[0].locations).to.deep.equal(['Folkets hus, Stockholm']);
    expect(new Set(events.map((e) => e.id)).size).to.equal(events.length);
  });

  it('expands only inside the window', async () => {
    const text = await fixture('recurrence-dst.ics');
    const {events} = feed(parseIcs(text, ctx(STOCKHOLM, {from: '2024-11-10T00:00:00Z', to: '2024-11-20T00:00:00Z'})));
    expect(events.map((e) => e.start.toISOString())).to.deep.equal(['2024-11-12T13:15:00.000Z', '2024-11-19T13:15:00.000Z']);
  });

  // [window, occurrences of an endless FREQ=DAILY that began in 2020]
  const windows: Array<[string, string, number]> = [
    ['2024-03-01T00:00:00Z', '2024-03-11T00:00:00Z', 10],
    ['2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z', 1],
    ['2019-01-01T00:00:00Z', '2019-12-31T00:00:00Z', 0],
    ['2021-01-01T00:00:00Z', '2031-01-01T00:00:00Z', SERIES_CAP],
  ];
  for (const [from, to, count] of windows) {
    it(`an endless daily rule gives ${count} occurrences in ${from.slice(0, 10)}…${to.slice(0, 10)}, cheaply`, async () => {
      const text = await fixture('endless-daily.ics');
      const started = performance.now();
      const {events} = feed(parseIcs(text, ctx(STOCKHOLM, {from, to})));
      expect(performance.now() - started).to.be.below(1000);
      expect(events).to.have.length(count);
      if (count) expect(events[0].start.toISOString()).to.equal(`${from.slice(0, 10)}T07:00:00.000Z`);
      if (count) expect(events[0].end?.toISOString()).to.equal(`${from.slice(0, 10)}T07:30:00.000Z`);
    });
  }

  it('defaults the window to one year back and two years ahead', async () => {
    const {events} = feed(parseIcs(await fixture('endless-daily.ics'), ctx()));
    expect(events).to.have.length(SERIES_CAP);
    // The window is counted from the calendar's clock (the test page's TEST_NOW).
    const yearAgo = nowMs() - 366 * 86_400_000;
    expect(events[0].start.getTime()).to.be.within(yearAgo, yearAgo + 3 * 86_400_000);
  });

  it('expands all-day series by date and keeps overrides without a master', () => {
    const text = calendar('DTSTART;VALUE=DATE:20240101\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3\r\nEXDATE;VALUE=DATE:20240201').replace(
      'END:VCALENDAR',
      'BEGIN:VEVENT\r\nUID:orphan\r\nRECURRENCE-ID;VALUE=DATE:20240105\r\nSUMMARY:Orphan\r\nDTSTART;VALUE=DATE:20240106\r\nEND:VEVENT\r\nEND:VCALENDAR'
    );
    const {events} = feed(parseIcs(text, ctx('America/New_York', {from: '2023-12-01T00:00:00Z', to: '2024-12-01T00:00:00Z'})));
    expect(events.map((e) => [e.id, e.start.toISOString(), e.allDay])).to.deep.equal([
      ['u1#2024-01-01', '2024-01-01T05:00:00.000Z', true],
      ['orphan#2024-01-05', '2024-01-06T05:00:00.000Z', true],
      ['u1#2024-03-01', '2024-03-01T05:00:00.000Z', true],
    ]);
  });

  // A rule no date satisfies (30 February) is given up after a bounded number of steps; the
  // test's own timeout is the guard against a hang, and the benchmark measures the cost.
  it('survives a rule that never matches', () => {
    const {events} = feed(parseIcs(calendar('DTSTART:20240101T100000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), ctx()));
    expect(events.length).to.be.at.most(1);
  });
});

describe('parseIcs: fields', () => {
  it('reads text, HTML, places, categories, links, images, organizer and status', async () => {
    const {events} = feed(parseIcs(await fixture('fields.ics'), ctx()));
    const [event, attach] = events;
    expect(event.title).to.equal('Möte om hyror, el och ;skatter');
    expect(event.description).to.equal('Rad ett\nRad två, med komma och \\ snedstreck');
    expect(event.descriptionHtml).to.equal('<p>Rad ett<br>Rad <b>två</b>, med komma</p>');
    expect(event.locations).to.deep.equal(['Folkets hus, Malmö']);
    expect(event.place).to.deep.equal({name: 'Folkets hus, Malmö', lat: 55.605, lon: 13.0038});
    expect(event.categories).to.deep.equal(['Meeting, John', 'Work', 'Hyresgäster']);
    expect(event.url).to.equal('https://www.example.org/event/42');
    expect(event.image).to.equal('https://img.example/badge.png');
    expect(event.organizer).to.equal('Hyresgästföreningen: Malmö');
    expect(event.status).to.equal('tentative');
    expect(event.start.toISOString()).to.equal('2024-04-10T22:00:00.000Z'); // X-WR-TIMEZONE New York
    expect(event.source).to.equal(SOURCE);
    expect(attach.image).to.equal('https://files.example/poster.jpg');
    expect(attach.status).to.equal('cancelled');
  });

  // [CATEGORIES lines, expected]
  const categories: Array<[string, string[]]> = [
    ['CATEGORIES:cat1,cat2,cat3', ['cat1', 'cat2', 'cat3']],
    ['CATEGORIES:cat1  ,  cat2,   cat3', ['cat1', 'cat2', 'cat3']],
    ['CATEGORIES:', []],
    ['CATEGORIES:cat1\r\nCATEGORIES:cat2\r\nCATEGORIES:cat1', ['cat1', 'cat2']],
    ['CATEGORIES:Meeting\\, John,Work\\, Sarah,Project', ['Meeting, John', 'Work, Sarah', 'Project']],
  ];
  for (const [lines, expected] of categories) {
    it(`categories from ${JSON.stringify(lines)}`, () => {
      expect(only(calendar(`DTSTART:20240101T100000Z\r\n${lines}`)).categories).to.deep.equal(expected);
    });
  }

  it('splits Eventful’s space-separated categories, and only Eventful’s', () => {
    const line = 'DTSTART:20240101T100000Z\r\nCATEGORIES:apple technology ';
    expect(only(calendar(line)).categories).to.deep.equal(['apple technology']);
    expect(only(calendar(line).replace('-//feedcal//tests//EN', '-//EVDB//www.eventful.com//EN')).categories).to.deep.equal(['apple', 'technology']);
  });

  // [URL line, expected]
  const urls: Array<[string, string | undefined]> = [
    ['URL:/c/machbar/calendar', 'https://www.example.org/c/machbar/calendar'],
    ['URL;VALUE=URI:https://example.net/e/1', 'https://example.net/e/1'],
    ['URL:F', undefined],
    ['URL:javascript:alert(1)', undefined],
  ];
  for (const [line, expected] of urls) {
    it(`url from ${line}`, () => {
      expect(only(calendar(`DTSTART:20240101T100000Z\r\n${line}`)).url).to.equal(expected);
    });
  }

  it('decodes HTML entities some producers leave in DESCRIPTION', () => {
    expect(only(calendar('DTSTART:20240101T100000Z\r\nDESCRIPTION:Es gab die Ve&hellip\\;')).description).to.equal('Es gab die Ve…');
  });
});

describe('parseIcs: file shape and bad input', () => {
  it('skips and counts only the broken events, with reasons', async () => {
    const {events, skipped} = feed(parseIcs(await fixture('broken.ics'), ctx()));
    expect(events.map((e) => e.title)).to.deep.equal(['Misquoted TZID', 'Kept before', 'Kept despite a broken line']);
    expect(events[2].place).to.equal(undefined);
    expect(skipped.map((s) => s.index)).to.deep.equal([1, 2, 3, 6]);
    expect(skipped[0].reason).to.match(/Unreadable start.*unreadable start/);
    expect(skipped[1].reason).to.match(/no DTSTART/);
    expect(skipped[2].reason).to.match(/no SUMMARY/);
    expect(skipped[3].reason).to.match(/cut off/);
  });

  it('unfolds on bytes before decoding, so a fold inside "ö" survives', () => {
    const encoder = new TextEncoder();
    const o = encoder.encode('ö'); // two bytes: the fold goes between them
    const bytes = new Uint8Array([
      ...encoder.encode('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:Gr'),
      o[0],
      ...encoder.encode('\r\n '),
      o[1],
      ...encoder.encode('nland\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    ]);
    const text = new TextDecoder().decode(unfoldIcsBytes(bytes));
    expect(only(text).title).to.equal('Grönland');
  });

  it('removes exactly the folds: a line break (CRLF or LF) and the one blank after it', () => {
    const cases: Array<[string, string]> = [
      ['a\r\n b', 'ab'],
      ['a\n\tb', 'ab'],
      ['a\r\n  b', 'a b'],
      ['a\r\r\n b', 'a\rb'],
      ['a\r\n\n b', 'a\r\nb'],
      ['\n a', 'a'],
      ['a\n', 'a\n'],
      ['a\r\n', 'a\r\n'],
      ['a\n ', 'a'],
      ['a\n \n b', 'ab'],
      ['a\r \nb', 'a\r \nb'],
      ['', ''],
    ];
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    for (const [input, output] of cases) expect(unfoldIcsBytes(latin1(input)), JSON.stringify(input)).to.deep.equal(latin1(output));
  });

  // [what, text → expected title and location of the one event]
  const shapes: Array<[string, string, string, string?]> = [
    ['folded text with CRLF', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:Grön\r\n land\r\nEND:VEVENT\r\nEND:VCALENDAR', 'Grönland'],
    [
      'LF, a BOM and blank lines',
      '\uFEFFBEGIN:VCALENDAR\n\nBEGIN:VEVENT\n\nDTSTART:20240101T100000Z\nSUMMARY:Grön\n\tland\n\nEND:VEVENT\nEND:VCALENDAR\n',
      'Grönland',
    ],
    [
      'continuation lines indented by two (Eventful)',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T100000Z\nSUMMARY:Apple Store Bridgeport\n   Village\nLOCATION:Portland, United Stat\n  es\nEND:VEVENT\nEND:VCALENDAR\n',
      'Apple Store Bridgeport Village',
      'Portland, United States',
    ],
    [
      'a VALARM inside the event',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T100000Z\nSUMMARY:Larm\nBEGIN:VALARM\nTRIGGER:-PT15M\nDESCRIPTION:Reminder\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n',
      'Larm',
    ],
  ];
  for (const [what, text, title, location] of shapes) {
    it(what, () => {
      const event = only(text);
      expect(event.title).to.equal(title);
      if (location) expect(event.locations).to.deep.equal([location]);
    });
  }

  it('keeps the events after a VTIMEZONE that never ends', () => {
    const text = 'BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Lost\nBEGIN:VEVENT\nDTSTART:20240101T100000Z\nSUMMARY:After\nEND:VEVENT\nEND:VCALENDAR\n';
    expect(only(text).title).to.equal('After');
  });

  it('returns events sorted by start', () => {
    const text = calendar('DTSTART:20240301T100000Z').replace(
      'END:VCALENDAR',
      'BEGIN:VEVENT\r\nUID:u2\r\nSUMMARY:Earlier\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR'
    );
    expect(feed(parseIcs(text, ctx())).events.map((e) => e.title)).to.deep.equal(['Earlier', 'Möte']);
  });

  it('gives 0 events for a calendar without VEVENT, and an error for what is not iCalendar', () => {
    expect(feed(parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', ctx())).events).to.deep.equal([]);
    for (const text of ['<html><body>Hi</body></html>', '{"items": []}', 'just text']) {
      const result = parseIcs(text, ctx());
      expect(result).to.be.instanceOf(FeedError);
      expect((result as FeedError).code).to.equal('not-a-feed');
      expect((result as FeedError).kind).to.equal('parse');
    }
    expect((parseIcs('  ', ctx()) as FeedError).code).to.equal('empty');
  });

  it('never throws on truncated or shuffled input', async () => {
    const text = await fixture('recurrence-dst.ics');
    const lines = text.split('\r\n');
    const inputs = [
      ...Array.from({length: 40}, (_, i) => text.slice(0, Math.floor((text.length * i) / 40))),
      lines.slice().reverse().join('\r\n'),
      lines.map((l, i) => (i % 3 ? l : l.slice(0, 5))).join('\n'),
      text.replace(/:/g, ';'),
    ];
    for (const input of inputs) {
      const result = parseIcs(input, ctx());
      expect(result instanceof FeedError || Array.isArray(result.events)).to.equal(true);
    }
  });
});

describe('EventProps: reading lines without ical.js', () => {
  /** What the same question gets from ical.js's component of the same lines. */
  function viaIcalJs(lines: string[], name: string) {
    const component = new EventProps(lines).component();
    const first = component.getFirstProperty(name);
    const attempt = <T>(read: () => T): T | undefined => {
      try {
        return read();
      } catch {
        return undefined;
      }
    };
    const value = attempt(() => component.getFirstPropertyValue(name));
    const tzid = first?.getParameter('tzid');
    return {
      first: typeof value === 'string' ? value : undefined,
      values: component.getAllProperties(name).flatMap((p) => attempt(() => p.getValues()) ?? []),
      cn: first?.getParameter('cn'),
      time: first
        ? timeValueOf(
            attempt(() => first.getFirstValue()),
            typeof tzid === 'string' ? tzid : undefined
          )
        : undefined,
    };
  }

  // Lines that ical.js reads in its own ways: escapes, lists, quotes, VALUE types, roll-overs, case.
  const lines: string[][] = [
    ['SUMMARY:a\\,b\\;c\\nd\\Ne\\\\f\\x\\'],
    ['summary;LANGUAGE=sv:Möte', 'SUMMARY:second'],
    ['SUMMARY;VALUE=DATE-TIME:not a time', 'SUMMARY:the one ical.js can read'],
    ['SUMMARY;X-P=a=b:value'],
    ['CATEGORIES:a,b\\,c,d\\\\,e', 'CATEGORIES:', 'categories:x'],
    ['LOCATION:Folkets Hus\\, Malmö', 'LOCATION;ALTREP="https://example.org/a:b":Room 2'],
    ['URL:https://example.org/a\\,b;c'],
    ['URL;VALUE=DATE-TIME:20260105'],
    ['ORGANIZER;CN="Doe, John":mailto:j@example.org'],
    ['ORGANIZER;CN=a\\,b:mailto:x'],
    ['ORGANIZER;CN="x^ny";ROLE=CHAIR:mailto:x'],
    ['ORGANIZER;MEMBER="mailto:a","mailto:b";CN=M:mailto:x'],
    ['ORGANIZER;CN=First;CN=Last:mailto:x'],
    ['DTSTART;TZID=Europe/Stockholm:20260105T090000'],
    ['DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin":20260105T090000'],
    ['DTSTART:20260105T090000Z'],
    ['DTSTART;TZID=UTC:20260105T090000', 'DTEND;TZID=GMT:20260105T100000'],
    ['DTSTART;VALUE=DATE:20260105', 'DTEND;VALUE=date:20260106'],
    ['DTSTART:20260105'],
    ['DTSTART:20260230T090000'],
    ['DTSTART:20260105T240000'],
    ['DTSTART:17000229T000000'],
    ['DTSTART;VALUE=PERIOD:20260105T090000Z/PT1H'],
    ['DTSTART;TZID="W. Europe Standard Time:20200609T090000"'],
    ['DTSTART;VALUE=DATE:20110804T120000'],
    ['DTSTART;CN="unclosed:20260105T090000', 'DTSTART:20260106T090000'],
  ];
  for (const event of lines) {
    it(`reads ${JSON.stringify(event)} as ical.js does`, () => {
      const props = new EventProps(event);
      for (const name of ['summary', 'location', 'categories', 'url', 'organizer', 'dtstart', 'dtend']) {
        const expected = viaIcalJs(event, name);
        if (name === 'url') expect(props.uri(name), name).to.equal(expected.first);
        else expect(props.text(name), name).to.equal(expected.first);
        if (['summary', 'location', 'categories'].includes(name)) expect(props.values(name), name).to.deep.equal(expected.values);
        expect(props.param(name, 'cn'), name).to.equal(expected.cn);
        expect(props.time(name), name).to.deep.equal(expected.time);
      }
    });
  }

  it('builds no ical.js component for plain lines', () => {
    const props = new EventProps(['SUMMARY:Möte', 'DTSTART;TZID=Europe/Stockholm:20260105T090000', 'CATEGORIES:a,b', 'DTSTAMP:20251201T120000Z']);
    expect([props.text('summary'), props.values('categories'), props.time('dtstart')?.h]).to.deep.equal(['Möte', ['a', 'b'], 9]);
    expect((props as unknown as {built?: unknown}).built).to.equal(undefined);
  });
});
