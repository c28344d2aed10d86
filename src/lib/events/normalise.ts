/**
 * From what a parser found to a `CalendarEvent`, the same way for every format: one place decides
 * what a valid event is, which URLs are allowed, how lists are cleaned and how ids are made.
 * Parsers only find the fields; `finishEvent` does the rest.
 */
import type {CalendarEvent, EventDraft, EventStatus, ParseContext, Place} from './model.js';
import {SkipItem} from './model.js';
import {collapseBlankLines, collapseSpace, htmlToText, literalLineBreaks, looksLikeHtml} from './text.js';

/**
 * Checks a draft and makes it a `CalendarEvent`: a title and a start are required, URLs must be
 * absolute http(s) after resolving against the feed, an end at or before the start is dropped,
 * lists are cleaned. Throws `SkipItem` with a readable reason when the item cannot be shown.
 */
export function finishEvent(draft: EventDraft, ctx: ParseContext): CalendarEvent {
  const title = collapseSpace(literalLineBreaks(draft.title ?? '', ' '));
  if (!title) throw new SkipItem('no title');
  if (!draft.start) throw new SkipItem(`"${title}" has no usable start date`);
  const start = draft.start;
  const end = draft.end && draft.end.date.getTime() > start.date.getTime() ? draft.end : undefined;
  const html = literalLineBreaks(draft.descriptionHtml?.trim() ?? '', '<br>') || undefined;
  const description = collapseBlankLines(literalLineBreaks(draft.description ?? (html ? htmlToText(html) : ''), '\n')) || undefined;
  const event: CalendarEvent = {
    id: draft.id?.trim() || hashId(title, start.date),
    title,
    start: start.date,
    allDay: start.allDay,
    categories: categoriesOf(draft, ctx),
    locations: cleanList(draft.locations, MAX_EVENT_CATEGORIES),
    source: ctx.source,
  };
  if (end) event.end = end.date;
  if (start.timeZone) event.timeZone = start.timeZone;
  const url = absoluteHttpUrl(draft.url, ctx.source);
  if (url) event.url = url;
  if (description) event.description = description;
  if (html && looksLikeHtml(html)) event.descriptionHtml = html;
  const place = cleanPlace(draft.place, ctx.source);
  if (place) event.place = place;
  const organizer = collapseSpace(literalLineBreaks(draft.organizer ?? '', ' '));
  if (organizer) event.organizer = organizer;
  const image = absoluteHttpUrl(draft.image, ctx.source);
  if (image) event.image = image;
  const status = normaliseStatus(draft.status);
  if (status) event.status = status;
  return event;
}

/**
 * Events a page script hands to `<event-list>`'s `events` property, held to the model's URL rules
 * as feed events are (`finishEvent`): `url`, `image` and `place.online` absolute http(s), relative
 * ones resolved against `base` (the page's address), anything else left out. The rest is the
 * page's own data and is kept; an event that needs no change is the same object, one that does
 * is a copy (the page's objects are never changed). Entries that are not objects are dropped.
 */
export function normaliseSuppliedEvents(events: readonly CalendarEvent[], base?: string): CalendarEvent[] {
  const result: CalendarEvent[] = [];
  for (const event of events) {
    if (!event || typeof event !== 'object') continue;
    const url = absoluteHttpUrl(event.url, base);
    const image = absoluteHttpUrl(event.image, base);
    const place = cleanPlace(event.place, base);
    if (url === event.url && image === event.image && place === event.place) {
      result.push(event);
      continue;
    }
    const copy: CalendarEvent = {...event, url, image, place};
    for (const key of ['url', 'image', 'place'] as const) if (copy[key] === undefined) delete copy[key];
    result.push(copy);
  }
  return result;
}

/**
 * A place as the model holds it: its online address absolute http(s) (resolved against `base`),
 * coordinates only as finite numbers; undefined when nothing is left. The same object when it
 * needed no change.
 */
function cleanPlace(place: Place | undefined, base?: string): Place | undefined {
  if (!place || typeof place !== 'object') return undefined;
  const online = absoluteHttpUrl(place.online, base);
  const coordinates = Number.isFinite(place.lat) && Number.isFinite(place.lon);
  if (online === place.online && (coordinates || (place.lat === undefined && place.lon === undefined))) return Object.keys(place).length ? place : undefined;
  const clean: Place = {...place};
  delete clean.online;
  delete clean.lat;
  delete clean.lon;
  if (online) clean.online = online;
  if (coordinates) [clean.lat, clean.lon] = [place.lat, place.lon];
  return Object.keys(clean).length ? clean : undefined;
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

/**
 * The host part of a URL, for naming a source to a person. A relative URL is read against `base`
 * (a page's `document.baseURI`, which the caller gives: this module runs where there is no page
 * too); without one it names no host.
 */
export function hostOf(url: string | undefined, base?: string): string | undefined {
  try {
    return url ? new URL(url, base).host || undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Categories kept per event, and distinct categories per feed. A feed with 100,000 categories on
 * one event took 13.5 s to load (11.6 s in one task) and drew 100,000 chips; real feeds give a
 * handful per event and a few dozen in all. Past the caps the rest are dropped, with one console
 * note per feed: per event the first ones in the feed's order are kept (places too, silently);
 * per feed a category not among the first `MAX_FEED_CATEGORIES` is left off the events that name it.
 */
export const MAX_EVENT_CATEGORIES = 30;
export const MAX_FEED_CATEGORIES = 500;

/** Per feed (its parse context): the distinct categories kept so far. */
const feedCategories = new WeakMap<ParseContext, Set<string>>();
/** The caps already noted on the console, by feed: once each. */
const noted = new Set<string>();

function capNote(ctx: ParseContext, max: number, where: string): false {
  const note = `feedcal: ${ctx.source}: over ${max} categories ${where}; the first ${max} are kept.`;
  if (!noted.has(note)) console.warn(note);
  noted.add(note);
  return false;
}

/** The event's categories (`MAX_EVENT_CATEGORIES` at most) that are among the feed's first `MAX_FEED_CATEGORIES`. */
function categoriesOf(draft: EventDraft, ctx: ParseContext): string[] {
  let kept = feedCategories.get(ctx);
  if (!kept) feedCategories.set(ctx, (kept = new Set()));
  const seen = kept;
  return cleanList(draft.categories, MAX_EVENT_CATEGORIES, () => capNote(ctx, MAX_EVENT_CATEGORIES, 'on an event')).filter(
    (category) => seen.has(category) || (seen.size < MAX_FEED_CATEGORIES ? !!seen.add(category) : capNote(ctx, MAX_FEED_CATEGORIES, 'in the feed'))
  );
}

/**
 * Turns what feeds give as a list (an array, a comma string, objects with a name) into clean,
 * de-duplicated strings, at most `limit` of them (`onCut` is told when more were there).
 */
export function cleanList(value: unknown, limit = Infinity, onCut?: () => void): string[] {
  const items = new Set<string>();
  const add = (v: unknown): void => {
    if (v == null) return;
    if (Array.isArray(v)) {
      for (const item of v) {
        if (items.size >= limit) return onCut?.();
        add(item);
      }
      return;
    }
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return add(o.name ?? o.title ?? o.label ?? o.term);
    }
    const text = collapseSpace(String(v));
    if (!text || items.has(text)) return;
    if (items.size >= limit) return onCut?.();
    items.add(text);
  };
  add(value);
  return [...items];
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
