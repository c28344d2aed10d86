/**
 * `sync-url`: the visitor's filters, view, month and open event as query parameters, so a
 * filtered calendar can be bookmarked and shared, and back/forward work.
 *
 * Parameters are named `<prefix>-<field>`, the prefix being the element's `id` (or `feedcal`),
 * so two lists on one page never share a parameter: no field name contains a `-`, so
 * `a-cat` (prefix `a`) can never be read as a field of prefix `a-cat`.
 * Lists repeat the parameter (`…-cat=Film&…-cat=Musik`) instead of joining with commas,
 * because category and place names contain commas ("Film, musik") and repetition needs no
 * escaping scheme of its own. A present but empty parameter (`…-cat=`) means "explicitly
 * none", which is how a visitor who clears a filter the page set is written down.
 *
 * The URL is input from anyone: nothing here throws, malformed percent-encoding drops the
 * value, unknown values are dropped, text is capped and stripped of control characters.
 * The page's own parameters are copied through byte for byte and in order; ours go last.
 */

import type {VisitorFilters} from './show/facets.js';
import {encodeUriPart} from './uri.js';

export type ListView = 'list' | 'month';

export interface ListState {
  search: string;
  categories: string[];
  locations: string[];
  organizers: string[];
  /** Feed URLs the visitor picked with the source chips (`controls="sources"`). */
  sources: string[];
  /** `YYYY-MM-DD`, `today`, a relative offset like `+3 months`, or '' for none. */
  from: string;
  to: string;
  view: ListView;
  /** `YYYY-MM` of the month view, or ''. */
  month: string;
  /** Id of the open event, or ''. */
  event: string;
}

/** Longest text value kept, in characters. */
export const MAX_TEXT = 200;
/** Most items kept in one list. */
export const MAX_ITEMS = 20;

type ListField = 'categories' | 'locations' | 'organizers' | 'sources';
type TextField = 'search' | 'from' | 'to' | 'view' | 'month' | 'event';

const LIST_FIELDS: Record<ListField, string> = {categories: 'cat', locations: 'loc', organizers: 'org', sources: 'src'};
const TEXT_FIELDS: Record<TextField, string> = {search: 'q', from: 'from', to: 'to', view: 'view', month: 'month', event: 'event'};
/** The order our parameters are written in. */
const FIELD_ORDER: Array<ListField | TextField> = ['search', 'sources', 'categories', 'locations', 'organizers', 'from', 'to', 'view', 'month', 'event'];

/** The parameter prefix for an element: its id, else `feedcal`. */
export function urlPrefix(id: string | null | undefined): string {
  const clean = cleanText(id ?? '');
  return clean || 'feedcal';
}

/** `a+b%20c` → `a b c`; undefined when the percent-encoding is malformed. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

// C0/C1 controls and bidi overrides/isolates: nothing a filter value needs, and the bidi ones
// can make a shown value read differently from what it is.
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function cleanText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(UNWANTED, '').replace(/ {2,}/g, ' ').trim();
  if (clean.length <= MAX_TEXT) return clean;
  // Cut by code points so a surrogate pair is never halved.
  return Array.from(clean).slice(0, MAX_TEXT).join('').trim();
}

function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

/** The checked value of one text field, or undefined to drop it. '' is kept where it means "none". */
function validText(field: TextField, raw: string): string | undefined {
  const value = cleanText(raw);
  switch (field) {
    case 'search':
      return value;
    case 'from':
    case 'to': {
      const lower = value.toLowerCase();
      if (!lower || validDate(lower) || lower === 'today' || lower === 'tomorrow') return lower;
      return /^[+-]\s*\d{1,4}\s*(day|week|month|year)s?$/.test(lower) ? lower : undefined;
    }
    case 'view':
      return value === 'list' || value === 'month' ? value : undefined;
    case 'month': {
      const m = /^(\d{4})-(\d{2})$/.exec(value);
      return m && +m[1] >= 1000 && +m[2] >= 1 && +m[2] <= 12 ? value : undefined;
    }
    case 'event':
      return value || undefined;
  }
}

function cleanList(items: readonly string[]): string[] {
  const result: string[] = [];
  for (const item of items) {
    const clean = cleanText(item);
    if (clean && !result.includes(clean)) result.push(clean);
    if (result.length >= MAX_ITEMS) break;
  }
  return result;
}

interface Param {
  /** The piece exactly as it was in the URL. */
  raw: string;
  /** Decoded name, undefined when malformed. */
  name?: string;
  /** Decoded value, undefined when malformed. */
  value?: string;
}

function params(search: string): Param[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((raw) => {
      const eq = raw.indexOf('=');
      const name = decode(eq < 0 ? raw : raw.slice(0, eq));
      const value = decode(eq < 0 ? '' : raw.slice(eq + 1));
      return {raw, name, value};
    });
}

/** `{"<prefix>-q": 'search', …}` for one prefix. */
function fieldsByName(prefix: string): Map<string, ListField | TextField> {
  const map = new Map<string, ListField | TextField>();
  for (const [field, suffix] of Object.entries({...LIST_FIELDS, ...TEXT_FIELDS})) map.set(`${prefix}-${suffix}`, field as ListField | TextField);
  return map;
}

function isList(field: ListField | TextField): field is ListField {
  return field in LIST_FIELDS;
}

/**
 * The state `search` (a `location.search`) holds for the element with this prefix: only the
 * fields present and valid. A scalar given twice takes its first valid value.
 */
export function readUrlState(search: string, prefix: string): Partial<ListState> {
  const state: Partial<ListState> = {};
  const lists: Partial<Record<ListField, string[]>> = {};
  const fields = fieldsByName(prefix);
  for (const {name, value} of params(typeof search === 'string' ? search : '')) {
    const field = name === undefined ? undefined : fields.get(name);
    if (!field || value === undefined) continue;
    if (isList(field)) {
      const list = (lists[field] ??= []);
      // Raw items are bounded too, so a URL with 100 000 repeats costs nothing.
      if (list.length < MAX_ITEMS * 4) list.push(value);
    } else if (state[field] === undefined) {
      const valid = validText(field, value);
      if (valid !== undefined) (state as Record<TextField, string>)[field] = valid;
    }
  }
  for (const [field, items] of Object.entries(lists) as Array<[ListField, string[]]>) state[field] = cleanList(items);
  return state;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((item, i) => item === sorted[i]);
}

/**
 * `search` with this element's parameters replaced by `state`: a field is written only when it
 * differs from `defaults` (the page's attributes), so an untouched list leaves the URL clean.
 * Other parameters, including other elements', are kept as they were. Returns `?…` or ''.
 */
export function writeUrlState(search: string, prefix: string, state: ListState, defaults: ListState): string {
  const fields = fieldsByName(prefix);
  const kept = params(typeof search === 'string' ? search : '')
    .filter(({name}) => name === undefined || !fields.has(name))
    .map(({raw}) => raw);
  const encodedPrefix = encodeUriPart(prefix);
  const ours: string[] = [];
  const add = (suffix: string, value: string) => ours.push(`${encodedPrefix}-${suffix}=${encodeUriPart(value)}`);
  for (const field of FIELD_ORDER) {
    if (isList(field)) {
      const items = cleanList(state[field] ?? []);
      if (sameList(items, cleanList(defaults[field] ?? []))) continue;
      if (!items.length) add(LIST_FIELDS[field], '');
      for (const item of items) add(LIST_FIELDS[field], item);
    } else {
      const value = validText(field, String(state[field] ?? ''));
      const fallback = validText(field, String(defaults[field] ?? '')) ?? '';
      if (value === undefined || value === fallback) continue;
      add(TEXT_FIELDS[field], value);
    }
  }
  const all = [...kept, ...ours];
  return all.length ? `?${all.join('&')}` : '';
}

/**
 * A list's state as the address holds it: the visitor's filters (the bar picks one place and one
 * organiser), its view and month, and the open event.
 */
export function listState({search, categories, location, organizer, from, to, sources}: VisitorFilters, view: ListView, month: string, event: string): ListState {
  return {search, categories, locations: location ? [location] : [], organizers: organizer ? [organizer] : [], sources, from, to, view, month, event};
}

/**
 * What the page's address says of the list with this id: the visitor's filters (what it does not
 * say is not chosen), and the view, month and open event it names.
 */
export function readAddress(id: string): {visitor: VisitorFilters; view?: ListView; month?: string; event?: string} {
  const state = readUrlState(location.search, urlPrefix(id));
  return {
    visitor: {
      search: state.search ?? '',
      categories: state.categories ?? [],
      location: state.locations?.[0] ?? '',
      organizer: state.organizers?.[0] ?? '',
      from: state.from ?? '',
      to: state.to ?? '',
      sources: state.sources ?? [],
    },
    ...state,
  };
}

/**
 * Writes `state` into the page's address for the list with this id, leaving out what equals
 * `defaults`: as a new history entry (`push`, a change a visitor would go back from), or in place.
 */
export function writeAddress(id: string, state: ListState, defaults: ListState, push: boolean): void {
  const search = writeUrlState(location.search, urlPrefix(id), state, defaults);
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  if (push) history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}
