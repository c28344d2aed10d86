/**
 * JSON-LD blocks are read by `JSON.parse`: a valid block is never altered, whatever its strings
 * hold. Only a block `JSON.parse` refuses is mended (comments, CDATA, raw control characters)
 * and read again, and the mending never changes a string's contents.
 */
import {expect} from '@open-wc/testing';
import {parseFeed} from '../../../src/lib/feeds/index.js';
import {looseJson, parseJsonBlock} from '../../../src/lib/feeds/jsonld.js';
import {FeedError, type ParsedFeed} from '../../../src/lib/events/model.js';

const ctx = {timeZone: 'UTC', source: 'https://example.org/events.html'};
const event = (name: string, extra: Record<string, unknown> = {}) => ({'@type': 'Event', name, startDate: '2030-01-05T18:00:00Z', ...extra});
const page = (...blocks: string[]) =>
  `<!doctype html><html><head><title>Events</title>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body></body></html>`;

async function read(html: string): Promise<ParsedFeed> {
  const result = await parseFeed(html, ctx, {format: 'jsonld'});
  if (result instanceof FeedError) throw result;
  return result;
}

describe('JSON-LD blocks', () => {
  it('a valid block whose strings hold /*, */ and // keeps all four events and every description', async () => {
    const events = [
      event('Kodstuga /* nybörjare', {description: 'We cover comments: /* like this */ and more.'}),
      event('Öppet hus', {url: 'https://example.org/open//house'}),
      event('Föredrag */', {description: 'Ends with */'}),
      event('Fest', {description: '// not a comment'}),
    ];
    const result = await read(page(JSON.stringify({'@context': 'https://schema.org', '@graph': events})));
    expect(result.events.map((e) => e.title)).to.deep.equal(['Kodstuga /* nybörjare', 'Öppet hus', 'Föredrag */', 'Fest']);
    expect(result.events[0].description).to.equal('We cover comments: /* like this */ and more.');
    expect(result.events[2].description).to.equal('Ends with */');
    expect(result.events[3].description).to.equal('// not a comment');
    expect(result.events[1].url).to.equal('https://example.org/open//house');
  });

  const sloppy: Array<[string, string, unknown]> = [
    ['a // comment line', '{\n// the event\n"name": "A"}', {name: 'A'}],
    ['a /* block */ comment', '{"name": /* x */ "A /* kept */"}', {name: 'A /* kept */'}],
    ['a CDATA wrapper', '//<![CDATA[\n{"name": "A"}\n//]]>', {name: 'A'}],
    ['a raw line break and tab inside a string', '{"name": "A\nB\tC"}', {name: 'A\nB\tC'}],
    ['a stray control character between values', '{"name":\u0001 "A"}', {name: 'A'}],
    ['an escaped quote before a comment-like text', '{"name": "say \\"/*\\" // hi"} // end', {name: 'say "/*" // hi'}],
  ];
  for (const [what, block, value] of sloppy) {
    it(`a block JSON.parse refuses is mended: ${what}`, () => {
      expect(parseJsonBlock(block)).to.deep.equal(value);
    });
  }

  it('a valid block is read by JSON.parse alone (the mending is not run on it)', () => {
    const block = JSON.stringify({name: 'A', description: 'x /* y */ z // w'});
    expect(parseJsonBlock(block)).to.deep.equal(JSON.parse(block));
    // What mending would do to it is harmless too: strings are never touched.
    expect(JSON.parse(looseJson(block))).to.deep.equal(JSON.parse(block));
  });

  it('a block that cannot be mended is skipped and counted; the others are read', async () => {
    const result = await read(page('{"name": "broken", ', JSON.stringify(event('Kept'))));
    expect(result.events.map((e) => e.title)).to.deep.equal(['Kept']);
  });
});
