/**
 * What the iCalendar parser knows about the calendar it reads (`Calendar`) and about each VEVENT
 * (`Parsed`), and how it turns their date values into instants: zones by TZID, all-day dates,
 * ends. Shared by ics.ts (reading) and ics-assemble.ts (series, overrides, versions); both are
 * in the ICS chunk.
 */
import ICAL from 'ical.js';
import type {CalendarEvent, CappedSeries, ParseContext} from '../../events/model.js';
import {calendarDate, wallClockToInstant} from '../../time.js';
import {DAY_MS, Stamp, utcDay, type Fields, type Zone} from './ics-recur.js';
import type {EventProps, TimeValue} from './ics-props.js';
import {ianaZoneFor} from './ics-zones.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

export interface Calendar {
  ctx: ParseContext;
  /** Floating times: X-WR-TIMEZONE when it is a zone, else the display zone. */
  floating: Zone & {iana: string};
  /** The calendar's own zone (X-WR-TIMEZONE, else its one VTIMEZONE), for a UTC UNTIL on an all-day series. */
  homeZone?: string;
  sourceZone?: string;
  vtimezones: Map<string, {lines: string[]; location?: string; parsed?: IcalTimezone | null}>;
  /** `zoneFor` by TZID: every event of a calendar names the same few. */
  zones: Map<string, Zone>;
  /** The dates series are expanded over; a cap keeps the occurrences nearest `near`. */
  window: {from: number; to: number; near: number};
  splitSpaces: boolean;
  total: number;
  /** The series a cap cut while expanding. */
  capped: CappedSeries[];
  /** Records a part of an event that was left out (a broken rule, a stale override), with the reason. */
  report: (index: number, reason: string) => void;
}

/** One VEVENT as read; `series` is its ical.js component when it has RRULE or RDATE. */
export interface Parsed {
  index: number;
  series?: IcalComponent;
  uid?: string;
  start: Stamp;
  recurrenceId?: Stamp;
  /** RECURRENCE-ID;RANGE=THISANDFUTURE: the changes hold for every later occurrence too. */
  thisAndFuture: boolean;
  /** SEQUENCE (0 when absent), then LAST-MODIFIED or DTSTAMP: which version of an event is newer. */
  sequence: number;
  modified: number;
  cancelled: boolean;
  base: CalendarEvent;
  end: EndRule;
}
/** How an occurrence's end follows from its start: exact milliseconds, or whole days (all-day). */
export type EndRule = {ms?: number; days?: number};

/** Reads DTSTART/DTEND/RECURRENCE-ID; undefined when missing or not a real date. */
export function readTime(props: EventProps, name: string, cal: Calendar): Stamp | undefined {
  return stampOf(props.time(name), cal);
}

export function stampOf(time: TimeValue | undefined, cal: Calendar): Stamp | undefined {
  if (!time) return undefined;
  const f: Fields = {y: time.y, mo: time.mo, d: time.d, h: time.h, mi: time.mi, s: time.s};
  const whole = Number.isInteger(f.y) && Number.isInteger(f.mo) && Number.isInteger(f.d) && Number.isInteger(f.h) && Number.isInteger(f.mi) && Number.isInteger(f.s);
  if (!whole || f.y < 1 || f.mo < 1 || f.mo > 12 || f.d < 1 || f.d > 31) return undefined;
  const zone: Zone | undefined = time.isDate ? undefined : time.utc ? {iana: 'UTC', named: false} : zoneFor(time.tzid, cal);
  const stamp = makeStamp(f, zone, cal);
  return Number.isNaN(stamp.date.getTime()) ? undefined : stamp;
}

/** All-day when `zone` is undefined: a calendar date at midnight in the display zone. */
export function makeStamp(f: Fields, zone: Zone | undefined, cal: Calendar): Stamp {
  if (!zone) return new Stamp(calendarDate(f.y, f.mo, f.d, cal.ctx.timeZone), true, f);
  const date =
    'iana' in zone
      ? wallClockToInstant(f.y, f.mo, f.d, f.h, f.mi, Math.min(f.s, 59), 0, zone.iana)
      : ICAL.Time.fromData({year: f.y, month: f.mo, day: f.d, hour: f.h, minute: f.mi, second: f.s}, zone.vtimezone).toJSDate();
  return new Stamp(date, false, f, zone);
}

/**
 * The zone of a TZID: an IANA name, a Windows or Outlook name mapped to IANA, the IANA name in
 * the VTIMEZONE's X-LIC-LOCATION, else that VTIMEZONE's own rules; no TZID (or an unknown one
 * without VTIMEZONE) is floating and read in X-WR-TIMEZONE or the display zone.
 */
export function zoneFor(tzid: string | undefined, cal: Calendar): Zone {
  if (!tzid) return cal.floating;
  let zone = cal.zones.get(tzid);
  if (!zone) cal.zones.set(tzid, (zone = resolveZone(tzid, cal)));
  return zone;
}

function resolveZone(tzid: string, cal: Calendar): Zone {
  const defined = cal.vtimezones.get(tzid);
  const iana = ianaZoneFor(tzid) ?? ianaZoneFor(defined?.location);
  if (iana) return {iana, named: true};
  if (defined && defined.parsed === undefined) {
    defined.parsed = safe(() => new ICAL.Timezone(new ICAL.Component(ICAL.parse(defined.lines.join('\r\n')) as unknown[]))) ?? null;
  }
  return defined?.parsed ? {vtimezone: defined.parsed} : cal.floating;
}

export function homeZoneOf([tzid, defined]: [string, {location?: string}]): string | undefined {
  return ianaZoneFor(tzid) ?? ianaZoneFor(defined.location);
}

export function zoneName(stamp: Stamp, cal: Calendar): string | undefined {
  return stamp.zone && 'iana' in stamp.zone && stamp.zone.named ? stamp.zone.iana : cal.sourceZone;
}

/**
 * DTEND is exclusive; DURATION is added; without either a timed event has no end and an all-day
 * event lasts one day. An all-day start with a date-time DTEND (seen in the wild) ends on that
 * DTEND's date. A timed DURATION counts days as 24 hours (ical.js `toSeconds`), which is an hour
 * off across a DST change; rare enough for a display widget.
 */
export function endRule(props: EventProps, start: Stamp, cal: Calendar): EndRule {
  const end = readTime(props, 'dtend', cal);
  const duration = props.mentions('duration') ? safe(() => props.component().getFirstPropertyValue('duration')) : undefined;
  if (start.allDay) {
    if (end) return {days: Math.round((utcDay(end.fields) - utcDay(start.fields)) / DAY_MS)};
    if (duration instanceof ICAL.Duration) {
      const days = (duration.isNegative ? -1 : 1) * (duration.weeks * 7 + duration.days);
      return {days: days || (duration.hours || duration.minutes ? 1 : 0)};
    }
    return {days: 1};
  }
  if (end) return {ms: end.date.getTime() - start.date.getTime()};
  if (duration instanceof ICAL.Duration) return {ms: duration.toSeconds() * 1000};
  return {};
}

/** The end of an occurrence that starts at `start`, or undefined (none, or not after the start). */
export function endFor(start: Stamp, rule: EndRule, cal: Calendar): Date | undefined {
  if (rule.days !== undefined) {
    if (rule.days <= 0) return undefined;
    const day = new Date(utcDay(start.fields) + rule.days * DAY_MS);
    return calendarDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), cal.ctx.timeZone);
  }
  return rule.ms && rule.ms > 0 ? new Date(start.date.getTime() + rule.ms) : undefined;
}

/** The value, or undefined when reading it throws (ical.js throws on what it cannot read). */
export function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
