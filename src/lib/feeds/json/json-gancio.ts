/**
 * Gancio's `/api/events` JSON (notes/gancio-and-mobilizon.md §3.2): epoch seconds, file names
 * for images, `{tag}` objects. Fetched only for documents with Gancio's `start_datetime`.
 */
import {SkipItem, type EventDraft} from '../../events/model.js';
import {absoluteHttpUrl} from '../../events/normalise.js';
import {fromEpoch} from '../../time.js';
import {readPlace} from './json-places.js';
import {addDescription, isObject, plainText, urlOf, type JsonProfile} from './json-profiles.js';
import {encodeUriPart} from '../../uri.js';

function originOf(source: string): string | undefined {
  try {
    const url = new URL(source);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export const gancioProfile: JsonProfile = {
  name: 'Gancio',
  // Gancio marks its events by `start_datetime` in epoch seconds.
  matches(o) {
    const v = o.start_datetime;
    return typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v.trim()));
  },
  draft(o, ctx) {
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
      url: origin && slug ? `${origin}/event/${encodeUriPart(slug)}` : undefined,
      image: media && (absoluteHttpUrl(media) ?? (origin ? `${origin}/media/${encodeUriPart(media)}` : undefined)),
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
  },
};

export const profiles = [gancioProfile];
