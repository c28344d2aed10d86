/**
 * Events → RSS 2.0 with event dates in the RSS 1.0 event module's namespace (`ev:startdate`,
 * `ev:enddate`, `ev:location`, `ev:organizer`), which feed readers ignore and event readers
 * (feedcal's feeds/xml/rss.ts among them) take as the event's time. `pubDate` is the start too,
 * as Hugo and Gancio write it, so a plain feed reader lists the events in their order.
 */
import type {CalendarEvent} from '../events/model.js';
import {viewerTimeZone} from '../time.js';
import {allDayRange, isoInZone, writingZone} from './dates.js';
import type {FeedMeta} from './meta.js';

const EV = 'http://purl.org/rss/1.0/modules/event/';

export function toRss(events: CalendarEvent[], meta: FeedMeta): string {
  const displayZone = meta.timeZone ?? viewerTimeZone();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0" xmlns:ev="${EV}">`,
    '<channel>',
    el('title', meta.title ?? 'Events'),
    el('link', meta.link ?? ''),
    el('description', meta.description ?? meta.title ?? 'Events'),
    el('lastBuildDate', rfc822(meta.now)),
    el('generator', 'feedcal'),
    ...events.map((event) => item(event, displayZone)),
    '</channel>',
    '</rss>',
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}

function item(event: CalendarEvent, displayZone: string): string {
  const parts = [el('title', event.title)];
  if (event.url) parts.push(el('link', event.url));
  parts.push(`<guid isPermaLink="${event.url && event.id === event.url ? 'true' : 'false'}">${escapeXml(event.id)}</guid>`);
  parts.push(el('pubDate', rfc822(event.start)));
  if (event.allDay) {
    const {first, last} = allDayRange(event, displayZone);
    parts.push(el('ev:startdate', first));
    if (last !== first) parts.push(el('ev:enddate', last));
  } else {
    const zone = writingZone(event, displayZone);
    parts.push(el('ev:startdate', isoInZone(event.start, zone)));
    if (event.end) parts.push(el('ev:enddate', isoInZone(event.end, zone)));
  }
  for (const location of event.locations) parts.push(el('ev:location', location));
  if (event.organizer) parts.push(el('ev:organizer', event.organizer));
  for (const category of event.categories) parts.push(el('category', category));
  // An RSS description is HTML: plain text is escaped for HTML first, then (by `el`) for XML.
  const description = event.descriptionHtml ?? (event.description && escapeXml(event.description).replace(/\n/g, '<br>\n'));
  if (description) parts.push(el('description', description));
  return `<item>\n  ${parts.join('\n  ')}\n</item>`;
}

const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

/** XML text: the five specials escaped, characters XML 1.0 forbids dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 in UTC (`Sat, 29 Aug 2026 13:00:00 GMT`), as RSS 2.0 asks. */
function rfc822(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} GMT`;
}
