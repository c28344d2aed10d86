/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom (RFC 4287) to events, read through the standard DOM interface
 * of a namespace-aware XML parser (the browser's `DOMParser`, or @xmldom/xmldom where there is
 * none: dom.ts, xml-text.ts). Feeds are about publication; the event date lives in extension
 * namespaces, so every field is looked up by namespace URI and local name, never by prefix
 * (SIDEARM writes `ev:`, others `event:` or anything else).
 *
 * Where the start comes from, first match wins:
 *   1. Gnistor `gnistor:startdate`/`enddate` (RFC 822)
 *   2. mod_event `ev:startdate`/`enddate` (W3CDTF)
 *   3. xCal `dtstart`/`dtend`
 *   4. Google GData `gd:when startTime/endTime`
 *   5. Gancio's old RSS title `[2023-08-19] Title @Place`
 *   6. RSS `pubDate` / RDF `dc:date`: what Hugo, WordPress and newer Gancio feeds write for events.
 * Atom has no such last resort: an Atom feed without event dates is a blog (Mobilizon's group
 * feed is one), and `published` would show posting days as event days, so it is refused with
 * a message pointing at the calendar's ICS feed.
 *
 * Text decoding, decided against the SIDEARM fixture: titles are plain text and are decoded
 * exactly once, by the XML parser (`Women&#39;s` → "Women's", `Golf &amp; CC` → "Golf & CC").
 * RSS descriptions are HTML by the RSS spec, so after the XML layer they go through the HTML
 * layer once more: SIDEARM's `&amp;amp;sport_id` is XML for the HTML `&amp;sport_id`, which a
 * person reads as "&sport_id". Decoding a title a second time would instead turn a title that
 * talks about `&lt;b&gt;` into markup-looking text it never said.
 */
import {FeedError, SkipItem, type CalendarEvent, type EventDraft, type ParseContext, type ParseResult, type Place, type SkippedItem} from '../../events/model.js';
import {absoluteHttpUrl, finishEvent} from '../../events/normalise.js';
import {htmlToText} from '../../events/text.js';
import {addDaysIn, parseDateText, wallClockToInstant, type ParsedTime} from '../../time.js';
import type {XmlDocument, XmlElement} from '../dom.js';
import type {FeedReader} from '../reader.js';
import {runSync, type Steps} from '../steps.js';
import {declaresEntities, innerXml, parseXml, readXml, repairEntities, splitFeed} from './xml-text.js';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  ev: 'http://purl.org/rss/1.0/modules/event/',
  xcal: 'urn:ietf:params:xml:ns:xcal',
  gnistor: 'https://www.gnistor.se/om',
  gd: 'http://schemas.google.com/g/2005',
  media: 'http://search.yahoo.com/mrss/',
  georss: 'http://www.georss.org/georss',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

const NO_EVENT_DATES =
  "This Atom feed lists posts, not event dates, so feedcal cannot tell when anything happens. If it comes from an event calendar (Mobilizon, Gancio, …), use the calendar's ICS feed (e.g. /feed/ics) instead.";

/** Reads an RSS, RDF or Atom feed in one go. */
export function parseRss(text: string, ctx: ParseContext): ParseResult {
  return runSync(rssSteps(text, ctx));
}

/** This module as feeds/index.ts loads every format's reader. */
export const reader: FeedReader = {steps: rssSteps};

/**
 * `parseRss` as steps (see steps.ts). A feed of more than about 150 items is not parsed as one
 * document, since one parse is one task that cannot pause: `splitFeed` cuts the text between
 * items into parts of `ITEMS_PER_PART` items, each wrapped in the feed's own prolog, root and
 * channel start tags (namespace declarations and `xml:base` included) and end tags; each part is
 * a small document, parsed when its turn comes, with pauses between parts and between items.
 * When a part is not well-formed (then neither is the whole) the usual repairs are tried once;
 * when the feed's shape is unusual, or it is broken after all, the whole text is parsed as one
 * document.
 */
export function* rssSteps(text: string, ctx: ParseContext): Steps<ParseResult> {
  if (declaresEntities(text)) {
    // Entity declarations are how "billion laughs" blows a few hundred bytes up into gigabytes
    // of text. Chromium's parser does not fetch external entities and libxml2 caps expansion,
    // but other engines and future builds may not, and no real feed needs its own entities:
    // refusing them costs nothing and keeps the page safe in every browser.
    return new FeedError('parse', 'invalid', 'The feed declares its own XML entities (<!ENTITY>), which feedcal refuses to expand for safety.');
  }
  if (!text.trim()) return new FeedError('parse', 'empty', 'The feed is empty.');
  let source = text;
  for (let attempt = 0; attempt < 2; attempt++) {
    const parts = yield* splitFeed(source);
    if (!parts) break;
    const result = yield* readFeed(parts.length, (k) => readXml(parts[k]).document, ctx);
    if (result) return result;
    // A part is not well-formed: the whole is not either. Try the usual repairs once.
    if (attempt) break;
    const repaired = repairEntities(text);
    if (repaired === text) break;
    source = repaired;
  }
  // One document: small feeds, unusual shapes, and broken feeds (whose error message should
  // name the line of the whole text).
  const parsed = parseXml(text);
  if (parsed instanceof FeedError) return parsed;
  return (yield* readFeed(1, () => parsed, ctx))!;
}

/**
 * Reads the feed from `count` documents (parts of one feed, in order), each made when its turn
 * comes. Undefined when a part could not be parsed.
 */
function* readFeed(count: number, part: (k: number) => XmlDocument | undefined, ctx: ParseContext): Steps<ParseResult | undefined> {
  const events: CalendarEvent[] = [];
  const skipped: SkippedItem[] = [];
  let eventDated = 0;
  let index = 0;
  let kind: FeedKind | undefined;
  let feedTitle: string | undefined;
  let titleSeen = false;
  for (let k = 0; k < count; k++) {
    if (k) yield;
    const doc = part(k);
    if (!doc) return undefined;
    const root = doc.documentElement;
    kind = feedKind(root);
    if (!kind) {
      return new FeedError('parse', 'not-a-feed', `The XML document is not RSS or Atom (its root element is <${root.nodeName}>).`);
    }
    // RSS 2.0's <channel> has no namespace, RSS 1.0's is in the RSS 1.0 (or 0.90) namespace.
    const found = kind === 'atom' ? root : Array.from(root.children).find((el) => el.localName === 'channel');
    const channel = found ?? root;
    const items = kind === 'atom' ? children(root, root.namespaceURI, 'entry') : feedItems(root, channel, kind);
    // The feed's title is the first <title> of its channel, in whichever part the channel has it.
    const titleElement = !titleSeen && (found || count === 1) ? firstChild(channel, channel.namespaceURI, 'title') : undefined;
    if (titleElement) {
      titleSeen = true;
      feedTitle = collapse(titleElement.textContent ?? '') || undefined;
    }
    for (const item of items) {
      yield;
      try {
        const {draft, fromEventNamespace} = readItem(item, kind, ctx);
        if (fromEventNamespace) eventDated++;
        events.push(finishEvent(draft, ctx));
      } catch (error) {
        skipped.push({index, reason: error instanceof SkipItem ? error.message : `unreadable item: ${(error as Error).message}`});
      }
      index++;
    }
  }
  if (kind === 'atom' && index && !eventDated) return new FeedError('parse', 'no-event-dates', NO_EVENT_DATES);
  return {format: kind === 'atom' ? 'atom' : 'rss', events, skipped, title: feedTitle};
}

// ---------------------------------------------------------------------------------------------
// The document

type FeedKind = 'rss' | 'rdf' | 'atom';

function feedKind(root: XmlElement): FeedKind | undefined {
  // RSS 2.0 has no namespace, but a few writers add a default one (UserLand's rss2); items then share it.
  if (root.localName === 'rss') return 'rss';
  if (root.localName === 'RDF' && root.namespaceURI === NS.rdf) return 'rdf';
  if (root.localName === 'feed' && (root.namespaceURI === NS.atom || root.namespaceURI === NS.atom03)) return 'atom';
  return undefined;
}

function feedItems(root: XmlElement, channel: XmlElement, kind: FeedKind): XmlElement[] {
  if (kind === 'rdf') return Array.from(root.children).filter((el) => el.localName === 'item');
  // RSS 2.0 items live in <channel>; a few 0.9x-style feeds put them beside it.
  const inChannel = children(channel, channel.namespaceURI, 'item');
  return inChannel.length ? inChannel : children(root, root.namespaceURI, 'item');
}

// ---------------------------------------------------------------------------------------------
// One item

/**
 * Child elements of one item, grouped by local name, built once per item. Lookups by local name
 * alone, then namespace, spare building a "namespace name" key string per child and per lookup.
 */
class Fields {
  private readonly byName = new Map<string, XmlElement[]>();

  constructor(readonly item: XmlElement) {
    for (const el of item.children) {
      const list = this.byName.get(el.localName);
      if (list) list.push(el);
      else this.byName.set(el.localName, [el]);
    }
  }

  all(ns: string | null, name: string): XmlElement[] {
    const list = this.byName.get(name);
    return list ? list.filter((el) => sameNamespace(el, ns)) : [];
  }

  first(ns: string | null, name: string): XmlElement | undefined {
    return this.byName.get(name)?.find((el) => sameNamespace(el, ns));
  }

  /** Trimmed text of the first such element, or undefined when absent or empty. */
  text(ns: string | null, name: string): string | undefined {
    return this.first(ns, name)?.textContent?.trim() || undefined;
  }
}

function sameNamespace(el: XmlElement, ns: string | null): boolean {
  return (el.namespaceURI ?? '') === (ns ?? '');
}

interface ItemReading {
  draft: EventDraft;
  /** The start came from an event vocabulary rather than a publication date. */
  fromEventNamespace: boolean;
}

function readItem(item: XmlElement, kind: FeedKind, ctx: ParseContext): ItemReading {
  const f = new Fields(item);
  const core = item.namespaceURI; // RSS 2.0: none; RSS 1.0: rss1 (or 0.90); Atom: atom
  const draft: EventDraft = {categories: [], locations: []};
  const categories = draft.categories as string[];
  const locations = draft.locations as string[];

  draft.title = kind === 'atom' ? atomText(f.first(core, 'title')) : (f.first(core, 'title')?.textContent ?? undefined);
  readLinkAndId(f, item, kind, core, ctx, draft);
  readDescription(f, kind, core, draft);

  // Categories: RSS text, Atom label/term; Trumba misuses <category> for a date ("2016/02/18 (Thu)").
  for (const el of f.all(core, 'category')) {
    // GData marks every entry with a `#kind` category; that says "this is an event", not a topic.
    if (/#kind$/.test(el.getAttribute('scheme') ?? '')) continue;
    const value = kind === 'atom' ? el.getAttribute('label') || el.getAttribute('term') : el.textContent;
    if (value && !/^\s*\d{4}\/\d{2}\/\d{2}\b/.test(value)) categories.push(value);
  }
  for (const el of f.all(NS.dc, 'subject')) categories.push(el.textContent ?? '');
  for (const el of f.all(NS.ev, 'type')) categories.push(el.textContent ?? '');
  for (const el of f.all(NS.xcal, 'categories')) categories.push(el.textContent ?? '');
  categories.push(...lines(f.text(NS.gnistor, 'forms')));

  locations.push(...lines(f.text(NS.gnistor, 'locations')));
  for (const el of f.all(NS.ev, 'location')) locations.push(el.textContent ?? '');
  for (const el of f.all(NS.xcal, 'location')) locations.push(xcalValue(el) ?? '');
  for (const el of f.all(NS.gd, 'where')) locations.push(el.getAttribute('valueString') ?? '');

  const {start, end, fromEventNamespace} = readDates(f, kind, core, ctx, draft, locations);
  draft.start = start;
  draft.end = end;

  draft.organizer =
    f.text(NS.gnistor, 'organizer') ??
    f.text(NS.ev, 'organizer') ??
    f
      .all(NS.gd, 'who')
      .find((el) => /event\.organizer$/.test(el.getAttribute('rel') ?? ''))
      ?.getAttribute('valueString') ??
    // A post's author is who typed it, not who holds the event; only an event feed's author
    // is likely to be the organiser.
    (fromEventNamespace ? authorName(f, kind, core) : undefined) ??
    undefined;

  draft.image = readImage(f, item, kind, core, ctx);
  draft.place = readPlace(f, locations);
  draft.status = f.first(NS.gd, 'eventStatus')?.getAttribute('value') ?? f.text(NS.ev, 'status') ?? xcalValue(f.first(NS.xcal, 'status'));
  return {draft, fromEventNamespace};
}

function readLinkAndId(f: Fields, item: XmlElement, kind: FeedKind, core: string | null, ctx: ParseContext, draft: EventDraft): void {
  if (kind === 'atom') {
    const links = f.all(core, 'link');
    const alternate =
      links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && /html/i.test(l.getAttribute('type') ?? 'text/html')) ??
      links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
    draft.url = resolveAgainstBase(alternate, alternate?.getAttribute('href'), ctx);
    draft.id = f.text(core, 'id');
    return;
  }
  const guid = f.first(core, 'guid');
  const link = f.text(core, 'link');
  const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guid.textContent?.trim() : undefined;
  // Feedburner rewrites <link> to a click-counting redirect and keeps the real page here.
  const url = f.text(NS.feedburner, 'origLink') ?? link ?? permalink;
  draft.url = resolveAgainstBase(item, url, ctx);
  draft.id = guid?.textContent?.trim() || item.getAttributeNS(NS.rdf, 'about') || draft.url;
}

function readDescription(f: Fields, kind: FeedKind, core: string | null, draft: EventDraft): void {
  if (kind === 'atom') {
    const el = f.first(core, 'content') ?? f.first(core, 'summary');
    if (!el || el.hasAttribute('src')) return;
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'xhtml') {
      const div = Array.from(el.children).find((c) => c.localName === 'div') ?? el;
      draft.descriptionHtml = innerXml(div);
    } else if (type === 'html' || type === 'text/html') {
      draft.descriptionHtml = el.textContent ?? undefined;
    } else {
      draft.description = el.textContent ?? undefined;
    }
    return;
  }
  // RSS descriptions are HTML (escaped or in CDATA); finishEvent derives the plain text and keeps
  // the HTML only when there is markup.
  draft.descriptionHtml = f.text(NS.content, 'encoded') ?? f.text(core, 'description');
}

interface Dates {
  start?: ParsedTime;
  end?: ParsedTime;
  fromEventNamespace: boolean;
}

function readDates(f: Fields, kind: FeedKind, core: string | null, ctx: ParseContext, draft: EventDraft, locations: string[]): Dates {
  const zone = ctx.timeZone;
  const pair = (label: string, startText: string | undefined, endText: string | undefined, inclusiveDateEnd: boolean): Dates => {
    const start = parseDateText(startText, zone);
    if (!start) throw new SkipItem(`"${collapse(draft.title)}": ${label} start ${JSON.stringify(startText)} is not a date`);
    let end = parseDateText(endText, zone);
    // SIDEARM gives date-only starts with date-time ends a few hours into the day: a type
    // mismatch, not a duration. An all-day start keeps only an all-day end.
    if (end && start.allDay && !end.allDay) end = undefined;
    // mod_event and Gnistor write the last day; the model's end is exclusive.
    if (end?.allDay && inclusiveDateEnd) end = {...end, date: addDaysIn(end.date, 1, zone)};
    return {start, end, fromEventNamespace: true};
  };

  const gnistorStart = f.text(NS.gnistor, 'startdate');
  if (gnistorStart) return pair('gnistor:startdate', gnistorStart, f.text(NS.gnistor, 'enddate'), true);
  const evStart = f.text(NS.ev, 'startdate');
  if (evStart) return pair('ev:startdate', evStart, f.text(NS.ev, 'enddate'), true);
  const xcalStart = xcalValue(f.first(NS.xcal, 'dtstart'));
  if (xcalStart) {
    // xCal is iCalendar: a date-only DTEND is already exclusive.
    return pair('xCal dtstart', xcalStart, xcalValue(f.first(NS.xcal, 'dtend')), false);
  }
  const when = f.first(NS.gd, 'when');
  if (when) return pair('gd:when', when.getAttribute('startTime') ?? undefined, when.getAttribute('endTime') ?? undefined, false);

  if (kind === 'atom') {
    // Reached only inside a feed whose other entries have event dates (else the whole feed is
    // refused): typically a GData series with only gd:recurrence. Its `published` date is when
    // it was posted, which would put it on the wrong day, so it is skipped.
    throw new SkipItem(`"${collapse(draft.title)}" has no event date (only publication dates)`);
  }

  const gancio = gancioTitle(draft.title, f.text(core, 'description'), zone);
  if (gancio) {
    draft.title = gancio.title;
    if (gancio.place) locations.push(gancio.place);
    return {start: gancio.start, fromEventNamespace: false};
  }
  const published = f.text(core, 'pubDate') ?? f.text(NS.dc, 'date');
  if (!published) return {fromEventNamespace: false};
  const start = parseDateText(published, zone);
  if (!start) throw new SkipItem(`"${collapse(draft.title)}": pubDate ${JSON.stringify(published)} is not a date`);
  return {start, fromEventNamespace: false};
}

/**
 * Gancio's RSS (before 1.x) put the event day only in the title: `[2023-08-19] Title @Place`,
 * older still `[19-08-23] Title @Place` (D-MM-YY). The start time is only in the description,
 * in the instance's language and zone, 24-hour: `<small>(torsdag, 12 mars 18:00)</small>`. With
 * it the day becomes a timed start; without it the event stays a whole day, not a guessed time.
 */
function gancioTitle(title: string | undefined, description: string | undefined, zone: string): {title: string; start: ParsedTime; place?: string} | undefined {
  const m = /^\s*\[(\d{4})-(\d{2})-(\d{2})\]\s*([^]*)$/.exec(title ?? '') ?? /^\s*\[(\d{1,2})-(\d{2})-(\d{2})\]\s*([^]*)$/.exec(title ?? '');
  if (!m) return undefined;
  const long = m[1].length === 4;
  const [year, month, day] = long ? [+m[1], +m[2], +m[3]] : [2000 + +m[3], +m[2], +m[1]];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = /<small>\([^()<]*?\b(\d{1,2})[:.](\d{2})\)<\/small>/i.exec(description ?? '');
  const timed = time !== null && +time[1] < 24 && +time[2] < 60;
  const start = {date: wallClockToInstant(year, month, day, timed ? +time[1] : 0, timed ? +time[2] : 0, 0, 0, zone), allDay: !timed};
  const at = /^([^]*?)\s+@\s*([^@]+)$/.exec(m[4]);
  return at ? {title: at[1], start, place: at[2].trim()} : {title: m[4], start};
}

function authorName(f: Fields, kind: FeedKind, core: string | null): string | undefined {
  if (kind === 'atom')
    return (
      f
        .first(core, 'author')
        ?.getElementsByTagNameNS(core ?? '', 'name')[0]
        ?.textContent?.trim() || undefined
    );
  const creator = f.text(NS.dc, 'creator');
  if (creator) return creator;
  // RSS <author> is "mail@example.org (Name)" by the spec; a bare address names nobody.
  const author = f.text(core, 'author');
  const named = author && /\(([^)]+)\)/.exec(author)?.[1];
  return named || (author && !author.includes('@') ? author : undefined);
}

function readImage(f: Fields, item: XmlElement, kind: FeedKind, core: string | null, ctx: ParseContext): string | undefined {
  const isImage = (el: XmlElement) => /^image\//i.test(el.getAttribute('type') ?? '');
  const candidates: Array<[XmlElement, string | null]> = [];
  if (kind === 'atom') {
    for (const link of f.all(core, 'link')) if (link.getAttribute('rel') === 'enclosure' && isImage(link)) candidates.push([link, link.getAttribute('href')]);
  }
  for (const el of f.all(core, 'enclosure')) if (isImage(el)) candidates.push([el, el.getAttribute('url')]);
  // media:content may sit inside media:group, so look at descendants (still linear in the item).
  for (const el of Array.from(item.getElementsByTagNameNS(NS.media, 'content'))) {
    if (isImage(el) || el.getAttribute('medium') === 'image') candidates.push([el, el.getAttribute('url')]);
  }
  for (const el of Array.from(item.getElementsByTagNameNS(NS.media, 'thumbnail'))) candidates.push([el, el.getAttribute('url')]);
  for (const [el, url] of candidates) {
    const resolved = resolveAgainstBase(el, url, ctx);
    if (resolved) return resolved;
  }
  return undefined;
}

function readPlace(f: Fields, locations: string[]): Place | undefined {
  const place: Place = {};
  const point = f.text(NS.georss, 'point')?.split(/[\s,]+/);
  const [lat, lon] = (point ?? [f.text(NS.geo, 'lat'), f.text(NS.geo, 'long')]).map((v) => (v ? Number(v) : NaN));
  if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    place.lat = lat;
    place.lon = lon;
  }
  const name = locations.map((l) => collapse(l)).find(Boolean);
  if (name) place.name = name;
  return Object.keys(place).length ? place : undefined;
}

// ---------------------------------------------------------------------------------------------
// Small readers

function children(parent: XmlElement, ns: string | null, name: string): XmlElement[] {
  return Array.from(parent.children).filter((el) => el.localName === name && (el.namespaceURI ?? null) === ns);
}

function firstChild(parent: XmlElement, ns: string | null, name: string): XmlElement | undefined {
  return children(parent, ns, name)[0];
}

/** Atom text constructs: `type="html"` holds escaped HTML, `xhtml` a div; the result is plain text. */
function atomText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'html') return htmlToText(el.textContent ?? '');
  return el.textContent ?? undefined;
}

/**
 * An xCal property's value: RFC 6321 nests it (`<dtstart><date-time>…</date-time></dtstart>`),
 * older xCal in RSS (Trumba) writes it as the element's text.
 */
function xcalValue(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const value = Array.from(el.children).find((c) => c.localName !== 'parameters');
  return (value ?? el).textContent?.trim() || undefined;
}

/** Non-empty trimmed lines: Gnistor writes one list value per line, values may contain spaces. */
function lines(text: string | undefined): string[] {
  return text
    ? text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

function collapse(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Resolves `value` against the element's `xml:base` chain and the feed URL; http(s) only. */
function resolveAgainstBase(el: XmlElement | undefined, value: string | null | undefined, ctx: ParseContext): string | undefined {
  if (!value?.trim()) return undefined;
  const bases: string[] = [];
  for (let node: XmlElement | null = el ?? null; node; node = node.parentElement) {
    const base = node.getAttributeNS(NS.xml, 'base');
    if (base) bases.push(base);
  }
  let base = ctx.source;
  for (const b of bases.reverse()) base = absoluteHttpUrl(b, base) ?? base;
  return absoluteHttpUrl(value, base);
}
