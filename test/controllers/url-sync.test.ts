/**
 * `sync-url` (controllers/url-sync.ts) on real lists: the visitor's state written to the page's
 * address under the element's id, restored from it, back/forward, and an address that is hostile
 * or broken. How the address is read and written is tested without elements in
 * test/lib/url-state.test.ts.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import {DECEMBER, ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {cardTitles, shadowQuery, shadowQueryAll} from '../helpers/page.js';
import type {EventCardElement} from '../../src/event-card.js';

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
    b.events = [...DECEMBER, calendarEvent('Julfest', '2026-12-19T16:00:00Z')];
    await waitUntil(() => cardTitles(b).length === 1 && shadowQuery(a, '[role="search"]'), 'state restored from the address');
    expect(cardTitles(b)).to.deep.equal(['Julfest']);
    await a.updateComplete; // the first screenful is drawn first, the rest after that frame
    expect(cardTitles(a)).to.have.length(5);
    shadowQueryAll<HTMLButtonElement>(a, '[part~="chip"]')
      .find((c) => c.textContent!.includes('Möte'))!
      .click();
    await oneEvent(a, 'event-list-filter-change');
    expect(new URLSearchParams(location.search).getAll('a-cat')).to.deep.equal(['Möte']);
    expect(new URLSearchParams(location.search).get('b-q')).to.equal('fest');
    expect(new URLSearchParams(location.search).get('page')).to.equal('1');
    shadowQueryAll<HTMLButtonElement>(a, '.view-switch button')[1].click();
    await oneEvent(a, 'event-list-filter-change');
    expect(new URLSearchParams(location.search).get('a-view')).to.equal('month');
    history.back();
    await oneEvent(window, 'popstate');
    await a.updateComplete;
    expect(a.view).to.equal('list');
  });

  it('writes <id>-event when details open in place, as the dialog does, and back closes them', async () => {
    const el = await renderList(html`<event-list id="inl" sync-url when="all" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    const toggle = () => shadowQuery<HTMLButtonElement>(card, 'button.toggle')!;
    toggle().click();
    const marsch = DECEMBER.find((event) => event.title === 'Marsch')!;
    await waitUntil(() => new URLSearchParams(location.search).get('inl-event') === marsch.id, 'the open event in the address');
    expect(card.expanded).to.equal(true);
    toggle().click();
    await waitUntil(() => !new URLSearchParams(location.search).has('inl-event'), 'closed: no event in the address');
    toggle().click();
    await waitUntil(() => new URLSearchParams(location.search).get('inl-event') === marsch.id, 'opened again');
    history.back();
    await oneEvent(window, 'popstate');
    await waitUntil(() => !card.expanded, 'back closes the card');
  });

  it('survives hostile and malformed parameters', async () => {
    const hostile = '?x-q=%E0%A4%A&x-cat=%3Cscript%3E&x-view=%22%3E%3Csvg%3E&x-month=2026-13&x-from=javascript:alert(1)&x-event=../../etc';
    history.replaceState(null, '', `${location.pathname}${hostile}`);
    const el = await renderList(html`<event-list id="x" sync-url controls="search categories" when="all" time-zone=${ZONE}></event-list>`);
    expect(el.view).to.equal('list');
    expect(el.month).to.equal('');
    expect(shadowQuery(el, 'svg, script')).to.equal(null);
    expect(cardTitles(el)).to.deep.equal([]);
    expect(shadowQuery(el, '[part~="empty"]')).to.exist;
  });
});
