/**
 * schema.org `Event` JSON-LD for search engines (`no-structured-data` turns it off). The element
 * writes the text into a `<script type="application/ld+json">` in the light DOM, where crawlers
 * read it. Feed text ends up inside a script element here, so `structuredDataScript` escapes
 * every character that could end the element or change how the HTML parser reads it. Every
 * address written is held to the model's URL rules once more (absolute http(s), `absoluteHttpUrl`),
 * whatever the event came from: search engines and page scripts follow them.
 */
import type {CalendarEvent} from './events/model.js';
import {absoluteHttpUrl} from './events/normalise.js';
import {inertParsingPolicy} from './html/trusted-types.js';
import {addDaysIn, dayKey, isTimeZone, viewerTimeZone, zoneOffset} from './time.js';
import {scriptSafeJson} from './safe-json.js';

export interface StructuredDataOptions {
  /** The display zone all-day events were read in (their start is midnight there). Default: the viewer's zone. */
  timeZone?: string;
}

/** Longest description written, in characters; search engines show a snippet anyway. */
export const DESCRIPTION_LIMIT = 500;

const pad = (n: number) => String(n).padStart(2, '0');

/** `2023-08-19T15:00:00+02:00` in `zone`, or `2023-08-19T13:00:00Z` without one. */
function isoInstant(date: Date, zone: string | undefined): string {
  if (!zone) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const minutes = Math.round(zoneOffset(zone, date.getTime()));
  const wall = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  return `${wall}${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function truncate(text: string, limit: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= limit) return chars.join('');
  const cut = chars.slice(0, limit - 1).join('');
  // End at a word boundary when there is one in the last fifth.
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One event as a schema.org `Event` object (with its own `@context`). */
export function toSchemaOrg(event: CalendarEvent, options: StructuredDataOptions = {}): Record<string, unknown> {
  const data: Record<string, unknown> = {'@context': 'https://schema.org', '@type': 'Event', name: event.title};
  if (event.allDay) {
    // Dates of the calendar, not instants; schema.org's endDate is the last day, inclusive.
    const zone = isTimeZone(options.timeZone) ? options.timeZone : viewerTimeZone();
    data.startDate = dayKey(event.start, zone);
    data.endDate = event.end && event.end > event.start ? dayKey(addDaysIn(event.end, -1, zone), zone) : data.startDate;
  } else {
    const zone = isTimeZone(event.timeZone) ? event.timeZone : undefined;
    data.startDate = isoInstant(event.start, zone);
    if (event.end) data.endDate = isoInstant(event.end, zone);
  }
  data.eventStatus = event.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled';

  const place = event.place ?? {};
  const name = place.name ?? event.locations[0];
  const locations: Array<Record<string, unknown>> = [];
  if (name || place.address || (Number.isFinite(place.lat) && Number.isFinite(place.lon))) {
    const physical: Record<string, unknown> = {'@type': 'Place'};
    if (name) physical.name = name;
    // Feeds give the address as one line; schema.org's PostalAddress has no field for a whole
    // address, and streetAddress is what search engines read first.
    if (place.address) physical.address = {'@type': 'PostalAddress', streetAddress: place.address};
    if (Number.isFinite(place.lat) && Number.isFinite(place.lon)) {
      physical.geo = {'@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lon};
    }
    locations.push(physical);
  }
  const online = absoluteHttpUrl(place.online);
  if (online) locations.push({'@type': 'VirtualLocation', url: online});
  if (locations.length) {
    data.location = locations.length === 1 ? locations[0] : locations;
    const physical = locations.some((l) => l['@type'] === 'Place');
    data.eventAttendanceMode = `https://schema.org/${physical && online ? 'Mixed' : physical ? 'Offline' : 'Online'}EventAttendanceMode`;
  }
  const url = absoluteHttpUrl(event.url);
  if (url) data.url = url;
  const image = absoluteHttpUrl(event.image);
  if (image) data.image = image;
  if (event.description) data.description = truncate(event.description, DESCRIPTION_LIMIT);
  if (event.organizer) data.organizer = {'@type': 'Organization', name: event.organizer};
  if (event.categories.length) data.keywords = event.categories.join(', ');
  return data;
}

/**
 * The JSON-LD text for `events` (an array of Event objects), safe to put inside
 * `<script type="application/ld+json">` (lib/safe-json.ts: `<`, `>`, `&`, U+2028/U+2029 escaped),
 * written without `JSON.stringify`, which a page's `Array.prototype.toJSON` would turn into a string.
 */
export function structuredDataScript(events: readonly CalendarEvent[], options: StructuredDataOptions = {}): string {
  return scriptSafeJson(events.map((event) => toSchemaOrg(event, options)));
}

/**
 * Text for a `<script type="application/ld+json">` (`script.textContent = …`), which Trusted Types
 * treats as a script sink even though JSON-LD never runs. Returns a TrustedScript where Trusted
 * Types exist, the string where they do not, and undefined when the page refuses the `feedcal`
 * policy: then write no script at all (writing would raise a violation report). Throws if `json`
 * is not JSON.
 */
export function trustedJsonLd(json: string): string | undefined {
  JSON.parse(json);
  if (!(globalThis as {trustedTypes?: unknown}).trustedTypes) return json;
  return inertParsingPolicy()?.createScript(json) as string | undefined;
}
