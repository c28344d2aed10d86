/**
 * `allDay: true` (FullCalendar's flag, and a `fields` mapping's `allDay`) on an item whose times
 * carry a clock time. Part of json-shapes.ts's chunk: json.ts reads items without the flag.
 */
import type {ParseContext} from '../../events/model.js';
import {calendarDate, dayKey, type ParsedTime} from '../../time.js';

/**
 * The time as an all-day date: the calendar date the feed wrote (the `YYYY-MM-DD` prefix of
 * `raw`), not the date the instant falls on somewhere else.
 */
export function forceAllDay(time: ParsedTime, raw: unknown, ctx: ParseContext): ParsedTime {
  if (time.allDay) return time;
  const written = typeof raw === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw) : null;
  const [y, m, d] = written ? [+written[1], +written[2], +written[3]] : dayKey(time.date, ctx.timeZone).split('-').map(Number);
  return {date: calendarDate(y, m, d, ctx.timeZone), allDay: true};
}
