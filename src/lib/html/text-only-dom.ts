/**
 * The parsers' DOM (feeds/dom.ts) on a page that enforces Trusted Types but refuses the `feedcal`
 * policy (trusted-types.ts): there the browser's parsers cannot be handed feed text without a
 * violation report, so nothing is parsed as markup. HTML becomes text by dropping its tags (the
 * result is only ever drawn as text), the JSON-LD blocks of a page are found by pattern, and XML,
 * which cannot be read without a parser, fails with a sentence that says why. Loaded on demand,
 * only on such a page.
 */
/** A comment, an element whose text is not text (script, style, template) whole, or a tag. */
const MARKUP = /<!--[^]*?(?:-->|$)|<(script|style|template)\b[^]*?(?:<\/\1\s*>|$)|<[a-z/!?][^>]*>?/gi;
/** A comment (its scripts are not scripts), or a script element: its attributes, then its text. */
const SCRIPT = /<!--[^]*?(?:-->|$)|<script\b([^>]*)>([^]*?)(?:<\/script\s*>|$)/gi;
const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/** Numeric references and the common named ones decoded; other named ones kept as written. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
  });
}

/** The one console note on such a page (trusted-types.ts asks for it when the policy is refused). */
export function explainRefusal(): void {
  console.warn(
    'feedcal: this page\'s Content-Security-Policy does not allow the Trusted Types policy "feedcal" (trusted-types … feedcal), so feed markup is not parsed: descriptions show as plain text, RSS and Atom feeds cannot be read and no JSON-LD is written for search engines.'
  );
}

// A FeedDom (feeds/dom.ts), checked where it is installed: a type import from there would make a
// module cycle (dom.ts → trusted-types.ts → this module).
export const textOnlyDom = {
  parseXml: (): {error: string} => ({
    error: 'this page\'s Content-Security-Policy does not allow the Trusted Types policy "feedcal", which reading XML needs (trusted-types … feedcal)',
  }),
  innerXml: () => '',
  htmlText: (html: string) => decode(html.replace(MARKUP, '')),
  ldJsonBlocks: (html: string) =>
    Array.from(html.matchAll(SCRIPT))
      .filter((match) => match[1] !== undefined && /type\s*=\s*["']?application\/ld\+json/i.test(match[1]))
      .map((match) => match[2]),
};
