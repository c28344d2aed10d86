/**
 * The visitor's filter bar (views/filter-bar.ts) as a list shows it with `controls`: which
 * controls, in which order, how each narrows the list, the polite count, the debounced search
 * with its highlights, and `event-list-filter-change` for the visitor's changes only.
 */
import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventCardElement} from '../../src/event-card.js';
import {ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {cardTitles, shadowQuery, shadowQueryAll} from '../helpers/page.js';
import {nothingHappensWithin} from '../helpers/quiet.js';

describe('filter bar', () => {
  it('shows the controls asked for, in order, with category counts', async () => {
    const el = await renderList(html`<event-list controls="view search categories locations organizers dates" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    const bar = shadowQuery(el, '[part~="toolbar"]')!;
    expect(bar.getAttribute('role')).to.equal('search');
    const order = [...bar.children].map((child) => child.className.replace('field ', ''));
    expect(order).to.deep.equal(['search', 'field', 'field', 'dates', 'view-switch', 'chips', 'summary']);
    const chips = shadowQueryAll(el, '[part~="chip"]').map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
    expect(chips).to.include('Aktion 1');
    expect(chips).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('narrows by chip, place, date and search, counts politely, and clears', async () => {
    const el = await renderList(html`<event-list controls="search categories locations dates" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    let changes = 0;
    el.addEventListener('event-list-filter-change', () => changes++);
    shadowQueryAll<HTMLButtonElement>(el, '[part~="chip"]')
      .find((chip) => chip.textContent!.includes('Aktion'))!
      .click();
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Kampanja']);
    expect(shadowQuery(el, '.count')!.getAttribute('aria-live')).to.equal('polite');
    expect(shadowQuery(el, '.count')!.textContent).to.equal('1 event');
    shadowQuery<HTMLButtonElement>(el, '.clear')!.click();
    await el.updateComplete;
    const place = shadowQuery<HTMLSelectElement>(el, 'select')!;
    place.value = 'Stockholm';
    place.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Studiecirkel', 'Bokmässa', 'Möte om (regex) .*']);
    const [from, to] = shadowQueryAll<HTMLInputElement>(el, 'input[type="date"]');
    from.value = '2026-12-03';
    from.dispatchEvent(new Event('change'));
    to.value = '2026-12-11';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Bokmässa']);
    await waitUntil(() => changes === 5, 'a filter-change event per visitor change');
    el.setAttribute('categories', 'Mässa');
    await el.updateComplete;
    await nothingHappensWithin(20);
    expect(changes, 'attribute changes are not visitor changes').to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('debounces the search, matches accents and regex characters literally, and highlights', async () => {
    const el = await renderList(html`<event-list controls="search" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    const input = shadowQuery<HTMLInputElement>(el, 'input[type="search"]')!;
    for (const value of ['(', '(re', '(regex) .*']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    expect(cardTitles(el)).to.have.length(5);
    await oneEvent(el, 'event-list-filter-change');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Möte om (regex) .*']);
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    expect(shadowQueryAll(card, 'mark').map((m) => m.textContent)).to.deep.equal(['(regex)', '.*']);
    input.value = 'mote';
    input.dispatchEvent(new Event('input'));
    await oneEvent(el, 'event-list-filter-change');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Möte om (regex) .*']);
  });

  it('shows a category named like HTML as text', async () => {
    const hostile = [calendarEvent('X', '2026-12-01T10:00:00Z', {categories: ['<img src=x onerror="window.__chip=1">']})];
    const el = await renderList(html`<event-list controls="categories" when="all" lang="en"></event-list>`, hostile);
    const chip = shadowQuery(el, '[part~="chip"]')!;
    expect(chip.textContent).to.contain('<img src=x');
    expect(chip.querySelector('img')).to.equal(null);
    expect((window as {__chip?: number}).__chip).to.equal(undefined);
  });
});
