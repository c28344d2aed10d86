/**
 * fetch-failure.ts (retry policy, CORS diagnosis) is loaded only when a request fails. Here that
 * load itself fails, as it would offline or when the CDN hiccups: an import map, added before
 * anything asks for the module, points it at an address that answers 404. Each failure must
 * still end in a FeedError, the one the request itself gave, without retries.
 */
import {expect} from '@open-wc/testing';
import {fetchFeed} from '../../src/lib/load/fetch-feed.js';
import {FeedError} from '../../src/lib/events/model.js';
import {hitsOf, mapModule, RUN} from './helpers.js';

const url = (kind: string, name: string) => `/fault/${kind}/missing-${name}-${RUN}`;

describe('when fetch-failure.ts cannot be loaded', function () {
  this.timeout(10000);

  before(() => mapModule('/src/lib/load/fetch-failure.ts', `/fault/404/fetch-failure-${RUN}.js`));

  it('a 500 answer is the http-status error at once, not retried', async () => {
    const src = url('500', 'a');
    const error = await fetchFeed(src).catch((e) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect([error.kind, error.code, error.detail.status]).to.deep.equal(['http', 'http-status', 500]);
    expect(error.message).to.equal("The feed's server answered 500 Internal Server Error.");
    expect((await hitsOf(src)).hits).to.equal(1);
    // The module was asked for (and refused): the map did its job.
    expect((await hitsOf(`/fault/404/fetch-failure-${RUN}.js`)).hits).to.be.at.least(1);
  });

  it('a 404 answer is still not-found', async () => {
    const error = await fetchFeed(url('404', 'a')).catch((e) => e);
    expect([error.kind, error.code, error.detail.status]).to.deep.equal(['http', 'not-found', 404]);
  });

  it('a reset connection is the offline error (without telling CORS apart)', async () => {
    // No request count: Chromium itself may retry a reset connection once.
    const error = await fetchFeed(url('reset', 'a')).catch((e) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect([error.kind, error.code]).to.deep.equal(['network', 'offline']);
    expect(error.message).to.equal('The feed could not be reached.');
  });

  it('a broken download is the interrupted error, not retried', async () => {
    const src = url('truncated', 'a');
    const error = await fetchFeed(src).catch((e) => e);
    expect([error.kind, error.code]).to.deep.equal(['network', 'interrupted']);
    expect((await hitsOf(src)).hits).to.equal(1);
  });

  it('a feed that answers still loads', async () => {
    const feed = await fetchFeed(url('ok', 'a'));
    expect(feed.bytes.byteLength).to.be.above(0);
  });
});
