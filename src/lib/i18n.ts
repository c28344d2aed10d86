/**
 * Which language the widget speaks, and its UI strings. The language comes from `lang` on the
 * element or its nearest ancestor, else the document, else the browser — so a blog sets it once
 * on `<html>`. Dates use that locale through `Intl`; strings come from the closest language we
 * have, English otherwise.
 */
import {en, type UiStrings} from './locales/en.js';
import {sv} from './locales/sv.js';

export type {UiStrings};

const STRINGS: Record<string, UiStrings> = {en, sv};

/** The BCP 47 tag that applies to `element`. */
export function resolveLocale(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** UI strings for `locale`: the exact language, or its base language, or English. */
export function uiStrings(locale: string): UiStrings {
  const base = locale.toLowerCase().split('-')[0];
  // Norwegian and Danish readers understand Swedish better than English.
  const fallback = base === 'nb' || base === 'nn' || base === 'no' || base === 'da' ? 'sv' : 'en';
  return STRINGS[base] ?? STRINGS[fallback];
}
