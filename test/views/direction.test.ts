/**
 * Right to left, and feed text isolated from the UI around it (issue 16, item 6): an Arabic page
 * with Swedish events and a Swedish page with Arabic events. The UI strings are the page's
 * language, the layout follows its direction, and each piece of feed text (titles, descriptions,
 * places, organisers, categories, month-grid entries, the source) takes its own direction
 * (`dir="auto"` or `<bdi>`), so "?Bortom Big Tech" and "events 6" do not happen.
 */
import {expect, html} from '@open-wc/testing';
import {ar} from '../../src/lib/locales/ar.js';
import {sv} from '../../src/lib/locales/sv.js';
import {withFallback} from '../../src/lib/i18n.js';
import {calendarEvent, renderList, ZONE} from '../helpers/december.js';
import {cards, part, shadowQuery, shadowQueryAll} from '../helpers/page.js';
import '../../src/index.js';

const SWEDISH = [
  calendarEvent('Bortom Big Tech?', '2026-12-02T17:30:00Z', {
    locations: ['Folkets hus, Göteborg'],
    organizer: 'Gnistor',
    categories: ['Studiecirkel'],
    description: 'Hur bygger vi egna verktyg? Välkomna!',
  }),
  calendarEvent('Julmarknad', '2026-12-12T10:00:00Z', {locations: ['Möllan, Malmö']}),
];

const ARABIC = [
  calendarEvent('أمسية شعرية: فلسطين في القلب', '2026-12-03T17:00:00Z', {
    locations: ['المركز الثقافي، مالمو'],
    organizer: 'جمعية الصداقة',
    categories: ['ثقافة'],
    description: 'قراءات شعرية وموسيقى. الدخول مجاني!',
  }),
  calendarEvent('دورة لغة سويدية', '2026-12-05T10:00:00Z', {locations: ['ستوكهولم']}),
];

const direction = (el: Element) => getComputedStyle(el).direction;

describe('an Arabic page with Swedish events', () => {
  it('speaks Arabic, right to left, and each Swedish text reads left to right', async () => {
    const el = await renderList(html`<event-list lang="ar" time-zone=${ZONE} when="all"></event-list>`, SWEDISH);
    const root = shadowQuery(el, '[dir]')!;
    expect(root.getAttribute('dir')).to.equal('rtl');
    expect(direction(part(el, 'toolbar')!)).to.equal('rtl');
    expect(part(el, 'toolbar')!.textContent!.trim()).to.equal(withFallback(ar, 'ar').resultCount(2));
    expect(part(el, 'toolbar')!.textContent!.trim()).to.equal('فعاليتان');

    const card = cards(el)[0];
    await card.updateComplete;
    const title = part(card, 'title')!;
    expect(title.getAttribute('dir')).to.equal('auto');
    expect(direction(title), 'a Swedish title in an Arabic page').to.equal('ltr');
    expect(title.matches(':dir(ltr)')).to.equal(true);
    // The question mark stays at the end of the Swedish title: the title is its own paragraph, left to right.
    expect(title.textContent).to.equal('Bortom Big Tech?');
    const place = part(card, 'location')!.querySelector('bdi')!;
    expect(place.textContent).to.equal('Folkets hus, Göteborg');
    expect(place.matches(':dir(ltr)')).to.equal(true);
    expect(part(card, 'location')!.matches(':dir(rtl)'), 'the place line itself is the page’s').to.equal(true);
    expect(part(card, 'organizer')!.querySelector('bdi')!.textContent).to.equal('Gnistor');
    expect(part(card, 'categories')!.querySelector('li')!.getAttribute('dir')).to.equal('auto');
    expect(part(card, 'description')!.getAttribute('dir')).to.equal('auto');
    expect(direction(part(card, 'description')!)).to.equal('ltr');
    // UI strings around the feed text are Arabic, the title inside them isolated.
    const toggle = shadowQuery(card, 'button.toggle')!;
    expect(toggle.textContent).to.contain(ar.readMore);
    expect(toggle.querySelector('bdi')!.textContent).to.equal('Bortom Big Tech?');
    expect(direction(card)).to.equal('rtl');
  });

  it('lays the month grid out right to left: the week starts at the right', async () => {
    const el = await renderList(html`<event-list lang="ar" time-zone=${ZONE} view="month"></event-list>`, SWEDISH);
    const headers = shadowQueryAll(el, 'thead th');
    expect(headers.length).to.equal(7);
    expect(headers[0].getBoundingClientRect().left, 'the first weekday is rightmost').to.be.above(headers[6].getBoundingClientRect().left);
    const name = shadowQuery(el, '.name')!;
    expect(name.getAttribute('dir')).to.equal('auto');
    expect(name.matches(':dir(ltr)')).to.equal(true);
  });
});

describe('a Swedish page with Arabic events', () => {
  it('speaks Swedish, left to right, and each Arabic text reads right to left', async () => {
    const el = await renderList(html`<event-list lang="sv" time-zone=${ZONE} when="all"></event-list>`, ARABIC);
    expect(shadowQuery(el, '[dir]'), 'no dir on a left-to-right page').to.equal(null);
    expect(part(el, 'toolbar')!.textContent!.trim()).to.equal('2 evenemang');
    const card = cards(el)[0];
    await card.updateComplete;
    const title = part(card, 'title')!;
    expect(direction(title), 'an Arabic title in a Swedish page').to.equal('rtl');
    expect(title.getBoundingClientRect().right, 'aligned at its start, the right').to.be.closeTo(
      part(card, 'base')!.querySelector('.body')!.getBoundingClientRect().right,
      24
    );
    const place = part(card, 'location')!.querySelector('bdi')!;
    expect(place.textContent).to.equal('المركز الثقافي، مالمو');
    expect(place.matches(':dir(rtl)')).to.equal(true);
    expect(part(card, 'location')!.matches(':dir(ltr)')).to.equal(true);
    expect(direction(part(card, 'description')!)).to.equal('rtl');
    const toggle = shadowQuery(card, 'button.toggle')!;
    expect(toggle.textContent).to.contain(sv.readMore);
    expect(toggle.querySelector('bdi')!.matches(':dir(rtl)')).to.equal(true);
  });
});
