/**
 * A real HTTP server injecting faults (test/network/fault-server.mjs, mounted in the test
 * runner's config): each fault, loaded by the real `<event-list>`, must end in the right state
 * with the right words, and the server's request counts show what was retried.
 */
import {expect} from '@open-wc/testing';
// Not fetch-failure.ts: these tests load it the way a page does, at the first failure.
import {fetchFeed, DEFAULT_MAX_BYTES, type FetchedFeed} from '../../src/lib/load/fetch-feed.js';
import {FeedError} from '../../src/lib/events/model.js';
import {RUN, hitsOf, render} from './helpers.js';

const url = (kind: string, name: string, query = '') => `/fault/${kind}/${name}-${RUN}${query}`;

describe('flaky networks, through <event-list>', function () {
  this.timeout(20000);
  const ended: string[] = [];
  after(() => console.log(`feedcal faults: ${ended.join('; ')}`));

  it('404: http / not-found, no retry', async () => {
    const src = url('404', 'a');
    const r = await render(src);
    expect(r.error?.kind).to.equal('http');
    expect(r.error?.code).to.equal('not-found');
    expect(r.text).to.contain('not found at this address (404)');
    expect((await hitsOf(src)).hits).to.equal(1);
    ended.push(`404 → ${r.error?.kind}/${r.error?.code}, 1 request`);
  });

  it('500: http / http-status after two retries with backoff', async () => {
    const src = url('500', 'a');
    const r = await render(src);
    expect(r.error?.kind).to.equal('http');
    expect(r.error?.code).to.equal('http-status');
    expect(r.text).to.contain('answered with an error (500)');
    expect((await hitsOf(src)).hits).to.equal(3);
    // Backoff: 0.5–1 s, then 1–2 s.
    expect(r.ms).to.be.within(1400, 4500);
    ended.push(`500 → ${r.error?.code} after 3 requests in ${Math.round(r.ms)} ms`);
  });

  it('503 with Retry-After: 1 waits a second, then loads', async () => {
    const src = url('seq', 'ra', '?steps=503,ok&retry-after=1');
    const r = await render(src);
    expect(r.error).to.equal(undefined);
    expect(r.titles).to.have.length(2);
    expect(r.ms).to.be.at.least(950);
    expect((await hitsOf(src)).hits).to.equal(2);
    ended.push(`503 + Retry-After 1 → loaded after ${Math.round(r.ms)} ms, 2 requests`);
  });

  it('503 with a Retry-After beyond the cap is not waited for', async () => {
    const src = url('503', 'long', '?retry-after=120');
    const r = await render(src);
    expect(r.error?.code).to.equal('http-status');
    expect(r.text).to.contain('(503)');
    expect(r.ms).to.be.below(1000);
    expect((await hitsOf(src)).hits).to.equal(1);
    ended.push(`503 + Retry-After 120 → ${r.error?.code} at once, 1 request`);
  });

  it('a hung request ends at the `timeout`, not retried', async () => {
    const src = url('hang', 'a');
    const r = await render(src, {timeout: '1'});
    expect(r.error?.kind).to.equal('timeout');
    expect(r.text).to.contain('took too long');
    expect(r.ms).to.be.within(950, 2500);
    expect((await hitsOf(src)).hits).to.equal(1);
    ended.push(`hang (timeout=1) → timeout after ${Math.round(r.ms)} ms, 1 request`);
  });

  it('a reset connection is a network error, retried', async () => {
    const src = url('reset', 'a');
    const r = await render(src);
    expect(r.error?.kind).to.equal('network');
    expect(r.error?.code).to.equal('offline');
    expect(r.text).to.contain('could not be reached');
    // Three attempts, and after the first a probe asking whether the address redirects
    // (fetch-failure.ts: a failed redirect rejects the same way).
    expect((await hitsOf(src)).hits).to.equal(4);
    ended.push(`reset → ${r.error?.kind}/${r.error?.code} after 3 attempts and 1 redirect probe`);
  });

  it('a truncated body is a network error, retried', async () => {
    const src = url('truncated', 'a');
    const r = await render(src);
    expect(r.error?.kind).to.equal('network');
    expect(r.error?.code).to.equal('interrupted');
    expect(r.error?.message).to.contain('connection broke');
    expect(r.text).to.contain('The connection broke while the feed was loading.');
    expect((await hitsOf(src)).hits).to.equal(3);
    ended.push(`truncated → ${r.error?.kind}/${r.error?.code} after 3 requests`);
  });

  it('a body that trickles in loads; with a short timeout it times out', async () => {
    const slow = await render(url('trickle', 'a'));
    expect(slow.titles).to.have.length(2);
    const cut = await render(url('trickle', 'b'), {timeout: '0.4'});
    expect(cut.error?.kind).to.equal('timeout');
    expect(cut.error?.message).to.contain('did not finish');
    expect(cut.text).to.contain('took too long');
    ended.push(`trickle → loaded in ${Math.round(slow.ms)} ms; with timeout=0.4 → timeout`);
  });

  it('a redirect is followed', async () => {
    const r = await render(url('redirect', 'a'));
    expect(r.titles[0]).to.equal(`First a-${RUN}-redirected`);
    expect(r.el.events[0].source).to.match(/\/fault\/redirect\//);
    ended.push('302 → loaded from the target');
  });

  it('JSON served as text/html is still read as JSON', async () => {
    const r = await render(url('wrong-type', 'a'));
    expect(r.error).to.equal(undefined);
    expect(r.titles).to.have.length(2);
    ended.push('JSON as text/html → loaded');
  });

  it('ISO-8859-1 XML under a UTF-8 header is decoded by its declaration', async () => {
    const r = await render(url('wrong-charset', 'a'));
    expect(r.titles).to.deep.equal(['Möte på Södermalm']);
    expect(r.el.events[0].locations).to.deep.equal(['Gård']);
    ended.push('latin-1 XML with a utf-8 header → loaded, å/ö right');
  });

  it('a second origin without CORS headers gives the cors kind', async () => {
    const {noCors} = await (await fetch('/__origins')).json();
    const r = await render(`${noCors}/feed-${RUN}.json`);
    expect(r.error?.kind).to.equal('cors');
    expect(r.text).to.contain('does not allow other sites to read it');
    ended.push('no CORS on another origin → cors');
  });

  it('a feed over the size cap stops with too-large', async () => {
    const src = url('big', 'a', '?mb=6');
    const r = await render(src);
    expect(r.error?.kind).to.equal('parse');
    expect(r.error?.code).to.equal('too-large');
    expect(r.text).to.contain('too large');
    expect((await hitsOf(src)).hits).to.equal(1);
    ended.push(`6 MB feed → ${r.error?.kind}/${r.error?.code}`);
  });
});

describe('fetchFeed options', function () {
  this.timeout(10000);

  it('maxBytes stops a chunked body while it streams', async () => {
    const error = await fetchFeed(url('big', 'chunked', '?mb=3&chunked=1'), {maxBytes: 1024 * 1024}).catch((e) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect(error.code).to.equal('too-large');
    expect(error.message).to.contain('1 MB');
    expect(DEFAULT_MAX_BYTES).to.equal(5 * 1024 * 1024);
  });

  it('callers sharing one request each keep their own maxBytes, whichever asked first', async () => {
    for (const order of ['small first', 'large first']) {
      const src = url('big', `shared-${order.replace(' ', '-')}`, '?mb=0.5');
      const small = () => fetchFeed(src, {maxBytes: 100 * 1024}).catch((e: unknown) => e);
      const large = () => fetchFeed(src, {maxBytes: 1024 * 1024});
      let tooSmall: Promise<unknown>;
      let enough: Promise<FetchedFeed>;
      if (order === 'small first') {
        tooSmall = small();
        enough = large();
      } else {
        enough = large();
        tooSmall = small();
      }
      const error = (await tooSmall) as FeedError;
      expect(error, order).to.be.instanceOf(FeedError);
      expect(error.code).to.equal('too-large');
      expect(error.message, 'said with its own limit').to.contain('0.10 MB');
      expect((await enough).bytes.byteLength, order).to.be.above(500_000);
      expect((await hitsOf(src)).hits, `${order}: one request`).to.equal(1);
    }
  });

  it('a feed under maxBytes loads', async () => {
    const feed = await fetchFeed(url('big', 'small', '?mb=0.5'), {maxBytes: 1024 * 1024});
    expect(feed.bytes.byteLength).to.be.above(500_000);
  });

  it('an HTTP-date Retry-After is honoured', async () => {
    const at = new Date(Date.now() + 2000).toUTCString();
    const src = url('seq', 'date', `?steps=503,ok&retry-after=${encodeURIComponent(at)}`);
    const started = performance.now();
    const feed = await fetchFeed(src);
    expect(feed.bytes.byteLength).to.be.above(0);
    // The date has one-second resolution: at least 1 s of the 2 s remains.
    expect(performance.now() - started).to.be.at.least(900);
  });

  it('4xx answers are never retried, whatever `retries` says', async () => {
    const src = url('404', 'many');
    await fetchFeed(src, {retries: 5}).catch(() => {});
    expect((await hitsOf(src)).hits).to.equal(1);
  });
});
