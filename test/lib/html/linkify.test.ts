import {expect} from '@open-wc/testing';
import {linkPieces} from '../../../src/lib/html/linkify.js';
import {mayHoldLinks} from '../../../src/lib/html/linkify-lazy.js';

describe('linkPieces', () => {
  // [text, the links found (href), as linked text]
  const cases: Array<[string, string[]]> = [
    ['Läs mer: https://www.cykelkarnevalen.se/', ['https://www.cykelkarnevalen.se/']],
    ['Anmälan? Maila tatillbakaframtiden@protonmail.com', ['mailto:tatillbakaframtiden@protonmail.com']],
    ['Se gnistor.se och www.abf.se/program.', ['http://gnistor.se/', 'http://www.abf.se/program']],
    ['Skriv till mailto:styrelsen@example.org!', ['mailto:styrelsen@example.org']],
    ['(https://example.org/a_(b))', ['https://example.org/a_(b)']],
    ['Ingen länk här, bara text. Kl. 18.00.', []],
    // Hostile: none of these is a link people can follow safely.
    ['javascript:alert(1)', []],
    ['JaVaScRiPt:alert(document.domain)//example.org', []],
    ['data:text/html,<script>alert(1)</script>', []],
    ['vbscript:msgbox(1) and ftp://files.example.org/x', []],
    ['//evil.example/path', []],
    ['<script>alert(1)</script> https://example.org/ok', ['https://example.org/ok']],
  ];
  for (const [text, hrefs] of cases) {
    it(JSON.stringify(text), () => {
      const pieces = linkPieces(text);
      expect(pieces.map((piece) => piece.text).join(''), 'nothing lost').to.equal(text);
      expect(pieces.filter((piece) => piece.href).map((piece) => piece.href)).to.deep.equal(hrefs);
      for (const piece of pieces) if (piece.href) expect(piece.href).to.match(/^(https?|mailto):/);
    });
  }

  it('keeps a quote out of the address, and the href is what the URL parser reads', () => {
    const pieces = linkPieces('Se https://example.org/a"onmouseover="alert(1) nu');
    const link = pieces.find((piece) => piece.href)!;
    expect(new URL(link.href!).protocol).to.equal('https:');
    expect(link.href).not.to.contain('"');
  });
});

describe('mayHoldLinks', () => {
  for (const [text, expected] of [
    ['Välkommen på temakväll med efterhäng!', false],
    ['Kl. 18.00 i Folkets hus', false],
    ['https://x.example', true],
    ['Maila oss: a@b.se', true],
    ['gnistor.se', true],
  ] as const) {
    it(`${JSON.stringify(text)}: ${expected}`, () => {
      expect(mayHoldLinks(text)).to.equal(expected);
      // Never says "no" to text that holds an address linkify-it finds.
      if (!expected) expect(linkPieces(text).some((piece) => piece.href)).to.equal(false);
    });
  }
});
