/**
 * A small, strict XML reader for the RSS/Atom parser. The browser's XML parser (`DOMParser`)
 * spends about 300 ms on a 4 MB feed building DOM nodes that are read once and thrown away; this
 * reader scans the same text in about a tenth of that time and builds light elements that answer
 * the few questions rss.ts asks, with the same members and answers as DOM's `Element`
 * (`XmlElement` below is the subset both provide).
 *
 * It reads only what it can read exactly as the XML parser does, and gives up (undefined) on
 * everything else, so the caller falls back to `DOMParser`, which reads the same tree: a DOCTYPE,
 * entities other than XML's five and character references, names outside ASCII, an XML
 * declaration other than version 1.0, characters XML forbids, Atom `type="xhtml"` content (whose
 * `innerHTML` would need the DOM's serialiser), and any well-formedness error (the DOM path then
 * repairs or reports it).
 *
 * Nothing read here goes through `defuseInlineCode`, which the DOM path applies to the whole text
 * before parsing because Chrome checks the page's CSP even in an inert document: no document is
 * made here, and description HTML is defused where it is parsed (purify.ts, htmlToText).
 */
import {tagEnd} from './xml-text.js';
import type {Steps} from './steps.js';

/** What rss.ts reads of an element: DOM's `Element` has all of it, and so has `LightElement`. */
export interface XmlElement {
  readonly nodeName: string;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly children: ArrayLike<XmlElement> & Iterable<XmlElement>;
  readonly parentElement: XmlElement | null;
  readonly textContent: string | null;
  readonly innerHTML: string;
  getAttribute(qualifiedName: string): string | null;
  getAttributeNS(namespace: string | null, localName: string): string | null;
  hasAttribute(qualifiedName: string): boolean;
  getElementsByTagNameNS(namespace: string | null, localName: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}

export interface XmlTree {
  readonly documentElement: XmlElement;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

interface Attribute {
  name: string;
  localName: string;
  namespaceURI: string | null;
  value: string;
}

/** In-scope namespace bindings; shared by descendants until one declares its own. */
interface Scope {
  defaultNs: string | null;
  prefixes: Map<string, string>;
}

const NO_CHILDREN: readonly LightElement[] = Object.freeze([]);

class LightElement implements XmlElement {
  children = NO_CHILDREN as LightElement[];
  contentEnd: number;
  /** The content is one run of text without markup, references or carriage returns. */
  plain = true;

  constructor(
    private readonly source: string,
    readonly nodeName: string,
    readonly localName: string,
    readonly namespaceURI: string | null,
    private readonly attributes: Attribute[] | undefined,
    readonly parentElement: LightElement | null,
    readonly contentStart: number
  ) {
    this.contentEnd = contentStart;
  }

  get textContent(): string {
    const {source, contentStart: from, contentEnd: to} = this;
    return this.plain ? source.slice(from, to) : textIn(source, from, to);
  }

  get innerHTML(): string {
    // Never reached: the reader refuses documents with `type="xhtml"`, the only place rss.ts serialises.
    throw new Error('innerHTML is not available on a light XML element');
  }

  getAttribute(qualifiedName: string): string | null {
    return this.attributes?.find((a) => a.name === qualifiedName)?.value ?? null;
  }

  getAttributeNS(namespace: string | null, localName: string): string | null {
    const ns = namespace || null;
    return this.attributes?.find((a) => a.localName === localName && a.namespaceURI === ns)?.value ?? null;
  }

  hasAttribute(qualifiedName: string): boolean {
    return this.getAttribute(qualifiedName) !== null;
  }

  getElementsByTagNameNS(namespace: string | null, localName: string): LightElement[] {
    const found: LightElement[] = [];
    collect(this, namespace || null, localName, found);
    return found;
  }

  append(child: LightElement): void {
    if (this.children === NO_CHILDREN) this.children = [];
    this.children.push(child);
    this.plain = false;
  }
}

/** Descendants of `el` with that name, in document order. */
function collect(el: LightElement, ns: string | null, localName: string, found: LightElement[]): void {
  for (const child of el.children) {
    if (child.localName === localName && child.namespaceURI === ns) found.push(child);
    if (child.children.length) collect(child, ns, localName, found);
  }
}

// ASCII names only, at most one colon: anything else is left to the XML parser.
const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ATTRIBUTE = /[ \t\r\n]+([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_CLOSE = /[ \t\r\n]*(\/?)>/y;
/** What follows the name in an end tag (the name is compared with the open element's). */
const END_TAG_REST = /[ \t\r\n]*>/y;
const PI_TARGET = /<\?([A-Za-z_][\w.-]*)(?=[ \t\r\n]|\?>)/y;
// The declared encoding does not matter: the text is already decoded, and DOMParser ignores it too.
const XML_DECLARATION = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][\w.-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const REFERENCE_AT = new RegExp(REFERENCE.source, 'y');
/** Characters XML 1.0 does not allow, but for lone surrogates (`allowedChars`: a /u regex is four times slower). */
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/g;
const PREDEFINED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

/** Characters checked per pause: a regex over 256 K characters takes well under a millisecond. */
const CHECK_CHUNK = 256 * 1024;
/** Tags read per pause. */
const TAGS_PER_STEP = 2048;
/** Deeper nesting than any feed has; libxml2 has limits of its own there, so the DOM decides. */
const MAX_DEPTH = 100;
/** Distinct names remembered by `internName`. */
const MAX_NAMES = 64;

/** The element tree of `text`, or undefined when this reader cannot vouch for reading it as the XML parser would. */
export function* readXmlTree(text: string): Steps<XmlTree | undefined> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(from + CHECK_CHUNK, text.length);
    // Keep a surrogate pair in one chunk.
    if (to < text.length && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to++;
    if (!allowedChars(text.slice(from, to))) return undefined;
    from = to;
    yield;
  }

  let i = 0;
  if (text.startsWith('<?xml', 0) && /[ \t\r\n?]/.test(text.charAt(5))) {
    XML_DECLARATION.lastIndex = 0;
    if (!XML_DECLARATION.test(text)) return undefined;
    i = XML_DECLARATION.lastIndex;
  }

  const rootScope: Scope = {defaultNs: null, prefixes: new Map([['xml', XML_NS]])};
  const stack: LightElement[] = [];
  const scopes: Scope[] = [];
  const names: QName[] = [];
  let root: LightElement | undefined;
  let steps = 0;
  // Where the next '&', CR and ']]>' are, found once and reused, so each search covers the text once.
  let nextAmp = -2;
  let nextCr = -2;
  let nextCdataEnd = -2;
  const after = (cursor: number, what: string, at: number) => (cursor !== -1 && cursor < at ? text.indexOf(what, at) : cursor);

  for (;;) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (!isSpace(text, i, textEnd)) return undefined;
      } else {
        nextAmp = after(nextAmp, '&', i);
        if (nextAmp !== -1 && nextAmp < textEnd) {
          if (!validReferences(text, nextAmp, textEnd)) return undefined;
          top.plain = false;
        }
        nextCr = after(nextCr, '\r', i);
        if (nextCr !== -1 && nextCr < textEnd) top.plain = false;
        nextCdataEnd = after(nextCdataEnd, ']]>', i);
        // ']]>' may not appear in text; the one allowed ends a CDATA section, handled below.
        if (nextCdataEnd !== -1 && nextCdataEnd < textEnd) return undefined;
      }
    }
    if (lt < 0) break;
    if (++steps % TAGS_PER_STEP === 0) yield;
    const top = stack[stack.length - 1];
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      if (!top || !text.startsWith(top.nodeName, lt + 2)) return undefined;
      END_TAG_REST.lastIndex = lt + 2 + top.nodeName.length;
      if (!END_TAG_REST.test(text)) return undefined;
      top.contentEnd = lt;
      stack.pop();
      scopes.pop();
      i = END_TAG_REST.lastIndex;
    } else if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) return undefined;
        const comment = text.slice(lt + 4, end);
        if (comment.includes('--') || comment.endsWith('-')) return undefined;
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt) && top) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return undefined;
        i = end + 3;
      } else {
        return undefined; // DOCTYPE (entities of its own), or a broken declaration
      }
      if (top) top.plain = false;
    } else if (next === 0x3f /* ? */) {
      PI_TARGET.lastIndex = lt;
      const target = PI_TARGET.exec(text)?.[1];
      const end = text.indexOf('?>', lt + 2);
      if (!target || /^xml$/i.test(target) || end < 0) return undefined;
      i = end + 2;
      if (top) top.plain = false;
    } else {
      if (root && !top) return undefined; // a second root element
      if (stack.length >= MAX_DEPTH) return undefined;
      const tag = readStartTag(text, lt, top ?? null, scopes[scopes.length - 1] ?? rootScope, names);
      if (!tag) return undefined;
      const {element, empty, scope} = tag;
      if (top) top.append(element);
      else root = element;
      if (!empty) {
        stack.push(element);
        scopes.push(scope);
      }
      i = tag.end;
    }
  }
  if (!root || stack.length) return undefined;
  return {documentElement: root};
}

/** Reads `<name attr="value" …>` at `lt`; undefined when it is not one this reader knows. */
function readStartTag(text: string, lt: number, parent: LightElement | null, parentScope: Scope, names: QName[]) {
  NAME.lastIndex = lt + 1;
  if (!NAME.test(text)) return undefined;
  let at = NAME.lastIndex;
  const name = internName(names, text, lt + 1, at);
  let raw: Array<[string, string]> | undefined;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(text);
    if (!m) break;
    (raw ??= []).push([m[1], m[2] ?? m[3]]);
    at = ATTRIBUTE.lastIndex;
  }
  TAG_CLOSE.lastIndex = at;
  const close = TAG_CLOSE.exec(text);
  if (!close) return undefined;

  let scope = parentScope;
  let attributes: Attribute[] | undefined;
  if (raw) {
    // Namespace declarations first: they apply to the element's own name and attributes.
    for (const [qname, rawValue] of raw) {
      if (qname !== 'xmlns' && !qname.startsWith('xmlns:')) continue;
      const value = attributeValue(rawValue);
      if (value === undefined || value === XML_NS || value === XMLNS_NS) return undefined;
      if (scope === parentScope) scope = {defaultNs: parentScope.defaultNs, prefixes: new Map(parentScope.prefixes)};
      if (qname === 'xmlns') {
        scope.defaultNs = value || null;
      } else {
        const prefix = qname.slice(6);
        if (!value || prefix === 'xml' || prefix === 'xmlns') return undefined;
        scope.prefixes.set(prefix, value);
      }
    }
    attributes = [];
    const seen = new Set<string>();
    for (const [qname, rawValue] of raw) {
      const value = attributeValue(rawValue);
      if (value === undefined) return undefined;
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? undefined : qname.slice(0, colon);
      const localName = colon < 0 ? qname : qname.slice(colon + 1);
      let ns: string | null;
      if (qname === 'xmlns' || prefix === 'xmlns') ns = XMLNS_NS;
      else if (prefix === undefined) ns = null;
      else if (scope.prefixes.has(prefix)) ns = scope.prefixes.get(prefix)!;
      else return undefined; // unbound prefix
      const key = `${ns} ${localName}`;
      if (seen.has(qname) || seen.has(key)) return undefined; // duplicate attribute
      seen.add(qname).add(key);
      // Atom xhtml content is read with innerHTML, which only the DOM can give.
      if (qname === 'type' && value.toLowerCase() === 'xhtml') return undefined;
      attributes.push({name: qname, localName, namespaceURI: ns, value});
    }
  }

  const {qualified, prefix, localName} = name;
  let ns: string | null;
  if (prefix === undefined) {
    ns = scope.defaultNs;
  } else {
    if (prefix === 'xmlns' || prefix === 'xml' || !scope.prefixes.has(prefix)) return undefined;
    ns = scope.prefixes.get(prefix)!;
  }
  // The DOM path takes any <parsererror> for the parser's error report.
  if (localName === 'parsererror') return undefined;
  const end = TAG_CLOSE.lastIndex;
  const element = new LightElement(text, qualified, localName, ns, attributes, parent, end);
  return {element, empty: close[1] === '/', end, scope};
}

interface QName {
  qualified: string;
  prefix: string | undefined;
  localName: string;
}

/**
 * The name at text[from, to), one copy per distinct name: a feed uses a few dozen names tens of
 * thousands of times, and comparing in place is cheaper than cutting out and hashing each one.
 */
function internName(names: QName[], text: string, from: number, to: number): QName {
  const length = to - from;
  for (const name of names) if (name.qualified.length === length && text.startsWith(name.qualified, from)) return name;
  const qualified = text.slice(from, to);
  const colon = qualified.indexOf(':');
  const name = colon < 0 ? {qualified, prefix: undefined, localName: qualified} : {qualified, prefix: qualified.slice(0, colon), localName: qualified.slice(colon + 1)};
  // A document with very many names gains nothing from the list.
  if (names.length < MAX_NAMES) names.push(name);
  return name;
}

/** An attribute's value as XML gives it: line ends and white space become spaces, then references are replaced. */
function attributeValue(raw: string): string | undefined {
  let value = raw.replace(/\r\n?|[\t\n]/g, ' ');
  if (value.includes('&')) {
    if (!validReferences(value, value.indexOf('&'), value.length)) return undefined;
    value = value.replace(REFERENCE, replaceReference);
  }
  return value;
}

/** Whether every '&' in text[from, to) starts a reference XML knows, to an allowed character. */
function validReferences(text: string, from: number, to: number): boolean {
  for (let at = from; at >= 0 && at < to; at = text.indexOf('&', at + 1)) {
    REFERENCE_AT.lastIndex = at;
    const m = REFERENCE_AT.exec(text);
    if (!m || REFERENCE_AT.lastIndex > to) return false;
    if (!m[1] && !allowedCodePoint(m[2] ? parseInt(m[2], 10) : parseInt(m[3], 16))) return false;
  }
  return true;
}

function allowedCodePoint(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function replaceReference(_match: string, name?: string, decimal?: string, hex?: string): string {
  if (name) return PREDEFINED[name];
  return String.fromCodePoint(decimal ? parseInt(decimal, 10) : parseInt(hex!, 16));
}

/** Text as XML gives it: line ends normalised to LF (before references, so `&#13;` stays a CR), references replaced. */
function decodeText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.includes('&') ? text.replace(REFERENCE, replaceReference) : text;
}

/** The text of already checked content: its text and CDATA, without tags, comments and processing instructions. */
function textIn(source: string, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const lt = source.indexOf('<', i);
    const end = lt < 0 || lt > to ? to : lt;
    if (end > i) out += decodeText(source.slice(i, end));
    if (end >= to) break;
    if (source.startsWith('<![CDATA[', end)) {
      const close = source.indexOf(']]>', end + 9);
      out += source.slice(end + 9, close).replace(/\r\n?/g, '\n');
      i = close + 3;
    } else if (source.startsWith('<!--', end)) {
      i = source.indexOf('-->', end + 4) + 3;
    } else if (source.startsWith('<?', end)) {
      i = source.indexOf('?>', end + 2) + 2;
    } else {
      i = tagEnd(source, end) + 1;
    }
  }
  return out;
}

/** No character XML forbids, and every surrogate in a pair. */
function allowedChars(text: string): boolean {
  if (FORBIDDEN.test(text)) return false;
  SURROGATE.lastIndex = 0;
  for (let m = SURROGATE.exec(text); m; m = SURROGATE.exec(text)) {
    const k = m.index;
    if (text.charCodeAt(k) >= 0xdc00 || (text.charCodeAt(k + 1) & 0xfc00) !== 0xdc00) return false;
    SURROGATE.lastIndex = k + 2;
  }
  return true;
}

function isSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}
