/**
 * The month grid (views/month-view.ts) as a list shows it with `view="month"`: a real table,
 * today's marker, multi-day events, "+N more", the roving focus and the keys that move it, and
 * the list it gives way to in a narrow container.
 */
import {expect, fixture, html, nextFrame, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import {setClock} from '../../src/lib/clock.js';
import {TEST_NOW} from '../helpers/clock.js';
import {DECEMBER, ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {cardTitles, shadowQuery, shadowQueryAll} from '../helpers/page.js';

describe('month view', () => {
  afterEach(() => setClock(TEST_NOW));

  it('is a real table whose weeks start on the locale’s first day', async () => {
    const sv = await renderList(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list>`);
    const table = shadowQuery(sv, 'table')!;
    expect(table.getAttribute('role')).to.equal('grid');
    expect(shadowQueryAll(sv, 'thead th').map((th) => th.textContent!.trim())).to.deep.equal(['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön']);
    expect(shadowQueryAll(sv, 'tbody tr')).to.have.length(5);
    expect(shadowQuery(sv, 'td[data-day="2026-11-30"]')!.classList.contains('outside')).to.equal(true);
    expect(shadowQuery(sv, '[part~="month-title"]')!.textContent).to.equal('december 2026');
    const us = await renderList(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="en-US"></event-list>`);
    expect(shadowQueryAll(us, 'thead th')[0].getAttribute('abbr')).to.equal('Sunday');
    await expect(sv).to.be.accessible();
  });

  it('marks today, spans multi-day events and navigates by month', async () => {
    // 23:30 UTC on 6 December is already the 7th in Stockholm: today is the display zone's day.
    setClock('2026-12-06T23:30:00Z');
    const el = await renderList(html`<event-list view="month" time-zone=${ZONE} lang="sv"></event-list>`);
    const today = '2026-12-07';
    expect(shadowQueryAll(el, '[aria-current="date"]')).to.have.length(1);
    expect(shadowQuery(el, `td[data-day="${today}"]`)!.getAttribute('aria-current')).to.equal('date');
    const [next, todayButton, prev] = [
      shadowQueryAll<HTMLButtonElement>(el, '[part~="nav"]')[2],
      shadowQueryAll<HTMLButtonElement>(el, '[part~="nav"]')[1],
      shadowQueryAll<HTMLButtonElement>(el, '[part~="nav"]')[0],
    ];
    next.click();
    await el.updateComplete;
    prev.click();
    prev.click();
    await el.updateComplete;
    todayButton.click();
    await el.updateComplete;
    expect(el.month).to.equal(today.slice(0, 7));
    el.month = '2026-12';
    await el.updateComplete;
    const fair = ['2026-12-11', '2026-12-12', '2026-12-13'].map((day) => shadowQuery(el, `td[data-day="${day}"] .entry.span`));
    expect(fair.every(Boolean)).to.equal(true);
    expect(shadowQuery(el, 'td[data-day="2026-12-11"] .entry')!.classList.contains('continues')).to.equal(true);
    expect(shadowQuery(el, 'td[data-day="2026-12-13"] .entry')!.classList.contains('continued')).to.equal(true);
  });

  it('counts what does not fit instead of rendering it, even with 500 events on a day', async () => {
    const many = Array.from({length: 500}, (_, i) => calendarEvent(`Pass ${i}`, `2026-12-09T${String(8 + (i % 12)).padStart(2, '0')}:00:00Z`));
    const el = await renderList(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="en"></event-list>`, many);
    const cell = shadowQuery(el, 'td[data-day="2026-12-09"]')!;
    expect(cell.querySelectorAll('.entry')).to.have.length(3);
    expect(cell.querySelector('.more')!.textContent).to.contain('497');
    (cell.querySelector('.more') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(shadowQueryAll(el, '[part~="day-list"] event-card')).to.have.length(500);
  });

  it('gives the roving focus to today when today is in the shown month', async () => {
    setClock('2026-12-07T09:00:00Z');
    const el = await renderList(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list>`);
    expect(shadowQueryAll(el, 'td[tabindex="0"]').map((td) => td.dataset.day)).to.deep.equal(['2026-12-07']);
    el.month = '2027-01';
    await el.updateComplete;
    expect(shadowQueryAll(el, 'td[tabindex="0"]').map((td) => td.dataset.day)).to.deep.equal(['2027-01-01']);
  });

  it('moves between days with the arrow keys and opens a day with Enter', async () => {
    // Today (the test clock's 27 November) is not in December: the month's first day holds the focus.
    const el = await renderList(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list>`);
    const start = shadowQuery(el, 'td[data-day="2026-12-01"]')!;
    expect(start.tabIndex).to.equal(0);
    start.focus();
    const press = async (key: string) => {
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
      await el.updateComplete;
    };
    await press('ArrowRight');
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2026-12-02');
    await press('ArrowDown');
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2026-12-09');
    await press('ArrowUp');
    await press('Enter');
    expect(shadowQuery(el, '[part~="day-list"]')).to.exist;
    expect(cardTitles(el)).to.include('Studiecirkel');
    await press('Escape');
    expect(shadowQuery(el, '[part~="day-list"]')).to.equal(null);
    await press('PageDown');
    expect(el.month).to.equal('2027-01');
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2027-01-02');
    await expect(el).to.be.accessible();
  });

  it('gives way to a list in a narrow container, and survives a zero-width one', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px"><event-list view="month" month="2026-12" time-zone=${ZONE}></event-list></div>`);
    const el = wrapper.querySelector<EventListElement>('event-list')!;
    el.events = DECEMBER;
    await waitUntil(() => shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
    expect(getComputedStyle(shadowQuery(el, 'table')!).display).to.equal('none');
    expect(getComputedStyle(shadowQuery(el, '.narrow-list')!).display).to.equal('block');
    expect(shadowQueryAll(el, '.narrow-list event-card')).to.have.length(5);
    wrapper.style.width = '0px';
    // A frame laid out at zero width.
    await nextFrame();
    expect(() => el.requestUpdate()).not.to.throw();
    await el.updateComplete;
    expect(shadowQueryAll(el, '.narrow-list event-card')).to.have.length(5);
  });
});
