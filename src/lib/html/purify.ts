/**
 * DOMPurify, configured for feed descriptions. Loaded on demand by `sanitize.ts`, so pages whose
 * feeds carry no HTML never download it. We make our own instance so our hooks never touch a
 * DOMPurify the host page uses.
 */
import createDOMPurify, {type Config} from 'dompurify';
import {defuseInlineCode, flattenHtml, hasTooManyTags} from './trusted-types.js';

const purify = createDOMPurify(window);

const CONFIG: Config = {
  // A small allow-list: text structure, links and images. Nothing that runs, embeds, plays,
  // submits or styles (no style, svg, math, media, frames, forms, templates); feed CSS must never
  // restyle the page or the widget.
  ALLOWED_TAGS: [
    'p',
    'br',
    'hr',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'abbr',
    'cite',
    'q',
    'code',
    'pre',
    'kbd',
    'blockquote',
    'time',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'a',
    'img',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', 'start', 'reversed'],
  // Only links people can follow and images from the web; no data:, javascript:, vbscript:.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

purify.addHook('afterSanitizeAttributes', (node) => {
  const el = node as Element;
  // The final word on URLs, whatever DOMPurify's defaults allow (it lets `data:` through on
  // images): a link only on <a>, to http(s) or mailto; a source only on <img>, from http(s).
  // An empty one would point at the page the widget sits on.
  const href = el.getAttribute('href');
  if (href !== null && (el.tagName !== 'A' || !/^(?:https?|mailto):/i.test(href.trim()))) el.removeAttribute('href');
  const src = el.getAttribute('src');
  if (src !== null && (el.tagName !== 'IMG' || !/^https?:/i.test(src.trim()))) el.removeAttribute('src');
  if (el.tagName === 'A') {
    if (/^https?:/i.test(el.getAttribute('href') ?? '')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  }
  if (el.tagName === 'IMG') {
    // An image without a web source shows nothing but a broken icon.
    if (!el.hasAttribute('src')) el.remove();
    else {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'no-referrer');
      // Feed images often have no text alternative; unnamed, a screen reader reads the file name.
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
  }
});

/** The address relative links resolve against, during one `sanitize` call. */
let baseForCall: string | undefined;

// Relative `href`/`src` are made absolute before DOMPurify checks them against the allowed
// schemes (which only absolute http(s)/mailto URLs pass), so `/event/1` in a feed's HTML
// survives as `https://feed.example/event/1`, and whatever it resolves to is still checked.
purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (!baseForCall || (data.attrName !== 'href' && data.attrName !== 'src')) return;
  const value = data.attrValue.trim();
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value)) return;
  try {
    // The URL parser drops leading control characters, so "\u0001data:…" is not relative:
    // only a resolution that lands on http(s) is kept.
    const resolved = new URL(value, baseForCall);
    data.attrValue = resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : '';
  } catch {
    data.attrValue = '';
  }
});

/**
 * A `<script>` start tag (an HTML or SVG script) through its end tag, or through the end of the
 * text, where the HTML parser ends an unclosed one.
 */
const SCRIPT_ELEMENT = /<script(?=[\t\n\f\r />])[^]*?(?:<\/script(?=[\t\n\f\r />])[^>]*>?|$)/gi;

/**
 * Feed HTML without its script elements. DOMPurify never keeps one, but on the way it moves
 * nodes out of elements it drops, and under Trusted Types moving a script element (or text into
 * one) hands its text to a script sink: a violation report with the feed's text in it. Without
 * the element, no sink is ever reached. A space, not nothing, takes its place, so the text on
 * either side cannot join into a new tag (`<scr<script></script>ipt>`).
 */
export function withoutScripts(html: string): string {
  return /<script/i.test(html) ? html.replace(SCRIPT_ELEMENT, ' ') : html;
}

function sanitize(html: string, baseUrl: string | undefined, config: Config): unknown {
  // Scripts dropped and the rest defused first: DOMPurify's own parse would otherwise raise CSP
  // reports (scripts moved, inline styles and handlers parsed). Pathological markup is shown as
  // its text: parsing it could freeze the page.
  const input = hasTooManyTags(html) ? flattenHtml(html).replace(/</g, '&lt;') : html;
  baseForCall = baseUrl && /^https?:/i.test(baseUrl) ? baseUrl : undefined;
  try {
    return purify.sanitize(defuseInlineCode(withoutScripts(input)), config);
  } finally {
    baseForCall = undefined;
  }
}

/** Sanitised HTML; relative links are resolved against `baseUrl`. */
export function purifyHtml(html: string, baseUrl?: string): string {
  return sanitize(html, baseUrl, CONFIG) as string;
}

/**
 * The same sanitising, returned as a DOM fragment for rendering: no HTML string is ever assigned
 * to `innerHTML`, so this works under a Trusted Types policy too.
 */
export function purifyToFragment(html: string, baseUrl?: string): DocumentFragment {
  return sanitize(html, baseUrl, {...CONFIG, RETURN_DOM_FRAGMENT: true}) as DocumentFragment;
}
