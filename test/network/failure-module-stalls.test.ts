/**
 * As failure-module-missing.test.ts, but the request for fetch-failure.ts never answers (a CDN
 * that stalls): fetchFeed stops waiting for it after the attempt's `timeout` and ends with the
 * error it has, instead of hanging.
 */
import {expect} from '@open-wc/testing';
import {fetchFeed} from '../../src/lib/load/fetch-feed.js';
import {hitsOf, mapModule, RUN} from './helpers.js';

describe('when the request for fetch-failure.ts stalls', function () {
  this.timeout(10000);

  before(() => mapModule('/src/lib/load/fetch-failure.ts', `/fault/hang/fetch-failure-${RUN}.js`));

  it('a 500 answer ends as http-status once the attempt timeout has passed', async () => {
    const src = `/fault/500/stalled-module-${RUN}`;
    const started = performance.now();
    const error = await fetchFeed(src, {timeout: 1000}).catch((e) => e);
    expect([error.kind, error.code]).to.deep.equal(['http', 'http-status']);
    expect(performance.now() - started).to.be.within(950, 3000);
    expect((await hitsOf(src)).hits).to.equal(1);
  });
});
