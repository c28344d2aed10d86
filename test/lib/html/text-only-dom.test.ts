import {expect} from '@open-wc/testing';
import {textOnlyDom} from '../../../src/lib/html/text-only-dom.js';

// The parsers' DOM on a page that refuses feedcal's Trusted Types policy: markup read as text.
describe('textOnlyDom', () => {
  const texts: Array<[string, string, string]> = [
    ['tags dropped, entities decoded once', '<p>Fish &amp; <b>chips</b> &#8211; &#x263A; &amp;amp;</p>', 'Fish & chips – ☺ &amp;'],
    ['scripts, styles, templates and comments give no text', 'a<script>x()</script><style>p{}</style><template>t</template><!-- c -->b', 'ab'],
    ['an unknown named entity is kept as written', 'caf&eacute;', 'caf&eacute;'],
    ['an unclosed tag at the end', 'a <img src=x onerror=y', 'a '],
  ];
  for (const [name, html, text] of texts) it(`htmlText: ${name}`, () => expect(textOnlyDom.htmlText(html)).to.equal(text));

  it('ldJsonBlocks: the JSON-LD scripts, not other scripts or those in comments', () => {
    const page = `<html><head><script type="application/ld+json">{"a":1}</script><script>x()</script>
      <!-- <script type="application/ld+json">{"hidden":1}</script> --><script type='application/ld+json' id=x>[2]</script></head></html>`;
    expect(textOnlyDom.ldJsonBlocks(page)).to.deep.equal(['{"a":1}', '[2]']);
  });

  it('parseXml: says why XML cannot be read', () => {
    expect(textOnlyDom.parseXml().error).to.match(/Trusted Types policy "feedcal"/);
  });
});
