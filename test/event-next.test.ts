/**
 * `<event-next>` (issue 19, item 3): the next event (or `count`) of a feed with the list's filter
 * attributes, in one line or a small card, linking to the event's page or to `href`, "nothing
 * upcoming" in the reader's language, fallback content while loading and on error, and one
 * request per feed for a page with lists and badges of it. Real feeds served by the test runner.
 */
import {expect, fixture, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../src/index.js';
import type {EventNextElement} from '../src/event-next.js';
import type {EventListElement} from '../src/event-list.js';
import {part, parts} from './helpers/page.js';
import {RUN, hitsOf} from './network/helpers.js';
import {de as deStrings} from '../src/lib/locales/de.js';

const UNION = '/test/fixtures/coalition/union.json';
const TENANTS = '/test/fixtures/coalition/tenants.json';

/** An `<event-next>` once its code is here (the entry loads it on demand) and its feeds have been read. */
async function badge(template: ReturnType<typeof html>): Promise<EventNextElement> {
  const el = fixtureSync<HTMLElement>(template) as EventNextElement;
  // Every source read (a first look, or the first of two sources, draws before that).
  await oneEvent(el, 'event-list-load');
  await customElements.whenDefined('event-next');
  await waitUntil(() => el.shadowRoot && part(el, 'base'), 'badge drawn', {timeout: 5000});
  await el.updateComplete;
  return el;
}
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('<event-next>', function () {
  this.timeout(20000);

  it('is defined on demand: its code arrives when the page has one', async () => {
    expect(customElements.get('event-next')).to.equal(undefined);
    const el = await badge(html`<event-next src=${UNION} lang="en" time-zone="Europe/Stockholm"></event-next>`);
    expect(el.constructor.name).to.equal('EventNextElement');
  });

  it('one line: the date, the time and the title of the next event', async () => {
    const el = await badge(html`<event-next src=${UNION} lang="en-GB" time-zone="UTC"></event-next>`);
    expect(text(part(el, 'base'))).to.equal('3 Dec 17:00 · Strike meeting');
    expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2026-12-03T17:00:00.000Z');
    // No page for the event, no href: text, not a link.
    expect(part(el, 'link')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("takes the list's filters; count gives several; href links each to the calendar page", async () => {
    const el = await badge(html`<event-next src=${UNION} categories="study, culture" count="2" href="/calendar" lang="en-GB" time-zone="UTC"></event-next>`);
    expect(parts(el, 'item').map(text)).to.deep.equal(['8 Dec 17:30 · Union study circle', '12 Dec · Winter fair']);
    expect(parts(el, 'link').map((a) => a.getAttribute('href'))).to.deep.equal(['/calendar', '/calendar']);
    await expect(el).to.be.accessible();
  });

  it('a small card (density="comfortable") with the full date, the title linking to the event page, and the place', async () => {
    const src = `/fault/ok/next-card-${RUN}`;
    const el = await badge(html`<event-next src=${src} density="comfortable" lang="sv" time-zone="UTC"></event-next>`);
    const item = part(el, 'item')!;
    expect(text(item.querySelector('[part~="title"]'))).to.equal(`First next-card-${RUN}`);
    expect(text(part(el, 'location'))).to.equal('Folkets hus');
    expect(text(part(el, 'date'))).to.match(/1 jan 2030 17:00/);
    // No page for this event: the title is text. One with a page links to it.
    expect(part(el, 'link')).to.equal(null);
    const linked = await badge(html`<event-next src=${UNION} categories="study" density="comfortable" lang="en-GB" time-zone="UTC"></event-next>`);
    expect(part(linked, 'link')!.getAttribute('href')).to.equal('https://union.example/events/study-circle');
    expect(text(part(linked, 'link'))).to.equal('Union study circle');
    await expect(el).to.be.accessible();
  });

  it("nothing upcoming: says so in the reader's language (and links to href)", async () => {
    const el = await badge(html`<event-next src=${UNION} search="no such event" lang="sv" href="/kalender"></event-next>`);
    expect(text(part(el, 'empty'))).to.equal('Inga kommande evenemang just nu.');
    expect(part(el, 'link')!.getAttribute('href')).to.equal('/kalender');
    const de = await badge(html`<event-next src=${UNION} to="+1 day" lang="de"></event-next>`);
    // Nothing within a day of TEST_NOW: the German sentence.
    expect(text(part(de, 'empty'))).to.equal(deStrings.noUpcoming);
  });

  it('shows its fallback content while loading and when the feed cannot be read', async () => {
    const el = fixtureSync<HTMLElement>(
      html`<event-next src=${`/fault/404/next-${RUN}`} lang="en"><a href="/calendar">Calendar</a></event-next>`
    ) as EventNextElement;
    await customElements.whenDefined('event-next');
    await oneEvent(el, 'event-list-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('slot:not([name])')).to.exist;
    expect(part(el, 'base')).to.equal(null);
  });

  it('<event-source> children work as in a list, merged', async () => {
    const el = await badge(html`<event-next lang="en-GB" time-zone="UTC" count="2">
      <event-source src=${UNION}></event-source><event-source src=${TENANTS}></event-source>
    </event-next>`);
    expect(parts(el, 'item').map(text)).to.deep.equal(['3 Dec 17:00 · Strike meeting', '5 Dec 11:00 · Rent clinic']);
  });

  it('several badges and a list of one feed on a page share one request', async () => {
    const src = `/fault/ok/next-shared-${RUN}`;
    const holder = await fixture<HTMLElement>(html`<div>
      <event-next src=${src} lang="en"></event-next>
      <event-list src=${src} lang="en"></event-list>
      <event-next src=${src} count="2" lang="en"></event-next>
      <event-next src=${src} density="comfortable" lang="en"></event-next>
    </div>`);
    const list = holder.querySelector<EventListElement>('event-list')!;
    await customElements.whenDefined('event-next');
    const badges = [...holder.querySelectorAll<EventNextElement>('event-next')];
    await waitUntil(() => list.events.length && badges.every((b) => b.shadowRoot && part(b, 'base')), 'all drawn', {timeout: 5000});
    expect(badges.map((b) => b.nextEvents.length)).to.deep.equal([1, 2, 1]);
    expect((await hitsOf(src)).hits).to.equal(1);
  });
});
