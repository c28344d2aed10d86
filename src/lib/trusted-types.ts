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
 * the only thing it is ever used for is `parseInertDocument`. A page that enforces Trusted Types
 * must allow it by name: `trusted-types lit-html dompurify feedcal`.
 */

interface InertPolicy {
  createHTML(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: {createHTML(input: string): string}): InertPolicy;
}

/** `undefined`: not tried yet; `null`: no Trusted Types in this browser, or the policy was refused. */
let policy: InertPolicy | null | undefined;

function inertParsingPolicy(): InertPolicy | null {
  if (policy !== undefined) return policy;
  policy = null;
  const factory = (globalThis as {trustedTypes?: TrustedTypesFactory}).trustedTypes;
  if (factory && typeof factory.createPolicy === 'function') {
    try {
      policy = factory.createPolicy('feedcal', {createHTML: (input) => input});
    } catch {
      // The page's CSP does not allow the name `feedcal` (or a second copy of feedcal already
      // made it). Without Trusted Types enforcement a plain string still works; with it, the
      // parse below throws and the caller reports an unreadable feed instead of breaking the page.
      console.warn('feedcal: the Trusted Types policy "feedcal" could not be created; allow it in the page\'s CSP (trusted-types … feedcal).');
    }
  }
  return policy;
}

/**
 * Parses `text` into an inert document (scripts never run, nothing loads) that works under
 * Trusted Types. Use it only to read the document; never move its nodes into the page without
 * sanitising them.
 */
export function parseInertDocument(text: string, type: DOMParserSupportedType): Document {
  const trusted = inertParsingPolicy();
  const input = trusted ? (trusted.createHTML(text) as string) : text;
  return new DOMParser().parseFromString(input, type);
}
