/**
 * Builds one feed per format with one event per hostile string, the string placed in every text
 * and URL field that format has. Each format is written the way a real producer would write it
 * (escaped for XML, JSON, iCalendar and YAML), so the parser reads the hostile string back
 * intact and the test checks what the widget does with it; a feed whose syntax a payload breaks
 * would only test the parser's error path.
 */
export interface HostileItem {
  id: string;
  payload: string;
  start: Date;
}

export interface BuiltFeed {
  /** Name under /__feeds/; Markdown has one file per item. */
  files: Array<{name: string; body: string; type: string}>;
  /** Fields each item's payload was put into. */
  fields: string[];
}

/** The HTML description: the payload as markup, and as a link target and an image source. */
export const descriptionHtml = (item: HostileItem) =>
  `<p>Item ${item.id}.</p>${item.payload}<p><a href="${item.payload}">link</a> <img src="${item.payload}" alt=""></p>`;

/** The URL fields: the raw payload for even items, an http URL carrying it for odd ones. */
export const urlField = (item: HostileItem, index: number) => (index % 2 === 0 ? item.payload : `https://example.org/e/${index}?q=${item.payload}`);

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// XML 1.0 cannot carry most C0 controls at all, even escaped: a producer drops them.
const xmlSafe = (s: string) => xmlText(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
const cdata = (s: string) => `<![CDATA[${s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f]/g, '');
const icsParam = (s: string) => `"${s.replace(/["\r\n\u0000-\u001f]/g, "'")}"`;
const icsDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const yaml = (s: string) => JSON.stringify(s.replace(/[\r\n\u2028\u2029]/g, ' '));

export function buildFeeds(items: HostileItem[]): Record<string, BuiltFeed> {
  const canonical = {
    events: items.map((item, i) => ({
      id: item.id,
      title: item.payload,
      start: item.start.toISOString(),
      description: descriptionHtml(item),
      location: item.payload,
      organizer: item.payload,
      categories: [item.payload],
      url: urlField(item, i),
      image: urlField(item, i),
    })),
  };
  const jsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile JSON Feed',
    items: items.map((item, i) => ({
      id: item.id,
      title: item.payload,
      content_html: descriptionHtml(item),
      date_published: item.start.toISOString(),
      url: urlField(item, i),
      image: urlField(item, i),
      tags: [item.payload],
      authors: [{name: item.payload}],
    })),
  };
  const gancio = items.map((item, i) => ({
    id: i + 1,
    title: item.payload,
    slug: item.payload,
    start_datetime: Math.floor(item.start.getTime() / 1000),
    end_datetime: null,
    description: descriptionHtml(item),
    media: [{url: urlField(item, i), name: item.payload}],
    tags: [item.payload],
    online_locations: [urlField(item, i)],
    place: {id: 1, name: item.payload, address: item.payload, latitude: null, longitude: null},
  }));
  const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><channel><title>Hostile RSS</title><link>https://example.org/</link>
${items
  .map(
    (item, i) => `<item><title>${xmlSafe(item.payload)}</title><guid isPermaLink="false">${item.id}</guid><link>${xmlSafe(urlField(item, i))}</link>
<description>${cdata(descriptionHtml(item))}</description><ev:startdate>${item.start.toISOString()}</ev:startdate>
<ev:location>${xmlSafe(item.payload)}</ev:location><ev:organizer>${xmlSafe(item.payload)}</ev:organizer><category>${xmlSafe(item.payload)}</category>
<enclosure url="${xmlSafe(urlField(item, i))}" type="image/jpeg" length="1"/></item>`
  )
  .join('\n')}
</channel></rss>`;
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><title>Hostile Atom</title><id>urn:x</id><updated>2030-01-01T00:00:00Z</updated>
${items
  .map(
    (item, i) => `<entry><title type="html">${xmlSafe(xmlText(item.payload))}</title><id>urn:${item.id}</id><updated>2030-01-01T00:00:00Z</updated>
<link rel="alternate" href="${xmlSafe(urlField(item, i))}"/><link rel="enclosure" type="image/png" href="${xmlSafe(urlField(item, i))}"/>
<content type="html">${xmlSafe(descriptionHtml(item))}</content><ev:startdate>${item.start.toISOString()}</ev:startdate>
<ev:location>${xmlSafe(item.payload)}</ev:location><ev:organizer>${xmlSafe(item.payload)}</ev:organizer><category term="${xmlSafe(item.payload)}" label="${xmlSafe(item.payload)}"/></entry>`
  )
  .join('\n')}
</feed>`;
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//feedcal//xss//EN',
    ...items.flatMap((item, i) => [
      'BEGIN:VEVENT',
      `UID:${item.id}`,
      `DTSTAMP:20300101T000000Z`,
      `DTSTART:${icsDate(item.start)}`,
      `SUMMARY:${icsText(item.payload)}`,
      `DESCRIPTION:${icsText(item.payload)}`,
      `X-ALT-DESC;FMTTYPE=text/html:${icsText(descriptionHtml(item))}`,
      `LOCATION:${icsText(item.payload)}`,
      `ORGANIZER;CN=${icsParam(item.payload)}:mailto:org@example.org`,
      `CATEGORIES:${icsText(item.payload)}`,
      `URL:${icsText(urlField(item, i))}`,
      `IMAGE;VALUE=URI:${icsText(urlField(item, i))}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const ld = items.map((item, i) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': item.id,
    name: item.payload,
    description: descriptionHtml(item),
    startDate: item.start.toISOString(),
    location: {'@type': 'Place', name: item.payload, address: item.payload},
    organizer: {'@type': 'Organization', name: item.payload},
    keywords: item.payload,
    url: urlField(item, i),
    image: urlField(item, i),
  }));
  // As a careful producer writes JSON-LD into HTML: `<` escaped so nothing closes the script; a
  // block per event, as event pages and calendar plugins write it (one payload that a reader
  // cannot take loses its own event, not the page's).
  const ldPage = `<!doctype html><html><head><title>Events</title>
${ld.map((item) => `<script type="application/ld+json">${JSON.stringify(item).replace(/</g, '\\u003c')}</script>`).join('\n')}</head><body><h1>Events</h1></body></html>`;
  const markdown = items.map((item, i) => ({
    name: `xss-md-${i}.md`,
    type: 'text/markdown; charset=utf-8',
    body: `---
title: ${yaml(item.payload)}
date: ${item.start.toISOString().slice(0, 19).replace('T', ' ')}
locations: [${yaml(item.payload)}]
organizer: ${yaml(item.payload)}
forms: [${yaml(item.payload)}]
source: ${yaml(urlField(item, i))}
---
${item.payload}
`,
  }));
  return {
    json: {
      files: [{name: 'xss.json', type: 'application/json', body: JSON.stringify(canonical)}],
      fields: ['title', 'description', 'location', 'organizer', 'categories', 'url', 'image'],
    },
    jsonfeed: {
      files: [{name: 'xss.feed.json', type: 'application/feed+json', body: JSON.stringify(jsonFeed)}],
      fields: ['title', 'content_html', 'authors', 'tags', 'url', 'image'],
    },
    gancio: {
      files: [{name: 'xss.gancio.json', type: 'application/json', body: JSON.stringify(gancio)}],
      fields: ['title', 'description', 'place.name', 'place.address', 'tags', 'slug', 'media.url', 'online_locations'],
    },
    rss: {
      files: [{name: 'xss.rss', type: 'application/rss+xml', body: rss}],
      fields: ['title', 'description (CDATA)', 'ev:location', 'ev:organizer', 'category', 'link', 'enclosure'],
    },
    atom: {
      files: [{name: 'xss.atom', type: 'application/atom+xml', body: atom}],
      fields: ['title (html)', 'content (html)', 'ev:location', 'ev:organizer', 'category', 'link', 'enclosure'],
    },
    ics: {
      files: [{name: 'xss.ics', type: 'text/calendar', body: ics}],
      fields: ['SUMMARY', 'DESCRIPTION', 'X-ALT-DESC', 'LOCATION', 'ORGANIZER;CN', 'CATEGORIES', 'URL', 'IMAGE'],
    },
    jsonld: {
      files: [{name: 'xss-ld.html', type: 'text/html; charset=utf-8', body: ldPage}],
      fields: ['name', 'description', 'location.name', 'location.address', 'organizer.name', 'keywords', 'url', 'image'],
    },
    markdown: {files: markdown, fields: ['title', 'body', 'locations', 'organizer', 'forms', 'source']},
  };
}

/**
 * The same items as `CalendarEvent`s a page script hands to `<event-list>`'s `events` property,
 * the payload in every field, URL fields included (not normalised: the list must do that).
 */
export function hostileEvents(items: HostileItem[]) {
  return items.map((item, i) => ({
    id: item.id,
    title: item.payload,
    start: item.start,
    allDay: false,
    description: item.payload,
    descriptionHtml: descriptionHtml(item),
    categories: [item.payload],
    locations: [item.payload],
    place: {name: item.payload, address: item.payload, online: urlField(item, i)},
    organizer: item.payload,
    url: urlField(item, i),
    image: urlField(item, i),
    source: urlField(item, i + 1),
  }));
}

/** The fields `hostileEvents` puts each payload into. */
export const EVENT_FIELDS = [
  'title',
  'description',
  'descriptionHtml',
  'categories',
  'locations',
  'place.name',
  'place.address',
  'place.online',
  'organizer',
  'url',
  'image',
  'source',
];
