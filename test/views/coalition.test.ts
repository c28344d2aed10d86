/**
 * A coalition calendar (issue 19, item 1): three organisations' feeds as `<event-source>`
 * children. Each card and month-grid entry names its source, with its colour beside the label;
 * an event in two feeds credits both; the filter bar offers the sources as chips; a failed source
 * says so on its chip while the others show; hostile labels and colours stay text and are
 * ignored; thousands of sources stay bounded. Real feeds served by the test runner.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventCardElement} from '../../src/event-card.js';
import {SOURCE_PALETTE} from '../../src/lib/show/sources.js';
import {cards, part, parts, shadowQuery, shadowQueryAll} from '../helpers/page.js';
import {calendarEvent, DECEMBER} from '../helpers/december.js';
import {RUN} from '../network/helpers.js';

const UNION = '/test/fixtures/coalition/union.json';
const TENANTS = '/test/fixtures/coalition/tenants.json';
const CIRCLE = '/test/fixtures/coalition/circle.json';

/** A list of the three feeds (the third failing when `failing`), loaded and drawn with its on-demand code. */
async function coalition(attributes: {controls?: string; view?: string; failing?: boolean; syncUrl?: boolean} = {}) {
  const el = await fixture<EventListElement>(html`<event-list time-zone="Europe/Stockholm" lang="en" month="2026-12" id="coal"
      controls=${attributes.controls ?? ''} view=${attributes.view ?? 'list'} ?sync-url=${attributes.syncUrl}>
      <event-source src=${UNION} label="Union branch" color="#b5179e"></event-source>
      <event-source src=${TENANTS} label="Tenants' Union"></event-source>
      <event-source src=${attributes.failing ? `/fault/404/coalition-${RUN}` : CIRCLE} label="Study circle"></event-source>
    </event-list>`);
  if (!el.events.length || el.shadowRoot!.querySelector('[part~="status"][aria-busy="true"]')) await oneEvent(el, 'event-list-load');
  await waitUntil(() => (el.view === 'month' ? shadowQuery(el, 'li.entry.sourced') : shadowQuery(el, '[part~="sources"]')), 'source chips drawn', {timeout: 5000});
  await waitUntil(() => !el.controls || shadowQuery(el, '[role="search"]'), 'filter bar drawn', {timeout: 5000});
  await el.updateComplete;
  for (const card of cards(el)) await card.updateComplete;
  return el;
}

const cardOf = (el: EventListElement, title: string) => cards(el).find((card) => card.event!.title === title)!;
/** The source chips a card shows (in the list's shadow root, slotted into the card), as their text. */
const chipsOf = (card: EventCardElement) => [...card.querySelectorAll('[part~="source"]')].map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
const HOSTILE_LABEL = '</style><img src=x onerror=window.__pwned=1>';
const HOSTILE_COLOUR = 'red;background:url(https://evil.example/x)';
const colourOf = (element: Element) => (element as HTMLElement).style.getPropertyValue('--event-source-color');

describe('a coalition calendar', function () {
  this.timeout(20000);

  it('each card names its source, with its colour beside the label; an event in two feeds credits both', async () => {
    const el = await coalition();
    expect(chipsOf(cardOf(el, 'Rent clinic'))).to.deep.equal(["Tenants' Union"]);
    expect(chipsOf(cardOf(el, 'Union study circle'))).to.deep.equal(['Union branch']);
    // Found in the union's and the tenants' feeds (same global id): one card, both credited.
    expect(cards(el).filter((card) => card.event!.title === 'Strike meeting')).to.have.length(1);
    expect(chipsOf(cardOf(el, 'Strike meeting'))).to.deep.equal(['Union branch', "with Tenants' Union"]);
    const [own, also] = cardOf(el, 'Strike meeting').querySelectorAll('[part~="source"]');
    // The page's own colour for the union; the palette's first for the tenants (no colour given).
    expect(colourOf(own)).to.equal('#b5179e');
    expect(colourOf(also)).to.equal(SOURCE_PALETTE[0]);
    // The chip is shown inside the card (its `source` slot), with a visible swatch before the label.
    const slot = shadowQuery<HTMLSlotElement>(cardOf(el, 'Rent clinic'), 'slot[name="source"]')!;
    expect(slot.assignedElements()).to.have.length(1);
    const chip = cardOf(el, 'Rent clinic').querySelector('[part~="source"]')!;
    expect(getComputedStyle(chip, '::before').backgroundColor).to.equal('rgb(47, 127, 193)');
    expect(chip.getBoundingClientRect().width).to.be.greaterThan(20);
    await expect(el).to.be.accessible();
  });

  it('the details dialog names the sources too', async () => {
    const el = await coalition();
    el.details = 'dialog';
    await el.updateComplete;
    shadowQuery<HTMLButtonElement>(cardOf(el, 'Strike meeting'), 'button.toggle')!.click();
    await waitUntil(() => shadowQuery<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open', {timeout: 5000});
    const card = shadowQuery<HTMLDialogElement>(el, 'dialog')!.querySelector<EventCardElement>('event-card')!;
    expect(chipsOf(card)).to.deep.equal(['Union branch', "with Tenants' Union"]);
  });

  it('the month grid colours each entry by its source and names it', async () => {
    const el = await coalition({view: 'month'});
    const entries = shadowQueryAll(el, 'li.entry.sourced');
    const entry = (title: string) => entries.find((li) => li.querySelector('.name')!.textContent === title)!;
    expect(entry('Rent clinic').querySelector('[part~="source"]')!.textContent).to.equal("Tenants' Union");
    expect(entry('Strike meeting').querySelector('[part~="source"]')!.textContent).to.equal("Union branch · Tenants' Union");
    expect(colourOf(entry('Rent clinic'))).to.equal(SOURCE_PALETTE[0]);
    expect(getComputedStyle(entry('Union study circle').querySelector('button')!).borderInlineStartColor).to.equal('rgb(181, 23, 158)');
    // Multi-day entries too: tinted, text in the text colour (not white on the source colour).
    const fair = entry('Winter fair');
    expect(fair.classList.contains('span')).to.equal(true);
    expect(getComputedStyle(fair.querySelector('button')!).color).to.equal(getComputedStyle(el.shadowRoot!.querySelector('[part~="month"]')!).color);
    await expect(el).to.be.accessible();
  });

  it('the filter bar offers the sources as chips with counts; choosing one shows its events (credited ones too) and goes in the address', async () => {
    history.replaceState(null, '', location.pathname);
    const el = await coalition({controls: 'sources categories', syncUrl: true});
    const chips = parts(el, 'source-chip');
    expect(chips.map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Union branch 3', "Tenants' Union 3", 'Study circle 2']);
    expect(chips.map(colourOf)).to.deep.equal(['#b5179e', SOURCE_PALETTE[0], SOURCE_PALETTE[1]]);
    (chips[1] as HTMLButtonElement).click();
    await oneEvent(el, 'event-list-filter-change');
    expect(el.visibleEvents.map((e) => e.title)).to.deep.equal(['Strike meeting', 'Rent clinic', "Tenants' assembly"]);
    expect(parts(el, 'source-chip')[1].getAttribute('aria-pressed')).to.equal('true');
    expect(new URLSearchParams(location.search).getAll('coal-src')).to.deep.equal([new URL(TENANTS, location.href).href]);
    history.replaceState(null, '', location.pathname);
  });

  it('a source that fails says so on its chip; the others show', async () => {
    const el = await coalition({controls: 'sources', failing: true});
    const failed = parts(el, 'source-chip').find((chip) => chip.classList.contains('failed'))!;
    expect(failed.localName).to.equal('span');
    expect(failed.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Study circle (not loaded)');
    expect(el.visibleEvents.map((e) => e.title)).to.include.members(['Rent clinic', 'Union study circle']);
    expect(part(el, 'error')).to.exist;
  });

  it('hostile labels and colours: labels stay text, colours that are not one plain colour are ignored', async () => {
    const el = await fixture<EventListElement>(html`<event-list time-zone="UTC" lang="en">
      <event-source src=${UNION} label=${HOSTILE_LABEL} color=${HOSTILE_COLOUR}></event-source>
      <event-source src=${TENANTS} label=${'\u202Eevil'} color="expression(alert(1))"></event-source>
    </event-list>`);
    await waitUntil(() => shadowQuery(el, '[part~="sources"]'), 'source chips drawn', {timeout: 5000});
    const chip = cardOf(el, 'Rent clinic').querySelector('[part~="source"]')!;
    expect(colourOf(chip)).to.equal(SOURCE_PALETTE[1]);
    const union = cardOf(el, 'Union study circle').querySelector('[part~="source"]')!;
    expect(union.textContent).to.equal('</style><img src=x onerror=window.__pwned=1>');
    expect(union.querySelector('img')).to.equal(null);
    expect(colourOf(union)).to.equal(SOURCE_PALETTE[0]);
    // Only the custom property is set on the element's style: nothing else got in.
    expect((union as HTMLElement).style.length).to.equal(1);
    expect(getComputedStyle(union).backgroundImage).to.equal('none');
    expect(chip.textContent).to.equal('evil');
    expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
  });

  it('thousands of sources: the filter bar shows a dozen chips and offers the rest in a picker', async () => {
    const events = Array.from({length: 2000}, (_, i) =>
      calendarEvent(`Event ${i}`, `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`, {
        source: `https://s${i}.example/feed.json`,
        sourceLabel: `Group ${i}`,
      })
    );
    const el = await fixture<EventListElement>(html`<event-list time-zone="UTC" lang="en" controls="sources" limit="5"></event-list>`);
    el.events = events;
    await waitUntil(() => shadowQuery(el, '[role="search"]') && parts(el, 'source-chip').length, 'source chips drawn', {timeout: 5000});
    expect(parts(el, 'source-chip')).to.have.length(11);
    const picker = shadowQuery<HTMLSelectElement>(el, 'select.more-sources')!;
    expect(picker.options).to.have.length(1 + 2000 - 11);
    expect(picker.options[0].textContent).to.equal('+1,989 more');
    picker.value = picker.options[5].value;
    picker.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.visibleEvents).to.have.length(1);
    // The chosen source moves to the chips.
    expect(parts(el, 'source-chip')[0].getAttribute('aria-pressed')).to.equal('true');
  });

  it('one source: no chips, and the chips code is not loaded', async () => {
    const el = await fixture<EventListElement>(html`<event-list time-zone="UTC" lang="en" controls="sources"></event-list>`);
    el.events = DECEMBER;
    await waitUntil(() => shadowQuery(el, '[role="search"]'), 'filter bar drawn', {timeout: 5000});
    expect(shadowQuery(el, '[part~="sources"]')).to.equal(null);
    expect(parts(el, 'source-chip')).to.have.length(0);
  });
});
