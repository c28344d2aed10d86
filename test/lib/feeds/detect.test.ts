import {expect} from '@open-wc/testing';
import {detectFormat} from '../../../src/lib/feeds/detect.js';
import {likelyFormat, type FormatChoice} from '../../../src/lib/feeds/index.js';
import {detectCases} from './detect-cases.js';

describe('detectFormat', () => {
  for (const [what, body, contentType, expected] of detectCases) {
    it(`${what} → ${expected}`, () => {
      expect(detectFormat(body, contentType)).to.equal(expected);
    });
  }
});

describe('likelyFormat (which parser to preload while the feed is in flight)', () => {
  const cases: Array<[string, FormatChoice | undefined, string | undefined]> = [
    ['https://gnistor.se/feed.json', undefined, 'json'],
    ['/calendar.ics?token=a.json', undefined, 'ics'],
    ['https://x.example/events/feed/', undefined, 'rss'],
    ['https://x.example/atom.xml#top', undefined, 'rss'],
    ['https://x.example/api/events', undefined, undefined],
    ['https://x.example/api/events', 'ics', 'ics'],
    ['https://x.example/feed.json', 'auto', 'json'],
  ];
  for (const [url, format, expected] of cases) {
    it(`${url} (${format ?? 'no format'}) → ${expected}`, () => expect(likelyFormat(url, format)).to.equal(expected));
  }
});
