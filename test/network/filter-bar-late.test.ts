/**
 * A list with a filter bar whose chunk arrives after the feed: the cards wait for the bar, so
 * the bar never pushes them down when it comes (a layout shift while the page loads).
 */
import {expect, fixture, html, nextFrame, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import {cards, part, shadowQuery} from '../helpers/page.js';
import {mapModule, RUN} from './helpers.js';

describe('when the filter bar arrives after the feed', function () {
  this.timeout(10000);

  before(() => mapModule('/src/views/filter-bar.ts', '/src/views/filter-bar.ts?delay=1500'));

  it('the first card is drawn together with the bar, not before it', async () => {
    const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC" controls="search categories"></event-list>`);
    const firstCard: {at: number; withBar: boolean}[] = [];
    const observer = new MutationObserver(() => {
      if (firstCard.length || !shadowQuery(el, 'event-card')) return;
      firstCard.push({at: performance.now(), withBar: Boolean(shadowQuery(el, '[role="search"]'))});
    });
    observer.observe(el.shadowRoot!, {childList: true, subtree: true});
    const loaded = oneEvent(el, 'event-list-load');
    el.src = `/fault/ok/late-bar-${RUN}`;
    const loadedAt = (await loaded, performance.now());
    // The feed is in; the bar is not: no cards yet, and the list says it is loading.
    await nextFrame();
    expect(cards(el).length, 'cards before the bar').to.equal(0);
    expect(part(el, 'status')?.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => firstCard.length > 0, 'no card was drawn', {timeout: 5000});
    observer.disconnect();
    expect(firstCard[0].withBar, 'the bar was there when the first card was').to.equal(true);
    expect(firstCard[0].at).to.be.above(loadedAt);
  });
});
