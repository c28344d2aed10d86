/**
 * The shared corpus: real feeds from public projects, kept beside the checkout in
 * ../shared/fixtures/feeds/ and served raw by the test runner under /corpus/. Every file there
 * must have an expectation here (count, first title, first start), so a new fixture or a parser
 * change that alters what people see fails loudly. Skipped, with a message, only when the folder
 * is absent.
 */
import {expect} from '@open-wc/testing';
import {parseFeed} from '../src/lib/feeds/index.js';
import {decodeFeedBytes} from '../src/lib/load/decode.js';
import {looksLikeIcs, unfoldIcsBytes} from '../src/lib/feeds/ics/ics-unfold.js';
import {FeedError, type CalendarEvent} from '../src/lib/events/model.js';
import {expectSameFeed, expectTopOfWholeList} from './helpers/feeds.js';
import type {CorpusExpectation} from './corpus/types.js';
import {jsonExpectations} from './corpus/json.expectations.js';
import {xmlExpectations} from './corpus/xml.expectations.js';
import {icsExpectations} from './corpus/ics.expectations.js';
import {otherExpectations, unsupportedExpectations} from './corpus/other.expectations.js';

const expectations: CorpusExpectation[] = [...jsonExpectations, ...xmlExpectations, ...icsExpectations, ...otherExpectations, ...unsupportedExpectations];
const ZONE = 'Europe/Stockholm';

async function readCorpusFile(file: string) {
  const bytes = new Uint8Array(await (await fetch(`/corpus/${file}`)).arrayBuffer());
  // The same steps the widget takes after fetching: unfold iCalendar on bytes, then decode.
  return decodeFeedBytes(looksLikeIcs(bytes) ? unfoldIcsBytes(bytes) : bytes);
}

describe('shared feed corpus', function () {
  let files: string[] = [];

  before(async function () {
    const listing = await fetch('/corpus/index.json');
    if (!listing.ok) {
      console.warn('Corpus test skipped: ../shared/fixtures/feeds/ is not beside this checkout.');
      this.skip();
    }
    files = await listing.json();
  });

  it('has an expectation for every file in the corpus', () => {
    const known = new Set(expectations.map((e) => e.file));
    expect(files.filter((file) => !known.has(file))).to.deep.equal([]);
  });

  for (const expected of expectations) {
    it(expected.file, async function () {
      if (!files.includes(expected.file)) this.skip();
      const window = expected.window && {from: new Date(expected.window.from), to: new Date(expected.window.to)};
      const result = await parseFeed(await readCorpusFile(expected.file), {timeZone: ZONE, source: `https://example.org/${expected.file}`, window});
      if (expected.error) {
        expect(result).to.be.instanceOf(FeedError);
        expect((result as FeedError).code).to.equal(expected.error);
        return;
      }
      if (result instanceof FeedError) throw result;
      expect(result.events.length, 'events').to.equal(expected.count);
      expect(result.events[0]?.title ?? '', 'first title').to.equal(expected.firstTitle);
      expect(result.events[0]?.start.toISOString() ?? '', 'first start').to.equal(expected.firstStart);
      if (expected.skipped !== undefined) expect(result.skipped.length, 'skipped').to.equal(expected.skipped);
    });
  }

  // The first look at a big feed (preview.ts), on real feeds: what is shown mid-way is the top of
  // the whole list, and the whole feed comes back as without it. A small `count` so that most
  // feeds are big enough for one; all events, and from a day in the middle of the corpus' years.
  describe('a first look is the top of the whole list', () => {
    const looked = new Set<string>();
    for (const expected of expectations.filter((e) => !e.error)) {
      it(expected.file, async function () {
        if (!files.includes(expected.file)) this.skip();
        const text = await readCorpusFile(expected.file);
        const window = expected.window && {from: new Date(expected.window.from), to: new Date(expected.window.to)};
        const ctx = {timeZone: ZONE, source: `https://example.org/${expected.file}`, window};
        const plain = await parseFeed(text, ctx);
        if (plain instanceof FeedError) throw plain;
        for (const from of [undefined, new Date(Date.UTC(2024, 0, 1))]) {
          const shown: CalendarEvent[][] = [];
          const result = await parseFeed(text, {...ctx, preview: {count: 3, from, show: (events) => shown.push(events)}});
          if (result instanceof FeedError) throw result;
          expectSameFeed(result, plain);
          if (!shown.length) continue;
          looked.add(expected.file);
          expectTopOfWholeList(shown[0], result.events, from);
        }
      });
    }
    // Most JSON feeds here are small or of a shape read by json-shapes.ts, which has no first look.
    it('had a first look in real JSON and iCalendar feeds', () => {
      if (!files.length) return;
      const seen = [...looked];
      expect(seen.filter((file) => file.endsWith('.json')).length, 'JSON feeds').to.be.at.least(2);
      expect(seen.filter((file) => file.endsWith('.ics')).length, 'iCalendar feeds').to.be.at.least(4);
    });
  });

  describe('the seed event comes out the same from every Gnistor-shaped feed', () => {
    for (const file of ['markdown/seed-2023-08-19-bortom-big-tech.md', 'gnistor/feed.json', 'gnistor/feed.xml', 'gnistor/index.ics']) {
      it(file, async function () {
        if (!files.includes(file)) this.skip();
        const result = await parseFeed(await readCorpusFile(file), {timeZone: ZONE, source: 'https://www.gnistor.se/'});
        if (result instanceof FeedError) throw result;
        const seed = result.events.find((event) => event.title.startsWith('Bortom Big Tech'))!;
        expect(seed.start.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
        expect(seed.allDay).to.equal(false);
        const shown = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, dateStyle: 'full', timeStyle: 'short'}).format(seed.start);
        expect(shown).to.equal('Saturday, 19 August 2023 at 15:00');
        expect(seed.organizer).to.equal('Kamratdataföreningen Konstellationen');
        if (!file.endsWith('.ics')) expect(seed.categories).to.deep.equal(['Möte']);
      });
    }
  });
});
