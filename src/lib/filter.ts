/**
 * Which events are shown: the attribute filters (categories, locations, organizers, search),
 * the date window and `when`. Matching ignores case and accents, so `mote` finds "Möte" and
 * `goteborg` finds "Göteborg", the way people type on a phone.
 */
import type {CalendarEvent} from './model.js';

export type When = 'upcoming' | 'past' | 'all';

export interface FilterCriteria {
  categories?: string[];
  locations?: string[];
  organizers?: string[];
  search?: string;
  from?: Date;
  to?: Date;
  when?: When;
}

/** Lower case, accents removed, spaces collapsed: the form every comparison uses. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a comma-separated attribute value into a clean list. */
export function parseList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The moment an event stops being "upcoming": its end, else the end of its day if all-day, else its start. */
export function eventEnd(event: CalendarEvent): Date {
  if (event.end) return event.end;
  return event.allDay ? new Date(event.start.getTime() + 24 * 3600_000) : event.start;
}

/** An event's text in folded form, computed once per event object: filtering runs per keystroke. */
interface FoldedEvent {
  categories: string[];
  places: string[];
  organizer: string[];
  text: string;
}

const foldedEvents = new WeakMap<CalendarEvent, FoldedEvent>();

function folded(event: CalendarEvent): FoldedEvent {
  let entry = foldedEvents.get(event);
  if (!entry) {
    entry = {
      categories: event.categories.map(foldText),
      places: [...event.locations, event.place?.name ?? ''].map(foldText),
      organizer: event.organizer ? [foldText(event.organizer)] : [],
      text: foldText(
        [event.title, event.description ?? '', event.organizer ?? '', event.place?.name ?? '', event.place?.address ?? '', ...event.locations, ...event.categories].join(' ')
      ),
    };
    foldedEvents.set(event, entry);
  }
  return entry;
}

const matchesAny = (values: string[], wanted: string[]) => !wanted.length || wanted.some((w) => values.includes(w));

/** A predicate for `criteria`, with the criteria folded once rather than per event. */
export function eventMatcher(criteria: FilterCriteria, now: Date): (event: CalendarEvent) => boolean {
  const categories = (criteria.categories ?? []).map(foldText);
  const locations = (criteria.locations ?? []).map(foldText);
  const organizers = (criteria.organizers ?? []).map(foldText);
  const words = foldText(criteria.search ?? '').split(' ').filter(Boolean);
  const when = criteria.when ?? 'upcoming';
  const nowMs = now.getTime();
  const fromMs = criteria.from?.getTime() ?? -Infinity;
  const toMs = criteria.to?.getTime() ?? Infinity;
  const byText = categories.length || locations.length || organizers.length || words.length;

  return (event) => {
    const endMs = eventEnd(event).getTime();
    const startMs = event.start.getTime();
    if (when === 'upcoming' && endMs <= nowMs) return false;
    if (when === 'past' && endMs > nowMs) return false;
    // An event is in the window when any part of it overlaps [from, to).
    if (endMs <= fromMs && startMs < fromMs) return false;
    if (startMs >= toMs) return false;
    if (!byText) return true;
    const f = folded(event);
    if (!matchesAny(f.categories, categories)) return false;
    if (!matchesAny(f.places, locations)) return false;
    if (!matchesAny(f.organizer, organizers)) return false;
    return words.every((word) => f.text.includes(word));
  };
}

/**
 * Events that pass every criterion, in display order: soonest first, or newest first for
 * `when="past"`. `now` is passed in so the result does not depend on the clock.
 */
export function filterEvents(events: readonly CalendarEvent[], criteria: FilterCriteria, now: Date): CalendarEvent[] {
  const direction = criteria.when === 'past' ? -1 : 1;
  // Ties are broken by title with a plain comparison: localeCompare is costly in a sort of thousands.
  return events
    .filter(eventMatcher(criteria, now))
    .sort((a, b) => direction * (a.start.getTime() - b.start.getTime()) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
