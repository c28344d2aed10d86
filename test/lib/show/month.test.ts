import {expect} from '@open-wc/testing';
import {buildMonth, firstDayOfWeek, monthRange, shiftMonth, weekdayNames, type MonthGrid} from '../../../src/lib/show/month.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import {calendarDate, wallClockToInstant} from '../../../src/lib/time.js';

const STOCKHOLM = 'Europe/Stockholm';
const NOW = new Date('2026-02-10T12:00:00Z');

function event(id: string, start: Date, end?: Date, allDay = false): CalendarEvent {
  return {id, title: id, start, ...(end ? {end} : {}), allDay, categories: [], locations: [], source: 'test'};
}

/** The browser's own first day for `locale`, when it knows one. */
function intlFirstDay(locale: string): number | undefined {
  const l = new Intl.Locale(locale) as Intl.Locale & {getWeekInfo?: () => {firstDay: number}; weekInfo?: {firstDay: number}};
  return (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay;
}

function days(grid: MonthGrid) {
  return grid.weeks.flat();
}

function day(grid: MonthGrid, key: string) {
  const found = days(grid).find((d) => d.key === key);
  if (!found) throw new Error(`${key} is not in the grid`);
  return found;
}

describe('firstDayOfWeek', () => {
  // [locale, expected ISO weekday (undefined: whatever Intl says)]
  const cases: Array<[string, number | undefined]> = [
    ['sv', 1],
    ['sv-SE', 1],
    ['de-DE', 1],
    ['en-GB', 1],
    ['en-US', 7],
    ['en', 7],
    ['pt-BR', 7],
    ['he-IL', 7],
    ['ar-EG', undefined],
    ['fa-IR', undefined],
  ];
  for (const [locale, expected] of cases) {
    it(locale, () => {
      const intl = intlFirstDay(locale);
      expect(firstDayOfWeek(locale)).to.equal(intl ?? expected ?? firstDayOfWeek(locale));
      if (expected !== undefined && intl !== undefined) expect(intl).to.equal(expected);
    });
  }

  it('ar-EG starts on Saturday when the browser says so', () => {
    const intl = intlFirstDay('ar-EG');
    expect(firstDayOfWeek('ar-EG')).to.equal(intl ?? 6);
  });

  it('is Monday for garbage', () => expect(firstDayOfWeek('!!')).to.equal(1));
});

describe('shiftMonth', () => {
  const cases: Array<[number, number, number, number, number]> = [
    [2026, 1, -1, 2025, 12],
    [2026, 12, 1, 2027, 1],
    [2026, 5, 0, 2026, 5],
    [2026, 5, 25, 2028, 6],
    [2026, 5, -17, 2024, 12],
  ];
  for (const [year, month, delta, y, m] of cases) {
    it(`${year}-${month} ${delta >= 0 ? '+' : ''}${delta}`, () => expect(shiftMonth(year, month, delta)).to.deep.equal({year: y, month: m}));
  }
});

describe('buildMonth: the grid', () => {
  // [year, month, locale, rows, first key, last key]
  const cases: Array<[number, number, string, number, string, string]> = [
    [2026, 2, 'sv', 5, '2026-01-26', '2026-03-01'],
    [2026, 2, 'en-US', 4, '2026-02-01', '2026-02-28'],
    [2026, 3, 'sv', 6, '2026-02-23', '2026-04-05'],
    [2021, 2, 'sv', 4, '2021-02-01', '2021-02-28'],
    [2026, 8, 'sv', 6, '2026-07-27', '2026-09-06'],
  ];
  for (const [year, month, locale, rows, firstKey, lastKey] of cases) {
    it(`${year}-${month} in ${locale}: ${rows} rows from ${firstKey} to ${lastKey}`, () => {
      const grid = buildMonth(year, month, [], {timeZone: STOCKHOLM, locale, now: NOW});
      expect(grid.weeks).to.have.length(rows);
      expect(grid.weeks.every((week) => week.length === 7)).to.equal(true);
      expect(days(grid)[0].key).to.equal(firstKey);
      expect(days(grid).at(-1)!.key).to.equal(lastKey);
      expect(grid.weeks.every((week) => week[0].weekday === grid.firstDay)).to.equal(true);
      expect(days(grid).filter((d) => d.inMonth)).to.have.length(new Date(Date.UTC(year, month, 0)).getUTCDate());
      const range = monthRange(year, month, STOCKHOLM, locale);
      expect(range.from.toISOString()).to.equal(grid.from.toISOString());
      expect(range.to.toISOString()).to.equal(grid.to.toISOString());
    });
  }

  it('marks today', () => {
    const grid = buildMonth(2026, 2, [], {timeZone: STOCKHOLM, locale: 'sv', now: NOW});
    expect(
      days(grid)
        .filter((d) => d.isToday)
        .map((d) => d.key)
    ).to.deep.equal(['2026-02-10']);
  });

  it("today is the zone's day, not UTC's", () => {
    const lateEvening = new Date('2026-02-10T23:30:00Z'); // 11 Feb 00:30 in Stockholm
    const grid = buildMonth(2026, 2, [], {timeZone: STOCKHOLM, locale: 'sv', now: lateEvening});
    expect(days(grid).find((d) => d.isToday)?.key).to.equal('2026-02-11');
  });

  it('weekday names follow the columns', () => {
    const grid = buildMonth(2026, 2, [], {timeZone: STOCKHOLM, locale: 'en-US', now: NOW});
    expect(weekdayNames('en-US', grid.weekdays)).to.deep.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(weekdayNames('sv', [1, 2, 3, 4, 5, 6, 7], 'long')[0]).to.equal('måndag');
  });

  it('monthRange without a locale covers every possible grid', () => {
    const wide = monthRange(2026, 2, STOCKHOLM);
    for (const locale of ['sv', 'en-US', 'ar-EG']) {
      const grid = buildMonth(2026, 2, [], {timeZone: STOCKHOLM, locale, now: NOW});
      expect(wide.from.getTime()).to.be.at.most(grid.from.getTime());
      expect(wide.to.getTime()).to.be.at.least(grid.to.getTime());
    }
  });
});

describe('buildMonth: DST months keep their day keys', () => {
  // Stockholm: 29 March 2026 is 23 hours long, 25 October 2026 is 25 hours long.
  for (const month of [3, 10]) {
    it(`2026-${month}`, () => {
      const grid = buildMonth(2026, month, [], {timeZone: STOCKHOLM, locale: 'sv', now: NOW});
      const inMonth = days(grid).filter((d) => d.inMonth);
      inMonth.forEach((d, i) => {
        expect(d.key).to.equal(`2026-${String(month).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`);
        expect(d.date.getTime()).to.equal(calendarDate(2026, month, i + 1, STOCKHOLM).getTime());
      });
    });
  }

  it('an event late on the DST day lands on that day', () => {
    const late = event('late', wallClockToInstant(2026, 3, 29, 23, 30, 0, 0, STOCKHOLM));
    const grid = buildMonth(2026, 3, [late], {timeZone: STOCKHOLM, locale: 'sv', now: NOW});
    expect(day(grid, '2026-03-29').events.map((e) => e.event.id)).to.deep.equal(['late']);
    expect(day(grid, '2026-03-30').events).to.have.length(0);
  });
});

describe('buildMonth: placing events', () => {
  const opts = {timeZone: STOCKHOLM, locale: 'sv', now: NOW, maxPerDay: 3};

  it('a 3-day all-day event spans 3 cells with continues/continued', () => {
    const fest = event('fest', calendarDate(2026, 2, 12, STOCKHOLM), calendarDate(2026, 2, 15, STOCKHOLM), true);
    const grid = buildMonth(2026, 2, [fest], opts);
    const covered = days(grid).filter((d) => d.events.length);
    expect(covered.map((d) => d.key)).to.deep.equal(['2026-02-12', '2026-02-13', '2026-02-14']);
    expect(covered.map((d) => [d.events[0].continued, d.events[0].continues])).to.deep.equal([
      [false, true],
      [true, true],
      [true, false],
    ]);
    expect(covered.every((d) => d.events[0].slot === 0)).to.equal(true);
  });

  it('a timed event ending at midnight does not reach into the next day; one crossing midnight does', () => {
    const toMidnight = event('a', wallClockToInstant(2026, 2, 5, 20, 0, 0, 0, STOCKHOLM), calendarDate(2026, 2, 6, STOCKHOLM));
    const overnight = event('b', wallClockToInstant(2026, 2, 7, 22, 0, 0, 0, STOCKHOLM), wallClockToInstant(2026, 2, 8, 2, 0, 0, 0, STOCKHOLM));
    const grid = buildMonth(2026, 2, [toMidnight, overnight], opts);
    expect(
      days(grid)
        .filter((d) => d.events.length)
        .map((d) => d.key)
    ).to.deep.equal(['2026-02-05', '2026-02-07', '2026-02-08']);
  });

  it('an event crossing a week keeps a row per week and one crossing the grid edge is continued', () => {
    const long = event('long', calendarDate(2026, 1, 20, STOCKHOLM), calendarDate(2026, 2, 4, STOCKHOLM), true);
    const grid = buildMonth(2026, 2, [long], opts);
    const covered = days(grid).filter((d) => d.events.length);
    expect(covered.map((d) => d.key)).to.deep.equal([
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
      '2026-02-03',
    ]);
    expect(covered[0].events[0].continued).to.equal(true);
    expect(covered.at(-1)!.events[0].continues).to.equal(false);
  });

  it('multi-day events keep their row, shorter ones fill rows below, in a stable order', () => {
    const span = event('span', calendarDate(2026, 2, 10, STOCKHOLM), calendarDate(2026, 2, 13, STOCKHOLM), true);
    const morning = event('morning', wallClockToInstant(2026, 2, 11, 9, 0, 0, 0, STOCKHOLM));
    const early = event('early', wallClockToInstant(2026, 2, 10, 8, 0, 0, 0, STOCKHOLM));
    const a = buildMonth(2026, 2, [morning, early, span], opts);
    const b = buildMonth(2026, 2, [span, early, morning], opts);
    for (const grid of [a, b]) {
      expect(day(grid, '2026-02-10').events.map((e) => [e.event.id, e.slot])).to.deep.equal([
        ['span', 0],
        ['early', 1],
      ]);
      expect(day(grid, '2026-02-11').events.map((e) => [e.event.id, e.slot])).to.deep.equal([
        ['span', 0],
        ['morning', 1],
      ]);
      expect(day(grid, '2026-02-12').events.map((e) => [e.event.id, e.slot])).to.deep.equal([['span', 0]]);
    }
  });

  it('500 events on one day: maxPerDay shown, the rest counted', () => {
    const many = Array.from({length: 500}, (_, i) => event(`e${String(i).padStart(3, '0')}`, wallClockToInstant(2026, 2, 14, 8, i % 60, 0, 0, STOCKHOLM)));
    const started = performance.now();
    const grid = buildMonth(2026, 2, many, opts);
    const elapsed = performance.now() - started;
    const valentine = day(grid, '2026-02-14');
    expect(valentine.events).to.have.length(3);
    expect(valentine.hiddenCount).to.equal(497);
    expect(days(grid).reduce((sum, d) => sum + d.events.length, 0)).to.equal(3);
    expect(elapsed).to.be.below(100);
  });

  it('hidden counts are per day for long events too', () => {
    const long = Array.from({length: 5}, (_, i) => event(`long${i}`, calendarDate(2026, 2, 2, STOCKHOLM), calendarDate(2026, 2, 5, STOCKHOLM), true));
    const grid = buildMonth(2026, 2, long, {...opts, maxPerDay: 2});
    for (const key of ['2026-02-02', '2026-02-03', '2026-02-04']) {
      expect(day(grid, key).events).to.have.length(2);
      expect(day(grid, key).hiddenCount).to.equal(3);
    }
    expect(day(grid, '2026-02-05').hiddenCount).to.equal(0);
  });

  it('maxPerDay 0 shows nothing and counts everything; events outside the grid are ignored', () => {
    const inside = event('in', wallClockToInstant(2026, 2, 3, 12, 0, 0, 0, STOCKHOLM));
    const outside = event('out', wallClockToInstant(2026, 5, 3, 12, 0, 0, 0, STOCKHOLM));
    const grid = buildMonth(2026, 2, [inside, outside], {...opts, maxPerDay: 0});
    expect(day(grid, '2026-02-03').events).to.have.length(0);
    expect(day(grid, '2026-02-03').hiddenCount).to.equal(1);
    expect(days(grid).reduce((sum, d) => sum + d.hiddenCount, 0)).to.equal(1);
  });
});
