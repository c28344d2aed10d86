import {expect} from '@open-wc/testing';
import {enumConverter, flagConverter, FORMATS, parseByteSize} from '../../src/lib/attributes.js';

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
