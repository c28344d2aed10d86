/**
 * feedcal's canonical JSON, written: a JSON Feed 1.1 document (what Gnistor's feed.json is) whose
 * items carry the event fields the canonical reader (feeds/json/json-canonical.ts) reads, so the
 * widget reads it back with its smallest parser chunk and feed readers still see a valid feed.
 *
 * Item fields, and why these names:
 * - `start`, `end`: an instant with its offset in the event's zone, or a date (`2026-12-05`) for
 *   an all-day event, whose `end` is exclusive (FullCalendar's convention, which the canonical
 *   reader applies to `end` and only to `end`; Gnistor's `enddate` is the last day). So the same
 *   file also feeds FullCalendar as it is.
 * - `timezone`: the source's zone; the reader records it on the event.
 * - `content_text` / `content_html`: JSON Feed's, read as the plain description and the HTML
 *   one. A plain description is never put in a field that guesses "HTML or not", so text that
 *   talks about `<script>` stays text.
 * - `tags` (JSON Feed's categories), `locations`, `organizer`, `url`, `image`, `status`.
 * - `place` only when it says more than `locations` (an address, coordinates, an online link, a
 *   name of its own): a place that is just the first location is what every reader derives, and
 *   the key makes the widget fetch its venue reader (json-shapes), which a plain feed never needs.
 *
 * All-day dates are written in `meta.timeZone` (the zone they were read in) and read back in the
 * reader's display zone: the calendar date is what survives, as in iCalendar.
 */
import type {CalendarEvent, Place} from '../events/model.js';
import {calendarDay, eventZone, isoInstant, type FeedMeta} from './meta.js';

export type {FeedMeta} from './meta.js';

/** The events as canonical JSON text (a JSON Feed 1.1 with event fields). */
export function toFeedJson(events: CalendarEvent[], meta: FeedMeta): string {
  const feed: Record<string, unknown> = {version: 'https://jsonfeed.org/version/1.1', title: meta.title ?? 'Events'};
  if (meta.link) feed.home_page_url = meta.link;
  if (meta.description) feed.description = meta.description;
  feed.items = events.map((event) => jsonItem(event, meta));
  // `<` as \u003c: the text stays valid JSON and can be put inside a <script> block unharmed.
  return JSON.stringify(feed).replace(/</g, '\\u003c');
}

function jsonItem(event: CalendarEvent, meta: FeedMeta): Record<string, unknown> {
  const zone = eventZone(event);
  const item: Record<string, unknown> = {id: event.id, title: event.title};
  if (event.allDay) {
    item.start = calendarDay(event.start, meta);
    if (event.end) item.end = calendarDay(event.end, meta);
  } else {
    item.start = isoInstant(event.start, zone);
    if (event.end) item.end = isoInstant(event.end, zone);
    if (zone) item.timezone = zone;
  }
  if (event.url) item.url = event.url;
  // JSON Feed wants one of the two on every item.
  item.content_text = event.description ?? '';
  if (event.descriptionHtml) item.content_html = event.descriptionHtml;
  if (event.categories.length) item.tags = event.categories;
  if (event.locations.length) item.locations = event.locations;
  const place = placeBeyondLocations(event);
  if (place) item.place = place;
  if (event.organizer) item.organizer = event.organizer;
  if (event.image) item.image = event.image;
  if (event.status) item.status = event.status;
  return item;
}

/**
 * The place as the venue reader (json-places.ts) reads it back: a venue object, plus a
 * `VirtualLocation` for the online link; undefined when the place is only `locations[0]`.
 */
function placeBeyondLocations(event: CalendarEvent): unknown[] | undefined {
  const place: Place | undefined = event.place;
  if (!place) return undefined;
  const {name, address, lat, lon, online} = place;
  const hasGeo = Number.isFinite(lat) && Number.isFinite(lon);
  if (!address && !hasGeo && !online && (name === undefined || name === event.locations[0])) return undefined;
  const entries: unknown[] = [];
  const venue: Record<string, unknown> = {};
  if (name) venue.name = name;
  if (address) venue.address = address;
  if (hasGeo) Object.assign(venue, {lat, lon});
  if (Object.keys(venue).length) entries.push(venue);
  if (online) entries.push({type: 'VirtualLocation', url: online});
  return entries;
}
