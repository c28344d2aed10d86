/**
 * Which language the widget speaks, and its UI strings. The language comes from `lang` on the
 * element or its nearest ancestor, else the document, else the browser — so a blog sets it once
 * on `<html>`. Dates use that locale through `Intl`; strings come from `locales/<language>.ts`.
 *
 * English is bundled (it is the reference every language falls back to); the other languages,
 * Swedish included, are loaded on demand (lib/lazy.ts), so a page pays only for the language it
 * shows, and that download runs while the feed is on its way. A string a language lacks falls back to English,
 * key by key, never to a key name.
 */
import {en, type UiStrings} from './locales/en.js';
import {lazy, type Lazy} from './lazy.js';

export type {UiStrings};

/** Languages loaded on demand, by base language subtag; each module exports its strings under that name. */
const LOADERS: Record<string, Lazy<Record<string, Partial<UiStrings>>>> = {
  sv: lazy(() => import('./locales/sv.js')),
  nb: lazy(() => import('./locales/nb.js')),
  da: lazy(() => import('./locales/da.js')),
  fi: lazy(() => import('./locales/fi.js')),
  de: lazy(() => import('./locales/de.js')),
  fr: lazy(() => import('./locales/fr.js')),
  es: lazy(() => import('./locales/es.js')),
  it: lazy(() => import('./locales/it.js')),
  pt: lazy(() => import('./locales/pt.js')),
};

// `no` (the macrolanguage) and `nn` (Nynorsk) readers read Bokmål.
const ALIASES: Record<string, string> = {no: 'nb', nn: 'nb'};

const loaded = new Map<string, UiStrings>([['en', en]]);

/** The BCP 47 tag that applies to `element`. */
export function resolveLocale(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
  let locale = canonical.get(lang);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      locale = 'en';
    }
    canonical.set(lang, locale);
  }
  return locale;
}

/** `lang` values already made canonical: every card asks on every render. */
const canonical = new Map<string, string>();

/** The strings' language for a locale: `de-AT` → `de`, `nn-NO` → `nb`. */
export function uiLanguage(locale: string): string {
  const base = (locale || '').toLowerCase().split(/[-_]/)[0];
  return ALIASES[base] ?? base;
}

/**
 * UI strings for `locale`, synchronously: English, or a language already loaded with
 * `loadUiStrings`; English for anything else (until it is loaded).
 */
export function uiStrings(locale: string): UiStrings {
  return loaded.get(uiLanguage(locale)) ?? en;
}

/** Whether `uiStrings(locale)` already gives that language's own strings (or English is all there is). */
export function hasUiStrings(locale: string): boolean {
  const language = uiLanguage(locale);
  return loaded.has(language) || !LOADERS[language];
}

/**
 * UI strings for `locale`, loading the language's module on first use. Never rejects: a
 * language we do not have, or a chunk that fails to load (offline), gives English; a failed
 * load is tried again on the next call.
 */
export function loadUiStrings(locale: string): Promise<UiStrings> {
  const language = uiLanguage(locale);
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  const loader = LOADERS[language];
  if (!loader) return Promise.resolve(en);
  return loader.tryLoad().then((module) => {
    if (!module) return en;
    const strings = loaded.get(language) ?? withFallback(module[language]);
    loaded.set(language, strings);
    return strings;
  });
}

/** Every language that has UI strings (bundled or on demand), as base subtags. */
export function uiLanguages(): string[] {
  return ['en', ...Object.keys(LOADERS)];
}

/**
 * `strings` completed from English key by key, recursing into tables (the `error` table):
 * a key that is missing or of the wrong kind (a string where English has a function) takes
 * the English value.
 */
export function withFallback(strings: Partial<UiStrings>): UiStrings {
  return merge(en, strings) as UiStrings;
}

function merge(reference: Record<string, unknown>, value: unknown): Record<string, unknown> {
  const source = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(reference)) {
    const own = source[key];
    if (fallback && typeof fallback === 'object') result[key] = merge(fallback as Record<string, unknown>, own);
    else result[key] = typeof own === typeof fallback ? own : fallback;
  }
  return result;
}

// Languages written right to left, for browsers without `Intl.Locale#getTextInfo`.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'lrc', 'mzn', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa']);

interface LocaleWithTextInfo extends Intl.Locale {
  getTextInfo?: () => {direction?: string};
  textInfo?: {direction?: string};
}

/**
 * Whether `locale` is written right to left: the browser's own answer (`getTextInfo()`, or the
 * older `textInfo` getter) when it has one, else the script (`ar-Latn` is left to right, `ur`
 * maximises to Arabic script), else a list of languages.
 */
export function isRtl(locale: string): boolean {
  let intlLocale: LocaleWithTextInfo;
  try {
    intlLocale = new Intl.Locale(locale) as LocaleWithTextInfo;
  } catch {
    return false;
  }
  const direction = (intlLocale.getTextInfo?.() ?? intlLocale.textInfo)?.direction;
  if (direction) return direction === 'rtl';
  const script = intlLocale.script ?? intlLocale.maximize().script;
  if (script) return RTL_SCRIPTS.has(script);
  return RTL_LANGUAGES.has(intlLocale.language.toLowerCase());
}
