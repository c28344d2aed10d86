/**
 * Recurrence expansion for the iCalendar parser: DTSTART, every RRULE, RDATE, minus EXDATE,
 * only inside the shown window and capped. Rules are iterated by ical.js on *floating* wall-clock
 * fields; the caller places each occurrence in the event's own zone, so 14:15 stays 14:15 across
 * a DST change. Kept apart from ics.ts so each file stays readable; both are in the ICS chunk.
 */
import ICAL from 'ical.js';

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
  /** Told when the series has more occurrences in the window than `limit` lets it keep. */
  cut?: () => void;
}

/** The occurrences of the series `comp` whose first one is `start`, keyed by `Stamp.key`. */
export function expandSeries(comp: IcalComponent, start: Stamp, options: ExpandOptions): Map<string, Stamp> {
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
    const rule = safe(() => prop.getFirstValue());
    if (!(rule instanceof ICAL.Recur)) continue;
    if (rule.until) rule.until = untilInZone(rule.until, start);
    // A window open to the past (a list of past events) is walked only as far back as `limit`
    // periods before `near` could fill: further back every occurrence would be cut anyway.
    const walkFrom = Math.max(from, near - (limit + 1) * shortestPeriod(rule));
    if (walkFrom > from && start.date.getTime() + span < walkFrom) cut = true;
    safe(() => {
      const steps = rule.iterator(fastForward(rule, start, walkFrom - span - 2 * DAY_MS));
      let budget = STEP_CAP;
      const check = steps.check_contracting_rules.bind(steps);
      steps.check_contracting_rules = () => {
        if (--budget < 0) throw new Error('rule never matches');
        return check();
      };
      // Wall-clock milliseconds are within a day of the instant, so steps outside the window
      // are judged without zone arithmetic (the costly part).
      for (let t = steps.next(); t; t = steps.next()) {
        const f: Fields = {y: t.year, mo: t.month, d: t.day, h: t.hour, mi: t.minute, s: t.second};
        const wall = wallMs(f);
        if (wall > to + 2 * DAY_MS) break;
        if (wall + span < walkFrom - 2 * DAY_MS) continue;
        if (ahead >= limit) {
          cut = true;
          break;
        }
        add(options.place(f));
      }
    });
  }
  for (const prop of comp.getAllProperties('rdate')) {
    for (const value of safe(() => prop.getValues()) ?? []) {
      const stamp = options.read(value, tzidOf(prop));
      if (stamp) add(stamp);
    }
  }
  for (const prop of comp.getAllProperties('exdate')) {
    for (const value of safe(() => prop.getValues()) ?? []) {
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

/**
 * ical.js walks a rule from DTSTART one step at a time (about a millisecond per monthly step), so a
 * weekly series begun in 2005 would cost thousands of steps before today's window. Without COUNT,
 * moving DTSTART forward by whole periods (interval × frequency) keeps exactly the same
 * occurrences after it, so the walk starts one period before `targetWall`. The moved start is
 * always returned first by ical.js, matching or not; it lies before the window, so it is never kept.
 */
function fastForward(rule: IcalRecur, start: Stamp, targetWall: number): IcalTime {
  const f = start.fields;
  let g = f;
  const interval = Math.max(1, rule.interval || 1);
  const unit = {SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS}[rule.freq as string];
  if (!rule.count && targetWall > wallMs(f)) {
    if (unit) {
      const k = Math.floor((targetWall - wallMs(f)) / (unit * interval)) - 1;
      if (k > 0) g = fieldsOfWall(wallMs(f) + k * unit * interval);
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
      }
    }
  }
  return ICAL.Time.fromData({year: g.y, month: g.mo, day: g.d, hour: g.h, minute: g.mi, second: g.s, isDate: start.allDay});
}

/**
 * ical.js compares UNTIL with the floating steps as if both were UTC; a UTC UNTIL is therefore
 * first turned into the series' own wall clock. All-day series compare dates only.
 */
function untilInZone(until: IcalTime, start: Stamp): IcalTime {
  const date = {year: until.year, month: until.month, day: until.day};
  if (start.allDay) return ICAL.Time.fromData({...date, isDate: true});
  if (until.isDate) return ICAL.Time.fromData({...date, hour: 23, minute: 59, second: 59});
  const zone = start.zone;
  if (until.zone?.tzid !== 'UTC' || !zone) return until;
  if ('vtimezone' in zone) return ICAL.Time.fromData(toFields(until.convertToZone(zone.vtimezone)));
  const instant = Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second);
  const parts = Object.fromEntries(
    wallClockFormat(zone.iana)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, +p.value])
  );
  return ICAL.Time.fromData({...parts, hour: parts.hour % 24});
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
