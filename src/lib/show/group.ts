/**
 * Splits an ordered list of events into the headed groups the list view shows: one per
 * calendar day or month in the display zone, or a single group.
 */
import type {CalendarEvent} from '../events/model.js';
import {dayKey} from '../time.js';

export type GroupBy = 'day' | 'month' | 'none';

export interface EventGroup {
  /** `YYYY-MM-DD` (day), `YYYY-MM` (month) or `all`. */
  key: string;
  /** The first event's start: what the heading formats. */
  date: Date;
  events: CalendarEvent[];
}

/** Groups consecutive events with the same key; the input order is kept. */
export function groupEvents(events: readonly CalendarEvent[], groupBy: GroupBy, timeZone: string): EventGroup[] {
  if (groupBy === 'none') return events.length ? [{key: 'all', date: events[0].start, events: [...events]}] : [];
  const groups: EventGroup[] = [];
  let current: EventGroup | undefined;
  for (const event of events) {
    const day = dayKey(event.start, timeZone);
    const key = groupBy === 'month' ? day.slice(0, 7) : day;
    if (current?.key !== key) {
      current = {key, date: event.start, events: []};
      groups.push(current);
    }
    current.events.push(event);
  }
  return groups;
}
