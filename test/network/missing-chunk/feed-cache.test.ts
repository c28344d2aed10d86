/**
 * The store of last good copies (lib/load/feed-cache.ts) cannot be loaded: the feed shows, and
 * when a refresh fails there is no copy to fall back on, so the list says the feed failed (over
 * the events it shows) rather than how old its copy is.
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListErrorEvent} from '../../../src/events.js';
import type {EventListElement} from '../../../src/event-list.js';
import {enErrors} from '../../../src/lib/locales/en-errors.js';
import {cardTitles, part} from '../../helpers/page.js';
import {hitsOf, mapModule, RUN} from '../helpers.js';

describe('when the store of last good copies cannot be loaded', function () {
  this.timeout(10000);
  const chunk = `/fault/404/feed-cache-${RUN}.js`;

  before(() => mapModule('/src/lib/load/feed-cache.ts', chunk));

  it('shows the feed, and a failed refresh as an error', async () => {
    const el = fixtureSync<EventListElement>(html`<event-list src=${`/fault/seq/no-copy-${RUN}?steps=ok,404`} when="all" time-zone="UTC" lang="en"></event-list>`);
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(cardTitles(el)).to.have.length(2);

    const failed = oneEvent<EventListErrorEvent>(el, 'event-list-error');
    el.reload();
    expect((await failed).error.code).to.equal('not-found');
    await waitUntil(() => part(el, 'error-details'), 'the failed refresh is not shown');
    expect(part(el, 'error')!.textContent).to.contain('Some events could not be loaded.');
    expect(part(el, 'error-details')!.textContent).to.contain(enErrors['not-found']);
    expect(part(el, 'stale'), 'a stale copy').to.equal(null);
    expect(cardTitles(el), 'the events shown stay').to.have.length(2);
    expect((await hitsOf(chunk)).hits).to.be.at.least(1);
  });
});
