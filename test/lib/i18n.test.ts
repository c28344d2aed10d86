import {expect} from '@open-wc/testing';
import {hasUiStrings, isRtl, loadUiStrings, resolveLocale, uiLanguage, uiStrings, withFallback, type LocaleStrings} from '../../src/lib/i18n.js';
import {en} from '../../src/lib/locales/en.js';
import {sv} from '../../src/lib/locales/sv.js';
import {de} from '../../src/lib/locales/de.js';
import {nb} from '../../src/lib/locales/nb.js';
import {da} from '../../src/lib/locales/da.js';
import {fi} from '../../src/lib/locales/fi.js';
import {fr} from '../../src/lib/locales/fr.js';
import {es} from '../../src/lib/locales/es.js';
import {it as italian} from '../../src/lib/locales/it.js';
import {pt} from '../../src/lib/locales/pt.js';

const LOCALES: Record<string, LocaleStrings> = {en, sv, nb, da, fi, de, fr, es, it: italian, pt};

/** Every key of `value`: the same set as English's for a complete language. */
const keysOf = (value: object) => Object.keys(value).sort();
describe('uiStrings and loadUiStrings', () => {
  // [locale, language of the strings]
  const languages: Array<[string, string]> = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['sv-SE', 'sv'],
    ['SV', 'sv'],
    ['nb-NO', 'nb'],
    ['nn', 'nb'],
    ['no', 'nb'],
    ['de-AT', 'de'],
    ['fr_CA', 'fr'],
    ['pt-BR', 'pt'],
    ['prs', 'fa'],
    ['fa-AF', 'fa'],
    ['sr', 'sr'],
    ['sr-RS', 'sr'],
    ['sr-Cyrl', 'sr'],
    ['sr-Latn', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-ME', 'sr-Latn'],
    ['sh', 'sr-Latn'],
    ['cnr', 'sr-Latn'],
    ['bs-BA', 'bs'],
    ['hr-HR', 'hr'],
    ['ku', 'kmr'],
    ['ku-TR', 'kmr'],
    ['ku-Latn', 'kmr'],
    ['kmr', 'kmr'],
    ['ku-Arab', 'ckb'],
    ['ku-IQ', 'ckb'],
    ['ku-Arab-IR', 'ckb'],
    ['ckb', 'ckb'],
    ['ckb-IR', 'ckb'],
    ['ar-SY', 'ar'],
    ['he-IL', 'he'],
    ['ti-ER', 'ti'],
    ['so-SO', 'so'],
    ['zh-Hant-TW', 'zh'],
    ['', ''],
  ];
  for (const [locale, language] of languages) {
    it(`uiLanguage(${JSON.stringify(locale)}) is ${JSON.stringify(language)}`, () => expect(uiLanguage(locale)).to.equal(language));
  }

  it("reads lang from the element, else an ancestor, else the document, canonical ('iw' is Hebrew)", () => {
    const outer = document.createElement('div');
    outer.lang = 'iw';
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    try {
      expect(resolveLocale(inner)).to.equal('he');
      expect(uiLanguage(resolveLocale(inner))).to.equal('he');
      inner.lang = 'sr-Latn-ME';
      expect(uiLanguage(resolveLocale(inner))).to.equal('sr-Latn');
    } finally {
      outer.remove();
    }
  });

  it("without a lang on the page, takes the first of the reader's languages it speaks", () => {
    const element = document.createElement('span');
    document.body.append(element);
    const pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    const languages = (list: string[]) => Object.defineProperty(navigator, 'languages', {configurable: true, get: () => list});
    try {
      languages(['ja-JP', 'sv-SE', 'en']);
      expect(resolveLocale(element)).to.equal('sv-SE');
      languages(['ja-JP', 'ko']);
      expect(resolveLocale(element), 'none spoken: the first').to.equal(navigator.language);
      languages(['en-GB', 'sv']);
      expect(resolveLocale(element)).to.equal('en-GB');
      element.lang = 'fi';
      expect(resolveLocale(element), 'a lang wins').to.equal('fi');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).languages;
      if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
      element.remove();
    }
  });

  it('bundles English only; Swedish is English until loaded, then Swedish synchronously', async () => {
    expect(uiStrings('en-GB').loading).to.equal(en.loading);
    expect(hasUiStrings('en-GB')).to.equal(true);
    expect(hasUiStrings('xx'), 'a language we do not have is English, final').to.equal(true);
    // No test before this one in this page asks for Swedish.
    expect(hasUiStrings('sv'), 'Swedish before it is loaded').to.equal(false);
    expect(uiStrings('sv').loading).to.equal(en.loading);
    expect((await loadUiStrings('sv-SE')).loading).to.equal(sv.loading);
    expect(hasUiStrings('sv')).to.equal(true);
    expect(uiStrings('sv').loading).to.equal(sv.loading);
  });

  it('Danish and Norwegian fall back to English, not Swedish, before they are loaded', () => {
    expect(uiStrings('da-DK').loading).to.equal(en.loading);
  });

  it('an unknown language is English, synchronously and loaded', async () => {
    expect(uiStrings('xx').empty).to.equal(en.empty);
    expect(uiStrings('tlh').resultCount(2)).to.equal('2 events');
    expect((await loadUiStrings('zh-CN')).empty).to.equal(en.empty);
    expect((await loadUiStrings('not a locale')).empty).to.equal(en.empty);
  });

  it("loadUiStrings('de-AT') gives German, and then uiStrings has it too", async () => {
    const strings = await loadUiStrings('de-AT');
    expect(strings.loading).to.equal(de.loading);
    expect(strings.resultCount(2)).to.equal('2 Veranstaltungen');
    expect(uiStrings('de-CH').loading).to.equal(de.loading);
    expect(await loadUiStrings('de')).to.equal(strings);
  });

  it('loads every on-demand language', async () => {
    for (const code of ['nb', 'da', 'fi', 'fr', 'es', 'it', 'pt']) {
      expect((await loadUiStrings(code)).loading, code).to.equal(LOCALES[code].loading);
    }
  });

  it('two loads of one language share one import', async () => {
    const [a, b] = await Promise.all([loadUiStrings('fi-FI'), loadUiStrings('fi')]);
    expect(a).to.equal(b);
  });
});

describe('withFallback', () => {
  it('fills missing keys from English key by key', () => {
    const strings = withFallback({loading: 'Lädt…', resultCount: {one: '# Termin', other: '# Termine'}} as Partial<LocaleStrings>, 'de');
    expect(strings.loading).to.equal('Lädt…');
    expect(strings.empty).to.equal(en.empty);
    expect(strings.resultCount(1)).to.equal('1 Termin');
    expect(strings.resultCount(3)).to.equal('3 Termine');
    expect(strings.showMore(3), 'English forms, by German rules').to.equal('Show 3 more');
    expect(keysOf(strings)).to.deep.equal(keysOf(en));
  });

  it('replaces a value of the wrong kind and ignores unknown keys', () => {
    const strings = withFallback({showMore: 'Mehr', loading: {other: 'x'}, extra: 'x'} as unknown as Partial<LocaleStrings>, 'de');
    expect(strings.showMore(2)).to.equal('Show 2 more');
    expect(strings.loading).to.equal(en.loading);
    expect('extra' in strings).to.equal(false);
  });

  it('a form a language lacks is its other form; the number in its own digits', () => {
    const strings = withFallback({resultCount: {one: 'حدث واحد', other: '# حدث'}} as Partial<LocaleStrings>, 'ar');
    expect(strings.resultCount(1)).to.equal('حدث واحد');
    expect(strings.resultCount(2)).to.equal(`${new Intl.NumberFormat('ar').format(2)} حدث`);
  });
});

describe('isRtl', () => {
  // [locale, right to left]
  const cases: Array<[string, boolean]> = [
    ['ar', true],
    ['ar-EG', true],
    ['he', true],
    ['he-IL', true],
    ['fa-IR', true],
    ['ur', true],
    ['yi', true],
    ['ps', true],
    ['ckb', true],
    ['dv', true],
    ['en', false],
    ['sv-SE', false],
    ['zh-Hant', false],
    ['ja', false],
    ['az-Arab', true],
    ['ku', false],
    ['not a locale', false],
    ['', false],
  ];
  for (const [locale, rtl] of cases) {
    it(`${JSON.stringify(locale)} → ${rtl}`, () => expect(isRtl(locale)).to.equal(rtl));
  }
});
