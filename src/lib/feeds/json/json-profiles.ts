/**
 * What a JSON platform profile is, and the small field readers every JSON shape shares. This
 * module is part of the JSON parser's own chunk, so it holds only what the canonical reader
 * (json-canonical.ts) needs, and `inZone`, which three platform modules share; each platform's
 * own code lives in its module, which is fetched only for documents that have its shape.
 */
import {collapseSpace, decodeEntities, looksLikeHtml} from '../../events/text.js';
import {type EventDraft, type ParseContext} from '../../events/model.js';
import {isTimeZone, parseDateText, type ParsedTime} from '../../time.js';

export type JsonObject = Record<string, unknown>;

/** What the list around the items tells every item (GData's feed zone, a GraphQL group's name). */
export interface FeedInfo {
  /** The feed-level IANA zone (GData `gCal$timezone`), for floating times. */
  zone?: string;
  /** Name of the object that owns the list (a Mobilizon/Meetup group), a fallback organizer. */
  owner?: string;
  /** The JSON-LD `@context`s of the objects around the list (Mobilizon's swaps geo). */
  contexts: unknown[];
}

/**
 * One platform's item shape. `matches` must be cheap and specific (a field only that platform
 * writes), because every item of a list is offered to each loaded profile in turn. `draft` may
 * give several drafts for one item (Radar lists every date of an event in one node); `item` is
 * the item as listed, before a `{node}` or an activity around it was taken off.
 */
export interface JsonProfile {
  name: string;
  matches(o: JsonObject): boolean;
  draft(o: JsonObject, ctx: ParseContext, feed: FeedInfo, item: JsonObject): EventDraft | EventDraft[];
}

/** A list a module found in a document shape of its own, with what it says about every item. */
export interface FoundList {
  items: unknown[];
  zone?: string;
  title?: string;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `keys` that holds a value (not null, not ''). */
export function keyOf(o: JsonObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = o[key];
    if (value != null && value !== '') return key;
  }
  return undefined;
}

/**
 * Text of a field that may be a string, a number, or an object wrapping one (Eventbrite's
 * `{text, html}`, `{name}`), or a one-element array of those. One level only, so hostile
 * nesting cannot recurse.
 */
function textOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) {
    const inner = v.text ?? v.name ?? v.title ?? v.label;
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/** A URL given as a string or as a link object (`{href}`, `{url}`), or the first of an array. */
export function urlOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    const inner = v.href ?? v.url;
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/**
 * Text that `collapseSpace` would change: whitespace other than a plain space, two spaces in a
 * row, or a space at either end. Most titles and names have none, and testing is cheaper than
 * rewriting them.
 */
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

/** A title or a name: plain text with entities decoded once, so markup stays literal text. */
export function plainText(value: unknown): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  return text.includes('&') || UNTIDY_SPACE.test(text) ? collapseSpace(decodeEntities(text)) : text;
}

/**
 * An organizer given as a string, an object with a name, or an array of those. A bare URL (an
 * ActivityPub actor id) is no name a person can read, so it is not used.
 */
export function organizerOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((v) => typeof v === 'string' || isObject(v)) : value;
  const name = typeof first === 'string' ? first : isObject(first) ? textOf(first.name) : undefined;
  return name && !/^https?:\/\/\S+$/i.test(name.trim()) ? plainText(name) : undefined;
}

/**
 * Reads a time as JSON feeds write it: a date string (floating times read in `sourceZone`, else
 * the display zone), or Eventbrite's `{timezone, local, utc}`. Numbers are refused: whether they
 * are seconds or milliseconds is a per-profile fact (Gancio has its own reader).
 */
export function readTime(value: unknown, ctx: ParseContext, sourceZone?: string): ParsedTime | undefined {
  if (typeof value === 'string') return parseDateText(value, ctx.timeZone, sourceZone);
  if (!isObject(value)) return undefined;
  const zone = typeof value.timezone === 'string' ? value.timezone : sourceZone;
  // `local` with its zone gives the same instant as `utc` and also records the source zone.
  return (
    (zone ? parseDateText(value.local, ctx.timeZone, zone) : undefined) ?? parseDateText(value.utc, ctx.timeZone) ?? parseDateText(value.local, ctx.timeZone, zone)
  );
}

/** Puts a description field where `finishEvent` expects it: markup as HTML, else plain text. */
export function addDescription(draft: EventDraft, value: unknown): void {
  if (isObject(value)) {
    // Eventbrite: `{text, html}`.
    if (typeof value.html === 'string') draft.descriptionHtml ??= value.html;
    if (typeof value.text === 'string') draft.description ??= value.text;
    return;
  }
  if (typeof value !== 'string' || !value.trim()) return;
  // Markup needs a `<`; looking for one is much cheaper than the markup pattern on long text.
  if (value.includes('<') && looksLikeHtml(value)) draft.descriptionHtml ??= value;
  else draft.description ??= value;
}

/**
 * A time the platform gives as a UTC instant beside an IANA zone of its own (Luma, The Events
 * Calendar, Mobilizon): the instant stays, the zone is recorded for display in the source zone.
 * All-day dates belong to no zone, so they are left alone.
 */
export function inZone(time: ParsedTime | undefined, zone: unknown): ParsedTime | undefined {
  if (time && !time.allDay && typeof zone === 'string' && isTimeZone(zone)) time.timeZone = zone;
  return time;
}
