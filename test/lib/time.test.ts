import {expect} from '@open-wc/testing';
import {
  dayKey,
  fromEpoch,
  parseDateText,
  parseIsoDateTime,
  parseRfc822,
  resolveDateBound,
  isTimeZone,
  wallClockToInstant,
} from '../../src/lib/time.js';

const STOCKHOLM = 'Europe/Stockholm';

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
      if (expected === undefined) return expect(parsed).to.equal(undefined);
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
    ['Lord Howe moves by 30 minutes', [2026, 10, 4, 3, 0], 'Australia/Lord_Howe', '2026-10-03T16:00:00.000Z'],
    ['UTC', [2026, 3, 29, 2, 30], 'UTC', '2026-03-29T02:30:00.000Z'],
  ];
  for (const [name, [y, mo, d, h, mi], zone, expected] of cases) {
    it(name, () => {
      expect(wallClockToInstant(y, mo, d, h, mi, 0, 0, zone).toISOString()).to.equal(expected);
    });
  }
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
    expect(parseDateText('2021-06-26 09:00', STOCKHOLM, 'Mars/Olympus')?.date.toISOString()).to.equal(
      '2021-06-26T07:00:00.000Z'
    );
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

describe('isTimeZone', () => {
  it('knows IANA names and rejects others', () => {
    expect(isTimeZone('Europe/Stockholm')).to.equal(true);
    expect(isTimeZone('UTC')).to.equal(true);
    expect(isTimeZone('W. Europe Standard Time')).to.equal(false);
    expect(isTimeZone('')).to.equal(false);
  });
});
