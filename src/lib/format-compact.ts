/**
 * The short date of one-line rows: `density="compact"` cards (views/compact-line.ts) and
 * `<event-next>`. A module of its own so that neither pulls it into the entry.
 */
import type {CalendarEvent} from './events/model.js';
import {formatter, tidy, timeOptions} from './format.js';
import {dayKey} from './time.js';

/**
 * The date and start time of a one-line row (`density="compact"`): "5 dec" (with the year when
 * it is not this year's) and "18:00"; an all-day event has no time.
 */
export function formatCompactDate(event: CalendarEvent, locale: string, timeZone: string, now: Date): {date: string; time: string; datetime: string} {
  const thisYear = dayKey(now, timeZone).startsWith(dayKey(event.start, timeZone).slice(0, 4));
  const date = tidy(formatter(locale, timeZone, {day: 'numeric', month: 'short', ...(thisYear ? {} : {year: 'numeric'})}).format(event.start));
  if (event.allDay) return {date, time: '', datetime: dayKey(event.start, timeZone)};
  return {date, time: tidy(formatter(locale, timeZone, timeOptions(event.start, timeZone)).format(event.start)), datetime: event.start.toISOString()};
}
