/**
 * JSON event feeds. The common documents are read here: a list of canonical items (Gnistor's
 * field names plus the common aliases, json-canonical.ts) as an array, under a wrapper key
 * (`{events: […]}`) or as JSON Feed 1.0/1.1. Any other document is planned by json-shapes.ts,
 * which is fetched, with the modules the document needs (each platform's profiles, venues, a
 * `fields` mapping), only for such a document; a page reading a common feed downloads none of
 * them. Each item becomes an `EventDraft` that `finishEvent` checks. A bad item is skipped with a
 * reason; only unreadable JSON or JSON without events fails the feed.
 */
import {FeedError, SkipItem, type CalendarEvent, type EventDraft, type ParseContext, type ParseResult, type ParsedFeed} from '../../events/model.js';
import {finishEvent} from '../../events/normalise.js';
import {canonicalDraft, canonicalEndBound, canonicalStart, canonicalStartBound, itemObject} from './json-canonical.js';
import {inFeedOrder, readingPlan, type ItemTimes} from '../preview.js';
import {findEventList, type EventList} from './json-lists.js';
import {isObject} from './json-profiles.js';
import {PAINT, runSync, type Steps} from '../steps.js';
import type {FeedReader} from '../reader.js';
import {lazy} from '../../lazy.js';

export interface JsonOptions {
  /** A custom field mapping, `"title:name, start:when.begins"`; see json-fields.ts. */
  fields?: string;
}

/** Reads one item of a list into one draft, or several (Radar's dates); throws `SkipItem`. */
type ReadItem = (item: unknown, ctx: ParseContext, list: EventList) => EventDraft | EventDraft[];

/** json-shapes.ts, a chunk of its own, fetched when a document first needs it. */
const shapes = lazy(() => import('./json-shapes.js'));

/** This module as feeds/index.ts loads every format's reader. */
export const reader: FeedReader = {steps: loadJsonSteps};

/**
 * Reads the document, fetches what its shape needs (nothing for the common documents), and gives
 * the steps that read the items (steps.ts: they may pause between items). Rejects only when that
 * code cannot be fetched; the next feed that needs it asks again.
 */
async function loadJsonSteps(text: string, ctx: ParseContext, options: JsonOptions = {}): Promise<Steps<ParseResult>> {
  const root = readDocument(text);
  if (root instanceof FeedError) return readItems(root, ctx, readPlain);
  const list = plainList(root, options);
  if (list) return readItems(list, ctx, readPlain, plainTimes(list, ctx));
  const plan = await (await shapes.load()).loadPlan(root, options.fields);
  return readItems(plan.list, ctx, plan.draft);
}

/** Reads a JSON feed in one go, fetching what its shape needs first. */
export async function readJson(text: string, ctx: ParseContext, options: JsonOptions = {}): Promise<ParseResult> {
  return runSync(await loadJsonSteps(text, ctx, options));
}

/**
 * Reads a JSON feed in one go, synchronously: every common document, and the others once
 * `readJson` or `loadJsonSteps` has fetched what they need; until then they fail, saying so.
 */
export function parseJson(text: string, ctx: ParseContext, options: JsonOptions = {}): ParseResult {
  return runSync(jsonSteps(text, ctx, options));
}

/** `parseJson` as steps (see steps.ts): it may pause between items. */
export function* jsonSteps(text: string, ctx: ParseContext, options: JsonOptions = {}): Steps<ParseResult> {
  const root = readDocument(text);
  if (root instanceof FeedError) return root;
  const list = plainList(root, options);
  if (list) return yield* readItems(list, ctx, readPlain, plainTimes(list, ctx));
  const plan = shapes.module?.planFor(root, options.fields);
  if (!plan || plan.missing.length) {
    return new FeedError('parse', 'invalid', `This JSON needs readers loaded on demand (${plan?.missing.join(', ') || 'json-shapes'}): read it with readJson.`);
  }
  return yield* readItems(plan.list, ctx, plan.draft);
}

/** The parsed JSON, or why there is none. */
function readDocument(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return new FeedError('parse', 'empty', 'The JSON feed is empty.');
  if (/^\s*</.test(body)) {
    // The usual mistake: the address gives the site's HTML page (or an error page), not JSON.
    return /^\s*(<!doctype html|<html|<head|<body)/i.test(body)
      ? new FeedError('parse', 'html-page', 'Expected JSON but the address gives an HTML web page.')
      : new FeedError('parse', 'not-a-feed', 'Expected JSON but the feed is markup (XML or HTML).');
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    return new FeedError('parse', 'invalid', `The feed is not valid JSON: ${(error as Error).message}`);
  }
}

/** `type`s of ActivityStreams objects (an `Event`, or an activity around one). */
const ACTIVITY_TYPE = /^(Event|Create|Update|Announce|Add)$/;

/**
 * The list of a common document, which this module reads without json-shapes.ts: no key a rarer
 * shape's list or item has, no `fields` mapping. Every item is tested, since one list may mix
 * shapes; a test is a few property reads.
 */
function plainList(root: unknown, options: JsonOptions): EventList | undefined {
  if (options.fields?.trim()) return undefined;
  let rare = false;
  const list = findEventList(root, {
    // Where the rarer shapes' finders look: ActivityStreams' `type` and `orderedItems`, GData's `feed`, Radar's `result`.
    first: (o, depth) => void (rare ||= 'type' in o || 'orderedItems' in o || (!depth && (isObject(o.feed) || isObject(o.result)))),
    // A GraphQL connection, a bare event, or no list at all.
    last: () => void (rare = true),
  });
  return !rare && list?.items.every(isPlainItem) ? list : undefined;
}

/**
 * Whether json-shapes.ts has nothing to do with an item: no key that only a rarer shape writes
 * (json-shapes.ts says which module reads each), no venue (json-places.ts), no `allDay: true`
 * (json-all-day.ts), no ActivityStreams `type`. Written out key by key, since this runs for every
 * item and a fixed key is the fastest lookup.
 */
function isPlainItem(item: unknown): boolean {
  if (!isObject(item)) return true;
  const type = item.type;
  return !(
    'node' in item ||
    'start_datetime' in item ||
    'start_at' in item ||
    'event' in item ||
    'time' in item ||
    'dateTime' in item ||
    'beginsOn' in item ||
    'date_time' in item ||
    'utc_start_date' in item ||
    'start_date_utc' in item ||
    'gd$when' in item ||
    'gd$recurrence' in item ||
    'gd$eventStatus' in item ||
    'location' in item ||
    'place' in item ||
    'venue' in item ||
    item.allDay === true ||
    (typeof type === 'string' ? ACTIVITY_TYPE.test(type) : Array.isArray(type))
  );
}

function readPlain(item: unknown, ctx: ParseContext, list: EventList): EventDraft {
  return canonicalDraft(itemObject(item), ctx, list.jsonFeed);
}

function plainTimes({items, jsonFeed}: EventList, ctx: ParseContext): ItemTimes {
  return {
    start: (index) => canonicalStartBound(items[index], ctx, jsonFeed),
    exactStart: (index) => canonicalStart(items[index], ctx, jsonFeed),
    end: (index) => canonicalEndBound(items[index], ctx),
  };
}

/** Items read between two pause points. */
const ITEMS_PER_STEP = 8;

/**
 * Reads every item. With a `ctx.preview` and a way to read the items' times (`times`), the
 * items are read soonest first and `ctx.preview.show` gets the first look mid-way (preview.ts);
 * the events still come back in feed order.
 */
function* readItems(list: EventList | FeedError, ctx: ParseContext, readItem: ReadItem, times?: ItemTimes): Steps<ParseResult> {
  if (list instanceof FeedError) return list;
  const feed: ParsedFeed = {format: 'json', events: [], skipped: []};
  if (list.title) feed.title = list.title;
  const {items} = list;
  const firstLook = ctx.preview && times && items.length > ctx.preview.count;
  // The pass over every item's start is a task of its own, apart from the JSON parse before it:
  // on a feed of 20,000 the two together would hold the page too long.
  if (firstLook) yield;
  let plan = firstLook ? readingPlan(items.length, times, ctx.preview!) : undefined;
  const order = plan?.order;
  // The item each event came from, to put them back in feed order after reading out of order.
  const origins: number[] = [];
  const skip = (index: number, error: unknown) => {
    const reason = error instanceof SkipItem ? error.message : `could not be read (${(error as Error).message})`;
    feed.skipped.push({index, reason});
  };
  const finish = (index: number, draft: EventDraft) => {
    try {
      feed.events.push(finishEvent(draft, ctx));
      origins.push(index);
    } catch (error) {
      skip(index, error);
    }
  };
  for (let position = 0; position < items.length; position++) {
    // A pause point every few items: one takes microseconds, and asking the clock after each
    // cost more than reading it.
    if (position && position % ITEMS_PER_STEP === 0) yield;
    const index = order ? order[position] : position;
    let drafts: EventDraft | EventDraft[] | undefined;
    try {
      drafts = readItem(items[index], ctx, list);
    } catch (error) {
      skip(index, error);
    }
    // Several drafts from one item (Radar's dates) are checked one by one, so one bad date
    // does not hide the others; each is reported under its item's index.
    if (Array.isArray(drafts)) for (const one of drafts) finish(index, one);
    else if (drafts) finish(index, drafts);
    if (plan?.firstLookAfter(position)) {
      const {through} = plan;
      ctx.preview!.show(feed.events.filter((event) => event.start.getTime() <= through));
      plan = undefined;
      // Let the first look be drawn and painted before reading on.
      yield PAINT;
    }
  }
  if (order) {
    feed.events = inFeedOrder(feed.events, origins);
    feed.skipped.sort((a, b) => a.index - b.index);
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
  const ids = events.map((event) => event.id);
  // Most feeds repeat no id; building the set in one go is the cheap way to see that.
  if (new Set(ids).size === ids.length) return;
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const id of ids) (seen.has(id) ? shared : seen).add(id);
  for (const event of events) {
    if (shared.has(event.id)) event.id = `${event.id}@${event.start.toISOString()}`;
  }
}
