/**
 * sniffFormat is the entry's cheap first look that spares plain JSON and iCalendar feeds the
 * download of detect.ts. Its one rule: when it answers, detectFormat gives the same answer.
 * Checked on a table, on detect.ts's own samples, on every fixture and corpus feed, and on
 * generated text; plus what parseFeed does when detect.ts cannot be loaded.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {sniffFormat} from '../../../src/lib/feeds/sniff.js';
import {detectFormat} from '../../../src/lib/feeds/detect.js';
import {chooseFormat, parseFeed} from '../../../src/lib/feeds/index.js';
import {decodeFeedBytes} from '../../../src/lib/load/decode.js';
import {looksLikeIcs, unfoldIcsBytes} from '../../../src/lib/feeds/ics/ics-unfold.js';
import {FeedError} from '../../../src/lib/events/model.js';
import {detectCases} from './detect-cases.js';

/** Labels servers put on feeds, right and wrong; detectFormat uses some of them to break ties. */
const contentTypes = [
  undefined,
  'application/json',
  'application/feed+json',
  'application/activity+json',
  'application/ld+json',
  'Application/LD+JSON; charset=utf-8',
  'text/calendar',
  'application/ics',
  'application/rss+xml',
  'application/atom+xml',
  'text/markdown',
  'text/html',
  'text/plain',
  'application/octet-stream',
];

/** Fails naming the text and content type when the sniff answers and detect.ts disagrees. */
function expectAgreement(text: string, contentType: string | undefined, what = JSON.stringify(text.slice(0, 80))) {
  const sniffed = sniffFormat(text, contentType);
  if (sniffed === undefined) return;
  expect(detectFormat(text, contentType), `${what} as ${contentType ?? 'no content type'}`).to.equal(sniffed);
}

describe('sniffFormat', () => {
  const far = 'x'.repeat(5000);
  const cases: Array<[string, string, string | undefined, 'ics' | 'json' | 'rss' | 'atom' | undefined]> = [
    // [what, body, content type, expected]; undefined: left to detect.ts
    ['iCalendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', undefined, 'ics'],
    ['iCalendar in lower case after a BOM and blank lines', '\uFEFF\r\n  begin:vcalendar\n', 'text/plain', 'ics'],
    ['iCalendar labelled JSON', 'BEGIN:VCALENDAR\n', 'application/json', 'ics'],
    ['a JSON object', '{"events": []}', undefined, 'json'],
    ['a JSON array after a BOM and white space', '\uFEFF \n\t[{"title": "x"}]', 'text/plain', 'json'],
    ['JSON labelled HTML', '{"items": []}', 'text/html; charset=utf-8', 'json'],
    ['JSON with an @type but no @context', '{"@type": "Event", "name": "x"}', 'application/json', 'json'],
    ['JSON with its @context beyond the sniffed 4 KB', `{"note": "${far}", "@context": "https://schema.org", "@type": "Event"}`, undefined, 'json'],
    ['broken JSON (the JSON parser says what is wrong)', '{"events": [', undefined, 'json'],
    ['schema.org JSON-LD', '{"@context": "https://schema.org", "@type": "Event"}', undefined, undefined],
    ['ActivityStreams (an @context that is not schema.org)', '{"@context": "https://www.w3.org/ns/activitystreams", "type": "Event"}', undefined, undefined],
    ['JSON labelled ld+json', '{"@graph": []}', 'application/ld+json', undefined],
    ['JSON labelled ld+json in capitals with parameters', '[]', 'Application/LD+JSON; charset=utf-8', undefined],
    ['RSS', '<?xml version="1.0"?><rss version="2.0"/>', 'application/json', 'rss'],
    ['RSS 1.0 (RDF) after a declaration and a line break', '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="x">', undefined, 'rss'],
    ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom"/>', undefined, 'atom'],
    ['RSS after a comment (detect.ts reads the prolog)', '<?xml version="1.0"?><!-- hi --><rss version="2.0"/>', undefined, undefined],
    ['a prefixed root', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', undefined, undefined],
    ['an element named like a feed', '<feedback/>', 'application/xml', undefined],
    ['an rss-prefixed element', '<rss:channel/>', 'application/xml', undefined],
    ['an HTML page', '<!doctype html><html></html>', undefined, undefined],
    ['front matter', '---\ntitle: x\n---\n', undefined, undefined],
    ['BEGIN:VCALENDAR glued to more letters', 'BEGIN:VCALENDARX\n', 'text/calendar', undefined],
    ['iCalendar after a line of text', 'Calendar\nBEGIN:VCALENDAR\n', 'text/calendar', undefined],
    ['JSON after more than 4 KB of white space', `${' '.repeat(5000)}{}`, 'application/json', undefined],
    ['plain text', 'Hello, world', 'application/json', undefined],
    ['empty', '', undefined, undefined],
  ];
  for (const [what, body, contentType, expected] of cases) {
    it(`${what} → ${expected ?? 'detect.ts'}`, () => {
      expect(sniffFormat(body, contentType)).to.equal(expected);
      expectAgreement(body, contentType, what);
    });
  }
});

describe('sniffFormat agrees with detectFormat whenever it answers', function () {
  this.timeout(60_000);

  it("on detect.ts's samples, under every content type", () => {
    for (const [what, body, contentType] of detectCases) {
      for (const type of [contentType, ...contentTypes]) expectAgreement(body, type, what);
    }
  });

  it('on every fixture feed', async () => {
    const fixtures = [
      'elements/custom.json',
      'elements/empty.json',
      'elements/events.json',
      'elements/page.html',
      'elements/truncated.json',
      'ics/broken.ics',
      'ics/endless-daily.ics',
      'ics/fields.ics',
      'ics/recurrence-dst.ics',
      'json/activitystreams-create.json',
      'json/canonical-events.json',
      'json/events-calendar-rest.json',
      'json/gancio-api-events.json',
      'json/gnistor-shaped.json',
      'json/mobilizon-graphql-group.json',
      'json/radar-search-events.json',
      'markdown/address-and-lists.md',
      'markdown/seed-event.md',
      'rss/atom-posts.xml',
      'rss/ev-module.rss',
      'rss/gancio-xcal.rss',
      'rss/gdata-calendar.xml',
      'rss/gnistor-style.xml',
      'rss/html-entities.rss',
      'rss/rdf-ev.rdf',
      'security/csp-empty.json',
      'security/csp-feed-ld.html',
      'security/csp-feed-xhtml.atom',
      'security/csp-feed.ics',
      'security/csp-feed.json',
      'security/csp-feed.rss',
    ];
    for (const file of fixtures) {
      const response = await fetch(new URL(`/test/fixtures/${file}`, import.meta.url));
      expect(response.ok, file).to.equal(true);
      const text = await response.text();
      for (const type of contentTypes) expectAgreement(text, type, file);
    }
  });

  describe('on every file of the shared corpus', () => {
    const texts = new Map<string, string>();

    before(async function () {
      const listing = await fetch('/corpus/index.json');
      if (!listing.ok) {
        console.warn('Corpus agreement skipped: ../shared/fixtures/feeds/ is not beside this checkout.');
        this.skip();
      }
      for (const file of (await listing.json()) as string[]) {
        const bytes = new Uint8Array(await (await fetch(`/corpus/${file}`)).arrayBuffer());
        // The text parseFeed gets in the widget (load-feed.ts): iCalendar unfolded on bytes, then decoded.
        texts.set(file, decodeFeedBytes(looksLikeIcs(bytes) ? unfoldIcsBytes(bytes) : bytes));
      }
    });

    it('agrees under every content type', () => {
      for (const [file, text] of texts) for (const type of contentTypes) expectAgreement(text, type, file);
    });

    // The point of the sniff: the common feeds never wait for detect.ts.
    it('answers for the Gnistor JSON feed and for every iCalendar file', () => {
      if (texts.has('gnistor/feed.json')) expect(sniffFormat(texts.get('gnistor/feed.json')!)).to.equal('json');
      const calendars = [...texts.keys()].filter((file) => file.endsWith('.ics'));
      for (const file of calendars) expect(sniffFormat(texts.get(file)!, 'text/calendar'), file).to.equal('ics');
    });
  });

  it('on generated JSON-ish and XML-ish text', () => {
    // Pieces that steer detect.ts one way or another, in random order, after random white space
    // (sometimes more than the 4 KB sniffed), plus arbitrary JSON and text.
    const piece = fc.constantFrom(
      '{',
      '[',
      '}',
      ']',
      '"',
      ':',
      ',',
      ' ',
      '\n',
      '\r\n',
      '\t',
      '\uFEFF',
      '\u00A0',
      '\u2028',
      '"@context"',
      '"@type"',
      '"Event"',
      '"MusicEvent"',
      '"sc:Event"',
      'schema.org',
      'https://schema.org',
      '"@graph"',
      'BEGIN:VCALENDAR',
      'begin:vcalendar',
      'VERSION:2.0',
      '---\n',
      'title: x',
      '<',
      '>',
      '<?xml version="1.0"?>',
      '<!-- c -->',
      '<!DOCTYPE rss>',
      '<!doctype html>',
      '<html>',
      '<rss>',
      '<feed>',
      '<rdf:RDF>',
      '<div>',
      'application/ld+json',
      'x'
    );
    const body = fc.oneof(
      fc.array(piece, {maxLength: 30}).map((pieces) => pieces.join('')),
      fc.json({maxDepth: 4}),
      fc.string({maxLength: 200, unit: 'binary'})
    );
    const lead = fc.oneof(
      fc.constant(''),
      fc.constantFrom(' ', '\n', '\uFEFF', '\uFEFF\r\n'),
      fc.nat({max: 5000}).map((n) => ' '.repeat(n))
    );
    const type = fc.oneof(fc.constantFrom(...contentTypes), fc.string({maxLength: 30}));
    fc.assert(
      fc.property(lead, body, type, (start, text, contentType) => {
        const sniffed = sniffFormat(start + text, contentType);
        return sniffed === undefined || detectFormat(start + text, contentType) === sniffed;
      }),
      {numRuns: 3000}
    );
  });
});

describe('choosing the format when detect.ts cannot be loaded', () => {
  const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

  it('plain JSON, iCalendar, RSS and Atom do not need it', async () => {
    expect(await chooseFormat('{"events": []}', 'application/json', offline)).to.equal('json');
    expect(await chooseFormat('BEGIN:VCALENDAR\r\n', undefined, offline)).to.equal('ics');
    expect(await chooseFormat('<?xml version="1.0"?><rss version="2.0"/>', undefined, offline)).to.equal('rss');
    expect(await chooseFormat('<feed xmlns="http://www.w3.org/2005/Atom">', undefined, offline)).to.equal('atom');
  });

  it('any other body gets a FeedError saying the reader could not be loaded', async () => {
    for (const text of ['<?xml version="1.0"?><!-- c --><rss/>', '{"@context": "https://schema.org", "@type": "Event"}', 'Hello']) {
      const result = await chooseFormat(text, undefined, offline);
      expect(result).to.be.instanceOf(FeedError);
      expect((result as FeedError).kind).to.equal('network');
      expect((result as FeedError).message)
        .to.contain('could not be determined')
        .and.contain('could not be loaded');
    }
  });

  it('loads it when it is needed', async () => {
    expect(await chooseFormat('<?xml version="1.0"?><rss version="2.0"/>')).to.equal('rss');
    expect(await chooseFormat('{"@context": "https://schema.org", "@type": "Event"}')).to.equal('jsonld');
  });

  it('parseFeed still reads a sniffed feed', async () => {
    const result = await parseFeed('{"events": [{"title": "Möte", "start": "2030-01-01T18:00:00+01:00"}]}', {
      timeZone: 'Europe/Stockholm',
      source: 'https://example.org/feed.json',
    });
    if (result instanceof FeedError) throw result;
    expect(result.events.map((event) => event.title)).to.deep.equal(['Möte']);
  });
});
