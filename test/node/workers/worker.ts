/**
 * A Worker that parses the feed it is sent (test/node/workers.test.ts runs it in workerd through
 * Miniflare): the parsers as the relay will run them on Cloudflare's Workers, with no DOM.
 */
import {parseFeed} from '../../../src/lib/feeds/portable.js';

export default {
  async fetch(request: Request): Promise<Response> {
    const window = {from: new Date('2020-01-01T00:00:00Z'), to: new Date('2032-01-01T00:00:00Z')};
    const result = await parseFeed(await request.text(), {timeZone: 'Europe/Stockholm', source: 'https://example.org/feed', window});
    const domGlobals = ['window', 'document', 'DOMParser', 'XMLSerializer'].filter((name) => name in globalThis);
    return new Response(JSON.stringify({domGlobals, result}), {headers: {'content-type': 'application/json'}});
  },
};
