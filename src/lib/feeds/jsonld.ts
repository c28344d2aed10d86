/**
 * schema.org `Event` in JSON-LD: a JSON document, or an HTML page with one or many
 * `<script type="application/ld+json">` blocks (each an object, an array or an `@graph`). The
 * page is read by an HTML parser through feeds/dom.ts (the browser's inert DOMParser, or parse5
 * where there is no DOM), which runs no script and loads nothing. Broken blocks are
 * common in the wild (comments, CDATA wrappers, raw control characters): a block `JSON.parse`
 * refuses is mended and read again (`parseJsonBlock`), and one bad block only skips itself.
 */
import {FeedError, SkipItem, type CalendarEvent, type EventDraft, type ParseContext, type ParseResult, type Place, type SkippedItem} from '../events/model.js';
import {finishEvent} from '../events/normalise.js';
import {addDaysIn, parseDateText, type ParsedTime} from '../time.js';
import {installedDom} from './dom.js';
import {parseInertDocument} from '../html/trusted-types.js';
import type {FeedReader} from './reader.js';
import {runSync, type Steps} from './steps.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);
const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : isObject(value) && typeof value['@value'] === 'string'
        ? value['@value']
        : undefined;

/** Any `@type` ending in "Event" (MusicEvent, Festival is not, EducationEvent is). */
function isEventType(node: Json): boolean {
  return asArray(node['@type']).some((type) => typeof type === 'string' && /event$/i.test(type.replace(/^.*[/#:]/, '')));
}

/**
 * A block's JSON value. `JSON.parse` alone reads it whenever it is valid JSON, so a valid block
 * is never altered: text such as `/*`, `*\/` or `//` inside a string is the string's own (a
 * hand-made comment stripper that ran first lost events and rewrote descriptions). Only a block
 * `JSON.parse` refuses goes through `looseJson`, and only if that makes it valid.
 */
export function parseJsonBlock(block: string): unknown {
  try {
    return JSON.parse(block);
  } catch {
    return JSON.parse(looseJson(block));
  }
}

/**
 * What breaks `JSON.parse` in real pages, mended without touching any string's contents: a
 * CDATA wrapper, `//` and `/* *\/` comments and stray control characters between values are
 * dropped; a raw line break or tab inside a string becomes its escape (`\n`, the same text once
 * parsed). It reads the block as JSON's tokenizer does, knowing at each character whether it is
 * inside a string, which is what no regular expression over the whole block can know.
 */
export function looseJson(block: string): string {
  const text = block
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>$/, '');
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') {
        out += ch + (text[++i] ?? '');
        continue;
      }
      if (ch === '"') inString = false;
      const code = ch.charCodeAt(0);
      out += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      out += ' ';
      continue;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
      continue;
    } else if (ch.charCodeAt(0) < 0x20) {
      out += ' ';
      continue;
    }
    out += ch;
  }
  return out;
}

/** The JSON values in a JSON-LD document or in an HTML page's ld+json blocks. */
function* readBlocks(source: string): Steps<{values: unknown[]; broken: number}> {
  const trimmed = source.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return {values: [JSON.parse(trimmed)], broken: 0};
    } catch {
      return {values: [], broken: 1};
    }
  }
  const values: unknown[] = [];
  let broken = 0;
  for (const part of yield* pageParts(source)) {
    yield;
    for (const block of ldJsonBlocks(part)) {
      yield;
      try {
        values.push(parseJsonBlock(block));
      } catch {
        broken++;
      }
    }
  }
  return {values, broken};
}

/**
 * The text of every `<script type="application/ld+json">` of an HTML page, in document order,
 * read by an HTML parser (dom.ts: the installed DOM, else the browser's own inert `DOMParser`).
 */
export function ldJsonBlocks(html: string): string[] {
  const dom = installedDom();
  if (dom) return dom.ldJsonBlocks(html);
  const document = parseInertDocument(html, 'text/html');
  return Array.from(document.querySelectorAll('script[type="application/ld+json" i]'), (script) => script.textContent ?? '');
}

/** Above this size a page is not parsed whole (5 MB of HTML hold the page for a tenth of a second). */
export const BIG_PAGE = 512 * 1024;
const SCRIPTS_PER_PART = 200;

/**
 * The HTML to parse: a small page whole; of a big one only its `<script>` elements (those not
 * inside comments), a few hundred per part, each part parsed when its turn comes. The HTML parser
 * still decides which of them are ld+json and what their text is. The cut is by pattern, as
 * `flattenHtml` does for pages with too many tags: a `<script>` written as text inside a
 * `<textarea>` or `<title>` of a big page would be read as a block.
 */
function* pageParts(source: string): Steps<string[]> {
  if (source.length < BIG_PAGE) return [source];
  // Left to right, as the HTML tokenizer reads: a comment hides the scripts in it, a script's
  // text (which may say `<!--`) is taken whole.
  const scripts: string[] = [];
  let seen = 0;
  for (const m of source.matchAll(/<!--[^]*?(?:-->|$)|(<script\b[^>]*>[^]*?(?:<\/script\s*>|$))/gi)) {
    if (m[1]) scripts.push(m[1]);
    if (++seen % 1000 === 0) yield;
  }
  const parts: string[] = [];
  for (let k = 0; k < scripts.length; k += SCRIPTS_PER_PART) parts.push(scripts.slice(k, k + SCRIPTS_PER_PART).join('\n'));
  return parts;
}

/** Every node typed as an Event, walking arrays and `@graph`, at a bounded depth. */
function collectEvents(value: unknown, found: Json[], depth = 0): void {
  if (depth > 8) return;
  if (Array.isArray(value)) return value.forEach((item) => collectEvents(item, found, depth + 1));
  if (!isObject(value)) return;
  if (isEventType(value)) found.push(value);
  else if (value['@graph']) collectEvents(value['@graph'], found, depth + 1);
}

function addressText(address: unknown): string | undefined {
  if (typeof address === 'string') return address.trim() || undefined;
  if (!isObject(address)) return undefined;
  const parts = ['streetAddress', 'postalCode', 'addressLocality', 'addressRegion', 'addressCountry']
    .map((key) => text(isObject(address[key]) ? (address[key] as Json).name : address[key])?.trim())
    .filter(Boolean);
  return [...new Set(parts)].join(', ') || undefined;
}

function readLocation(location: unknown): {names: string[]; place: Place} {
  const names: string[] = [];
  const place: Place = {};
  for (const item of asArray(location)) {
    if (typeof item === 'string') {
      names.push(item);
      continue;
    }
    if (!isObject(item)) continue;
    const types = asArray(item['@type']).map(String);
    if (types.includes('VirtualLocation')) {
      place.online ??= text(item.url);
      continue;
    }
    const name = text(item.name);
    if (name) names.push(name);
    place.name ??= name;
    place.address ??= addressText(item.address);
    const geo = isObject(item.geo) ? item.geo : undefined;
    const lat = Number(geo?.latitude);
    const lon = Number(geo?.longitude);
    if (geo && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      place.lat = lat;
      place.lon = lon;
    }
  }
  if (!names.length && place.address) names.push(place.address);
  return {names, place: Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)) as Place};
}

function imageUrl(image: unknown): string | undefined {
  const first = asArray(image)[0];
  return text(first) ?? (isObject(first) ? (text(first.url) ?? text(first.contentUrl)) : undefined);
}

function names(value: unknown): string[] {
  return asArray(value)
    .map((item) => (isObject(item) ? text(item.name) : text(item)))
    .filter((name): name is string => Boolean(name?.trim()));
}

/** schema.org's date-only `endDate` is the last day of the event; the model's end is exclusive. */
function inclusiveEnd(end: ParsedTime | undefined, ctx: ParseContext): ParsedTime | undefined {
  return end?.allDay ? {...end, date: addDaysIn(end.date, 1, ctx.timeZone)} : end;
}

function toDraft(node: Json, ctx: ParseContext): EventDraft {
  const zone = text(node.scheduleTimezone) ?? undefined;
  const {names: locations, place} = readLocation(node.location);
  const keywords = node.keywords;
  const description = text(node.description);
  return {
    id: text(node['@id']) ?? text(node.identifier),
    title: text(node.name),
    start: parseDateText(text(node.startDate), ctx.timeZone, zone),
    end: inclusiveEnd(parseDateText(text(node.endDate), ctx.timeZone, zone), ctx),
    url: text(node.url) ?? (isObject(node.url) ? text((node.url as Json)['@id']) : undefined),
    description: description && !/<[a-z]/i.test(description) ? description : undefined,
    descriptionHtml: description && /<[a-z]/i.test(description) ? description : undefined,
    categories: typeof keywords === 'string' ? keywords.split(',') : names(keywords),
    locations,
    place,
    organizer: names(node.organizer).join(', ') || undefined,
    image: imageUrl(node.image),
    status: text(node.eventStatus)
      ?.replace(/^.*[/#:]/, '')
      .replace(/^Event/, ''),
  };
}

/** Reads JSON-LD (a document, or a page's ld+json blocks) in one go. */
export function parseJsonLd(source: string, ctx: ParseContext): ParseResult {
  return runSync(jsonLdSteps(source, ctx));
}

/** This module as feeds/index.ts loads every format's reader. */
export const reader: FeedReader = {steps: jsonLdSteps};

/** `parseJsonLd` as steps (see steps.ts): it may pause after each block and each event. */
export function* jsonLdSteps(source: string, ctx: ParseContext): Steps<ParseResult> {
  const {values, broken} = yield* readBlocks(source);
  if (!values.length) {
    return broken
      ? new FeedError('parse', 'invalid', 'The JSON-LD on this page is damaged and could not be read.')
      : new FeedError('parse', 'not-a-feed', 'This page has no schema.org Event data (no application/ld+json blocks).');
  }
  const nodes: Json[] = [];
  values.forEach((value) => collectEvents(value, nodes));
  const events: CalendarEvent[] = [];
  const skipped: SkippedItem[] = [];
  for (let i = 0; i < broken; i++) skipped.push({index: -1, reason: 'a JSON-LD block is not valid JSON'});
  for (let index = 0; index < nodes.length; index++) {
    yield;
    try {
      events.push(finishEvent(toDraft(nodes[index], ctx), ctx));
    } catch (error) {
      if (!(error instanceof SkipItem)) throw error;
      skipped.push({index, reason: error.message});
    }
  }
  if (!events.length && !skipped.length) {
    return new FeedError('parse', 'not-a-feed', 'The JSON-LD on this page describes no events.');
  }
  return {format: 'jsonld', events, skipped};
}
