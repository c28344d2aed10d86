/**
 * "Add to calendar": an event as an iCalendar file (RFC 5545) and as Google Calendar / Outlook
 * links. Pure functions; the element turns the text into a Blob download.
 *
 * - Lines end in CRLF and are folded at 75 octets of UTF-8, never inside a character
 *   (continuation lines start with one space, which counts towards their 75).
 * - TEXT values are escaped (`\\ \; \, \n`); other control characters are dropped.
 * - Timed events with a source zone are written as wall-clock time with `TZID`, plus a
 *   VTIMEZONE generated from the browser's own zone data, so a calendar that does not know the
 *   zone name still gets the instant right and one that does keeps the event in its zone.
 * - All-day events are `VALUE=DATE` with an exclusive end (a missing end means one day); a
 *   timed event without an end lasts an hour (`DEFAULT_TIMED_LENGTH_MS`). Their
 *   `start` is midnight in the display zone (DESIGN.md), so that zone is needed to read the
 *   date back: pass `timeZone`, else the viewer's zone is assumed (the element's default).
 * - ORGANIZER is a CAL-ADDRESS, i.e. a URI (in practice `mailto:`). Feeds give a name, not an
 *   address, so an ORGANIZER is written only when the organizer text contains an e-mail
 *   address. Otherwise the name goes into DESCRIPTION ("Organiser: …"): inventing a URI would
 *   be wrong, and an X-ORGANIZER is invisible in Google, Outlook and Apple Calendar, so the
 *   reader would lose the name. For the same reason the event page URL is repeated at the end
 *   of DESCRIPTION (Google and Outlook ignore the URL property).
 * - No METHOD: iTIP's PUBLISH requires an ORGANIZER; a plain VCALENDAR is imported as an event.
 */
import type {CalendarEvent} from './events/model.js';
import {addDaysIn, dayKey, isTimeZone, viewerTimeZone, zoneOffset} from './time.js';
import {now} from './clock.js';
import {encodeUriPart, wellFormed} from './uri.js';

export interface ExportOptions {
  /** The display zone all-day events were read in (their start is midnight there). Default: the viewer's zone. */
  timeZone?: string;
  /** Label of the organizer line in the description, in the reader's language. Default "Organiser". */
  organizerLabel?: string;
}

export interface IcsOptions extends ExportOptions {
  /** PRODID of the calendar. */
  prodId?: string;
  /** DTSTAMP of every event; pass it for reproducible output. */
  now?: Date;
}

const CRLF = '\r\n';
const DAY_MS = 86_400_000;
/**
 * How long a timed event without an end lasts in a calendar. Feeds often give only a start;
 * written as an instant, Google Calendar and Outlook make it a zero-length event that their
 * views hardly show. An hour is what both propose for a new event. (An all-day event without
 * an end is its one day: see `allDayDates`.)
 */
export const DEFAULT_TIMED_LENGTH_MS = 3_600_000;

/** The end a calendar gets for a timed event: its own, else an hour after the start. */
function timedEnd(event: CalendarEvent): Date {
  return event.end ?? new Date(event.start.getTime() + DEFAULT_TIMED_LENGTH_MS);
}

/** The iCalendar text of `events` (one VCALENDAR, one VTIMEZONE per source zone used). */
export function toIcs(events: CalendarEvent[], options: IcsOptions = {}): string {
  const displayZone = zoneOr(options.timeZone);
  const stamp = utcStamp(options.now ?? now());
  const head = [`PRODID:${textValue(options.prodId ?? '-//feedcal//feedcal//EN')}`];
  return vcalendar(head, events, eventZone, (event, zone) => veventLines(event, zone, displayZone, stamp, options));
}

/**
 * One VCALENDAR around `events`, shared by the visitor's download (above) and the feed writer
 * (write/ics.ts): a VTIMEZONE for each zone `zoneOf` names, covering the years its events span,
 * then each event's lines from `vevent`, folded and CRLF-ended as RFC 5545 requires.
 */
export function vcalendar(
  head: string[],
  events: CalendarEvent[],
  zoneOf: (event: CalendarEvent) => string | undefined,
  vevent: (event: CalendarEvent, zone: string | undefined) => string[]
): string {
  const zoneYears = new Map<string, [number, number]>();
  const body: string[] = [];
  for (const event of events) {
    const zone = zoneOf(event);
    if (zone) {
      const span = zoneYears.get(zone) ?? [Infinity, -Infinity];
      for (const date of [event.start, event.end ?? event.start]) {
        const year = +dayKey(date, zone).slice(0, 4);
        span[0] = Math.min(span[0], year);
        span[1] = Math.max(span[1], year);
      }
      zoneYears.set(zone, span);
    }
    body.push(...vevent(event, zone));
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...head, 'CALSCALE:GREGORIAN'];
  for (const [zone, [from, to]] of zoneYears) lines.push(...vtimezoneLines(zone, from, to));
  lines.push(...body, 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function veventLines(event: CalendarEvent, zone: string | undefined, displayZone: string, stamp: string, options: ExportOptions): string[] {
  const id = event.id.includes('@') ? event.id : `${event.id}@feedcal`;
  const lines = ['BEGIN:VEVENT', `UID:${textValue(id)}`, `DTSTAMP:${stamp}`];
  if (event.allDay) {
    const [start, end] = allDayDates(event, displayZone);
    lines.push(`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`);
  } else if (zone) {
    lines.push(`DTSTART;TZID=${paramValue(zone)}:${localStamp(event.start, zone)}`, `DTEND;TZID=${paramValue(zone)}:${localStamp(timedEnd(event), zone)}`);
  } else {
    lines.push(`DTSTART:${utcStamp(event.start)}`, `DTEND:${utcStamp(timedEnd(event))}`);
  }
  lines.push(`SUMMARY:${textValue(event.title)}`);
  const details = detailsText(event, options);
  if (details) lines.push(`DESCRIPTION:${textValue(details)}`);
  const location = locationText(event);
  if (location) lines.push(`LOCATION:${textValue(location)}`);
  const {lat, lon} = event.place ?? {};
  if (Number.isFinite(lat) && Number.isFinite(lon)) lines.push(`GEO:${lat};${lon}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.categories.length) lines.push(`CATEGORIES:${event.categories.map(textValue).join(',')}`);
  const email = organizerEmail(event.organizer);
  if (event.organizer && email) lines.push(`ORGANIZER;CN=${paramValue(event.organizer)}:mailto:${email}`);
  if (event.status) lines.push(`STATUS:${event.status.toUpperCase()}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A Google Calendar "create event" link with the event filled in. */
export function googleCalendarUrl(event: CalendarEvent, options: ExportOptions = {}): string {
  let dates: string;
  if (event.allDay) {
    dates = allDayDates(event, zoneOr(options.timeZone)).join('/');
  } else {
    dates = `${utcStamp(event.start)}/${utcStamp(timedEnd(event))}`;
  }
  const zone = event.allDay ? undefined : eventZone(event);
  return calendarLink('https://calendar.google.com/calendar/render', [
    ['action', 'TEMPLATE'],
    ['text', event.title],
    ['dates', dates],
    ['details', detailsText(event, options)],
    ['location', locationText(event)],
    ['ctz', zone],
  ]);
}

/** An Outlook.com "new event" deep link with the event filled in. */
export function outlookCalendarUrl(event: CalendarEvent, options: ExportOptions = {}): string {
  let start: string;
  let end: string;
  if (event.allDay) {
    // Outlook reads all-day dates as YYYY-MM-DD with an exclusive end, like iCalendar.
    [start, end] = allDayDates(event, zoneOr(options.timeZone)).map((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`);
  } else {
    start = isoSeconds(event.start);
    end = isoSeconds(timedEnd(event));
  }
  return calendarLink('https://outlook.live.com/calendar/0/deeplink/compose', [
    ['path', '/calendar/action/compose'],
    ['rru', 'addevent'],
    ['subject', event.title],
    ['startdt', start],
    ['enddt', end],
    ['allday', event.allDay ? 'true' : undefined],
    ['body', detailsText(event, options)],
    ['location', locationText(event)],
  ]);
}

/** A download name: the title as an ASCII slug (`sommarfest-pa-soder.ics`), `event.ics` when nothing is left. */
export function icsFileName(event: CalendarEvent): string {
  const slug = event.title
    .replace(/[ßæøłđþœÆØŁĐÞŒ]/g, (ch) => LIGATURES[ch] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'event'}.ics`;
}

const LIGATURES: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  œ: 'oe',
  Æ: 'ae',
  Ø: 'o',
  Ł: 'l',
  Đ: 'd',
  Þ: 'th',
  Œ: 'oe',
};

/** Where it is, as one line: the place names, then the address when it says more; an online URL only when there is nothing else. */
export function locationText(event: CalendarEvent): string {
  const parts = event.locations.length ? [...event.locations] : event.place?.name ? [event.place.name] : [];
  const address = event.place?.address;
  if (address && !parts.some((part) => part.includes(address))) parts.push(address);
  if (!parts.length && event.place?.online) parts.push(event.place.online);
  return parts.join(', ');
}

/** The description as calendars show it: the text, the organizer (when not an ORGANIZER), the online link and the event page. */
export function detailsText(event: CalendarEvent, options: ExportOptions = {}): string {
  const parts: string[] = [];
  const description = event.description?.trim() ?? '';
  if (description) parts.push(description);
  if (event.organizer && !organizerEmail(event.organizer)) parts.push(`${options.organizerLabel ?? 'Organiser'}: ${event.organizer}`);
  const online = event.place?.online;
  if (online && locationText(event) !== online && !description.includes(online)) parts.push(online);
  if (event.url && !description.includes(event.url)) parts.push(event.url);
  return parts.join('\n\n');
}

/**
 * Google and Outlook links carry the event in the URL, and servers refuse URLs over about 8 KB
 * (a 5,000-character title made links of 63,000). A link is kept under `CALENDAR_LINK_LIMIT`
 * characters: the description is cut first, then the title, then the place, each with an
 * ellipsis and never below what is left of it for a person to recognise (`KEPT_AT_LEAST`). The
 * lengths are of the percent-encoded text: one CJK character costs 9 characters of URL.
 */
export const CALENDAR_LINK_LIMIT = 7500;
/** The fields cut to fit, in order, by the names Google and Outlook give them. */
const CUT_FIRST = ['details', 'body', 'text', 'subject', 'location'];
/** Encoded characters each cut field keeps at least; the description may go altogether. */
const KEPT_AT_LEAST: Record<string, number> = {details: 0, body: 0, text: 600, subject: 600, location: 600};
/** The description alone stays short even when there is room: a calendar entry is not the page. */
const DETAILS_LIMIT = 3000;

type LinkParams = Array<[string, string | undefined]>;

function calendarLink(base: string, params: LinkParams): string {
  const fields = params
    .filter((param): param is [string, string] => !!param[1])
    .map(([key, value]): [string, string] => [key, key === 'details' || key === 'body' ? shorten(value, DETAILS_LIMIT) : value]);
  const link = () =>
    `${base}?${fields
      .filter(([, value]) => value)
      .map(([key, value]) => `${key}=${encodeUriPart(value).replace(/%2F/g, '/')}`)
      .join('&')}`;
  let url = link();
  for (const name of CUT_FIRST) {
    const over = url.length - CALENDAR_LINK_LIMIT;
    const field = fields.find(([key]) => key === name);
    if (over <= 0) break;
    if (!field) continue;
    const room = encodeUriPart(field[1]).length - over;
    field[1] = room < KEPT_AT_LEAST[name] ? shorten(field[1], KEPT_AT_LEAST[name]) : shorten(field[1], room);
    url = link();
  }
  return url;
}

/** `text` cut to at most `limit` characters once percent-encoded, with an ellipsis; '' when not even that fits. */
function shorten(text: string, limit: number): string {
  if (encodeUriPart(text).length <= limit) return text;
  let kept = '';
  let size = 9; // the ellipsis, encoded
  for (const ch of text) {
    size += encodeUriPart(ch).length;
    if (size > limit) break;
    kept += ch;
  }
  kept = kept.trimEnd();
  if (!kept) return '';
  // A cut right after a sentence needs no ellipsis ("Välkommen!…" reads as a typo).
  return /[.!?…。！？]$/.test(kept) ? kept : `${kept}…`;
}

function zoneOr(zone: string | undefined): string {
  return isTimeZone(zone) ? zone : viewerTimeZone();
}

/** The event's own zone, when it has a real one; UTC needs no VTIMEZONE and is written with `Z`. */
function eventZone(event: CalendarEvent): string | undefined {
  const zone = event.timeZone;
  if (event.allDay || !isTimeZone(zone) || /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/i.test(zone)) return undefined;
  return zone;
}

/** `[start, exclusive end]` of an all-day event as `YYYYMMDD` in the zone it was read in. */
function allDayDates(event: CalendarEvent, zone: string): [string, string] {
  const start = dayKey(event.start, zone);
  let end = event.end ? dayKey(event.end, zone) : start;
  if (end <= start) end = dayKey(addDaysIn(event.start, 1, zone), zone);
  return [start.replace(/-/g, ''), end.replace(/-/g, '')];
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `20230819T130000Z` */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/** `2023-08-19T13:00:00Z` */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, '');
}

/** Wall-clock time in `zone` as `20230819T150000`. */
export function localStamp(date: Date, zone: string): string {
  return utcStamp(new Date(date.getTime() + Math.round(zoneOffset(zone, date.getTime()) * 60) * 1000)).slice(0, -1);
}

/** `+0200`, `-0330`, `+001932` (RFC 5545 UTC-OFFSET; seconds only when there are any). */
function utcOffset(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const abs = Math.abs(seconds);
  const hhmm = `${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}`;
  return `${seconds < 0 ? '-' : '+'}${hhmm}${abs % 60 ? pad(abs % 60) : ''}`;
}

interface Transition {
  /** First instant of the new offset. */
  at: number;
  from: number;
  to: number;
}

/**
 * A VTIMEZONE for `zone` covering the years `fromYear`–`toYear`, built from the browser's
 * zone data (Intl, via `zoneOffset` in time.ts) because no zone database is shipped.
 *
 * The transitions are found by scanning: the offset is sampled every 7 days from 1 January of
 * `fromYear` to 1 January after `toYear` (no zone changes its offset twice within a week), and
 * each change between two samples is narrowed down by bisection to the minute (transitions
 * happen on whole minutes, also in half-hour zones such as Lord Howe or Newfoundland, which
 * hour-by-hour scanning gets wrong). Each transition becomes its own STANDARD or DAYLIGHT
 * component with an explicit DTSTART (the wall-clock time of the change in the old offset) and
 * no RRULE: exact for the years written, without guessing the zone's rule. A change to a larger
 * offset is DAYLIGHT, to a smaller one STANDARD. A first component, starting on 1 January of
 * `fromYear`, carries the offset in force before the first change (or all year, in zones
 * without DST), so every time in the span has an observance.
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const begin = Date.UTC(fromYear, 0, 1);
  const finish = Date.UTC(toYear + 1, 0, 1);
  const offsetAt = (ms: number) => zoneOffset(zone, ms);
  const transitions: Transition[] = [];
  const WEEK = 7 * DAY_MS;
  let previous = offsetAt(begin);
  const initial = previous;
  for (let t = begin; t < finish;) {
    const next = Math.min(t + WEEK, finish);
    const offset = offsetAt(next);
    if (offset !== previous) {
      let low = t; // offset `previous`
      let high = next; // offset `offset`
      while (high - low > 60_000) {
        const mid = low + Math.floor((high - low) / 120_000) * 60_000;
        if (offsetAt(mid) === previous) low = mid;
        else high = mid;
      }
      transitions.push({at: high, from: previous, to: offset});
      previous = offset;
    }
    t = next;
  }
  const smallest = Math.min(initial, ...transitions.map((tr) => tr.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${textValue(zone)}`];
  const observance = (kind: string, at: number, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${utcStamp(new Date(at + Math.round(from * 60) * 1000)).slice(0, -1)}`,
      `TZOFFSETFROM:${utcOffset(from)}`,
      `TZOFFSETTO:${utcOffset(to)}`,
      `END:${kind}`
    );
  observance(initial > smallest ? 'DAYLIGHT' : 'STANDARD', begin - Math.round(initial * 60) * 1000, initial, initial);
  for (const {at, from, to} of transitions) observance(to > from ? 'DAYLIGHT' : 'STANDARD', at, from, to);
  lines.push('END:VTIMEZONE');
  return lines;
}

// Control characters other than tab cannot appear in a content line; line breaks become `\n`.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** RFC 5545 §3.3.11 TEXT escaping. */
export function textValue(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

/** A parameter value: quoted when it holds `:;,`; DQUOTE is not allowed in one at all. */
export function paramValue(text: string): string {
  const clean = text
    .replace(/[\r\n]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

export function uriValue(url: string): string {
  return wellFormed(url).replace(/[\s\u0000-\u001f\u007f]/g, encodeUriPart);
}

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

function organizerEmail(organizer: string | undefined): string | undefined {
  return organizer ? EMAIL.exec(organizer)?.[0] : undefined;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1). Iterating the string yields whole code
 * points, so a surrogate pair, and therefore a 4-byte UTF-8 sequence, is never split.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    // The first line holds 75 octets; a continuation line 74 after its leading space.
    if (octets + size > (pieces.length ? 74 : 75)) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}
