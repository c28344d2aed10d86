import {expect} from '@open-wc/testing';
import {hasUiStrings, isRtl, loadUiStrings, uiLanguage, uiLanguages, uiStrings, withFallback, type UiStrings} from '../../src/lib/i18n.js';
import {en} from '../../src/lib/locales/en.js';
import {sv} from '../../src/lib/locales/sv.js';
import {nb} from '../../src/lib/locales/nb.js';
import {da} from '../../src/lib/locales/da.js';
import {fi} from '../../src/lib/locales/fi.js';
import {de} from '../../src/lib/locales/de.js';
import {fr} from '../../src/lib/locales/fr.js';
import {es} from '../../src/lib/locales/es.js';
import {it as italian} from '../../src/lib/locales/it.js';
import {pt} from '../../src/lib/locales/pt.js';

const LOCALES: Record<string, UiStrings> = {en, sv, nb, da, fi, de, fr, es, it: italian, pt};

/** Every key path of `value`: `loading`, `error.not-found`, … */
function keyPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => (child && typeof child === 'object' ? keyPaths(child, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

function at(value: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], value);
}

describe('locale files', () => {
  const reference = keyPaths(en);

  it('the languages with loaders are exactly the locale files', () => {
    expect(uiLanguages().sort()).to.deep.equal(Object.keys(LOCALES).sort());
  });

  for (const [code, strings] of Object.entries(LOCALES)) {
    describe(code, () => {
      it('has every key of English, of the same kind, and no other key', () => {
        expect(keyPaths(strings).sort()).to.deep.equal([...reference].sort());
        for (const path of reference) expect(typeof at(strings, path), path).to.equal(typeof at(en, path));
      });

      it('has no empty strings and no key names as values', () => {
        for (const path of reference) {
          const value = at(strings, path);
          if (typeof value !== 'string') continue;
          expect(value.trim(), path).not.to.equal('');
          expect(value, path).not.to.equal(path);
        }
      });

      // [key path, arguments]
      const functions: Array<[string, number]> = [
        ['showMore', 7],
        ['resultCount', 0],
        ['resultCount', 1],
        ['resultCount', 23],
        ['skipped', 1],
        ['skipped', 4],
        ['moreEvents', 1],
        ['moreEvents', 12],
        ['error.http-status', 503],
      ];
      for (const [path, n] of functions) {
        it(`${path}(${n}) says the number`, () => {
          const text = (at(strings, path) as (n: number) => string)(n);
          expect(text).to.be.a('string');
          expect(text).to.include(String(n));
        });
      }
    });
  }
});

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
    ['zh-Hant-TW', 'zh'],
    ['', ''],
  ];
  for (const [locale, language] of languages) {
    it(`uiLanguage(${JSON.stringify(locale)}) is ${JSON.stringify(language)}`, () => expect(uiLanguage(locale)).to.equal(language));
  }

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
    expect(uiStrings('tlh').error.cors).to.equal(en.error.cors);
    expect((await loadUiStrings('zh-CN')).empty).to.equal(en.empty);
    expect((await loadUiStrings('not a locale')).empty).to.equal(en.empty);
  });

  it("loadUiStrings('de-AT') gives German, and then uiStrings has it too", async () => {
    const strings = await loadUiStrings('de-AT');
    expect(strings.loading).to.equal(de.loading);
    expect(strings.error['not-found']).to.equal(de.error['not-found']);
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
  it('fills missing keys from English key by key, also inside the error table', () => {
    const partial = {loading: 'Lädt…', error: {empty: 'Leer.'}} as unknown as Partial<UiStrings>;
    const strings = withFallback(partial);
    expect(strings.loading).to.equal('Lädt…');
    expect(strings.empty).to.equal(en.empty);
    expect(strings.error.empty).to.equal('Leer.');
    expect(strings.error.cors).to.equal(en.error.cors);
    expect(strings.resultCount(3)).to.equal('3 events');
    expect(keyPaths(strings).sort()).to.deep.equal(keyPaths(en).sort());
  });

  it('replaces a value of the wrong kind and ignores unknown keys', () => {
    const strings = withFallback({showMore: 'Mehr', error: 'kaputt', extra: 'x'} as unknown as Partial<UiStrings>);
    expect(strings.showMore(2)).to.equal('Show 2 more');
    expect(strings.error.empty).to.equal(en.error.empty);
    expect('extra' in strings).to.equal(false);
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
