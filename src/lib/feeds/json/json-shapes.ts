/**
 * The rarer JSON shapes: which module reads a document that is not a plain list of canonical
 * items, and how its items are read. json.ts fetches this module only for such a document; it
 * then fetches the modules the document needs (each platform's profiles, a `fields` mapping),
 * and no others.
 */
import {FeedError, type EventDraft, type ParseContext} from '../../events/model.js';
import {forceAllDay} from './json-all-day.js';
import {canonicalDraft, itemObject, type CanonicalExtras} from './json-canonical.js';
import type {FieldMap} from './json-fields.js';
import {findConnection} from './json-graphql.js';
import {START_KEYS, TITLE_KEYS} from './json-keys.js';
import {findEventList, type EventList, type ListHooks} from './json-lists.js';
import {addVenues} from './json-places.js';
import {isObject, keyOf, type JsonObject, type JsonProfile} from './json-profiles.js';
import {lazy} from '../../lazy.js';
import {isActivityStreamsEvent, unwrapActivity} from './json-activity-shape.js';

/** Each a chunk of its own, fetched through `lazy()` when a document first needs it. */
const MODULES = {
  gancio: lazy(() => import('./json-gancio.js')),
  platforms: lazy(() => import('./json-platforms.js')),
  community: lazy(() => import('./json-community.js')),
  eventsCalendar: lazy(() => import('./json-events-calendar.js')),
  gdata: lazy(() => import('./json-gdata.js')),
  activity: lazy(() => import('./json-activity.js')),
  fields: lazy(() => import('./json-fields.js')),
};

type ModuleName = keyof typeof MODULES;
type Modules = {[Name in ModuleName]?: (typeof MODULES)[Name]['module']};

/**
 * The modules with item profiles, in the order their profiles are tried on an item: most
 * specific first (Gancio's numeric `start_datetime` is unmistakable), ActivityStreams last. An
 * item no profile claims is read as canonical JSON. Profiles loaded for one feed stay tried on
 * the next; that is harmless, since each claims only its own shape.
 */
const PROFILE_MODULES = ['gancio', 'platforms', 'community', 'eventsCalendar', 'gdata', 'activity'] as const;

function loadedProfiles(): JsonProfile[] {
  return PROFILE_MODULES.flatMap((name) => MODULES[name].module?.profiles ?? []);
}

const EXTRAS: CanonicalExtras = {addVenues, forceAllDay};

/** The item a profile or the canonical reader sees: Relay's `{node}` and an activity taken off. */
function unwrapItem(item: JsonObject): JsonObject {
  return unwrapActivity(isObject(item.node) ? item.node : item);
}

// --- Planning ---

/** A loaded module, or undefined after noting that the document needs it. */
type Use = <Name extends ModuleName>(name: Name) => Modules[Name];

/**
 * Notes the modules an item may need, from cheap tests on keys that only those shapes write.
 * A test is true for every item its module reads and may be true for a few more, which only
 * fetches a module for nothing.
 */
function noteModules(o: JsonObject, use: Use): void {
  if ('start_datetime' in o) use('gancio');
  if ('start_at' in o || isObject(o.event) || typeof o.time === 'number' || typeof o.dateTime === 'string') use('platforms');
  if (typeof o.beginsOn === 'string' || Array.isArray(o.date_time)) use('community');
  if ('utc_start_date' in o || 'start_date_utc' in o) use('eventsCalendar');
  if ('gd$when' in o || 'gd$recurrence' in o || 'gd$eventStatus' in o) use('gdata');
  if (isActivityStreamsEvent(o)) use('activity');
}

/** The rarer shapes' places for the list finder. */
function listHooks(use: Use): ListHooks {
  return {
    first(o, depth, contexts) {
      // At the top: GData's `{feed: {entry: […]}}`, then Radar's `{result: {"<nid>": event}}`.
      const own = depth ? undefined : (isObject(o.feed) && use('gdata')?.findList(o)) || (isObject(o.result) && use('community')?.findList(o));
      if (own) return {...own, contexts};
      if (isActivityStreamsEvent(unwrapActivity(o))) return {items: [o], contexts};
      const collection = o.orderedItems ?? (/Collection/.test(String(o.type)) ? o.items : undefined);
      return Array.isArray(collection) ? {items: collection, contexts} : undefined;
    },
    last(o, contexts) {
      // A GraphQL response: a connection somewhere below `data`.
      const connection = isObject(o.data) && findConnection(o.data);
      if (connection) return {...connection, contexts};
      // One bare event object is a feed of one (also one Meetup v2 event, one Luma `{event}`).
      noteModules(o, use);
      return (keyOf(o, START_KEYS) && keyOf(o, TITLE_KEYS)) || loadedProfiles().some((p) => p.matches(o)) ? {items: [o], contexts} : undefined;
    },
  };
}

/** How json.ts reads a document's items, and the modules that takes that are not loaded yet. */
export interface Plan {
  list: EventList | FeedError;
  draft(item: unknown, ctx: ParseContext, list: EventList): EventDraft | EventDraft[];
  missing: ModuleName[];
}

/** The plan with the modules loaded so far. */
export function planFor(root: unknown, fieldsText: string | undefined): Plan {
  const missing = new Set<ModuleName>();
  const use: Use = (name) => (MODULES[name].module as Modules[typeof name]) ?? void missing.add(name);
  let list: EventList | FeedError | undefined;
  let fields: FieldMap | undefined;
  if (fieldsText?.trim()) {
    const mapping = use('fields')?.fieldsPlan(root, fieldsText);
    if (mapping?.list) list = mapping.list instanceof FeedError ? mapping.list : {items: mapping.list, contexts: []};
    fields = mapping?.fields;
  }
  list ??=
    findEventList(root, listHooks(use)) ??
    new FeedError('parse', 'not-a-feed', 'The JSON holds no list of events (expected an array, {events|data|items: […]}, a JSON Feed or an ActivityStreams Event).');
  // Mapped items are read the page author's way, never by a profile.
  if (!fields && !(list instanceof FeedError)) {
    for (const item of list.items) if (isObject(item)) noteModules(unwrapItem(item), use);
  }
  const profiles = loadedProfiles();
  return {
    list,
    missing: [...missing],
    draft(item, ctx, list) {
      const o = itemObject(item);
      // The page author's mapping says how to read their items; no profile second-guesses it.
      if (fields) return canonicalDraft(MODULES.fields.module!.mappedItem(o, fields), ctx, false, EXTRAS);
      const inner = unwrapItem(o);
      for (const profile of profiles) {
        if (profile.matches(inner)) return profile.draft(inner, ctx, list, o);
      }
      return canonicalDraft(inner, ctx, list.jsonFeed, EXTRAS);
    },
  };
}

/** The plan, after fetching every module the document needs. */
export async function loadPlan(root: unknown, fieldsText: string | undefined): Promise<Plan> {
  // First, since the mapping may say where the list is.
  if (fieldsText?.trim()) await MODULES.fields.load();
  let plan = planFor(root, fieldsText);
  while (plan.missing.length) {
    // What a module finds may need another (a GData entry, a bare event, a mapped list): a few
    // rounds at most, since each loads at least one more module.
    await Promise.all(plan.missing.map((name) => MODULES[name].load()));
    plan = planFor(root, fieldsText);
  }
  return plan;
}
