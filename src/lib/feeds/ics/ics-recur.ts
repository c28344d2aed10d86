/**
 * Recurrence expansion for the iCalendar parser: DTSTART, every RRULE, RDATE, minus EXDATE,
 * only inside the shown window and capped. Rules are iterated by ical.js on *floating* wall-clock
 * fields; the caller places each occurrence in the event's own zone, so 14:15 stays 14:15 across
 * a DST change. Kept apart from ics.ts so each file stays readable; both are in the ICS chunk.
 */
import ICAL from 'ical.js';
import {runSync, type Steps} from '../steps.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/** The zone wall-clock fields are read in: an IANA zone (the usual case) or a VTIMEZONE. */
export type Zone = {iana: string; named: boolean} | {vtimezone: IcalTimezone};
export interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}
/**
 * One resolved DTSTART-like value. `key` identifies a recurrence: the ISO instant, or the date
 * when all-day. Both strings are made when first asked for: most events never need them.
 */
export class Stamp {
  private text?: {day?: string; key?: string};

  constructor(
    readonly date: Date,
    readonly allDay: boolean,
    readonly fields: Fields,
    readonly zone?: Zone
  ) {}

  /** The date of the fields, YYYY-MM-DD. */
  get day(): string {
    const text = (this.text ??= {});
    return (text.day ??= `${String(this.fields.y).padStart(4, '0')}-${pad(this.fields.mo)}-${pad(this.fields.d)}`);
  }

  get key(): string {
    const text = (this.text ??= {});
    return (text.key ??= this.allDay ? this.day : this.date.toISOString());
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export const DAY_MS = 86_400_000;
/** Rule steps per RRULE, counting ical.js's inner tries too: stops rules that can never match. */
const STEP_CAP = 20_000;
/**
 * Steps walked from DTSTART for a rule with COUNT that cannot be fast-forwarded (one with BYxxx
 * parts): COUNT=1000000 from 1900 would otherwise walk for minutes. The walk pauses as it goes
 * (`PAUSE_EVERY`), so this bounds the work, not how long the page waits between paints.
 */
const COUNT_WALK_CAP = 50_000;
/** Rule steps between pauses: a step costs ical.js up to about a millisecond (a monthly BYDAY rule), so a stretch stays far below 50 ms. */
export const PAUSE_EVERY = 16;

export interface ExpandOptions {
  /** The dates to expand over; when a cap cuts the series, the occurrences nearest `near` are kept (default: `from`). */
  window: {from: number; to: number; near?: number};
  /** How long one occurrence lasts, so one that started before the window but still runs is kept. */
  spanMs: number;
  /** Occurrences to keep at most. */
  limit: number;
  /** Wall-clock fields of a rule step → the occurrence in the series' zone. */
  place: (fields: Fields) => Stamp;
  /** An RDATE/EXDATE value with its property's TZID → a stamp. */
  read: (value: unknown, tzid: string | undefined) => Stamp | undefined;
  /** The calendar's zone, in which a UTC UNTIL of an all-day series is read. */
  allDayZone?: string;
  /** Told why a rule gave up (never matches, COUNT too long to walk): the caller reports it. */
  report?: (problem: string) => void;
  /** Told when the series has more occurrences in the window than `limit` lets it keep. */
  cut?: () => void;
}

/** The occurrences of the series `comp` whose first one is `start`, keyed by `Stamp.key`. */
export function expandSeries(comp: IcalComponent, start: Stamp, options: ExpandOptions): Map<string, Stamp> {
  return runSync(expandSeriesSteps(comp, start, options));
}

/** `expandSeries` as steps (see steps.ts): it pauses every `PAUSE_EVERY` rule steps. */
export function* expandSeriesSteps(comp: IcalComponent, start: Stamp, options: ExpandOptions): Steps<Map<string, Stamp>> {
  const {from, to} = options.window;
  const near = options.window.near ?? from;
  const limit = Math.max(options.limit, 0);
  const span = Math.max(options.spanMs, 0);
  const found = new Map<string, Stamp>();
  // Occurrences kept from `near` on: once `limit` of them are found, later ones are all farther.
  let ahead = 0;
  let cut = false;
  const add = (stamp: Stamp) => {
    const t = stamp.date.getTime();
    if (t > to || t + span < from || found.has(stamp.key)) return;
    found.set(stamp.key, stamp);
    if (t >= near) ahead++;
  };
  add(start);
  for (const prop of comp.getAllProperties('rrule')) {
    const written = safe(() => prop.getFirstValue());
    if (!(written instanceof ICAL.Recur)) continue;
    if (neverMatches(written)) {
      options.report?.(`its RRULE ${written.toString()} matches no date, so only its first date is shown`);
      continue;
    }
    // ical.js 2.2.1 counts a step twice when its iterator retries a repeated step (seen when
    // DTSTART's month is not the first BYMONTH value: COUNT=3;BYDAY=3WE;BYMONTH=1,9 from
    // 20 September stops after two). So the rule ical.js iterates has no COUNT; it is counted
    // here, DTSTART as the first (RFC 5545 §3.8.5.3). A COUNT that is not a positive integer is
    // ignored (UNTIL, if any, applies). The component's own rule is left as written.
    const count = Number.isInteger(written.count) && written.count! > 0 ? written.count! : undefined;
    const rule = written.clone();
    rule.count = null;
    if (rule.until) rule.until = untilInZone(rule.until, start, options.allDayZone);
    // A window open to the past (a list of past events) is walked only as far back as `limit`
    // periods before `near` could fill: further back every occurrence would be cut anyway. Not
    // for a series that ends (COUNT, UNTIL): its last occurrences may all lie before that.
    const endless = count === undefined && !rule.until;
    const walkFrom = endless ? Math.max(from, near - (limit + 1) * shortestPeriod(rule)) : from;
    if (walkFrom > from && start.date.getTime() + span < walkFrom) cut = true;
    const forward = fastForward(rule, start, walkFrom - span - 2 * DAY_MS, count !== undefined);
    // DTSTART is the first occurrence even when the rule does not match it (§3.8.5.3), and
    // ical.js then starts with the first date that matches: DTSTART is counted here.
    let produced = forward.skipped;
    const startWall = wallMs(start.fields);
    let walked = 0;
    let budget = STEP_CAP;
    const steps = safe(() => rule.iterator(forward.time));
    if (!steps) continue;
    const check = steps.check_contracting_rules.bind(steps);
    steps.check_contracting_rules = () => {
      if (--budget < 0) throw new NeverMatches();
      return check();
    };
    let last = -Infinity;
    try {
      // Wall-clock milliseconds are within a day of the instant, so steps outside the window
      // are judged without zone arithmetic (the costly part).
      for (let t = steps.next(); t; t = steps.next()) {
        if (++walked % PAUSE_EVERY === 0) yield;
        const f: Fields = {y: t.year, mo: t.month, d: t.day, h: t.hour, mi: t.minute, s: t.second};
        const wall = wallMs(f);
        // A step given twice, or one ical.js rolled over from a date that does not exist
        // (31 February as 3 March): not an occurrence (RFC 5545 §3.3.10 ignores invalid dates).
        if (wall <= last || !fitsRule(written, f)) continue;
        if (last === -Infinity && !forward.skipped && wall !== startWall) produced++;
        last = wall;
        if (count !== undefined && ++produced > count) break;
        if (wall > to + 2 * DAY_MS) break;
        if (wall + span < walkFrom - 2 * DAY_MS) {
          if (count !== undefined && walked >= COUNT_WALK_CAP) {
            options.report?.(`its RRULE ${written.toString()} counts more steps than are walked from its start (${COUNT_WALK_CAP}); later ones are not shown`);
            break;
          }
          continue;
        }
        if (ahead >= limit) {
          cut = true;
          break;
        }
        add(options.place(f));
      }
    } catch (error) {
      if (error instanceof NeverMatches) options.report?.(`its RRULE ${written.toString()} stopped matching dates after ${STEP_CAP} tries`);
    }
  }
  // A series may list thousands of dates: they too are read between pauses.
  let dates = 0;
  for (const prop of comp.getAllProperties('rdate')) {
    for (const value of safe(() => prop.getValues()) ?? []) {
      if (++dates % (4 * PAUSE_EVERY) === 0) yield;
      const stamp = options.read(value, tzidOf(prop));
      if (stamp) add(stamp);
    }
  }
  for (const prop of comp.getAllProperties('exdate')) {
    for (const value of safe(() => prop.getValues()) ?? []) {
      if (++dates % (4 * PAUSE_EVERY) === 0) yield;
      const stamp = options.read(value, tzidOf(prop));
      if (!stamp) continue;
      found.delete(stamp.key);
      // A date-only EXDATE on a timed series removes that day's occurrence.
      if (stamp.allDay) for (const [key, s] of found) if (s.day === stamp.day) found.delete(key);
    }
  }
  if (found.size > limit) {
    cut = true;
    const distance = (stamp: Stamp) => Math.abs(stamp.date.getTime() - near);
    const kept = new Set([...found.values()].sort((a, b) => distance(a) - distance(b)).slice(0, limit));
    for (const [key, stamp] of found) if (!kept.has(stamp)) found.delete(key);
  }
  if (cut) options.cut?.();
  return found;
}

/** The shortest time one period of the rule can take (a month: 28 days), at least a second. */
function shortestPeriod(rule: IcalRecur): number {
  const unit = {SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS, MONTHLY: 28 * DAY_MS, YEARLY: 365 * DAY_MS}[
    rule.freq as string
  ];
  return (unit ?? 1000) * Math.max(1, rule.interval || 1);
}

class NeverMatches extends Error {}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a step lies in the rule's BYMONTH and BYMONTHDAY (ical.js rolls impossible dates over into the next month). */
function fitsRule(rule: IcalRecur, f: Fields): boolean {
  const months = rule.parts.BYMONTH as number[] | undefined;
  if (months?.length && !months.includes(f.mo)) return false;
  const days = rule.parts.BYMONTHDAY as number[] | undefined;
  if (!days?.length) return true;
  const length = ICAL.Time.daysInMonth(f.mo, f.y);
  return days.some((d) => d === f.d || (d < 0 && length + 1 + d === f.d));
}

/** A rule whose BYMONTHDAY exists in none of its BYMONTH months (31 February): it gives nothing but DTSTART. */
function neverMatches(rule: IcalRecur): boolean {
  const days = rule.parts.BYMONTHDAY as number[] | undefined;
  if (!days?.length) return false;
  const months = (rule.parts.BYMONTH as number[] | undefined)?.length ? (rule.parts.BYMONTH as number[]) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return months.every((m) => days.every((d) => Math.abs(d) > (MONTH_DAYS[m - 1] ?? 0)));
}

/**
 * ical.js walks a rule from DTSTART one step at a time (about a millisecond per monthly step), so a
 * weekly series begun in 2005 would cost thousands of steps before today's window. Moving DTSTART
 * forward by whole periods (interval × frequency) keeps exactly the same occurrences after it,
 * so the walk starts one period before `targetWall`. The moved start is always returned first by
 * ical.js, matching or not; it lies before the window, so it is never kept. With COUNT the walk
 * moves only for a rule without BYxxx parts, where each skipped period held exactly one
 * occurrence: `skipped` of them are then counted as already given.
 */
function fastForward(rule: IcalRecur, start: Stamp, targetWall: number, counted: boolean): {time: IcalTime; skipped: number} {
  const f = start.fields;
  let g = f;
  let skipped = 0;
  const interval = Math.max(1, rule.interval || 1);
  const unit = {SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS}[rule.freq as string];
  const byParts = Object.values(rule.parts).some((values) => (values as unknown[] | undefined)?.length);
  if ((!counted || !byParts) && targetWall > wallMs(f)) {
    if (unit) {
      const k = Math.floor((targetWall - wallMs(f)) / (unit * interval)) - 1;
      if (k > 0) {
        g = fieldsOfWall(wallMs(f) + k * unit * interval);
        skipped = k;
      }
    } else if (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') {
      const target = new Date(targetWall);
      const months = (target.getUTCFullYear() - f.y) * 12 + target.getUTCMonth() + 1 - f.mo;
      const step = rule.freq === 'MONTHLY' ? interval : 12 * interval;
      const k = Math.floor(months / step) - 1;
      // Without BY-day parts the day of DTSTART is the rule's day: only move when it exists in
      // every month (≤ 28) or, yearly, in every year (not 29 February).
      const byDay = ['BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO'].some((part) => rule.parts[part as keyof typeof rule.parts]);
      const safeDay = rule.freq === 'MONTHLY' ? byDay || f.d <= 28 : !(f.mo === 2 && f.d === 29);
      if (k > 0 && safeDay) {
        const m = f.mo - 1 + k * step;
        g = {...f, y: f.y + Math.floor(m / 12), mo: (m % 12) + 1, d: rule.freq === 'MONTHLY' && byDay ? 1 : f.d};
        skipped = k;
      }
    }
  }
  return {time: ICAL.Time.fromData({year: g.y, month: g.mo, day: g.d, hour: g.h, minute: g.mi, second: g.s, isDate: start.allDay}), skipped};
}

/**
 * ical.js compares UNTIL with the floating steps as if both were UTC; a UTC UNTIL is therefore
 * first turned into the series' own wall clock. All-day series compare dates only: a UTC UNTIL
 * on one (Outlook writes the last day's local midnight in UTC, `20200916T230000Z` for
 * 17 September in London) is taken as its date in the calendar's zone (`allDayZone`).
 */
function untilInZone(until: IcalTime, start: Stamp, allDayZone?: string): IcalTime {
  const date = {year: until.year, month: until.month, day: until.day};
  if (start.allDay) {
    if (until.isDate || until.zone?.tzid !== 'UTC' || !allDayZone) return ICAL.Time.fromData({...date, isDate: true});
    const wall = wallClockIn(allDayZone, until);
    return ICAL.Time.fromData({year: wall.year, month: wall.month, day: wall.day, isDate: true});
  }
  if (until.isDate) return ICAL.Time.fromData({...date, hour: 23, minute: 59, second: 59});
  const zone = start.zone;
  if (until.zone?.tzid !== 'UTC' || !zone) return until;
  if ('vtimezone' in zone) return ICAL.Time.fromData(toFields(until.convertToZone(zone.vtimezone)));
  return ICAL.Time.fromData(wallClockIn(zone.iana, until));
}

/** The wall clock in an IANA zone at the instant of a UTC `ICAL.Time`. */
function wallClockIn(zone: string, utc: IcalTime) {
  const instant = Date.UTC(utc.year, utc.month - 1, utc.day, utc.hour, utc.minute, utc.second);
  const parts = Object.fromEntries(
    wallClockFormat(zone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, +p.value])
  );
  return {year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second};
}

function toFields(t: IcalTime) {
  return {year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second};
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(zone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(zone, format);
  }
  return format;
}

/** Midnight UTC of the fields' date: day arithmetic on calendar dates, free of any zone. */
export function utcDay(f: Fields): number {
  return Date.UTC(f.y, f.mo - 1, f.d);
}

function wallMs(f: Fields): number {
  return utcDay(f) + ((f.h * 60 + f.mi) * 60 + f.s) * 1000;
}

function fieldsOfWall(ms: number): Fields {
  const d = new Date(ms);
  return {y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds()};
}

function tzidOf(prop: InstanceType<typeof ICAL.Property>): string | undefined {
  const tzid = prop.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
