/// <reference types="node" />
/**
 * A feed of more than about 150 items is parsed in parts of 100 (src/lib/feeds/xml/xml-text.ts),
 * also by the portable DOM: the parts give the events of the same items read in small feeds, and
 * the event loop gets turns while they are read (test/lib/feeds/steps.test.ts checks the same in
 * the browser, with bigger feeds).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {installDom, type FeedDom} from '../../src/lib/feeds/dom.js';
import {portableDom} from '../../src/lib/feeds/dom-portable.js';
import {parseRss, rssSteps} from '../../src/lib/feeds/xml/rss.js';
import {Pacer, runSliced} from '../../src/lib/feeds/steps.js';
import {FeedError, type ParsedFeed, type ParseResult} from '../../src/lib/events/model.js';

let parses = 0;
const counting: FeedDom = {...portableDom, parseXml: (text) => (parses++, portableDom.parseXml(text))};
installDom(counting);

const ctx = {timeZone: 'Europe/Stockholm', source: 'https://feeds.example.org/feed.xml'};
const pad = (n: number) => String(n).padStart(2, '0');

const items = Array.from({length: 320}, (_, i) => {
  const date = i === 7 ? '' : `<g:startdate>2026-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}T18:00:00+01:00</g:startdate>`;
  return `<item><title>Möte ${i} &amp; fika</title><link>e/${i}</link><guid>id-${i}</guid>${date}<description>&lt;p&gt;Kom ${i}&lt;/p&gt;</description></item>\n`;
});
const rss = (list: string[]) =>
  `<?xml version="1.0"?>\n<rss version="2.0" xmlns:g="https://www.gnistor.se/om"><channel xml:base="https://example.org/events/"><title>Flödet</title>\n${list.join('')}</channel></rss>\n`;

function feedOf(result: ParseResult): ParsedFeed {
  if (result instanceof FeedError) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

describe('RSS in parts, without a browser', () => {
  it('gives the events and skipped items of the same items read in small feeds', () => {
    const expected: ParsedFeed = {format: 'rss', events: [], skipped: [], title: 'Flödet'};
    for (let k = 0; k < items.length; k += 100) {
      const part = feedOf(parseRss(rss(items.slice(k, k + 100)), ctx));
      expected.events.push(...part.events);
      expected.skipped.push(...part.skipped.map((s) => ({...s, index: s.index + k})));
    }
    parses = 0;
    const whole = feedOf(parseRss(rss(items), ctx));
    assert.equal(parses, 4, 'parsed in four parts');
    assert.deepEqual(whole, expected);
    assert.equal(whole.events.length, 319);
    assert.equal(whole.events[3].url, 'https://example.org/events/e/3');
  });

  it('repairs an HTML entity in one part as in a small feed', () => {
    const broken = items.map((item, i) => (i === 250 ? item.replace('&amp; fika', '&nbsp;&amp; fika & mer') : item));
    const feed = feedOf(parseRss(rss(broken), ctx));
    assert.equal(feed.events.find((e) => e.id === 'id-250')!.title, 'Möte 250 & fika & mer');
  });

  it('lets a timer run while it reads', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    // A pacer whose slices end at once: every pause point is a pause.
    const result = await runSliced(rssSteps(rss(items), ctx), new Pacer(0));
    assert.equal(fired, true);
    assert.deepEqual(result, parseRss(rss(items), ctx));
  });
});
