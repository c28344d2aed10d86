import {expect} from '@open-wc/testing';
import {enumConverter, flagConverter, FORMATS, MAX_TIMER_MS, parseByteSize, REFRESH_RANGE, TIMEOUT_RANGE, timerMs} from '../../src/lib/attributes.js';

describe('enumConverter', () => {
  const view = enumConverter(['list', 'month']);
  const cases: Array<[string | null, string]> = [
    ['list', 'list'],
    ['month', 'month'],
    // Anything else is the default, the first value: a typo, another case, nothing at all.
    ['grid', 'list'],
    ['Month', 'list'],
    [' month', 'list'],
    ['', 'list'],
    [null, 'list'],
  ];
  for (const [attribute, value] of cases) {
    it(`reads ${JSON.stringify(attribute)} as ${value}`, () => expect(view.fromAttribute(attribute)).to.equal(value));
  }

  it('reads an unknown format as auto', () => {
    const format = enumConverter(FORMATS);
    expect(format.fromAttribute('ics')).to.equal('ics');
    expect(format.fromAttribute('xml')).to.equal('auto');
  });
});

describe('flagConverter', () => {
  const cases: Array<[string | null, boolean]> = [
    ['', true],
    ['true', true],
    ['no-add-to-calendar', true],
    ['false', false],
    [' FALSE ', false],
    [null, false],
  ];
  for (const [attribute, value] of cases) {
    it(`reads ${JSON.stringify(attribute)} as ${value}`, () => expect(flagConverter.fromAttribute(attribute)).to.equal(value));
  }
});

describe('parseByteSize', () => {
  const cases: Array<[string | undefined, number | undefined]> = [
    ['1048576', 1048576],
    ['800KB', 800 * 1024],
    ['800 kB', 800 * 1024],
    ['5MB', 5 * 1024 * 1024],
    ['1.5 mb', 1.5 * 1024 * 1024],
    ['1gb', 1024 ** 3],
    [' 12 b ', 12],
    // Not a size: undefined, which means the default.
    ['0', undefined],
    ['five MB', undefined],
    ['5 TB', undefined],
    ['-5MB', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [text, bytes] of cases) {
    it(`${JSON.stringify(text)} is ${bytes} bytes`, () => expect(parseByteSize(text)).to.equal(bytes));
  }
});

describe('timerMs', () => {
  // [attribute, seconds as the Number converter gives them, milliseconds used, whether the console says so]
  const cases: Array<['timeout' | 'refresh', number | null | undefined, number | undefined, boolean]> = [
    ['timeout', undefined, undefined, false],
    ['timeout', null, undefined, false],
    ['timeout', 0, undefined, false],
    ['timeout', 2, 2000, false],
    ['timeout', 0.4, 400, false],
    ['timeout', 2592000, 300_000, true],
    ['timeout', -5, undefined, true],
    ['timeout', Number.NaN, undefined, true],
    ['timeout', Number.POSITIVE_INFINITY, undefined, true],
    ['timeout', 0.001, 100, true],
    ['refresh', undefined, undefined, false],
    ['refresh', 60, 60_000, false],
    ['refresh', 10, 30_000, true],
    ['refresh', 2592000, 86_400_000, true],
    ['refresh', 1e9, 86_400_000, true],
    ['refresh', -30, undefined, true],
    ['refresh', Number.NaN, undefined, true],
  ];
  for (const [attribute, seconds, ms, noted] of cases) {
    it(`${attribute}="${seconds}" → ${ms} ms${noted ? ', with a console note' : ''}`, () => {
      const notes: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void notes.push(args.join(' '));
      try {
        expect(timerMs(attribute, seconds, attribute === 'timeout' ? TIMEOUT_RANGE : REFRESH_RANGE)).to.equal(ms);
        // The same value again: said once only.
        timerMs(attribute, seconds, attribute === 'timeout' ? TIMEOUT_RANGE : REFRESH_RANGE);
      } finally {
        console.warn = warn;
      }
      expect(notes.length).to.equal(noted ? 1 : 0);
      if (noted)
        expect(notes[0])
          .to.contain(`${attribute}="${seconds}"`)
          .and.to.match(/using (the default|[\d.]+ seconds)/);
      if (ms !== undefined) expect(ms).to.be.at.most(MAX_TIMER_MS);
    });
  }
});
