/**
 * An event's details (views/card-details.ts), opened in place on its card: the address and its
 * map link, the source feed, and the add-to-calendar actions, which `no-add-to-calendar` hides.
 * Details opened in a dialog are in test/views/dialog.test.ts.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventCardElement} from '../../src/event-card.js';
import {DECEMBER, ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

describe('event details', () => {
  it('open in place with the address, a map link and add-to-calendar links (no source: the list has one)', async () => {
    const el = await renderList(html`<event-list when="all" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    const selected = oneEvent(el, 'event-card-select');
    shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
    await selected;
    await waitUntil(() => shadowQuery(card, '.calendar a'), 'calendar links');
    const details = part(card, 'details')!;
    expect(details.textContent).to.contain('Möllevångstorget, Malmö');
    expect(details.textContent, 'one feed: no "Source" on every event').not.to.contain('example.org');
    const map = details.querySelector('a')!;
    expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=55.591&mlon=13.009#map=17/55.591/13.009');
    const links = shadowQueryAll<HTMLAnchorElement>(card, '.calendar a').map((a) => new URL(a.href).host);
    expect(links).to.deep.equal(['calendar.google.com', 'outlook.live.com']);
    expect(shadowQuery(card, '.calendar button')!.textContent).to.match(/\.ics/);
    await expect(el).to.be.accessible();
  });

  it('name the source when the list shows more than one feed', async () => {
    const other = calendarEvent('Föreläsning', '2026-12-15T17:00:00Z', {source: 'https://other.example/cal.ics', sourceLabel: 'Grannföreningen'});
    const el = await renderList(html`<event-list when="all" time-zone=${ZONE} lang="en"></event-list>`, [...DECEMBER, other]);
    for (const [title, source] of [
      ['Marsch', 'example.org'],
      ['Föreläsning', 'Grannföreningen'],
    ]) {
      const card = shadowQueryAll<EventCardElement>(el, 'event-card').find((c) => c.event!.title === title)!;
      card.expanded = true;
      await card.updateComplete;
      await waitUntil(() => part(card, 'details'), 'details drawn');
      // <dt>Source</dt><dd>…</dd> (the colon is drawn by CSS)
      expect(part(card, 'details')!.textContent).to.contain(`Source${source}`);
    }
  });

  // [places, address, coordinates, the map link's search or pin]
  const maps: Array<[string[], string | undefined, [number, number] | undefined, string]> = [
    [['Göteborg', 'Karlstad', 'Stockholm', 'Växjö'], undefined, undefined, 'search?query=G%C3%B6teborg'],
    [['Göteborg', 'Karlstad'], 'Järntorget 3, Göteborg', undefined, 'search?query=J%C3%A4rntorget%203%2C%20G%C3%B6teborg'],
    [['Göteborg', 'Karlstad'], 'Järntorget 3, Göteborg', [57.699, 11.953], '?mlat=57.699&mlon=11.953#map=17/57.699/11.953'],
  ];
  for (const [locations, address, at, expected] of maps) {
    it(`map link for ${JSON.stringify({locations, address, at})}: the address or coordinates, else the first place`, async () => {
      const place = address || at ? {address, lat: at?.[0], lon: at?.[1]} : undefined;
      const el = await renderList(html`<event-list when="all" time-zone=${ZONE} lang="en"></event-list>`, [
        calendarEvent('Turné', '2026-12-16T17:00:00Z', {locations, place}),
      ]);
      const card = shadowQuery<EventCardElement>(el, 'event-card')!;
      card.expanded = true;
      await card.updateComplete;
      await waitUntil(() => part(card, 'details'), 'details drawn');
      const map = part(card, 'details')!.querySelector('a')!;
      expect(map.href).to.equal(`https://www.openstreetmap.org/${expected}`);
    });
  }

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
