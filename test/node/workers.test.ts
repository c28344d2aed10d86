/// <reference types="node" />
/**
 * The parsers in a Workers runtime: workerd (Cloudflare's, through Miniflare) runs a bundle of
 * src/lib/feeds/portable.ts (test/node/workers/worker.ts) and parses one feed of each format,
 * and of each way into the parsers (a JSON shape read by an on-demand module, Atom XHTML
 * content, a page with JSON-LD). Each gives what Node gives for the same text, and the
 * Worker has no DOM globals.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {bundleForWorkers} from '../helpers/worker-bundle.js';
import {Miniflare} from 'miniflare';
import {parseFeed} from '../../src/lib/feeds/portable.js';

const feeds: Record<string, string> = {
  json: JSON.stringify({
    events: [{id: 'j1', title: 'Möte &amp; fika', date: '2030-05-01 18:00', enddate: '2030-05-01 20:00', forms: ['Möte'], description: '<p>Kom <b>tidigt</b></p>'}],
  }),
  'json, Gancio': JSON.stringify([{id: 7, title: 'Gancio', start_datetime: 1904032800, end_datetime: 1904040000, place: {name: 'Folkets hus'}, tags: ['fest']}]),
  rss: `<?xml version="1.0"?><rss version="2.0" xmlns:gnistor="https://www.gnistor.se/om"><channel><title>R</title>
    <item><title>Fest &amp; dans</title><link>/e/1</link><guid>r1</guid><gnistor:startdate>Wed, 01 May 2030 18:00:00 +0200</gnistor:startdate>
    <description>&lt;p&gt;Mat&amp;nbsp;och &lt;b&gt;musik&lt;/b&gt;&lt;/p&gt;</description></item>
    <item><title>Bad &nbsp; entity</title><guid>r2</guid><pubDate>Thu, 02 May 2030 10:00:00 GMT</pubDate></item></channel></rss>`,
  rdf: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:ev="http://purl.org/rss/1.0/modules/event/">
    <channel rdf:about="https://example.org/"><title>RDF</title></channel>
    <item rdf:about="https://example.org/e/2"><title>Kurs</title><ev:startdate>2030-05-03</ev:startdate><ev:enddate>2030-05-04</ev:enddate><ev:location>Malmö</ev:location></item></rdf:RDF>`,
  atom: `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ev="http://purl.org/rss/1.0/modules/event/" xml:base="https://example.org/"><title>A</title>
    <entry><title type="html">Konsert &lt;i&gt;ute&lt;/i&gt;</title><id>urn:a1</id><link href="e/3"/><ev:startdate>2030-05-05T19:00:00+02:00</ev:startdate>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ta med <em>filt</em>.</p></div></content></entry></feed>`,
  ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Stockholm\r\nBEGIN:VEVENT\r\nUID:i1\r\nSUMMARY:Studiecirkel\r\nDTSTART:20300506T180000\r\nDURATION:PT2H\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nCATEGORIES:Kurs\\,cirkel\r\nDESCRIPTION:Vi läser\\, diskuterar\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  markdown:
    '---\ntitle: "Bortom Big Tech"\ndate: 2030-08-19 15:00:00\nforms: [Möte]\nlocations:\n  - Stockholm\norganizer: Kamratdataföreningen Konstellationen\n---\n\nEtt **samtal** om [sociala medier](https://example.org).\n',
  jsonld: `<!doctype html><html><head><title>Evenemang</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"MusicEvent","name":"Spelning","startDate":"2030-05-07T20:00:00+02:00","location":{"@type":"Place","name":"Klubben","address":{"streetAddress":"Gatan 1","addressLocality":"Göteborg"}}}</script></head><body><p>Hej</p></body></html>`,
};

let worker: Miniflare;

before(async () => {
  const script = await bundleForWorkers(new URL('./workers/worker.ts', import.meta.url));
  worker = new Miniflare({modules: true, script, compatibilityDate: '2025-01-01'});
});

after(() => worker?.dispose());

describe('the parsers in a Worker (workerd)', () => {
  for (const [format, text] of Object.entries(feeds)) {
    it(`${format}: the events Node gives`, async () => {
      const response = await worker.dispatchFetch('http://worker.test/parse', {method: 'POST', body: text});
      const {domGlobals, result} = (await response.json()) as {domGlobals: string[]; result: {events?: unknown[]}};
      assert.deepEqual(domGlobals, []);
      const window = {from: new Date('2020-01-01T00:00:00Z'), to: new Date('2032-01-01T00:00:00Z')};
      const inNode = JSON.parse(JSON.stringify(await parseFeed(text, {timeZone: 'Europe/Stockholm', source: 'https://example.org/feed', window})));
      assert.ok(inNode.events?.length, `Node read events from the ${format} feed: ${JSON.stringify(inNode)}`);
      assert.deepEqual(result, inNode);
    });
  }
});
