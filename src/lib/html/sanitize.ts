/**
 * The only way feed HTML reaches the DOM: through DOMPurify, imported on first use. Results are
 * cached because a card re-renders with the same description many times.
 */
import {lazy} from '../lazy.js';
import {trustedTypesRefused} from './trusted-types.js';

/**
 * DOMPurify and its configuration (purify.ts); until it is here, nothing is sanitised and nothing
 * shown. On a page that refuses feedcal's Trusted Types policy it is never loaded (its parse is a
 * sink too): the HTML is dropped and descriptions show as plain text (trusted-types.ts).
 */
export const purifier = lazy(() =>
  trustedTypesRefused() ? Promise.reject(new Error('the page refuses the Trusted Types policy "feedcal"')) : import('./purify.js')
);

const strings = new Map<string, string>();
const fragments = new Map<string, DocumentFragment>();
const CACHE_LIMIT = 500;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** Sanitised HTML as a string, for the `CalendarEvent.descriptionHtml` the element exposes. */
export async function sanitizeHtml(html: string, baseUrl?: string): Promise<string> {
  const key = `${baseUrl ?? ''}\u0000${html}`;
  const cached = strings.get(key);
  if (cached !== undefined) return cached;
  const {purifyHtml} = await purifier.load();
  return remember(strings, key, purifyHtml(html, baseUrl));
}

/** Sanitised HTML as a fresh fragment to insert (a fragment empties when inserted, so clone). */
export async function sanitizeToFragment(html: string, baseUrl?: string): Promise<DocumentFragment> {
  const key = `${baseUrl ?? ''}\u0000${html}`;
  let fragment = fragments.get(key);
  if (!fragment) {
    const {purifyToFragment} = await purifier.load();
    fragment = remember(fragments, key, purifyToFragment(html, baseUrl));
  }
  return fragment.cloneNode(true) as DocumentFragment;
}
