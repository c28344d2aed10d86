/**
 * The event model: what every feed parser produces (`CalendarEvent`), what it reports
 * (`ParsedFeed`, `SkippedItem`, `FeedError`) and what it fills on the way (`EventDraft`). Types
 * and the two error classes only; `normalise.ts` turns a draft into an event, `text.ts` cleans text.
 */
import type {ParsedTime} from '../time.js';

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
  /** The other feeds (URLs, in the order listed) that had the same event: a list of several feeds credits them all. */
  alsoFrom?: string[];
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
  /**
   * The dates recurring series are expanded over (lib/show/window.ts works out a list's); when a
   * cap cuts a series, the occurrences nearest `near` are kept (default: the first ones).
   */
  window?: {from?: Date; to?: Date; near?: Date};
  /** What a list or grid shows, when `window` is not given: the window is worked out from it (lib/show/window.ts). */
  shown?: Shown;
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
  /** Recurring series a cap cut: they have more occurrences in the window than `events` hold. */
  capped?: CappedSeries[];
  /** iCalendar: its series, kept to be expanded over other dates without reading the feed again. */
  series?: FeedSeries;
}

/** A recurring series with more occurrences than were made for it. */
export interface CappedSeries {
  title: string;
  uid?: string;
  /** Cut by the cap on the whole feed's occurrences, not the one on each series'. */
  feedCap: boolean;
}

/** What a list or grid shows: which dates recurring series are expanded over follows from it (lib/show/window.ts). */
export interface Shown {
  /** The list's `when` as it applies now (the visitor's switch and date range included). */
  when: 'upcoming' | 'past' | 'all';
  /** The month a grid shows; absent for a list. */
  month?: {year: number; month: number};
  /** The narrowest `from`/`to` that apply (the page's and the visitor's), if any. */
  from?: Date;
  to?: Date;
  now: Date;
}

/** A feed's recurring series, kept after reading it (feeds/ics/ics.ts) so they can be expanded over other dates. */
export interface FeedSeries {
  /**
   * When `shown` shows dates the series were not expanded over: the feed's events again, with
   * the series expanded around them (single events are the same objects). Undefined otherwise.
   */
  follow(shown: Shown): Promise<{events: CalendarEvent[]; capped: CappedSeries[]}> | undefined;
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
  | 'too-large'
  | 'redirect-loop'
  | 'redirect-blocked'
  | 'not-modified-without-copy';

/** A whole feed failed. Returned by parsers (never thrown) and carried by `event-list-error`. */
export class FeedError extends Error {
  // A getter, not a field: assigned in the constructor, `name` would shadow Error.prototype.name,
  // which a page that froze its built-ins (SES's lockdown) refuses with a TypeError.
  override get name() {
    return 'FeedError';
  }
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
  // A getter for the reason FeedError's is.
  override get name() {
    return 'SkipItem';
  }
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
