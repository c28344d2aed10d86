/**
 * Several feeds, one calendar: the same event from two sources is shown once.
 */
import type {CalendarEvent} from './model.js';

function normalisedTitle(event: CalendarEvent): string {
  return event.title.normalize('NFKC').toLowerCase().replace(/\W+/gu, ' ').trim();
}

/**
 * Whether an id names the event everywhere, not only in its own feed: an iCalendar UID
 * (`…@host`), a URI or URN, a UUID. Such an id seen in two feeds is one event. A feed's own
 * counter is not: two Gancio instances both have an event 7, and they are different events.
 */
const GLOBAL_ID = /@|^[a-z][a-z\d+.-]*:|^[\da-f]{8}(-?[\da-f]{4}){3}-?[\da-f]{12}$/i;

/**
 * One calendar from several sources: an event that appears in two feeds (same global id, same
 * URL, or same title and start) is kept once, from the first source listed, with the categories
 * and locations of both and the other feeds' URLs in `alsoFrom`. Different events that share a feed-local id keep apart: the later one's
 * id gets the number of its source (`7~2`), so ids stay unique in the list.
 */
export function mergeEvents(lists: readonly CalendarEvent[][]): CalendarEvent[] {
  // One feed has nothing to merge with (its parser already made ids unique): no copies.
  const nonEmpty = lists.filter((list) => list.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const merged: CalendarEvent[] = [];
  const byKey = new Map<string, CalendarEvent>();
  const ids = new Set<string>();
  lists.forEach((list, source) => {
    for (const event of list) {
      const start = event.start.getTime();
      const keys = [`t:${normalisedTitle(event)}@${start}`];
      if (GLOBAL_ID.test(event.id)) keys.push(`id:${event.id}`);
      if (event.url) keys.push(`u:${event.url}@${start}`);
      const existing = keys.map((key) => byKey.get(key)).find(Boolean);
      if (existing) {
        for (const category of event.categories) if (!existing.categories.includes(category)) existing.categories.push(category);
        for (const place of event.locations) if (!existing.locations.includes(place)) existing.locations.push(place);
        // Credit every source that had it, in the order they are listed.
        if (event.source !== existing.source && !existing.alsoFrom?.includes(event.source)) existing.alsoFrom = [...(existing.alsoFrom ?? []), event.source];
        keys.forEach((key) => byKey.set(key, existing));
        continue;
      }
      let id = event.id;
      if (ids.has(id)) for (let n = source + 1; ids.has((id = `${event.id}~${n}`)); n++);
      ids.add(id);
      const copy = {...event, id, categories: [...event.categories], locations: [...event.locations]};
      keys.forEach((key) => byKey.set(key, copy));
      merged.push(copy);
    }
  });
  return merged;
}
