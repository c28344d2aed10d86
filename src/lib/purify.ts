/**
 * DOMPurify, configured for feed descriptions. Loaded on demand by `sanitize.ts`, so pages whose
 * feeds carry no HTML never download it. We make our own instance so our hooks never touch a
 * DOMPurify the host page uses.
 */
import createDOMPurify, {type Config} from 'dompurify';
import {defuseInlineCode, flattenHtml, hasTooManyTags, parseInertDocument} from './trusted-types.js';

const purify = createDOMPurify(window);

const CONFIG: Config = {
  // A small allow-list: text structure, links and images. Nothing that runs, embeds, plays,
  // submits or styles (no style, svg, math, media, frames, forms, templates); feed CSS must never
  // restyle the page or the widget.
  ALLOWED_TAGS: [
    'p', 'br', 'hr', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
    'abbr', 'cite', 'q', 'code', 'pre', 'kbd', 'blockquote', 'time', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'figure', 'figcaption', 'a', 'img',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', 'start', 'reversed'],
  // Only links people can follow and images from the web; no data:, javascript:, vbscript:.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

purify.addHook('afterSanitizeAttributes', (node) => {
  const el = node as Element;
  // An empty link would point at the page the widget sits on.
  for (const name of ['href', 'src']) if (el.getAttribute(name)?.trim() === '') el.removeAttribute(name);
  if (el.tagName === 'A') {
    const href = el.getAttribute('href');
    if (href && /^https?:/i.test(href)) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  }
  if (el.tagName === 'IMG') {
    const src = el.getAttribute('src') ?? '';
    // mailto: passes the URI rule but is no image source.
    if (!/^https?:/i.test(src)) el.remove();
    else {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  }
});

/** Sanitised HTML; relative links are resolved against `baseUrl` first so they survive. */
export function purifyHtml(html: string, baseUrl?: string): string {
  // Defused first: DOMPurify's own parse would otherwise raise CSP reports for inline styles/handlers.
  // Pathological markup is shown as its text: parsing it could freeze the page.
  const input = hasTooManyTags(html) ? flattenHtml(html).replace(/</g, '&lt;') : html;
  const clean = purify.sanitize(defuseInlineCode(input), CONFIG) as string;
  if (!baseUrl || !/^https?:/i.test(baseUrl)) return clean;
  // Resolve relative href/src on a parsed copy (DOMParser runs nothing), then sanitise again so
  // resolution can never turn into something the rules forbid.
  const doc = parseInertDocument(clean, 'text/html');
  for (const el of doc.querySelectorAll<HTMLElement>('[href], [src]')) {
    for (const attribute of ['href', 'src']) {
      const value = el.getAttribute(attribute);
      if (value && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        try {
          el.setAttribute(attribute, new URL(value, baseUrl).href);
        } catch {
          el.removeAttribute(attribute);
        }
      }
    }
  }
  return purify.sanitize(doc.body.innerHTML, CONFIG) as string;
}

/**
 * The same sanitising, returned as a DOM fragment for rendering: no HTML string is ever assigned
 * to `innerHTML`, so this works under a Trusted Types policy too.
 */
export function purifyToFragment(html: string, baseUrl?: string): DocumentFragment {
  return purify.sanitize(purifyHtml(html, baseUrl), {...CONFIG, RETURN_DOM_FRAGMENT: true}) as unknown as DocumentFragment;
}
