import {expect} from '@open-wc/testing';
import {monthKey, parseMonth} from '../../src/lib/month-key.js';

describe('month keys', () => {
  const keys: Array<[number, number, string]> = [
    [2026, 12, '2026-12'],
    [2027, 1, '2027-01'],
    [999, 3, '999-03'],
  ];
  for (const [year, month, key] of keys) {
    it(`monthKey(${year}, ${month}) is ${key}`, () => expect(monthKey(year, month)).to.equal(key));
  }

  const months: Array<[string, {year: number; month: number} | undefined]> = [
    ['2026-12', {year: 2026, month: 12}],
    ['2027-01', {year: 2027, month: 1}],
    ['2026-13', undefined],
    ['2026-00', undefined],
    ['2026-1', undefined],
    ['2026-12-01', undefined],
    [' 2026-12', undefined],
    ['', undefined],
  ];
  for (const [text, month] of months) {
    it(`parseMonth(${JSON.stringify(text)}) is ${JSON.stringify(month)}`, () => expect(parseMonth(text)).to.deep.equal(month));
  }

  it('parseMonth reads what monthKey writes', () => {
    for (let month = 1; month <= 12; month++) expect(parseMonth(monthKey(2026, month))).to.deep.equal({year: 2026, month});
  });
});
