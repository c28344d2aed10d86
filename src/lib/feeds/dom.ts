/**
 * Where the parsers meet a DOM. Feed parsing runs in the browser, in Node 20 and in Workers (the
 * command line and the relay use it), and only the browser has a DOM: so no parser touches
 * `DOMParser` or `document` without asking here first. What they need of a DOM is `FeedDom`: an
 * XML document (RSS, RDF, Atom), the markup inside an XML element (Atom `type="xhtml"`), the
 * plain text of an HTML fragment, and the `application/ld+json` blocks of an HTML page.
 *
 * A runtime without a DOM installs one before parsing (feeds/portable.ts installs
 * dom-portable.ts: @xmldom/xmldom and parse5), and it is used wherever one is installed. In the
 * browser nothing is installed and the browser's own parsers are used, through
 * `parseInertDocument` (Trusted Types, inline code defused; lib/html/trusted-types.ts); that code
 * sits beside its one caller (`htmlText` below, `readXml` and `innerXml` in xml/xml-text.ts,
 * `ldJsonBlocks` in jsonld.ts), so a page downloads it with the parser that needs it. Nothing the
 * browser bundle imports imports dom-portable.ts.
 */
import {parseInertDocument} from '../html/trusted-types.js';

/**
 * What rss.ts reads of an element: members the browser's `Element` and xmldom's both have.
 * (xmldom has no `innerHTML`, `firstElementChild` or selectors: ask `innerXml` for the markup.)
 */
export interface XmlElement {
  readonly nodeName: string;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly children: ArrayLike<XmlElement> & Iterable<XmlElement>;
  readonly parentElement: XmlElement | null;
  readonly textContent: string | null;
  getAttribute(qualifiedName: string): string | null;
  getAttributeNS(namespace: string | null, localName: string): string | null;
  hasAttribute(qualifiedName: string): boolean;
  getElementsByTagNameNS(namespace: string | null, localName: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}

export interface XmlDocument {
  readonly documentElement: XmlElement;
}

/** A parsed XML text: the document, or the parser's words on why it is not well-formed XML. */
export type XmlParse = {document: XmlDocument; error?: undefined} | {document?: undefined; error: string};

/** What the parsers need of a DOM; one implementation per kind of runtime. */
export interface FeedDom {
  /** Parses XML, namespace-aware, strictly: a text that is not well-formed gives `error`. */
  parseXml(text: string): XmlParse;
  /** The markup of an element's children, as the DOM serialises XML. */
  innerXml(element: XmlElement): string;
  /**
   * The text a browser's `body.textContent` gives for an HTML fragment, without the text of
   * `<script>`, `<style>` and `<template>` elements.
   */
  htmlText(html: string): string;
  /** The text of every `<script type="application/ld+json">` of an HTML page, in document order. */
  ldJsonBlocks(html: string): string[];
}

let installed: FeedDom | undefined;

/** Makes `dom` the parsers' DOM, for runtimes without one (feeds/portable.ts). */
export function installDom(dom: FeedDom): void {
  installed = dom;
}

/**
 * The installed DOM, or undefined where the browser's own parsers are to be used. Each use of
 * those lives beside its one caller (`htmlText` here, the XML parse in xml/xml-text.ts, the
 * JSON-LD blocks in jsonld.ts), so a page downloads the code with the parser that needs it.
 * Where there is neither, that use throws "DOMParser is not defined" and the parser that asked
 * fails its feed: load the parsers from feeds/portable.ts there.
 */
export const installedDom = (): FeedDom | undefined => installed;

/**
 * The text a browser's `body.textContent` gives for an HTML fragment, without the text of
 * `<script>`, `<style>` and `<template>` elements. The browser's document is inert: nothing in
 * it runs or loads.
 */
export function htmlText(html: string): string {
  const dom = installedDom();
  if (dom) return dom.htmlText(html);
  const document = parseInertDocument(html, 'text/html');
  document.querySelectorAll('script, style, template').forEach((el) => el.remove());
  return document.body?.textContent ?? '';
}
