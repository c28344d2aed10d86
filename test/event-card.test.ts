import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../src/event-card.js';
import type {EventCardElement} from '../src/event-card.js';
import type {CalendarEvent} from '../src/lib/events/model.js';
import type {EventCardSelectEvent} from '../src/events.js';
import {part, shadowQuery} from './helpers/page.js';

const base: CalendarEvent = {
  id: 'seed',
  title: 'Bortom Big Tech',
  start: new Date('2023-08-19T13:00:00Z'),
  allDay: false,
  categories: ['Möte', 'Fediversum'],
  locations: ['Stockholm'],
  organizer: 'Kamratdataföreningen Konstellationen',
  url: 'https://example.org/bortom',
  image: 'https://example.org/bild.jpg',
  description: 'Välkommen! '.repeat(30),
  source: 'test',
};

async function card(event: CalendarEvent, attrs: {lang?: string; zone?: string; dateStyle?: string} = {}) {
  return fixture<EventCardElement>(
    html`<event-card .event=${event} lang=${attrs.lang ?? 'sv'} time-zone=${attrs.zone ?? 'Europe/Stockholm'} date-style=${attrs.dateStyle ?? 'full'}></event-card>`
  );
}

describe('<event-card>', () => {
  it('follows lang when it changes after the first draw', async () => {
    const el = await card(base, {lang: 'en'});
    expect(part(el, 'date')!.textContent).to.equal('Sat, Aug 19, 2023, 3:00 PM GMT+2');
    el.setAttribute('lang', 'sv');
    // While Swedish loads the card draws nothing (it never flashes a half-translated card): no date yet is not done yet.
    await waitUntil(() => part(el, 'date')?.textContent?.includes('Sat,') === false, 'the card did not follow its lang');
    await el.updateComplete;
    const swedish = await card(base, {lang: 'sv'});
    const date = part(el, 'date')!.textContent;
    expect(date).to.equal(part(swedish, 'date')!.textContent);
    expect(date).to.equal('lör 19 aug 2023 15:00 CEST');
    expect(part(el, 'link')!.textContent).to.equal(part(swedish, 'link')!.textContent);
  });

  it('works alone with .event and exposes every documented part', async () => {
    const el = await card(base);
    for (const name of ['base', 'title', 'date', 'location', 'organizer', 'categories', 'description', 'image', 'link', 'actions']) {
      expect(part(el, name), name).to.exist;
    }
    expect(part(el, 'base')!.tagName).to.equal('ARTICLE');
    expect(part(el, 'title')!.tagName).to.equal('H3');
    expect(part(el, 'image')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(part(el, 'image')!.getAttribute('loading')).to.equal('lazy');
    expect(part(el, 'link')!.getAttribute('rel')).to.equal('noopener noreferrer');
    // It opens a new tab: the arrow shows it, and screen readers are told.
    expect(part<HTMLAnchorElement>(el, 'link')!.target).to.equal('_blank');
    expect(part(el, 'link')!.querySelector('.visually-hidden')!.textContent).to.equal(': Bortom Big Tech (öppnas i en ny flik)');
    await expect(el).to.be.accessible();
  });

  describe('reads dates naturally in the reader’s language', () => {
    const day = (iso: string) => new Date(iso);
    // The reader is in UTC (web-test-runner.config.mjs) and the card shows Stockholm's time, so
    // timed events carry the zone's name; in the reader's own zone they do not.
    const cases: Array<{name: string; event: Partial<CalendarEvent>; lang: string; dateStyle?: string; zone?: string; text: string; datetime: string}> = [
      {
        name: 'timed, in the reader’s own zone: no zone name',
        event: {end: day('2023-08-19T17:00:00Z')},
        lang: 'sv',
        zone: 'UTC',
        text: 'lör 19 aug 2023 13:00–17:00',
        datetime: '2023-08-19T13:00:00.000Z',
      },
      {
        name: 'timed, in a zone whose clock matches the reader’s then: no zone name',
        event: {start: day('2023-01-14T13:00:00Z')},
        lang: 'en',
        zone: 'Europe/London',
        text: 'Sat, Jan 14, 2023, 1:00 PM',
        datetime: '2023-01-14T13:00:00.000Z',
      },
      {
        name: 'timed, London in summer is not UTC',
        event: {},
        lang: 'en',
        zone: 'Europe/London',
        text: 'Sat, Aug 19, 2023, 2:00 PM GMT+1',
        datetime: '2023-08-19T13:00:00.000Z',
      },
      {name: 'timed, no end', event: {}, lang: 'sv', text: 'lör 19 aug 2023 15:00 CEST', datetime: '2023-08-19T13:00:00.000Z'},
      {
        name: 'timed, same day',
        event: {end: day('2023-08-19T17:00:00Z')},
        lang: 'sv',
        text: 'lör 19 aug 2023 15:00–19:00 CEST',
        datetime: '2023-08-19T13:00:00.000Z',
      },
      {name: 'all-day, one day', event: {allDay: true, start: day('2023-09-24T22:00:00Z')}, lang: 'sv', text: 'mån 25 sep 2023', datetime: '2023-09-25'},
      {
        name: 'all-day, three days',
        event: {allDay: true, start: day('2023-09-24T22:00:00Z'), end: day('2023-09-27T22:00:00Z')},
        lang: 'sv',
        text: '25–27 sep 2023',
        datetime: '2023-09-25',
      },
      {
        name: 'English',
        event: {end: day('2023-08-19T17:00:00Z')},
        lang: 'en',
        text: 'Sat, Aug 19, 2023, 3:00 – 7:00 PM GMT+2',
        datetime: '2023-08-19T13:00:00.000Z',
      },
      {
        name: 'time only under a day heading',
        event: {end: day('2023-08-19T17:00:00Z')},
        lang: 'sv',
        dateStyle: 'time',
        text: '15:00–19:00 CEST',
        datetime: '2023-08-19T13:00:00.000Z',
      },
      {
        name: 'all day under a day heading',
        event: {allDay: true, start: day('2023-09-24T22:00:00Z')},
        lang: 'sv',
        dateStyle: 'time',
        text: 'Heldag',
        datetime: '2023-09-25',
      },
    ];
    it('runs in a UTC reader zone', () => expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.match(/^(UTC|Etc\/UTC)$/));
    for (const {name, event, lang, dateStyle, zone, text, datetime} of cases) {
      it(name, async () => {
        const el = await card({...base, ...event}, {lang, dateStyle, zone});
        const time = part<HTMLTimeElement>(el, 'date')!;
        expect(time.textContent).to.equal(text);
        expect(time.dateTime).to.equal(datetime);
      });
    }
  });

  it('expands the description and fires event-card-select', async () => {
    const el = await card(base);
    const toggle = shadowQuery<HTMLButtonElement>(el, 'button.toggle')!;
    expect(part(el, 'description')!.classList.contains('excerpt')).to.equal(true);
    const selecting = oneEvent<EventCardSelectEvent>(el, 'event-card-select');
    toggle.click();
    const selected = await selecting;
    expect(selected.event.id).to.equal('seed');
    await el.updateComplete;
    expect(part(el, 'description')!.classList.contains('excerpt')).to.equal(false);
    expect(toggle.textContent!.trim()).to.equal('Visa mindre: Bortom Big Tech');
  });

  it('marks a cancelled event in words, not only with a line', async () => {
    const el = await card({...base, status: 'cancelled'});
    expect(shadowQuery(el, '.status')!.textContent).to.equal('Inställt');
    expect(getComputedStyle(part(el, 'title')!).textDecorationLine).to.equal('line-through');
    await expect(el).to.be.accessible();
  });

  it('marks a tentative (or postponed) event in words, and a confirmed one not at all', async () => {
    const tentative = await card({...base, status: 'tentative'});
    expect(shadowQuery(tentative, '.status')!.textContent).to.equal('Ej bekräftat');
    expect(getComputedStyle(part(tentative, 'title')!).textDecorationLine).to.equal('none');
    const confirmed = await card({...base, status: 'confirmed'});
    expect(shadowQuery(confirmed, '.status')).to.equal(null);
    await expect(tentative).to.be.accessible();
  });

  it('renders nothing without an event', async () => {
    const el = await fixture<EventCardElement>(html`<event-card></event-card>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('runs the excerpt\'s lines together, so no paragraph ends a clamped line with "…" after its full stop', async () => {
    const description = `Välkommen!\nTa med en vän.\n${'Sedan pratar vi länge om allt möjligt. '.repeat(8)}`;
    const el = await card({...base, description});
    const excerpt = part(el, 'description')!;
    expect(excerpt.classList.contains('excerpt')).to.equal(true);
    const text =
      excerpt.firstChild!.nodeType === Node.TEXT_NODE
        ? excerpt.firstChild!
        : [...excerpt.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Välkommen'))!;
    const top = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      return Math.round(range.getClientRects()[0].top);
    };
    const value = text.textContent!;
    // "Ta med en vän." sits on the first line beside "Välkommen!", not on a line of its own.
    expect(top(value.indexOf('Ta med'), value.indexOf('Ta med') + 6)).to.equal(top(0, 9));
  });

  describe('a plain description', () => {
    const description = [
      'Välkommen på cykelkarneval!',
      'Läs mer: https://www.cykelkarnevalen.se/ eller gnistor.se.',
      'Anmälan? Maila tatillbakaframtiden@protonmail.com',
      '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) "https://evil.example/"onclick="alert(1)"',
    ].join('\n');

    it('shows each line as a paragraph and its addresses as links, built as nodes', async () => {
      const el = await card({...base, description, descriptionHtml: undefined});
      part<HTMLButtonElement>(el, 'actions')!.querySelector<HTMLButtonElement>('button.toggle')!.click();
      await el.updateComplete;
      const text = part(el, 'description')!;
      expect([...text.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(description.split('\n'));
      const links = [...text.querySelectorAll('a')];
      const hrefs = links.map((a) => a.getAttribute('href')!);
      expect(hrefs.slice(0, 3)).to.deep.equal(['https://www.cykelkarnevalen.se/', 'http://gnistor.se/', 'mailto:tatillbakaframtiden@protonmail.com']);
      // The quotes stay inside the address, encoded: they cannot end the attribute.
      expect(hrefs[3]).to.match(/^https:\/\/evil\.example\//);
      expect(hrefs).to.have.length(4);
      for (const href of hrefs) expect(href).not.to.contain('"');
      for (const a of links) {
        const web = a.getAttribute('href')!.startsWith('http');
        // As the sanitiser does for links in HTML descriptions: other sites in a new tab, without the referrer.
        expect(a.getAttributeNames().sort(), a.href).to.deep.equal(web ? ['href', 'rel', 'target'] : ['href']);
        if (web) expect([a.target, a.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
      }
      expect(text.querySelector('script, img, [onclick], [onerror]'), 'feed text stays text').to.equal(null);
      expect(text.textContent).to.contain('<script>alert(1)</script>');
      await expect(el).to.be.accessible();
    });

    it('keeps search marks inside a link', async () => {
      const el = await card({...base, description: 'Se https://www.cykelkarnevalen.se/program'});
      el.highlight = ['karneval'];
      await el.updateComplete;
      await waitUntil(() => part(el, 'description')!.querySelector('a'), 'linked');
      expect(part(el, 'description')!.querySelector('a mark')!.textContent).to.equal('karneval');
    });
  });
});
