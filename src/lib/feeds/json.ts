/**
 * JSON event feeds: the canonical shape (Gnistor's field names plus the common aliases), JSON
 * Feed 1.0/1.1, and the platform APIs, each a small profile: Gancio, ActivityStreams `Event`s
 * (Gancio, Mobilizon) in json-profiles.ts; Luma, Meetup, The Events Calendar in
 * json-platforms.ts; Mobilizon GraphQL and Radar in json-community.ts; Google GData in
 * json-gdata.ts. FullCalendar and Eventbrite fall out of the canonical aliases. A page author's
 * own JSON is read through a `fields` mapping (json-fields.ts). The parser finds the list of
 * events, picks a profile per item, fills an `EventDraft` and lets `finishEvent` check it. A
 * bad item is skipped with a reason; only unreadable JSON or JSON without events fails the feed.
 */
import {
  FeedError,
  SkipItem,
  absoluteHttpUrl,
  cleanList,
  finishEvent,
  type CalendarEvent,
  type EventDraft,
  type ParseContext,
  type ParseResult,
  type ParsedFeed,
} from '../model.js';
import {addDaysIn, type ParsedTime} from '../time.js';
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
  type FeedInfo,
  type JsonObject,
  type JsonProfile,
} from './json-profiles.js';
import {eventsCalendarProfile, lumaProfile, meetupGraphqlProfile, meetupV2Profile} from './json-platforms.js';
import {mobilizonGraphqlProfile, radarProfile} from './json-community.js';
import {gdataFeed, gdataProfile, gdataZone} from './json-gdata.js';
import {mappedItem, readFieldMap, valueAt, type AliasTable, type FieldMap} from './json-fields.js';
import {runSync, type Steps} from './steps.js';

// Aliases in order of preference. Keys are case-sensitive, as feeds write them.
const START_KEYS = ['date', 'start', 'start_time', 'startDate', 'start_date', 'startTime', 'dtstart'] as const;
const END_KEYS = ['enddate', 'end', 'end_time', 'endDate', 'end_date', 'endTime', 'dtend'] as const;
const URL_KEYS = ['url', 'link', 'href', 'external_url'] as const;
const CATEGORY_KEYS = ['forms', 'categories', 'tags', 'topics', 'category', 'type'] as const;
const DESCRIPTION_KEYS = ['description', 'content', 'content_html', 'body'] as const;
const ZONE_KEYS = ['timezone', 'timeZone', 'tz'] as const;
const ID_KEYS = ['id', 'uid', 'guid'] as const;
const IMAGE_KEYS = ['image', 'banner_image', 'logo', 'cover_url'] as const;
/**
 * Keys that wrap the event list, also one or two levels down (`{data: {events: […]}}`).
 * `results`: Meetup v2 and many REST APIs; `entries`: Luma.
 */
const WRAPPER_KEYS = ['events', 'data', 'items', 'results', 'entries'] as const;
const MAX_WRAPPER_DEPTH = 3;
/**
 * GraphQL connections (`{data: {group: {organizedEvents: {elements: […]}}}}`, Relay `edges`):
 * list keys searched below `data`, at most this deep.
 */
const CONNECTION_KEYS = ['elements', 'edges', 'nodes', 'events', 'results', 'items'] as const;
const MAX_CONNECTION_DEPTH = 4;

/** The canonical names a `fields` mapping may replace, with every key the reader tries for them. */
const ALIASES: AliasTable = {
  title: ['title', 'name'],
  start: START_KEYS,
  end: END_KEYS,
  allDay: ['allDay'],
  timeZone: ZONE_KEYS,
  id: ID_KEYS,
  url: URL_KEYS,
  description: [...DESCRIPTION_KEYS, 'content_text'],
  categories: CATEGORY_KEYS,
  locations: ['locations'],
  location: ['location', 'place', 'venue'],
  organizer: ['organizer', 'authors', 'author'],
  image: IMAGE_KEYS,
  status: ['status', 'eventStatus'],
};

/**
 * Platform profiles, most specific test first. An item no profile claims is read as canonical
 * JSON. Gancio precedes the rest because its numeric `start_datetime` is unmistakable.
 */
const PROFILES: readonly JsonProfile[] = [
  {name: 'Gancio', matches: isGancioEvent, draft: (o, ctx) => gancioDraft(o, ctx)},
  lumaProfile,
  meetupV2Profile,
  meetupGraphqlProfile,
  mobilizonGraphqlProfile,
  radarProfile,
  eventsCalendarProfile,
  gdataProfile,
];

interface EventList extends FeedInfo {
  items: unknown[];
  /** JSON Feed: `summary` is a description and `date_published` a last resort for the start. */
  jsonFeed: boolean;
  title?: string;
}

export interface JsonOptions {
  /** A custom field mapping, `"title:name, start:when.begins"`; see json-fields.ts. */
  fields?: string;
}

/** Reads a JSON feed in one go. */
export function parseJson(text: string, ctx: ParseContext, options: JsonOptions = {}): ParseResult {
  return runSync(jsonSteps(text, ctx, options));
}

/** `parseJson` as steps (see steps.ts): it may pause after each item. */
export function* jsonSteps(text: string, ctx: ParseContext, options: JsonOptions = {}): Steps<ParseResult> {
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
  const {fields} = readFieldMap(options.fields);
  let list: EventList | undefined;
  if (fields.list) {
    // The page author said where the list is: look only there, and say so when it is not.
    const items = valueAt(root, fields.list);
    if (!Array.isArray(items)) {
      return new FeedError('parse', 'not-a-feed', `The JSON has no list of events at "${fields.list}" (from the fields mapping).`);
    }
    list = {items, jsonFeed: false, mobilizon: false};
  } else {
    list = findEventList(root, 0, false);
  }
  if (!list) {
    return new FeedError(
      'parse',
      'not-a-feed',
      'The JSON holds no list of events (expected an array, {events|data|items: […]}, a JSON Feed or an ActivityStreams Event).'
    );
  }
  const feed: ParsedFeed = {format: 'json', events: [], skipped: []};
  if (list.title) feed.title = list.title;
  const itemFields = Object.keys(fields).some((name) => name !== 'list') ? fields : undefined;
  const skip = (index: number, error: unknown) => {
    const reason = error instanceof SkipItem ? error.message : `could not be read (${(error as Error).message})`;
    feed.skipped.push({index, reason});
  };
  const {items} = list;
  for (let index = 0; index < items.length; index++) {
    if (index) yield;
    let drafts: EventDraft | EventDraft[];
    try {
      drafts = draftFor(items[index], ctx, list, itemFields);
    } catch (error) {
      skip(index, error);
      continue;
    }
    // Several drafts from one item (Radar's dates) are checked one by one, so one bad date
    // does not hide the others; each is reported under its item's index.
    for (const draft of Array.isArray(drafts) ? drafts : [drafts]) {
      try {
        feed.events.push(finishEvent(draft, ctx));
      } catch (error) {
        skip(index, error);
      }
    }
  }
  distinguishSharedIds(feed.events);
  return feed;
}

/**
 * FullCalendar repeats one `id` on every event of a recurring group (its demo has two
 * "Repeating Event"s with id 999), and merging sources treats equal ids as one event. Like
 * iCalendar's UID + RECURRENCE-ID, an id shared inside one feed gets the start appended.
 */
function distinguishSharedIds(events: CalendarEvent[]): void {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  for (const event of events) {
    if ((counts.get(event.id) ?? 0) > 1) event.id = `${event.id}@${event.start.toISOString()}`;
  }
}

/**
 * Where the events are. Depth-limited so a hostile document cannot make this recurse far; the
 * rest of the parser only looks one level into each item.
 */
function findEventList(root: unknown, depth: number, mobilizon: boolean): EventList | undefined {
  if (Array.isArray(root)) return {items: root, jsonFeed: false, mobilizon};
  if (!isObject(root) || depth > MAX_WRAPPER_DEPTH) return undefined;
  mobilizon ||= isMobilizonContext(root['@context']);
  const gdata = depth === 0 ? gdataFeed(root) : undefined;
  if (gdata) {
    const entries = Array.isArray(gdata.entry) ? gdata.entry : gdata.entry === undefined ? [] : [gdata.entry];
    return {items: entries, jsonFeed: false, mobilizon, zone: gdataZone(gdata), title: plainText(isObject(gdata.title) ? gdata.title.$t : undefined)};
  }
  // Radar: an object keyed by node id. Integer-like keys come back in ascending numeric order,
  // not document order; display sorts by time anyway.
  if (depth === 0 && isObject(root.result)) {
    const nodes = Object.values(root.result);
    if (nodes.some((n) => isObject(n) && Array.isArray(n.date_time))) return {items: nodes, jsonFeed: false, mobilizon};
  }
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
  if (depth > 0) return undefined;
  if (isObject(root.data)) {
    const found = findConnection(root.data, 0, undefined);
    if (found) return {...found, jsonFeed: false, mobilizon};
  }
  // One bare event object is a feed of one (also one Meetup v2 event, one Luma `{event}`).
  if ((pick(root, START_KEYS) && pick(root, ['title', 'name'])) || PROFILES.some((p) => p.matches(root))) {
    return {items: [root], jsonFeed: false, mobilizon};
  }
  return undefined;
}

/**
 * The first GraphQL connection list below `data`, with the name of the nearest object above it
 * that has one (the group whose `organizedEvents` these are). Each object is visited at most
 * once and only `MAX_CONNECTION_DEPTH` levels down, so this is linear and shallow.
 */
function findConnection(o: JsonObject, depth: number, owner: string | undefined): {items: unknown[]; owner?: string} | undefined {
  const name = plainText(o.name);
  const here = name && !/^https?:/i.test(name) ? name : owner;
  for (const key of CONNECTION_KEYS) {
    if (Array.isArray(o[key])) return {items: o[key] as unknown[], owner: here};
  }
  if (depth >= MAX_CONNECTION_DEPTH) return undefined;
  for (const value of Object.values(o)) {
    if (!isObject(value)) continue;
    const found = findConnection(value, depth + 1, here);
    if (found) return found;
  }
  return undefined;
}

function draftFor(item: unknown, ctx: ParseContext, list: EventList, fields?: FieldMap): EventDraft | EventDraft[] {
  if (!isObject(item)) throw new SkipItem(`item is ${item === null ? 'null' : typeof item}, not an object`);
  // The page author's mapping says how to read their items; no profile second-guesses it.
  if (fields) return canonicalDraft(mappedItem(item, fields, ALIASES), ctx, false);
  // Relay-style GraphQL lists wrap each item as `{node: …}`.
  const o = unwrapActivity(isObject(item.node) ? item.node : item);
  const profile = PROFILES.find((p) => p.matches(o));
  if (profile) return profile.draft(o, ctx, list);
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
  // A date-only end is the last day people write (Gnistor's `enddate: 2026-09-27` for a fair
  // that ends on the 27th), except under FullCalendar's `end`, which is exclusive by design.
  if (end?.allDay && endField && endField[0] !== 'end') end = {...end, date: addDaysIn(end.date, 1, ctx.timeZone)};

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
