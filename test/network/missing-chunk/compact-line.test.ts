/**
 * The one-line card's chunk (views/compact-line.ts) cannot be loaded: a `density="compact"` list
 * does not wait for ever; it shows its events as whole cards.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {cardTitles, cards, part} from '../../helpers/page.js';
import {hitsOf, mapModule, RUN} from '../helpers.js';
import {EVENTS} from './chunk.js';

describe('when the one-line card cannot be loaded', function () {
  this.timeout(10000);
  const chunk = `/fault/404/compact-line-${RUN}.js`;

  before(() => mapModule('/src/views/compact-line.ts', chunk));

  it('a compact list shows its events as whole cards', async () => {
    const el = await fixture<EventListElement>(html`<event-list density="compact" when="all" time-zone="UTC" lang="en"></event-list>`);
    el.events = EVENTS;
    await waitUntil(() => cardTitles(el).length === EVENTS.length, 'no cards');
    await Promise.all(cards(el).map((card) => card.updateComplete));
    const [first] = cards(el);
    expect(part(first, 'title')!.textContent!.trim()).to.equal(first.event!.title);
    expect(part(first, 'actions'), 'the whole card').to.exist;
    expect((await hitsOf(chunk)).hits).to.be.at.least(1);
  });
});
