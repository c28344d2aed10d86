/**
 * Trusted Types: on a page with `require-trusted-types-for 'script'`, `DOMParser.parseFromString`
 * is an HTML sink and throws when given a plain string. feedcal parses feed text with DOMParser
 * in a few places (XML feeds, HTML pages with JSON-LD, HTML to plain text, link resolution in
 * sanitised HTML). A document made by DOMParser is inert: it has no browsing context, so its
 * scripts never run, its images never load and its event handlers never fire. Nothing parsed
 * here is ever inserted into the page: what reaches the page goes through DOMPurify first
 * (`purify.ts`), under DOMPurify's own `dompurify` policy.
 *
 * So the `feedcal` policy passes the text through unchanged, and it is private to this module:
 * it is used only by `parseInertDocument`, and by `trustedJsonLd` (structured-data.ts) for JSON-LD
 * script text (which it accepts only if it is JSON). A page that enforces Trusted Types
 * must allow it by name: `trusted-types lit-html dompurify feedcal`.
 *
 * A page that lists its Trusted Types policies without `feedcal` gets one violation report, for
 * the attempt to create it (that report is how the site's owner learns the name to add; no API
 * tells a script beforehand which names a page allows). From then on nothing is handed to a
 * sink (`trustedTypesRefused`): the parsers read markup as text (text-only-dom.ts), descriptions
 * are shown as plain text, no JSON-LD is written, and one console note says why.
 */

export interface InertPolicy {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: {createHTML(input: string): string; createScript(input: string): string}): InertPolicy;
}

/** `undefined`: not tried yet; `null`: no Trusted Types in this browser, or the policy was refused. */
let policy: InertPolicy | null | undefined;
let refused = false;

/**
 * The `feedcal` policy, made on first use; null without Trusted Types or when the page refuses it.
 * For this module and the JSON-LD writer (structured-data.ts) only.
 */
export function inertParsingPolicy(): InertPolicy | null {
  if (policy !== undefined) return policy;
  policy = null;
  const factory = (globalThis as {trustedTypes?: TrustedTypesFactory}).trustedTypes;
  if (factory && typeof factory.createPolicy === 'function') {
    try {
      policy = factory.createPolicy('feedcal', {
        createHTML: (input) => input,
        // Only JSON, for `<script type="application/ld+json">`: JSON runs nothing even as a script.
        createScript: (input) => (JSON.parse(input), input),
      });
    } catch {
      // The page's CSP lists the policies it allows, without `feedcal` (or a second copy of
      // feedcal already made it): every sink would be refused, with a report each time.
      refused = true;
      // The console note saying why comes with the code that reads markup as text.
      void import('./text-only-dom.js').then(
        (module) => module.explainRefusal(),
        () => undefined
      );
    }
  }
  return policy;
}

/**
 * Whether the page enforces Trusted Types and refuses the `feedcal` policy (asks for it the first
 * time): then no feed text may be handed to a sink, and markup is read as text instead.
 */
export function trustedTypesRefused(): boolean {
  inertParsingPolicy();
  return refused;
}

/** `<style …>…</style>`, whole, in HTML or SVG. */
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
/** A start tag, roughly: its name, then the rest up to `>` where the attributes are. */
const START_TAG = /<([a-z][^\s/>]*)([\s/][^>]*)?>/gi;
/**
 * One attribute: a name, then maybe `=` and a double-quoted, single-quoted or bare value. Taking
 * each value whole means a word inside one (`term="Online"`, `href="…/online-meetup"`) is never
 * taken for an attribute name.
 */
const ATTRIBUTE = /([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/g;
const INLINE_NAME = /^(style|on[a-z]+)$/i;
/**
 * `on…` or `style` where the tokenizer may start an attribute name (after white space, `/` or a
 * closing quote) and as one (`=` or the tag's end after it), in whatever context: a tag
 * `START_TAG` reads differently from the HTML parser (a `>` inside a quoted value, markup after a
 * comment or in raw text) still gets no handler or style. A zero-width non-joiner after the name
 * makes it another name (one XML allows too), and leaves text that only looks like an attribute
 * looking as it did. (Not before `/`: `https://x.example/online/` is a path.)
 */
const INLINE_ATTRIBUTE_ANYWHERE = /(?<=[\s/"'])(on[a-z]+|style)(?=\s*[=>])/gi;
/** Elements that act in an inert document too: styles (CSP reports), tracks (they load). Any namespace prefix. */
const ACTIVE_ELEMENT = /<(\/?)([\w.-]+:)?(style|track)\b/gi;

/**
 * Chrome checks the page's CSP even while parsing into an inert document: an inline `style`
 * attribute, a `<style>` element or an `on…` handler in feed HTML raises a
 * `securitypolicyviolation` (and a report to the site's report-uri) although nothing is applied
 * or run. So before HTML or XML is parsed, `<style>` elements are dropped and `style`/`on…` attributes
 * renamed to `data-feedcal-…`, which no rule allows through (and made another name wherever else
 * the tokenizer could read one as an attribute); `<track>` is renamed too, as it loads even there.
 * This is not the sanitiser (DOMPurify still decides what is kept, and misses here only cost a
 * report); it keeps a strict page quiet.
 */
export function defuseInlineCode(html: string, type: DOMParserSupportedType = 'text/html'): string {
  if (!/style|track|on[a-z]/i.test(html)) return html;
  // In HTML a `<style>` holds raw text up to `</style>`: drop it whole, so its CSS never becomes
  // text. In XML (Atom XHTML content) it is an ordinary element: renaming keeps the document
  // well-formed, and its text is no stylesheet any more.
  return (type === 'text/html' ? html.replace(STYLE_ELEMENT, '') : html)
    .replace(ACTIVE_ELEMENT, '<$1$2feedcal-$3')
    .replace(
      START_TAG,
      (_tag, name: string, attributes = '') =>
        `<${name}${attributes.replace(ATTRIBUTE, (whole: string, attribute: string, value = '') => (INLINE_NAME.test(attribute) ? `data-feedcal-${attribute}${value}` : whole))}>`
    )
    .replace(INLINE_ATTRIBUTE_ANYWHERE, (name: string, _name: string, at: number, whole: string) =>
      type === 'text/html' || insideTag(whole, at) ? `${name}\u200c` : name
    );
}

/**
 * Whether `at` is inside a tag (a `<` after the last `>`). XML text outside tags is only text
 * (escaped markup in a title stays escaped), so there the name is left as written; HTML's
 * tokenizer can read an attribute out of what looks like text, so there every one is changed.
 */
function insideTag(text: string, at: number): boolean {
  return text.lastIndexOf('<', at) > text.lastIndexOf('>', at);
}

/**
 * Above this many tags an HTML string is not parsed as HTML: the HTML parser's cost grows faster
 * than linearly with deeply nested unclosed tags (measured: 16,000 `<b>` take 0.4 s, 500,000 would
 * hang the page for minutes), and no event description or event page needs so many.
 */
export const MAX_HTML_TAGS = 20_000;

/** Whether `html` has more than `MAX_HTML_TAGS` tags. */
export function hasTooManyTags(html: string): boolean {
  let count = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (++count > MAX_HTML_TAGS) return true;
  return false;
}

/**
 * `html` without its markup, in linear time: tags become spaces, `<script>` blocks are kept whole
 * (their raw text is cheap to parse, inert here, and JSON-LD lives in them).
 */
export function flattenHtml(html: string): string {
  return html.replace(/(<script\b[^>]*>[\s\S]*?<\/script\s*>)|<[^>]*>?/gi, (_whole, script?: string) => script ?? ' ');
}

/**
 * Parses `text` into an inert document (scripts never run, nothing loads) that works under
 * Trusted Types. The text is defused first (`defuseInlineCode`), so the document has no inline
 * styles or handlers: read text and links from it, not CSS. Never move its nodes into the page
 * without sanitising them.
 */
export function parseInertDocument(text: string, type: DOMParserSupportedType): Document {
  const trusted = inertParsingPolicy();
  const flat = type === 'text/html' && hasTooManyTags(text) ? flattenHtml(text) : text;
  const html = defuseInlineCode(flat, type);
  const input = trusted ? (trusted.createHTML(html) as string) : html;
  return new DOMParser().parseFromString(input, type);
}
