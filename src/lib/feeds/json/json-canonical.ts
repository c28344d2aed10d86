/**
 * The canonical JSON item: Gnistor's vocabulary and the common aliases (DESIGN.md "The model";
 * feed-formats.md §4.4), which also cover JSON Feed's, FullCalendar's and Eventbrite's field
 * names. Venues and `allDay: true` are read by json-places.ts and json-all-day.ts, which come
 * with json-shapes.ts, fetched only for documents that have them.
 */
import {SkipItem, type EventDraft, type ParseContext} from '../../events/model.js';
import {absoluteHttpUrl} from '../../events/normalise.js';
import {addDaysIn, type ParsedTime} from '../../time.js';
import {CATEGORY_KEYS, DESCRIPTION_KEYS, END_KEYS, ID_KEYS, IMAGE_KEYS, START_KEYS, TITLE_KEYS, URL_KEYS, ZONE_KEYS} from './json-keys.js';
import {addDescription, isObject, keyOf, organizerOf, plainText, readTime, urlOf, type JsonObject} from './json-profiles.js';

/** Readers for what few items have, passed in by json-shapes.ts for the documents that need them. */
export interface CanonicalExtras {
  /** `location`, `place`, `venue` (json-places.ts). */
  addVenues(draft: EventDraft, o: JsonObject): void;
  /** `allDay: true` on a time with a clock time (json-all-day.ts). */
  forceAllDay(time: ParsedTime, raw: unknown, ctx: ParseContext): ParsedTime;
}

/** The item as an object, or a skip saying what it is instead. */
export function itemObject(item: unknown): JsonObject {
  if (!isObject(item)) throw new SkipItem(`item is ${item === null ? 'null' : typeof item}, not an object`);
  return item;
}

/**
 * A canonical item's draft. `extras` must be given when the item has a venue or `allDay: true`;
 * json.ts reads only items that have neither without json-shapes.ts.
 */
export function canonicalDraft(o: JsonObject, ctx: ParseContext, jsonFeed?: boolean, extras?: CanonicalExtras): EventDraft {
  const titleKey = keyOf(o, TITLE_KEYS);
  // `summary` is a title only when there is none (iCalendar-style JSON); otherwise a description.
  const title = plainText(titleKey ? o[titleKey] : o.summary);
  const zone = zoneOf(o);
  const startKey = startKeyOf(o, jsonFeed);
  const rawStart = startKey && o[startKey];
  let start: ParsedTime | undefined;
  if (startKey) {
    start = readTime(rawStart, ctx, zone);
    if (!start) throw new SkipItem(`"${title ?? ''}": ${startKey} ${short(rawStart)} is not a date`);
  }
  // An end that cannot be read is treated like a missing end: the start alone is still true.
  const endKey = keyOf(o, END_KEYS);
  let end = endKey ? readTime(o[endKey], ctx, zone) : undefined;
  if (o.allDay === true && start) {
    start = extras!.forceAllDay(start, rawStart, ctx);
    if (end) end = extras!.forceAllDay(end, o[endKey!], ctx);
  }
  // A date-only end is the last day people write (Gnistor's `enddate: 2026-09-27` for a fair
  // that ends on the 27th), except under FullCalendar's `end`, which is exclusive by design.
  if (end?.allDay && endKey !== 'end') end = {...end, date: addDaysIn(end.date, 1, ctx.timeZone)};

  const idKey = keyOf(o, ID_KEYS);
  const draft: EventDraft = {
    id: idKey ? idOf(o[idKey]) : undefined,
    title,
    start,
    end,
    url: firstUrl(o, URL_KEYS, ctx.source),
    categories: categoriesOf(o),
    organizer: organizerOf(o.organizer) ?? organizerOf(o.authors) ?? organizerOf(o.author),
    image: firstUrl(o, IMAGE_KEYS, ctx.source),
    status: typeof o.status === 'string' ? o.status : typeof o.eventStatus === 'string' ? o.eventStatus : undefined,
    // As written; `finishEvent` cleans the list, and venues may replace it.
    locations: o.locations,
  };
  if (o.location != null || o.place != null || o.venue != null) extras!.addVenues(draft, o);

  if (typeof o.content_text === 'string' && o.content_text.trim()) draft.description = o.content_text;
  for (const key of DESCRIPTION_KEYS) addDescription(draft, o[key]);
  if (titleKey) addDescription(draft, o.summary);
  return draft;
}

/** The zone an item's floating times are in, when it names one. */
function zoneOf(o: JsonObject): string | undefined {
  const zoneKey = keyOf(o, ZONE_KEYS);
  return zoneKey && typeof o[zoneKey] === 'string' ? (o[zoneKey] as string) : undefined;
}

/**
 * JSON Feed has no event dates; `date_published` is when the post was published. It is the start
 * only for JSON Feed items with no event date field at all, so a plain blog still shows.
 */
function startKeyOf(o: JsonObject, jsonFeed?: boolean): string | undefined {
  return keyOf(o, START_KEYS) ?? (jsonFeed && o.date_published != null ? 'date_published' : undefined);
}

/**
 * A canonical item's start instant as `canonicalDraft` reads it, NaN when there is none: for
 * reading a big feed soonest first (preview.ts).
 */
export function canonicalStart(item: unknown, ctx: ParseContext, jsonFeed?: boolean): number {
  return isObject(item) ? instant(item, startKeyOf(item, jsonFeed), ctx) : NaN;
}

/**
 * Lower bounds of an item's start and end for preview.ts's pass over a big feed (at most 34
 * hours early, its `BOUND_SPREAD_MS`; NaN when there is none). An ISO date or date-time without
 * an offset is read as if in UTC, less 18 hours, without asking `Intl` about its zone: that costs
 * microseconds for every new day, and a feed of all-day or floating events asks it thousands of
 * times. The exact start is read only for the items at the edge of the first look.
 */
export function canonicalStartBound(item: unknown, ctx: ParseContext, jsonFeed?: boolean): number {
  return isObject(item) ? bound(item, startKeyOf(item, jsonFeed), ctx) : NaN;
}

/** The end's bound (a date-only end's extra day is within preview.ts's margin). */
export function canonicalEndBound(item: unknown, ctx: ParseContext): number {
  return isObject(item) ? bound(item, keyOf(item, END_KEYS), ctx) : NaN;
}

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.sss]]`, written without an offset. */
const FLOATING_ISO = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?)?$/;

function bound(o: JsonObject, key: string | undefined, ctx: ParseContext): number {
  const value = key ? o[key] : undefined;
  if (typeof value === 'string') {
    if (hasOffset(value)) return Date.parse(value);
    // The engine reads these forms as UTC when a date-time ends in Z (a date alone always is).
    const asUtc = FLOATING_ISO.test(value) ? Date.parse(value.length === 10 ? value : `${value}Z`) : NaN;
    if (!Number.isNaN(asUtc)) return asUtc - 18 * 3600_000;
  }
  return instant(o, key, ctx);
}

function instant(o: JsonObject, key: string | undefined, ctx: ParseContext): number {
  if (!key) return NaN;
  const value = o[key];
  // An ISO date-time with its offset written out is one instant in any zone: the engine's own
  // parser reads it the same, several times faster (and says NaN for what only looks like one,
  // which puts the item among those read first). Anything else is read as `canonicalDraft` does.
  if (typeof value === 'string' && hasOffset(value)) return Date.parse(value);
  return readTime(value, ctx, zoneOf(o))?.date.getTime() ?? NaN;
}

/**
 * The shape `YYYY-MM-DDTHH:MM…Z` or `…±HH:MM`, told by a few characters: this runs for every item
 * of a big feed before the first cards are drawn, where even a regular expression's first runs
 * cost milliseconds.
 */
function hasOffset(text: string): boolean {
  const n = text.length;
  if (n < 17 || n > 29 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T') return false;
  // The engine reads a leap second (:60) and hour 24 its own way: those are read as the draft reads them.
  if (text.includes(':60') || text.startsWith('24', 11)) return false;
  if (text[n - 1] === 'Z') return true;
  const sign = text[n - 6];
  return (sign === '+' || sign === '-') && text[n - 3] === ':';
}

/** The first of `keys` that holds an absolute http(s) URL (after resolving against the feed). */
function firstUrl(o: JsonObject, keys: readonly string[], base: string): string | undefined {
  for (const key of keys) {
    const url = o[key] == null ? undefined : absoluteHttpUrl(urlOf(o[key]), base);
    if (url) return url;
  }
  return undefined;
}

/**
 * Every category field's value, for `finishEvent` to flatten and clean: the one value itself
 * when only one field has any (most feeds), so no list is built for nothing.
 */
function categoriesOf(o: JsonObject): unknown {
  let found: unknown;
  let several: unknown[] | undefined;
  for (const key of CATEGORY_KEYS) {
    const value = o[key];
    // `type` is also a schema.org / ActivityStreams class name (`Event`, `MusicEvent`): not a category.
    if (value == null || (key === 'type' && typeof value === 'string' && /Event$/.test(value))) continue;
    if (found === undefined) found = value;
    else (several ??= [found]).push(value);
  }
  return several ?? found;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : undefined;
}

/** A value quoted for a skip reason, cut so a huge field does not flood the console. */
function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
