/**
 * The address code's chunk (lib/url-state.ts) cannot be loaded: a list with `sync-url` neither
 * reads the address nor writes it, and works on: the visitor filters, and the page hears of it.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {cardTitles, parts} from '../../helpers/page.js';
import {hitsOf, mapModule, RUN} from '../helpers.js';
import {EVENTS} from './chunk.js';

describe('when the address code cannot be loaded', function () {
  this.timeout(10000);
  const chunk = `/fault/404/url-state-${RUN}.js`;
  const original = location.href;

  before(() => mapModule('/src/lib/url-state.ts', chunk));
  after(() => history.replaceState(null, '', original));

  it('the list filters without it, and the address stays as it is', async () => {
    // An address that would hide every event, were it read.
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}u-q=nothing-matches`);
    const address = location.href;
    const el = await fixture<EventListElement>(html`<event-list id="u" sync-url controls="categories" when="all" time-zone="UTC" lang="en"></event-list>`);
    el.events = EVENTS;
    await waitUntil(() => parts(el, 'chip').length > 0, 'no filter bar');
    expect(cardTitles(el)).to.have.length(EVENTS.length);

    const changed = oneEvent(el, 'event-list-filter-change');
    parts<HTMLButtonElement>(el, 'chip')
      .find((chip) => chip.textContent!.includes('Kultur'))!
      .click();
    await changed;
    expect(cardTitles(el)).to.deep.equal(['Bokmässa', 'Julmarknad']);
    expect(location.href).to.equal(address);
    expect((await hitsOf(chunk)).hits).to.be.at.least(1);
  });
});
