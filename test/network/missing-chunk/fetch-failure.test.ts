/**
 * The failure handling's chunk (lib/load/fetch-failure.ts: retries, telling CORS from offline)
 * cannot be loaded: a feed that fails shows its error at once, without retries
 * (failure-module-missing.test.ts checks each kind of failure on fetchFeed itself). Once the
 * chunk is served again, the next failure is retried as usual.
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import type {EventListErrorEvent} from '../../../src/events.js';
import {enErrors} from '../../../src/lib/locales/en-errors.js';
import {cardTitles, part} from '../../helpers/page.js';
import {hitsOf, RUN} from '../helpers.js';
import {missingChunk, type MissingChunk} from './chunk.js';

describe('when the failure handling cannot be loaded', function () {
  this.timeout(10000);
  let policy: MissingChunk;

  before(() => (policy = missingChunk('/src/lib/load/fetch-failure.ts')));

  const list = (src: string) => fixtureSync<EventListElement>(html`<event-list src=${src} when="all" time-zone="UTC" lang="en"></event-list>`);

  it('a failing feed shows its error without retries, and once it is served the next failure is retried', async () => {
    const failing = `/fault/500/no-policy-${RUN}`;
    const el = list(failing);
    const error = (await oneEvent(el, 'event-list-error')) as EventListErrorEvent;
    expect(error.error.code).to.equal('http-status');
    // The list shows the failure once every source has settled, just after the event.
    await waitUntil(() => part(el, 'error-details'), 'the error is not shown');
    expect(part(el, 'error')!.textContent).to.contain('The calendar can’t be shown right now.');
    expect(part(el, 'error-details')!.textContent).to.contain(enErrors['http-status'](500));
    expect((await hitsOf(failing)).hits, 'requests for the feed').to.equal(1);
    expect(await policy.asked()).to.equal(1);

    await policy.serve();
    // Fails once, then answers: retried after a short backoff, and shown.
    const flaky = `/fault/seq/with-policy-${RUN}?steps=500,ok`;
    const next = list(flaky);
    await oneEvent(next, 'event-list-load');
    await next.updateComplete;
    expect(cardTitles(next)).to.have.length(2);
    expect((await hitsOf(flaky)).hits, 'requests for the feed').to.equal(2);
  });
});
