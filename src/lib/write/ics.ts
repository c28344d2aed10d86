/**
 * Events → one iCalendar feed (RFC 5545): the "Add to calendar" writer (lib/ics-export.ts, which
 * folds at 75 octets, escapes TEXT and writes a VTIMEZONE for every zone it uses) for a whole
 * calendar, with the feed's name and zone as the calendar properties Google, Apple and
 * Thunderbird show.
 */
import type {CalendarEvent} from '../events/model.js';
import {foldLine, textValue, toIcs as eventsToIcs} from '../ics-export.js';
import {isTimeZone} from '../time.js';
import type {FeedMeta} from './meta.js';

export function toIcs(events: CalendarEvent[], meta: FeedMeta): string {
  const text = eventsToIcs(events, {now: meta.now, timeZone: meta.timeZone});
  const extra: string[] = [];
  if (meta.title) extra.push(`X-WR-CALNAME:${textValue(meta.title)}`, `NAME:${textValue(meta.title)}`);
  if (meta.description) extra.push(`X-WR-CALDESC:${textValue(meta.description)}`);
  if (isTimeZone(meta.timeZone)) extra.push(`X-WR-TIMEZONE:${meta.timeZone}`);
  if (meta.link) extra.push(`URL:${meta.link}`);
  if (!extra.length) return text;
  // The calendar's own properties go after CALSCALE, before the first component.
  return text.replace('CALSCALE:GREGORIAN\r\n', `CALSCALE:GREGORIAN\r\n${extra.map(foldLine).join('\r\n')}\r\n`);
}
