/// <reference types="node" />
/**
 * The iCalendar parser over every calendar of ../shared/fixtures/oracle-ics/ (read where it lies,
 * never copied), in a fixed window per calendar, against the expectations in
 * oracle-ics.expectations.ts, which were written from RFC 5545 and issue 18's decisions. Also:
 * no two events of a calendar share an `id`. Skipped, with a message, when the folder is absent.
 */
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
// portable.js gives the parsers a DOM (for HTML descriptions), as the command line and relay have.
import '../../src/lib/feeds/portable.js';
import {parseIcs} from '../../src/lib/feeds/ics/ics.js';
import {looksLikeIcs, unfoldIcsBytes} from '../../src/lib/feeds/ics/ics-unfold.js';
import {decodeFeedBytes} from '../../src/lib/load/decode.js';
import {FeedError, type CalendarEvent} from '../../src/lib/events/model.js';
import {setClock} from '../../src/lib/clock.js';
import {TEST_NOW} from '../helpers/clock.js';
import {DEFAULT_WINDOW, oracleExpectations, type OracleExpectation} from './oracle-ics.expectations.js';

// Every window below is explicit; the clock is set only so that nothing could lean on the real one.
setClock(TEST_NOW);

const folder = fileURLToPath(new URL('../../../shared/fixtures/oracle-ics/', import.meta.url));
const files = existsSync(folder) ? (await readdir(folder)).filter((name) => name.endsWith('.ics')).sort() : [];
if (!files.length) console.warn('Oracle iCalendar test skipped: ../shared/fixtures/oracle-ics/ is not beside this checkout.');

/** An occurrence as the expectations write it: a date when all-day (read in UTC), else the instant to the second. */
function stamp(date: Date, allDay: boolean): string {
  const iso = date.toISOString();
  return allDay ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

async function parse(expected: OracleExpectation) {
  const bytes = new Uint8Array(await readFile(join(folder, expected.file)));
  const text = decodeFeedBytes(looksLikeIcs(bytes) ? unfoldIcsBytes(bytes) : bytes);
  const window = expected.window ?? DEFAULT_WINDOW;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const result = parseIcs(text, {timeZone: 'UTC', source: `https://example.org/${expected.file}`, window: {from, to}});
  if (result instanceof FeedError) throw new Error(`expected a feed, got ${result.code}: ${result.message}`);
  const starting = (event: CalendarEvent) => event.start >= from && event.start < to;
  const shown = result.events.filter(starting).sort((a, b) => a.start.getTime() - b.start.getTime() || Number(b.allDay) - Number(a.allDay));
  return {all: result.events, shown};
}

describe('oracle iCalendar calendars', {skip: !files.length && 'no oracle-ics folder'}, () => {
  it('has an expectation for every calendar', () => {
    const known = new Set(oracleExpectations.map((e) => e.file));
    assert.deepEqual(
      files.filter((file) => !known.has(file)),
      []
    );
  });

  for (const expected of oracleExpectations) {
    it(expected.file, {skip: !files.includes(expected.file) && 'not in the folder'}, async () => {
      const {all, shown} = await parse(expected);
      const seen = shown.map((event) => `${stamp(event.start, event.allDay)} ${event.title}`);
      assert.equal(shown.length, expected.count, `occurrences in the window:\n${seen.join('\n')}`);
      if (expected.count) {
        assert.equal(stamp(shown[0].start, shown[0].allDay), expected.first, 'first');
        assert.equal(stamp(shown.at(-1)!.start, shown.at(-1)!.allDay), expected.last, 'last');
      }
      for (const want of expected.includes ?? []) {
        const match = shown.find((event) => stamp(event.start, event.allDay) === want.start && (!want.title || event.title === want.title));
        assert.ok(match, `an occurrence at ${want.start}${want.title ? ` titled ${want.title}` : ''}:\n${seen.join('\n')}`);
        if (want.end) assert.equal(match.end && stamp(match.end, match.allDay), want.end, `end of ${want.start}`);
      }
      // Ids unique always (issue 18 item 4): over everything parsed, not just the window.
      const ids = all.map((event) => event.id);
      assert.deepEqual(
        ids.filter((id, k) => ids.indexOf(id) !== k),
        [],
        'ids shared by two events'
      );
    });
  }
});
