/**
 * Reading the date and time strings feeds write, by strict rules (DESIGN.md "time rules"):
 * never `Date.parse`, whose answer depends on the browser and the viewer's zone. A date-only
 * value is a calendar date (all-day) kept as midnight in the display zone; a date-time without
 * an offset is floating and is read in the zone the caller gives; an offset or `Z` is an
 * instant. Zone arithmetic goes through @date-fns/tz, which uses the browser's own `Intl`
 * zone data, so no zone database is shipped.
 */
import {TZDateMini, tzOffset} from '@date-fns/tz';
import {addDays, addMonths, addWeeks, addYears, startOfDay} from 'date-fns';

export interface ParsedTime {
  date: Date;
  /** True when the source gave a date without a time of day. */
  allDay: boolean;
  /** The IANA zone the source named for this time, if any. */
  timeZone?: string;
}

const zoneValidity = new Map<string, boolean>();

/** Whether the browser knows `name` as a time zone (IANA names, `UTC`). Cached. */
export function isTimeZone(name: string | undefined | null): name is string {
  if (!name) return false;
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', {timeZone: name});
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(name, valid);
  }
  return valid;
}

/** The viewer's own zone, the last fallback for `time-zone`. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// Zone offsets by 15-minute slot. Asking `Intl` is the costly part of every zone conversion
// (tens of microseconds), and a feed or a recurring series asks about the same few hours again
// and again. Every real offset change falls on a quarter hour, so a slot has one offset.
const SLOT = 15 * 60_000;
const offsetSlots = new Map<string, number>();

/** Minutes east of UTC in `timeZone` at the instant `utcMs`. */
export function zoneOffset(timeZone: string, utcMs: number): number {
  const slot = Math.floor(utcMs / SLOT);
  const key = `${timeZone}|${slot}`;
  let offset = offsetSlots.get(key);
  if (offset === undefined) {
    if (offsetSlots.size > 20_000) offsetSlots.clear();
    offset = tzOffset(timeZone, new Date(slot * SLOT));
    offsetSlots.set(key, offset);
  }
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given fields (month 1–12).
 * As RFC 5545 says: a wall time that happens twice (autumn) is the first of the two; one that
 * never happens (the spring-forward gap) is read with the offset from before the change.
 */
export function wallClockToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  timeZone: string
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC maps years 0–99 to 1900–1999; feeds never mean that, but keep the field exact.
  const local = year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  // Offset changes are at most a few per year: the offsets a day either side are the candidates.
  const before = zoneOffset(timeZone, local - 86_400_000);
  const after = zoneOffset(timeZone, local + 86_400_000);
  const valid = [before, after]
    .map((offset) => local - offset * 60_000)
    .filter((utc) => local - zoneOffset(timeZone, utc) * 60_000 === utc);
  return new Date(valid.length ? Math.min(...valid) : local - before * 60_000);
}

/** Midnight of a calendar date in `timeZone`: how all-day dates are stored. */
export function calendarDate(year: number, month: number, day: number, timeZone: string): Date {
  return wallClockToInstant(year, month, day, 0, 0, 0, 0, timeZone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return (
    y >= 1 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) &&
    h >= 0 && (h < 24 || (h === 24 && mi === 0 && s === 0)) && mi >= 0 && mi < 60 && s >= 0 && s <= 60
  );
}

// 2023-08-19 | 2023-08-19T15:00 | 2023-08-19 15:00:00.0000001 | …Z | …+02:00 | …+0200 | …+02
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// 20230819 | 20230819T150000 | 20230819T150000Z (iCalendar's basic form)
const BASIC_PATTERN = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/i;

/**
 * Reads an ISO 8601 / RFC 3339 date or date-time, plus the spellings feeds use in practice
 * (a space for `T`, `+0100`, 7-digit fractions, the basic `20230819T150000` form).
 * `floatingZone` is the zone for a time without an offset: the source's when it names one,
 * else the display zone. Returns undefined for anything else.
 */
export function parseIsoDateTime(text: string, floatingZone: string): ParsedTime | undefined {
  const value = text.trim();
  const m = ISO_PATTERN.exec(value) ?? BASIC_PATTERN.exec(value);
  if (!m) return undefined;
  const isBasic = !value.includes('-');
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (m[4] === undefined) {
    if (!validFields(y, mo, d)) return undefined;
    return {date: calendarDate(y, mo, d, floatingZone), allDay: true};
  }
  const [h, mi, s] = [+m[4], +m[5], +(m[6] ?? 0)];
  if (!validFields(y, mo, d, h, mi, s)) return undefined;
  // Fractions are cut to milliseconds: SIDEARM's `.0000001` tick is noise, not a time.
  const ms = isBasic ? 0 : Math.floor(+`0.${m[7] ?? '0'}` * 1000);
  const offset = isBasic ? m[7] : m[8];
  if (!offset) {
    const date = wallClockToInstant(y, mo, d, h, mi, Math.min(s, 59), ms, floatingZone);
    return {date, allDay: false};
  }
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === undefined) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  return {date: new Date(utc), allDay: false};
}

/** `Z`, `+02:00`, `+0200`, `-05` → minutes east of UTC. */
function parseOffset(text: string): number | undefined {
  if (/^z$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const hours = +m[2];
  const minutes = +(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 822 / 2822 zone names; anything else (CEST, …) is not guessed.
const NAMED_OFFSETS: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60, BST: 60,
};

/**
 * Reads an RFC 822 date as RSS writes it: `Sat, 19 Aug 2023 15:00:00 +0200`. The day name is
 * optional and not checked (feeds localise it); seconds and the zone are optional; a missing zone
 * is floating; two-digit years are read as 19xx/20xx by the RFC 2822 rule.
 */
export function parseRfc822(text: string, floatingZone: string): ParsedTime | undefined {
  const m =
    /^\s*(?:[^\s,\d]+,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,5}))?)?\s*$/i.exec(
      text
    );
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  let year = +m[3];
  if (m[3].length === 2) year += year < 50 ? 2000 : 1900;
  const day = +m[1];
  if (month === 0) return undefined;
  if (m[4] === undefined) {
    if (!validFields(year, month, day)) return undefined;
    return {date: calendarDate(year, month, day, floatingZone), allDay: true};
  }
  const [h, mi, s] = [+m[4], +m[5], +(m[6] ?? 0)];
  if (!validFields(year, month, day, h, mi, s)) return undefined;
  const zone = m[7];
  if (!zone) return {date: wallClockToInstant(year, month, day, h, mi, s, 0, floatingZone), allDay: false};
  const offset = /^[+-]/.test(zone) ? parseOffset(zone) : NAMED_OFFSETS[zone.toUpperCase()];
  if (offset === undefined) return undefined;
  return {date: new Date(Date.UTC(year, month - 1, day, h, mi, s) - offset * 60_000), allDay: false};
}

/**
 * Any date a JSON or XML feed may hold: ISO 8601 first, then RFC 822. Numbers are not accepted
 * here: whether a number means seconds or milliseconds is a per-format fact (`fromEpoch`).
 * `sourceZone`, when valid, reads floating times and is recorded on the result.
 */
export function parseDateText(value: unknown, displayZone: string, sourceZone?: string): ParsedTime | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const zone = isTimeZone(sourceZone) ? sourceZone : displayZone;
  const parsed = parseIsoDateTime(value, zone) ?? parseRfc822(value, zone);
  if (parsed && zone === sourceZone && !parsed.allDay) parsed.timeZone = sourceZone;
  if (parsed?.allDay && zone !== displayZone) {
    // All-day dates belong to the calendar, not to a zone: keep them at midnight where shown.
    const key = dayKey(parsed.date, zone).split('-').map(Number);
    parsed.date = calendarDate(key[0], key[1], key[2], displayZone);
  }
  return parsed;
}

/** An epoch number in the unit the format documents (Gancio: seconds; Meetup: milliseconds). */
export function fromEpoch(value: unknown, unit: 's' | 'ms'): ParsedTime | undefined {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? +value : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  const date = new Date(unit === 's' ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? undefined : {date, allDay: false};
}

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of the calendar day `date` falls on in `timeZone`; the key for grouping by day. */
export function dayKey(date: Date, timeZone: string): string {
  let format = dayKeyFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'});
    dayKeyFormats.set(timeZone, format);
  }
  return format.format(date);
}

/** Midnight, in `timeZone`, of the day `date` falls on there. */
export function startOfDayIn(date: Date, timeZone: string): Date {
  return new Date(+startOfDay(new TZDateMini(date.getTime(), timeZone)));
}

/** Adds calendar days in `timeZone` (a DST day is 23 or 25 hours long). */
export function addDaysIn(date: Date, days: number, timeZone: string): Date {
  return new Date(+addDays(new TZDateMini(date.getTime(), timeZone), days));
}

const RELATIVE_UNITS = {
  day: addDays,
  week: addWeeks,
  month: addMonths,
  year: addYears,
} as const;

/**
 * Reads a `from`/`to` attribute: an ISO date or date-time, `today`, or an offset from today
 * such as `+3 months` or `-1 week`. Returns undefined (no bound) for anything else.
 */
export function resolveDateBound(value: string | undefined | null, now: Date, timeZone: string): Date | undefined {
  const text = value?.trim().toLowerCase();
  if (!text) return undefined;
  const today = new TZDateMini(+startOfDayIn(now, timeZone), timeZone);
  if (text === 'today' || text === 'now') return text === 'now' ? now : new Date(+today);
  if (text === 'tomorrow') return new Date(+addDays(today, 1));
  const relative = /^([+-])\s*(\d{1,4})\s*(day|week|month|year)s?$/.exec(text);
  if (relative) {
    const amount = (relative[1] === '-' ? -1 : 1) * +relative[2];
    return new Date(+RELATIVE_UNITS[relative[3] as keyof typeof RELATIVE_UNITS](today, amount));
  }
  return parseIsoDateTime(text.toUpperCase(), timeZone)?.date;
}
