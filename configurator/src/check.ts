/**
 * The feed check: turns what the preview widget reported (`event-list-load`'s events and skipped
 * items, or `event-list-error`'s error) into findings a person can read, and collects the feed's
 * own categories, places and organisers for the filter checkboxes. The widget does the fetching
 * and parsing; nothing here reads a feed. Pure: the caller passes `now`.
 */
import type {CalendarEvent, FeedErrorCode, SkippedItem} from '../../src/lib/events/model.js';
import {eventEnd, foldText} from '../../src/lib/show/filter.js';

export type Level = 'ok' | 'info' | 'warn' | 'error';

export type Finding =
  | {level: Level; kind: 'format'; format: string}
  | {level: Level; kind: 'events'; total: number; upcoming: number}
  | {level: Level; kind: 'skipped'; count: number; reasons: string[]}
  | {level: Level; kind: 'zone-one'; zone: string; chosen: string}
  | {level: Level; kind: 'zone-many'; zones: string[]}
  | {level: Level; kind: 'zone-none'; chosen: string}
  | {level: Level; kind: 'readable'; relayed: boolean; sameSite: boolean}
  | {level: Level; kind: 'failed'; code: FeedErrorCode | 'unknown'; status?: number};

/** One value of a facet, spelled as the feed first spelled it, with how many events have it. */
export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  categories: FacetValue[];
  locations: FacetValue[];
  organizers: FacetValue[];
}

/** More values than this per facet are cut (a huge or hostile feed must not draw ten thousand checkboxes). */
export const MAX_FACET_VALUES = 200;

/** Distinct values (case- and accent-insensitive, as the widget's filters compare them), most used first. */
function facetValues(lists: Iterable<readonly string[]>): FacetValue[] {
  const found = new Map<string, FacetValue>();
  for (const values of lists) {
    for (const value of new Set(values.map((v) => v.trim()).filter(Boolean))) {
      const key = foldText(value);
      const entry = found.get(key);
      if (entry) entry.count++;
      else found.set(key, {value, count: 1});
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, MAX_FACET_VALUES);
}

export function feedFacets(events: readonly CalendarEvent[]): Facets {
  return {
    categories: facetValues(events.map((e) => e.categories)),
    locations: facetValues(events.map((e) => e.locations)),
    organizers: facetValues(events.map((e) => (e.organizer ? [e.organizer] : []))),
  };
}

/** The time zones the feed's events name, most used first. */
export function feedZones(events: readonly CalendarEvent[]): string[] {
  return facetValues(events.map((e) => (e.timeZone ? [e.timeZone] : []))).map((f) => f.value);
}

export interface LoadReport {
  events: readonly CalendarEvent[];
  skipped: readonly SkippedItem[];
  /** The format named by the feed's first bytes, when the configurator could read them. */
  format?: string;
  /** The time zone chosen in the configurator ('' = the visitor's). */
  chosenZone: string;
  relayed: boolean;
  /** The feed is on this page's own site, so whether other sites may read it was not tested. */
  sameSite: boolean;
  now: Date;
}

/** What the check says about a feed that loaded. */
export function loadFindings({events, skipped, format, chosenZone, relayed, sameSite, now}: LoadReport): Finding[] {
  const findings: Finding[] = [{level: sameSite ? 'info' : 'ok', kind: 'readable', relayed, sameSite}];
  if (format) findings.push({level: 'ok', kind: 'format', format});
  const upcoming = events.filter((e) => eventEnd(e) >= now).length;
  findings.push({level: events.length === 0 ? 'warn' : upcoming === 0 ? 'info' : 'ok', kind: 'events', total: events.length, upcoming});
  if (skipped.length) findings.push({level: 'warn', kind: 'skipped', count: skipped.length, reasons: skipped.slice(0, 3).map((s) => s.reason)});
  const zones = feedZones(events);
  if (zones.length === 1) findings.push({level: chosenZone && chosenZone !== zones[0] ? 'warn' : 'ok', kind: 'zone-one', zone: zones[0], chosen: chosenZone});
  else if (zones.length > 1) findings.push({level: 'info', kind: 'zone-many', zones});
  else if (events.length) findings.push({level: chosenZone ? 'info' : 'warn', kind: 'zone-none', chosen: chosenZone});
  return findings;
}

/** What the check says about a feed that failed. */
export function errorFinding(code: FeedErrorCode | undefined, status?: number): Finding {
  return {level: 'error', kind: 'failed', code: code ?? 'unknown', status};
}
