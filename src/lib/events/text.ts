/**
 * Feed text made plain: white space collapsed, HTML entities decoded once, and the plain text of
 * an HTML description. Most text needs no parser; the rest goes to an HTML parser through
 * feeds/dom.ts (the browser's inert DOMParser, or parse5 where there is no DOM), which never runs
 * scripts or loads images.
 */
import {htmlText} from '../feeds/dom.js';

// Most feed text is already clean: test before rewriting (a test allocates nothing; a replace
// copies the string), which matters across thousands of items.
const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|^\s|\s$/;

export function collapseSpace(text: string): string {
  return MESSY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * A feed that escaped its line breaks twice (an iCalendar `\\n`, a JSON `"\\\\n"`) hands over
 * the two characters backslash and "n". In text meant for people they are a line break: a
 * space in a one-line field (`lineBreak` ' '), a break in a description ('\n'). A backslash
 * before them (`\\\\n`) is kept as written.
 */
export function literalLineBreaks(text: string, lineBreak: string): string {
  return text.includes('\\') ? text.replace(/(?<!\\)\\r\\n|(?<!\\)\\[nr]/g, lineBreak) : text;
}

export function collapseBlankLines(text: string): string {
  if (!/[\r\n]/.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*?>/i.test(text);
}

/**
 * Plain text of an HTML fragment, safe on hostile input (nothing is run or loaded); block
 * elements become line breaks so paragraphs survive.
 */
export function htmlToText(html: string): string {
  // Most feed text has no markup at all; a parser per item was the slowest step of big feeds.
  if (!/[<&]/.test(html)) return html;
  if (!html.includes('<')) {
    const decoded = decodeCommonEntities(html);
    if (decoded !== undefined) return decoded;
  }
  return htmlText(html.replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, (tag) => `${tag}\n`));
}

/** Decodes HTML entities once (`&amp;amp;` becomes `&amp;`, as the feed literally says). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeCommonEntities(text) ?? htmlToText(text.replace(/</g, '&lt;'));
}

const COMMON_ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/**
 * Decodes numeric references and the few named entities feeds use most, without a parser;
 * undefined when the text holds any other named entity (then the HTML parser decides).
 */
function decodeCommonEntities(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (whole, name: string) => {
    if (name[0] !== '#') {
      const named = COMMON_ENTITIES[name];
      if (named === undefined || !whole.endsWith(';')) unknown = true;
      return named ?? whole;
    }
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // As HTML does: NUL, surrogates and out-of-range code points become U+FFFD.
    return String.fromCodePoint(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
  });
  return unknown ? undefined : decoded;
}
