/**
 * Filtering in two layers, as the filter bar needs it: the page's attribute filters decide
 * what may be shown at all; the visitor narrows that down. The choices offered to the visitor
 * (categories with counts, places, organisers) come from what the page allows, and the category
 * counts follow the visitor's other choices, so a chip never promises events that are not there.
 */
import {eventMatcher, filterEvents, type FilterCriteria} from './filter.js';
import type {CalendarEvent} from '../events/model.js';

/** What the visitor has chosen in the filter bar, on top of the page's attribute filters. */
export interface VisitorFilters {
  search: string;
  categories: string[];
  location: string;
  organizer: string;
  /** `YYYY-MM-DD` from the date inputs, or ''. */
  from: string;
  to: string;
  /** The feeds (URLs) whose events the visitor chose, from the source chips; none: all. */
  sources: string[];
}

export const NO_VISITOR_FILTERS: VisitorFilters = {search: '', categories: [], location: '', organizer: '', from: '', to: '', sources: []};

export const hasVisitorFilters = (f: VisitorFilters): boolean =>
  Boolean(f.search || f.categories.length || f.location || f.organizer || f.from || f.to || f.sources.length);

/**
 * Why nothing is shown: the visitor's own filters left nothing (say so, offer to clear them);
 * nothing is upcoming (say so without blaming filters, the page's included, and offer the past
 * events when there are any); or nothing at all.
 */
export type Emptiness = 'visitor' | 'upcoming' | 'none';

export interface Facets {
  /** What passes both layers, in display order. */
  visible: CalendarEvent[];
  /** Category → count among events passing everything but the visitor's category choice. */
  categories: Array<[string, number]>;
  locations: string[];
  organizers: string[];
  /** Feed URL → count among events passing everything but the visitor's source choice (each source that had an event counts it). */
  sources: Map<string, number>;
}

const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b));

export function facetEvents(
  events: readonly CalendarEvent[],
  page: FilterCriteria,
  visitor: Omit<FilterCriteria, 'when'>,
  now: Date,
  /** Whether the choices (categories with counts, places, organisers) are wanted: only a filter bar shows them. */
  choices = true
): Facets {
  // Sorted once; the visitor's layers only filter, so the page's order (newest first for
  // `past`) is kept.
  const allowed = filterEvents(events, page, now);
  const locations = new Set<string>();
  const organizers = new Set<string>();
  const counts = new Map<string, number>();
  const hasVisitor = Boolean(
    visitor.search || visitor.categories?.length || visitor.locations?.length || visitor.organizers?.length || visitor.from || visitor.to || visitor.sources?.length
  );
  const beforeCategories = hasVisitor ? allowed.filter(eventMatcher({...visitor, categories: [], when: 'all'}, now)) : allowed;
  if (choices) {
    for (const event of allowed) {
      event.locations.forEach((place) => locations.add(place));
      if (event.organizer) organizers.add(event.organizer);
    }
    for (const event of beforeCategories) event.categories.forEach((c) => counts.set(c, (counts.get(c) ?? 0) + 1));
  }
  const visible = visitor.categories?.length ? beforeCategories.filter(eventMatcher({categories: visitor.categories, when: 'all'}, now)) : beforeCategories;
  const sources = new Map<string, number>();
  if (choices)
    for (const event of visitor.sources?.length ? allowed.filter(eventMatcher({...visitor, sources: [], when: 'all'}, now)) : visible)
      for (const src of new Set([event.source, ...(event.alsoFrom ?? [])])) sources.set(src, (sources.get(src) ?? 0) + 1);
  return {visible, categories: [...counts].sort(byCount), locations: sorted(locations), organizers: sorted(organizers), sources};
}
