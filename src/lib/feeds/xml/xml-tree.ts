/**
 * A small, strict XML reader for the RSS/Atom parser. The browser's XML parser (`DOMParser`)
 * spends about 300 ms on a 4 MB feed building DOM nodes that are read once and thrown away; this
 * reader scans the same text in about a tenth of that time, notes where each element is (`Tape`)
 * and makes element objects only as rss.ts reads them, with the same members and answers as
 * DOM's `Element` (`XmlElement` below is the subset both provide).
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
import type {Steps} from '../steps.js';

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

interface QName {
  /** Index in `Tape.names`. */
  id: number;
  qualified: string;
  prefix: string | undefined;
  localName: string;
}

// What the tape holds for each element, at `index * FIELDS + field`.
const CONTENT_START = 0;
const CONTENT_END = 1;
const PARENT = 2;
const FIRST_CHILD = 3;
const LAST_CHILD = 4;
const NEXT_SIBLING = 5;
/** The index after the element's last descendant: its descendants are the indices in between. */
const SUBTREE_END = 6;
const NAME_ID = 7;
const NAMESPACE_ID = 8;
const SCOPE_ID = 9;
/** Where its attributes start in the text (they are read again when asked for), or -1. */
const ATTRIBUTES_AT = 10;
const FIELDS = 11;

/**
 * The elements of a document in document order, as numbers in one typed array instead of an
 * object each: a 20,000-item feed has over 200,000 elements, and as objects they all lived
 * through young-generation collections (tens of milliseconds each, on the main thread) before
 * being read. Element objects are made only for what rss.ts reads, when it reads it.
 */
class Tape {
  data: Int32Array;
  /** Whether an element's content is one run of text without markup, references or CRs. */
  plain: Uint8Array;
  count = 0;
  readonly names: QName[] = [];
  readonly namespaces: Array<string | null> = [];
  private readonly namespaceIds = new Map<string | null, number>();
  readonly scopes: Scope[] = [];
  private readonly scopeIds = new Map<Scope, number>();
  /** Attributes read again, by element: the feed's root and channel are asked about for every item (xml:base). */
  private readonly attributeLists = new Map<number, Attribute[]>();

  constructor(readonly text: string) {
    const capacity = Math.max(64, text.length >> 6);
    this.data = new Int32Array(capacity * FIELDS);
    this.plain = new Uint8Array(capacity);
  }

  add(parent: number, name: QName, namespace: string | null, scope: Scope, attributesAt: number, contentStart: number): number {
    const index = this.count++;
    if (index >= this.plain.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
      const plain = new Uint8Array(this.plain.length * 2);
      plain.set(this.plain);
      this.plain = plain;
    }
    const d = this.data;
    const at = index * FIELDS;
    d[at + CONTENT_START] = contentStart;
    d[at + CONTENT_END] = contentStart;
    d[at + PARENT] = parent;
    d[at + FIRST_CHILD] = -1;
    d[at + LAST_CHILD] = -1;
    d[at + NEXT_SIBLING] = -1;
    d[at + SUBTREE_END] = index + 1;
    d[at + NAME_ID] = name.id;
    d[at + NAMESPACE_ID] = idOf(this.namespaceIds, this.namespaces, namespace);
    d[at + SCOPE_ID] = idOf(this.scopeIds, this.scopes, scope);
    d[at + ATTRIBUTES_AT] = attributesAt;
    this.plain[index] = 1;
    if (parent >= 0) {
      const last = d[parent * FIELDS + LAST_CHILD];
      if (last < 0) d[parent * FIELDS + FIRST_CHILD] = index;
      else d[last * FIELDS + NEXT_SIBLING] = index;
      d[parent * FIELDS + LAST_CHILD] = index;
      this.plain[parent] = 0;
    }
    return index;
  }

  /** Closes an element: its content ends at `contentEnd`, its descendants are all read. */
  close(index: number, contentEnd: number): void {
    this.data[index * FIELDS + CONTENT_END] = contentEnd;
    this.data[index * FIELDS + SUBTREE_END] = this.count;
  }

  get(index: number, field: number): number {
    return this.data[index * FIELDS + field];
  }

  nameOf(index: number): QName {
    return this.names[this.data[index * FIELDS + NAME_ID]];
  }

  /** The element's attributes, read again from the text: the reader checked them, and few are ever asked for. */
  attributes(index: number): Attribute[] {
    const at = this.get(index, ATTRIBUTES_AT);
    if (at < 0) return NO_ATTRIBUTES;
    let list = this.attributeLists.get(index);
    if (!list) {
      list = readAttributes(this.text, at, this.scopes[this.get(index, SCOPE_ID)])!.attributes;
      this.attributeLists.set(index, list);
    }
    return list;
  }
}

/** The number of `value` in `list`, added when new. */
function idOf<T>(ids: Map<T, number>, list: T[], value: T): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = list.push(value) - 1;
    ids.set(value, id);
  }
  return id;
}

/** One element of a tape, made when rss.ts asks for it. */
class LightElement implements XmlElement {
  private kids?: LightElement[];

  constructor(
    private readonly tape: Tape,
    private readonly index: number
  ) {}

  get nodeName(): string {
    return this.tape.nameOf(this.index).qualified;
  }

  get localName(): string {
    return this.tape.nameOf(this.index).localName;
  }

  get namespaceURI(): string | null {
    return this.tape.namespaces[this.tape.get(this.index, NAMESPACE_ID)];
  }

  get children(): LightElement[] {
    if (!this.kids) {
      this.kids = [];
      for (let k = this.tape.get(this.index, FIRST_CHILD); k >= 0; k = this.tape.get(k, NEXT_SIBLING)) this.kids.push(new LightElement(this.tape, k));
    }
    return this.kids;
  }

  get parentElement(): LightElement | null {
    const parent = this.tape.get(this.index, PARENT);
    return parent < 0 ? null : new LightElement(this.tape, parent);
  }

  get textContent(): string {
    const {tape, index} = this;
    const from = tape.get(index, CONTENT_START);
    const to = tape.get(index, CONTENT_END);
    return tape.plain[index] ? tape.text.slice(from, to) : textIn(tape.text, from, to);
  }

  get innerHTML(): string {
    // Never reached: the reader refuses documents with `type="xhtml"`, the only place rss.ts serialises.
    throw new Error('innerHTML is not available on a light XML element');
  }

  getAttribute(qualifiedName: string): string | null {
    return this.tape.attributes(this.index).find((a) => a.name === qualifiedName)?.value ?? null;
  }

  getAttributeNS(namespace: string | null, localName: string): string | null {
    const ns = namespace || null;
    return this.tape.attributes(this.index).find((a) => a.localName === localName && a.namespaceURI === ns)?.value ?? null;
  }

  hasAttribute(qualifiedName: string): boolean {
    return this.getAttribute(qualifiedName) !== null;
  }

  getElementsByTagNameNS(namespace: string | null, localName: string): LightElement[] {
    const {tape, index} = this;
    const ns = namespace || null;
    const found: LightElement[] = [];
    // The descendants are the indices up to SUBTREE_END, in document order.
    for (let k = index + 1; k < tape.get(index, SUBTREE_END); k++) {
      if (tape.nameOf(k).localName === localName && tape.namespaces[tape.get(k, NAMESPACE_ID)] === ns) found.push(new LightElement(tape, k));
    }
    return found;
  }
}
// ASCII names only, at most one colon: anything else is left to the XML parser.
const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ATTRIBUTE = /[ \t\r\n]+([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
/** What follows the name in an end tag (the name is compared with the open element's). */
const END_TAG_REST = /[ \t\r\n]*>/y;
const PI_TARGET = /<\?([A-Za-z_][\w.-]*)(?=[ \t\r\n]|\?>)/y;
// The declared encoding does not matter: the text is already decoded, and DOMParser ignores it too.
const XML_DECLARATION = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][\w.-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const REFERENCE_AT = new RegExp(REFERENCE.source, 'y');
/**
 * Characters XML 1.0 does not allow, and surrogates, which are allowed only in pairs
 * (`allowedChars` checks those; a /u regex that would do it alone is four times slower).
 */
const FORBIDDEN_OR_SURROGATE = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;
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
  const tape = new Tape(text);
  /** Open elements: their tape indices, and the scopes their children start from. */
  const stack: number[] = [];
  const scopes: Scope[] = [];
  /** The names `internName` searches. */
  const known: QName[] = [];
  let steps = 0;
  // Where the next '&', CR and ']]>' are, found once and reused, so each search covers the text once.
  let nextAmp = -2;
  let nextCr = -2;
  let nextCdataEnd = -2;
  const after = (cursor: number, what: string, at: number) => (cursor !== -1 && cursor < at ? text.indexOf(what, at) : cursor);

  for (;;) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    const top = stack.length ? stack[stack.length - 1] : -1;
    if (textEnd > i) {
      if (top < 0) {
        if (!isSpace(text, i, textEnd)) return undefined;
      } else {
        nextAmp = after(nextAmp, '&', i);
        if (nextAmp !== -1 && nextAmp < textEnd) {
          if (!validReferences(text, nextAmp, textEnd)) return undefined;
          tape.plain[top] = 0;
        }
        nextCr = after(nextCr, '\r', i);
        if (nextCr !== -1 && nextCr < textEnd) tape.plain[top] = 0;
        nextCdataEnd = after(nextCdataEnd, ']]>', i);
        // ']]>' may not appear in text; the one allowed ends a CDATA section, handled below.
        if (nextCdataEnd !== -1 && nextCdataEnd < textEnd) return undefined;
      }
    }
    if (lt < 0) break;
    if (++steps % TAGS_PER_STEP === 0) yield;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      if (top < 0) return undefined;
      const name = tape.nameOf(top).qualified;
      if (!text.startsWith(name, lt + 2)) return undefined;
      END_TAG_REST.lastIndex = lt + 2 + name.length;
      if (!END_TAG_REST.test(text)) return undefined;
      tape.close(top, lt);
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
      } else if (text.startsWith('<![CDATA[', lt) && top >= 0) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return undefined;
        i = end + 3;
      } else {
        return undefined; // DOCTYPE (entities of its own), or a broken declaration
      }
      if (top >= 0) tape.plain[top] = 0;
    } else if (next === 0x3f /* ? */) {
      PI_TARGET.lastIndex = lt;
      const target = PI_TARGET.exec(text)?.[1];
      const end = text.indexOf('?>', lt + 2);
      if (!target || /^xml$/i.test(target) || end < 0) return undefined;
      i = end + 2;
      if (top >= 0) tape.plain[top] = 0;
    } else {
      if (tape.count && top < 0) return undefined; // a second root element
      if (stack.length >= MAX_DEPTH) return undefined;
      const tag = readStartTag(text, lt, top < 0 ? rootScope : scopes[scopes.length - 1], known, tape.names);
      if (!tag) return undefined;
      const element = tape.add(top, tag.name, tag.namespace, tag.scope, tag.attributesAt, tag.end);
      if (tag.empty) {
        tape.close(element, tag.end);
      } else {
        stack.push(element);
        scopes.push(tag.scope);
      }
      i = tag.end;
    }
  }
  if (!tape.count || stack.length) return undefined;
  return {documentElement: new LightElement(tape, 0)};
}
/** Reads `<name attr="value" …>` at `lt`; undefined when it is not one this reader knows. */
function readStartTag(text: string, lt: number, parentScope: Scope, known: QName[], names: QName[]) {
  NAME.lastIndex = lt + 1;
  if (!NAME.test(text)) return undefined;
  const nameEnd = NAME.lastIndex;
  const name = internName(known, names, text, lt + 1, nameEnd);
  // Most tags have no attributes: `>` or `/>` right after the name.
  const next = text.charCodeAt(nameEnd);
  const read = next === 0x3e || next === 0x2f ? {scope: parentScope, attributes: NO_ATTRIBUTES, end: nameEnd} : readAttributes(text, nameEnd, parentScope);
  if (!read) return undefined;
  const {scope, attributes} = read;
  const end = closeOfTag(text, read.end);
  if (end < 0) return undefined;
  // Atom xhtml content is read with innerHTML, which only the DOM can give.
  if (attributes.some((a) => a.name === 'type' && a.value.toLowerCase() === 'xhtml')) return undefined;
  const {prefix, localName} = name;
  let namespace: string | null;
  if (prefix === undefined) {
    namespace = scope.defaultNs;
  } else {
    if (prefix === 'xmlns' || prefix === 'xml' || !scope.prefixes.has(prefix)) return undefined;
    namespace = scope.prefixes.get(prefix)!;
  }
  // The DOM path takes any <parsererror> for the parser's error report.
  if (localName === 'parsererror') return undefined;
  return {name, namespace, scope, attributesAt: attributes.length ? nameEnd : -1, empty: text.charCodeAt(end - 2) === 0x2f, end};
}

/** Where the start tag ends (after its `>` or `/>`), white space allowed before them; -1 when it does not end there. */
function closeOfTag(text: string, at: number): number {
  let k = at;
  for (let c = text.charCodeAt(k); c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a; c = text.charCodeAt(++k));
  if (text.charCodeAt(k) === 0x3e) return k + 1;
  return text.charCodeAt(k) === 0x2f && text.charCodeAt(k + 1) === 0x3e ? k + 2 : -1;
}

const NO_ATTRIBUTES: Attribute[] = [];

/**
 * The attributes from `at` (just after the element's name) to the end of the start tag, and the
 * element's scope with its namespace declarations; undefined when they break a rule of XML.
 * Used to check a start tag, and again when an element's attributes are asked for.
 */
function readAttributes(text: string, at: number, parentScope: Scope): {scope: Scope; attributes: Attribute[]; end: number} | undefined {
  let raw: Array<[string, string]> | undefined;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(text);
    if (!m) break;
    (raw ??= []).push([m[1], m[2] ?? m[3]]);
    at = ATTRIBUTE.lastIndex;
  }
  if (!raw) return {scope: parentScope, attributes: NO_ATTRIBUTES, end: at};
  let scope = parentScope;
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
  const attributes: Attribute[] = [];
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
    attributes.push({name: qname, localName, namespaceURI: ns, value});
  }
  return {scope, attributes, end: at};
}
/**
 * The name at text[from, to), one copy per distinct name: a feed uses a few dozen names tens of
 * thousands of times, and comparing in place is cheaper than cutting out and hashing each one.
 * `known` is the list searched (at most `MAX_NAMES`), `names` every name made, by id.
 */
function internName(known: QName[], names: QName[], text: string, from: number, to: number): QName {
  const length = to - from;
  for (let k = 0; k < known.length; k++) if (known[k].qualified.length === length && text.startsWith(known[k].qualified, from)) return known[k];
  const qualified = text.slice(from, to);
  const colon = qualified.indexOf(':');
  const id = names.length;
  const name = colon < 0 ? {id, qualified, prefix: undefined, localName: qualified} : {id, qualified, prefix: qualified.slice(0, colon), localName: qualified.slice(colon + 1)};
  names.push(name);
  // A document with very many names gains nothing from searching them all.
  if (known.length < MAX_NAMES) known.push(name);
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
  FORBIDDEN_OR_SURROGATE.lastIndex = 0;
  for (let m = FORBIDDEN_OR_SURROGATE.exec(text); m; m = FORBIDDEN_OR_SURROGATE.exec(text)) {
    const k = m.index;
    const c = text.charCodeAt(k);
    // A high surrogate followed by a low one is a pair; anything else found here is refused.
    if (c < 0xd800 || c >= 0xdc00 || (text.charCodeAt(k + 1) & 0xfc00) !== 0xdc00) return false;
    FORBIDDEN_OR_SURROGATE.lastIndex = k + 2;
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
