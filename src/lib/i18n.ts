/**
 * Which language the widget speaks, and its UI strings. The language comes from `lang` on the
 * element or its nearest ancestor, else the document, else the browser — so a blog sets it once
 * on `<html>`. Dates use that locale through `Intl`; strings come from `locales/<language>.ts`.
 *
 * 38 languages (the list is `IMPORTS` below and the README's "Languages"). English is bundled (it
 * is the reference every language falls back to); the others are loaded on demand (lib/lazy.ts),
 * each a chunk of its own, so a page pays only for the language it shows, and that download runs
 * while the feed is on its way. A string a language lacks falls back to English, key by key,
 * never to a key name; test/lib/i18n-locales.test.ts keeps every shipped language complete.
 */
import {en, type LocaleStrings, type PluralForms, type UiStrings} from './locales/en.js';
import {lazy, type Lazy} from './lazy.js';

export type {LocaleStrings, PluralForms, UiStrings};

/**
 * Languages loaded on demand, each module a chunk of its own, by the tag `uiLanguage` gives; each
 * module exports its strings under that tag without the hyphen (`sv`, `srLatn`).
 *
 * Serbian is written in both scripts: `sr` (and `sr-Cyrl`) gets Cyrillic, the official script
 * and the CLDR default; `sr-Latn`, and a Serbian whose region writes Latin (`sr-ME`), gets Latin.
 * Bosnian (`bs`) and Croatian (`hr`) have their own strings. Kurdish: `kmr` is Kurmanji (Latin
 * script), `ckb` Sorani (Arabic script, right to left).
 */
type LocaleModule = Record<string, Partial<LocaleStrings>>;
const IMPORTS: Record<string, () => Promise<LocaleModule>> = {
  sv: () => import('./locales/sv.js'),
  nb: () => import('./locales/nb.js'),
  da: () => import('./locales/da.js'),
  fi: () => import('./locales/fi.js'),
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  it: () => import('./locales/it.js'),
  pt: () => import('./locales/pt.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  cs: () => import('./locales/cs.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  hr: () => import('./locales/hr.js'),
  bs: () => import('./locales/bs.js'),
  sr: () => import('./locales/sr.js'),
  'sr-Latn': () => import('./locales/sr-Latn.js'),
  bg: () => import('./locales/bg.js'),
  uk: () => import('./locales/uk.js'),
  ru: () => import('./locales/ru.js'),
  el: () => import('./locales/el.js'),
  ro: () => import('./locales/ro.js'),
  hu: () => import('./locales/hu.js'),
  et: () => import('./locales/et.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  is: () => import('./locales/is.js'),
  sq: () => import('./locales/sq.js'),
  tr: () => import('./locales/tr.js'),
  ar: () => import('./locales/ar.js'),
  fa: () => import('./locales/fa.js'),
  he: () => import('./locales/he.js'),
  ckb: () => import('./locales/ckb.js'),
  kmr: () => import('./locales/kmr.js'),
  so: () => import('./locales/so.js'),
  ti: () => import('./locales/ti.js'),
  am: () => import('./locales/am.js'),
};

// Readers of these read another language's strings: the macrolanguage `no` and Nynorsk read
// Bokmål, Dari reads Persian, Serbo-Croatian and Montenegrin read Serbian in Latin script.
const ALIASES: Record<string, string> = {no: 'nb', nn: 'nb', prs: 'fa', sh: 'sr-Latn', cnr: 'sr-Latn'};

/** Each language's `lazy()` loader, made at its first use. */
const loaders = new Map<string, Lazy<LocaleModule>>();
const loaderOf = (language: string) => IMPORTS[language] && (loaders.get(language) ?? loaders.set(language, lazy(IMPORTS[language])).get(language));

const english = withFallback(en, 'en');
const loaded = new Map<string, UiStrings>([['en', english]]);

/** The BCP 47 tag that applies to `element`: its `lang` or its nearest ancestor's, else the document's, else the browser's. */
export function resolveLocale(element: Element): string {
  // Without a lang on the page: the first of the reader's languages the widget speaks (a reader of
  // Japanese and Swedish gets Swedish, dates included), else their first.
  const lang =
    element.closest('[lang]')?.getAttribute('lang') ||
    document.documentElement.lang ||
    navigator.languages?.find((tag) => IMPORTS[uiLanguage(tag)] || uiLanguage(tag) === 'en') ||
    navigator.language ||
    'en';
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

/**
 * The strings' language for a locale: `de-AT` → `de`, `nn-NO` → `nb`, `sr-Latn-RS` and `sr-ME`
 * → `sr-Latn`, `ku` → `kmr` (Kurmanji, the Kurdish of most Kurds in Europe) but `ku-Arab`,
 * `ku-IQ` and `ku-IR` → `ckb` (Sorani).
 */
export function uiLanguage(locale: string): string {
  const tag = (locale || '').toLowerCase().replace(/_/g, '-');
  const base = tag.split('-')[0];
  // The script decides, written or implied by the region (Montenegro writes Serbian in Latin, Iraqi and Iranian Kurds write Sorani).
  if (base === 'sr') return /-(latn|me)\b/.test(tag) && !tag.includes('-cyrl') ? 'sr-Latn' : 'sr';
  if (base === 'ku') return /-(arab|iq|ir)\b/.test(tag) && !tag.includes('-latn') ? 'ckb' : 'kmr';
  return ALIASES[base] ?? base;
}

/**
 * UI strings for `locale`, synchronously: English, or a language already loaded with
 * `loadUiStrings`; English for anything else (until it is loaded).
 */
export function uiStrings(locale: string): UiStrings {
  return loaded.get(uiLanguage(locale)) ?? english;
}

/** Whether `uiStrings(locale)` already gives that language's own strings (or English is all there is). */
export function hasUiStrings(locale: string): boolean {
  const language = uiLanguage(locale);
  return loaded.has(language) || !IMPORTS[language];
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
  const loader = loaderOf(language);
  if (!loader) return Promise.resolve(english);
  return loader.tryLoad().then((module) => {
    if (!module) return english;
    const strings = loaded.get(language) ?? withFallback(module[language.replace('-', '')], language);
    loaded.set(language, strings);
    return strings;
  });
}

/** Every language that has UI strings (bundled or on demand), as base subtags. */
export function uiLanguages(): string[] {
  return ['en', ...Object.keys(IMPORTS)];
}

/**
 * `strings` completed from English key by key: a key that is missing or of the wrong kind (text
 * where English has a count) takes the English value. Each count becomes a function of the number
 * by `language`'s plural rules, with its digits.
 */
export function withFallback(strings: Partial<LocaleStrings>, language: string): UiStrings {
  const own = (strings && typeof strings === 'object' ? strings : {}) as Record<string, unknown>;
  // Kurmanji's rules are filed under `ku` in browsers that do not know `kmr`.
  const locales = [language, language === 'kmr' ? 'ku' : 'en'];
  const rules = new Intl.PluralRules(locales);
  const digits = new Intl.NumberFormat(locales);
  const result: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(en)) {
    const value = typeof own[key] === typeof fallback ? own[key] : fallback;
    result[key] =
      typeof value === 'object' ? (n: number) => ((value as PluralForms)[rules.select(n)] ?? (value as PluralForms).other).replace('#', digits.format(n)) : value;
  }
  return result as UiStrings;
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
