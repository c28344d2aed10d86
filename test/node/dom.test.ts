/// <reference types="node" />
/**
 * The portable DOM (src/lib/feeds/dom-portable.ts: @xmldom/xmldom and parse5), which Node and
 * Workers parse feeds with, gives the browser's answers: test/lib/feeds/dom-cases.ts holds what
 * Chromium gives (test/lib/feeds/dom.test.ts checks that), and this holds the portable DOM to it.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {htmlText, installDom} from '../../src/lib/feeds/dom.js';
import {innerXml, readXml} from '../../src/lib/feeds/xml/xml-text.js';
import {ldJsonBlocks} from '../../src/lib/feeds/jsonld.js';
import {portableDom} from '../../src/lib/feeds/dom-portable.js';
import {htmlTextCases, innerXmlCases, ldJsonCases, xmlCases} from '../lib/feeds/dom-cases.js';

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * Markup with each start tag's attributes sorted and `/>` unspaced: xmldom's serialiser writes a
 * namespace declaration after the attributes and `<br/>`, the browser's before them and `<br />`.
 * The markup is the same; only these spellings differ.
 */
const sameMarkup = (markup: string) =>
  markup.replace(
    /<([^\s/>!?]+)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?)>/g,
    (_tag, name: string, attributes: string, slash: string) =>
      `<${name}${(attributes.match(/[^\s=]+="[^"]*"/g) ?? [])
        .sort()
        .map((a) => ` ${a}`)
        .join('')}${slash}>`
  );

describe("the parsers' DOM without a browser", () => {
  it('is missing until a runtime entry installs one', () => {
    assert.equal(typeof (globalThis as {DOMParser?: unknown}).DOMParser, 'undefined');
    assert.throws(() => readXml('<a/>'), /DOMParser is not defined/);
    installDom(portableDom);
  });

  for (const {what, xml, wellFormed, text} of xmlCases) {
    it(`XML: ${what} is ${wellFormed ? 'read' : 'refused'}`, () => {
      const parsed = readXml(xml);
      assert.equal(parsed.error === undefined, wellFormed, parsed.error);
      if (!wellFormed) assert.match(parsed.error!, /\S/);
      if (text !== undefined) assert.equal(parsed.document!.documentElement.textContent, text);
    });
  }

  it('says where an XML text breaks, in the words the browser uses', () => {
    // xmldom places a mismatched end tag at its start tag (the browser: at the end tag).
    assert.match(readXml('<a>\n<b>\n</a>').error!, /^error on line 2 at column \d+: /);
    assert.match(readXml('<a>\n  \u0001</a>').error!, /^error on line 2 at column 3: /);
  });

  for (const {what, xml, inner} of innerXmlCases) {
    it(`XML markup: ${what}`, () => {
      const div = readXml(xml).document!.documentElement.getElementsByTagNameNS(XHTML, 'div')[0];
      assert.equal(sameMarkup(innerXml(div)), sameMarkup(inner));
    });
  }

  for (const {what, html, text} of htmlTextCases) {
    it(`HTML text: ${what}`, () => {
      assert.equal(htmlText(html), text);
    });
  }

  for (const {what, html, blocks} of ldJsonCases) {
    it(`JSON-LD blocks: ${what}`, () => {
      assert.deepEqual(ldJsonBlocks(html), blocks);
    });
  }
});
