/**
 * Events → feedcal's canonical JSON: a JSON Feed 1.1 document whose items carry Gnistor's event
 * vocabulary (`date`, `enddate`, `forms`, `locations`, `organizer`…), which the widget reads
 * directly (feeds/json/json-canonical.ts) and any JSON Feed reader shows as a list of posts.
 * Timed events are written with their zone's offset and `timezone`; all-day events as dates, the
 * end as the last day (the vocabulary's `enddate` is inclusive, as people write it).
 *
 * The document holds no "generated at" time: the same events give the same bytes, so a
 * scheduled snapshot commits (and a CDN re-serves) only when the calendar changed.
 */
import type {CalendarEvent} from '../events/model.js';
import {viewerTimeZone} from '../time.js';
import {allDayRange, isoInZone, writingZone} from './dates.js';
import type {FeedMeta} from './meta.js';

export function toFeedJson(events: CalendarEvent[], meta: FeedMeta): string {
  const displayZone = meta.timeZone ?? viewerTimeZone();
  const doc: Record<string, unknown> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title ?? 'Events',
    ...(meta.link ? {home_page_url: meta.link} : {}),
    ...(meta.description ? {description: meta.description} : {}),
    generator: 'feedcal',
    ...(meta.timeZone ? {timezone: meta.timeZone} : {}),
    items: events.map((event) => item(event, displayZone)),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function item(event: CalendarEvent, displayZone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {id: event.id, title: event.title};
  if (event.allDay) {
    const {first, last} = allDayRange(event, displayZone);
    out.date = first;
    if (last !== first) out.enddate = last;
  } else {
    const zone = writingZone(event, displayZone);
    out.date = isoInZone(event.start, zone);
    if (event.end) out.enddate = isoInZone(event.end, zone);
    if (event.timeZone) out.timezone = event.timeZone;
  }
  if (event.url) out.url = event.url;
  if (event.categories.length) out.forms = event.categories;
  if (event.locations.length) out.locations = event.locations;
  if (event.place && Object.keys(event.place).length) out.place = event.place;
  if (event.organizer) out.organizer = event.organizer;
  if (event.image) out.image = event.image;
  if (event.status) out.status = event.status;
  if (event.descriptionHtml) out.content_html = event.descriptionHtml;
  else if (event.description) out.description = event.description;
  return out;
}
