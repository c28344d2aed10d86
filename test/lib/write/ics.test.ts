import {expect} from '@open-wc/testing';
import ICAL from 'ical.js';
import {toIcs} from '../../../src/lib/write/ics.js';
import {parseIcs} from '../../../src/lib/feeds/ics/ics.js';
import {addDaysIn} from '../../../src/lib/time.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import {EVENTS, META, SOURCE, ZONE, plain} from './cases.js';
import {feedOf} from '../../helpers/feeds.js';

/**
 * What iCalendar carries of an event, read back by our parser:
 * - LOCATION appears once, so several locations come back as one, joined with ", ";
 * - the parser's place is the location's name and GEO (an address or an online link has no
 *   property it reads);
 * - an all-day event without an end lasts one day (RFC 5545 §3.6.1), and comes back with that end;
 * - a DESCRIPTION with markup in it is taken for HTML (Google writes HTML there); its text is
 *   compared through ical.js instead.
 */
function expectedFromIcs(event: CalendarEvent): CalendarEvent {
  const copy: CalendarEvent = {...event};
  const location = event.locations.join(', ') || event.place?.name || event.place?.address;
  copy.locations = location ? [location] : [];
  const {lat, lon} = event.place ?? {};
  const place: CalendarEvent['place'] = {};
  if (location) place.name = location;
  if (lat !== undefined && lon !== undefined) Object.assign(place, {lat, lon});
  if (Object.keys(place).length) copy.place = place;
  else delete copy.place;
  if (event.allDay && !event.end) copy.end = addDaysIn(event.start, 1, ZONE);
  return copy;
}

const octets = (line: string) => new TextEncoder().encode(line).byteLength;

describe('toIcs (feed)', () => {
  const text = toIcs(EVENTS, META);

  it('is read back by our parser with every field iCalendar carries equal', () => {
    const feed = feedOf(parseIcs(text, {timeZone: ZONE, source: SOURCE, window: {from: new Date('2026-01-01'), to: new Date('2028-01-01')}}));
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.title).to.equal(META.title);
    const byId = new Map(feed.events.map((e) => [e.id, e]));
    for (const event of EVENTS) {
      const read = byId.get(event.id);
      expect(read, event.id).to.exist;
      const expected = expectedFromIcs(event);
      if (event.id === 'markup-6') {
        // Markup in DESCRIPTION: read as HTML, as Google's descriptions are (the widget sanitises it).
        expect(read!.descriptionHtml).to.equal(event.description);
        delete expected.description;
        const {description: _d, descriptionHtml: _h, ...rest} = read!;
        expect(plain(rest as CalendarEvent)).to.deep.equal(plain(expected));
        continue;
      }
      expect(plain(read!), event.id).to.deep.equal(plain(expected));
    }
  });

  it('is read by ical.js with the exact text, zones and dates', () => {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents.length).to.equal(EVENTS.length);
    for (const [i, vevent] of vevents.entries()) {
      const event = EVENTS[i];
      const ical = new ICAL.Event(vevent);
      expect(ical.uid).to.equal(event.id);
      expect(ical.summary).to.equal(event.title);
      expect(ical.description ?? undefined).to.equal(event.description);
      expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).to.equal('2026-11-27T12:00:00Z');
      if (event.allDay) {
        expect(ical.startDate.isDate).to.equal(true);
        expect(ical.startDate.toString()).to.equal(new Intl.DateTimeFormat('en-CA', {timeZone: ZONE}).format(event.start));
      } else {
        expect(ical.startDate.toJSDate().getTime(), `${event.id} start`).to.equal(event.start.getTime());
        if (event.end) expect(ical.endDate.toJSDate().getTime(), `${event.id} end`).to.equal(event.end.getTime());
        else expect(vevent.hasProperty('dtend') || vevent.hasProperty('duration')).to.equal(false);
        expect(ical.startDate.zone?.tzid).to.equal(event.timeZone ?? 'UTC');
      }
    }
    expect(vevents[0].getFirstPropertyValue('location')).to.equal(EVENTS[0].locations[0]);
    expect(vevents[0].getFirstProperty('organizer')!.getParameter('cn')).to.equal(EVENTS[0].organizer);
    expect(vevents[0].getFirstProperty('categories')!.getValues()).to.deep.equal(EVENTS[0].categories);
    expect(vevents[2].getFirstPropertyValue('organizer')).to.equal('mailto:taro@example.jp');
    // ical.js leaves X- properties as written (escaped); our parser unescapes them.
    expect(vevents[4].getFirstPropertyValue('x-alt-desc')).to.equal(EVENTS[4].descriptionHtml!.replace(/[,;\\]/g, (ch) => `\\${ch}`));
    expect(vevents[4].getFirstPropertyValue('conference')).to.equal('https://meet.example.org/abc');
    // One VTIMEZONE for the one zone, covering the DST changes of the years used.
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).to.deep.equal([ZONE]);
  });

  it('folds at 75 octets with CRLF, never inside a character', () => {
    expect(text.endsWith('\r\n')).to.equal(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).to.equal(true);
    for (const line of lines) expect(octets(line), line).to.be.at.most(75);
    // Lone surrogates would have become U+FFFD in UTF-8.
    expect(new TextDecoder().decode(new TextEncoder().encode(text))).not.to.include('\ufffd');
    expect(lines.some((line) => line.startsWith(' 🎉') || line.endsWith('x'))).to.equal(true);
  });

  it('writes a timed event without an end as an instant and an all-day one as one day', () => {
    const vevents = text.split('BEGIN:VEVENT').slice(1);
    expect(vevents[3]).to.include('DTSTART:20261210T170000Z');
    expect(vevents[3]).not.to.match(/DTEND|DURATION/);
    expect(vevents[4]).to.include('DTSTART;VALUE=DATE:20270115');
    expect(vevents[4]).not.to.match(/DTEND|DURATION/);
    expect(vevents[2]).to.include('DTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261208');
    // 02:30 on 25 October happens twice in Stockholm; RFC 5545 reads a TZID time then as the
    // first, so the second is written in UTC.
    expect(vevents[0]).to.include('DTSTART;TZID=Europe/Stockholm:20261025T013000\r\nDTEND:20261025T013000Z');
    expect(vevents[1]).to.include('DTSTART;TZID=Europe/Stockholm:20260329T013000\r\nDTEND;TZID=Europe/Stockholm:20260329T033000');
  });

  it('uses meta.now for DTSTAMP, so the same events give the same bytes', () => {
    expect(toIcs(EVENTS, META)).to.equal(text);
    expect(toIcs(EVENTS, {...META, now: new Date('2030-01-01T00:00:00Z')})).to.include('DTSTAMP:20300101T000000Z');
  });
});
