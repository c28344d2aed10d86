/**
 * A list with a filter bar whose chunk cannot be loaded (a CDN answering 404): the events show
 * without the bar, with the plain toolbar's count, rather than waiting for it forever.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import {cards, part, shadowQuery} from '../helpers/page.js';
import {mapModule, RUN} from './helpers.js';

describe('when the filter bar cannot be loaded', function () {
  this.timeout(10000);

  before(() => mapModule('/src/views/filter-bar.ts', `/fault/404/filter-bar-${RUN}.js`));

  it('shows the events without it', async () => {
    const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC" controls="search categories"></event-list>`);
    const loaded = oneEvent(el, 'event-list-load');
    el.src = `/fault/ok/missing-bar-${RUN}`;
    await loaded;
    await waitUntil(() => cards(el).length === 2, 'the events did not show');
    expect(Boolean(shadowQuery(el, '[role="search"]')), 'a filter bar').to.equal(false);
    expect(part(el, 'toolbar')?.textContent).to.contain('2');
  });
});
