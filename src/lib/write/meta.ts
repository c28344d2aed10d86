/**
 * What the feed writers (json.ts, ics.ts, rss.ts) need beyond the events, and the date forms two
 * of them share. The writers are pure: no DOM, no clock (`now` is given), so the relay, the
 * command line and the browser write the same bytes for the same input.
 */
import {dayKey, isTimeZone, zoneOffset} from '../time.js';
import type {CalendarEvent} from '../events/model.js';

/** The feed around the events. */
export interface FeedMeta {
  /** The feed's name (JSON Feed `title`, RSS `<title>`, iCalendar `X-WR-CALNAME`). */
  title?: string;
  /** The site or page the feed belongs to (JSON Feed `home_page_url`, RSS `<link>`). */
  link?: string;
  /** One line about the feed. */
  description?: string;
  /** When the feed is written: iCalendar's DTSTAMP, RSS `lastBuildDate`. Never the wall clock, so output is reproducible. */
  now: Date;
  /**
   * The zone all-day events were read in (their `start` is midnight there, DESIGN.md), so their
   * calendar dates can be written back. Default UTC.
   */
  timeZone?: string;
}

/** The zone the all-day dates of `meta` are in. */
export const allDayZone = (meta: FeedMeta): string => (isTimeZone(meta.timeZone) ? meta.timeZone : 'UTC');

/** The event's own zone when it names a real one (its times are then written in it). */
export const eventZone = (event: CalendarEvent): string | undefined => (isTimeZone(event.timeZone) ? event.timeZone : undefined);

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * An instant as ISO 8601 / RFC 3339 with the offset it has in `zone` (`2026-12-05T18:00:00+01:00`),
 * or in UTC (`…Z`) without a zone or when the zone's offset then had seconds (local mean time
 * before 1900), which RFC 3339 cannot write. Milliseconds only when there are any.
 */
export function isoInstant(date: Date, zone?: string): string {
  const ms = date.getTime();
  const offset = zone ? zoneOffset(zone, ms) : 0;
  const whole = Number.isInteger(offset) ? offset : 0;
  const iso = new Date(ms + whole * 60_000).toISOString().replace(/\.000Z$|Z$/, '');
  if (!whole) return `${iso}Z`;
  return `${iso}${whole < 0 ? '-' : '+'}${pad(Math.abs(whole) / 60)}:${pad(Math.abs(whole) % 60)}`;
}

/** The calendar date (`YYYY-MM-DD`) an all-day event's instant stands for. */
export const calendarDay = (date: Date, meta: FeedMeta): string => dayKey(date, allDayZone(meta));
