/**
 * Big feeds are parsed in slices (src/lib/feeds/steps.ts), and big RSS/Atom feeds and JSON-LD
 * pages in parts: the results must be exactly those of reading the same items in one small
 * document, and the event loop must get turns while a big feed is read. Speed itself is
 * measured by the benchmark (bench/), never asserted here.
 */
import {expect} from '@open-wc/testing';
import {parseFeed} from '../../../src/lib/feeds/index.js';
import {parseRss, rssSteps} from '../../../src/lib/feeds/xml/rss.js';
import {jsonSteps, parseJson} from '../../../src/lib/feeds/json/json.js';
import {icsSteps, parseIcs} from '../../../src/lib/feeds/ics/ics.js';
import {jsonLdSteps, parseJsonLd} from '../../../src/lib/feeds/jsonld.js';
import {Pacer, runSliced, type Steps} from '../../../src/lib/feeds/steps.js';
import {sanitizeDescriptions} from '../../../src/lib/load/load-feed.js';
import {FeedError, type CalendarEvent, type ParsedFeed, type ParseResult} from '../../../src/lib/events/model.js';
import {feedOf as feed} from '../../helpers/feeds.js';

const ctx = {timeZone: 'Europe/Stockholm', source: 'https://feeds.example.org/feed.xml'};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (i: number) => `2026-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
const filler = 'Ett möte om allt och inget, med fika efteråt och en lång beskrivning som gör flödet stort. '.repeat(3);

/** RSS 2.0 items: item 7 has no date (skipped), some hold CDATA and comments that mention `<item>`. */
function rssItems(count: number): string[] {
  return Array.from({length: count}, (_, i) => {
    const date = i === 7 ? '' : `<g:startdate>${day(i)}T18:${pad(i % 60)}:00+01:00</g:startdate>`;
    const tricky =
      i % 50 === 3
        ? `<description><![CDATA[<p>Not an </item><item> in CDATA</p>]]></description><!-- <item> in a comment </item> -->`
        : `<description>${filler}${i}</description>`;
    return `<item>\n<title>Möte ${i} &amp; fika</title><link>e/${i}</link><guid>id-${i}</guid>${date}<category>Kurs</category>${tricky}</item>\n`;
  });
}

function rss(items: string[]): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<!-- a feed -->\n<rss version="2.0" xmlns:g="https://www.gnistor.se/om">\n` +
    `<channel xml:base="https://example.org/events/"><title>Stora flödet</title><link>https://example.org/</link>\n${items.join('')}</channel>\n</rss>\n`
  );
}

function atom(count: number): string {
  const entries = Array.from(
    {length: count},
    (_, i) =>
      `<entry><title type="html">Entry ${i} &lt;b&gt;fest&lt;/b&gt;</title><id>urn:e:${i}</id><link href="/e/${i}"/>` +
      `<ev:startdate>${day(i)}</ev:startdate><summary>${filler}</summary></entry>\n`
  );
  return `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ev="http://purl.org/rss/1.0/modules/event/" xml:base="https://example.org/">\n<title>Atom</title>\n${entries.join('')}</feed>`;
}

/** The same items read in small feeds (each parsed as one document), indices shifted back. */
function inSmallFeeds(items: string[], size: number, wrap: (items: string[]) => string): ParsedFeed {
  const out: ParsedFeed = {format: 'rss', events: [], skipped: []};
  for (let k = 0; k < items.length; k += size) {
    const part = feed(parseRss(wrap(items.slice(k, k + size)), ctx));
    out.title ??= part.title;
    out.events.push(...part.events);
    out.skipped.push(...part.skipped.map((s) => ({...s, index: s.index + k})));
  }
  return out;
}

/**
 * Runs a parser's steps as parseFeed does, and says whether a timer set before it started fired
 * before it finished: only a parser that pauses lets it. (parseFeed itself is not used here: its
 * `import()` of the parser may give timers a turn on its own.)
 */
async function timerFiresDuring(steps: Steps<ParseResult>): Promise<{fired: boolean; result: ParseResult}> {
  let fired = false;
  setTimeout(() => (fired = true), 0);
  const result = await runSliced(steps, new Pacer());
  return {fired, result};
}

/** A pacer that counts its pauses. */
class CountingPacer extends Pacer {
  pauses = 0;
  override async pause(): Promise<void> {
    this.pauses++;
    await super.pause();
  }
}

describe('slicing: big RSS feeds are read in parts, as if read whole', () => {
  const items = rssItems(1500);
  const big = rss(items);

  it('is big enough to be cut', () => {
    expect(big.length).to.be.above(256 * 1024);
  });

  it('gives the events, skipped items and title of the same items read in small feeds', async () => {
    const expected = inSmallFeeds(items, 120, rss);
    const sliced = feed(await parseFeed(big, ctx, {format: 'rss'}));
    expect(sliced.events.length).to.equal(1499);
    expect(sliced.title).to.equal('Stora flödet');
    expect(sliced.skipped).to.deep.equal(expected.skipped);
    expect(sliced.skipped[0].index).to.equal(7);
    expect(sliced.events).to.deep.equal(expected.events);
    expect(sliced.events[3].url).to.equal('https://example.org/events/e/3');
    expect(sliced.events[3].descriptionHtml).to.equal('<p>Not an </item><item> in CDATA</p>');
  });

  it('gives the same result run in slices and in one go', async () => {
    expect(await parseFeed(big, ctx, {format: 'rss'})).to.deep.equal(parseRss(big, ctx));
  });

  it('reads Atom in parts too', async () => {
    const text = atom(1500);
    const sliced = feed(await parseFeed(text, ctx, {format: 'atom'}));
    expect(sliced.format).to.equal('atom');
    expect(sliced.title).to.equal('Atom');
    expect(sliced.events.length).to.equal(1500);
    expect(sliced.events[1499].title).to.equal('Entry 1499 fest');
    expect(sliced.events[5].url).to.equal('https://example.org/e/5');
  });

  it('repairs HTML entities in a big feed as in a small one', async () => {
    const broken = items.map((item, i) => (i === 900 ? item.replace('&amp; fika', '&nbsp;&amp; fika & mer') : item));
    const sliced = feed(await parseFeed(rss(broken), ctx, {format: 'rss'}));
    expect(sliced.events.length).to.equal(1499);
    expect(sliced.events.find((e) => e.id === 'id-900')!.title).to.equal('Möte 900 & fika & mer');
  });

  it('reports a broken big feed with the line of the whole text', async () => {
    const broken = items.map((item, i) => (i === 1200 ? item.replace('</title>', '</titel>') : item));
    const text = rss(broken);
    const result = await parseFeed(text, ctx, {format: 'rss'});
    expect(result).to.be.instanceOf(FeedError);
    const line = text.slice(0, text.indexOf('</titel>')).split('\n').length;
    expect((result as FeedError).message).to.contain(`line ${line}`);
  });

  it('lets a timer run while it reads', async () => {
    const {fired, result} = await timerFiresDuring(rssSteps(big, ctx));
    expect(fired).to.equal(true);
    expect(result).to.deep.equal(parseRss(big, ctx));
  });
});

describe('slicing: JSON, iCalendar and JSON-LD', () => {
  const jsonEvents = Array.from({length: 6000}, (_, i) => ({
    id: `j${i}`,
    title: i === 11 ? '' : `Event ${i}`,
    start: `${day(i)}T10:00:00`,
    categories: ['Kurs'],
    description: `<p>${filler}</p>`,
  }));
  const json = JSON.stringify({events: jsonEvents});

  it('JSON: the same events and skipped items in slices as in one go, and timers run', async () => {
    const once = feed(parseJson(json, ctx));
    expect(once.skipped).to.deep.equal([{index: 11, reason: 'no title'}]);
    const {fired, result} = await timerFiresDuring(jsonSteps(json, ctx));
    expect(fired).to.equal(true);
    expect(result).to.deep.equal(once);
    expect(await parseFeed(json, ctx, {format: 'json'})).to.deep.equal(once);
  });

  it('iCalendar: the same in slices as in one go, and timers run', async () => {
    const vevents = Array.from(
      {length: 4000},
      (_, i) => `BEGIN:VEVENT\r\nUID:u${i}\r\nSUMMARY:Event ${i}\r\nDTSTART:${day(i).replace(/-/g, '')}T100000Z\r\nDESCRIPTION:${filler}\r\nEND:VEVENT\r\n`
    );
    const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${vevents.join('')}END:VCALENDAR\r\n`;
    const window = {from: new Date('2025-06-01'), to: new Date('2027-06-01')};
    const once = feed(parseIcs(ics, {...ctx, window}));
    expect(once.events.length).to.equal(4000);
    const {fired, result} = await timerFiresDuring(icsSteps(ics, {...ctx, window}));
    expect(fired).to.equal(true);
    expect(result).to.deep.equal(once);
  });

  it('JSON-LD: a big page gives the events of its ld+json blocks, not those inside comments', async () => {
    const block = (i: number) =>
      `<script type="application/ld+json">${JSON.stringify({'@type': 'Event', name: `Event ${i} <!-- not a comment -->`, startDate: `${day(i)}T10:00`, description: filler})}</script>`;
    const blocks = Array.from({length: 2000}, (_, i) => `<article><h2>Event ${i}</h2><p>${filler}</p>${block(i)}</article>`);
    const page = (body: string[]) =>
      `<!doctype html><html><head><title>Events</title></head><body>${body.join('\n')}<!-- ${block(99999)} --><script>var x = "<script type=\\"application/ld+json\\">";</script></body></html>`;
    const big = page(blocks);
    expect(big.length).to.be.above(512 * 1024);
    const small: CalendarEvent[] = [];
    for (let k = 0; k < blocks.length; k += 100) small.push(...feed(parseJsonLd(page(blocks.slice(k, k + 100)), ctx)).events);
    const {fired, result: sliced} = await timerFiresDuring(jsonLdSteps(big, ctx));
    expect(fired).to.equal(true);
    expect(await parseFeed(big, ctx, {format: 'jsonld'})).to.deep.equal(sliced);
    expect(feed(sliced).events).to.deep.equal(small);
    expect(feed(sliced).events[0].title).to.equal('Event 0 <!-- not a comment -->');
    expect(feed(sliced).events.length).to.equal(2000);
  });

  it('sanitising thousands of descriptions pauses and keeps each result', async () => {
    const events = feed(
      parseJson(
        JSON.stringify({events: jsonEvents.slice(0, 3000).map((e, i) => ({...e, title: `E ${i}`, description: `<p onclick="x()">${i} ${filler}</p>`}))}),
        ctx
      )
    ).events;
    const pacer = new CountingPacer();
    await sanitizeDescriptions(events, pacer);
    expect(pacer.pauses).to.be.above(0);
    expect(events[2999].descriptionHtml).to.equal(`<p>2999 ${filler}</p>`);
  });
});
