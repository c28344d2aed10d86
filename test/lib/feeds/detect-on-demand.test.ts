/**
 * detect.ts stays out of a JSON or iCalendar page's download: nothing feeds/index.ts imports
 * statically pulls it in, and it is fetched only when a body or a preload needs it. This file
 * must not import detect.ts itself, or the check below sees it loaded.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {parseFeed, preloadParser} from '../../../src/lib/feeds/index.js';
import {FeedError} from '../../../src/lib/events/model.js';
import {nothingHappensWithin} from '../../helpers/quiet.js';

const detectRequested = () => performance.getEntriesByType('resource').some((entry) => /\/feeds\/detect\.(js|ts)\b/.test(entry.name));

describe('detect.ts is loaded on demand', () => {
  it('is not fetched for JSON, RSS or Atom feeds, nor by preloading their parsers', async () => {
    const ctx = {timeZone: 'UTC', source: 'https://example.org/feed'};
    for (const body of [
      '{"events": [{"title": "x", "start": "2030-01-01"}]}',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
    ]) {
      const result = await parseFeed(body, ctx);
      if (result instanceof FeedError) throw result;
    }
    for (const format of ['json', 'ics', 'rss', 'atom'] as const) preloadParser(format);
    await nothingHappensWithin(200);
    expect(detectRequested()).to.equal(false);
  });

  it('is preloaded for an address that names no format, and read for a body the sniff leaves open', async () => {
    preloadParser(undefined);
    await waitUntil(detectRequested, 'detect.ts was not preloaded', {timeout: 5000});
    const result = await parseFeed('<?xml version="1.0"?><!-- a comment first --><rss version="2.0"><channel><title>x</title></channel></rss>', {
      timeZone: 'UTC',
      source: 'https://example.org/feed.xml',
    });
    expect(result instanceof FeedError ? result.code : 'read').not.to.equal('offline');
  });
});
