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
 * it is used only by `parseInertDocument`, and by `trustedJsonLd` for JSON-LD script text (which
 * it accepts only if it is JSON). A page that enforces Trusted Types
 * must allow it by name: `trusted-types lit-html dompurify feedcal`.
 */

interface InertPolicy {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: {createHTML(input: string): string; createScript(input: string): string}): InertPolicy;
}

/** `undefined`: not tried yet; `null`: no Trusted Types in this browser, or the policy was refused. */
let policy: InertPolicy | null | undefined;

function inertParsingPolicy(): InertPolicy | null {
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
      // The page's CSP does not allow the name `feedcal` (or a second copy of feedcal already
      // made it). Without Trusted Types enforcement a plain string still works; with it, the
      // parse below throws and the caller reports an unreadable feed instead of breaking the page.
      console.warn('feedcal: the Trusted Types policy "feedcal" could not be created; allow it in the page\'s CSP (trusted-types … feedcal).');
    }
  }
  return policy;
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
 * Chrome checks the page's CSP even while parsing into an inert document: an inline `style`
 * attribute, a `<style>` element or an `on…` handler in feed HTML raises a
 * `securitypolicyviolation` (and a report to the site's report-uri) although nothing is applied
 * or run. So before HTML or XML is parsed, `<style>` elements are dropped and `style`/`on…` attributes
 * renamed to `data-feedcal-…`, which no rule allows through. This is not the sanitiser (DOMPurify
 * still decides what is kept, and misses here only cost a report); it keeps a strict page quiet.
 */
export function defuseInlineCode(html: string, type: DOMParserSupportedType = 'text/html'): string {
  if (!/style|on[a-z]/i.test(html)) return html;
  // In HTML a `<style>` holds raw text up to `</style>`: drop it whole, so its CSS never becomes
  // text. In XML (Atom XHTML content) it is an ordinary element: renaming keeps the document
  // well-formed, and its text is no stylesheet any more.
  return (type === 'text/html' ? html.replace(STYLE_ELEMENT, '') : html)
    .replace(/<(\/?)style\b/gi, '<$1feedcal-style')
    .replace(
      START_TAG,
      (_tag, name: string, attributes = '') =>
        `<${name}${attributes.replace(ATTRIBUTE, (whole: string, attribute: string, value = '') => (INLINE_NAME.test(attribute) ? `data-feedcal-${attribute}${value}` : whole))}>`
    );
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

/**
 * Text for a `<script type="application/ld+json">` (`script.textContent = …`), which Trusted Types
 * treats as a script sink even though JSON-LD never runs. Returns a TrustedScript where Trusted
 * Types exist, the string where they do not, and undefined when the page refuses the `feedcal`
 * policy: then write no script at all (writing would raise a violation report). Throws if `json`
 * is not JSON.
 */
export function trustedJsonLd(json: string): string | undefined {
  JSON.parse(json);
  const factory = (globalThis as {trustedTypes?: unknown}).trustedTypes;
  if (!factory) return json;
  const trusted = inertParsingPolicy();
  return trusted ? (trusted.createScript(json) as string) : undefined;
}
