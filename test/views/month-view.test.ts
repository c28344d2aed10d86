/**
 * The month grid (views/month-view.ts) as a list shows it with `view="month"`: a real table,
 * today's marker, multi-day events, "+N more", the roving focus and the keys that move it, and
 * the list it gives way to in a narrow container.
 */
import {expect, fixture, html, nextFrame, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CalendarEvent} from '../../src/lib/events/model.js';
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
    await waitUntil(() => shadowQuery(el, '.narrow-list'), 'narrow list drawn', {timeout: 5000});
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

  it('renders the narrow list only while it shows: none in a wide grid, drawn when the column narrows', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><event-list view="month" month="2026-12" time-zone=${ZONE}></event-list></div>`);
    const el = wrapper.querySelector<EventListElement>('event-list')!;
    el.events = DECEMBER;
    await waitUntil(() => shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
    await nextFrame();
    await el.updateComplete;
    expect(shadowQuery(el, '.narrow-list')).to.equal(null);
    expect(shadowQueryAll(el, 'event-card')).to.have.length(0);
    wrapper.style.width = '400px';
    await waitUntil(() => shadowQueryAll(el, '.narrow-list event-card').length === 5, 'narrow list drawn', {timeout: 5000});
    expect(getComputedStyle(shadowQuery(el, 'table')!).display).to.equal('none');
    wrapper.style.width = '1000px';
    await waitUntil(() => !shadowQuery(el, '.narrow-list'), 'narrow list gone', {timeout: 5000});
  });

  it('keeps a word longer than a day whole in a 650 px serif column ("Studiecirkel", not "Studiecirk/el")', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 650px; font: 18px/1.6 'DejaVu Serif', serif"><event-list view="month" month="2026-12" time-zone=${ZONE} lang="en"></event-list></div>`
    );
    const el = wrapper.querySelector<EventListElement>('event-list')!;
    el.events = DECEMBER;
    await waitUntil(() => shadowQuery(el, 'td[data-day="2026-12-02"] .name'), 'month view loaded', {timeout: 5000});
    await el.updateComplete;
    const name = shadowQuery(el, 'td[data-day="2026-12-02"] .name')!;
    expect(name.textContent).to.equal('Studiecirkel');
    expect(name.closest('.entry')!.classList.contains('long-word')).to.equal(true);
    // One line box: the word was not broken.
    const range = document.createRange();
    range.selectNodeContents(name);
    expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size).to.equal(1);
  });

  describe('in a blog column', () => {
    /**
     * The real titles of Gnistor's feed (the shared corpus), placed in December: one day with
     * more than fits, days of two, a multi-day event, at the widths of blog columns.
     */
    async function gnistorDecember(): Promise<CalendarEvent[]> {
      const feed = await fixture<EventListElement>(html`<event-list src="/corpus/gnistor/feed.json" when="all" lang="sv"></event-list>`);
      if (!feed.events.length) await oneEvent(feed, 'event-list-load');
      const titles = feed.events.map((event) => event.title);
      feed.remove();
      expect(titles).to.include('Bortom Big Tech sociala medier - hur kan vänstern vara online?');
      const at = (day: number, hour: number) => `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
      return [
        ...titles.map((title, i) => calendarEvent(title, at(9, 8 + i))),
        ...titles.slice(0, 2).map((title, i) => calendarEvent(title, at(15, 16 + i))),
        ...titles.slice(2, 4).map((title, i) => calendarEvent(title, at(17, 17 + i))),
        calendarEvent(titles[0], at(21, 12), {allDay: true, end: new Date(at(23, 23))}),
      ];
    }

    for (const width of [650, 760, 1000]) {
      it(`shows every title on up to three lines, never cut to one, at ${width} px`, async () => {
        const events = await gnistorDecember();
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="width: ${width}px; font: 18px/1.6 Georgia, serif"><event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list></div>`
        );
        const el = wrapper.querySelector<EventListElement>('event-list')!;
        el.events = events;
        await waitUntil(() => shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
        await el.updateComplete;
        expect(getComputedStyle(shadowQuery(el, 'table')!).display, 'the grid, not the list').to.equal('table');
        const names = shadowQueryAll<HTMLElement>(el, '.entry .name');
        expect(names.length).to.be.above(8);
        for (const name of names) {
          const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
          const lines = Math.round(name.getBoundingClientRect().height / lineHeight);
          const cut = name.scrollHeight > name.clientHeight + 1;
          expect(name.scrollWidth, `"${name.textContent}" does not run out sideways`).to.be.at.most(name.clientWidth);
          expect(lines, `"${name.textContent}" on at most three lines`).to.be.within(1, 3);
          if (cut) expect(lines, `"${name.textContent}" is cut only after two or three lines`).to.be.at.least(2);
        }
        // The crowded day says how many more it has.
        expect(shadowQuery(el, 'td[data-day="2026-12-09"] .more')!.textContent).to.match(/3/);
        await expect(el).to.be.accessible();
      });
    }

    it('opens a crowded day\'s "+N more" by keyboard', async () => {
      const events = await gnistorDecember();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 650px"><event-list view="month" month="2026-12" time-zone=${ZONE} lang="en"></event-list></div>`
      );
      const el = wrapper.querySelector<EventListElement>('event-list')!;
      el.events = events;
      await waitUntil(() => shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
      await el.updateComplete;
      shadowQuery<HTMLElement>(el, 'td[tabindex="0"]')!.focus();
      // From the 1st to the 9th: a week down, a day right, all with real key presses.
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2026-12-09');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      const dayList = shadowQuery(el, '[part~="day-list"]')!;
      expect(dayList.querySelectorAll('event-card'), 'all six, the three "+3 more" hid included').to.have.length(6);
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="day-list"]')).to.equal(null);
    });

    it('gives way to the list below 600 px', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 590px"><event-list view="month" month="2026-12" time-zone=${ZONE}></event-list></div>`);
      const el = wrapper.querySelector<EventListElement>('event-list')!;
      el.events = DECEMBER;
      await waitUntil(() => shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
      expect(getComputedStyle(shadowQuery(el, 'table')!).display).to.equal('none');
      wrapper.style.width = '600px';
      await nextFrame();
      expect(getComputedStyle(shadowQuery(el, 'table')!).display).to.equal('table');
    });
  });
});
