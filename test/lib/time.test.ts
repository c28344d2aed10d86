import {expect} from '@open-wc/testing';
import {tzOffset} from '@date-fns/tz';
import fc from 'fast-check';
import {
  addDaysIn,
  dayKey,
  fromEpoch,
  parseDateText,
  parseIsoDateTime,
  parseRfc822,
  resolveDateBound,
  isTimeZone,
  startOfDayIn,
  wallClockToInstant,
} from '../../src/lib/time.js';

const STOCKHOLM = 'Europe/Stockholm';
const ST_JOHNS = 'America/St_Johns';
const LORD_HOWE = 'Australia/Lord_Howe';

describe('parseIsoDateTime', () => {
  const cases: Array<[string, string, string | undefined, boolean?]> = [
    // [input, floating zone, expected ISO instant (undefined: rejected), allDay]
    ['2023-08-19 15:00:00', STOCKHOLM, '2023-08-19T13:00:00.000Z', false],
    ['2023-08-19T15:00:00+02:00', 'America/New_York', '2023-08-19T13:00:00.000Z', false],
    ['2023-08-19T15:00:00+0200', 'UTC', '2023-08-19T13:00:00.000Z', false],
    ['2023-08-19T15:00', 'America/New_York', '2023-08-19T19:00:00.000Z', false],
    ['2026-08-29T00:00:00.0000001Z', STOCKHOLM, '2026-08-29T00:00:00.000Z', false],
    ['2020-01-11T23:59-04:00', STOCKHOLM, '2020-01-12T03:59:00.000Z', false],
    ['2023-08-19', STOCKHOLM, '2023-08-18T22:00:00.000Z', true],
    ['2023-01-19', 'America/New_York', '2023-01-19T05:00:00.000Z', true],
    ['20230819T150000Z', STOCKHOLM, '2023-08-19T15:00:00.000Z', false],
    ['20230819T150000', STOCKHOLM, '2023-08-19T13:00:00.000Z', false],
    ['2023-02-30', STOCKHOLM, undefined],
    ['2023-08-19T25:00', STOCKHOLM, undefined],
    ['19 Aug 2023', STOCKHOLM, undefined],
    ['', STOCKHOLM, undefined],
    ['2023-08-19T15:00:00+99:00', STOCKHOLM, undefined],
  ];
  for (const [input, zone, expected, allDay] of cases) {
    it(`${JSON.stringify(input)} in ${zone}`, () => {
      const parsed = parseIsoDateTime(input, zone);
      if (expected === undefined) {
        expect(parsed).to.equal(undefined);
        return;
      }
      expect(parsed?.date.toISOString()).to.equal(expected);
      expect(parsed?.allDay).to.equal(allDay);
    });
  }
});

describe('wallClockToInstant across DST changes', () => {
  const cases: Array<[string, [number, number, number, number, number], string, string]> = [
    ['ordinary summer time', [2026, 7, 1, 12, 0], STOCKHOLM, '2026-07-01T10:00:00.000Z'],
    ['ordinary winter time', [2026, 1, 15, 12, 0], STOCKHOLM, '2026-01-15T11:00:00.000Z'],
    ['spring-forward gap: read with the offset from before', [2026, 3, 29, 2, 30], STOCKHOLM, '2026-03-29T01:30:00.000Z'],
    ['autumn repeat: the first of the two', [2026, 10, 25, 2, 30], STOCKHOLM, '2026-10-25T00:30:00.000Z'],
    ['Newfoundland changes at a half hour', [2026, 11, 1, 0, 45], 'America/St_Johns', '2026-11-01T03:15:00.000Z'],
    ['Lord Howe moves by 30 minutes', [2026, 10, 4, 3, 0], LORD_HOWE, '2026-10-03T16:00:00.000Z'],
    ['Lord Howe autumn repeat: the first of the two', [2026, 4, 5, 1, 45], LORD_HOWE, '2026-04-04T14:45:00.000Z'],
    ['Lord Howe spring gap', [2026, 10, 4, 2, 15], LORD_HOWE, '2026-10-03T15:45:00.000Z'],
    ['Havana skips midnight', [2026, 3, 8, 0, 0], 'America/Havana', '2026-03-08T05:00:00.000Z'],
    ['Havana repeats midnight', [2026, 11, 1, 0, 30], 'America/Havana', '2026-11-01T04:30:00.000Z'],
    // Until 2011 St. John's changed at 00:01, not on a quarter hour.
    ["St. John's spring change at 00:01 (1990)", [1990, 4, 1, 1, 8], ST_JOHNS, '1990-04-01T03:38:00.000Z'],
    ["St. John's autumn change at 00:01 (1991)", [1991, 10, 27, 0, 6], ST_JOHNS, '1991-10-27T03:36:00.000Z'],
    ['UTC', [2026, 3, 29, 2, 30], 'UTC', '2026-03-29T02:30:00.000Z'],
  ];
  for (const [name, [y, mo, d, h, mi], zone, expected] of cases) {
    it(name, () => {
      expect(wallClockToInstant(y, mo, d, h, mi, 0, 0, zone).toISOString()).to.equal(expected);
    });
  }
});

describe('wallClockToInstant agrees with a brute-force reading of the zone', () => {
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  // Zones with unusual changes: half hours, negative summer time (Dublin), two hours (Troll),
  // Ramadan pauses (Casablanca), changes at midnight (Havana, Santiago), a skipped day (Apia).
  const zones = [
    STOCKHOLM,
    ST_JOHNS,
    LORD_HOWE,
    'America/Havana',
    'Europe/Dublin',
    'Antarctica/Troll',
    'Africa/Casablanca',
    'Pacific/Apia',
    'America/Santiago',
    'Asia/Tehran',
    'Pacific/Chatham',
    'America/Sao_Paulo',
    'Europe/Moscow',
    'Asia/Gaza',
  ];

  /** RFC 5545's reading, from `Intl` alone: every offset the zone has within two days is tried. */
  function reference(local: number, zone: string): number {
    const offsets = new Set<number>();
    for (let t = local - 2 * DAY; t <= local + 2 * DAY; t += 30 * MINUTE) offsets.add(tzOffset(zone, new Date(t)));
    const real = [...offsets].map((o) => local - o * MINUTE).filter((t) => tzOffset(zone, new Date(t)) * MINUTE === local - t);
    if (real.length) return Math.min(...real);
    // A wall time in a gap: the earliest candidate is before the change, and its offset is the one from before.
    return local - tzOffset(zone, new Date(local - Math.max(...offsets) * MINUTE)) * MINUTE;
  }

  /** The instants within `year` at which the zone's offset changes (to the minute). */
  function changes(zone: string, year: number): number[] {
    const found: number[] = [];
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 6 * HOUR) {
      if (tzOffset(zone, new Date(t)) === tzOffset(zone, new Date(t + 6 * HOUR))) continue;
      let [low, high] = [t, t + 6 * HOUR];
      while (high - low > MINUTE) {
        const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (tzOffset(zone, new Date(mid)) === tzOffset(zone, new Date(low))) low = mid;
        else high = mid;
      }
      found.push(high);
    }
    return found;
  }

  const check = (local: number, zone: string) => {
    const d = new Date(local);
    const got = wallClockToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), 0, 0, zone);
    expect(got.getTime(), `${d.toISOString().slice(0, 16)} in ${zone}`).to.equal(reference(local, zone));
  };

  it('at wall times within three hours of a change', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({min: 1975, max: 2037}), fc.nat(), fc.integer({min: -180, max: 180}), (zone, year, pick, minutes) => {
        const list = changes(zone, year);
        if (!list.length) return;
        const change = list[pick % list.length];
        // The wall time the clock showed just before the change, moved by a few hours either way.
        const wall = change + tzOffset(zone, new Date(change - MINUTE)) * MINUTE + minutes * MINUTE;
        check(wall, zone);
      }),
      {numRuns: 150}
    );
  });

  it('at any wall time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({min: Date.UTC(1975, 0, 1) / MINUTE, max: Date.UTC(2037, 0, 1) / MINUTE}), (zone, minute) =>
        check(minute * MINUTE, zone)
      ),
      {numRuns: 200}
    );
  });
});

describe('addDaysIn keeps the wall-clock time across DST changes', () => {
  const cases: Array<[string, string, number, string, string]> = [
    // [name, zone, days, from (instant), expected instant]
    ['Stockholm: into the spring gap, read with the winter offset', STOCKHOLM, 1, '2026-03-28T01:30:00Z', '2026-03-29T01:30:00.000Z'],
    ['Stockholm: into the autumn repeat, the first of the two', STOCKHOLM, 1, '2026-10-24T00:30:00Z', '2026-10-25T00:30:00.000Z'],
    ['Stockholm: from the second of two repeated hours', STOCKHOLM, 1, '2026-10-25T01:30:00Z', '2026-10-26T01:30:00.000Z'],
    ['Stockholm: back from the second of two repeated hours', STOCKHOLM, -1, '2026-10-25T01:30:00Z', '2026-10-24T00:30:00.000Z'],
    ['Stockholm: zero days is the same instant', STOCKHOLM, 0, '2026-10-25T01:30:00Z', '2026-10-25T01:30:00.000Z'],
    ['Stockholm: a 23-hour day', STOCKHOLM, 1, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00.000Z'],
    ['Stockholm: a 25-hour day', STOCKHOLM, 1, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00.000Z'],
    ['Stockholm: over the new year', STOCKHOLM, 2, '2026-12-30T23:00:00Z', '2027-01-01T23:00:00.000Z'],
    ['Stockholm: a year back', STOCKHOLM, -365, '2027-01-01T23:00:00Z', '2026-01-01T23:00:00.000Z'],
    ['Stockholm: onto a leap day', STOCKHOLM, 1, '2028-02-27T23:00:00Z', '2028-02-28T23:00:00.000Z'],
    ["St. John's: into the spring gap", ST_JOHNS, 1, '2026-03-07T06:00:00Z', '2026-03-08T06:00:00.000Z'],
    ["St. John's: into the autumn repeat", ST_JOHNS, 1, '2026-10-31T04:00:00Z', '2026-11-01T04:00:00.000Z'],
    ["St. John's: back from the second of two repeated hours", ST_JOHNS, -1, '2026-11-01T05:00:00Z', '2026-10-31T04:00:00.000Z'],
    ['Lord Howe: into the 30-minute spring gap', LORD_HOWE, 1, '2026-10-02T15:45:00Z', '2026-10-03T15:45:00.000Z'],
    ['Lord Howe: into the 30-minute autumn repeat', LORD_HOWE, 1, '2026-04-03T14:45:00Z', '2026-04-04T14:45:00.000Z'],
    ['Lord Howe: a 23½-hour day', LORD_HOWE, 1, '2026-10-03T13:30:00Z', '2026-10-04T13:00:00.000Z'],
    ['Lord Howe: a 24½-hour day', LORD_HOWE, 1, '2026-04-04T13:00:00Z', '2026-04-05T13:30:00.000Z'],
  ];
  for (const [name, zone, days, from, expected] of cases) {
    it(name, () => {
      expect(addDaysIn(new Date(from), days, zone).toISOString()).to.equal(expected);
    });
  }
});

describe('all-day dates', () => {
  it('a date-only value is midnight where shown, and the next day is a day later on the calendar', () => {
    const start = parseIsoDateTime('2026-03-29', STOCKHOLM)!;
    expect(start.date.toISOString()).to.equal('2026-03-28T23:00:00.000Z');
    const end = addDaysIn(start.date, 1, STOCKHOLM);
    expect(end.toISOString()).to.equal('2026-03-29T22:00:00.000Z');
    expect(dayKey(end, STOCKHOLM)).to.equal('2026-03-30');
  });
  it('the last day of an exclusive end is the day before, over a short day in Lord Howe', () => {
    const end = parseIsoDateTime('2026-10-05', LORD_HOWE)!;
    expect(dayKey(addDaysIn(end.date, -1, LORD_HOWE), LORD_HOWE)).to.equal('2026-10-04');
  });
});

describe('startOfDayIn', () => {
  const cases: Array<[string, string, string]> = [
    // [zone, instant, expected midnight]
    [STOCKHOLM, '2026-03-29T12:00:00Z', '2026-03-28T23:00:00.000Z'],
    [STOCKHOLM, '2026-10-25T12:00:00Z', '2026-10-24T22:00:00.000Z'],
    [STOCKHOLM, '2026-10-24T21:59:59.999Z', '2026-10-23T22:00:00.000Z'],
    [LORD_HOWE, '2026-10-04T05:00:00Z', '2026-10-03T13:30:00.000Z'],
    [LORD_HOWE, '2026-04-05T05:00:00Z', '2026-04-04T13:00:00.000Z'],
    [ST_JOHNS, '2026-11-01T12:00:00Z', '2026-11-01T02:30:00.000Z'],
    ['America/Havana', '2026-03-08T12:00:00Z', '2026-03-08T05:00:00.000Z'], // no midnight: 01:00
    ['America/Havana', '2026-11-01T12:00:00Z', '2026-11-01T04:00:00.000Z'], // two midnights: the first
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z', '2026-05-31T18:15:00.000Z'],
    ['Australia/Eucla', '2026-06-01T00:00:00Z', '2026-05-31T15:15:00.000Z'],
  ];
  for (const [zone, instant, expected] of cases) {
    it(`${instant} in ${zone}`, () => {
      expect(startOfDayIn(new Date(instant), zone).toISOString()).to.equal(expected);
    });
  }
});

describe('dayKey is the day Intl gives', () => {
  const zones = [
    STOCKHOLM,
    ST_JOHNS,
    LORD_HOWE,
    'Asia/Kathmandu',
    'Australia/Eucla',
    'Pacific/Chatham',
    'America/Havana',
    'America/Santiago',
    'Pacific/Apia',
    'Europe/Dublin',
    'Africa/Monrovia',
    'Asia/Kolkata',
    'UTC',
  ];
  // Steps that are not a whole number of hours, so every time of day and every DST change is met.
  const ranges: Array<[string, string, number]> = [
    ['2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 53 * 60_000],
    ['1850-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 4 * 86_400_000 + 7 * 3_600_000 + 11 * 60_000 + 13_000],
  ];
  for (const zone of zones) {
    it(zone, () => {
      const intl = new Intl.DateTimeFormat('en-CA', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit'});
      let checked = 0;
      for (const [from, to, step] of ranges) {
        for (let t = Date.parse(from); t < Date.parse(to); t += step) {
          const date = new Date(t);
          const key = dayKey(date, zone);
          if (key !== intl.format(date)) expect(key, date.toISOString()).to.equal(intl.format(date));
          checked++;
        }
      }
      expect(checked).to.be.greaterThan(30_000);
    });
  }
  it('years Intl does not write with four digits', () => {
    for (const iso of ['0999-12-31T23:00:00Z', '+010000-01-01T12:00:00Z', '0001-06-01T00:00:00Z']) {
      const date = new Date(iso);
      expect(dayKey(date, STOCKHOLM)).to.equal(
        new Intl.DateTimeFormat('en-CA', {timeZone: STOCKHOLM, year: 'numeric', month: '2-digit', day: '2-digit'}).format(date)
      );
    }
  });
});

describe('parseRfc822', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Sat, 19 Aug 2023 15:00:00 +0200', '2023-08-19T13:00:00.000Z'],
    ['Sat, 19 Aug 2023 15:00:00 GMT', '2023-08-19T15:00:00.000Z'],
    ['19 Aug 23 09:30 EDT', '2023-08-19T13:30:00.000Z'],
    ['Sat, 19 Aug 2023 15:00:00', '2023-08-19T13:00:00.000Z'],
    ['Sat, 19 Aug 2023 15:00:00 XYZ', undefined],
    ['Sat, 32 Aug 2023 15:00:00 +0200', undefined],
    ['yesterday', undefined],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(parseRfc822(input, STOCKHOLM)?.date.toISOString()).to.equal(expected);
    });
  }
});

describe('parseDateText', () => {
  it('reads floating times in the source zone and records it', () => {
    const parsed = parseDateText('2021-06-26 09:00:00', STOCKHOLM, 'America/Chicago');
    expect(parsed?.date.toISOString()).to.equal('2021-06-26T14:00:00.000Z');
    expect(parsed?.timeZone).to.equal('America/Chicago');
  });
  it('keeps an all-day date on its calendar day in the display zone', () => {
    const parsed = parseDateText('2021-06-26', STOCKHOLM, 'America/Chicago');
    expect(dayKey(parsed!.date, STOCKHOLM)).to.equal('2021-06-26');
  });
  it('ignores an unknown source zone', () => {
    expect(parseDateText('2021-06-26 09:00', STOCKHOLM, 'Mars/Olympus')?.date.toISOString()).to.equal('2021-06-26T07:00:00.000Z');
  });
  it('rejects numbers, which need a known unit', () => {
    expect(parseDateText(1692450000, STOCKHOLM)).to.equal(undefined);
  });
});

describe('fromEpoch', () => {
  it('reads seconds and milliseconds as the caller says', () => {
    expect(fromEpoch(1692450000, 's')?.date.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
    expect(fromEpoch(1692450000000, 'ms')?.date.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
    expect(fromEpoch('1692450000', 's')?.date.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
    expect(fromEpoch(null, 's')).to.equal(undefined);
    expect(fromEpoch('soon', 's')).to.equal(undefined);
  });
});

describe('resolveDateBound', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  const cases: Array<[string, string | undefined]> = [
    ['today', '2026-11-26T23:00:00.000Z'],
    ['+3 months', '2027-02-26T23:00:00.000Z'],
    ['-1 week', '2026-11-19T23:00:00.000Z'],
    ['+2 days', '2026-11-28T23:00:00.000Z'],
    ['2026-12-24', '2026-12-23T23:00:00.000Z'],
    ['next tuesday', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(resolveDateBound(input, now, STOCKHOLM)?.toISOString()).to.equal(expected);
    });
  }
});

describe('resolveDateBound: month ends and year boundaries', () => {
  const cases: Array<[string, string, string]> = [
    // [now, input, expected] in Stockholm; a day past the end of the target month clamps to its last day
    ['2027-01-31T12:00:00Z', '+1 month', '2027-02-27T23:00:00.000Z'],
    ['2028-01-31T12:00:00Z', '+1 month', '2028-02-28T23:00:00.000Z'],
    ['2026-03-31T12:00:00Z', '-1 month', '2026-02-27T23:00:00.000Z'],
    ['2026-05-31T12:00:00Z', '+1 month', '2026-06-29T22:00:00.000Z'],
    ['2026-08-31T12:00:00Z', '-6 months', '2026-02-27T23:00:00.000Z'],
    ['2026-01-31T12:00:00Z', '+13 months', '2027-02-27T23:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '+1 year', '2029-02-27T23:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '-4 years', '2024-02-28T23:00:00.000Z'],
    ['2026-12-31T12:00:00Z', '+1 day', '2026-12-31T23:00:00.000Z'],
    ['2026-12-15T12:00:00Z', '+1 month', '2027-01-14T23:00:00.000Z'],
    ['2027-01-10T12:00:00Z', '-1 month', '2026-12-09T23:00:00.000Z'],
    ['2026-03-28T12:00:00Z', 'tomorrow', '2026-03-28T23:00:00.000Z'],
    ['2026-03-28T12:00:00Z', '+2 days', '2026-03-29T22:00:00.000Z'],
    ['2026-03-25T12:00:00Z', '+1 week', '2026-03-31T22:00:00.000Z'],
    ['2026-03-29T12:00:00Z', 'now', '2026-03-29T12:00:00.000Z'],
  ];
  for (const [now, input, expected] of cases) {
    it(`${input} from ${now}`, () => {
      expect(resolveDateBound(input, new Date(now), STOCKHOLM)?.toISOString()).to.equal(expected);
    });
  }
});

describe('isTimeZone', () => {
  it('knows IANA names and rejects others', () => {
    expect(isTimeZone('Europe/Stockholm')).to.equal(true);
    expect(isTimeZone('UTC')).to.equal(true);
    expect(isTimeZone('W. Europe Standard Time')).to.equal(false);
    expect(isTimeZone('')).to.equal(false);
  });
});
