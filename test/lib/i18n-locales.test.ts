/**
 * Every language ships whole: each module has exactly English's keys (a missing one would show
 * English inside the language, an extra one is a typo), each count has a form for every plural
 * category the language uses for whole numbers, and each error table has every error code. The
 * counts are checked through the same code the widget uses (withFallback), with each language's
 * digits.
 */
import {expect} from '@open-wc/testing';
import {loadUiStrings, uiLanguages, withFallback, type LocaleStrings, type PluralForms} from '../../src/lib/i18n.js';
import {en} from '../../src/lib/locales/en.js';
import {enErrors, type ErrorStrings} from '../../src/lib/locales/en-errors.js';
import {errorTableLanguages} from '../../src/views/feed-error.js';
import {sv} from '../../src/lib/locales/sv.js';
import {nb} from '../../src/lib/locales/nb.js';
import {da} from '../../src/lib/locales/da.js';
import {fi} from '../../src/lib/locales/fi.js';
import {de} from '../../src/lib/locales/de.js';
import {fr} from '../../src/lib/locales/fr.js';
import {es} from '../../src/lib/locales/es.js';
import {it as italian} from '../../src/lib/locales/it.js';
import {pt} from '../../src/lib/locales/pt.js';
import {nl} from '../../src/lib/locales/nl.js';
import {pl} from '../../src/lib/locales/pl.js';
import {cs} from '../../src/lib/locales/cs.js';
import {sk} from '../../src/lib/locales/sk.js';
import {sl} from '../../src/lib/locales/sl.js';
import {hr} from '../../src/lib/locales/hr.js';
import {bs} from '../../src/lib/locales/bs.js';
import {sr} from '../../src/lib/locales/sr.js';
import {srLatn} from '../../src/lib/locales/sr-Latn.js';
import {bg} from '../../src/lib/locales/bg.js';
import {uk} from '../../src/lib/locales/uk.js';
import {ru} from '../../src/lib/locales/ru.js';
import {el} from '../../src/lib/locales/el.js';
import {ro} from '../../src/lib/locales/ro.js';
import {hu} from '../../src/lib/locales/hu.js';
import {et} from '../../src/lib/locales/et.js';
import {lt} from '../../src/lib/locales/lt.js';
import {lv} from '../../src/lib/locales/lv.js';
import {is} from '../../src/lib/locales/is.js';
import {sq} from '../../src/lib/locales/sq.js';
import {tr} from '../../src/lib/locales/tr.js';
import {ar} from '../../src/lib/locales/ar.js';
import {fa} from '../../src/lib/locales/fa.js';
import {he} from '../../src/lib/locales/he.js';
import {ckb} from '../../src/lib/locales/ckb.js';
import {kmr} from '../../src/lib/locales/kmr.js';
import {so} from '../../src/lib/locales/so.js';
import {ti} from '../../src/lib/locales/ti.js';
import {am} from '../../src/lib/locales/am.js';
import {sv as svErrors} from '../../src/lib/locales/errors/sv.js';
import {nb as nbErrors} from '../../src/lib/locales/errors/nb.js';
import {da as daErrors} from '../../src/lib/locales/errors/da.js';
import {fi as fiErrors} from '../../src/lib/locales/errors/fi.js';
import {de as deErrors} from '../../src/lib/locales/errors/de.js';
import {fr as frErrors} from '../../src/lib/locales/errors/fr.js';
import {es as esErrors} from '../../src/lib/locales/errors/es.js';
import {it as itErrors} from '../../src/lib/locales/errors/it.js';
import {pt as ptErrors} from '../../src/lib/locales/errors/pt.js';
import {nl as nlErrors} from '../../src/lib/locales/errors/nl.js';
import {pl as plErrors} from '../../src/lib/locales/errors/pl.js';
import {cs as csErrors} from '../../src/lib/locales/errors/cs.js';
import {sk as skErrors} from '../../src/lib/locales/errors/sk.js';
import {sl as slErrors} from '../../src/lib/locales/errors/sl.js';
import {hr as hrErrors} from '../../src/lib/locales/errors/hr.js';
import {bs as bsErrors} from '../../src/lib/locales/errors/bs.js';
import {sr as srErrors} from '../../src/lib/locales/errors/sr.js';
import {srLatn as srLatnErrors} from '../../src/lib/locales/errors/sr-Latn.js';
import {bg as bgErrors} from '../../src/lib/locales/errors/bg.js';
import {uk as ukErrors} from '../../src/lib/locales/errors/uk.js';
import {ru as ruErrors} from '../../src/lib/locales/errors/ru.js';
import {el as elErrors} from '../../src/lib/locales/errors/el.js';
import {ro as roErrors} from '../../src/lib/locales/errors/ro.js';
import {hu as huErrors} from '../../src/lib/locales/errors/hu.js';
import {et as etErrors} from '../../src/lib/locales/errors/et.js';
import {lt as ltErrors} from '../../src/lib/locales/errors/lt.js';
import {lv as lvErrors} from '../../src/lib/locales/errors/lv.js';
import {is as isErrors} from '../../src/lib/locales/errors/is.js';
import {sq as sqErrors} from '../../src/lib/locales/errors/sq.js';
import {tr as trErrors} from '../../src/lib/locales/errors/tr.js';
import {ar as arErrors} from '../../src/lib/locales/errors/ar.js';
import {fa as faErrors} from '../../src/lib/locales/errors/fa.js';
import {he as heErrors} from '../../src/lib/locales/errors/he.js';
import {ckb as ckbErrors} from '../../src/lib/locales/errors/ckb.js';
import {kmr as kmrErrors} from '../../src/lib/locales/errors/kmr.js';
import {so as soErrors} from '../../src/lib/locales/errors/so.js';
import {ti as tiErrors} from '../../src/lib/locales/errors/ti.js';
import {am as amErrors} from '../../src/lib/locales/errors/am.js';

const LOCALES: Record<string, LocaleStrings> = {
  en,
  sv: sv,
  nb: nb,
  da: da,
  fi: fi,
  de: de,
  fr: fr,
  es: es,
  it: italian,
  pt: pt,
  nl: nl,
  pl: pl,
  cs: cs,
  sk: sk,
  sl: sl,
  hr: hr,
  bs: bs,
  sr: sr,
  'sr-Latn': srLatn,
  bg: bg,
  uk: uk,
  ru: ru,
  el: el,
  ro: ro,
  hu: hu,
  et: et,
  lt: lt,
  lv: lv,
  is: is,
  sq: sq,
  tr: tr,
  ar: ar,
  fa: fa,
  he: he,
  ckb: ckb,
  kmr: kmr,
  so: so,
  ti: ti,
  am: am,
};

const ERRORS: Record<string, ErrorStrings> = {
  sv: svErrors,
  nb: nbErrors,
  da: daErrors,
  fi: fiErrors,
  de: deErrors,
  fr: frErrors,
  es: esErrors,
  it: itErrors,
  pt: ptErrors,
  nl: nlErrors,
  pl: plErrors,
  cs: csErrors,
  sk: skErrors,
  sl: slErrors,
  hr: hrErrors,
  bs: bsErrors,
  sr: srErrors,
  'sr-Latn': srLatnErrors,
  bg: bgErrors,
  uk: ukErrors,
  ru: ruErrors,
  el: elErrors,
  ro: roErrors,
  hu: huErrors,
  et: etErrors,
  lt: ltErrors,
  lv: lvErrors,
  is: isErrors,
  sq: sqErrors,
  tr: trErrors,
  ar: arErrors,
  fa: faErrors,
  he: heErrors,
  ckb: ckbErrors,
  kmr: kmrErrors,
  so: soErrors,
  ti: tiErrors,
  am: amErrors,
};

/** Whole numbers that reach every plural category CLDR gives a language (Arabic's 3–10 and 11–99, Welsh-like 6, the millions of French). */
const SAMPLES = [...Array.from({length: 112}, (_, n) => n), 1000, 1001, 1000000];

/** Strings that are rightly the same word as in English, by language. */
const SAME_AS_ENGLISH: Record<string, string[]> = {fr: ['dates', 'sourceFeed']};

/** The plural rules' locale for a language, as lib/i18n.ts picks it. */
const rulesFor = (code: string) => new Intl.PluralRules([code, code === 'kmr' ? 'ku' : 'en']);

describe('the languages shipped', () => {
  it('are at least thirty, each with its strings and its error table', () => {
    expect(uiLanguages().length).to.be.at.least(30);
    expect([...uiLanguages()].sort()).to.deep.equal(Object.keys(LOCALES).sort());
    expect([...errorTableLanguages(), 'en'].sort()).to.deep.equal(Object.keys(LOCALES).sort());
  });

  for (const [code, strings] of Object.entries(LOCALES)) {
    describe(code, () => {
      it('has every key of English, of the same kind, and no other key', () => {
        expect(Object.keys(strings).sort()).to.deep.equal(Object.keys(en).sort());
        for (const [key, value] of Object.entries(en)) expect(typeof strings[key as keyof LocaleStrings], key).to.equal(typeof value);
      });

      it('has no empty strings, no key names as values, and (but for brand names) no English left in', () => {
        for (const [key, value] of Object.entries(strings)) {
          const texts = typeof value === 'string' ? [value] : Object.values(value as PluralForms);
          for (const text of texts) {
            expect(text.trim(), key).not.to.equal('');
            expect(text, key).not.to.equal(key);
          }
        }
        if (code === 'en') return;
        // Words that are the same in English and in some languages: names, "Online", "Filters"
        // (Dutch), "Dates" and "Source" (French)…
        const same = new Set([
          'outlook',
          'googleCalendar',
          'online',
          'filters',
          'viewList',
          'address',
          'organizer',
          'view',
          'all',
          'events',
          'today',
          ...(SAME_AS_ENGLISH[code] ?? []),
        ]);
        const english = Object.entries(strings).filter(([key, value]) => typeof value === 'string' && !same.has(key) && value === en[key as keyof typeof en]);
        expect(english.map(([key]) => key)).to.deep.equal([]);
      });

      it('has, for each count, a form for every plural category of whole numbers, or one form for all', () => {
        const categories = new Set(SAMPLES.map((n) => rulesFor(code).select(n)));
        for (const [key, value] of Object.entries(strings)) {
          if (typeof value !== 'object') continue;
          const forms = Object.keys(value);
          expect(forms, key).to.include('other');
          if (forms.length === 1) continue;
          for (const category of categories) expect(forms, `${key}: ${category}`).to.include(category);
        }
      });

      it('writes the number of a count in its own digits', () => {
        const ui = withFallback(strings, code);
        const digits = new Intl.NumberFormat([code, code === 'kmr' ? 'ku' : 'en']);
        for (const key of ['showMore', 'resultCount', 'skipped', 'moreEvents'] as const) {
          for (const n of [3, 7, 11, 23, 100, 101]) expect(ui[key](n), `${key}(${n})`).to.include(digits.format(n));
        }
      });

      if (code !== 'en') {
        it('has an error table with every code, of the same kind, naming the fix words as written', () => {
          const table = ERRORS[code];
          expect(Object.keys(table).sort()).to.deep.equal(Object.keys(enErrors).sort());
          for (const [key, value] of Object.entries(enErrors)) expect(typeof table[key as keyof ErrorStrings], key).to.equal(typeof value);
          expect(table['http-status'](503)).to.include('503');
          // Attribute names and protocols are code: they stay as written.
          expect(table.timeout).to.include('timeout');
          expect(table['too-large']).to.include('max-bytes');
          expect(table.cors).to.include('proxy').and.to.include('CORS');
          expect(table.insecure).to.include('http://').and.to.include('https://');
          for (const [key, value] of Object.entries(table)) if (typeof value === 'string') expect(value, key).not.to.equal(enErrors[key as keyof ErrorStrings]);
        });

        it('loads on demand as the same strings', async () => {
          const loaded = await loadUiStrings(code);
          expect(loaded.loading).to.equal(strings.loading);
          expect(loaded.noUpcoming).to.equal(strings.noUpcoming);
        });
      }
    });
  }
});

describe('counts in the languages whose plurals are hardest', () => {
  // [language, n, text]
  const cases: Array<[string, number, string]> = [
    ['ar', 0, 'لا فعاليات'],
    ['ar', 1, 'فعالية واحدة'],
    ['ar', 2, 'فعاليتان'],
    ['ar', 3, '# فعاليات'],
    ['ar', 10, '# فعاليات'],
    ['ar', 11, '# فعالية'],
    ['ar', 99, '# فعالية'],
    ['ar', 100, '# فعالية'],
    ['ar', 103, '# فعاليات'],
    ['pl', 1, '1 wydarzenie'],
    ['pl', 2, '2 wydarzenia'],
    ['pl', 5, '5 wydarzeń'],
    ['pl', 12, '12 wydarzeń'],
    ['pl', 22, '22 wydarzenia'],
    ['ru', 1, '1 событие'],
    ['ru', 3, '3 события'],
    ['ru', 11, '11 событий'],
    ['ru', 21, '21 событие'],
    ['uk', 24, '24 події'],
    ['uk', 25, '25 подій'],
    ['cs', 4, '4 akce'],
    ['cs', 5, '5 akcí'],
    ['sl', 2, '2 dogodka'],
    ['sl', 3, '3 dogodki'],
    ['sl', 5, '5 dogodkov'],
    ['sl', 101, '101 dogodek'],
    ['lt', 21, '21 renginys'],
    ['lt', 12, '12 renginių'],
    ['lv', 0, '0 pasākumu'],
    ['lv', 21, '21 pasākums'],
    ['is', 21, '21 viðburður'],
    ['is', 11, '11 viðburðir'],
    ['ro', 19, '19 evenimente'],
    ['ro', 20, '20 de evenimente'],
    ['hr', 21, '21 događanje'],
    ['sr', 3, '3 догађаја'],
    ['he', 1, 'אירוע אחד'],
    ['fa', 3, '# رویداد'],
    ['fr', 0, '0 événement'],
    ['fr', 2, '2 événements'],
    ['en', 1, '1 event'],
    ['en', 2, '2 events'],
  ];
  for (const [code, n, text] of cases) {
    // `#`: the number in the language's digits, as Intl writes them (Latin digits for `ar` in current Chromium, Persian for `fa`).
    const expected = text.replace('#', new Intl.NumberFormat(code).format(n));
    it(`${code}: ${n} → ${expected}`, () => expect(withFallback(LOCALES[code], code).resultCount(n)).to.equal(expected));
  }
});
