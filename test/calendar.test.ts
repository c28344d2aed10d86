/**
 * Issue 4's calendar: month view, filter bar, shareable state, details, add to calendar,
 * languages, structured data, accessibility, and the bad input each must survive.
 */
import {aTimeout, expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../src/index.js';
import type {EventListElement} from '../src/event-list.js';
import type {EventCardElement} from '../src/event-card.js';
import type {CalendarEvent} from '../src/lib/events/model.js';
import {setClock} from '../src/lib/clock.js';
import {TEST_NOW} from './helpers/clock.js';

const ZONE = 'Europe/Stockholm';
let n = 0;
const ev = (title: string, start: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: `e${++n}`,
  title,
  start: new Date(start),
  allDay: false,
  categories: [],
  locations: [],
  source: 'https://example.org/feed.json',
  ...extra,
});

const DECEMBER: CalendarEvent[] = [
  ev('Studiecirkel', '2026-12-02T17:30:00Z', {categories: ['Studiecirkel'], locations: ['Stockholm'], organizer: 'ABF'}),
  ev('Kampanja', '2026-12-05T12:00:00Z', {categories: ['Aktion'], locations: ['Göteborg'], organizer: 'TTF'}),
  ev('Bokmässa', '2026-12-10T23:00:00Z', {allDay: true, end: new Date('2026-12-13T23:00:00Z'), categories: ['Mässa', 'Kultur'], locations: ['Stockholm']}),
  ev('Marsch', '2026-12-12T13:00:00Z', {categories: ['Demonstration'], locations: ['Malmö'], place: {name: 'Möllan', address: 'Möllevångstorget, Malmö', lat: 55.591, lon: 13.009}}),
  ev('Möte om (regex) .*', '2026-12-14T17:00:00Z', {categories: ['Möte'], locations: ['Stockholm'], description: 'Vi pratar om [a-z]+ och annat.'}),
];

async function list(template: ReturnType<typeof html>, events: CalendarEvent[] = DECEMBER): Promise<EventListElement> {
  const el = await fixture<EventListElement>(template);
  el.events = events;
  await el.updateComplete;
  await waitUntil(() => el.view !== 'month' || el.shadowRoot!.querySelector('table'), 'month view loaded', {timeout: 5000});
  await waitUntil(() => !el.controls || el.shadowRoot!.querySelector('[role="search"]'), 'filter bar loaded', {timeout: 5000});
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const cardTitles = (el: EventListElement) => $$<EventCardElement>(el, 'event-card').map((c) => c.event!.title);

describe('month view', () => {
  afterEach(() => setClock(TEST_NOW));

  it('is a real table whose weeks start on the locale’s first day', async () => {
    const sv = await list(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list>`);
    const table = $(sv, 'table')!;
    expect(table.getAttribute('role')).to.equal('grid');
    expect($$(sv, 'thead th').map((th) => th.textContent!.trim())).to.deep.equal(['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön']);
    expect($$(sv, 'tbody tr')).to.have.length(5);
    expect($(sv, 'td[data-day="2026-11-30"]')!.classList.contains('outside')).to.equal(true);
    expect($(sv, '[part~="month-title"]')!.textContent).to.equal('december 2026');
    const us = await list(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="en-US"></event-list>`);
    expect($$(us, 'thead th')[0].getAttribute('abbr')).to.equal('Sunday');
    await expect(sv).to.be.accessible();
  });

  it('marks today, spans multi-day events and navigates by month', async () => {
    // 23:30 UTC on 6 December is already the 7th in Stockholm: today is the display zone's day.
    setClock('2026-12-06T23:30:00Z');
    const el = await list(html`<event-list view="month" time-zone=${ZONE} lang="sv"></event-list>`);
    const today = '2026-12-07';
    expect(el.shadowRoot!.querySelectorAll('[aria-current="date"]')).to.have.length(1);
    expect($(el, `td[data-day="${today}"]`)!.getAttribute('aria-current')).to.equal('date');
    const [next, todayButton, prev] = [
      $$<HTMLButtonElement>(el, '[part~="nav"]')[2],
      $$<HTMLButtonElement>(el, '[part~="nav"]')[1],
      $$<HTMLButtonElement>(el, '[part~="nav"]')[0],
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
    const fair = ['2026-12-11', '2026-12-12', '2026-12-13'].map((day) => $(el, `td[data-day="${day}"] .entry.span`));
    expect(fair.every(Boolean)).to.equal(true);
    expect($(el, 'td[data-day="2026-12-11"] .entry')!.classList.contains('continues')).to.equal(true);
    expect($(el, 'td[data-day="2026-12-13"] .entry')!.classList.contains('continued')).to.equal(true);
  });

  it('counts what does not fit instead of rendering it, even with 500 events on a day', async () => {
    const many = Array.from({length: 500}, (_, i) => ev(`Pass ${i}`, `2026-12-09T${String(8 + (i % 12)).padStart(2, '0')}:00:00Z`));
    const el = await list(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="en"></event-list>`, many);
    const cell = $(el, 'td[data-day="2026-12-09"]')!;
    expect(cell.querySelectorAll('.entry')).to.have.length(3);
    expect(cell.querySelector('.more')!.textContent).to.contain('497');
    (cell.querySelector('.more') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($$(el, '[part~="day-list"] event-card')).to.have.length(500);
  });

  it('gives the roving focus to today when today is in the shown month', async () => {
    setClock('2026-12-07T09:00:00Z');
    const el = await list(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list>`);
    expect($$(el, 'td[tabindex="0"]').map((td) => td.dataset.day)).to.deep.equal(['2026-12-07']);
    el.month = '2027-01';
    await el.updateComplete;
    expect($$(el, 'td[tabindex="0"]').map((td) => td.dataset.day)).to.deep.equal(['2027-01-01']);
  });

  it('moves between days with the arrow keys and opens a day with Enter', async () => {
    // Today (the test clock's 27 November) is not in December: the month's first day holds the focus.
    const el = await list(html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="sv"></event-list>`);
    const start = $(el, 'td[data-day="2026-12-01"]')!;
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
    expect($(el, '[part~="day-list"]')).to.exist;
    expect(cardTitles(el)).to.include('Studiecirkel');
    await press('Escape');
    expect($(el, '[part~="day-list"]')).to.equal(null);
    await press('PageDown');
    expect(el.month).to.equal('2027-01');
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2027-01-02');
    await expect(el).to.be.accessible();
  });

  it('gives way to a list in a narrow container, and survives a zero-width one', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px"><event-list view="month" month="2026-12" time-zone=${ZONE}></event-list></div>`);
    const el = wrapper.querySelector('event-list')!;
    el.events = DECEMBER;
    await waitUntil(() => $(el, 'table'), 'month view loaded', {timeout: 5000});
    expect(getComputedStyle($(el, 'table')!).display).to.equal('none');
    expect(getComputedStyle($(el, '.narrow-list')!).display).to.equal('block');
    expect($$(el, '.narrow-list event-card')).to.have.length(5);
    wrapper.style.width = '0px';
    await aTimeout(50);
    expect(() => el.requestUpdate()).not.to.throw();
    await el.updateComplete;
    expect($$(el, '.narrow-list event-card')).to.have.length(5);
  });
});

describe('filter bar', () => {
  it('shows the controls asked for, in order, with category counts', async () => {
    const el = await list(html`<event-list controls="view search categories locations organizers dates" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    const bar = $(el, '[part~="toolbar"]')!;
    expect(bar.getAttribute('role')).to.equal('search');
    const order = [...bar.children].map((child) => child.className.replace('field ', ''));
    expect(order).to.deep.equal(['search', 'field', 'field', 'dates', 'view-switch', 'chips', 'summary']);
    const chips = $$(el, '[part~="chip"]').map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
    expect(chips).to.include('Aktion 1');
    expect(chips).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('narrows by chip, place, date and search, counts politely, and clears', async () => {
    const el = await list(html`<event-list controls="search categories locations dates" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    let changes = 0;
    el.addEventListener('event-list-filter-change', () => changes++);
    $$<HTMLButtonElement>(el, '[part~="chip"]').find((chip) => chip.textContent!.includes('Aktion'))!.click();
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Kampanja']);
    expect($(el, '.count')!.getAttribute('aria-live')).to.equal('polite');
    expect($(el, '.count')!.textContent).to.equal('1 event');
    $<HTMLButtonElement>(el, '.clear')!.click();
    await el.updateComplete;
    const place = $<HTMLSelectElement>(el, 'select')!;
    place.value = 'Stockholm';
    place.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Studiecirkel', 'Bokmässa', 'Möte om (regex) .*']);
    const [from, to] = $$<HTMLInputElement>(el, 'input[type="date"]');
    from.value = '2026-12-03';
    from.dispatchEvent(new Event('change'));
    to.value = '2026-12-11';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Bokmässa']);
    await waitUntil(() => changes === 5, 'a filter-change event per visitor change');
    el.setAttribute('categories', 'Mässa');
    await el.updateComplete;
    await aTimeout(20);
    expect(changes, 'attribute changes are not visitor changes').to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('debounces the search, matches accents and regex characters literally, and highlights', async () => {
    const el = await list(html`<event-list controls="search" when="all" time-zone=${ZONE} lang="en"></event-list>`);
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    for (const value of ['(', '(re', '(regex) .*']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    expect(cardTitles(el)).to.have.length(5);
    await oneEvent(el, 'event-list-filter-change');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Möte om (regex) .*']);
    const card = $<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    expect([...card.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['(regex)', '.*']);
    input.value = 'mote';
    input.dispatchEvent(new Event('input'));
    await oneEvent(el, 'event-list-filter-change');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Möte om (regex) .*']);
  });

  it('shows a category named like HTML as text', async () => {
    const hostile = [ev('X', '2026-12-01T10:00:00Z', {categories: ['<img src=x onerror="window.__chip=1">']})];
    const el = await list(html`<event-list controls="categories" when="all" lang="en"></event-list>`, hostile);
    const chip = $(el, '[part~="chip"]')!;
    expect(chip.textContent).to.contain('<img src=x');
    expect(chip.querySelector('img')).to.equal(null);
    expect((window as {__chip?: number}).__chip).to.equal(undefined);
  });
});

describe('sync-url', () => {
  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  it('writes the visitor’s state with the element’s id, restores it, and keeps two lists apart', async () => {
    history.replaceState(null, '', `${location.pathname}?page=1&b-q=fest`);
    const wrapper = await fixture(html`<div>
      <event-list id="a" sync-url controls="categories view" when="all" time-zone=${ZONE}></event-list>
      <event-list id="b" sync-url controls="search" when="all" time-zone=${ZONE}></event-list>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('event-list')];
    a.events = DECEMBER;
    b.events = [...DECEMBER, ev('Julfest', '2026-12-19T16:00:00Z')];
    await waitUntil(() => cardTitles(b).length === 1 && $(a, '[role="search"]'), 'state restored from the address');
    expect(cardTitles(b)).to.deep.equal(['Julfest']);
    expect(cardTitles(a)).to.have.length(5);
    $$<HTMLButtonElement>(a, '[part~="chip"]').find((c) => c.textContent!.includes('Möte'))!.click();
    await oneEvent(a, 'event-list-filter-change');
    expect(new URLSearchParams(location.search).getAll('a-cat')).to.deep.equal(['Möte']);
    expect(new URLSearchParams(location.search).get('b-q')).to.equal('fest');
    expect(new URLSearchParams(location.search).get('page')).to.equal('1');
    $$<HTMLButtonElement>(a, '.view-switch button')[1].click();
    await oneEvent(a, 'event-list-filter-change');
    expect(new URLSearchParams(location.search).get('a-view')).to.equal('month');
    history.back();
    await oneEvent(window, 'popstate');
    await a.updateComplete;
    expect(a.view).to.equal('list');
  });

  it('survives hostile and malformed parameters', async () => {
    const hostile = '?x-q=%E0%A4%A&x-cat=%3Cscript%3E&x-view=%22%3E%3Csvg%3E&x-month=2026-13&x-from=javascript:alert(1)&x-event=../../etc';
    history.replaceState(null, '', `${location.pathname}${hostile}`);
    const el = await list(html`<event-list id="x" sync-url controls="search categories" when="all" time-zone=${ZONE}></event-list>`);
    expect(el.view).to.equal('list');
    expect(el.month).to.equal('');
    expect($(el, 'svg, script')).to.equal(null);
    expect(cardTitles(el)).to.deep.equal([]);
    expect($(el, '[part~="empty"]')).to.exist;
  });
});

describe('event details', () => {
  it('open in place with the address, a map link, the source and add-to-calendar links', async () => {
    const el = await list(html`<event-list when="all" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = $<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    setTimeout(() => card.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click());
    await oneEvent(el, 'event-card-select');
    await waitUntil(() => card.shadowRoot!.querySelector('.calendar a'), 'calendar links');
    const details = card.shadowRoot!.querySelector('[part~="details"]')!;
    expect(details.textContent).to.contain('Möllevångstorget, Malmö');
    expect(details.textContent).to.contain('example.org');
    const map = details.querySelector('a')!;
    expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=55.591&mlon=13.009#map=17/55.591/13.009');
    const links = [...card.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.calendar a')].map((a) => new URL(a.href).host);
    expect(links).to.deep.equal(['calendar.google.com', 'outlook.live.com']);
    expect(card.shadowRoot!.querySelector('.calendar button')!.textContent).to.match(/\.ics/);
    await expect(el).to.be.accessible();
  });

  it('open in a dialog with details="dialog"', async () => {
    const el = await list(html`<event-list when="all" details="dialog" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = $<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(card.expanded).to.equal(false);
    const inside = dialog.querySelector<EventCardElement>('event-card')!;
    expect(inside.expanded).to.equal(true);
    expect(inside.event!.title).to.equal('Marsch');
    await inside.updateComplete;
    const insidePart = (name: string) => getComputedStyle(inside.shadowRoot!.querySelector(`[part~="${name}"]`)!);
    // The dialog is the card's frame, and the page's card__* rules reach the card in it.
    expect([insidePart('base').borderTopWidth, insidePart('base').paddingTop]).to.deep.equal(['0px', '0px']);
    const pageRules = document.createElement('style');
    pageRules.textContent = 'event-list::part(card__title) { color: rgb(1, 2, 3); } event-list::part(card__base) { padding: 7px; }';
    document.head.append(pageRules);
    try {
      expect(insidePart('title').color).to.equal('rgb(1, 2, 3)');
      expect(insidePart('base').paddingTop).to.equal('7px');
    } finally {
      pageRules.remove();
    }
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('.dialog-close button')!.click();
    await waitUntil(() => !$(el, 'dialog'), 'dialog closed');
  });

  // Written as a CMS shortcode writes it, `="false"` means false (HTML alone would read true).
  for (const [attribute, hidden] of [['no-add-to-calendar', true], ['no-add-to-calendar=""', true], ['no-add-to-calendar="true"', true], ['no-add-to-calendar="false"', false], ['no-add-to-calendar=" FALSE "', false]] as const) {
    it(`${hidden ? 'hides' : 'shows'} add-to-calendar with ${attribute}`, async () => {
      const el = await fixture<EventListElement>(`<event-list when="all" search="marsch" ${attribute}></event-list>`);
      el.events = DECEMBER;
      await el.updateComplete;
      const card = $<EventCardElement>(el, 'event-card')!;
      card.expanded = true;
      await card.updateComplete;
      if (!hidden) await waitUntil(() => card.shadowRoot!.querySelector('.calendar'), 'add-to-calendar links');
      await aTimeout(50);
      expect(Boolean(card.shadowRoot!.querySelector('.calendar'))).to.equal(!hidden);
      expect(card.getAttribute('expanded'), 'expanded reflects as a plain boolean attribute').to.equal('');
    });
  }
});

describe('languages and direction', () => {
  it('loads German strings on demand; an unknown language falls back to English', async () => {
    const de = await list(html`<event-list when="all" lang="de-AT" controls="search"></event-list>`);
    await waitUntil(() => $(de, '.count')!.textContent!.includes('Veranstaltung'), 'German loaded');
    const xx = await list(html`<event-list when="all" lang="xx" controls="search"></event-list>`);
    expect($(xx, '.count')!.textContent).to.equal('5 events');
  });

  it('lays out right to left for Arabic', async () => {
    const el = await list(html`<event-list when="all" lang="ar" controls="search"></event-list>`);
    expect($(el, 'div[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '[part~="toolbar"]')!).direction).to.equal('rtl');
  });
});

describe('structured data', () => {
  it('writes schema.org Events to the light DOM, safe from breakout, unless opted out', async () => {
    const hostile = [...DECEMBER, ev('</script><script>window.__ld=1</script>', '2026-12-20T10:00:00Z')];
    const el = await list(html`<event-list when="all" time-zone=${ZONE}></event-list>`, hostile);
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'structured data');
    const scripts = el.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    const data = JSON.parse(scripts[0].textContent!);
    expect(data).to.have.length(6);
    expect(data[0]['@type']).to.equal('Event');
    expect(data.map((d: {name: string}) => d.name)).to.include('</script><script>window.__ld=1</script>');
    expect((window as {__ld?: number}).__ld).to.equal(undefined);
    el.noStructuredData = true;
    await el.updateComplete;
    await aTimeout(0);
    expect(el.querySelector('script')).to.equal(null);
  });
});

describe('accessibility in every view and state, light and dark', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: list with filters applied, month, empty`, async () => {
      const filtered = await list(html`<event-list theme=${theme} when="all" controls="search categories locations dates view" categories="Möte,Aktion"></event-list>`);
      await expect(filtered).to.be.accessible();
      const month = await list(html`<event-list theme=${theme} view="month" month="2026-12" controls="view"></event-list>`);
      await expect(month).to.be.accessible();
      const empty = await list(html`<event-list theme=${theme} controls="search"></event-list>`, []);
      await expect(empty).to.be.accessible();
    });

    it(`${theme}: error, and details open in the dialog`, async () => {
      const failing = await fixture<EventListElement>(html`<event-list theme=${theme} src="/no/such/feed-${theme}.json" lang="en"><a href="/">All events</a></event-list>`);
      await waitUntil(() => $(failing, '[part~="error"]'), 'error shown', {timeout: 5000});
      await expect(failing).to.be.accessible();
      const el = await list(html`<event-list theme=${theme} when="all" details="dialog" search="marsch" lang="en"></event-list>`);
      const card = $<EventCardElement>(el, 'event-card')!;
      await card.updateComplete;
      card.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
      await expect(el).to.be.accessible();
    });
  }
});
