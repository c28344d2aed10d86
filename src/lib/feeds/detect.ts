/**
 * Which parser a feed body goes to. The body decides: servers label feeds badly (`text/plain`
 * for ICS, `text/html` for RSS, `application/octet-stream` for everything), so the content type
 * only breaks ties the body leaves open. Only the first few KB are looked at and nothing is
 * parsed, so this stays cheap on multi-megabyte calendars.
 *
 * A chunk loaded on demand: plain JSON and iCalendar bodies are named by `sniffFormat` (sniff.ts)
 * in the entry, and only the rest come here.
 */
import type {FeedFormat} from '../events/model.js';
// The same head as the entry's first sniff (sniff.ts), so the two read the same characters.
import {feedHead} from './sniff.js';

// schema.org says JSON-LD, an Event type (Event, MusicEvent, `sc:Event`, …) says it is about events.
const SCHEMA_ORG = /schema\.org/i;
const EVENT_TYPE = /"@type"\s*:\s*\[?\s*"(?:[^"]*[/:#])?\w*Event"/;

/**
 * Names the feed format of `text`, or undefined when it is none feedcal reads (an ordinary web
 * page, plain text, an unknown XML vocabulary with no helpful content type).
 */
export function detectFormat(text: string, contentType?: string): FeedFormat | undefined {
  const head = feedHead(text);
  const typed = formatFromContentType(contentType);
  if (!head) return undefined;

  if (/^BEGIN:VCALENDAR\b/i.test(head)) return 'ics';
  if (/^---[ \t]*\r?\n/.test(head)) return 'markdown';
  if (head[0] === '{' || head[0] === '[') {
    if (SCHEMA_ORG.test(head) && /"@context"/.test(head) && EVENT_TYPE.test(head)) return 'jsonld';
    // A JSON-LD document whose first event lies beyond the sniffed part: trust the label.
    return typed === 'jsonld' ? 'jsonld' : 'json';
  }
  if (head[0] === '<') {
    const root = rootElementName(head);
    if (root) {
      const local = root.replace(/^[\w.-]+:/, '');
      if (local === 'rss' || local === 'RDF') return 'rss';
      if (local === 'feed') return 'atom';
      if (/^html$/i.test(local)) return htmlFormat(text);
      // Another XML vocabulary: only a feed content type makes it worth a try.
      return typed === 'rss' || typed === 'atom' ? typed : undefined;
    }
    if (/^<!doctype\s+html/i.test(head) || /^<(head|body|meta|title|div|p|script)\b/i.test(head)) {
      return htmlFormat(text);
    }
  }
  // Nothing in the body decides it. Trust a specific feed type, never a generic one.
  return typed === 'ics' && /BEGIN:VCALENDAR/i.test(head) ? 'ics' : typed === 'markdown' ? 'markdown' : undefined;
}

/**
 * A web page is only a feed when it embeds schema.org JSON-LD (event pages, Songkick, Eventbrite).
 * The script blocks usually sit far below the sniffed head, so this one check scans the whole
 * text; that is one linear substring search, not a parse.
 */
function htmlFormat(text: string): FeedFormat | undefined {
  return /application\/ld\+json/i.test(text) ? 'jsonld' : undefined;
}

/**
 * The name of the first element after the XML prolog (declaration, processing instructions,
 * comments, DOCTYPE), or undefined when the sniffed part ends first.
 */
function rootElementName(head: string): string | undefined {
  let i = 0;
  while (i < head.length) {
    while (i < head.length && /\s/.test(head[i])) i++;
    if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (/^<!doctype/i.test(head.slice(i, i + 9))) {
      // An internal subset `[ … ]` may contain `>`; skip to its closing `]>` when there is one.
      const bracket = head.indexOf('[', i);
      const close = head.indexOf('>', i);
      const end = bracket >= 0 && bracket < close ? head.indexOf(']>', bracket) + 1 : close;
      if (end <= 0) return undefined;
      if (/^<!doctype\s+html/i.test(head.slice(i, i + 15))) return 'html';
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(i, i + 200));
      return m?.[1];
    }
  }
  return undefined;
}

/** What a content type claims, for breaking ties. */
function formatFromContentType(contentType: string | undefined): FeedFormat | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (!type) return undefined;
  if (type === 'text/calendar' || type === 'application/ics') return 'ics';
  if (type === 'application/rss+xml' || type === 'application/rdf+xml') return 'rss';
  if (type === 'application/atom+xml') return 'atom';
  if (type === 'application/ld+json') return 'jsonld';
  if (type === 'application/feed+json' || type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  return undefined;
}
