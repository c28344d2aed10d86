/**
 * The dates series are expanded over (lib/show/window.ts): what the list or grid shows, a year
 * wider on each finite side, with the instant whose occurrences a cap keeps.
 */
import {expect} from '@open-wc/testing';
import {EARLIEST, covers, expansionWindow, shownRange, type Shown} from '../../../src/lib/show/window.js';
import {TEST_NOW} from '../../helpers/clock.js';

const now = new Date(TEST_NOW);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`).getTime();
const YEAR = 365 * 86_400_000;
const at = now.getTime();
const millis = (window: {from: Date; to: Date}) => ({from: window.from.getTime(), to: window.to.getTime()});

const cases: Array<{what: string; shown: Omit<Shown, 'now'>; range: [number, number]; near: number}> = [
  {what: 'upcoming: from now, a year ahead', shown: {when: 'upcoming'}, range: [at, at + YEAR], near: at},
  {what: 'past: all of the past up to now', shown: {when: 'past'}, range: [EARLIEST, at], near: at},
  {what: 'all: all of the past and a year ahead', shown: {when: 'all'}, range: [EARLIEST, at + YEAR], near: at},
  {
    what: 'past within from/to in 1990',
    shown: {when: 'past', from: new Date('1990-01-01T00:00:00Z'), to: new Date('1990-02-01T00:00:00Z')},
    range: [day('1990-01-01'), day('1990-02-01')],
    near: day('1990-02-01'),
  },
  {
    what: 'upcoming from 2040, a year from there',
    shown: {when: 'upcoming', from: new Date('2040-03-01T00:00:00Z')},
    range: [day('2040-03-01'), day('2041-03-01')],
    near: day('2040-03-01'),
  },
  {
    what: 'upcoming until a day in the past: nothing shown, kept at its end',
    shown: {when: 'upcoming', to: new Date('2020-01-01T00:00:00Z')},
    range: [at, day('2020-01-01')],
    near: day('2020-01-01'),
  },
  {
    what: 'a month grid: its six weeks, eight days to spare for any zone',
    shown: {when: 'all', month: {year: 2029, month: 6}},
    range: [day('2029-05-24'), day('2029-07-09')],
    near: day('2029-05-24'),
  },
  {
    what: 'a month grid inside from/to',
    shown: {when: 'upcoming', month: {year: 2008, month: 1}, from: new Date('2008-01-10T00:00:00Z')},
    range: [day('2008-01-10'), day('2008-02-09')],
    near: day('2008-01-10'),
  },
];

describe('shownRange and expansionWindow', () => {
  for (const {what, shown, range, near} of cases) {
    it(what, () => {
      const input = {...shown, now};
      expect(shownRange(input), 'shown').to.deep.equal({from: range[0], to: range[1]});
      const window = expansionWindow(input);
      expect(window.near.getTime(), 'near').to.equal(near);
      expect(window.from.getTime(), 'from').to.equal(Math.max(range[0] - YEAR, EARLIEST));
      expect(window.to.getTime(), 'to').to.equal(range[1] + (shown.when === 'past' && !shown.month ? 86_400_000 : YEAR));
      expect(covers(millis(window), shownRange(input)), 'covers what is shown').to.equal(true);
    });
  }

  it('the default list window is the parser’s default: a year back, two ahead', () => {
    const window = expansionWindow({when: 'upcoming', now});
    expect([window.from.getTime(), window.to.getTime()]).to.deep.equal([at - YEAR, at + 2 * YEAR]);
  });

  it('covers: a month outside what was expanded is not covered; the past is covered only by a window open to it', () => {
    const expanded = millis(expansionWindow({when: 'upcoming', now}));
    expect(covers(expanded, shownRange({when: 'all', month: {year: 2029, month: 6}, now}))).to.equal(false);
    expect(covers(expanded, shownRange({when: 'all', month: {year: 2027, month: 6}, now}))).to.equal(true);
    expect(covers(expanded, shownRange({when: 'past', now}))).to.equal(false);
    expect(covers(millis(expansionWindow({when: 'all', now})), shownRange({when: 'past', now}))).to.equal(true);
  });

  it('never leaves the range a Date holds', () => {
    const window = expansionWindow({when: 'upcoming', from: new Date(8.64e15 - YEAR / 2), now});
    expect(Number.isNaN(window.to.getTime())).to.equal(false);
  });
});
