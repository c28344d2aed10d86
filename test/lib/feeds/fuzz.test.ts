/**
 * Bad input, generated: every parser gets random text, random JSON, and every kind of cut and
 * corruption of a real feed of its format. Whatever comes in, a parser returns events with a
 * count of skipped items, or a typed `FeedError` — it never throws and never hangs.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {parseFeed, type FormatChoice} from '../../../src/lib/feeds/index.js';
import {FeedError, type ParseResult} from '../../../src/lib/events/model.js';

const ctx = {timeZone: 'Europe/Stockholm', source: 'https://example.org/feed'};

const samples: Array<{format: FormatChoice; file: string}> = [
  {format: 'json', file: '/test/fixtures/json/canonical-events.json'},
  {format: 'json', file: '/test/fixtures/json/gancio-api-events.json'},
  {format: 'json', file: '/test/fixtures/json/activitystreams-create.json'},
  {format: 'rss', file: '/test/fixtures/rss/gnistor-style.xml'},
  {format: 'rss', file: '/test/fixtures/rss/ev-module.rss'},
  {format: 'atom', file: '/test/fixtures/rss/gdata-calendar.xml'},
  {format: 'ics', file: '/test/fixtures/ics/recurrence-dst.ics'},
  {format: 'ics', file: '/test/fixtures/ics/fields.ics'},
  {format: 'markdown', file: '/test/fixtures/markdown/seed-event.md'},
];

function checkResult(result: ParseResult) {
  if (result instanceof FeedError) {
    expect(['network', 'cors', 'http', 'parse', 'timeout']).to.include(result.kind);
    expect(result.message).to.be.a('string').and.not.equal('');
    return;
  }
  expect(result.events).to.be.an('array');
  expect(result.skipped).to.be.an('array');
  for (const event of result.events) {
    expect(event.title).to.be.a('string').and.not.equal('');
    expect(Number.isNaN(event.start.getTime())).to.equal(false);
    if (event.end) expect(event.end.getTime()).to.be.greaterThan(event.start.getTime());
    if (event.url) expect(event.url).to.match(/^https?:/);
    if (event.image) expect(event.image).to.match(/^https?:/);
  }
}

async function parseChecked(text: string, format: FormatChoice) {
  let result: ParseResult | undefined;
  try {
    result = await parseFeed(text, ctx, {format});
  } catch (error) {
    throw new Error(`parseFeed(${format}) threw on ${JSON.stringify(text.slice(0, 200))}: ${error}`);
  }
  checkResult(result);
  // The guard in parseFeed turns a parser's exception into an 'invalid' error; a parser that
  // needed it has a bug, so that message must never appear.
  if (result instanceof FeedError) expect(result.message).not.to.match(/could not be read: /);
}

describe('parsers under generated bad input', function () {
  this.timeout(60_000);
  const texts = new Map<string, string>();

  before(async () => {
    for (const {file} of samples) texts.set(file, await (await fetch(new URL(file, import.meta.url))).text());
  });

  for (const format of ['auto', 'json', 'rss', 'atom', 'ics', 'jsonld', 'markdown'] as FormatChoice[]) {
    it(`${format}: random text`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({maxLength: 400, unit: 'binary'}), (text) => parseChecked(text, format)),
        {numRuns: 150}
      );
    });
  }

  it('json: random JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({maxDepth: 6}), (text) => parseChecked(text, 'json')),
      {numRuns: 300}
    );
  });

  it('json: random event-shaped objects', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string(), {maxLength: 3}),
      fc.dictionary(fc.string(), fc.string(), {maxKeys: 3})
    );
    const event = fc.record(
      {
        title: value,
        date: value,
        enddate: value,
        start_datetime: value,
        forms: value,
        locations: value,
        url: value,
        place: value,
        image: value,
        description: value,
        media: value,
      },
      {requiredKeys: []}
    );
    await fc.assert(
      fc.asyncProperty(fc.array(event, {maxLength: 8}), (events) => parseChecked(JSON.stringify({events}), 'json')),
      {numRuns: 300}
    );
  });

  for (const {format, file} of samples) {
    it(`${format} ${file.split('/').pop()}: every truncation and random corruption`, async () => {
      const text = texts.get(file)!;
      const step = Math.max(1, Math.floor(text.length / 60));
      for (let end = 0; end < text.length; end += step) await parseChecked(text.slice(0, end), format);
      await fc.assert(
        fc.asyncProperty(fc.nat({max: text.length}), fc.nat({max: 40}), fc.string({maxLength: 12}), (at, cut, insert) =>
          parseChecked(text.slice(0, at) + insert + text.slice(at + cut), format)
        ),
        {numRuns: 120}
      );
    });
  }
});
