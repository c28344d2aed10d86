/**
 * A hostile or broken server, through the real `<event-list>` (test/network/fault-server.mjs):
 * failed redirects, a 304 with no copy to reuse, a Retry-After longer than the list's timeout.
 * The visitor is online in every case, so none may end as "No network connection"; each ends in
 * a named error state whose details say what happened (views/feed-error.ts).
 */
import {expect} from '@open-wc/testing';
import {RUN, hitsOf, render} from './helpers.js';

const url = (kind: string, name: string, query = '') => `/fault/${kind}/${name}-${RUN}${query}`;

describe('a hostile server, through <event-list>', function () {
  this.timeout(20000);
  const ended: string[] = [];
  after(() => console.log(`feedcal hostile network: ${ended.join('; ')}`));

  it('a redirect loop: http / redirect-loop, not retried', async () => {
    const r = await render(url('redirect-loop', 'a'));
    expect(r.error?.kind).to.equal('http');
    expect(r.error?.code).to.equal('redirect-loop');
    expect(r.text).to.contain('redirects in a loop');
    ended.push(`redirect loop → ${r.error?.code}`);
  });

  for (const to of ['data', 'file', 'javascript']) {
    it(`a redirect to ${to}: → http / redirect-blocked`, async () => {
      const src = url('redirect-to', to, `?to=${to}`);
      const r = await render(src);
      expect(r.error?.kind).to.equal('http');
      expect(r.error?.code).to.equal('redirect-blocked');
      expect(r.text).to.contain('browsers will not load');
      ended.push(`redirect to ${to}: → ${r.error?.code}`);
    });
  }

  it('a same-origin address redirecting to a host without CORS: cors, with the relay advice', async () => {
    const r = await render(url('redirect-nocors', 'a'));
    expect(r.error?.kind).to.equal('cors');
    expect(r.error?.code).to.equal('cors');
    expect(r.error?.message).to.contain('redirects to another server');
    expect(r.text).to.contain('does not allow other sites to read it');
    ended.push(`same origin → no-CORS host → ${r.error?.code}`);
  });

  it('a 304 with no stored copy is asked again past the cache, and loads', async () => {
    const src = url('seq', 'nm', '?steps=not-modified,ok');
    const r = await render(src);
    expect(r.error).to.equal(undefined);
    expect(r.titles).to.have.length(2);
    expect((await hitsOf(src)).hits).to.equal(2);
    ended.push('304 without a copy → refetched with cache: reload → loaded');
  });

  it('a server that answers 304 to every request: not-modified-without-copy, never "empty"', async () => {
    const src = url('not-modified', 'a');
    const r = await render(src);
    expect(r.error?.kind).to.equal('http');
    expect(r.error?.code).to.equal('not-modified-without-copy');
    expect(r.text).to.contain('not modified').and.not.to.contain('empty');
    expect((await hitsOf(src)).hits).to.equal(2);
    ended.push(`304 to everything → ${r.error?.code} after 2 requests`);
  });

  it('timeout="2" with a 503 Retry-After: 30: the timeout wins, the 503 shows at once', async () => {
    const src = url('503', 'ra30', '?retry-after=30');
    const r = await render(src, {timeout: '2'});
    expect(r.error?.kind).to.equal('http');
    expect(r.error?.code).to.equal('http-status');
    expect(r.text).to.contain('(503)');
    // Not waited for: one request only (a wait of 30 s would also have run past this test's time).
    expect((await hitsOf(src)).hits).to.equal(1);
    ended.push('timeout=2 + 503 Retry-After 30 → 503 at once, 1 request');
  });
});
