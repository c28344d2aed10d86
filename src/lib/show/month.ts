/**
 * The month grid: which days a month view shows, in which week rows, and which events go in
 * which cell. Pure data; the element renders it as a table. Loaded on demand with the month view.
 *
 * Weeks start on the locale's first day (Monday in Sweden, Sunday in the US, Saturday in
 * Egypt), from `Intl.Locale#getWeekInfo` where the browser has it. Day keys come from calendar
 * arithmetic, never from adding 24 hours, so DST days keep their dates.
 *
 * A day with 500 events must stay cheap: each event is placed by a binary search over the
 * grid's day boundaries (no `Intl` call, no allocation per event), days are counted with a
 * difference array (O(events + days)), and only the events that fit (`maxPerDay`) become
 * objects; the rest are a number, `hiddenCount`.
 */
import type {CalendarEvent} from '../events/model.js';
import {calendarDate, dayKey} from '../time.js';
import {now} from '../clock.js';

/** One event as shown in one day cell. */
export interface MonthEntry {
  event: CalendarEvent;
  /** Row inside the cell, from 0; a multi-day event keeps its row across the days of one week. */
  slot: number;
  /** It started on an earlier day (draw it without a left edge). */
  continued: boolean;
  /** It goes on after this day (draw it without a right edge). */
  continues: boolean;
}

export interface MonthDay {
  /** `YYYY-MM-DD` */
  key: string;
  /** Midnight of the day in the grid's zone. */
  date: Date;
  /** Day of the month, 1–31. */
  day: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** False for the leading/trailing days of the neighbouring months. */
  inMonth: boolean;
  isToday: boolean;
  /** Events shown, at most `maxPerDay`, in slot order. */
  events: MonthEntry[];
  /** Events on this day that are not shown ("+N more"). */
  hiddenCount: number;
}

export interface MonthGrid {
  year: number;
  /** 1–12 */
  month: number;
  /** ISO weekday the weeks start on: 1 Monday … 7 Sunday. */
  firstDay: number;
  /** ISO weekdays in column order. */
  weekdays: number[];
  /** 4 to 6 rows of 7 days. */
  weeks: MonthDay[][];
  /** The visible window: midnight of the first cell, and of the day after the last (exclusive). */
  from: Date;
  to: Date;
}

export interface MonthOptions {
  /** IANA zone the grid's days are in. */
  timeZone: string;
  /** BCP 47 locale; picks the first day of the week. */
  locale: string;
  /** Events shown per day before "+N more" (default 3). */
  maxPerDay?: number;
  /** Marks today; default: the current time. */
  now?: Date;
  /** Overrides the locale's first day of the week (ISO 1–7). */
  firstDay?: number;
}

// CLDR weekData for regions whose week starts on Sunday or Saturday; everything else is Monday.
const SUNDAY_REGIONS = new Set(
  'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' '
  )
);
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

interface LocaleWithWeekInfo extends Intl.Locale {
  getWeekInfo?: () => {firstDay?: number};
  weekInfo?: {firstDay?: number};
}

const firstDays = new Map<string, number>();

/**
 * The ISO weekday (1 Monday … 7 Sunday) a week starts on in `locale`: the browser's answer
 * (`getWeekInfo()`, or the older `weekInfo` getter), else the region's CLDR rule (the region
 * guessed with `maximize()`: `en` is `en-Latn-US`), else Monday.
 */
export function firstDayOfWeek(locale: string): number {
  let day = firstDays.get(locale);
  if (day !== undefined) return day;
  day = 1;
  try {
    const intlLocale = new Intl.Locale(locale) as LocaleWithWeekInfo;
    const info = intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo;
    if (info?.firstDay && info.firstDay >= 1 && info.firstDay <= 7) day = info.firstDay;
    else {
      const region = intlLocale.region ?? intlLocale.maximize().region ?? '';
      day = SUNDAY_REGIONS.has(region) ? 7 : SATURDAY_REGIONS.has(region) ? 6 : 1;
    }
  } catch {
    // Not a locale: Monday, the ISO week.
  }
  firstDays.set(locale, day);
  return day;
}

/** `{year, month}` moved by `delta` months (month 1–12). */
export function shiftMonth(year: number, month: number, delta: number): {year: number; month: number} {
  const index = year * 12 + (month - 1) + delta;
  return {year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1};
}

/** ISO weekday of a calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Where the grid starts (days before the 1st) and how many days it shows. */
function layout(year: number, month: number, firstDay: number): {lead: number; cells: number} {
  const lead = (isoWeekday(year, month, 1) - firstDay + 7) % 7;
  return {lead, cells: Math.ceil((lead + daysInMonth(year, month)) / 7) * 7};
}

/** `[year, month, day]` of the date `offset` days after the 1st of the month (offset may be negative). */
function dayAt(year: number, month: number, offset: number): [number, number, number] {
  const date = new Date(Date.UTC(year, month - 1, 1 + offset));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The window the grid shows, so the list can expand recurrences for exactly it. With `locale`
 * it is the grid's own window; without, it is wide enough for any first day of the week
 * (6 days before the 1st to 6 days after the month).
 */
export function monthRange(year: number, month: number, timeZone: string, locale?: string): {from: Date; to: Date} {
  if (locale) {
    const {lead, cells} = layout(year, month, firstDayOfWeek(locale));
    return {from: calendarDate(...dayAt(year, month, -lead), timeZone), to: calendarDate(...dayAt(year, month, cells - lead), timeZone)};
  }
  return {
    from: calendarDate(...dayAt(year, month, -6), timeZone),
    to: calendarDate(...dayAt(year, month, daysInMonth(year, month) + 6), timeZone),
  };
}

/** Index of the cell whose day contains `ms`: the last boundary at or before it (boundaries ascending). */
function cellOf(boundaries: Float64Array, ms: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (boundaries[mid] <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The grid for `month` of `year` with `events` placed on every day they cover. Events are
 * ordered by start, then longer first (so multi-day bars take the top rows), then title and id,
 * which makes the slots stable whatever order the feed had. A multi-day event takes, in each
 * week it crosses, the lowest row that is free on all its days that week; when no row below
 * `maxPerDay` is free it is counted in those days' `hiddenCount` instead.
 */
export function buildMonth(year: number, month: number, events: readonly CalendarEvent[], options: MonthOptions): MonthGrid {
  const {timeZone, locale} = options;
  const maxPerDay = Math.max(0, Math.floor(options.maxPerDay ?? 3));
  const firstDay = options.firstDay && options.firstDay >= 1 && options.firstDay <= 7 ? options.firstDay : firstDayOfWeek(locale);
  const {lead, cells} = layout(year, month, firstDay);
  const todayKey = dayKey(options.now ?? now(), timeZone);

  // boundaries[i] is midnight of cell i; boundaries[cells] is the end of the grid.
  const boundaries = new Float64Array(cells + 1);
  const days: MonthDay[] = [];
  for (let i = 0; i <= cells; i++) {
    const [y, m, d] = dayAt(year, month, i - lead);
    const date = calendarDate(y, m, d, timeZone);
    boundaries[i] = date.getTime();
    if (i === cells) break;
    const key = `${y}-${pad(m)}-${pad(d)}`;
    days.push({key, date, day: d, weekday: isoWeekday(y, m, d), inMonth: m === month, isToday: key === todayKey, events: [], hiddenCount: 0});
  }
  const gridStart = boundaries[0];
  const gridEnd = boundaries[cells];

  // First and last cell of every event in the grid (-1: not in the grid), in typed arrays.
  const count = events.length;
  const first = new Int16Array(count);
  const last = new Int16Array(count);
  const perDay = new Int32Array(cells + 1);
  const order: number[] = [];
  for (let i = 0; i < count; i++) {
    const event = events[i];
    const startMs = event.start.getTime();
    const endMs = event.end ? event.end.getTime() : startMs;
    // An all-day event without an end covers its day; an end is exclusive, so an event ending
    // at midnight does not reach into the next day.
    const lastMs = endMs > startMs ? endMs - 1 : startMs;
    if (lastMs < gridStart || startMs >= gridEnd || Number.isNaN(startMs)) {
      first[i] = last[i] = -1;
      continue;
    }
    first[i] = startMs < gridStart ? 0 : cellOf(boundaries, startMs);
    last[i] = lastMs >= gridEnd ? cells - 1 : cellOf(boundaries, lastMs);
    perDay[first[i]]++;
    perDay[last[i] + 1]--;
    order.push(i);
  }
  order.sort((a, b) => {
    const ea = events[a];
    const eb = events[b];
    return (
      ea.start.getTime() - eb.start.getTime() ||
      last[b] - first[b] - (last[a] - first[a]) ||
      (ea.end?.getTime() ?? 0) - (eb.end?.getTime() ?? 0) ||
      (ea.title < eb.title ? -1 : ea.title > eb.title ? 1 : 0) ||
      (ea.id < eb.id ? -1 : ea.id > eb.id ? 1 : 0)
    );
  });

  // taken[cell * maxPerDay + slot]: whether that row of that cell is used.
  const taken = new Uint8Array(cells * maxPerDay);
  const shown = new Int32Array(cells);
  for (const i of order) {
    for (let segmentStart = first[i]; segmentStart <= last[i];) {
      const weekEnd = segmentStart - (segmentStart % 7) + 6;
      const segmentEnd = Math.min(last[i], weekEnd);
      place(i, segmentStart, segmentEnd);
      segmentStart = segmentEnd + 1;
    }
  }

  function place(i: number, from: number, to: number): void {
    // A full day rules out the whole segment at once: the common case with 500 events on a day.
    for (let cell = from; cell <= to; cell++) if (shown[cell] >= maxPerDay) return;
    for (let slot = 0; slot < maxPerDay; slot++) {
      let free = true;
      for (let cell = from; cell <= to && free; cell++) free = !taken[cell * maxPerDay + slot];
      if (!free) continue;
      const event = events[i];
      const startsBefore = event.start.getTime() < gridStart;
      const endsAfter = (event.end?.getTime() ?? 0) - 1 >= gridEnd;
      for (let cell = from; cell <= to; cell++) {
        taken[cell * maxPerDay + slot] = 1;
        shown[cell]++;
        days[cell].events.push({
          event,
          slot,
          continued: cell > first[i] || startsBefore,
          continues: cell < last[i] || endsAfter,
        });
      }
      return;
    }
  }

  let running = 0;
  for (let cell = 0; cell < cells; cell++) {
    running += perDay[cell];
    const day = days[cell];
    day.hiddenCount = running - day.events.length;
    if (day.events.length > 1) day.events.sort((a, b) => a.slot - b.slot);
  }

  const weeks: MonthDay[][] = [];
  for (let cell = 0; cell < cells; cell += 7) weeks.push(days.slice(cell, cell + 7));
  return {
    year,
    month,
    firstDay,
    weekdays: Array.from({length: 7}, (_, i) => ((firstDay - 1 + i) % 7) + 1),
    weeks,
    from: new Date(gridStart),
    to: new Date(gridEnd),
  };
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** Weekday names for column headings, in the grid's column order (`weekdays` of a MonthGrid). */
export function weekdayNames(locale: string, weekdays: number[], style: 'long' | 'short' | 'narrow' = 'short'): string[] {
  const cacheKey = `${locale}|${style}`;
  let format = weekdayFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {weekday: style, timeZone: 'UTC'});
    weekdayFormats.set(cacheKey, format);
  }
  // 2024-01-01 was a Monday: ISO weekday n is 2024-01-0n.
  return weekdays.map((n) => format!.format(Date.UTC(2024, 0, n)));
}
