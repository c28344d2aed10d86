/**
 * What a hostile string must never leave behind in a list: anything in its shadow trees that
 * could run, navigate, load from an unsafe address or restyle (`findOffences`), and an unsafe
 * URL in the schema.org JSON-LD it writes into the light DOM (`jsonLdOffences`).
 *
 * Types only from src/, so the strict-CSP pages (test/security/csp/) can use it too.
 */

const FORBIDDEN_IN_DESCRIPTION =
  'script, iframe, frame, frameset, object, embed, form, input, button, textarea, select, svg, math, style, link, meta, base, template, noscript, video, audio, source, area';
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'data', 'srcdoc', 'srcset', 'ping', 'cite', 'longdesc'];

/** Every shadow root under `root`, depth first. */
export function shadowRoots(root: Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  if (root.shadowRoot) {
    found.push(root.shadowRoot);
    visit(root.shadowRoot);
  }
  return found;
}

/** What got through into `list`'s shadow trees: one line per offending node. */
export function findOffences(list: Element): string[] {
  const offences: string[] = [];
  for (const root of shadowRoots(list)) {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) offences.push(`<${el.localName} ${name}> handler`);
        if (!URL_ATTRIBUTES.includes(name)) continue;
        const value = attr.value.trim();
        const ok = name === 'href' ? /^(https?:|mailto:)/i.test(value) : name === 'src' ? /^https?:/i.test(value) : false;
        if (!ok) offences.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
      }
      if (el.localName === 'style') offences.push('<style> element');
      if (el.localName === 'script') offences.push('<script> element');
    }
    for (const description of root.querySelectorAll('[part~="description"]')) {
      for (const el of description.querySelectorAll(FORBIDDEN_IN_DESCRIPTION)) offences.push(`<${el.localName}> in a description`);
      for (const el of description.querySelectorAll('[style], [class], [id], [part], [slot]'))
        offences.push(`<${el.localName}> with style/class/id/part/slot in a description`);
    }
  }
  return offences;
}

/** schema.org properties whose value is an address a crawler (or a page reading the data) follows. */
const URL_PROPERTIES = new Set(['url', 'image', 'sameAs', 'logo', 'contentUrl', 'thumbnailUrl', 'embedUrl', 'mainEntityOfPage']);

/**
 * The unsafe URLs in the JSON-LD `list` wrote into the light DOM: every address must be absolute
 * http(s). Also an offence: JSON-LD that is not JSON, or not an array of objects.
 */
export function jsonLdOffences(list: Element): string[] {
  const offences: string[] = [];
  for (const script of list.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch (error) {
      offences.push(`JSON-LD that is not JSON: ${String(error)}`);
      continue;
    }
    if (!Array.isArray(data) || data.some((item) => typeof item !== 'object' || item === null))
      offences.push(`JSON-LD that is not a list of objects: ${typeof data}`);
    const visit = (value: unknown, key: string) => {
      if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
      if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => visit(v, k));
      if (URL_PROPERTIES.has(key) && (typeof value !== 'string' || !/^https?:\/\/[^\s]/i.test(value) || /[\s<>"]/.test(value)))
        offences.push(`JSON-LD ${key}: ${JSON.stringify(value).slice(0, 80)}`);
    };
    visit(data, '');
  }
  return offences;
}
