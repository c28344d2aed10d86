/**
 * JSON event feeds: the canonical shape (Gnistor's field names plus the common aliases), JSON
 * Feed 1.0/1.1, Gancio's `/api/events`, ActivityStreams `Event`s (Gancio, Mobilizon) and the
 * FullCalendar / Eventbrite shapes that fall out of the aliases. The parser finds the list of
 * events, picks a profile per item, fills an `EventDraft` and lets `finishEvent` check it. A
 * bad item is skipped with a reason; only unreadable JSON or JSON without events fails the feed.
 */
import {
  FeedError,
  SkipItem,
  absoluteHttpUrl,
  cleanList,
  finishEvent,
  type EventDraft,
  type ParseContext,
  type ParseResult,
  type ParsedFeed,
} from '../model.js';
import type {ParsedTime} from '../time.js';
import {
  activityStreamsDraft,
  addDescription,
  forceAllDay,
  gancioDraft,
  isActivityStreamsEvent,
  isGancioEvent,
  isMobilizonContext,
  isObject,
  organizerOf,
  pick,
  plainText,
  readPlace,
  readTime,
  unwrapActivity,
  urlOf,
  type JsonObject,
} from './json-profiles.js';

// Aliases in order of preference. Keys are case-sensitive, as feeds write them.
const START_KEYS = ['date', 'start', 'start_time', 'startDate', 'start_date', 'startTime', 'dtstart'] as const;
const END_KEYS = ['enddate', 'end', 'end_time', 'endDate', 'end_date', 'endTime', 'dtend'] as const;
const URL_KEYS = ['url', 'link', 'href', 'external_url'] as const;
const CATEGORY_KEYS = ['forms', 'categories', 'tags', 'topics', 'category', 'type'] as const;
const DESCRIPTION_KEYS = ['description', 'content', 'content_html', 'body'] as const;
const ZONE_KEYS = ['timezone', 'timeZone', 'tz'] as const;
const ID_KEYS = ['id', 'uid', 'guid'] as const;
const IMAGE_KEYS = ['image', 'banner_image', 'logo', 'cover_url'] as const;
/** Keys that wrap the event list, also one or two levels down (`{data: {events: […]}}`). */
const WRAPPER_KEYS = ['events', 'data', 'items'] as const;
const MAX_WRAPPER_DEPTH = 3;

interface EventList {
  items: unknown[];
  /** JSON Feed: `summary` is a description and `date_published` a last resort for the start. */
  jsonFeed: boolean;
  mobilizon: boolean;
  title?: string;
}

export function parseJson(text: string, ctx: ParseContext): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return new FeedError('parse', 'empty', 'The JSON feed is empty.');
  if (/^\s*</.test(body)) {
    // The usual mistake: the address gives the site's HTML page (or an error page), not JSON.
    return /^\s*(<!doctype html|<html|<head|<body)/i.test(body)
      ? new FeedError('parse', 'html-page', 'Expected JSON but the address gives an HTML web page.')
      : new FeedError('parse', 'not-a-feed', 'Expected JSON but the feed is markup (XML or HTML).');
  }
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    return new FeedError('parse', 'invalid', `The feed is not valid JSON: ${(error as Error).message}`);
  }
  const list = findEventList(root, 0, false);
  if (!list) {
    return new FeedError(
      'parse',
      'not-a-feed',
      'The JSON holds no list of events (expected an array, {events|data|items: […]}, a JSON Feed or an ActivityStreams Event).'
    );
  }
  const feed: ParsedFeed = {format: 'json', events: [], skipped: []};
  if (list.title) feed.title = list.title;
  list.items.forEach((item, index) => {
    try {
      feed.events.push(finishEvent(draftFor(item, ctx, list), ctx));
    } catch (error) {
      const reason = error instanceof SkipItem ? error.message : `could not be read (${(error as Error).message})`;
      feed.skipped.push({index, reason});
    }
  });
  return feed;
}

/**
 * Where the events are. Depth-limited so a hostile document cannot make this recurse far; the
 * rest of the parser only looks one level into each item.
 */
function findEventList(root: unknown, depth: number, mobilizon: boolean): EventList | undefined {
  if (Array.isArray(root)) return {items: root, jsonFeed: false, mobilizon};
  if (!isObject(root) || depth > MAX_WRAPPER_DEPTH) return undefined;
  mobilizon ||= isMobilizonContext(root['@context']);
  if (isActivityStreamsEvent(unwrapActivity(root))) return {items: [root], jsonFeed: false, mobilizon};
  const collection = root.orderedItems ?? (/Collection/.test(String(root.type)) ? root.items : undefined);
  if (Array.isArray(collection)) return {items: collection, jsonFeed: false, mobilizon};
  if (Array.isArray(root.items) && typeof root.version === 'string' && /jsonfeed|^1(\.\d+)?$/i.test(root.version)) {
    return {items: root.items, jsonFeed: true, mobilizon, title: plainText(root.title)};
  }
  for (const key of WRAPPER_KEYS) {
    const inner = root[key];
    if (Array.isArray(inner)) return {items: inner, jsonFeed: false, mobilizon};
    if (isObject(inner)) {
      const found = findEventList(inner, depth + 1, mobilizon);
      if (found) return found;
    }
  }
  // One bare event object is a feed of one.
  if (depth === 0 && pick(root, START_KEYS) && pick(root, ['title', 'name'])) return {items: [root], jsonFeed: false, mobilizon};
  return undefined;
}

function draftFor(item: unknown, ctx: ParseContext, list: EventList): EventDraft {
  if (!isObject(item)) throw new SkipItem(`item is ${item === null ? 'null' : typeof item}, not an object`);
  const o = unwrapActivity(item);
  if (isGancioEvent(o)) return gancioDraft(o, ctx);
  if (isActivityStreamsEvent(o)) {
    return activityStreamsDraft(o, ctx, {mobilizon: list.mobilizon || isMobilizonContext(item['@context'])});
  }
  return canonicalDraft(o, ctx, list.jsonFeed);
}

/** Gnistor's vocabulary and the common aliases (DESIGN.md "The model"; feed-formats.md §4.4). */
function canonicalDraft(o: JsonObject, ctx: ParseContext, jsonFeed: boolean): EventDraft {
  const titleField = pick(o, ['title', 'name']);
  // `summary` is a title only when there is none (iCalendar-style JSON); otherwise a description.
  const title = plainText(titleField?.[1] ?? o.summary);
  const label = `"${title ?? ''}"`;
  const zoneField = pick(o, ZONE_KEYS)?.[1];
  const zone = typeof zoneField === 'string' ? zoneField : undefined;

  const startField = pick(o, START_KEYS);
  let start: ParsedTime | undefined;
  let rawStart: unknown;
  if (startField) {
    [, rawStart] = startField;
    start = readTime(rawStart, ctx, zone);
    if (!start) throw new SkipItem(`${label}: ${startField[0]} ${short(rawStart)} is not a date`);
  } else if (jsonFeed && o.date_published != null) {
    // JSON Feed has no event dates; `date_published` is when the post was published. It is the
    // start only for JSON Feed items with no event date field at all, so a plain blog still shows.
    rawStart = o.date_published;
    start = readTime(rawStart, ctx, zone);
    if (!start) throw new SkipItem(`${label}: date_published ${short(rawStart)} is not a date`);
  }
  // An end that cannot be read is treated like a missing end: the start alone is still true.
  const endField = pick(o, END_KEYS);
  let end = endField ? readTime(endField[1], ctx, zone) : undefined;
  if (o.allDay === true && start) {
    start = forceAllDay(start, rawStart, ctx);
    if (end && endField) end = forceAllDay(end, endField[1], ctx);
  }

  const draft: EventDraft = {
    id: idOf(pick(o, ID_KEYS)?.[1]),
    title,
    start,
    end,
    url: URL_KEYS.map((key) => absoluteHttpUrl(urlOf(o[key]), ctx.source)).find(Boolean),
    categories: CATEGORY_KEYS.map((key) => categoryValue(key, o[key])),
    organizer: organizerOf(o.organizer) ?? organizerOf(o.authors) ?? organizerOf(o.author),
    image: IMAGE_KEYS.map((key) => absoluteHttpUrl(urlOf(o[key]), ctx.source)).find(Boolean),
    status: typeof o.status === 'string' ? o.status : typeof o.eventStatus === 'string' ? o.eventStatus : undefined,
  };

  const places = [o.location, o.place, o.venue].filter((v) => v != null).map((v) => readPlace(v));
  // An explicit `locations` list (Gnistor: cities) is the filter vocabulary; venue names fill
  // in only when there is none, so a filter by city does not fill up with venues.
  const listed = cleanList(o.locations);
  draft.locations = listed.length ? listed : places.flatMap((p) => p.names);
  const place = Object.assign({}, ...places.map((p) => p.place).reverse());
  if (Object.keys(place).length) draft.place = place;

  if (typeof o.content_text === 'string' && o.content_text.trim()) draft.description = o.content_text;
  for (const key of DESCRIPTION_KEYS) addDescription(draft, o[key]);
  if (titleField) addDescription(draft, o.summary);
  return draft;
}

/** `type` is also a schema.org / ActivityStreams class name (`Event`, `MusicEvent`): not a category. */
function categoryValue(key: string, value: unknown): unknown {
  if (key === 'type' && typeof value === 'string' && /Event$/.test(value)) return undefined;
  return value;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : undefined;
}

/** A value quoted for a skip reason, cut so a huge field does not flood the console. */
function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
