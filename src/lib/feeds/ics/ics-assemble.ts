/**
 * From the VEVENTs of a calendar to the events shown: which version of each stands, series
 * expanded inside the window, their overrides applied (one occurrence, or with
 * RANGE=THISANDFUTURE every later one), RDATE periods, and ids no two events share. Kept apart
 * from ics.ts, which reads the VEVENTs; both are in the ICS chunk.
 */
import ICAL from 'ical.js';
import type {CalendarEvent} from '../../events/model.js';
import {hashId} from '../../events/normalise.js';
import {DAY_MS, Stamp, expandSeriesSteps, utcDay} from './ics-recur.js';
import {timeValueOf} from './ics-props.js';
import {endFor, makeStamp, safe, stampOf, type Calendar, type Parsed} from './ics-calendar.js';
import type {Steps} from '../steps.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;

/** Occurrences kept per series, and in the whole file: an endless rule costs at most this. */
export const SERIES_CAP = 1000;
export const TOTAL_CAP = 10_000;

/**
 * Groups by UID: a VEVENT without RECURRENCE-ID is a master (a single event or a series), one
 * with it overrides that occurrence of its master: it moves it, or removes it when CANCELLED;
 * with RANGE=THISANDFUTURE its changes hold for every later occurrence too. Overrides without a
 * master in the file are shown as events of their own. Every event gets an id no other has.
 */
export function* assemble(parsed: Parsed[], cal: Calendar): Steps<CalendarEvent[]> {
  const {masters, overrides, loose} = versions(parsed, cal);
  const events: CalendarEvent[] = [];
  for (const p of loose) {
    yield;
    if (p.series) yield* expand(p, [], cal, events);
    else events.push(p.base);
  }
  for (const [uid, master] of masters) {
    yield;
    const own = overrides.get(uid) ?? [];
    overrides.delete(uid);
    if (master.series) {
      yield* expand(master, own, cal, events);
      continue;
    }
    const moved = own.find((o) => sameOccurrence(master.start, o.recurrenceId!, master.start.allDay));
    if (!moved) events.push(master.base);
    else if (!moved.cancelled) events.push(moved.base);
    for (const o of own)
      if (o !== moved) cal.report(o.index, `${quoted(o)} replaces ${o.recurrenceId!.key}, a date its event (not a series) does not have: left out`);
  }
  // Overrides whose series is not in the file.
  for (const own of overrides.values()) for (const o of own) if (!o.cancelled) events.push(o.base);
  return uniqueIds(events);
}

/**
 * Which version of each event stands. Several masters with one UID are a revision history
 * (Confluence exports every version): the highest SEQUENCE stands, then the latest LAST-MODIFIED
 * or DTSTAMP, then the one later in the file. The same for two overrides of one occurrence (the
 * same override written twice shows once).
 */
function versions(parsed: Parsed[], cal: Calendar) {
  const masters = new Map<string, Parsed>();
  const overrides = new Map<string, Parsed[]>();
  const loose: Parsed[] = [];
  const newer = (a: Parsed, b: Parsed) => a.sequence - b.sequence || a.modified - b.modified || a.index - b.index;
  for (const p of parsed) {
    if (!p.uid) {
      loose.push(p);
    } else if (p.recurrenceId) {
      const own = overrides.get(p.uid);
      if (own) own.push(p);
      else overrides.set(p.uid, [p]);
    } else {
      const held = masters.get(p.uid);
      const [kept, dropped] = !held || newer(p, held) > 0 ? [p, held] : [held, p];
      masters.set(p.uid, kept);
      if (dropped)
        cal.report(dropped.index, `${quoted(dropped)} is an older version (SEQUENCE ${dropped.sequence}) of an event the file has again: the newer one is shown`);
    }
  }
  for (const [uid, own] of overrides) {
    const allDay = masters.get(uid)?.start.allDay ?? false;
    const byOccurrence = new Map<string, Parsed>();
    for (const o of own) {
      const key = occurrenceKey(o.recurrenceId!, allDay);
      const held = byOccurrence.get(key);
      if (!held || newer(o, held) > 0) byOccurrence.set(key, o);
    }
    if (byOccurrence.size < own.length)
      overrides.set(
        uid,
        [...byOccurrence.values()].sort((a, b) => a.index - b.index)
      );
  }
  return {masters, overrides, loose};
}

/**
 * The key that tells occurrences of a series apart. For an all-day series it is the date, of
 * whatever RECURRENCE-ID names it: Outlook writes a date-time (midnight, in some zone) for an
 * occurrence of an all-day series, others a bare date; both replace that date's occurrence.
 */
function occurrenceKey(stamp: Stamp, allDaySeries: boolean): string {
  return allDaySeries || stamp.allDay ? stamp.day : stamp.key;
}

function sameOccurrence(occurrence: Stamp, recurrenceId: Stamp, allDaySeries: boolean): boolean {
  return occurrenceKey(occurrence, allDaySeries || recurrenceId.allDay) === occurrenceKey(recurrenceId, allDaySeries);
}

/** A series' occurrences in the window, with its overrides applied, added to `events`. */
function* expand(p: Parsed, own: Parsed[], cal: Calendar, events: CalendarEvent[]): Steps<void> {
  const allDay = p.start.allDay;
  const ranged = own.filter((o) => o.thisAndFuture).sort((a, b) => a.recurrenceId!.date.getTime() - b.recurrenceId!.date.getTime());
  // A RANGE=THISANDFUTURE override moves later occurrences by its shift: the series is expanded
  // over a window widened by the largest shift, and what lands in the window is kept.
  const widen = Math.max(0, ...ranged.map((o) => Math.abs(shiftOf(o, allDay))));
  const {from, to, near} = cal.window;
  const limit = Math.min(SERIES_CAP, TOTAL_CAP - cal.total);
  const occurrences = yield* expandSeriesSteps(p.series!, p.start, {
    window: {from: from - widen, to: to + widen, near},
    spanMs: p.end.ms ?? (p.end.days ?? 1) * DAY_MS,
    limit,
    place: (fields) => makeStamp(fields, p.start.zone, cal),
    read: (value, tzid) => stampOf(timeValueOf(value, tzid), cal),
    allDayZone: cal.homeZone,
    report: (problem) => cal.report(p.index, `${quoted(p)}: ${problem}`),
    cut: () => cal.capped.push({title: p.base.title, ...(p.uid ? {uid: p.uid} : {}), feedCap: limit < SERIES_CAP}),
  });
  cal.total += occurrences.size;
  const inWindow = (event: CalendarEvent) => event.start.getTime() <= to && (event.end ?? event.start).getTime() >= from;
  const byKey = new Map<string, string>();
  for (const key of occurrences.keys()) byKey.set(occurrenceKey(occurrences.get(key)!, allDay), key);
  // Overrides older than the series (a lower SEQUENCE) whose occurrence is not in the window:
  // whether the series still has it is asked once for all of them.
  const older = own.filter((o) => !o.thisAndFuture && o.sequence < p.sequence && !byKey.has(occurrenceKey(o.recurrenceId!, allDay)));
  const stillThere = older.length ? yield* occurrenceKeys(p, older, cal) : new Set<string>();
  let handled = 0;
  for (const o of own) {
    // A series may have thousands of overrides: they are handled in bounded batches.
    if (++handled % PER_PAUSE === 0) yield;
    if (o.thisAndFuture) continue;
    const occurrence = occurrenceKey(o.recurrenceId!, allDay);
    const key = byKey.get(occurrence);
    if (key !== undefined) occurrences.delete(key);
    else if (o.sequence < p.sequence && !stillThere.has(occurrence)) {
      // Stale: the series was edited after this override (a higher SEQUENCE) and no longer has
      // the occurrence it replaced, so showing it would bring back a deleted date.
      cal.report(
        o.index,
        `${quoted(o)} replaces ${o.recurrenceId!.key}, which its series (SEQUENCE ${p.sequence}) no longer has: left out as older (SEQUENCE ${o.sequence})`
      );
      continue;
    }
    if (!o.cancelled && inWindow(o.base)) events.push(o.base);
  }
  const periods = periodEnds(p.series!, cal);
  const {end: _masterEnd, ...rest} = p.base;
  for (const stamp of occurrences.values()) {
    if (++handled % PER_PAUSE === 0) yield;
    const id = p.uid ? `${p.uid}#${stamp.key}` : hashId(p.base.title, stamp.date);
    // The last RANGE=THISANDFUTURE override at or before this occurrence holds for it.
    let from: Parsed | undefined;
    for (const o of ranged) if (!laterThan(o.recurrenceId!, stamp, allDay)) from = o;
    if (!from) {
      const end = periods.get(stamp.key) ?? endFor(stamp, p.end, cal);
      events.push({...rest, id, start: stamp.date, ...(end ? {end} : {})});
      continue;
    }
    if (from.cancelled) continue;
    const moved = shifted(stamp, shiftOf(from, allDay), cal);
    const {end: _end, ...changes} = from.base;
    const end = endFor(moved, from.end, cal);
    const event: CalendarEvent = {...changes, id, start: moved.date, ...(end ? {end} : {})};
    if (inWindow(event)) events.push(event);
  }
}

/** Whether the occurrence `stamp` comes after the RECURRENCE-ID `rid` (on a later date, for an all-day series). */
function laterThan(rid: Stamp, stamp: Stamp, allDay: boolean): boolean {
  return allDay ? rid.day > stamp.day : rid.date.getTime() > stamp.date.getTime();
}

/** How far an override moves its occurrence: whole days for an all-day series, else milliseconds. */
function shiftOf(o: Parsed, allDay: boolean): number {
  return allDay ? utcDay(o.start.fields) - utcDay(o.recurrenceId!.fields) : o.start.date.getTime() - o.recurrenceId!.date.getTime();
}

function shifted(stamp: Stamp, shift: number, cal: Calendar): Stamp {
  if (!shift) return stamp;
  if (!stamp.allDay) return new Stamp(new Date(stamp.date.getTime() + shift), false, stamp.fields, stamp.zone);
  const day = new Date(utcDay(stamp.fields) + shift);
  return makeStamp({y: day.getUTCFullYear(), mo: day.getUTCMonth() + 1, d: day.getUTCDate(), h: 0, mi: 0, s: 0}, undefined, cal);
}

/** Overrides matched, or occurrences made into events, between pauses. */
const PER_PAUSE = 64;

/**
 * The occurrence keys the series has around the RECURRENCE-IDs of `overrides`, wherever they lie
 * (the window's expansion may not reach them): one expansion from the first to the last. It keeps
 * no events, so it has no limit and counts toward no cap (no `cut`, nothing added to `cal.total`).
 */
function* occurrenceKeys(p: Parsed, overrides: Parsed[], cal: Calendar): Steps<Set<string>> {
  const times = overrides.map((o) => o.recurrenceId!.date.getTime());
  const found = yield* expandSeriesSteps(p.series!, p.start, {
    window: {from: Math.min(...times) - DAY_MS, to: Math.max(...times) + DAY_MS},
    spanMs: 0,
    limit: Number.MAX_SAFE_INTEGER,
    place: (fields) => makeStamp(fields, p.start.zone, cal),
    read: (value, tzid) => stampOf(timeValueOf(value, tzid), cal),
    allDayZone: cal.homeZone,
  });
  return new Set([...found.values()].map((stamp) => occurrenceKey(stamp, p.start.allDay)));
}

/**
 * RDATE;VALUE=PERIOD occurrences last their period (RFC 5545 §3.8.5.2), an explicit end or a
 * duration, not the series' length: their ends by occurrence key.
 */
function periodEnds(series: IcalComponent, cal: Calendar): Map<string, Date> {
  const ends = new Map<string, Date>();
  for (const prop of series.getAllProperties('rdate')) {
    const tzid = prop.getParameter('tzid');
    for (const value of safe(() => prop.getValues()) ?? []) {
      if (!(value instanceof ICAL.Period)) continue;
      const start = stampOf(timeValueOf(value.start, typeof tzid === 'string' ? tzid : undefined), cal);
      if (!start) continue;
      const end = value.end
        ? stampOf(timeValueOf(value.end, typeof tzid === 'string' ? tzid : undefined), cal)?.date
        : value.duration && new Date(start.date.getTime() + value.duration.toSeconds() * 1000);
      if (end && end > start.date) ends.set(start.key, end);
    }
  }
  return ends;
}

/**
 * Ids are unique, always: the list keys its cards and `sync-url` deep links by them. Two events
 * can only share one when a feed repeats itself (two events without UID, same title and start);
 * the later gets a suffix.
 */
function uniqueIds(events: CalendarEvent[]): CalendarEvent[] {
  const seen = new Set<string>();
  return events.map((event) => {
    let id = event.id;
    for (let n = 2; seen.has(id); n++) id = `${event.id}~${n}`;
    seen.add(id);
    // A copy: the same parsed event is assembled again after a first look.
    return id === event.id ? event : {...event, id};
  });
}

const quoted = (p: Parsed) => `"${p.base.title.slice(0, 80)}"`;
