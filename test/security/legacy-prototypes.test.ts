/**
 * A page with a legacy library's `Array.prototype.toJSON` (Prototype.js 1.6 style, which returns
 * a string): the schema.org JSON-LD a list writes into the page must still be an array of
 * events, not one string (lib/safe-json.ts).
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import {DECEMBER, ZONE, renderList} from '../helpers/december.js';

describe('a page with Array.prototype.toJSON', () => {
  const proto = Array.prototype as unknown as {toJSON?: () => string};
  before(() => {
    // What Prototype.js 1.6 defines: an array serialises itself as a JSON string.
    proto.toJSON = function (this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    };
  });
  after(() => delete proto.toJSON);

  it('the structured data written into the page is an array of events', async () => {
    // The page's JSON.stringify really is affected.
    expect(typeof JSON.parse(JSON.stringify([1, 2]))).to.equal('string');
    const el = await renderList(html`<event-list when="all" time-zone=${ZONE}></event-list>`, DECEMBER);
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'structured data');
    const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(Array.isArray(data)).to.equal(true);
    expect(data).to.have.length(5);
    expect(data[0]['@type']).to.equal('Event');
    expect(data.find((d: {name: string}) => d.name === 'Bokmässa').keywords).to.equal('Mässa, Kultur');
  });
});
