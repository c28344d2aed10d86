/**
 * The Events Calendar's WordPress REST API (`/wp-json/tribe/events/v1/events`, newer `tec/v1`):
 * UTC times written without a `Z`, all-day ends on the last day at 23:59:59, venues and
 * organizers as objects (notes/feed-formats.md §4.7). Fetched only for documents with its
 * `utc_start_date` (json-shapes.ts).
 */
import {SkipItem, type EventDraft, type ParseContext, type Place} from '../../events/model.js';
import {addDaysIn, parseDateText, type ParsedTime} from '../../time.js';
import {addGeo, joinParts, venueNames} from './json-places.js';
import {addDescription, inZone, isObject, organizerOf, plainText, urlOf, type JsonProfile} from './json-profiles.js';

/** `2021-06-26 07:00:00` in a field named UTC: it IS UTC, though written without a `Z`. */
function utcWithoutZ(value: unknown, ctx: ParseContext): ParsedTime | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return parseDateText(/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text) ? text : `${text}Z`, ctx.timeZone);
}

/** The written calendar date (`YYYY-MM-DD` prefix of a local date-time) as an all-day date. */
function writtenDate(value: unknown, ctx: ParseContext): ParsedTime | undefined {
  const m = typeof value === 'string' ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return m ? parseDateText(m[1], ctx.timeZone) : undefined;
}

export const eventsCalendarProfile: JsonProfile = {
  name: 'The Events Calendar',
  matches: (o) => 'utc_start_date' in o || 'start_date_utc' in o,
  draft(o, ctx) {
    const title = plainText(o.title);
    let start: ParsedTime | undefined;
    let end: ParsedTime | undefined;
    if (o.all_day === true) {
      // All-day: the local dates are the truth; `end_date` is `… 23:59:59` of the LAST day, so
      // the exclusive end is the day after it.
      start = writtenDate(o.start_date, ctx);
      const last = writtenDate(o.end_date, ctx);
      end = last && {date: addDaysIn(last.date, 1, ctx.timeZone), allDay: true};
    } else {
      start = inZone(utcWithoutZ(o.utc_start_date ?? o.start_date_utc, ctx), o.timezone);
      end = inZone(utcWithoutZ(o.utc_end_date ?? o.end_date_utc, ctx), o.timezone);
      // A missing UTC field: the local one in the event's own zone says the same.
      start ??= parseDateText(o.start_date, ctx.timeZone, typeof o.timezone === 'string' ? o.timezone : undefined);
    }
    if (!start) throw new SkipItem(`"${title ?? ''}": utc_start_date ${JSON.stringify(o.utc_start_date ?? o.start_date_utc)} is not a date`);
    // `venue` is an object, or `[]` when the event has none.
    const venue = isObject(o.venue) ? o.venue : undefined;
    const place: Place = {};
    if (venue) {
      const name = plainText(venue.venue);
      if (name) place.name = name;
      const address = joinParts(venue.address, [venue.zip, venue.city].filter(Boolean).join(' '), venue.country);
      if (address) place.address = address;
      addGeo(place, venue.geo_lat, venue.geo_lng);
    }
    // Organizer objects name the person in their `organizer` field.
    const organizers = Array.isArray(o.organizer) ? o.organizer : [o.organizer];
    const organizer = organizers.map((g) => organizerOf(isObject(g) ? g.organizer : g)).find(Boolean);
    const draft: EventDraft = {
      id: o.id != null ? String(o.id) : undefined,
      title,
      start,
      end,
      url: urlOf(o.url),
      // `image` is `false` when there is none.
      image: isObject(o.image) ? urlOf(o.image.url) : undefined,
      organizer,
      categories: [o.categories, o.tags],
      locations: venueNames(place, venue?.city),
      place,
      // `status` is WordPress's post status (`publish`); an event status extension may add one.
      status: typeof o.event_status === 'string' ? o.event_status : undefined,
    };
    addDescription(draft, o.description);
    return draft;
  },
};

export const profiles = [eventsCalendarProfile];
