/**
 * Which events are shown: the attribute filters (categories, locations, organizers, search),
 * the date window and `when`. Matching ignores case and accents, so `mote` finds "Möte" and
 * `goteborg` finds "Göteborg", the way people type on a phone.
 */
import type {CalendarEvent} from '../events/model.js';

export type When = 'upcoming' | 'past' | 'all';

export interface FilterCriteria {
  categories?: string[];
  locations?: string[];
  organizers?: string[];
  /** Feed URLs: keep events from any of them (their own feed or one that also had them). */
  sources?: string[];
  search?: string;
  from?: Date;
  to?: Date;
  when?: When;
  /** With `when: 'all'`, one order by start rather than upcoming first (the month grid's). */
  byStart?: boolean;
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

// Folded forms, computed once. Categories, places and organisers repeat across thousands of
// events, so they are cached per string; the full text (with the description) only when a search
// needs it, per event object: filtering runs per keystroke.
const foldedStrings = new Map<string, string>();
const placeWordStrings = new Map<string, string>();
const foldedTexts = new WeakMap<CalendarEvent, string>();

function once(cache: Map<string, string>, value: string, derive: (value: string) => string): string {
  let result = cache.get(value);
  if (result === undefined) {
    if (cache.size > 10_000) cache.clear();
    result = derive(value);
    cache.set(value, result);
  }
  return result;
}

const foldOnce = (value: string) => once(foldedStrings, value, foldText);

function foldedText(event: CalendarEvent): string {
  let text = foldedTexts.get(event);
  if (text === undefined) {
    const place = event.place;
    text = foldText(
      [event.title, event.description ?? '', event.organizer ?? '', place?.name ?? '', place?.address ?? '', ...event.locations, ...event.categories].join(' ')
    );
    foldedTexts.set(event, text);
  }
  return text;
}

/** Whether any of `values`, folded, is one of `wanted` (already folded); true when nothing is wanted. */
const matchesAny = (values: readonly (string | undefined)[], wanted: string[]) =>
  !wanted.length || values.some((value) => value !== undefined && wanted.includes(foldOnce(value)));

/**
 * A folded place as its words between spaces, to find one place's words whole inside another:
 * iCalendar's LOCATION is often the whole address, so "Stockholm" must find "Kafé Rosa,
 * Folkungagatan 10, 116 30 Stockholm" (` stockholm ` is in it), and "Lund" must not find
 * "Lundby".
 */
const placeWords = (place: string) =>
  ` ${foldText(place)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** A predicate for `criteria`, with the criteria folded once rather than per event. */
export function eventMatcher(criteria: FilterCriteria, now: Date): (event: CalendarEvent) => boolean {
  const categories = (criteria.categories ?? []).map(foldText);
  const locations = (criteria.locations ?? []).map(placeWords);
  const organizers = (criteria.organizers ?? []).map(foldText);
  const words = foldText(criteria.search ?? '')
    .split(' ')
    .filter(Boolean);
  const when = criteria.when ?? 'upcoming';
  const nowMs = now.getTime();
  const fromMs = criteria.from?.getTime() ?? -Infinity;
  const toMs = criteria.to?.getTime() ?? Infinity;
  const sources = criteria.sources ?? [];
  const byText = categories.length || locations.length || organizers.length || words.length || sources.length;

  return (event) => {
    const endMs = eventEnd(event).getTime();
    const startMs = event.start.getTime();
    if (when === 'upcoming' && endMs <= nowMs) return false;
    if (when === 'past' && endMs > nowMs) return false;
    // An event is in the window when any part of it overlaps [from, to).
    if (endMs <= fromMs && startMs < fromMs) return false;
    if (startMs >= toMs) return false;
    if (!byText) return true;
    if (sources.length && ![event.source, ...(event.alsoFrom ?? [])].some((src) => sources.includes(src))) return false;
    if (!matchesAny(event.categories, categories)) return false;
    if (
      locations.length &&
      ![...event.locations, event.place?.name, event.place?.address].some(
        (place) => place && locations.some((wanted) => once(placeWordStrings, place, placeWords).includes(wanted))
      )
    )
      return false;
    if (organizers.length && !matchesAny([event.organizer], organizers)) return false;
    if (!words.length) return true;
    const text = foldedText(event);
    return words.every((word) => text.includes(word));
  };
}

/**
 * Events that pass every criterion, in display order: soonest first; newest first for
 * `when="past"`; for `when="all"`, the upcoming and ongoing soonest first, then the past newest
 * first (unless `byStart`). `now` is passed in so the result does not depend on the clock.
 */
export function filterEvents(events: readonly CalendarEvent[], criteria: FilterCriteria, now: Date): CalendarEvent[] {
  const matches = eventMatcher(criteria, now);
  if (criteria.when !== 'all' || criteria.byStart) return inOrder(events, criteria.when === 'past' ? -1 : 1).filter(matches);
  const ended = (event: CalendarEvent) => eventEnd(event).getTime() <= now.getTime();
  return [...inOrder(events, 1).filter((event) => !ended(event) && matches(event)), ...inOrder(events, -1).filter((event) => ended(event) && matches(event))];
}

const orders = {1: new WeakMap<readonly CalendarEvent[], CalendarEvent[]>(), [-1]: new WeakMap<readonly CalendarEvent[], CalendarEvent[]>()};

/**
 * `events` soonest first (`direction` 1) or newest first (-1), sorted once per array: a filter
 * change then only filters. The loader replaces the array when events change, so a cached order
 * is never stale. Ties are broken by title with a plain comparison (localeCompare is costly in a
 * sort of thousands).
 */
function inOrder(events: readonly CalendarEvent[], direction: 1 | -1): readonly CalendarEvent[] {
  let sorted = orders[direction].get(events);
  if (!sorted) {
    sorted = [...events].sort((a, b) => direction * (a.start.getTime() - b.start.getTime()) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    orders[direction].set(events, sorted);
  }
  return sorted;
}
