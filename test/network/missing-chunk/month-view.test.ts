/**
 * The month grid's chunk (views/month-view.ts) cannot be loaded: the month view shows the month's
 * events as a list under a short notice, not "Loading…" for ever (as it did while its failed
 * import stayed cached). Once the chunk is served again, the next month asked for has the grid.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {en} from '../../../src/lib/locales/en.js';
import {cardTitles, part, shadowQuery} from '../../helpers/page.js';
import {EVENTS, missingChunk, type MissingChunk} from './chunk.js';

describe('when the month grid cannot be loaded', function () {
  this.timeout(10000);
  let grid: MissingChunk;

  before(() => (grid = missingChunk('/src/views/month-view.ts')));

  it('shows the month’s events as a list with a notice, and the grid at the next month once it is served', async () => {
    const el = await fixture<EventListElement>(html`<event-list view="month" month="2026-12" time-zone="UTC" lang="en"></event-list>`);
    el.events = EVENTS;
    await waitUntil(() => part(el, 'status')?.textContent === en.monthGridFailed, 'no notice that the grid is missing');
    // The events that touch December, under day headings: not November's, not January's.
    expect(cardTitles(el)).to.deep.equal(['Bokmässa', 'Julmarknad']);
    expect(shadowQuery(el, 'table'), 'a grid').to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain(en.loading);
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();

    await grid.serve();
    el.month = '2027-01';
    await waitUntil(() => shadowQuery(el, 'table'), 'the grid did not come with the next month');
    expect(part(el, 'month-title')!.textContent).to.equal('January 2027');
    expect(shadowQuery(el, '[part~="event"]')!.textContent).to.contain('Nyårsmöte');
    expect(el.shadowRoot!.textContent).not.to.contain(en.monthGridFailed);
    expect(await grid.asked()).to.equal(2);
  });
});
