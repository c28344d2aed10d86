/**
 * Events as an iCalendar feed (RFC 5545) for calendar apps to subscribe to. The line rules
 * (CRLF, folding at 75 octets without splitting a UTF-8 character, TEXT escaping) and the
 * VTIMEZONE builder are the ones "Add to calendar" uses (../ics-export.ts); what differs is what
 * a feed must keep that a one-off import need not:
 *
 * - `UID` is the event's id as it is, so a re-read gives the same ids and a subscribed calendar
 *   updates events instead of duplicating them. (A series the relay expanded has one id per
 *   occurrence, `uid#20261205T180000`, and is written as that many single events.)
 * - `DTSTAMP` is `meta.now`, never the wall clock: the same input gives the same bytes.
 * - A timed event in a named zone gets `TZID` and a VTIMEZONE for every zone used, covering the
 *   years its events span; one without a zone is written in UTC (`…Z`).
 * - All-day events are `VALUE=DATE` with an exclusive DTEND, their dates taken in
 *   `meta.timeZone` (the zone they were read in). Without an end no DTEND is written: RFC 5545
 *   §3.6.1 says a DATE start alone lasts one day and a DATE-TIME start alone ends when it starts,
 *   which is what a missing end means in feedcal's model.
 * - The description as `DESCRIPTION`, and its HTML as `X-ALT-DESC;FMTTYPE=text/html` (Outlook's,
 *   read by our parser and Thunderbird); the image as RFC 7986 `IMAGE`, an online meeting as
 *   RFC 7986 `CONFERENCE`.
 * - `LOCATION` may appear once (§3.8.1.7): several locations are joined with ", ".
 * - `ORGANIZER` is a CAL-ADDRESS (a URI). Feeds give a name, rarely an address, so the name goes
 *   in `CN` and the value is the `mailto:` when the text holds an e-mail address, else a URN
 *   naming no mailbox (`urn:feedcal:organizer:<name>`): valid, and nothing will try to mail it.
 */
import type {CalendarEvent} from '../events/model.js';
import {dayKey, wallClockToInstant} from '../time.js';
import {localStamp, paramValue, textValue, uriValue, utcStamp, vcalendar} from '../ics-export.js';
import {allDayZone, calendarDay, eventZone, type FeedMeta} from './meta.js';
import {encodeUriPart} from '../uri.js';

export type {FeedMeta} from './meta.js';

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

/** The events as one VCALENDAR, with a VTIMEZONE per zone its timed events use. */
export function toIcs(events: CalendarEvent[], meta: FeedMeta): string {
  const stamp = utcStamp(meta.now);
  const head = ['PRODID:-//feedcal//feedcal feed//EN'];
  if (meta.title) head.push(`X-WR-CALNAME:${textValue(meta.title)}`);
  if (meta.description) head.push(`X-WR-CALDESC:${textValue(meta.description)}`);
  return vcalendar(
    head,
    events,
    (event) => (event.allDay ? undefined : eventZone(event)),
    (event, zone) => veventLines(event, zone, stamp, meta)
  );
}

function veventLines(event: CalendarEvent, zone: string | undefined, stamp: string, meta: FeedMeta): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${textValue(event.id)}`, `DTSTAMP:${stamp}`];
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${compactDay(calendarDay(event.start, meta))}`);
    if (event.end) lines.push(`DTEND;VALUE=DATE:${compactDay(dayKey(event.end, allDayZone(meta)))}`);
  } else {
    lines.push(`DTSTART${timeValue(event.start, zone)}`);
    if (event.end) lines.push(`DTEND${timeValue(event.end, zone)}`);
  }
  lines.push(`SUMMARY:${textValue(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${textValue(event.description)}`);
  if (event.descriptionHtml) lines.push(`X-ALT-DESC;FMTTYPE=text/html:${textValue(event.descriptionHtml)}`);
  const location = event.locations.join(', ') || event.place?.name || event.place?.address;
  if (location) lines.push(`LOCATION:${textValue(location)}`);
  const {lat, lon, online} = event.place ?? {};
  if (Number.isFinite(lat) && Number.isFinite(lon)) lines.push(`GEO:${lat};${lon}`);
  if (online) lines.push(`CONFERENCE;VALUE=URI:${uriValue(online)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.categories.length) lines.push(`CATEGORIES:${event.categories.map(textValue).join(',')}`);
  if (event.organizer) lines.push(`ORGANIZER;CN=${nameParam(event.organizer)}:${organizerAddress(event.organizer)}`);
  if (event.image) lines.push(`IMAGE;VALUE=URI:${uriValue(event.image)}`);
  if (event.status) lines.push(`STATUS:${event.status.toUpperCase()}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * A name as a parameter value, keeping every character: RFC 6868 caret escapes for the quote and
 * line breaks a parameter cannot hold (ical.js and our parser decode them), quoted when it holds
 * `:`, `;` or `,`. (../ics-export.ts's paramValue turns quotes into apostrophes, good enough for a
 * one-off import; a feed read back must keep the name.)
 */
function nameParam(text: string): string {
  const escaped = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\^/g, '^^')
    .replace(/\r\n?|\n/g, '^n')
    .replace(/"/g, "^'");
  return /[:;,]/.test(escaped) ? `"${escaped}"` : escaped;
}

/**
 * `;TZID=zone:wall-clock time`, or `:UTC time` without a zone. Also in UTC: a time in the hour a
 * zone repeats when it leaves summer time (02:30 on 25 October 2026 in Stockholm happens twice),
 * which RFC 5545 §3.3.5 reads as the first of the two; written in UTC it stays the instant it is.
 */
function timeValue(date: Date, zone: string | undefined): string {
  if (zone) {
    const local = localStamp(date, zone);
    const [y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/.exec(local)!.slice(1).map(Number);
    const firstOccurrence = wallClockToInstant(y, mo, d, h, mi, s, 0, zone).getTime();
    if (firstOccurrence === Math.floor(date.getTime() / 1000) * 1000) return `;TZID=${paramValue(zone)}:${local}`;
  }
  return `:${utcStamp(date)}`;
}

const compactDay = (day: string) => day.replace(/-/g, '');

function organizerAddress(organizer: string): string {
  const email = EMAIL.exec(organizer)?.[0];
  return email ? `mailto:${email}` : `urn:feedcal:organizer:${encodeUriPart(organizer)}`;
}
