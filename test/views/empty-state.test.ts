/**
 * No dead ends (issue 16): an empty list says why in words that do not blame filters the visitor
 * did not set, keeps the page's fallback content, and offers the past events; "no events match"
 * only when the visitor's own filters emptied it, next to "Clear filters". And `when="all"`:
 * upcoming first, then the past events newest first under a heading of their own.
 * The clock is TEST_NOW (27 November 2026, noon UTC); the events are dated around it.
 */
import {expect, html} from '@open-wc/testing';
import '../../src/event-list.js';
import type {EventListElement} from '../../src/event-list.js';
import {calendarEvent, renderList, ZONE} from '../helpers/december.js';
import {cardTitles, part, parts, shadowQuery} from '../helpers/page.js';

/** Three past events (October–November 2026), none upcoming. */
const PAST = [
  calendarEvent('Oktobermöte', '2026-10-08T17:00:00Z', {categories: ['Möte']}),
  calendarEvent('Novembermöte', '2026-11-12T17:00:00Z', {categories: ['Möte']}),
  calendarEvent('Bokcirkel', '2026-11-20T17:00:00Z', {categories: ['Cirkel']}),
];
/** Two upcoming, one ongoing (started yesterday, ends tomorrow), and the past ones. */
const MIXED = [
  ...PAST,
  calendarEvent('Julmarknad', '2026-12-12T10:00:00Z'),
  calendarEvent('Adventsfika', '2026-11-29T14:00:00Z'),
  calendarEvent('Utställning', '2026-11-26T09:00:00Z', {end: new Date('2026-11-28T17:00:00Z')}),
];

const emptyText = (el: EventListElement) => shadowQuery(el, '[part~="empty"] slot[name="empty"]')!.textContent!.trim();
const switchIn = (el: EventListElement, where: string) => shadowQuery<HTMLButtonElement>(el, `${where} [part~="switch"]`);
/** The fallback child is slotted into a shown default slot. */
const fallbackShown = (el: EventListElement) => {
  const slot = shadowQuery<HTMLSlotElement>(el, '.fallback slot:not([name])');
  return Boolean(
    slot && slot.assignedElements().some((child) => child.matches('a.fallback-link')) && el.querySelector('a.fallback-link')!.getBoundingClientRect().height > 0
  );
};

describe('the empty state', () => {
  it('with only past events: says nothing is upcoming, keeps the fallback, offers the past events newest first, and switches back', async () => {
    const el = await renderList(html`<event-list time-zone=${ZONE}><a class="fallback-link" href="https://example.org/calendar">All events</a></event-list>`, PAST);
    expect(emptyText(el)).to.equal('No upcoming events right now.');
    expect(part(el, 'empty')!.textContent).not.to.contain('match');
    expect(fallbackShown(el)).to.equal(true);
    await expect(el).to.be.accessible();

    const past = switchIn(el, '[part~="empty"]')!;
    expect(past.textContent!.trim()).to.equal('Past events');
    past.click();
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Bokcirkel', 'Novembermöte', 'Oktobermöte']);
    expect(part(el, 'empty')).to.equal(null);
    await expect(el).to.be.accessible();

    const back = parts<HTMLButtonElement>(el, 'switch').find((button) => button.textContent!.trim() === 'Upcoming events')!;
    expect(back).to.exist;
    back.click();
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal([]);
    expect(emptyText(el)).to.equal('No upcoming events right now.');
    expect(switchIn(el, '[part~="empty"]')).to.exist;
  });

  it('offers no "Past events" when there are none', async () => {
    const el = await renderList(html`<event-list time-zone=${ZONE}></event-list>`, []);
    expect(emptyText(el)).to.equal('No upcoming events right now.');
    expect(switchIn(el, '[part~="empty"]')).to.equal(null);
  });

  it('when the page’s own filters leave nothing: the same words, not "no events match"', async () => {
    for (const attributes of [{categories: 'Möte'}, {search: 'nothing matches this'}, {locations: 'Luleå'}]) {
      const el = await renderList(html`<event-list time-zone=${ZONE}></event-list>`, MIXED);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      await el.updateComplete;
      expect(emptyText(el), JSON.stringify(attributes)).to.equal('No upcoming events right now.');
    }
    // The past events offered are the ones the page's filter allows.
    const el = await renderList(html`<event-list time-zone=${ZONE} categories="Möte"></event-list>`, MIXED);
    switchIn(el, '[part~="empty"]')!.click();
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Novembermöte', 'Oktobermöte']);
  });

  it('"No events match" only when the visitor’s own filters emptied the list, with "Clear filters" that restores it', async () => {
    const el = await renderList(html`<event-list time-zone=${ZONE} controls="search categories dates"></event-list>`, MIXED);
    expect(cardTitles(el)).to.deep.equal(['Utställning', 'Adventsfika', 'Julmarknad']);
    el['filters'].choose({search: 'nothing matches this'});
    await el.updateComplete;
    expect(emptyText(el)).to.equal('No events match these filters.');
    expect(shadowQuery(el, '.fallback')).to.equal(null);
    await expect(el).to.be.accessible();
    const clear = switchIn(el, '[part~="empty"]')!;
    expect(clear.textContent!.trim()).to.equal('Clear filters');
    clear.click();
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Utställning', 'Adventsfika', 'Julmarknad']);
    expect(el['filters'].visitor.search).to.equal('');
  });

  it('a date range the visitor picks wins over when="upcoming": a past "from" shows the past events in it', async () => {
    const el = await renderList(html`<event-list time-zone=${ZONE} controls="dates"></event-list>`, MIXED);
    const from = shadowQuery<HTMLInputElement>(el, 'input[type="date"]')!;
    from.value = '2026-11-01';
    from.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // Upcoming and ongoing first, then the past ones in the range, newest first.
    expect(cardTitles(el)).to.deep.equal(['Utställning', 'Adventsfika', 'Julmarknad', 'Bokcirkel', 'Novembermöte']);
    el['filters'].choose({from: '2026-10-01', to: '2026-10-31'});
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Oktobermöte']);
  });

  it('is in the page’s language', async () => {
    const el = await renderList(html`<event-list lang="sv" time-zone=${ZONE}></event-list>`, PAST);
    expect(emptyText(el)).to.equal('Inga kommande evenemang just nu.');
    expect(switchIn(el, '[part~="empty"]')!.textContent!.trim()).to.equal('Tidigare evenemang');
  });
});

describe('when="all": upcoming first, then the past', () => {
  it('shows upcoming and ongoing events soonest first, then "Past events" newest first, quieter', async () => {
    const el = await renderList(html`<event-list when="all" time-zone=${ZONE}></event-list>`, MIXED);
    expect(cardTitles(el)).to.deep.equal(['Utställning', 'Adventsfika', 'Julmarknad', 'Bokcirkel', 'Novembermöte', 'Oktobermöte']);
    const past = part(el, 'past')!;
    expect(part(el, 'past-heading')!.textContent!.trim()).to.equal('Past events');
    expect([...past.querySelectorAll('event-card')].map((card) => (card as unknown as {event: {title: string}}).event.title)).to.deep.equal([
      'Bokcirkel',
      'Novembermöte',
      'Oktobermöte',
    ]);
    // The heading comes after every upcoming card.
    const upcomingCards = [...part(el, 'list')!.querySelectorAll('event-card')].filter((card) => !past.contains(card));
    expect(upcomingCards).to.have.length(3);
    for (const card of upcomingCards) expect(card.compareDocumentPosition(part(el, 'past-heading')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    // Quieter: the past cards' dates and titles take the muted colour.
    const date = (card: Element) => getComputedStyle(card.shadowRoot!.querySelector('[part~="date"]')!).color;
    expect(date(past.querySelector('event-card')!)).not.to.equal(date(upcomingCards[0]));
    // Past day headings sit under the "Past events" heading.
    expect(past.querySelector('[part~="group-heading"]')!.getAttribute('aria-level')).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('with group-by="none" too, and without a past heading when nothing is past', async () => {
    const el = await renderList(html`<event-list when="all" group-by="none" time-zone=${ZONE}></event-list>`, MIXED);
    expect(cardTitles(el)).to.deep.equal(['Utställning', 'Adventsfika', 'Julmarknad', 'Bokcirkel', 'Novembermöte', 'Oktobermöte']);
    expect(part(el, 'past')).to.exist;
    el.events = MIXED.slice(3);
    await el.updateComplete;
    expect(part(el, 'past')).to.equal(null);
  });

  it('when="past" is the past part alone, newest first, without the heading', async () => {
    const el = await renderList(html`<event-list when="past" time-zone=${ZONE}></event-list>`, MIXED);
    expect(cardTitles(el)).to.deep.equal(['Bokcirkel', 'Novembermöte', 'Oktobermöte']);
    expect(part(el, 'past-heading')).to.equal(null);
  });
});
