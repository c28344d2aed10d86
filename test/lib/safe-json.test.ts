/**
 * scriptSafeJson: the same data back through JSON.parse as JSON.stringify gives, nothing that
 * can end a script element, and no trust in the page's prototypes (`Array.prototype.toJSON`).
 */
import {expect} from '@open-wc/testing';
import {scriptSafeJson} from '../../src/lib/safe-json.js';
import {structuredDataScript} from '../../src/lib/structured-data.js';
import {calendarEvent} from '../helpers/december.js';

const values: unknown[] = [
  null,
  'plain',
  'quote " backslash \\ slash / tab \t line \n cr \r nul \u0000 bell \u0007',
  '</script><!-- & > \u2028 \u2029',
  'emoji 😀 and half \uD83D of one, \uDE00',
  0,
  -1.5e-7,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  {},
  [1, 'two', null, undefined, () => 3, Symbol('s'), {a: [{b: 'c'}]}],
  {a: 1, skip: undefined, fn: () => 1, nested: {list: ['x', {y: null}]}, 'odd "key"': '<b>'},
];

describe('scriptSafeJson', () => {
  for (const value of values) {
    it(`gives back what JSON.stringify would: ${String(JSON.stringify(value)).slice(0, 60)}`, () => {
      const text = scriptSafeJson(value);
      expect(JSON.parse(text)).to.deep.equal(JSON.parse(JSON.stringify(value) ?? 'null'));
      expect(text).not.to.match(/[<>&\u2028\u2029]/);
    });
  }

  it('ignores toJSON on the page’s prototypes (Prototype.js style) and on the data', () => {
    const proto = Array.prototype as unknown as {toJSON?: () => string};
    const objectProto = Object.prototype as unknown as {toJSON?: () => string};
    proto.toJSON = function (this: unknown[]) {
      return `[${this.length} items]`;
    };
    try {
      objectProto.toJSON = () => 'object';
      const data = [
        {name: 'A', keywords: ['x', 'y']},
        {name: 'B', toJSON: () => 'own'},
      ];
      expect(JSON.parse(scriptSafeJson(data))).to.deep.equal([{name: 'A', keywords: ['x', 'y']}, {name: 'B'}]);
      const events = JSON.parse(structuredDataScript([calendarEvent('Möte', '2026-12-16T17:00:00Z', {categories: ['a', 'b']})], {timeZone: 'UTC'}));
      expect(Array.isArray(events)).to.equal(true);
      expect(events[0]['@type']).to.equal('Event');
      expect(events[0].name).to.equal('Möte');
    } finally {
      delete proto.toJSON;
      delete objectProto.toJSON;
    }
  });
});
