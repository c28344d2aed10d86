/**
 * From XML feed text to documents, for the RSS/Atom parser: the XML parse (the browser's
 * DOMParser, or the DOM a runtime without one installs: dom.ts) with its repair of what
 * HTML-minded writers put in XML (named entities, bare ampersands), the refusal of entity
 * declarations, and the cutting of a feed of more than about 150 items into parts of
 * `ITEMS_PER_PART` items so that no single parse blocks the page for long: a parse is one task
 * that cannot pause, its time grows with the text (about 7 ms per 100 items in Chromium on the
 * project's 2-core machines), and faster than it on very big feeds (17 MB took 1.6 s whole).
 */
import {FeedError} from '../../events/model.js';
import {parseInertDocument} from '../../html/trusted-types.js';
import {installedDom, type XmlDocument, type XmlElement, type XmlParse} from '../dom.js';
import type {Steps} from '../steps.js';

/** Items per part: a part parses in a few milliseconds. */
export const ITEMS_PER_PART = 100;

/** Text shorter than this is never cut: `outline` is not worth running. */
const SPLIT_FROM = 32 * 1024;

/** One element seen by `outline`: where it starts, where its content is, where its children start. */
interface Span {
  name: string;
  contentStart: number;
  contentEnd: number;
  children: number[];
}

/**
 * The texts of the parts, or undefined when the feed is small or its shape is not one that
 * `readFeed` reads the same in parts: RSS 2.0 (`<rss>` holding one `<channel>`, cut between the
 * channel's children), RSS 1.0 (`<rdf:RDF>`) and Atom (`<feed>`), cut between the root's children.
 */
export function* splitFeed(text: string): Steps<string[] | undefined> {
  // Cheap test first: a feed this small has too few items to be cut (150 short items take more).
  if (text.length < SPLIT_FROM) return undefined;
  const shape = yield* outline(text);
  if (!shape) return undefined;
  const {root, kids} = shape;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  let container: Span;
  if (local(root.name) === 'rss') {
    if (kids.length !== 1 || local(kids[0].name) !== 'channel') return undefined;
    container = kids[0];
  } else if (local(root.name) === 'RDF' || local(root.name) === 'feed') {
    container = root;
  } else {
    return undefined;
  }
  const starts = container.children;
  if (starts.length <= ITEMS_PER_PART * 1.5) return undefined;
  const head = text.slice(0, container.contentStart);
  const tail = text.slice(container.contentEnd);
  const parts: string[] = [];
  for (let k = 0; k < starts.length; k += ITEMS_PER_PART) {
    const from = k === 0 ? container.contentStart : starts[k];
    const to = k + ITEMS_PER_PART < starts.length ? starts[k + ITEMS_PER_PART] : container.contentEnd;
    parts.push(head + text.slice(from, to) + tail);
  }
  return parts;
}

/**
 * The root element and its element children, each with the start offsets of its own element
 * children, read in one linear pass that knows just enough XML to find where elements start
 * and end: comments, CDATA sections, processing instructions and quoted attribute values are
 * skipped whole. Undefined when the text is not shaped like one element (it is then parsed
 * whole, and the XML parser reports what is wrong). A DOCTYPE with an internal subset is left
 * to the XML parser too.
 */
function* outline(text: string): Steps<{root: Span; kids: Span[]} | undefined> {
  const kids: Span[] = [];
  let root: Span | undefined;
  let depth = 0;
  let steps = 0;
  let i = text.indexOf('<');
  while (i >= 0) {
    if (++steps % 4096 === 0) yield;
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4) + 2;
      else if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9) + 2;
      else if (depth === 0 && !root && text.startsWith('<!DOCTYPE', i)) {
        end = tagEnd(text, i);
        if (end < 0 || text.slice(i, end).includes('[')) return undefined;
      } else return undefined;
      if (end < 2) return undefined;
    } else if (next === 0x3f /* ? */) {
      end = text.indexOf('?>', i + 2) + 1;
      if (end < 1) return undefined;
    } else if (next === 0x2f /* / */) {
      end = text.indexOf('>', i);
      if (end < 0 || depth === 0) return undefined;
      if (depth === 1) root!.contentEnd = i;
      else if (depth === 2) kids[kids.length - 1].contentEnd = i;
      depth--;
    } else {
      end = tagEnd(text, i);
      if (end < 0) return undefined;
      const empty = text.charCodeAt(end - 1) === 0x2f;
      if (depth <= 1) {
        const name = /^<([^\s/>]+)/.exec(text.slice(i, Math.min(end + 1, i + 200)))?.[1];
        if (!name) return undefined;
        const span: Span = {name, contentStart: end + 1, contentEnd: end + 1, children: []};
        if (depth === 0) {
          if (root) return undefined;
          root = span;
        } else {
          root!.children.push(i);
          kids.push(span);
        }
      } else if (depth === 2) {
        kids[kids.length - 1].children.push(i);
      }
      if (!empty) depth++;
    }
    i = text.indexOf('<', end + 1);
  }
  return root && depth === 0 ? {root, kids} : undefined;
}

/** The offset of the `>` that ends the tag starting at `start`, skipping quoted values; -1 if none. */
function tagEnd(text: string, start: number): number {
  for (let k = start + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3e) return k;
    if (c === 0x22 || c === 0x27) {
      k = text.indexOf(c === 0x22 ? '"' : "'", k + 1);
      if (k < 0) return -1;
    } else if (c === 0x3c) {
      return -1;
    }
  }
  return -1;
}

/**
 * Parses as XML; when that fails, tries once more after the usual repairs (HTML entities and
 * bare ampersands, which XML rejects and many feeds contain), then reports the parser's words.
 */
export function parseXml(text: string): XmlDocument | FeedError {
  const first = readXml(text);
  if (first.document) return first.document;
  const repaired = repairEntities(text);
  if (repaired !== text) {
    const second = readXml(repaired);
    if (second.document) return second.document;
  }
  return new FeedError('parse', 'invalid', `The feed is not well-formed XML: ${first.error}`);
}

/**
 * One parse, strict and namespace-aware (dom.ts: the installed DOM, else the browser's own inert
 * `DOMParser`): the document, or the parser's words on why the text is not well-formed XML.
 */
export function readXml(text: string): XmlParse {
  const dom = installedDom();
  if (dom) return dom.parseXml(text);
  const document = parseInertDocument(text, 'application/xml');
  const error = parserError(document);
  return error ? {error} : {document};
}

/** The markup of an element's children (Atom `type="xhtml"` content), as the DOM serialises XML. */
export function innerXml(element: XmlElement): string {
  return installedDom()?.innerXml(element) ?? (element as unknown as Element).innerHTML;
}

/** The browser parser's message ("error on line 3 at column 20: …"), or undefined when it parsed. */
function parserError(document: Document): string | undefined {
  const report = document.getElementsByTagName('parsererror')[0];
  if (!report) return undefined;
  const text = (report.textContent ?? '').replace(/\s+/g, ' ').trim();
  return /error on line[^]*?(?=Below is|$)/i.exec(text)?.[0].trim() || text || 'unknown error';
}

// Named HTML entities XML does not know, as code points. Unknown names are kept as literal text.
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160,
  iexcl: 161,
  cent: 162,
  pound: 163,
  yen: 165,
  sect: 167,
  copy: 169,
  ordf: 170,
  laquo: 171,
  shy: 173,
  reg: 174,
  deg: 176,
  para: 182,
  middot: 183,
  ordm: 186,
  raquo: 187,
  iquest: 191,
  times: 215,
  Auml: 196,
  Aring: 197,
  AElig: 198,
  Eacute: 201,
  Ouml: 214,
  Oslash: 216,
  Uuml: 220,
  szlig: 223,
  agrave: 224,
  aacute: 225,
  acirc: 226,
  atilde: 227,
  auml: 228,
  aring: 229,
  aelig: 230,
  ccedil: 231,
  egrave: 232,
  eacute: 233,
  ecirc: 234,
  iacute: 237,
  ntilde: 241,
  oacute: 243,
  ocirc: 244,
  otilde: 245,
  ouml: 246,
  oslash: 248,
  uacute: 250,
  uuml: 252,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  bull: 8226,
  hellip: 8230,
  prime: 8242,
  euro: 8364,
  trade: 8482,
};
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Rewrites what XML rejects but HTML-minded feed writers produce: named HTML entities become
 * numeric ones, unknown names and bare `&` become `&amp;`. CDATA sections are left alone, since
 * there `&nbsp;` is already literal text.
 */
export function repairEntities(text: string): string {
  return text
    .split(/(<!\[CDATA\[[^]*?\]\]>)/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/&(?:([A-Za-z][A-Za-z0-9]*);|(#\d+;|#x[0-9a-fA-F]+;))?/g, (match, name?: string, numeric?: string) => {
            if (numeric) return match;
            if (name && XML_ENTITIES.has(name)) return match;
            if (name && name in HTML_ENTITIES) return `&#${HTML_ENTITIES[name]};`;
            return `&amp;${match.slice(1)}`;
          })
    )
    .join('');
}

/** Whether the prolog has a DOCTYPE internal subset that declares entities. */
export function declaresEntities(text: string): boolean {
  const doctype = text.indexOf('<!DOCTYPE');
  if (doctype < 0) return false;
  // The DOCTYPE must come before the root element; look only up to the first element start.
  const firstElement = text.slice(0, doctype).search(/<[A-Za-z_]/);
  if (firstElement >= 0) return false;
  const subsetEnd = text.indexOf(']>', doctype);
  return text.slice(doctype, subsetEnd < 0 ? text.indexOf('>', doctype) : subsetEnd).includes('<!ENTITY');
}
