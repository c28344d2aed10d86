/**
 * The JSON shapes that are not the canonical one, plus the small field readers every JSON shape
 * shares. Gancio's `/api/events` and ActivityStreams `Event` objects (Gancio, Mobilizon) name
 * and encode their fields differently enough (epoch seconds, file names for images, `Place` and
 * `Hashtag` objects) that mixing them into the canonical reader would make it unreadable; each
 * gets its own draft function here. See notes/feed-formats.md §4.6–4.7.
 */
import {
  SkipItem,
  absoluteHttpUrl,
  collapseSpace,
  decodeEntities,
  looksLikeHtml,
  type EventDraft,
  type ParseContext,
  type Place,
} from '../model.js';
import {calendarDate, dayKey, fromEpoch, isTimeZone, parseDateText, type ParsedTime} from '../time.js';

export type JsonObject = Record<string, unknown>;

/** What the list around the items tells every item (GData's feed zone, a GraphQL group's name). */
export interface FeedInfo {
  /** The feed-level IANA zone (GData `gCal$timezone`), for floating times. */
  zone?: string;
  /** Name of the object that owns the list (a Mobilizon/Meetup group), a fallback organizer. */
  owner?: string;
  /** The document names Mobilizon's JSON-LD context (swapped geo). */
  mobilizon: boolean;
}

/**
 * One platform's item shape. `matches` must be cheap and specific (a field only that platform
 * writes), because every item of an unknown list is offered to each profile in turn. `draft`
 * may give several drafts for one item (Radar lists every date of an event in one node).
 */
export interface JsonProfile {
  name: string;
  matches(o: JsonObject): boolean;
  draft(o: JsonObject, ctx: ParseContext, feed: FeedInfo): EventDraft | EventDraft[];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `keys` that holds a value (not null, not ''), with the key that held it. */
export function pick(o: JsonObject, keys: readonly string[]): [key: string, value: unknown] | undefined {
  for (const key of keys) {
    const value = o[key];
    if (value != null && value !== '') return [key, value];
  }
  return undefined;
}

/**
 * Text of a field that may be a string, a number, or an object wrapping one (Eventbrite's
 * `{text, html}`, `{name}`), or a one-element array of those. One level only, so hostile
 * nesting cannot recurse.
 */
export function textOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) {
    const inner = v.text ?? v.name ?? v.title ?? v.label;
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/** A URL given as a string or as a link object (`{href}`, `{url}`), or the first of an array. */
export function urlOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    const inner = v.href ?? v.url;
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/** A title or a name: plain text with entities decoded once, so markup stays literal text. */
export function plainText(value: unknown): string | undefined {
  const text = textOf(value);
  return text === undefined ? undefined : collapseSpace(decodeEntities(text));
}

/**
 * An organizer given as a string, an object with a name, or an array of those. A bare URL (an
 * ActivityPub actor id) is no name a person can read, so it is not used.
 */
export function organizerOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((v) => typeof v === 'string' || isObject(v)) : value;
  const name = typeof first === 'string' ? first : isObject(first) ? textOf(first.name) : undefined;
  return name && !/^https?:\/\/\S+$/i.test(name.trim()) ? plainText(name) : undefined;
}

/**
 * Reads a time as JSON feeds write it: a date string (floating times read in `sourceZone`, else
 * the display zone), or Eventbrite's `{timezone, local, utc}`. Numbers are refused: whether they
 * are seconds or milliseconds is a per-profile fact (Gancio has its own reader).
 */
export function readTime(value: unknown, ctx: ParseContext, sourceZone?: string): ParsedTime | undefined {
  if (typeof value === 'string') return parseDateText(value, ctx.timeZone, sourceZone);
  if (!isObject(value)) return undefined;
  const zone = typeof value.timezone === 'string' ? value.timezone : sourceZone;
  // `local` with its zone gives the same instant as `utc` and also records the source zone.
  return (
    (zone ? parseDateText(value.local, ctx.timeZone, zone) : undefined) ??
    parseDateText(value.utc, ctx.timeZone) ??
    parseDateText(value.local, ctx.timeZone, zone)
  );
}

/**
 * `allDay: true` on an item whose start carries a time: keep the calendar date the feed wrote
 * (its `YYYY-MM-DD` prefix), not the date the instant falls on somewhere else.
 */
export function forceAllDay(time: ParsedTime, raw: unknown, ctx: ParseContext): ParsedTime {
  if (time.allDay) return time;
  const written = typeof raw === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw) : null;
  const [y, m, d] = written ? [+written[1], +written[2], +written[3]] : dayKey(time.date, ctx.timeZone).split('-').map(Number);
  return {date: calendarDate(y, m, d, ctx.timeZone), allDay: true};
}

/** Puts a description field where `finishEvent` expects it: markup as HTML, else plain text. */
export function addDescription(draft: EventDraft, value: unknown): void {
  if (isObject(value)) {
    // Eventbrite: `{text, html}`.
    if (typeof value.html === 'string') draft.descriptionHtml ??= value.html;
    if (typeof value.text === 'string') draft.description ??= value.text;
    return;
  }
  if (typeof value !== 'string' || !value.trim()) return;
  if (looksLikeHtml(value)) draft.descriptionHtml ??= value;
  else draft.description ??= value;
}

export function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** Coordinates only when both are in range and not the 0,0 "unknown" placeholder. */
export function addGeo(place: Place, lat: unknown, lon: unknown): void {
  const la = toNumber(lat);
  const lo = toNumber(lon);
  if (la === undefined || lo === undefined || Math.abs(la) > 90 || Math.abs(lo) > 180) return;
  if (la === 0 && lo === 0) return;
  place.lat = la;
  place.lon = lo;
}

/**
 * A time the platform gives as a UTC instant beside an IANA zone of its own (Luma, The Events
 * Calendar, Mobilizon): the instant stays, the zone is recorded for display in the source zone.
 * All-day dates belong to no zone, so they are left alone.
 */
export function inZone(time: ParsedTime | undefined, zone: unknown): ParsedTime | undefined {
  if (time && !time.allDay && typeof zone === 'string' && isTimeZone(zone)) time.timeZone = zone;
  return time;
}

/**
 * A point written as text: Mobilizon's `"lon;lat"`, WKT `"POINT(lon lat)"` (Mobilizon, Radar's
 * Drupal geofield). Both put the longitude FIRST, the reverse of how people say coordinates.
 */
export function addPointText(place: Place, text: unknown): void {
  if (typeof text !== 'string' || text.length > 200) return;
  const m = /^\s*(?:POINT\s*\(\s*)?(-?\d+(?:\.\d+)?)\s*[;,\s]\s*(-?\d+(?:\.\d+)?)\s*\)?\s*$/i.exec(text);
  if (m) addGeo(place, m[2], m[1]);
}

/** Non-empty strings of `parts`, trimmed and joined with ", ". */
export function joinParts(...parts: unknown[]): string | undefined {
  const kept = parts.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number').map((p) => collapseSpace(String(p))).filter(Boolean);
  return kept.length ? kept.join(', ') : undefined;
}

/** A PostalAddress (schema.org, Mobilizon) or a plain string, as one line of text. */
export function addressText(value: unknown): string | undefined {
  if (typeof value === 'string') return collapseSpace(value) || undefined;
  if (!isObject(value)) return undefined;
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? collapseSpace(String(v)) : '');
  const locality = [part(value.postalCode), part(value.addressLocality)].filter(Boolean).join(' ');
  const parts = [part(value.streetAddress), locality, part(value.addressRegion), part(value.addressCountry)];
  return parts.filter(Boolean).join(', ') || undefined;
}

/**
 * A location given as a string, a Place-like object (`name`, `address`, `geo` or
 * `latitude`/`longitude`/`lat`/`lon`/`lng`, a VirtualLocation's `url`), or an array of those
 * (hybrid events). Returns the names for `locations` and the merged `place`.
 */
export function readPlace(value: unknown, options: {trustGeo?: boolean} = {}): {names: string[]; place: Place} {
  const names: string[] = [];
  const place: Place = {};
  const entries = Array.isArray(value) ? value : [value];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      const name = plainText(entry);
      if (name) names.push(name);
      place.name ??= name || undefined;
      continue;
    }
    if (!isObject(entry)) continue;
    const online = /virtual/i.test(String(entry.type ?? '')) ? absoluteHttpUrl(urlOf(entry.url)) : undefined;
    if (online) {
      place.online ??= online;
      continue;
    }
    const name = plainText(entry.name ?? entry.title);
    const address = addressText(entry.address);
    if (name) names.push(name);
    else if (address) names.push(address);
    if (name && !place.name) place.name = name;
    if (address && address !== name && !place.address) place.address = address;
    if (options.trustGeo !== false && place.lat === undefined) {
      const geo = isObject(entry.geo) ? entry.geo : entry;
      addGeo(place, geo.latitude ?? geo.lat, geo.longitude ?? geo.lon ?? geo.lng);
    }
  }
  return {names, place};
}

// --- Gancio `/api/events` (notes/gancio-and-mobilizon.md §3.2) ---

/** Gancio marks its events by `start_datetime` in epoch seconds. */
export function isGancioEvent(o: JsonObject): boolean {
  const v = o.start_datetime;
  return typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v.trim()));
}

function originOf(source: string): string | undefined {
  try {
    const url = new URL(source);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function gancioDraft(o: JsonObject, ctx: ParseContext): EventDraft {
  const title = plainText(o.title);
  const start = fromEpoch(o.start_datetime, 's');
  if (!start) throw new SkipItem(`"${title ?? ''}": start_datetime ${String(o.start_datetime)} is not a time`);
  const origin = originOf(ctx.source);
  // Public pages and media live at the instance root; `media[].url` is only a file name.
  const slug = typeof o.slug === 'string' && o.slug ? o.slug : o.id != null ? String(o.id) : undefined;
  const media = Array.isArray(o.media) ? urlOf(o.media[0]) : undefined;
  const draft: EventDraft = {
    id: o.id != null ? String(o.id) : undefined,
    title,
    start,
    end: fromEpoch(o.end_datetime, 's'),
    // `/feed/json` writes tags as `{tag}` objects, `/api/events` as strings.
    categories: Array.isArray(o.tags) ? o.tags.map((t) => (isObject(t) ? t.tag : t)) : undefined,
    url: origin && slug ? `${origin}/event/${encodeURIComponent(slug)}` : undefined,
    image: media && (absoluteHttpUrl(media) ?? (origin ? `${origin}/media/${encodeURIComponent(media)}` : undefined)),
  };
  addDescription(draft, o.description);
  if (isObject(o.place)) {
    const p = o.place;
    const {names, place} = readPlace({name: p.name, address: p.address, latitude: p.latitude, longitude: p.longitude});
    const online = Array.isArray(o.online_locations) ? o.online_locations.map((u) => absoluteHttpUrl(urlOf(u))).find(Boolean) : undefined;
    if (online) place.online = online;
    draft.locations = names;
    draft.place = place;
  }
  return draft;
}

// --- ActivityStreams / ActivityPub `Event` (notes/feed-formats.md §4.6) ---

const ACTIVITY_TYPES = new Set(['Create', 'Update', 'Announce', 'Add']);

function hasType(o: JsonObject, wanted: string): boolean {
  return Array.isArray(o.type) ? o.type.includes(wanted) : o.type === wanted;
}

/** The object of a `Create`/`Update`/`Announce` activity, or the value itself. */
export function unwrapActivity(o: JsonObject): JsonObject {
  return typeof o.type === 'string' && ACTIVITY_TYPES.has(o.type) && isObject(o.object) ? o.object : o;
}

export function isActivityStreamsEvent(o: JsonObject): boolean {
  return hasType(o, 'Event') && ('startTime' in o || 'endTime' in o);
}

/**
 * Whether a JSON-LD context names Mobilizon's vocabulary. Mobilizon writes `geo` with latitude
 * and longitude swapped; both numbers are usually in range, so a range check cannot catch it.
 */
export function isMobilizonContext(context: unknown): boolean {
  const entries = Array.isArray(context) ? context : [context];
  return entries.some((entry) => {
    if (typeof entry === 'string') return entry.includes('joinmobilizon.org');
    return isObject(entry) && Object.values(entry).some((v) => typeof v === 'string' && v.includes('joinmobilizon.org'));
  });
}

function hashtagNames(tags: unknown): string[] {
  const list = Array.isArray(tags) ? tags : [tags];
  return list
    .filter((t): t is JsonObject => isObject(t) && (t.type === 'Hashtag' || t.type === undefined) && typeof t.name === 'string')
    .map((t) => (t.name as string).replace(/^#/, ''));
}

function attachedImage(o: JsonObject): string | undefined {
  const attachments = Array.isArray(o.attachment) ? o.attachment : [o.attachment];
  const image = attachments.find(
    (a): a is JsonObject => isObject(a) && (/^image\//.test(String(a.mediaType ?? '')) || a.type === 'Image' || a.type === 'Document')
  );
  return urlOf(image?.url) ?? urlOf(image?.href) ?? urlOf(isObject(o.image) ? o.image.url : o.image);
}

/** The first value of a language map (`contentMap`, `nameMap`) when the plain field is missing. */
function firstOfMap(map: unknown): unknown {
  return isObject(map) ? Object.values(map)[0] : undefined;
}

export function activityStreamsDraft(o: JsonObject, ctx: ParseContext, options: {mobilizon: boolean}): EventDraft {
  const title = plainText(o.name ?? firstOfMap(o.nameMap));
  // Newer Mobilizon names the event's zone; offsets in `startTime` already fix the instant.
  const zone = typeof o.timezone === 'string' ? o.timezone : undefined;
  const start = readTime(o.startTime, ctx, zone);
  if (o.startTime != null && !start) throw new SkipItem(`"${title ?? ''}": startTime ${JSON.stringify(o.startTime)} is not a date`);
  const {names, place} = readPlace(o.location, {trustGeo: !options.mobilizon});
  const category = typeof o.category === 'string' ? [o.category] : [];
  const draft: EventDraft = {
    id: typeof o.id === 'string' ? o.id : undefined,
    title,
    start,
    end: readTime(o.endTime, ctx, zone),
    url: urlOf(o.url) ?? (typeof o.id === 'string' ? o.id : undefined),
    categories: [...hashtagNames(o.tag), ...category],
    locations: names,
    place,
    image: attachedImage(o),
    // `attributedTo` is usually only an actor URL, which is no name to show.
    organizer: organizerOf(o.attributedTo),
    status: typeof o['ical:status'] === 'string' ? o['ical:status'] : undefined,
  };
  addDescription(draft, o.content ?? firstOfMap(o.contentMap));
  return draft;
}
