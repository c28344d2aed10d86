/**
 * A `FeedDom` (dom.ts) for runtimes without a DOM of their own: Node, Workers. Installed by
 * feeds/portable.ts, never imported by the browser bundle. Both libraries are plain JavaScript
 * with no dependency on Node's own modules, so they run in a Worker too.
 *
 * - XML: @xmldom/xmldom, a DOM with the standard interface rss.ts reads. It is more lenient than
 *   the browser's parser (libxml2 in Chromium), and rss.ts decides what to repair by whether the
 *   parse failed, so here every `error` it reports fails the parse, and what it lets through but
 *   XML 1.0 forbids (characters outside XML's set, also as references; `]]>` in text) is refused
 *   before it parses. Line ends are normalised as XML 1.0 says (CR LF and CR), not as XML 1.1,
 *   which would also turn U+0085, U+2028 and U+2029 into line feeds; a lone surrogate becomes
 *   U+FFFD, as the browser's parser, which is given UTF-8, reads it. Markup inside an element
 *   (Atom XHTML) is xmldom's `XMLSerializer`'s: the same markup as the browser's, spelt a little
 *   differently (a namespace declaration after the attributes, `<br/>` for `<br />`).
 * - HTML: parse5, the WHATWG HTML parser (the tree construction the browser's DOMParser does),
 *   with scripting off as in a DOMParser document; read by walking its tree. Its text is the
 *   browser's `textContent` on every input, which a hand-written tag stripper would not be
 *   (entities without `;`, head elements, raw-text and foreign elements). The text goes through
 *   the same preparation as in the browser (`parseInertDocument`: a page with too many tags
 *   flattened, inline code defused), so both read the same markup.
 */
import {DOMParser, XMLSerializer} from '@xmldom/xmldom';
import {parse, type DefaultTreeAdapterTypes} from 'parse5';
import {defuseInlineCode, flattenHtml, hasTooManyTags} from '../html/trusted-types.js';
import type {FeedDom, XmlDocument, XmlParse} from './dom.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export const portableDom: FeedDom = {
  parseXml(text) {
    const source = defuseInlineCode(text, 'application/xml').replace(LONE_SURROGATE, '\ufffd');
    const refused = forbiddenInXml(source);
    if (refused) return refused;
    let error: string | undefined;
    try {
      const document = new DOMParser({
        normalizeLineEndings: (input) => input.replace(/\r\n?/g, '\n'),
        onError(level, message, context: {locator?: {lineNumber?: number; columnNumber?: number}}) {
          if (level === 'warning') return;
          const at = context?.locator;
          error ??= at?.lineNumber ? `error on line ${at.lineNumber} at column ${at.columnNumber}: ${firstLine(message)}` : firstLine(message);
          // Stops the parse: xmldom would go on and build a tree the browser never gives.
          throw new Error(error);
        },
      }).parseFromString(source, 'application/xml');
      return error ? {error} : {document: document as unknown as XmlDocument};
    } catch (thrown) {
      return {error: error ?? firstLine((thrown as Error).message)};
    }
  },
  innerXml(element) {
    const serializer = new XMLSerializer();
    return Array.from((element as unknown as {childNodes: ArrayLike<unknown>}).childNodes, (child) => serializer.serializeToString(child as never)).join('');
  },
  htmlText(html) {
    const body = childNamed(childNamed(parseHtml(html), 'html'), 'body', 'frameset');
    return body ? textOf(body) : '';
  },
  ldJsonBlocks(html) {
    const blocks: string[] = [];
    const visit = (node: Node) => {
      if (!('childNodes' in node)) return;
      if (isElement(node) && node.tagName === 'script' && attribute(node, 'type')?.toLowerCase() === 'application/ld+json') {
        blocks.push(textOf(node));
        return;
      }
      node.childNodes.forEach(visit);
    };
    visit(parseHtml(html));
    return blocks;
  },
};

// ---------------------------------------------------------------------------------------------
// XML

const firstLine = (message: string) => message.split('\n')[0].trim();

/** A character XML 1.0 forbids: C0 controls other than tab and line ends, U+FFFE and U+FFFF. */
const FORBIDDEN_CHARACTER = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
/** A surrogate without its pair: the browser's parser is given UTF-8, where it became U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What XML 1.0 refuses and xmldom reads anyway, as the browser's parser reports it; else undefined. */
function forbiddenInXml(text: string): XmlParse | undefined {
  const character = FORBIDDEN_CHARACTER.exec(text);
  if (character) return {error: `${position(text, character.index)}: invalid character U+${character[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`};
  if (text.includes('&#')) {
    for (const reference of text.matchAll(/&#(?:x([0-9a-f]+)|([0-9]+));/gi)) {
      const code = reference[1] ? parseInt(reference[1], 16) : parseInt(reference[2], 10);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) return {error: `${position(text, reference.index!)}: invalid character reference ${reference[0]}`};
    }
  }
  // `]]>` ends a CDATA section and nothing else; outside one it is an error.
  if (text.includes(']]>')) {
    const outside = text.replace(/<!\[CDATA\[[^]*?\]\]>|<!--[^]*?-->/g, (skipped) => ' '.repeat(skipped.length));
    const at = outside.indexOf(']]>');
    if (at >= 0) return {error: `${position(text, at)}: the sequence ']]>' is not allowed in content`};
  }
  return undefined;
}

function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split(/\r\n?|\n/).length;
  return `error on line ${line} at column ${index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))}`;
}

// ---------------------------------------------------------------------------------------------
// HTML

/** The document the browser's DOMParser makes of `html`, prepared as `parseInertDocument` prepares it. */
function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(defuseInlineCode(hasTooManyTags(html) ? flattenHtml(html) : html, 'text/html'), {scriptingEnabled: false});
}

const isElement = (node: Node): node is Element => 'tagName' in node;

function childNamed(node: Node | undefined, ...names: string[]): Element | undefined {
  if (!node || !('childNodes' in node)) return undefined;
  return node.childNodes.find((child): child is Element => isElement(child) && names.includes(child.tagName));
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name && !attr.namespace)?.value;
}

/** Left out of the text, as the browser's `htmlText` removes them (a template's content is apart from its children anyway). */
const SKIPPED = new Set(['script', 'style', 'template']);

/** `textContent`: the text nodes below, in order; comments are not text. */
function textOf(node: Node): string {
  let text = '';
  const visit = (current: Node) => {
    if (current.nodeName === '#text') text += (current as DefaultTreeAdapterTypes.TextNode).value;
    else if ('childNodes' in current && !(current !== node && isElement(current) && SKIPPED.has(current.tagName))) current.childNodes.forEach(visit);
  };
  visit(node);
  return text;
}
