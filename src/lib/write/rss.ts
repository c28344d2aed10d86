/**
 * Events as RSS 2.0 with event dates. RSS is about publication, so the event fields come from
 * the RSS 1.0 event module (mod_event, `ev:`, namespace http://purl.org/rss/1.0/modules/event/),
 * the one event vocabulary feed readers and aggregators have long known, and the one our reader
 * (feeds/xml/rss.ts) tries right after Gnistor's own:
 *
 *   ev:startdate / ev:enddate   W3CDTF: an instant with its offset, or a date for an all-day
 *                               event, whose enddate is then the last day (mod_event's meaning)
 *   ev:location                 one per location
 *   ev:organizer, ev:status
 *   <category>                  one per category (RSS 2.0's own)
 *   georss:point                coordinates; media:content medium="image" for the image
 *
 * The description is HTML by the RSS spec: the event's HTML when it has some, else its plain
 * text with `& < >` escaped, so a reader shows exactly that text (and our reader gives it back as
 * plain text). The document is XML 1.0: characters XML cannot hold (most control characters,
 * lone surrogates) are dropped, the rest escaped. There is no pubDate: when an event was
 * published is not known, and a reader would take a made-up one for the event's date.
 *
 * What RSS cannot carry: the source's zone name (the offset is kept), an address or an online
 * link apart from the locations, and the difference between the HTML and the plain description
 * beyond what the HTML says.
 */
import type {CalendarEvent} from '../events/model.js';
import {addDaysIn} from '../time.js';
import {allDayZone, calendarDay, eventZone, isoInstant, type FeedMeta} from './meta.js';

export type {FeedMeta} from './meta.js';

const NAMESPACES = {
  ev: 'http://purl.org/rss/1.0/modules/event/',
  georss: 'http://www.georss.org/georss',
  media: 'http://search.yahoo.com/mrss/',
};

/** The events as an RSS 2.0 document. */
export function toRss(events: CalendarEvent[], meta: FeedMeta): string {
  const ns = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<rss version="2.0"${ns}>`, '<channel>'];
  // RSS 2.0 requires title, link and description on the channel; without a link of its own the
  // feed points at its first event's page rather than at a made-up address.
  out.push(element('title', meta.title || 'Events'));
  const link = meta.link || events.find((event) => event.url)?.url;
  if (link) out.push(element('link', link));
  out.push(element('description', meta.description || meta.title || 'Events'));
  out.push(element('lastBuildDate', rfc822(meta.now)));
  out.push(element('generator', 'feedcal'));
  for (const event of events) out.push(...itemLines(event, meta));
  out.push('</channel>', '</rss>');
  return out.join('\n') + '\n';
}

function itemLines(event: CalendarEvent, meta: FeedMeta): string[] {
  const lines = ['<item>', element('title', event.title)];
  if (event.url) lines.push(element('link', event.url));
  lines.push(`<guid isPermaLink="false">${xmlText(event.id)}</guid>`);
  const description = event.descriptionHtml ?? (event.description ? escapeHtml(event.description) : undefined);
  if (description) lines.push(element('description', description));
  for (const category of event.categories) lines.push(element('category', category));
  if (event.allDay) {
    lines.push(element('ev:startdate', calendarDay(event.start, meta)));
    // mod_event's enddate is the last day; the model's end is exclusive.
    if (event.end) lines.push(element('ev:enddate', calendarDay(addDaysIn(event.end, -1, allDayZone(meta)), meta)));
  } else {
    const zone = eventZone(event);
    lines.push(element('ev:startdate', isoInstant(event.start, zone)));
    if (event.end) lines.push(element('ev:enddate', isoInstant(event.end, zone)));
  }
  for (const location of event.locations) lines.push(element('ev:location', location));
  if (event.organizer) lines.push(element('ev:organizer', event.organizer));
  if (event.status) lines.push(element('ev:status', event.status));
  const {lat, lon} = event.place ?? {};
  if (Number.isFinite(lat) && Number.isFinite(lon)) lines.push(element('georss:point', `${lat} ${lon}`));
  if (event.image) lines.push(`<media:content url="${xmlText(event.image)}" medium="image"/>`);
  lines.push('</item>');
  return lines;
}

function element(name: string, text: string): string {
  return `<${name}>${xmlText(text)}</${name}>`;
}

// XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes (whole pairs).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data or an attribute value. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}

const XML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'};

/** Plain text as HTML text: what it says is what a reader shows. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => XML_ESCAPES[ch]);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date-time, as RSS 2.0 writes its dates: `Fri, 27 Nov 2026 12:00:00 GMT`. */
function rfc822(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`;
}
