/**
 * fetch-failure.ts holds what runs only after a request fails, and is loaded then: a page whose
 * feed loads at once never downloads it. This file must not import it statically (that would
 * load it up front); the policy's own unit tests import it when they run, after the others.
 */
import {expect} from '@open-wc/testing';
import {fetchFeed} from '../../src/lib/load/fetch-feed.js';
import {RUN, hitsOf} from './helpers.js';

const url = (kind: string, name: string, query = '') => `/fault/${kind}/on-demand-${name}-${RUN}${query}`;
const failureModuleLoaded = () => performance.getEntriesByType('resource').some((entry) => /\/fetch-failure\.[jt]s/.test(entry.name));

describe('fetch-failure.ts, loaded on demand', function () {
  this.timeout(10000);

  it('is not loaded while feeds load at once, nor for a 304', async () => {
    const src = url('ok', 'a');
    const first = await fetchFeed(src);
    await fetchFeed(src, {validators: {etag: first.etag}, force: true});
    expect(failureModuleLoaded()).to.equal(false);
  });

  it('is loaded at the first failure, and its retry policy brings a 500-then-ok feed in', async () => {
    const src = url('seq', 'retry', '?steps=500,ok');
    const feed = await fetchFeed(src);
    expect(feed.bytes.byteLength).to.be.above(0);
    expect((await hitsOf(src)).hits).to.equal(2);
    expect(failureModuleLoaded()).to.equal(true);
  });

  it('tells a server without CORS headers from an unreachable one', async () => {
    const {noCors} = await (await fetch('/__origins')).json();
    const error = await fetchFeed(`${noCors}/on-demand-${RUN}.json`).catch((e) => e);
    expect([error.kind, error.code]).to.deep.equal(['cors', 'cors']);
  });

  it('reads Retry-After as seconds or an HTTP date; backoff grows with jitter', async () => {
    const {retryAfterMs, backoffMs} = await import('../../src/lib/load/fetch-failure.js');
    const now = Date.UTC(2030, 0, 1, 12);
    expect(retryAfterMs('3', now)).to.equal(3000);
    expect(retryAfterMs('Tue, 01 Jan 2030 12:00:10 GMT', now)).to.equal(10_000);
    expect(retryAfterMs('Tue, 01 Jan 2030 11:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
    expect(backoffMs(0, 0)).to.equal(500);
    expect(backoffMs(0, 0.999)).to.be.below(1000);
    expect(backoffMs(2, 0)).to.equal(2000);
  });

  it('retries network errors and 5xx only, and not past the Retry-After cap', async () => {
    const {retryDelay, MAX_RETRY_AFTER} = await import('../../src/lib/load/fetch-failure.js');
    const {FeedError} = await import('../../src/lib/events/model.js');
    const http = (status: number) => new FeedError('http', 'http-status', '', {status});
    expect(retryDelay(new FeedError('network', 'offline', ''), 0)).to.be.within(500, 1000);
    expect(retryDelay(http(503), 1)).to.be.within(1000, 2000);
    expect(retryDelay(http(503), 0, '2')).to.equal(2000);
    expect(retryDelay(http(503), 0, String(MAX_RETRY_AFTER / 1000 + 1))).to.equal(undefined);
    expect(retryDelay(http(404), 0)).to.equal(undefined);
    // The list's timeout wins over Retry-After: a longer wait is not made, a backoff is cut to it.
    expect(retryDelay(http(503), 0, '30', 2000)).to.equal(undefined);
    expect(retryDelay(http(503), 0, '1', 2000)).to.equal(1000);
    expect(retryDelay(http(503), 2, undefined, 1000)).to.equal(1000);
    expect(retryDelay(new FeedError('timeout', 'timeout', ''), 0)).to.equal(undefined);
    // Mixed content: the browser blocks every attempt alike.
    expect(retryDelay(new FeedError('network', 'insecure', ''), 0)).to.equal(undefined);
    expect(retryDelay(new FeedError('parse', 'too-large', ''), 0)).to.equal(undefined);
    expect(retryDelay(new DOMException('Aborted', 'AbortError'), 0)).to.equal(undefined);
  });
});
