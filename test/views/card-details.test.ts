/**
 * An event's details (views/card-details.ts), opened in place on its card: the address and its
 * map link, the source feed, and the add-to-calendar actions, which `no-add-to-calendar` hides.
 * Details opened in a dialog are in test/views/dialog.test.ts.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventCardElement} from '../../src/event-card.js';
import {DECEMBER, ZONE, renderList} from '../helpers/december.js';
import {part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

describe('event details', () => {
  it('open in place with the address, a map link, the source and add-to-calendar links', async () => {
    const el = await renderList(html`<event-list when="all" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    const selected = oneEvent(el, 'event-card-select');
    shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
    await selected;
    await waitUntil(() => shadowQuery(card, '.calendar a'), 'calendar links');
    const details = part(card, 'details')!;
    expect(details.textContent).to.contain('Möllevångstorget, Malmö');
    expect(details.textContent).to.contain('example.org');
    const map = details.querySelector('a')!;
    expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=55.591&mlon=13.009#map=17/55.591/13.009');
    const links = shadowQueryAll<HTMLAnchorElement>(card, '.calendar a').map((a) => new URL(a.href).host);
    expect(links).to.deep.equal(['calendar.google.com', 'outlook.live.com']);
    expect(shadowQuery(card, '.calendar button')!.textContent).to.match(/\.ics/);
    await expect(el).to.be.accessible();
  });

  // Written as a CMS shortcode writes it, `="false"` means false (HTML alone would read true).
  for (const [attribute, hidden] of [
    ['no-add-to-calendar', true],
    ['no-add-to-calendar=""', true],
    ['no-add-to-calendar="true"', true],
    ['no-add-to-calendar="false"', false],
    ['no-add-to-calendar=" FALSE "', false],
  ] as const) {
    it(`${hidden ? 'hides' : 'shows'} add-to-calendar with ${attribute}`, async () => {
      const el = await fixture<EventListElement>(`<event-list when="all" search="marsch" ${attribute}></event-list>`);
      el.events = DECEMBER;
      await el.updateComplete;
      const card = shadowQuery<EventCardElement>(el, 'event-card')!;
      card.expanded = true;
      await card.updateComplete;
      if (!hidden) await waitUntil(() => shadowQuery(card, '.calendar'), 'add-to-calendar links');
      // The details are drawn: the add-to-calendar actions come with them or not at all.
      await waitUntil(() => part(card, 'details'), 'details drawn');
      expect(Boolean(shadowQuery(card, '.calendar'))).to.equal(!hidden);
      expect(card.getAttribute('expanded'), 'expanded reflects as a plain boolean attribute').to.equal('');
    });
  }
});
