/**
 * The event model every feed parser fills, and the small helpers they share to fill it the
 * same way: one place decides what a valid event is, which URLs are allowed, how ids are made
 * and how text is cleaned. Parsers only find the fields; `finishEvent` does the rest.
 */
import type {ParsedTime} from '../time.js';
import {parseInertDocument} from '../html/trusted-types.js';

/** One event, whatever feed it came from. Times are instants; see DESIGN.md "time rules". */
export interface CalendarEvent {
  /** Feed id/guid/UID (+RECURRENCE-ID); else a hash of title and start. */
  id: string;
  /** Plain text, entities decoded once. */
  title: string;
  /** The instant it starts. All-day events start at midnight of their date in the display zone. */
  start: Date;
  /** Exclusive end; absent when the feed has none or gives a sentinel / an end before the start. */
  end?: Date;
  /** From the data type (a date without a time), never guessed from 00:00. */
  allDay: boolean;
  /** The source's IANA zone, when it names one. */
  timeZone?: string;
  /** Absolute http(s) URL of the event page. */
  url?: string;
  /** Plain text. */
  description?: string;
  /** Sanitised HTML, when the feed's description had markup. */
  descriptionHtml?: string;
  /** Forms, tags, categories, topics, type. */
  categories: string[];
  /** Place names. */
  locations: string[];
  place?: Place;
  organizer?: string;
  /** Absolute http(s) image URL. */
  image?: string;
  status?: EventStatus;
  /** The URL of the feed it came from. */
  source: string;
  /** The `label` of its `<event-source>`, when it has one. */
  sourceLabel?: string;
}

export interface Place {
  name?: string;
  address?: string;
  lat?: number;
  lon?: number;
  /** URL of an online meeting. */
  online?: string;
}

export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';

export type FeedFormat = 'json' | 'rss' | 'atom' | 'ics' | 'jsonld' | 'markdown';

/** What a parser needs to know beyond the text. */
export interface ParseContext {
  /** IANA zone that floating times and all-day dates are read in (the display zone). */
  timeZone: string;
  /** The feed's URL: relative links resolve against it, and events record it as `source`. */
  source: string;
  /** Shown window; recurrence expansion stays inside it. */
  window?: {from?: Date; to?: Date};
  /**
   * Asks for a first look at a big feed (feeds/preview.ts): a parser that can read its items
   * soonest first calls `show` once, mid-way, with the events read so far. Parsers that cannot
   * ignore it.
   */
  preview?: PreviewRequest;
}

/** What a list needs to draw its first cards before a big feed is read to the end. */
export interface PreviewRequest {
  /** Events over before this are not shown (the list's `when` and `from`). */
  from?: Date;
  /** How many events from `from` on the first look needs (a page of cards; at least 1). */
  count: number;
  /** The first look also needs every event that starts before this (a month grid's last day). */
  to?: Date;
  /**
   * Receives the events read so far (not yet sanitised), in reading order: every event that
   * may show and starts before the first one not read yet is among them.
   */
  show(events: CalendarEvent[]): void;
}

/** An item the parser could not use, with the reason a person can read in the console. */
export interface SkippedItem {
  /** Position of the item in the feed, from 0. */
  index: number;
  reason: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  events: CalendarEvent[];
  skipped: SkippedItem[];
  /** The feed's own title, when it has one. */
  title?: string;
}

export type FeedErrorKind = 'network' | 'cors' | 'http' | 'parse' | 'timeout';

/**
 * Finer reasons a person should be told apart. `kind` stays the coarse DESIGN.md category;
 * `code` picks the sentence shown.
 */
export type FeedErrorCode =
  | 'not-found'
  | 'http-status'
  | 'not-a-feed'
  | 'html-page'
  | 'empty'
  | 'invalid'
  | 'no-event-dates'
  | 'offline'
  | 'interrupted'
  | 'cors'
  | 'insecure'
  | 'timeout'
  | 'too-large';

/** A whole feed failed. Returned by parsers (never thrown) and carried by `event-list-error`. */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    readonly code: FeedErrorCode,
    message: string,
    readonly detail: {status?: number; url?: string} = {}
  ) {
    super(message);
  }
}

export type ParseResult = ParsedFeed | FeedError;

/** Thrown inside a parser for one item; the parser catches it, skips the item and counts it. */
export class SkipItem extends Error {
  override name = 'SkipItem';
}

/** What a parser has found for one item before it is checked and completed. */
export interface EventDraft {
  id?: string;
  title?: string;
  start?: ParsedTime;
  end?: ParsedTime;
  url?: string;
  description?: string;
  /** Raw HTML from the feed; `finishEvent` derives the plain text from it when there is none. */
  descriptionHtml?: string;
  categories?: unknown;
  locations?: unknown;
  place?: Place;
  organizer?: string;
  image?: string;
  status?: string;
}

/**
 * Checks a draft and makes it a `CalendarEvent`: a title and a start are required, URLs must be
 * absolute http(s) after resolving against the feed, an end at or before the start is dropped,
 * lists are cleaned. Throws `SkipItem` with a readable reason when the item cannot be shown.
 */
export function finishEvent(draft: EventDraft, ctx: ParseContext): CalendarEvent {
  const title = collapseSpace(draft.title ?? '');
  if (!title) throw new SkipItem('no title');
  if (!draft.start) throw new SkipItem(`"${title}" has no usable start date`);
  const start = draft.start;
  const end = draft.end && draft.end.date.getTime() > start.date.getTime() ? draft.end : undefined;
  const html = draft.descriptionHtml?.trim() || undefined;
  const description = collapseBlankLines(draft.description ?? (html ? htmlToText(html) : '')) || undefined;
  const event: CalendarEvent = {
    id: draft.id?.trim() || hashId(title, start.date),
    title,
    start: start.date,
    allDay: start.allDay,
    categories: cleanList(draft.categories),
    locations: cleanList(draft.locations),
    source: ctx.source,
  };
  if (end) event.end = end.date;
  if (start.timeZone) event.timeZone = start.timeZone;
  const url = absoluteHttpUrl(draft.url, ctx.source);
  if (url) event.url = url;
  if (description) event.description = description;
  if (html && looksLikeHtml(html)) event.descriptionHtml = html;
  if (draft.place && Object.keys(draft.place).length) event.place = draft.place;
  const organizer = collapseSpace(draft.organizer ?? '');
  if (organizer) event.organizer = organizer;
  const image = absoluteHttpUrl(draft.image, ctx.source);
  if (image) event.image = image;
  const status = normaliseStatus(draft.status);
  if (status) event.status = status;
  return event;
}

/** Resolves `value` against `base` and keeps it only when it is http(s). */
// An absolute http(s) URL with nothing to normalise: kept as it is, without the cost of `new URL`.
const PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#][\w\-.~:/?#[\]@!$&'()*+,;=%]*)?$/;

export function absoluteHttpUrl(value: string | undefined | null, base?: string): string | undefined {
  if (!value || typeof value !== 'string') return undefined;
  if (PLAIN_HTTP_URL.test(value)) return value;
  try {
    const url = new URL(value.trim(), base && /^https?:/i.test(base) ? base : undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host part of a URL (relative ones against the page), for naming a source to a person. */
export function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url, document.baseURI).host || undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns what feeds give as a list (an array, a comma string, objects with a name) into clean,
 * de-duplicated strings.
 */
export function cleanList(value: unknown): string[] {
  const items: string[] = [];
  const add = (v: unknown) => {
    if (v == null) return;
    if (Array.isArray(v)) return v.forEach(add);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return add(o.name ?? o.title ?? o.label ?? o.term);
    }
    const text = collapseSpace(String(v));
    if (text && !items.includes(text)) items.push(text);
  };
  add(value);
  return items;
}

// Most feed text is already clean: test before rewriting (a test allocates nothing; a replace
// copies the string), which matters across thousands of items.
const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|^\s|\s$/;

export function collapseSpace(text: string): string {
  return MESSY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

function collapseBlankLines(text: string): string {
  if (!/[\r\n]/.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*?>/i.test(text);
}

/**
 * Plain text of an HTML fragment. `DOMParser` never runs scripts or loads images, so this is
 * safe on hostile input; block elements become line breaks so paragraphs survive.
 */
export function htmlToText(html: string): string {
  // Most feed text has no markup at all; a parser per item was the slowest step of big feeds.
  if (!/[<&]/.test(html)) return html;
  if (!html.includes('<')) {
    const decoded = decodeCommonEntities(html);
    if (decoded !== undefined) return decoded;
  }
  const doc = parseInertDocument(
    html.replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, (tag) => `${tag}\n`),
    'text/html'
  );
  doc.querySelectorAll('script, style, template').forEach((el) => el.remove());
  return doc.body?.textContent ?? '';
}

/** Decodes HTML entities once (`&amp;amp;` becomes `&amp;`, as the feed literally says). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeCommonEntities(text) ?? htmlToText(text.replace(/</g, '&lt;'));
}

const COMMON_ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/**
 * Decodes numeric references and the few named entities feeds use most, without a parser;
 * undefined when the text holds any other named entity (then the HTML parser decides).
 */
function decodeCommonEntities(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (whole, name: string) => {
    if (name[0] !== '#') {
      const named = COMMON_ENTITIES[name];
      if (named === undefined || !whole.endsWith(';')) unknown = true;
      return named ?? whole;
    }
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // As HTML does: NUL, surrogates and out-of-range code points become U+FFFD.
    return String.fromCodePoint(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
  });
  return unknown ? undefined : decoded;
}

function normaliseStatus(value: string | undefined): EventStatus | undefined {
  const v = value?.toLowerCase() ?? '';
  if (/cancel/.test(v)) return 'cancelled';
  if (/tentative|postponed|rescheduled/.test(v)) return 'tentative';
  if (/confirmed|scheduled/.test(v)) return 'confirmed';
  return undefined;
}

/** A short stable id (FNV-1a) for feeds whose items have none. */
export function hashId(title: string, start: Date): string {
  let hash = 0x811c9dc5;
  const text = `${title}\u0000${start.toISOString()}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `ev-${(hash >>> 0).toString(36)}`;
}
