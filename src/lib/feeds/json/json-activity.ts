/**
 * ActivityStreams / ActivityPub `Event` objects (Gancio, Mobilizon; notes/feed-formats.md §4.6):
 * `Place` and `Hashtag` objects, language maps, attachments. Fetched only for documents that
 * hold such an Event; the shape test itself is in json-activity-shape.ts, because the list
 * finder needs it too.
 */
import {SkipItem, type EventDraft} from '../../events/model.js';
import {readPlace} from './json-places.js';
import {addDescription, isObject, organizerOf, plainText, readTime, urlOf, type JsonObject, type JsonProfile} from './json-profiles.js';
import {isActivityStreamsEvent} from './json-activity-shape.js';

/**
 * Whether a JSON-LD context names Mobilizon's vocabulary. Mobilizon writes `geo` with latitude
 * and longitude swapped; both numbers are usually in range, so a range check cannot catch it.
 */
function isMobilizonContext(context: unknown): boolean {
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
  const image = attachments.find((a): a is JsonObject => isObject(a) && (/^image\//.test(String(a.mediaType ?? '')) || a.type === 'Image' || a.type === 'Document'));
  return urlOf(image?.url) ?? urlOf(image?.href) ?? urlOf(isObject(o.image) ? o.image.url : o.image);
}

/** The first value of a language map (`contentMap`, `nameMap`) when the plain field is missing. */
function firstOfMap(map: unknown): unknown {
  return isObject(map) ? Object.values(map)[0] : undefined;
}

export const activityStreamsProfile: JsonProfile = {
  name: 'ActivityStreams Event',
  matches: isActivityStreamsEvent,
  draft(o, ctx, feed, item) {
    const title = plainText(o.name ?? firstOfMap(o.nameMap));
    // Newer Mobilizon names the event's zone; offsets in `startTime` already fix the instant.
    const zone = typeof o.timezone === 'string' ? o.timezone : undefined;
    const start = readTime(o.startTime, ctx, zone);
    if (o.startTime != null && !start) throw new SkipItem(`"${title ?? ''}": startTime ${JSON.stringify(o.startTime)} is not a date`);
    const mobilizon = feed.contexts.some(isMobilizonContext) || isMobilizonContext(item['@context']);
    const {names, place} = readPlace(o.location, {trustGeo: !mobilizon});
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
  },
};

export const profiles = [activityStreamsProfile];
