/**
 * The parsers' DOM in the browser (src/lib/feeds/dom.ts over the browser's own parsers) gives the
 * answers of dom-cases.ts; test/node/dom.test.ts holds the portable DOM of Node and Workers to the
 * same answers.
 */
import {expect} from '@open-wc/testing';
import {htmlText} from '../../../src/lib/feeds/dom.js';
import {innerXml, readXml} from '../../../src/lib/feeds/xml/xml-text.js';
import {ldJsonBlocks} from '../../../src/lib/feeds/jsonld.js';
import {htmlTextCases, innerXmlCases, ldJsonCases, xmlCases} from './dom-cases.js';

const XHTML = 'http://www.w3.org/1999/xhtml';

describe("the parsers' DOM in the browser", () => {
  for (const {what, xml, wellFormed, text} of xmlCases) {
    it(`XML: ${what} is ${wellFormed ? 'read' : 'refused'}`, () => {
      const parsed = readXml(xml);
      expect(parsed.error === undefined, parsed.error).to.equal(wellFormed);
      if (text !== undefined) expect(parsed.document!.documentElement.textContent).to.equal(text);
    });
  }

  for (const {what, xml, inner} of innerXmlCases) {
    it(`XML markup: ${what}`, () => {
      const div = readXml(xml).document!.documentElement.getElementsByTagNameNS(XHTML, 'div')[0];
      expect(innerXml(div)).to.equal(inner);
    });
  }

  for (const {what, html, text} of htmlTextCases) {
    it(`HTML text: ${what}`, () => {
      expect(htmlText(html)).to.equal(text);
    });
  }

  for (const {what, html, blocks} of ldJsonCases) {
    it(`JSON-LD blocks: ${what}`, () => {
      expect(ldJsonBlocks(html)).to.deep.equal(blocks);
    });
  }
});
