/**
 * Movement platforms' JSON APIs: Mobilizon's GraphQL responses and Radar (radar.squat.net).
 * Field names are from notes/gancio-and-mobilizon.md §3.5–3.7. Fetched only for documents with
 * one of these shapes (json-shapes.ts).
 */
import {SkipItem, type EventDraft, type ParseContext, type Place} from '../../events/model.js';
import {absoluteHttpUrl} from '../../events/normalise.js';
import {addDaysIn, calendarDate, dayKey, fromEpoch, parseDateText, type ParsedTime} from '../../time.js';
import {addGeo, addressText, joinParts} from './json-places.js';
import {addDescription, inZone, isObject, organizerOf, plainText, urlOf, type FoundList, type JsonObject, type JsonProfile} from './json-profiles.js';

/**
 * A point written as text: Mobilizon's `"lon;lat"`, WKT `"POINT(lon lat)"` (Mobilizon, Radar's
 * Drupal geofield). Both put the longitude FIRST, the reverse of how people say coordinates.
 */
function addPointText(place: Place, text: unknown): void {
  if (typeof text !== 'string' || text.length > 200) return;
  const m = /^\s*(?:POINT\s*\(\s*)?(-?\d+(?:\.\d+)?)\s*[;,\s]\s*(-?\d+(?:\.\d+)?)\s*\)?\s*$/i.exec(text);
  if (m) addGeo(place, m[2], m[1]);
}

/**
 * Mobilizon lets an organiser hide the start or end time (`options.showStartTime`,
 * `showEndTime`: false when the time is a placeholder). Without a start time the event is its
 * day (in its own zone), ending after its last day; without an end time it has no end.
 */
function shownTimes(start: ParsedTime, end: ParsedTime | undefined, options: JsonObject, zone: string, display: string) {
  if (options.showStartTime !== false) return {start, end: options.showEndTime === false ? undefined : end};
  const day = (time: ParsedTime) => {
    const [year, month, date] = dayKey(time.date, zone).split('-').map(Number);
    return calendarDate(year, month, date, display);
  };
  const first = day(start);
  const last = end && options.showEndTime !== false ? day(end) : first;
  return {start: {date: first, allDay: true}, end: last > first ? {date: addDaysIn(last, 1, display), allDay: true} : undefined};
}

// --- Mobilizon GraphQL (`group { organizedEvents { elements } }`, `searchEvents { elements }`) ---

export const mobilizonGraphqlProfile: JsonProfile = {
  name: 'Mobilizon GraphQL',
  matches: (o) => typeof o.beginsOn === 'string',
  draft(o, ctx, feed) {
    const title = plainText(o.title);
    const options = isObject(o.options) ? o.options : {};
    const address = isObject(o.physicalAddress) ? o.physicalAddress : undefined;
    // `beginsOn`/`endsOn` are UTC instants; the event's own zone is in its options (or address).
    const zone = options.timezone ?? address?.timezone;
    const begins = inZone(parseDateText(o.beginsOn, ctx.timeZone), zone);
    if (!begins) throw new SkipItem(`"${title ?? ''}": beginsOn ${JSON.stringify(o.beginsOn)} is not a date`);
    const {start, end} = shownTimes(begins, inZone(parseDateText(o.endsOn, ctx.timeZone), zone), options, begins.timeZone ?? ctx.timeZone, ctx.timeZone);
    const place: Place = {};
    let city: string | undefined;
    if (address) {
      // `description` is the venue's name; the rest is the postal address.
      const name = plainText(address.description);
      if (name) place.name = name;
      city = plainText(address.locality);
      const postal = joinParts(address.street, [address.postalCode, address.locality].filter(Boolean).join(' '), address.country);
      if (postal && postal !== name) place.address = postal;
      // `geom` is "lon;lat" (or WKT "POINT(lon lat)"): longitude first.
      addPointText(place, address.geom);
    }
    const online = absoluteHttpUrl(urlOf(o.onlineAddress));
    if (online) place.online = online;
    const actor = [o.attributedTo, o.organizerActor].find(isObject);
    const draft: EventDraft = {
      id: typeof o.uuid === 'string' ? o.uuid : o.id != null ? String(o.id) : undefined,
      title,
      start,
      end,
      url: urlOf(o.url),
      image: isObject(o.picture) ? urlOf(o.picture.url) : undefined,
      // The group the events belong to names them; a group query puts its name above the list.
      organizer: organizerOf(actor?.name) ?? organizerOf(actor?.preferredUsername) ?? feed.owner,
      categories: Array.isArray(o.tags) ? o.tags.map((t) => (isObject(t) ? (t.title ?? t.slug) : t)) : undefined,
      locations: [place.name, city].filter(Boolean),
      place,
      status: typeof o.status === 'string' ? o.status : undefined,
    };
    addDescription(draft, o.description);
    return draft;
  },
};

// --- Radar (`/api/1.2/search/events.json`: `{result: {"<nid>": event}}`) ---

/**
 * Radar's list: an object keyed by node id. Integer-like keys come back in ascending numeric
 * order, not document order; display sorts by time anyway.
 */
export function findList(root: JsonObject): FoundList | undefined {
  if (!isObject(root.result)) return undefined;
  const nodes = Object.values(root.result);
  return nodes.some((n) => isObject(n) && Array.isArray(n.date_time)) ? {items: nodes} : undefined;
}

/** Occurrences read from one Radar node; a node lists every date of a repeated event. */
const MAX_RADAR_DATES = 400;

function radarTime(text: unknown, epoch: unknown, ctx: ParseContext): ParsedTime | undefined {
  // `time_start` is ISO with an offset; `value` is the same instant as Unix SECONDS in a string.
  return parseDateText(text, ctx.timeZone) ?? fromEpoch(epoch, 's');
}

/** A Radar location: `title` is the whole line; resolved `address` / `map` add detail. */
function radarPlace(location: JsonObject, place: Place): string | undefined {
  const title = plainText(location.title);
  const address = isObject(location.address) ? location.address : undefined;
  const name = plainText(address?.name_line) ?? title;
  if (name && !place.name) place.name = name;
  if (address && !place.address) {
    const text = joinParts(address.thoroughfare, [address.postal_code, address.locality].filter(Boolean).join(' '), address.country) ?? addressText(address);
    if (text && text !== name) place.address = text;
  }
  if (isObject(location.map) && place.lat === undefined) addPointText(place, location.map.geom);
  return name;
}

export const radarProfile: JsonProfile = {
  name: 'Radar',
  matches: (o) => Array.isArray(o.date_time) && ('offline' in o || 'uuid' in o || 'event_status' in o),
  draft(o, ctx) {
    const title = plainText(o.title);
    const dates = (o.date_time as unknown[]).filter(isObject).slice(0, MAX_RADAR_DATES);
    if (!dates.length) throw new SkipItem(`"${title ?? ''}": date_time has no dates`);
    const place: Place = {};
    const locations = (Array.isArray(o.offline) ? o.offline : []).filter(isObject).map((l) => radarPlace(l, place));
    const body = isObject(o.body) ? o.body.value : o.body;
    const categories = [o.category, o.topic].map((list) => (Array.isArray(list) ? list.filter(isObject).map((c) => c.name ?? c.title) : undefined));
    const id = typeof o.uuid === 'string' ? o.uuid : o.nid != null ? String(o.nid) : undefined;
    // A date that cannot be read leaves its draft without a start, so `finishEvent` skips that
    // occurrence alone and the node's other dates still show.
    return dates.map((d, i) => {
      const start = radarTime(d.time_start, d.value, ctx);
      const draft: EventDraft = {
        // One id per date, so merging by id keeps every occurrence.
        id: id && (dates.length > 1 ? `${id}#${i}` : id),
        title,
        start,
        end: radarTime(d.time_end, d.value2, ctx),
        url: urlOf(o.url),
        image: isObject(o.image) ? urlOf(o.image.url) : undefined,
        categories,
        locations,
        place: {...place},
        status: typeof o.event_status === 'string' ? o.event_status : undefined,
      };
      addDescription(draft, body);
      return draft;
    });
  },
};

export const profiles = [mobilizonGraphqlProfile, radarProfile];
