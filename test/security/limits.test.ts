/**
 * Hostile sizes and shapes: parsing returns (an error or events) within a generous time and
 * never throws, whatever the input.
 */
import {expect} from '@open-wc/testing';
import {parseFeed} from '../../src/lib/feeds/index.js';
import {FeedError, type ParseResult} from '../../src/lib/events/model.js';

const ctx = {timeZone: 'UTC', source: 'https://example.org/feed'};
const timed = async (text: string, options: Parameters<typeof parseFeed>[2] = {}): Promise<{result: ParseResult; ms: number}> => {
  const started = performance.now();
  const result = await parseFeed(text, ctx, options);
  return {result, ms: performance.now() - started};
};
/** One an hour from 1 January 2027, after the test clock's day (TEST_NOW), so a list shows them as upcoming. */
const start = (i: number) => new Date(Date.UTC(2027, 0, 1) + i * 3600_000).toISOString();
const figures: string[] = [];

describe('limits', function () {
  this.timeout(30000);
  after(() => console.log(`feedcal limits: ${figures.join('; ')}`));
  // Load every parser first, so the timings below measure parsing, not module loading.
  before(async () => {
    for (const format of ['json', 'rss', 'ics', 'jsonld', 'markdown'] as const) await parseFeed('', ctx, {format});
  });

  it('100k unclosed and 100k closed nested JSON arrays and objects', async () => {
    for (const [name, text] of [
      ['100k [', '['.repeat(100_000)],
      ['100k [ ]', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['100k {"a":', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
      ['events in 50k arrays', `{"events": ${'['.repeat(50_000)}{"title":"x","start":"2030-01-01"}${']'.repeat(50_000)}}`],
    ]) {
      const {result, ms} = await timed(text, {format: 'json'});
      expect(ms, name).to.be.below(3000);
      figures.push(`${name}: ${result instanceof FeedError ? result.code : `${result.events.length} events`} in ${Math.round(ms)} ms`);
    }
  });

  it('deep JSON-LD @graph nesting', async () => {
    let value = JSON.stringify({'@type': 'Event', name: 'Deep', startDate: '2030-01-01'});
    for (let i = 0; i < 10_000; i++) value = `{"@graph": [${value}]}`;
    const {ms} = await timed(value, {format: 'jsonld'});
    expect(ms).to.be.below(3000);
  });

  it('huge strings: a 4 MB description, a 1 MB title, a 2 MB line of HTML', async () => {
    const text = JSON.stringify({
      events: [
        {title: 't'.repeat(1 << 20), start: start(0)},
        {title: 'Long', start: start(1), description: 'd '.repeat(2 << 20)},
        {title: 'Html', start: start(2), description: '<b>'.repeat(1 << 19)},
      ],
    });
    const {result, ms} = await timed(text, {format: 'json'});
    expect(result).not.to.be.instanceOf(FeedError);
    expect(ms).to.be.below(10000);
    const {sanitizeToFragment} = await import('../../src/lib/html/sanitize.js');
    const started = performance.now();
    const fragment = await sanitizeToFragment('<b>'.repeat(1 << 19) + 'end', 'https://example.org/');
    expect(performance.now() - started, 'sanitising 500k nested tags').to.be.below(5000);
    expect(fragment.textContent).to.contain('end');
    figures.push(`7 MB of strings: ${(result as {events: unknown[]}).events.length} events in ${Math.round(ms)} ms`);
  });

  it('billion laughs in RSS and Atom is refused, not expanded', async () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({length: 9}, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
    for (const root of [
      `<rss version="2.0"><channel><item><title>&lol9;</title><pubDate>Tue, 01 Jan 2030 10:00:00 GMT</pubDate></item></channel></rss>`,
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol9;</title></entry></feed>`,
    ]) {
      const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities}\n]>\n${root}`;
      const {result, ms} = await timed(text);
      expect(ms).to.be.below(2000);
      expect(result).to.be.instanceOf(FeedError);
      figures.push(`billion laughs: ${(result as FeedError).code} in ${Math.round(ms)} ms`);
    }
  });

  it('an external entity is never fetched or expanded', async () => {
    const text = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>`;
    const {result} = await timed(text);
    expect(result).to.be.instanceOf(FeedError);
  });

  it('10,000-item feeds in JSON, RSS and iCalendar', async () => {
    const n = 10_000;
    const json = JSON.stringify({
      events: Array.from({length: n}, (_, i) => ({id: `e${i}`, title: `Event ${i}`, start: start(i), location: 'Hall', description: '<p>Hi</p>'})),
    });
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><channel><title>t</title>${Array.from(
      {length: n},
      (_, i) => `<item><title>Event ${i}</title><guid>g${i}</guid><ev:startdate>${start(i)}</ev:startdate></item>`
    ).join('')}</channel></rss>`;
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...Array.from(
        {length: n},
        (_, i) => `BEGIN:VEVENT\r\nUID:u${i}\r\nDTSTART:${start(i).replace(/[-:]/g, '').replace('.000', '')}\r\nSUMMARY:Event ${i}\r\nEND:VEVENT`
      ),
      'END:VCALENDAR',
    ].join('\r\n');
    for (const [name, text, limit] of [
      ['JSON', json, 8000],
      ['RSS', rss, 8000],
      ['ICS', ics, 15000],
    ] as const) {
      const {result, ms} = await timed(text);
      expect(result, name).not.to.be.instanceOf(FeedError);
      expect((result as {events: unknown[]}).events.length, name).to.be.at.least(n * 0.99);
      expect(ms, name).to.be.below(limit);
      figures.push(`10k-item ${name}: ${Math.round(ms)} ms`);
    }
  });

  it('an endless recurrence is capped', async () => {
    const ics =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:r\r\nDTSTART:20300101T100000Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:Every second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const started = performance.now();
    const result = await parseFeed(ics, {...ctx, window: {from: new Date(Date.UTC(2030, 0, 1)), to: new Date(Date.UTC(2031, 0, 1))}});
    const ms = performance.now() - started;
    expect(ms).to.be.below(5000);
    const count = result instanceof FeedError ? 0 : result.events.length;
    expect(count).to.be.below(10_001);
    figures.push(`FREQ=SECONDLY for a year: ${count} occurrences in ${Math.round(ms)} ms`);
  });
});

describe('categories', function () {
  this.timeout(30000);

  it('100,000 categories on one event and 2,000 across a feed: capped, with one console note each, in bounded time', async () => {
    const {MAX_EVENT_CATEGORIES, MAX_FEED_CATEGORIES} = await import('../../src/lib/events/normalise.js');
    const notes: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void notes.push(args.join(' '));
    try {
      const many = Array.from({length: 100_000}, (_, i) => `Kategori ${i}`);
      const spread = Array.from({length: 100}, (_, i) => ({title: `E${i}`, start: start(i), categories: Array.from({length: 20}, (_, k) => `C${i * 20 + k}`)}));
      const text = JSON.stringify({events: [{title: 'Många', start: start(0), categories: many, locations: many}, ...spread]});
      const started = performance.now();
      const result = await parseFeed(text, {timeZone: 'UTC', source: 'https://example.org/categories.json'}, {format: 'json'});
      console.log(`feedcal limits: 100,000 categories on one event read in ${Math.round(performance.now() - started)} ms`);
      if (result instanceof FeedError) throw result;
      expect(result.events[0].categories).to.have.length(MAX_EVENT_CATEGORIES);
      expect(result.events[0].categories[0]).to.equal('Kategori 0');
      expect(result.events[0].locations).to.have.length(MAX_EVENT_CATEGORIES);
      const distinct = new Set(result.events.flatMap((event) => event.categories));
      expect(distinct.size).to.equal(MAX_FEED_CATEGORIES);
      expect(result.events).to.have.length(101);
      expect(notes.filter((note) => note.includes('categories'))).to.have.length(2);
      expect(notes.join('\n')).to.contain(`over ${MAX_EVENT_CATEGORIES} categories on an event`);
      expect(notes.join('\n')).to.contain(`over ${MAX_FEED_CATEGORIES} categories in the feed`);
    } finally {
      console.warn = warn;
    }
  });

  it('a list given 100,000 categories draws the capped chips', async () => {
    const {fixture, html, oneEvent} = await import('@open-wc/testing');
    await import('../../src/index.js');
    const many = Array.from({length: 100_000}, (_, i) => `K${i}`);
    const url = `/__feeds/categories-${Date.now()}.json`;
    await fetch(`${url}?type=application/json`, {method: 'POST', body: JSON.stringify({events: [{title: 'Många', start: start(0), categories: many}]})});
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture(html`<event-list src=${url} when="all" time-zone="UTC" lang="en"></event-list>`);
      await oneEvent(el, 'event-list-load');
      await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
      const card = el.shadowRoot!.querySelector('event-card')!;
      await (card as unknown as {updateComplete: Promise<unknown>}).updateComplete;
      expect(card.shadowRoot!.querySelectorAll('[part~="categories"] li')).to.have.length(30);
    } finally {
      console.warn = warn;
    }
  });
});
