/**
 * Commercial event platforms' JSON APIs: Luma and Meetup (v2 REST and GraphQL). Each is a small
 * profile: a `matches` test on a field only that platform writes, and a `draft` that maps its
 * fields. Field names and traps are from notes/feed-formats.md §3 and §4.7. Fetched only for
 * documents with one of these shapes (json-shapes.ts).
 */
import {SkipItem, type EventDraft, type Place} from '../../events/model.js';
import {absoluteHttpUrl} from '../../events/normalise.js';
import {fromEpoch, parseDateText, type ParsedTime} from '../../time.js';
import {addGeo, joinParts, venueNames} from './json-places.js';
import {addDescription, inZone, isObject, organizerOf, plainText, urlOf, type JsonObject, type JsonProfile} from './json-profiles.js';

// --- Luma (`/public/v1/calendar/list-events`, `/event/get`) ---

/** Luma's entries wrap the event (`{event, hosts, tags}`); a bare event has `start_at` itself. */
function lumaEvent(o: JsonObject): JsonObject | undefined {
  if (isObject(o.event) && typeof o.event.start_at === 'string') return o.event;
  return typeof o.start_at === 'string' && ('geo_address_info' in o || typeof o.api_id === 'string') ? o : undefined;
}

export const lumaProfile: JsonProfile = {
  name: 'Luma',
  matches: (o) => lumaEvent(o) !== undefined,
  draft(o, ctx) {
    const ev = lumaEvent(o)!;
    const title = plainText(ev.name);
    // `start_at`/`end_at` are UTC instants; `timezone` is where the event happens.
    const start = inZone(parseDateText(ev.start_at, ctx.timeZone), ev.timezone);
    if (!start) throw new SkipItem(`"${title ?? ''}": start_at ${JSON.stringify(ev.start_at)} is not a date`);
    const geo = isObject(ev.geo_address_info) ? ev.geo_address_info : {};
    const place: Place = {};
    const venue = plainText(geo.address);
    if (venue) place.name = venue;
    const address = plainText(geo.full_address);
    if (address && address !== venue) place.address = address;
    if (isObject(ev.coordinate)) addGeo(place, ev.coordinate.latitude, ev.coordinate.longitude);
    const online = absoluteHttpUrl(urlOf(ev.meeting_url ?? ev.zoom_meeting_url));
    if (online) place.online = online;
    // `url` is only a slug; the public page is on lu.ma. A full URL is kept as it is.
    const slug = typeof ev.url === 'string' ? ev.url.trim() : '';
    const url = absoluteHttpUrl(slug) ?? (/^[\w-]+$/.test(slug) ? `https://lu.ma/${slug}` : undefined);
    const calendar = isObject(o.calendar) ? o.calendar : {};
    const draft: EventDraft = {
      id: typeof ev.api_id === 'string' ? ev.api_id : undefined,
      title,
      start,
      end: inZone(parseDateText(ev.end_at, ctx.timeZone), ev.timezone),
      url,
      image: urlOf(ev.cover_url),
      // Hosts are the organising people or groups; the calendar's name is the fallback.
      organizer: organizerOf(o.hosts) ?? organizerOf(calendar.name),
      categories: o.tags,
      locations: venueNames(place, geo.city),
      place,
    };
    addDescription(draft, ev.description);
    return draft;
  },
};

// --- Meetup API v2 (`/2/events`, one event or `{results: […]}`) ---

export const meetupV2Profile: JsonProfile = {
  name: 'Meetup v2',
  // `time` is a number only in Meetup v2; `utc_offset`/`event_url` make sure it is Meetup's.
  matches: (o) => typeof o.time === 'number' && ('utc_offset' in o || 'event_url' in o),
  draft(o) {
    const title = plainText(o.name);
    // Epoch MILLISECONDS, an instant. `utc_offset` (also ms) only says how the venue's clock
    // showed it; it names no IANA zone, so it is not recorded.
    const start = fromEpoch(o.time, 'ms');
    if (!start) throw new SkipItem(`"${title ?? ''}": time ${JSON.stringify(o.time)} is not a time`);
    const duration = typeof o.duration === 'number' && o.duration > 0 ? o.duration : undefined;
    const venue = isObject(o.venue) ? o.venue : undefined;
    const place: Place = {};
    if (venue) {
      const name = plainText(venue.name);
      if (name) place.name = name;
      const address = joinParts(venue.address_1, venue.address_2, venue.city);
      if (address) place.address = address;
      addGeo(place, venue.lat, venue.lon);
    }
    const group = isObject(o.group) ? o.group : {};
    const photo = isObject(o.featured_photo) ? o.featured_photo.photo_link : o.photo_url;
    const draft: EventDraft = {
      id: o.id != null ? String(o.id) : undefined,
      title,
      start,
      end: duration ? {date: new Date(start.date.getTime() + duration), allDay: false} : undefined,
      url: urlOf(o.event_url),
      image: urlOf(photo),
      organizer: organizerOf(group.name),
      // Event topics when given, else the group's (where the v2 event object keeps them).
      categories: o.topics ?? group.topics,
      locations: venueNames(place, venue?.city),
      place,
      status: typeof o.status === 'string' ? o.status : undefined,
    };
    addDescription(draft, o.description);
    return draft;
  },
};

// --- Meetup GraphQL (`event`, `groupByUrlname { upcomingEvents { edges { node } } }`) ---

/** ISO 8601 durations as Meetup writes them (`PT2H`, `PT1H30M`, `P1DT2H`), in milliseconds. */
function isoDurationMs(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^P(?:(\d{1,4})D)?(?:T(?:(\d{1,5})H)?(?:(\d{1,6})M)?(?:(\d{1,7})S)?)?$/.exec(value.trim()) : null;
  if (!m || value === 'P' || value === 'PT') return undefined;
  const ms = (((+(m[1] ?? 0) * 24 + +(m[2] ?? 0)) * 60 + +(m[3] ?? 0)) * 60 + +(m[4] ?? 0)) * 1000;
  return ms > 0 ? ms : undefined;
}

export const meetupGraphqlProfile: JsonProfile = {
  name: 'Meetup GraphQL',
  matches: (o) => typeof o.dateTime === 'string' && ('eventUrl' in o || 'venues' in o || 'venue' in o),
  draft(o, ctx, feed) {
    const title = plainText(o.title);
    // `2020-01-11T23:59-04:00`: an offset, no seconds. The ISO reader takes that form.
    const start = parseDateText(o.dateTime, ctx.timeZone);
    if (!start) throw new SkipItem(`"${title ?? ''}": dateTime ${JSON.stringify(o.dateTime)} is not a date`);
    const duration = isoDurationMs(o.duration);
    const end: ParsedTime | undefined =
      parseDateText(o.endTime, ctx.timeZone) ?? (duration ? {date: new Date(start.date.getTime() + duration), allDay: false} : undefined);
    const venue = Array.isArray(o.venues) ? o.venues.find(isObject) : isObject(o.venue) ? o.venue : undefined;
    const place: Place = {};
    if (venue) {
      const name = plainText(venue.name);
      if (name) place.name = name;
      const address = joinParts(venue.address, venue.city);
      if (address) place.address = address;
      addGeo(place, venue.lat, venue.lng ?? venue.lon);
    }
    const group = isObject(o.group) ? o.group : {};
    const photo = isObject(o.featuredEventPhoto) ? (o.featuredEventPhoto.highResUrl ?? o.featuredEventPhoto.baseUrl) : o.imageUrl;
    const draft: EventDraft = {
      id: o.id != null ? String(o.id) : undefined,
      title,
      start,
      end,
      url: urlOf(o.eventUrl),
      image: urlOf(photo),
      organizer: organizerOf(group.name) ?? feed.owner,
      categories: Array.isArray(o.topics) ? o.topics : undefined,
      locations: venueNames(place, venue?.city),
      place,
      status: typeof o.status === 'string' ? o.status : undefined,
    };
    addDescription(draft, o.description);
    return draft;
  },
};

export const profiles = [lumaProfile, meetupV2Profile, meetupGraphqlProfile];
