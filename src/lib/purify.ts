/**
 * DOMPurify, configured for feed descriptions. Loaded on demand by `sanitize.ts`, so pages whose
 * feeds carry no HTML never download it. We make our own instance so our hooks never touch a
 * DOMPurify the host page uses.
 */
import createDOMPurify, {type Config} from 'dompurify';
import {parseInertDocument} from './trusted-types.js';

const purify = createDOMPurify(window);

const CONFIG: Config = {
  // Only links people can follow and images from the web; no data:, javascript:, vbscript:.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // Feed CSS must never restyle the page or the widget; forms and frames have no place in a
  // description.
  FORBID_TAGS: ['style', 'link', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'meta'],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'action', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

purify.addHook('afterSanitizeAttributes', (node) => {
  const el = node as Element;
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
  const clean = purify.sanitize(html, CONFIG) as string;
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
