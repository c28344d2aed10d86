import {expect} from '@open-wc/testing';
import ICAL from 'ical.js';
import {tzOffset} from '@date-fns/tz';
import {
  detailsText,
  foldLine,
  googleCalendarUrl,
  icsFileName,
  locationText,
  outlookCalendarUrl,
  textValue,
  toIcs,
  vtimezoneLines,
} from '../../src/lib/ics-export.js';
import type {CalendarEvent} from '../../src/lib/events/model.js';
import {calendarDate} from '../../src/lib/time.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;

const STOCKHOLM = 'Europe/Stockholm';
const NOW = new Date('2024-01-02T03:04:05Z');

function event(fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'title' | 'start'>): CalendarEvent {
  return {id: 'e1', allDay: false, categories: [], locations: [], source: 'https://example.org/feed.json', ...fields};
}

const SUMMER = event({
  id: 'sommar-1',
  title: 'Möte om hyror; bostäder, och annat',
  start: new Date('2023-08-19T13:00:00Z'),
  end: new Date('2023-08-19T15:30:00Z'),
  timeZone: STOCKHOLM,
  categories: ['Film, musik', 'Politik'],
  locations: ['Folkets hus'],
  place: {address: 'Storgatan 1, Umeå', lat: 63.8258, lon: 20.263},
  organizer: 'Kamratdataföreningen Konstellationen',
  url: 'https://example.org/e/1',
  status: 'confirmed',
  description: 'Rad ett\nRad två med \\ och ;',
});
const WINTER = event({
  id: 'vinter@example.org',
  title: 'Vintermöte',
  start: new Date('2023-12-01T17:00:00Z'),
  end: new Date('2023-12-01T19:00:00Z'),
  timeZone: STOCKHOLM,
});
const ALL_DAY = event({id: 'ad', title: 'Festival', allDay: true, start: calendarDate(2023, 8, 19, STOCKHOLM), end: calendarDate(2023, 8, 22, STOCKHOLM)});
const ALL_DAY_NO_END = event({id: 'ad1', title: 'Fest', allDay: true, start: calendarDate(2023, 12, 31, STOCKHOLM)});
const UTC_EVENT = event({id: 'u', title: 'Online', start: new Date('2024-03-31T00:30:00Z'), place: {online: 'https://meet.example/abc'}, status: 'cancelled'});

function parse(text: string): {vcalendar: IcalComponent; vevents: IcalComponent[]; zones: Map<string, InstanceType<typeof ICAL.Timezone>>} {
  const vcalendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtz of vcalendar.getAllSubcomponents('vtimezone')) {
    zones.set(String(vtz.getFirstPropertyValue('tzid')), new ICAL.Timezone(vtz));
  }
  return {vcalendar, vevents: vcalendar.getAllSubcomponents('vevent'), zones};
}

/** The instant of DTSTART/DTEND, computed with the file's own VTIMEZONE (not a zone registry). */
function instant(
  vevent: IcalComponent,
  name: 'dtstart' | 'dtend',
  zones: Map<string, InstanceType<typeof ICAL.Timezone>>
): {ms: number; isDate: boolean; tzid?: string} {
  const prop = vevent.getFirstProperty(name)!;
  const time = (prop.getFirstValue() as IcalTime).clone();
  const tzid = prop.getParameter('tzid') as string | undefined;
  if (tzid) {
    expect(zones.has(tzid), `VTIMEZONE for ${tzid}`).to.equal(true);
    time.zone = zones.get(tzid)!;
  } else if (!time.isDate) {
    expect(time.zone.tzid).to.equal('UTC');
  }
  return {ms: time.isDate ? Date.UTC(time.year, time.month - 1, time.day) : time.toUnixTime() * 1000, isDate: time.isDate, tzid};
}

describe('toIcs: parses back with ical.js', () => {
  const text = toIcs([SUMMER, WINTER, ALL_DAY, ALL_DAY_NO_END, UTC_EVENT], {now: NOW, timeZone: STOCKHOLM});
  const {vcalendar, vevents, zones} = parse(text);

  it('is one VCALENDAR 2.0 with a PRODID and CRLF line ends only', () => {
    expect(vcalendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(vcalendar.getFirstPropertyValue('prodid')).to.equal('-//feedcal//feedcal//EN');
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(vevents).to.have.length(5);
    expect([...zones.keys()]).to.deep.equal([STOCKHOLM]);
  });

  // [event, expected start, expected end (ms or date), all-day, TZID]
  const cases: Array<[CalendarEvent, number, number | undefined, boolean, string | undefined]> = [
    [SUMMER, SUMMER.start.getTime(), SUMMER.end!.getTime(), false, STOCKHOLM],
    [WINTER, WINTER.start.getTime(), WINTER.end!.getTime(), false, STOCKHOLM],
    [ALL_DAY, Date.UTC(2023, 7, 19), Date.UTC(2023, 7, 22), true, undefined],
    [ALL_DAY_NO_END, Date.UTC(2023, 11, 31), Date.UTC(2024, 0, 1), true, undefined],
    // No end: an hour, so calendars do not make it a zero-length event.
    [UTC_EVENT, UTC_EVENT.start.getTime(), UTC_EVENT.start.getTime() + 3_600_000, false, undefined],
  ];
  cases.forEach(([source, start, end, allDay, tzid], index) => {
    it(`${source.title}: title, start, end, all-day flag and zone`, () => {
      const vevent = vevents[index];
      expect(vevent.getFirstPropertyValue('summary')).to.equal(source.title);
      const dtstart = instant(vevent, 'dtstart', zones);
      expect(new Date(dtstart.ms).toISOString()).to.equal(new Date(start).toISOString());
      expect(dtstart.isDate).to.equal(allDay);
      expect(dtstart.tzid).to.equal(tzid);
      if (end === undefined) {
        expect(vevent.hasProperty('dtend')).to.equal(false);
        return;
      }
      const dtend = instant(vevent, 'dtend', zones);
      expect(new Date(dtend.ms).toISOString()).to.equal(new Date(end).toISOString());
      expect(dtend.isDate).to.equal(allDay);
    });
  });

  it('keeps location, categories with a comma inside one, description, geo, url, status, uid', () => {
    const vevent = vevents[0];
    expect(vevent.getFirstPropertyValue('location')).to.equal('Folkets hus, Storgatan 1, Umeå');
    expect(vevent.getFirstProperty('categories')!.getValues()).to.deep.equal(['Film, musik', 'Politik']);
    expect(vevent.getFirstPropertyValue('description')).to.equal(
      'Rad ett\nRad två med \\ och ;\n\nOrganiser: Kamratdataföreningen Konstellationen\n\nhttps://example.org/e/1'
    );
    expect(vevent.getFirstPropertyValue('geo')).to.deep.equal([63.8258, 20.263]);
    expect(vevent.getFirstPropertyValue('url')).to.equal('https://example.org/e/1');
    expect(vevent.getFirstPropertyValue('status')).to.equal('CONFIRMED');
    expect(vevent.getFirstPropertyValue('uid')).to.equal('sommar-1@feedcal');
    expect(vevents[1].getFirstPropertyValue('uid')).to.equal('vinter@example.org');
    expect(vevent.hasProperty('organizer')).to.equal(false);
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).to.equal('2024-01-02T03:04:05Z');
  });

  it('an online-only event has its link as the location and is CANCELLED', () => {
    expect(vevents[4].getFirstPropertyValue('location')).to.equal('https://meet.example/abc');
    expect(vevents[4].getFirstPropertyValue('status')).to.equal('CANCELLED');
  });

  it('writes an ORGANIZER only when there is an e-mail address for it', () => {
    const {
      vevents: [vevent],
    } = parse(toIcs([event({title: 'x', start: NOW, organizer: 'Fackklubben Öst <info@fack.example>'})], {now: NOW}));
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).to.equal('mailto:info@fack.example');
    expect(organizer.getParameter('cn')).to.equal('Fackklubben Öst <info@fack.example>');
    expect(vevent.getFirstPropertyValue('description')).to.equal(null);
  });

  it('writes the organizer label the caller gives', () => {
    expect(detailsText(event({title: 'x', start: NOW, organizer: 'Klubben'}), {organizerLabel: 'Arrangör'})).to.equal('Arrangör: Klubben');
  });
});

describe('toIcs: folding', () => {
  const description =
    'Välkommen på höstens första träff! Vi äter smörgåstårta 🎂🥳 och pratar om föreningens år — ' +
    'ÅÄÖ åäö ÆØ ß 日本語のテキスト 👩‍👩‍👧‍👦 e\u0301 '.repeat(6) +
    '\nNy rad, med komma; och semikolon.';
  const text = toIcs([event({title: 'Långt 🎉'.repeat(20), start: NOW, description})], {now: NOW});
  const bytes = new TextEncoder().encode(text);

  it('no line is longer than 75 octets and none splits a UTF-8 character', () => {
    let lineStart = 0;
    let lines = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x0d) continue;
      expect(bytes[i + 1], 'CR is followed by LF').to.equal(0x0a);
      const line = bytes.subarray(lineStart, i);
      expect(line.length).to.be.at.most(75);
      // A fatal decoder throws on a cut multi-byte sequence.
      new TextDecoder('utf-8', {fatal: true}).decode(line);
      lineStart = i + 2;
      lines++;
    }
    expect(lineStart).to.equal(bytes.length);
    expect(lines).to.be.greaterThan(15);
  });

  it('unfolding gives the original value back', () => {
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).to.include(`DESCRIPTION:${textValue(description)}\r\n`);
    const {vevents} = parse(text);
    expect(vevents[0].getFirstPropertyValue('description')).to.equal(description);
    expect(vevents[0].getFirstPropertyValue('summary')).to.equal('Långt 🎉'.repeat(20));
  });

  // [line, expected folded pieces' octet lengths]
  const cases: Array<[string, number[]]> = [
    ['a'.repeat(75), [75]],
    ['a'.repeat(76), [75, 2]],
    ['a'.repeat(74) + 'ö', [74, 3]],
    ['a'.repeat(73) + 'ö', [75]],
    ['a'.repeat(72) + '😀', [72, 5]],
    ['a'.repeat(75) + 'b'.repeat(74), [75, 75]],
    ['a'.repeat(75) + 'b'.repeat(75), [75, 75, 2]],
  ];
  for (const [line, lengths] of cases) {
    it(`folds ${line.length} chars into lines of ${lengths.join(', ')} octets`, () => {
      const pieces = foldLine(line).split('\r\n');
      expect(pieces.map((piece) => new TextEncoder().encode(piece).length)).to.deep.equal(lengths);
      expect(pieces.slice(1).every((piece) => piece.startsWith(' '))).to.equal(true);
      expect(pieces.map((piece, i) => (i ? piece.slice(1) : piece)).join('')).to.equal(line);
    });
  }
});

describe('textValue', () => {
  const cases: Array<[string, string]> = [
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['rad1\r\nrad2\nrad3\rrad4', 'rad1\\nrad2\\nrad3\\nrad4'],
    ['bell\u0007tab\tend', 'belltab\tend'],
    [':colon "quote"', ':colon "quote"'],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(textValue(input)).to.equal(expected));
  }
});

describe('vtimezoneLines: the generated zone agrees with Intl', () => {
  // Half-hour zones (Lord Howe's DST is 30 minutes; Newfoundland is −3:30) catch hour-only scanning.
  const zones: Array<[string, number, number, number]> = [
    // [zone, from year, to year, expected number of transitions]
    ['Europe/Stockholm', 2023, 2024, 4],
    ['America/New_York', 2025, 2025, 2],
    ['Australia/Sydney', 2024, 2024, 2],
    ['Australia/Lord_Howe', 2024, 2024, 2],
    ['America/St_Johns', 2024, 2024, 2],
    ['Asia/Kolkata', 2024, 2024, 0],
    ['Europe/Dublin', 2024, 2024, 2],
  ];
  for (const [zone, fromYear, toYear, count] of zones) {
    it(`${zone} ${fromYear}–${toYear}`, () => {
      const lines = vtimezoneLines(zone, fromYear, toYear);
      expect(lines.filter((line) => /^BEGIN:(STANDARD|DAYLIGHT)$/.test(line))).to.have.length(count + 1);
      const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(lines.join('\r\n')) as unknown[]));
      // Every 13 hours across the span, skipping the ambiguous/skipped hours around a change.
      for (let t = Date.UTC(fromYear, 0, 1, 12); t < Date.UTC(toYear, 11, 31); t += 13 * 3600_000) {
        const offset = tzOffset(zone, new Date(t));
        if (tzOffset(zone, new Date(t - 3 * 3600_000)) !== offset || tzOffset(zone, new Date(t + 3 * 3600_000)) !== offset) continue;
        const wall = new Date(t + offset * 60_000);
        const time = new ICAL.Time(
          {
            year: wall.getUTCFullYear(),
            month: wall.getUTCMonth() + 1,
            day: wall.getUTCDate(),
            hour: wall.getUTCHours(),
            minute: wall.getUTCMinutes(),
            second: wall.getUTCSeconds(),
            isDate: false,
          },
          tz
        );
        expect(time.toUnixTime() * 1000, `${zone} at ${new Date(t).toISOString()}`).to.equal(t);
      }
    });
  }

  it('Stockholm changes at 02:00 CET and 03:00 CEST', () => {
    const lines = vtimezoneLines(STOCKHOLM, 2023, 2023).join('\n');
    expect(lines).to.include('BEGIN:DAYLIGHT\nDTSTART:20230326T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT');
    expect(lines).to.include('BEGIN:STANDARD\nDTSTART:20231029T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD');
  });
});

describe('googleCalendarUrl and outlookCalendarUrl', () => {
  // [event, google dates, google ctz, outlook startdt, outlook enddt, outlook allday]
  const cases: Array<[CalendarEvent, string, string | null, string, string, string | null]> = [
    [SUMMER, '20230819T130000Z/20230819T153000Z', STOCKHOLM, '2023-08-19T13:00:00Z', '2023-08-19T15:30:00Z', null],
    [ALL_DAY, '20230819/20230822', null, '2023-08-19', '2023-08-22', 'true'],
    [ALL_DAY_NO_END, '20231231/20240101', null, '2023-12-31', '2024-01-01', 'true'],
    [UTC_EVENT, '20240331T003000Z/20240331T013000Z', null, '2024-03-31T00:30:00Z', '2024-03-31T01:30:00Z', null],
  ];
  for (const [source, dates, ctz, startdt, enddt, allday] of cases) {
    it(source.title, () => {
      const google = new URL(googleCalendarUrl(source, {timeZone: STOCKHOLM}));
      expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
      expect(google.searchParams.get('action')).to.equal('TEMPLATE');
      expect(google.searchParams.get('text')).to.equal(source.title);
      expect(google.searchParams.get('dates')).to.equal(dates);
      expect(google.searchParams.get('ctz')).to.equal(ctz);
      expect(google.searchParams.get('location')).to.equal(locationText(source) || null);
      expect(google.searchParams.get('details')).to.equal(detailsText(source) || null);

      const outlook = new URL(outlookCalendarUrl(source, {timeZone: STOCKHOLM}));
      expect(outlook.origin + outlook.pathname).to.equal('https://outlook.live.com/calendar/0/deeplink/compose');
      expect(outlook.searchParams.get('subject')).to.equal(source.title);
      expect(outlook.searchParams.get('startdt')).to.equal(startdt);
      expect(outlook.searchParams.get('enddt')).to.equal(enddt);
      expect(outlook.searchParams.get('allday')).to.equal(allday);
      expect(outlook.searchParams.get('rru')).to.equal('addevent');
    });
  }

  it('cuts a very long description so the link stays short', () => {
    const url = googleCalendarUrl(event({title: 'x', start: NOW, description: 'å'.repeat(10_000)}));
    expect(url.length).to.be.below(8000);
    expect(new URL(url).searchParams.get('details')!.endsWith('…')).to.equal(true);
  });

  it('puts no ellipsis after a cut that falls at the end of a sentence', () => {
    // 9 (the ellipsis) + 2,990 + 1 = the 3,000 encoded characters a link may carry: the cut falls right after the full stop.
    const description = `${'a'.repeat(2990)}. ${'b'.repeat(5000)}`;
    const details = new URL(googleCalendarUrl(event({title: 'x', start: NOW, description}))).searchParams.get('details')!;
    expect(details.length).to.be.below(description.length);
    expect(details.endsWith('.')).to.equal(true, details.slice(-10));
    expect(details.endsWith('.…')).to.equal(false);
  });

  it('gives a timed event without an end an hour in its own zone', () => {
    const start = new Date('2026-12-05T17:00:00Z');
    const open = event({id: 'open', title: 'Öppet möte', start, timeZone: STOCKHOLM});
    expect(new URL(googleCalendarUrl(open)).searchParams.get('dates')).to.equal('20261205T170000Z/20261205T180000Z');
    expect(new URL(outlookCalendarUrl(open)).searchParams.get('enddt')).to.equal('2026-12-05T18:00:00Z');
    expect(toIcs([open])).to.include('DTEND;TZID=Europe/Stockholm:20261205T190000');
  });
});

describe('icsFileName', () => {
  const cases: Array<[string, string]> = [
    ['Sommarfest på Söder', 'sommarfest-pa-soder.ics'],
    ['Straße & Ærø: Œuvre', 'strasse-aero-oeuvre.ics'],
    ['../../etc/passwd', 'etc-passwd.ics'],
    ['🎉🎉', 'event.ics'],
    ['日本語', 'event.ics'],
    ['A'.repeat(100), `${'a'.repeat(60)}.ics`],
  ];
  for (const [title, expected] of cases) {
    it(JSON.stringify(title), () => expect(icsFileName(event({title, start: NOW}))).to.equal(expected));
  }
});
