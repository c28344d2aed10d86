import {expect} from '@open-wc/testing';
import {highlightPieces} from '../../../src/lib/show/highlight.js';

const show = (text: string, words: string[]) =>
  highlightPieces(text, words)
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('highlightPieces', () => {
  const cases: Array<[string, string[], string]> = [
    ['Möte om Möten', ['mote'], '[Möte] om [Möte]n'],
    ['Bokmässa i Göteborg', ['BOKMASSA', 'göte'], '[Bokmässa] i [Göte]borg'],
    ['no match here', ['xyz'], 'no match here'],
    ['İstanbul meetup', ['meetup'], 'İstanbul [meetup]'],
    ['a.*b (regex)', ['.*', '(regex)'], 'a[.*]b [(regex)]'],
    ['', ['a'], ''],
    ['whole', [], 'whole'],
    ['overlapping aaa', ['aa'], 'overlapping [aa]a'],
  ];
  for (const [text, words, expected] of cases) {
    it(`${JSON.stringify(text)} ${JSON.stringify(words)}`, () => {
      expect(show(text, words)).to.equal(expected);
      expect(
        highlightPieces(text, words)
          .map((p) => p.text)
          .join('')
      ).to.equal(text);
    });
  }
});
