/**
 * Venues: a canonical item's `location`, `place` and `venue` (text, schema.org-like `Place`s and
 * `PostalAddress`es, coordinates in their many spellings), and the helpers the platform modules
 * read their venues with. Part of json-shapes.ts's chunk, which json.ts fetches for documents
 * whose items name a venue; the common feeds name towns in a `locations` list, which the
 * canonical reader reads itself.
 */
import {absoluteHttpUrl, cleanList} from '../../events/normalise.js';
import {collapseSpace} from '../../events/text.js';
import {type EventDraft, type Place} from '../../events/model.js';
import {PLACE_KEYS} from './json-keys.js';
import {isObject, plainText, urlOf, type JsonObject} from './json-profiles.js';

function toNumber(value: unknown): number | undefined {
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

/** Non-empty strings of `parts`, trimmed and joined with ", ". */
export function joinParts(...parts: unknown[]): string | undefined {
  const kept = parts
    .filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    .map((p) => collapseSpace(String(p)))
    .filter(Boolean);
  return kept.length ? kept.join(', ') : undefined;
}

/** Venue name first, then the city: the card shows both and a `locations` filter can use either. */
export function venueNames(place: Place, city: unknown): string[] {
  return [place.name, typeof city === 'string' ? city : undefined].filter((v): v is string => !!v);
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

/**
 * A canonical item's venues (`location`, `place`, `venue`; earlier ones win), as `locations` and
 * `place`. An explicit `locations` list (Gnistor: cities) is the filter vocabulary; venue names
 * fill in only when there is none, so a filter by city does not fill up with venues.
 */
export function addVenues(draft: EventDraft, o: JsonObject): void {
  const places = PLACE_KEYS.filter((key) => o[key] != null).map((key) => readPlace(o[key]));
  if (!places.length) return;
  const listed = cleanList(o.locations);
  draft.locations = listed.length ? listed : places.flatMap((p) => p.names);
  const place = Object.assign({}, ...places.map((p) => p.place).reverse());
  if (Object.keys(place).length) draft.place = place;
}
