/**
 * `density="compact"` (event-card.ts, views/list-view.ts): one line per event (date, time,
 * title) for sidebars and footers, without day headings; activating a line opens the whole
 * card with its details.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventCardElement} from '../../src/event-card.js';
import type {EventCardSelectEvent} from '../../src/events.js';
import {DECEMBER, ZONE, calendarEvent} from '../helpers/december.js';
import {part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

const LONG = calendarEvent('Bortom Big Tech sociala medier - hur kan vänstern vara online?', '2026-12-03T17:00:00Z', {
  locations: ['Stockholm'],
  description: 'Välkommen på temakväll med efterhäng!',
});

async function sidebar(attributes = '') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<aside style="width: 280px; font: 16px/1.5 system-ui, sans-serif"><event-list density="compact" when="all" time-zone=${ZONE} lang="sv"></event-list></aside>`
  );
  const el = wrapper.querySelector<EventListElement>('event-list')!;
  for (const [name, value] of attributes ? [attributes.split('=')] : []) el.setAttribute(name, value);
  el.events = [...DECEMBER, LONG];
  await el.updateComplete;
  const cards = shadowQueryAll<EventCardElement>(el, 'event-card');
  await Promise.all(cards.map((card) => card.updateComplete));
  return {el, cards};
}

describe('density="compact"', () => {
  it('shows one line per event, with its date, time and title, at 280 px', async () => {
    const {el, cards} = await sidebar();
    expect(cards).to.have.length(6);
    expect(shadowQuery(el, '[part~="group-heading"]'), 'no day headings').to.equal(null);
    for (const card of cards) {
      const base = part(card, 'base')!;
      const title = part(card, 'title')!;
      const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
      expect(base.getBoundingClientRect().width).to.be.at.most(280);
      // One line: the row is no taller than a line and its padding.
      expect(base.getBoundingClientRect().height, card.event!.title).to.be.below(lineHeight * 1.9);
      expect(title.getBoundingClientRect().height).to.be.below(lineHeight * 1.5);
      expect(part(card, 'date')!.textContent).to.match(/\d/);
      expect(part(card, 'description'), 'no description on the line').to.equal(null);
    }
    const marsch = cards.find((card) => card.event!.title === 'Marsch')!;
    // 12 December 13:00 UTC is 14:00 in Stockholm (with the zone's name for a viewer elsewhere).
    expect(part(marsch, 'date')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^12 dec 14:00( CET)?$/);
    expect(part(marsch, 'date')!.getAttribute('datetime')).to.equal('2026-12-12T13:00:00.000Z');
    expect(
      part(
        cards.find((card) => card.event!.title === 'Bokmässa')!,
        'date'
      )!.textContent!.trim(),
      'all-day: the date alone'
    ).to.equal('11 dec');
    await expect(el).to.be.accessible();
  });

  it('opens the whole card with its details when a line is activated, by click or keyboard, and back', async () => {
    const {el, cards} = await sidebar();
    const card = cards.find((c) => c.event === LONG)!;
    const selected = oneEvent<EventCardSelectEvent>(el, 'event-card-select');
    shadowQuery<HTMLButtonElement>(card, 'button.row')!.click();
    expect((await selected).event).to.equal(LONG);
    await card.updateComplete;
    expect(card.expanded).to.equal(true);
    await waitUntil(() => part(card, 'details'), 'details drawn');
    expect(part(card, 'description')!.textContent).to.contain('temakväll');
    expect(card.shadowRoot!.activeElement, 'the focus moves to "show less"').to.equal(shadowQuery(card, 'button.toggle'));
    await sendKeys({press: 'Enter'});
    await card.updateComplete;
    expect(card.expanded).to.equal(false);
    expect(card.shadowRoot!.activeElement, 'and back to the line').to.equal(shadowQuery(card, 'button.row'));
    await sendKeys({press: 'Enter'});
    await card.updateComplete;
    expect(card.expanded, 'Enter on the line opens it').to.equal(true);
  });

  it('opens in the dialog with details="dialog"', async () => {
    const {el, cards} = await sidebar('details=dialog');
    shadowQuery<HTMLButtonElement>(cards[0], 'button.row')!.click();
    await waitUntil(() => shadowQuery<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
    const inside = shadowQuery<EventCardElement>(el, 'dialog event-card')!;
    expect(inside.expanded).to.equal(true);
    expect(part(inside, 'title')!.textContent).to.equal(cards[0].event!.title);
    shadowQuery<HTMLButtonElement>(el, '.dialog-close button')!.click();
    await waitUntil(() => !shadowQuery(el, 'dialog'), 'dialog closed');
  });

  it('reads an unknown value as comfortable', async () => {
    const el = await fixture<EventListElement>(html`<event-list density="tiny" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    el.events = DECEMBER;
    await el.updateComplete;
    expect(el.density).to.equal('comfortable');
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    expect(shadowQuery(card, 'button.row')).to.equal(null);
    expect(shadowQuery(el, '[part~="group-heading"]')).to.exist;
  });
});
