/**
 * Custom JSON: the `fields` mapping from feedcal's canonical field names onto a user's own JSON.
 *
 * ```html
 * <!-- The feed: {"data": {"results": [{"name": "Möte", "when": {"begins": "2026-03-12T18:00",
 *      "ends": "2026-03-12T20:00"}, "kind": ["Möte"], "images": [{"url": "/a.jpg"}]}]}} -->
 * <event-list src="https://example.org/api/happenings"
 *             fields="list: data.results, title: name, start: when.begins, end: when.ends,
 *                     categories: kind, image: images.0.url"></event-list>
 * ```
 *
 * - Each entry is `canonical: path`, separated by commas. A path is dotted keys; a number picks
 *   an array element (`images.0.url`). Keys are case-sensitive, as in the JSON.
 * - Canonical names: `list` (or `events`: where the array of events is, from the top of the
 *   document), `title`, `start`, `end`, `allDay`, `timeZone`, `id`, `url`, `description`,
 *   `categories`, `locations`, `location` (the place name or a place object), `address`, `lat`,
 *   `lon`, `organizer`, `image`, `status`. Case does not matter (`timezone`, `all-day`).
 * - Times are read like every other JSON time (ISO 8601 with or without an offset, RFC 822). A
 *   number is refused, because seconds and milliseconds cannot be told apart; say which with
 *   `@s` or `@ms` after the path: `start: when.unix@s`.
 * - Fields you do not map are still found under their usual names (`title`, `start`, `date`, …).
 *   Once any item field is mapped, every item is read this way, not by a platform profile.
 * - Entries with an unknown canonical name, or without a path, are ignored; `readFieldMap`
 *   lists them so the element can tell the page author.
 */
import {FeedError} from '../../events/model.js';
import type {ParsedTime} from '../../time.js';
import {fromEpoch} from '../../time.js';
import {
  CATEGORY_KEYS,
  DESCRIPTION_KEYS,
  END_KEYS,
  ID_KEYS,
  IMAGE_KEYS,
  ORGANIZER_KEYS,
  PLACE_KEYS,
  START_KEYS,
  STATUS_KEYS,
  TITLE_KEYS,
  URL_KEYS,
  ZONE_KEYS,
} from './json-keys.js';
import {isObject, type JsonObject} from './json-profiles.js';

/** Canonical name (lower case, no `-`/`_`) → the name used in `FieldMap`. */
const CANONICAL: Record<string, string> = {
  list: 'list',
  events: 'list',
  title: 'title',
  start: 'start',
  end: 'end',
  allday: 'allDay',
  timezone: 'timeZone',
  id: 'id',
  url: 'url',
  description: 'description',
  categories: 'categories',
  locations: 'locations',
  location: 'location',
  address: 'address',
  lat: 'lat',
  lon: 'lon',
  organizer: 'organizer',
  image: 'image',
  status: 'status',
};

/** Longest path followed, so a pasted blob cannot make a lookup long. */
const MAX_SEGMENTS = 16;

export type FieldMap = Record<string, string>;

/** The mapping, plus the entries that were ignored (with why), for a console message. */
export function readFieldMap(text: string | undefined | null): {fields: FieldMap; ignored: string[]} {
  const fields: FieldMap = {};
  const ignored: string[] = [];
  for (const entry of (text ?? '').split(',')) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    const name =
      CANONICAL[
        (colon < 0 ? trimmed : trimmed.slice(0, colon))
          .trim()
          .toLowerCase()
          .replace(/[-_\s]/g, '')
      ];
    const path = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
    if (!name) ignored.push(`${trimmed} (unknown field name)`);
    else if (!path || path.split('.').length > MAX_SEGMENTS || path.split('.').some((s) => !s.trim())) ignored.push(`${trimmed} (no usable path)`);
    else fields[name] = path;
  }
  return {fields, ignored};
}

/**
 * `"title:name, start:when.begins"` → `{title: 'name', start: 'when.begins'}`. Pure; invalid
 * entries are left out (see `readFieldMap` for which and why).
 */
export function parseFieldMap(text: string | undefined | null): FieldMap {
  return readFieldMap(text).fields;
}

/**
 * The value at a dotted path. Own properties only, so `__proto__` or `constructor` in a path
 * reads nothing from the prototype chain.
 */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const raw of path.split('.').slice(0, MAX_SEGMENTS)) {
    const key = raw.trim();
    if (Array.isArray(value) && /^\d+$/.test(key)) value = value[+key];
    else if (isObject(value) && Object.prototype.hasOwnProperty.call(value, key)) value = value[key];
    else return undefined;
  }
  return value;
}

/** The canonical names a mapping may replace, with every key the canonical reader tries for them. */
const ALIASES: Record<string, readonly string[]> = {
  title: TITLE_KEYS,
  start: START_KEYS,
  end: END_KEYS,
  allDay: ['allDay'],
  timeZone: ZONE_KEYS,
  id: ID_KEYS,
  url: URL_KEYS,
  description: [...DESCRIPTION_KEYS, 'content_text'],
  categories: CATEGORY_KEYS,
  locations: ['locations'],
  location: PLACE_KEYS,
  organizer: ORGANIZER_KEYS,
  image: IMAGE_KEYS,
  status: STATUS_KEYS,
};

/**
 * What a mapping says about a document: the list it points at (undefined: look in the usual
 * places), and the item fields it maps (undefined when it maps none, and items are read as
 * usual).
 */
export function fieldsPlan(root: unknown, text: string): {list?: unknown[] | FeedError; fields?: FieldMap} {
  const {list: path, ...mapped} = readFieldMap(text).fields;
  const fields = Object.keys(mapped).length ? mapped : undefined;
  if (path === undefined) return {fields};
  // The page author said where the list is: look only there, and say so when it is not.
  const items = valueAt(root, path);
  return {
    list: Array.isArray(items) ? items : new FeedError('parse', 'not-a-feed', `The JSON has no list of events at "${path}" (from the fields mapping).`),
    fields,
  };
}

/**
 * The item as the canonical reader should see it: each mapped value put under the canonical
 * key, and the aliases of that field removed so they cannot win over the mapping. A shallow
 * copy, so the cost is the item's own key count.
 */
export function mappedItem(o: JsonObject, fields: FieldMap): JsonObject {
  const view: JsonObject = {...o};
  for (const [name, spec] of Object.entries(fields)) {
    if (name === 'list' || name === 'address' || name === 'lat' || name === 'lon') continue;
    const unit = /@(s|ms)$/.exec(spec)?.[1] as 's' | 'ms' | undefined;
    for (const key of ALIASES[name] ?? []) delete view[key];
    let value = valueAt(o, unit ? spec.slice(0, -unit.length - 1) : spec);
    if (unit && (name === 'start' || name === 'end')) value = epochText(value, unit);
    // The canonical reader wants `allDay: true`; custom JSON also writes "true", "yes" or 1.
    if (name === 'allDay') value = value === true || value === 1 || (typeof value === 'string' && /^(true|yes|1)$/i.test(value.trim()));
    view[name] = value;
  }
  // A place assembled from separate fields, around the mapped (or usual) location name.
  if (fields.address || fields.lat || fields.lon) {
    const location = view.location;
    view.location = {
      ...(isObject(location) ? location : {name: location}),
      ...(fields.address ? {address: valueAt(o, fields.address)} : {}),
      ...(fields.lat ? {lat: valueAt(o, fields.lat)} : {}),
      ...(fields.lon ? {lon: valueAt(o, fields.lon)} : {}),
    };
    for (const key of PLACE_KEYS) if (key !== 'location') delete view[key];
  }
  return view;
}

/** An epoch number in the unit the page author named, as ISO text the time reader takes. */
function epochText(value: unknown, unit: 's' | 'ms'): unknown {
  const time: ParsedTime | undefined = fromEpoch(value, unit);
  return time ? time.date.toISOString() : value;
}
