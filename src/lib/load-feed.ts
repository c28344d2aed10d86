/**
 * The data flow of one source, from URL to clean events: fetch → decode → detect → parse →
 * sanitise. And the merge of several sources into one calendar.
 */
import {fetchFeed, type FetchOptions} from './fetch-feed.js';
import {parseFeed, type FormatChoice} from './feeds/index.js';
import {decodeFeedBytes} from './feeds/decode.js';
import {looksLikeIcs, unfoldIcsBytes} from './feeds/ics-unfold.js';
import {FeedError, type CalendarEvent, type ParseContext, type ParseResult} from './model.js';

export interface LoadOptions extends FetchOptions {
  format?: FormatChoice;
  /** Field map for custom JSON (`title: name, start: when.begins`). */
  fields?: string;
  timeZone: string;
  window?: ParseContext['window'];
}

/** Loads and parses one feed. Never throws except on abort; failures are `FeedError`s. */
export async function loadFeed(url: string, options: LoadOptions): Promise<ParseResult> {
  let fetched;
  try {
    fetched = await fetchFeed(url, options);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error; // an AbortError: the caller asked for it
  }
  const source = new URL(url, document.baseURI).href;
  // iCalendar folds lines at 75 bytes, which may split a UTF-8 character: unfold before decoding.
  const bytes = looksLikeIcs(fetched.bytes) ? unfoldIcsBytes(fetched.bytes) : fetched.bytes;
  const text = decodeFeedBytes(bytes, fetched.contentType);
  const result = await parseFeed(text, {timeZone: options.timeZone, source, window: options.window}, {
    format: options.format,
    contentType: fetched.contentType,
    fields: options.fields,
  });
  if (!(result instanceof FeedError)) await sanitizeDescriptions(result.events);
  return result;
}

/** Replaces each event's feed HTML with its sanitised form (loads DOMPurify only when needed). */
export async function sanitizeDescriptions(events: CalendarEvent[]): Promise<void> {
  if (!events.some((event) => event.descriptionHtml)) return;
  const {sanitizeHtml} = await import('./sanitize.js');
  for (const event of events) {
    if (event.descriptionHtml) event.descriptionHtml = await sanitizeHtml(event.descriptionHtml, event.url ?? event.source);
  }
}

function normalisedTitle(event: CalendarEvent): string {
  return event.title.normalize('NFKC').toLowerCase().replace(/\W+/gu, ' ').trim();
}

/**
 * One calendar from several sources: an event that appears in two feeds (same id, same URL, or
 * same title and start) is kept once, from the first source listed, with the categories and
 * locations of both.
 */
export function mergeEvents(lists: readonly CalendarEvent[][]): CalendarEvent[] {
  const merged: CalendarEvent[] = [];
  const byKey = new Map<string, CalendarEvent>();
  for (const list of lists) {
    for (const event of list) {
      const keys = [`id:${event.id}`, `t:${normalisedTitle(event)}@${event.start.getTime()}`];
      if (event.url) keys.push(`u:${event.url}@${event.start.getTime()}`);
      const existing = keys.map((key) => byKey.get(key)).find(Boolean);
      if (existing) {
        if (existing === event) continue;
        for (const category of event.categories) if (!existing.categories.includes(category)) existing.categories.push(category);
        for (const place of event.locations) if (!existing.locations.includes(place)) existing.locations.push(place);
        keys.forEach((key) => byKey.set(key, existing));
        continue;
      }
      const copy = {...event, categories: [...event.categories], locations: [...event.locations]};
      keys.forEach((key) => byKey.set(key, copy));
      merged.push(copy);
    }
  }
  return merged;
}
