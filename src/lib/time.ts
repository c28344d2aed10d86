/**
 * Reading the date and time strings feeds write, by strict rules (DESIGN.md "time rules"):
 * never `Date.parse`, whose answer depends on the browser and the viewer's zone. A date-only
 * value is a calendar date (all-day) kept as midnight in the display zone; a date-time without
 * an offset is floating and is read in the zone the caller gives; an offset or `Z` is an
 * instant. Zone offsets come from `tzOffset` (@date-fns/tz), which asks the browser's own `Intl`,
 * so no zone database is shipped.
 *
 * Calendar arithmetic in a zone (adding days or months, the start of a day) is done here by hand
 * on wall-clock fields, not with date-fns on a `TZDate`, for three reasons measured against it:
 * it broke the RFC 5545 rules above (a repeated hour sometimes read as its second occurrence, and
 * results that changed with the machine's own zone); a `TZDate` re-reads the zone offset from
 * `Intl` several times per operation, the largest cost of reading a big feed; and this module is
 * in the entry chunk every page loads, where the two weighed 0.8 KB gzip.
 */
import {tzOffset} from '@date-fns/tz/tzOffset';

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

let viewerZone: string | undefined;

/** The viewer's own zone, the last fallback for `time-zone`. Asked once: it costs an `Intl` object. */
export function viewerTimeZone(): string {
  return (viewerZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

// Zone offsets by hour. Asking `Intl` is the costly part of every zone conversion (microseconds),
// and a feed or a recurring series asks about the same few hours again and again. An offset
// changes at most once in an hour: when the next hour starts with another offset, the change is
// somewhere in this one (not always on the hour: St. John's changed at 00:01 until 2011, local
// mean time ended at odd seconds), so the instant itself is asked about. One map per zone: a
// number key needs no string built.
const MINUTE = 60_000;
const DAY = 86_400_000;
const SLOT = 60 * MINUTE;
const offsetSlots = new Map<string, Map<number, number>>();

function slotOffset(timeZone: string, slots: Map<number, number>, slot: number): number {
  let offset = slots.get(slot);
  if (offset === undefined) {
    if (slots.size > 20_000) slots.clear();
    offset = tzOffset(timeZone, new Date(slot * SLOT));
    slots.set(slot, offset);
  }
  return offset;
}

/**
 * The offset at the start of the hour that holds `utcMs` (cached): the offset at `utcMs` itself
 * unless it changes within that hour, which `zoneOffset` checks and this does not.
 */
function hourStartOffset(timeZone: string, utcMs: number): number {
  let slots = offsetSlots.get(timeZone);
  if (!slots) offsetSlots.set(timeZone, (slots = new Map()));
  return slotOffset(timeZone, slots, Math.floor(utcMs / SLOT));
}

/** Minutes east of UTC in `timeZone` at the instant `utcMs`. */
export function zoneOffset(timeZone: string, utcMs: number): number {
  const offset = hourStartOffset(timeZone, utcMs);
  const next = hourStartOffset(timeZone, utcMs + SLOT);
  // The offset changes within this hour or at its end: ask about the very instant.
  return next === offset || Number.isNaN(offset) ? offset : tzOffset(timeZone, new Date(utcMs));
}

/**
 * The wall clock in `timeZone` at the instant `utcMs`, as a timestamp whose UTC fields show it.
 * On such a "wall time", calendar arithmetic is plain UTC arithmetic: a day is always 24 hours.
 * Rounded because offsets of the 1800s have seconds (53 min 28 s is not a whole number of ms).
 */
function wallTime(utcMs: number, timeZone: string): number {
  return utcMs + Math.round(zoneOffset(timeZone, utcMs) * MINUTE);
}

/**
 * The instant at which the wall clock in `timeZone` shows `local` (a wall time, as above).
 * As RFC 5545 says: a wall time that happens twice (autumn) is the first of the two; one that
 * never happens (the spring-forward gap) is read with the offset from before the change.
 */
function instantAt(local: number, timeZone: string): number {
  // Offset changes are at most a few per year: the offsets a day either side are the candidates.
  // Those at the start of their hours serve as well, and cost half the questions to `Intl` on a
  // feed's first read: a change within either hour is a day away from `local`, so when the two
  // agree the offset holds from a day before to a day after, and when they differ the candidates
  // are still the offsets on either side of the change.
  const before = hourStartOffset(timeZone, local - DAY);
  const after = hourStartOffset(timeZone, local + DAY);
  const withBefore = local - before * MINUTE;
  if (after === before) return withBefore;
  const withAfter = local - after * MINUTE;
  // A candidate is real when the zone has that offset at that instant.
  const beforeReal = zoneOffset(timeZone, withBefore) === before;
  const afterReal = zoneOffset(timeZone, withAfter) === after;
  if (beforeReal && afterReal) return Math.min(withBefore, withAfter);
  return afterReal ? withAfter : withBefore;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given fields (month 1–12; fields
 * past their range carry over, as in `Date.UTC`). A repeated wall time is the first of the two;
 * one in a spring-forward gap is read with the offset from before the change (`instantAt`).
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
  return new Date(instantAt(local, timeZone));
}

/** Midnight of a calendar date in `timeZone`: how all-day dates are stored. */
export function calendarDate(year: number, month: number, day: number, timeZone: string): Date {
  return wallClockToInstant(year, month, day, 0, 0, 0, 0, timeZone);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, Gregorian leap years. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

function validFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return (
    y >= 1 &&
    y <= 9999 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    h >= 0 &&
    (h < 24 || (h === 24 && mi === 0 && s === 0)) &&
    mi >= 0 &&
    mi < 60 &&
    s >= 0 &&
    s <= 60
  );
}

// 2023-08-19 | 2023-08-19T15:00 | 2023-08-19 15:00:00.0000001 | …Z | …+02:00 | …+0200 | …+02
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
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
  let m = ISO_PATTERN.exec(value);
  const isBasic = !m;
  if (isBasic) m = BASIC_PATTERN.exec(value);
  if (!m) return undefined;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (m[4] === undefined) {
    if (!validFields(y, mo, d)) return undefined;
    return {date: calendarDate(y, mo, d, floatingZone), allDay: true};
  }
  const h = +m[4];
  const mi = +m[5];
  const s = m[6] ? +m[6] : 0;
  if (!validFields(y, mo, d, h, mi, s)) return undefined;
  // Fractions are cut to milliseconds: SIDEARM's `.0000001` tick is noise, not a time.
  const ms = !isBasic && m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
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

const OFFSET_PATTERN = /^([+-])(\d{2}):?(\d{2})?$/;

/** `Z`, `+02:00`, `+0200`, `-05` → minutes east of UTC. */
function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const m = OFFSET_PATTERN.exec(text);
  if (!m) return undefined;
  const hours = +m[2];
  const minutes = +(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 822 / 2822 zone names; anything else (CEST, …) is not guessed.
const NAMED_OFFSETS: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  WET: 0,
  WEST: 60,
  BST: 60,
};

/**
 * Reads an RFC 822 date as RSS writes it: `Sat, 19 Aug 2023 15:00:00 +0200`. The day name is
 * optional and not checked (feeds localise it); seconds and the zone are optional; a missing zone
 * is floating; two-digit years are read as 19xx/20xx by the RFC 2822 rule.
 */
export function parseRfc822(text: string, floatingZone: string): ParsedTime | undefined {
  const m = /^\s*(?:[^\s,\d]+,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,5}))?)?\s*$/i.exec(
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
    const day = new Date(wallTime(parsed.date.getTime(), zone));
    parsed.date = calendarDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), displayZone);
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
// Keys are asked for every event, mostly for the same day as the one before.
let lastDay = {timeZone: '', day: NaN, key: ''};
// Intl writes a year with four digits only in these years (no padding, no sign, eras before 1).
const FOUR_DIGIT_YEARS_FROM = Date.UTC(1000, 0, 1);
const FOUR_DIGIT_YEARS_TO = Date.UTC(10_000, 0, 1);

/** `YYYY-MM-DD` of the calendar day `date` falls on in `timeZone`; the key for grouping by day. */
export function dayKey(date: Date, timeZone: string): string {
  // Fast path: the wall clock from the cached offset, without formatting (microseconds each).
  // Not for offsets between -1 h and 0 (Dublin until 1916, Monrovia until 1972): `tzOffset`
  // reads `-00:25:21` as +25 minutes, and the key must be the same as Intl's.
  const utcMs = date.getTime();
  const offset = zoneOffset(timeZone, utcMs);
  const wall = utcMs + Math.round(offset * MINUTE);
  if ((offset === 0 || Math.abs(offset) >= 60) && wall >= FOUR_DIGIT_YEARS_FROM && wall < FOUR_DIGIT_YEARS_TO) {
    const day = Math.floor(wall / DAY);
    if (day !== lastDay.day || timeZone !== lastDay.timeZone) {
      lastDay = {timeZone, day, key: new Date(wall).toISOString().slice(0, 10)};
    }
    return lastDay.key;
  }
  let format = dayKeyFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'});
    dayKeyFormats.set(timeZone, format);
  }
  return format.format(date);
}

/** Midnight, in `timeZone`, of the day `date` falls on there. */
export function startOfDayIn(date: Date, timeZone: string): Date {
  const wall = wallTime(date.getTime(), timeZone);
  return new Date(instantAt(Math.floor(wall / DAY) * DAY, timeZone));
}

/** Adds calendar days in `timeZone`, keeping the time of day (a DST day is 23 or 25 hours long). */
export function addDaysIn(date: Date, days: number, timeZone: string): Date {
  // Zero days is the same instant, even in the second of two repeated hours.
  if (days === 0) return new Date(date.getTime());
  return new Date(instantAt(wallTime(date.getTime(), timeZone) + days * DAY, timeZone));
}

/** Adds calendar months in `timeZone`; 31 January + 1 month is the last day of February. */
function addMonthsIn(date: Date, months: number, timeZone: string): Date {
  if (months === 0) return new Date(date.getTime());
  const wall = new Date(wallTime(date.getTime(), timeZone));
  const day = wall.getUTCDate();
  wall.setUTCMonth(wall.getUTCMonth() + months, 1);
  wall.setUTCDate(Math.min(day, daysInMonth(wall.getUTCFullYear(), wall.getUTCMonth() + 1)));
  return new Date(instantAt(wall.getTime(), timeZone));
}

const RELATIVE_PATTERN = /^([+-])\s*(\d{1,4})\s*(day|week|month|year)s?$/;

/**
 * Reads a `from`/`to` attribute: an ISO date or date-time, `today`, or an offset from today
 * such as `+3 months` or `-1 week`. Returns undefined (no bound) for anything else.
 */
export function resolveDateBound(value: string | undefined | null, now: Date, timeZone: string): Date | undefined {
  const text = value?.trim().toLowerCase();
  if (!text) return undefined;
  if (text === 'now') return now;
  const today = startOfDayIn(now, timeZone);
  if (text === 'today') return today;
  if (text === 'tomorrow') return addDaysIn(today, 1, timeZone);
  const relative = RELATIVE_PATTERN.exec(text);
  if (relative) {
    const amount = (relative[1] === '-' ? -1 : 1) * +relative[2];
    const unit = relative[3];
    if (unit === 'day' || unit === 'week') return addDaysIn(today, unit === 'week' ? amount * 7 : amount, timeZone);
    return addMonthsIn(today, unit === 'year' ? amount * 12 : amount, timeZone);
  }
  return parseIsoDateTime(text.toUpperCase(), timeZone)?.date;
}
