/**
 * Events the writer tests write and read back: hostile text (quotes, markup, escapes of every
 * format, line breaks, emoji on a fold boundary, CJK), times in Stockholm on both DST changes,
 * all-day and multi-day events, and events without an end. `expect*` give what a format can carry
 * of an event, each difference named with the reason.
 */
import {calendarDate} from '../../../src/lib/time.js';
import {htmlToText} from '../../../src/lib/events/text.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import type {FeedMeta} from '../../../src/lib/write/meta.js';

export const ZONE = 'Europe/Stockholm';
export const SOURCE = 'https://example.org/calendar/feed';
export const META: FeedMeta = {
  title: 'Föreningens "kalender" & <vänner>',
  link: 'https://example.org/',
  description: 'Allt; som, händer',
  now: new Date('2026-11-27T12:00:00Z'),
  timeZone: ZONE,
};

const HOSTILE = `"Quotes" & 'apostrophes' <script>alert(1)</script>; commas, semicolons; back\\slash ]]> --> ^caret`;
const HTML = '<p>Hello <b>world</b> &amp; <a href="https://example.org/x">friends</a></p><p>Second, paragraph; here</p>';

export function event(fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'id' | 'title' | 'start'>): CalendarEvent {
  return {allDay: false, categories: [], locations: [], source: SOURCE, ...fields};
}

export const EVENTS: CalendarEvent[] = [
  // In the hour that happens twice when Stockholm leaves summer time (25 October 2026, 03:00 → 02:00).
  event({
    id: 'autumn-1@example.org',
    title: HOSTILE,
    start: new Date('2026-10-24T23:30:00Z'), // 01:30 CEST
    end: new Date('2026-10-25T01:30:00Z'), // 02:30 CET, the second 02:30
    timeZone: ZONE,
    url: 'https://example.org/e/1?a=1&b=2',
    description: 'Line one\nLine two: "quoted", semi; colon: back\\slash & ampersand\n\nAfter a blank line 😀',
    categories: ['Möte', 'a,b;c', '"quoted"'],
    locations: ['Kafé "Rosa" <Södermalm>'],
    organizer: 'Föreningen "Röd"; Stockholm, Sverige',
    image: 'https://example.org/img/1.jpg',
    status: 'tentative',
  }),
  // Across the spring change (29 March 2026, 02:00 → 03:00).
  event({
    id: 'spring-2',
    title: 'Vårmöte',
    start: new Date('2026-03-29T00:30:00Z'), // 01:30 CET
    end: new Date('2026-03-29T01:30:00Z'), // 03:30 CEST
    timeZone: ZONE,
    locations: ['Umeå'],
    place: {name: 'Folkets hus', address: 'Storgatan 1, 903 26 Umeå', lat: 63.8258, lon: 20.263},
    status: 'confirmed',
  }),
  // All-day over three days, CJK and emoji.
  event({
    id: 'allday-3',
    title: '東京の集会 🎉 三日間',
    start: calendarDate(2026, 12, 5, ZONE),
    end: calendarDate(2026, 12, 8, ZONE),
    allDay: true,
    categories: ['祭り', 'Fest'],
    locations: ['東京', 'Online'],
    organizer: '山田 太郎 <taro@example.jp>',
  }),
  // A UTC time without end and without zone; the title puts an emoji across the 75-octet fold.
  event({
    id: 'utc-4',
    title: `${'x'.repeat(66)}🎉🎉 and ${'漢字'.repeat(30)}`,
    start: new Date('2026-12-10T17:00:00Z'),
    description: `${'ä'.repeat(33)}😀${'å'.repeat(40)}`,
  }),
  // All-day, one day, no end; HTML description; an online place.
  event({
    id: 'html-5',
    title: 'Webbinarium',
    start: calendarDate(2027, 1, 15, ZONE),
    allDay: true,
    // As a reader derives it from the HTML: block ends become line breaks, the last one trimmed.
    description: htmlToText(HTML).trim(),
    descriptionHtml: HTML,
    place: {online: 'https://meet.example.org/abc'},
    url: 'https://example.org/e/5',
  }),
  // Plain text that talks about markup.
  event({
    id: 'markup-6',
    title: 'Workshop: <b>HTML</b> for beginners',
    start: new Date('2027-02-01T18:00:00+01:00'),
    end: new Date('2027-02-01T20:00:00+01:00'),
    timeZone: ZONE,
    description: 'We write <script>alert("x")</script> and <b>bold</b> by hand.',
  }),
];

/** An event as plain data for deep comparison (dates as ISO strings, undefined keys gone). */
export function plain(event: CalendarEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event));
}

/** A place that only repeats the first location is what every reader derives from `locations`: the same as none. */
export function withoutDerivedPlace(event: CalendarEvent): CalendarEvent {
  const copy = {...event};
  const place = copy.place;
  if (place && Object.keys(place).length === 1 && place.name !== undefined && place.name === copy.locations[0]) delete copy.place;
  return copy;
}
