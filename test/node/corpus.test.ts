/// <reference types="node" />
/**
 * Every parser in Node, over the shared corpus (../shared/fixtures/feeds/, read where it lies and
 * never copied), held to the expectations the browser's corpus test holds them to
 * (test/corpus/*.expectations.ts): the command line and the relay parse feeds here. Node has no
 * DOM, as a Worker has none: the parsers come through src/lib/feeds/portable.ts, which brings
 * @xmldom/xmldom and parse5, and nothing may rely on a DOM global. Skipped, with a message, only
 * when the corpus folder is absent.
 */
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import type {CorpusExpectation} from '../corpus/types.js';
import {jsonExpectations} from '../corpus/json.expectations.js';
import {xmlExpectations} from '../corpus/xml.expectations.js';
import {icsExpectations} from '../corpus/ics.expectations.js';
import {otherExpectations, unsupportedExpectations} from '../corpus/other.expectations.js';

const DOM_GLOBALS = ['window', 'document', 'DOMParser', 'XMLSerializer', 'Node', 'Element'];
const missingGlobals = () => DOM_GLOBALS.filter((name) => !(name in globalThis));

// Checked before anything of feedcal is loaded: a parser that worked only because some module
// had put a DOM on the global object would hide a failure in a Worker.
const absentAtStart = missingGlobals();
const {parseFeed} = await import('../../src/lib/feeds/portable.js');
const {decodeFeedBytes} = await import('../../src/lib/load/decode.js');
const {looksLikeIcs, unfoldIcsBytes} = await import('../../src/lib/feeds/ics/ics-unfold.js');
const {FeedError} = await import('../../src/lib/events/model.js');
const {filterEvents} = await import('../../src/lib/show/filter.js');
const {setClock} = await import('../../src/lib/clock.js');
const {TEST_NOW} = await import('../helpers/clock.js');
type CalendarEvent = import('../../src/lib/events/model.js').CalendarEvent;
type ParseResult = import('../../src/lib/events/model.js').ParseResult;
type ParsedFeed = import('../../src/lib/events/model.js').ParsedFeed;

// The day the browser's test pages are set to (test/helpers/page-setup.ts): iCalendar series
// without a window are expanded around it.
setClock(TEST_NOW);

const expectations: CorpusExpectation[] = [...jsonExpectations, ...xmlExpectations, ...icsExpectations, ...otherExpectations, ...unsupportedExpectations];
const ZONE = 'Europe/Stockholm';
const corpusDir = fileURLToPath(new URL('../../../shared/fixtures/feeds/', import.meta.url));

/** Every file of the corpus, as web-test-runner.config.mjs lists them for the browser's test. */
async function listCorpus(dir = corpusDir): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true});
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listCorpus(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

const files = existsSync(corpusDir)
  ? (await listCorpus())
      .map((file) => relative(corpusDir, file).split(sep).join('/'))
      .filter((file) => !file.endsWith('.md') || file.startsWith('markdown/'))
      .sort()
  : [];
if (!files.length) console.warn('Corpus test skipped: ../shared/fixtures/feeds/ is not beside this checkout.');

/** The same steps the widget takes after fetching: unfold iCalendar on bytes, then decode. */
async function readCorpusFile(file: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(join(corpusDir, file)));
  return decodeFeedBytes(looksLikeIcs(bytes) ? unfoldIcsBytes(bytes) : bytes);
}

function feedOf(result: ParseResult): ParsedFeed {
  if (result instanceof FeedError) throw new Error(`expected a feed, got ${result.code}: ${result.message}`);
  return result;
}

const windowOf = (expected: CorpusExpectation) => expected.window && {from: new Date(expected.window.from), to: new Date(expected.window.to)};
const ids = (events: readonly CalendarEvent[]) => events.map((event) => event.id);
const shownFrom = (events: CalendarEvent[], from?: Date) => filterEvents(events, {when: 'all', from}, new Date(0));

describe('the parsers in Node, without a DOM', () => {
  it('run where there are no DOM globals, and add none', () => {
    assert.deepEqual(absentAtStart, DOM_GLOBALS);
    assert.deepEqual(missingGlobals(), DOM_GLOBALS);
  });
});

describe('shared feed corpus, in Node', {skip: !files.length && 'no corpus'}, () => {
  it('has an expectation for every file in the corpus', () => {
    const known = new Set(expectations.map((e) => e.file));
    assert.deepEqual(
      files.filter((file) => !known.has(file)),
      []
    );
  });

  for (const expected of expectations) {
    it(expected.file, {skip: !files.includes(expected.file) && 'not in the corpus'}, async () => {
      const result = await parseFeed(await readCorpusFile(expected.file), {
        timeZone: ZONE,
        source: `https://example.org/${expected.file}`,
        window: windowOf(expected),
      });
      if (expected.error) {
        assert.ok(result instanceof FeedError, 'a FeedError');
        assert.equal(result.code, expected.error);
        return;
      }
      const feed = feedOf(result);
      assert.equal(feed.events.length, expected.count, 'events');
      assert.equal(feed.events[0]?.title ?? '', expected.firstTitle, 'first title');
      assert.equal(feed.events[0]?.start.toISOString() ?? '', expected.firstStart, 'first start');
      if (expected.skipped !== undefined) assert.equal(feed.skipped.length, expected.skipped, 'skipped');
    });
  }

  // As in the browser (test/corpus.test.ts): the first look at a big feed is the top of the
  // whole list, and the whole feed comes back as without it. Here the pause for a paint is a
  // plain pause, since there is nothing to paint.
  describe('a first look is the top of the whole list', () => {
    for (const expected of expectations.filter((e) => !e.error)) {
      it(expected.file, {skip: !files.includes(expected.file) && 'not in the corpus'}, async () => {
        const text = await readCorpusFile(expected.file);
        const ctx = {timeZone: ZONE, source: `https://example.org/${expected.file}`, window: windowOf(expected)};
        const plain = feedOf(await parseFeed(text, ctx));
        for (const from of [undefined, new Date(Date.UTC(2024, 0, 1))]) {
          const shown: CalendarEvent[][] = [];
          const result = feedOf(await parseFeed(text, {...ctx, preview: {count: 3, from, show: (events) => shown.push(events)}}));
          assert.deepEqual(ids(result.events), ids(plain.events), 'events');
          assert.deepEqual(
            result.events.map((event) => event.start.getTime()),
            plain.events.map((event) => event.start.getTime()),
            'starts'
          );
          assert.deepEqual(result.skipped, plain.skipped, 'skipped');
          if (!shown.length) continue;
          const look = ids(shownFrom(shown[0], from));
          assert.deepEqual(look, ids(shownFrom(result.events, from)).slice(0, look.length), `from ${from?.toISOString() ?? 'the start'}`);
        }
      });
    }
  });

  describe('the seed event comes out the same from every Gnistor-shaped feed', () => {
    for (const file of ['markdown/seed-2023-08-19-bortom-big-tech.md', 'gnistor/feed.json', 'gnistor/feed.xml', 'gnistor/index.ics']) {
      it(file, {skip: !files.includes(file) && 'not in the corpus'}, async () => {
        const feed = feedOf(await parseFeed(await readCorpusFile(file), {timeZone: ZONE, source: 'https://www.gnistor.se/'}));
        const seed = feed.events.find((event) => event.title.startsWith('Bortom Big Tech'))!;
        assert.equal(seed.start.toISOString(), '2023-08-19T13:00:00.000Z');
        assert.equal(seed.allDay, false);
        const shown = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, dateStyle: 'full', timeStyle: 'short'}).format(seed.start);
        assert.equal(shown, 'Saturday, 19 August 2023 at 15:00');
        assert.equal(seed.organizer, 'Kamratdataföreningen Konstellationen');
        if (!file.endsWith('.ics')) assert.deepEqual(seed.categories, ['Möte']);
      });
    }
  });
});
