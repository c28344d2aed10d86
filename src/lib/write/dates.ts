/**
 * Dates as the feed writers write them: ISO 8601 with the offset of the event's zone, so a
 * reader sees the organiser's wall-clock time and still gets the exact instant; all-day events
 * as plain dates in the zone they were read in.
 */
import type {CalendarEvent} from '../events/model.js';
import {addDaysIn, dayKey, isTimeZone, zoneOffset} from '../time.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-08-29T15:00:00+02:00` in `timeZone`, or `…Z` in UTC. */
export function isoInZone(date: Date, timeZone: string | undefined): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const offset = Math.round(zoneOffset(zone, date.getTime()));
  const wall = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (!offset) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The zone a timed event's times are written in: its own, else the feed's, else UTC. */
export function writingZone(event: CalendarEvent, timeZone: string | undefined): string {
  return [event.timeZone, timeZone].find(isTimeZone) ?? 'UTC';
}

/** An all-day event's first and last day (inclusive), `YYYY-MM-DD`, in the zone it was read in. */
export function allDayRange(event: CalendarEvent, timeZone: string): {first: string; last: string} {
  const first = dayKey(event.start, timeZone);
  const last = event.end ? dayKey(addDaysIn(event.end, -1, timeZone), timeZone) : first;
  return {first, last: last < first ? first : last};
}
