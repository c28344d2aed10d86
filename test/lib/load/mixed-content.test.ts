/**
 * An http:// feed on an https:// page is blocked by the browser as mixed content; `fetch` rejects
 * with the same TypeError as offline. feedcal says so (code `insecure`) instead of "no network
 * connection", and does not retry: the browser will block every attempt.
 *
 * The test page itself is http://localhost, so the https page is passed as a parameter, or, for
 * the whole path through fetchFeed, put in place by shadowing `document.URL` for one test.
 */
import {expect} from '@open-wc/testing';
import {fetchFeed} from '../../../src/lib/load/fetch-feed.js';
import {mixedContentFailure, retryDelay} from '../../../src/lib/load/fetch-failure.js';
import {FeedError} from '../../../src/lib/events/model.js';
import {enErrors} from '../../../src/lib/locales/en-errors.js';

const PAGE = 'https://blog.example/events/';
const RUN = Date.now().toString(36);

/** Runs `body` with `window.fetch` rejecting as a blocked request does, counting calls to `host`. */
async function withFailingFetch<T>(host: string, body: (calls: () => number) => Promise<T>): Promise<T> {
  const original = window.fetch;
  let count = 0;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes(host)) return original(input, init);
    count++;
    return Promise.reject(new TypeError('Failed to fetch'));
  };
  try {
    return await body(() => count);
  } finally {
    window.fetch = original;
  }
}

describe('mixed content (an http:// feed on an https:// page)', function () {
  this.timeout(10000);

  it('is reported as an insecure network error that names the feed', () => {
    const error = mixedContentFailure('http://feed.example/events.json', 'http://feed.example/events.json', PAGE);
    expect(error).to.be.instanceOf(FeedError);
    expect([error!.kind, error!.code, error!.detail.url]).to.deep.equal(['network', 'insecure', 'http://feed.example/events.json']);
    // Hosts that only look like loopback ones are blocked like any other.
    for (const target of ['http://localhost.example/f', 'http://127.example.com/f', 'http://feed.example:8080/f']) {
      expect(mixedContentFailure(target, target, PAGE)?.code, target).to.equal('insecure');
    }
  });

  it('is not reported when nothing is mixed, nor for loopback hosts the browser lets through', () => {
    const cases: [string, string][] = [
      ['https://feed.example/events.json', PAGE],
      ['http://feed.example/events.json', 'http://blog.example/'],
      ['http://localhost:8080/events.json', PAGE],
      ['http://LOCALHOST./events.json', PAGE],
      ['http://foo.localhost/events.json', PAGE],
      ['http://127.0.0.1/events.json', PAGE],
      ['http://127.1.2.3:8000/events.json', PAGE],
      ['http://[::1]/events.json', PAGE],
    ];
    for (const [target, page] of cases) expect(mixedContentFailure(target, target, page), `${target} on ${page}`).to.equal(undefined);
  });

  it('names the feed and the cause; the owner is told the fix (every language: test/lib/i18n-locales.test.ts)', () => {
    const error = mixedContentFailure('http://feed.example/f', 'http://feed.example/f', PAGE)!;
    expect(error.code).to.equal('insecure');
    expect(error.message).to.include('http://feed.example/f').and.to.include('https:// page');
    expect(enErrors.insecure).to.include('https:// address');
  });

  it('is never retried (retry policy)', () => {
    const insecure = mixedContentFailure('http://feed.example/f', 'http://feed.example/f', PAGE);
    expect(retryDelay(insecure, 0)).to.equal(undefined);
    // The same failure seen as offline would be retried.
    expect(retryDelay(new FeedError('network', 'offline', ''), 0)).to.be.above(0);
  });

  it('ends fetchFeed after one request: no CORS probe, no retry, no backoff', async () => {
    const host = `mixed-${RUN}.example`;
    // location.href cannot be replaced; document.URL, which the check reads, can be shadowed.
    Object.defineProperty(document, 'URL', {value: PAGE, configurable: true});
    try {
      await withFailingFetch(host, async (calls) => {
        const started = performance.now();
        const error = await fetchFeed(`http://${host}/events.json`, {retries: 2}).catch((e) => e);
        expect([error.kind, error.code]).to.deep.equal(['network', 'insecure']);
        expect(calls()).to.equal(1);
        // The shortest backoff is 500 ms.
        expect(performance.now() - started).to.be.below(400);
      });
    } finally {
      delete (document as {URL?: string}).URL;
    }
    expect(document.URL.startsWith('http://')).to.equal(true);
  });

  it('while on an http page the same rejection is still retried and reported offline', async () => {
    const host = `offline-${RUN}.example`;
    await withFailingFetch(host, async (calls) => {
      const error = await fetchFeed(`http://${host}/events.json`, {retries: 1}).catch((e) => e);
      expect([error.kind, error.code]).to.deep.equal(['network', 'offline']);
      // The first attempt, its CORS probe, and the retry (with its probe).
      expect(calls()).to.be.above(2);
    });
  });
});
