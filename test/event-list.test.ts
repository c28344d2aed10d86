import {expect, fixture, fixtureSync, html, nextFrame, oneEvent, waitUntil} from '@open-wc/testing';
import {nothing} from 'lit';
import {emulateMedia} from '@web/test-runner-commands';
import '../src/index.js';
import type {EventListElement} from '../src/event-list.js';
import type {EventListErrorEvent, EventListLoadEvent} from '../src/events.js';
import {cardTitles, cards, part, parts, shadowQuery} from './helpers/page.js';

const fixtureUrl = (name: string) => new URL(`/test/fixtures/elements/${name}`, import.meta.url).href;
const EVENTS = fixtureUrl('events.json');

async function loadedList(template: ReturnType<typeof html>): Promise<EventListElement> {
  const el = fixtureSync<EventListElement>(template);
  await oneEvent(el, 'event-list-load');
  await el.updateComplete;
  return el;
}

describe('<event-list>', () => {
  it('loads a feed, groups it by day and reports the broken item it skipped', async () => {
    const el = fixtureSync<EventListElement>(html`<event-list src=${EVENTS} when="all" time-zone="Europe/Stockholm" lang="sv"></event-list>`);
    const load = (await oneEvent(el, 'event-list-load')) as EventListLoadEvent;
    await el.updateComplete;
    expect(load.events).to.have.length(4);
    expect(load.skipped).to.have.length(1);
    expect(load.skipped[0].reason).to.match(/Trasigt datum/);
    expect(el.events).to.have.length(4);
    expect(el.visibleEvents.map((e) => e.id)).to.deep.equal(['fair', 'circle', 'xss', 'seed']);
    const headings = parts(el, 'group-heading').map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['måndag 25 september 2023', 'måndag 21 augusti 2023', 'söndag 20 augusti 2023', 'lördag 19 augusti 2023']);
    // Under a day heading a card says only what the heading does not: the time, or the span.
    const dates = cards(el).map((card) => part(card, 'date')!.textContent);
    expect(dates).to.deep.equal(['25–27 sep 2023', '18:00 CEST', '12:00 CEST', '15:00–19:00 CEST']);
    expect(shadowQuery(el, '[part~="list"] ol')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the seed event at 15:00 Stockholm time whatever the viewer zone', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS} when="all" time-zone="Europe/Stockholm" lang="sv" group-by="month"></event-list>`);
    const card = cards(el).find((c) => c.event!.id === 'seed')!;
    await card.updateComplete;
    const time = part<HTMLTimeElement>(card, 'date')!;
    expect(time.tagName).to.equal('TIME');
    expect(time.dateTime).to.equal('2023-08-19T13:00:00.000Z');
    // Read in UTC (web-test-runner.config.mjs), the time says whose clock it is.
    expect(time.textContent).to.equal('lör 19 aug 2023 15:00–19:00 CEST');
    expect(part(card, 'location')!.textContent).to.contain('Stockholm');
    expect(part(card, 'organizer')!.textContent).to.contain('Kamratdataföreningen Konstellationen');
    expect(part(card, 'categories')!.textContent!.trim()).to.equal('Möte');
  });

  it('filters case- and accent-insensitively, and updates when an attribute changes', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS} when="all" categories="mote" time-zone="Europe/Stockholm"></event-list>`);
    expect(cardTitles(el)).to.deep.equal(['Bortom Big Tech sociala medier']);
    el.setAttribute('categories', '');
    el.setAttribute('locations', 'GÖTEBORG');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Studiecirkel om RSS']);
    el.removeAttribute('locations');
    el.search = 'bokmassa';
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Radikal bokmässa']);
    el.search = 'nothing matches this';
    await el.updateComplete;
    expect(part(el, 'empty')!.textContent).to.contain('No upcoming events right now');
    await expect(el).to.be.accessible();
  });

  it('keeps only upcoming events by default', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS}></event-list>`);
    expect(el.events).to.have.length(4);
    expect(el.visibleEvents).to.have.length(0);
    expect(part(el, 'empty')!.textContent!.trim()).to.contain('No upcoming events right now.');
    await expect(el).to.be.accessible();
  });

  it('limits the list and shows the rest on "show more"', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS} when="all" limit="2" group-by="none"></event-list>`);
    expect(cards(el)).to.have.length(2);
    const more = part<HTMLButtonElement>(el, 'more')!;
    expect(more.textContent!.trim()).to.equal('Show 2 more');
    more.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(4);
    expect(part(el, 'more')).to.equal(null);
  });

  it('keeps hostile feed text as text and drops script URLs', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS} when="all" search="demo"></event-list>`);
    const card = cards(el)[0];
    await card.updateComplete;
    expect(part(card, 'title')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">Demo');
    expect(shadowQuery(card, 'img')).to.equal(null);
    expect(part(card, 'link')).to.equal(null);
    expect(part(card, 'categories')!.textContent!.trim()).to.equal('<b>Aktion</b>');
    expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
  });

  it('sanitises a description with markup before showing it expanded', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS} when="all" search="bortom"></event-list>`);
    const card = cards(el)[0];
    expect(card.event!.descriptionHtml).to.contain('<b>temakväll</b>');
    expect(card.event!.descriptionHtml).not.to.contain('onerror');
    expect(card.event!.descriptionHtml).not.to.contain('javascript:');
    await card.updateComplete;
    const toggle = shadowQuery<HTMLButtonElement>(card, 'button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitUntil(() => shadowQuery(card, '[part~="description"] b'), 'rich description rendered');
    const description = part(card, 'description')!;
    expect(description.querySelector('b')!.textContent).to.equal('temakväll');
    expect(description.querySelector('[onerror]')).to.equal(null);
    expect(description.querySelector('a')!.hasAttribute('href')).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(card).to.be.accessible();
  });

  describe('errors tell the visitor in their terms, keep the fallback content, and name the cause and the fix for the site owner', () => {
    const cases = [
      {name: 'not found', src: fixtureUrl('missing.json'), kind: 'http', code: 'not-found', text: 'not found at this address (404)'},
      {name: 'an HTML page', src: fixtureUrl('page.html'), kind: 'parse', code: 'html-page', text: 'a web page, not an event feed'},
      {name: 'a truncated feed', src: fixtureUrl('truncated.json'), kind: 'parse', code: 'invalid', text: 'damaged'},
      {name: 'an empty body', src: fixtureUrl('empty.json'), kind: 'parse', code: 'empty', text: 'The feed is empty.'},
      {name: 'no server', src: 'http://127.0.0.1:9/feed.json', kind: 'network', code: 'offline', text: 'No network connection'},
    ];
    for (const {name, src, kind, code, text} of cases) {
      it(name, async () => {
        const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang="en"><a href="/calendar">See all events</a></event-list>`);
        const failure = (await oneEvent(el, 'event-list-error')) as EventListErrorEvent;
        expect(failure.error.kind).to.equal(kind);
        expect(failure.error.code).to.equal(code);
        expect(failure.src).to.equal(src);
        await waitUntil(() => part(el, 'error-details'), 'error shown with the details for the site owner');
        const error = part(el, 'error')!;
        expect(error.querySelector('.error-title')!.textContent).to.equal('The calendar can’t be shown right now.');
        const details = part(el, 'error-details') as HTMLDetailsElement;
        expect(details.open, 'the owner’s details start collapsed').to.equal(false);
        expect(details.querySelector('summary')!.textContent).to.equal('Details for the site owner');
        expect(details.textContent).to.contain(text);
        expect(details.textContent, 'the exact cause').to.contain(`${kind}/${code}: ${failure.error.message}`);
        const fallback = shadowQuery<HTMLSlotElement>(el, '.fallback slot')!;
        expect(fallback.assignedElements()[0].textContent).to.equal('See all events');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('shows the fallback content while loading', async () => {
    // A feed that never answers: the list stays in its loading state.
    const el = fixtureSync<EventListElement>(html`<event-list src="/fault/hang?loading-state" lang="sv"><a href="/k">Kalender</a></event-list>`);
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.contain('Hämtar evenemang');
    expect(part(el, 'status')!.getAttribute('aria-busy')).to.equal('true');
    expect(shadowQuery<HTMLSlotElement>(el, '.fallback slot')!.assignedElements()).to.have.length(1);
    el.remove();
  });

  it('aborts the old request when src changes', async () => {
    const requests: string[] = [];
    const aborted: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input);
      requests.push(url);
      init?.signal?.addEventListener('abort', () => aborted.push(url));
      return realFetch(input, init);
    };
    try {
      const el = fixtureSync<EventListElement>(html`<event-list src=${fixtureUrl('events.json?first')} when="all"></event-list>`);
      await el.updateComplete;
      el.src = fixtureUrl('events.json?second');
      await oneEvent(el, 'event-list-load');
      expect(aborted.some((url) => url.endsWith('?first'))).to.equal(true);
      expect(requests.some((url) => url.endsWith('?second'))).to.equal(true);
      expect(el.events).to.have.length(4);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('merges several sources and drops duplicates', async () => {
    const el = await loadedList(html`<event-list src="${EVENTS} ${fixtureUrl('events.json?copy')}" when="all"></event-list>`);
    expect(el.events).to.have.length(4);
  });

  it('loads <event-source> children in parallel; one failing source does not hide the others', async () => {
    const el = fixtureSync<EventListElement>(html`<event-list when="all" lang="en">
      <event-source src=${EVENTS} label="Konstellationen"></event-source>
      <event-source src=${fixtureUrl('missing.json')} label="Gancio"></event-source>
    </event-list>`);
    const failure = (await oneEvent(el, 'event-list-error')) as EventListErrorEvent;
    expect(failure.src).to.equal(fixtureUrl('missing.json'));
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(el.events).to.have.length(4);
    expect(el.events.every((event) => event.sourceLabel === 'Konstellationen')).to.equal(true);
    expect(cards(el)).to.have.length(4);
    await waitUntil(() => part(el, 'error-details'), 'the details for the site owner');
    expect(part(el, 'error')!.textContent).to.contain('Some events could not be loaded.');
    expect(part(el, 'error-details')!.textContent).to.contain('Gancio: The feed was not found');
    await expect(el).to.be.accessible();
  });

  it('reloads when an <event-source> is added or changed', async () => {
    const el = fixtureSync<EventListElement>(html`<event-list when="all"></event-list>`);
    const source = document.createElement('event-source');
    source.src = fixtureUrl('custom.json');
    source.fields = 'list: data.results, title: name, start: when.begins, end: when.ends, categories: kind, location: where';
    source.format = 'json';
    source.label = 'Kalendern';
    expect(source.getAttribute('fields')).to.match(/^list: data\.results/);
    expect([source.getAttribute('format'), source.getAttribute('label')]).to.deep.equal(['json', 'Kalendern']);
    el.append(source);
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Läsecirkel: Kapitalet', 'Årsmöte']);
    expect(el.events.map((event) => event.sourceLabel)).to.deep.equal(['Kalendern', 'Kalendern']);
    source.fields = undefined;
    source.label = '';
    expect(source.hasAttribute('fields') || source.hasAttribute('label')).to.equal(false);
    source.src = EVENTS;
    await oneEvent(el, 'event-list-load');
    expect(el.events).to.have.length(4);
    expect(el.events[0].sourceLabel).to.equal(undefined);
  });

  it('reads custom JSON through the fields attribute', async () => {
    const el = await loadedList(html`<event-list src=${fixtureUrl('custom.json')} time-zone="Europe/Stockholm" lang="sv"
      fields="list: data.results, title: name, start: when.begins, end: when.ends, categories: kind, location: where"></event-list>`);
    expect(cardTitles(el)).to.deep.equal(['Läsecirkel: Kapitalet', 'Årsmöte']);
    const [first] = el.events;
    expect(first.start.toISOString()).to.equal('2030-03-12T17:00:00.000Z');
    expect(first.categories).to.deep.equal(['Studiecirkel']);
    expect(first.locations).to.deep.equal(['Malmö']);
  });

  describe('draws what is visible, not every event', () => {
    // 5,000 events, one an hour from 1 January 2027 (after the test clock's day), every third a study circle.
    const many = Array.from({length: 5000}, (_, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      start: new Date(Date.UTC(2027, 0, 1) + i * 3_600_000),
      allDay: false,
      categories: [i % 3 === 0 ? 'Studiecirkel' : 'Möte'],
      locations: [],
      source: 'test',
    }));

    it('a page of 20 cards, the first screenful in the first frame, then 20 more per "show more"', async () => {
      const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC"></event-list>`);
      el.events = many;
      await nextFrame();
      expect(cards(el).length, 'first frame').to.be.within(1, 8);
      await el.updateComplete;
      expect(cards(el)).to.have.length(20);
      expect(el.visibleEvents).to.have.length(5000);
      const more = part(el, 'more')!;
      expect(more.textContent).to.contain('20');
      more.click();
      await el.updateComplete;
      expect(cards(el)).to.have.length(40);
      expect(cardTitles(el).slice(0, 2)).to.deep.equal(['Event 0', 'Event 1']);
    });

    it('a filter change shows its first screenful in the next frame and keeps the DOM to one page', async () => {
      const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC"></event-list>`);
      el.events = many;
      await el.updateComplete;
      el.categories = 'studiecirkel';
      await nextFrame();
      // About a screenful, counted from the room the cards drawn before took: enough to fill the
      // window (the list starts at the top of this page), fewer than the page of 20.
      const firstFrame = cards(el);
      expect(firstFrame.length).to.be.within(4, 12);
      expect(firstFrame.at(-1)!.getBoundingClientRect().bottom).to.be.at.least(window.innerHeight);
      expect(cardTitles(el)[0]).to.equal('Event 0');
      await el.updateComplete;
      expect(cardTitles(el).slice(0, 3)).to.deep.equal(['Event 0', 'Event 3', 'Event 6']);
      expect(cards(el)).to.have.length(20);
      expect(el.visibleEvents).to.have.length(1667);
    });

    it('a refresh of the same events redraws in place, without dropping to the first screenful', async () => {
      const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC"></event-list>`);
      el.events = many;
      await el.updateComplete;
      el.events = many.map((event) => ({...event}));
      await nextFrame();
      expect(cards(el)).to.have.length(20);
    });
  });

  it('takes events from the property without src', async () => {
    const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC"></event-list>`);
    el.events = [{id: 'a', title: 'Given', start: new Date('2030-01-01T10:00:00Z'), allDay: false, categories: [], locations: [], source: 'test'}];
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Given']);
  });

  it('takes lang and time-zone from an ancestor', async () => {
    const wrapper = fixtureSync(
      html`<div lang="en" time-zone="America/New_York"><event-list src=${EVENTS} when="all" search="bortom" group-by="none"></event-list></div>`
    );
    const el = wrapper.querySelector('event-list')!;
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    const card = cards(el)[0];
    await card.updateComplete;
    // The feed's floating 15:00 is read in the inherited zone, and the strings are English.
    expect(part(card, 'date')!.textContent).to.equal('Sat, Aug 19, 2023, 3:00 – 7:00 PM EDT');
    expect(part<HTMLTimeElement>(card, 'date')!.dateTime).to.equal('2023-08-19T19:00:00.000Z');
    expect(part(card, 'link')!.textContent).to.contain('Event page');
  });

  it('prints the events without the controls, and no card cut in two', async () => {
    const el = await loadedList(html`<event-list src=${EVENTS} when="all" lang="en" limit="2" controls="search"></event-list>`);
    await waitUntil(() => part(el, 'search'), 'the filter bar');
    const shown = (element: Element | null) => Boolean(element) && getComputedStyle(element!).display !== 'none';
    const card = cards(el)[0];
    const toggle = shadowQuery(card, 'button.toggle');
    expect([shown(part(el, 'toolbar')), shown(part(el, 'more')), shown(toggle)]).to.deep.equal([true, true, true]);
    await emulateMedia({media: 'print'});
    try {
      expect([shown(part(el, 'toolbar')), shown(part(el, 'more')), shown(toggle)]).to.deep.equal([false, false, false]);
      expect(cards(el).every((c) => shown(c) && getComputedStyle(c).breakInside === 'avoid')).to.equal(true);
    } finally {
      await emulateMedia({media: 'screen'});
    }
  });

  describe('follows lang when it changes after the first draw', () => {
    // What a list and its cards say, to compare a switched list with one drawn in that language.
    const words = async (el: EventListElement) => {
      await el.updateComplete;
      await Promise.all(cards(el).map((card) => card.updateComplete));
      const headings = parts(el, 'group-heading').map((h) => h.textContent!.trim());
      const cardText = cards(el).map((card) => card.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());
      return {headings, cardText, toolbar: part(el, 'toolbar')?.textContent?.replace(/\s+/g, ' ').trim()};
    };

    it('on the element: headings, cards and strings switch language', async () => {
      const el = await loadedList(html`<event-list src=${EVENTS} when="all" time-zone="Europe/Stockholm" lang="en"></event-list>`);
      const english = await words(el);
      expect(english.headings.at(-1)).to.equal('Saturday, August 19, 2023');
      el.setAttribute('lang', 'sv');
      const switched = await words(el);
      const swedish = await words(await loadedList(html`<event-list src=${EVENTS} when="all" time-zone="Europe/Stockholm" lang="sv"></event-list>`));
      expect(switched).to.deep.equal(swedish);
      expect(switched.headings.at(-1)).to.equal('lördag 19 augusti 2023');
      expect(switched.cardText.join(' ')).to.contain('Evenemangets sida').and.not.contain('Event page');
    });

    it('on <html>: a list without lang of its own follows the page', async () => {
      const pageLang = document.documentElement.lang;
      document.documentElement.lang = 'en';
      try {
        const el = await loadedList(html`<event-list src=${EVENTS} when="all" time-zone="Europe/Stockholm"></event-list>`);
        expect((await words(el)).headings.at(-1)).to.equal('Saturday, August 19, 2023');
        document.documentElement.lang = 'de';
        await waitUntil(
          // While German loads the list shows its status line, without headings: not done yet.
          () => Boolean(parts(el, 'group-heading').at(-1)?.textContent?.includes('August 2023')) && !el.shadowRoot!.textContent!.includes('Saturday'),
          'the list did not follow <html lang>'
        );
        expect((await words(el)).headings.at(-1)).to.equal('Samstag, 19. August 2023');
      } finally {
        document.documentElement.lang = pageLang;
      }
    });
  });

  it('applies a theme palette through tokens, and the page can still override them', async () => {
    const el = await loadedList(
      html`<event-list src=${EVENTS} when="past" theme="dark" search="bortom" style="--event-color-accent: rgb(250, 200, 100)"></event-list>`
    );
    const card = cards(el)[0];
    await card.updateComplete;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 20, 23)');
    expect(getComputedStyle(part(card, 'title')!).color).to.equal('rgb(232, 234, 237)');
    expect(getComputedStyle(part(card, 'date')!).color).to.equal('rgb(250, 200, 100)');
    await expect(el).to.be.accessible();
  });

  it('inherits the page colours without a theme', async () => {
    const wrapper = fixtureSync(
      html`<div style="color: rgb(10, 20, 30); font-family: serif"><event-list src=${EVENTS} when="past" search="bortom"></event-list></div>`
    );
    const el = wrapper.querySelector('event-list')!;
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    const card = cards(el)[0];
    await card.updateComplete;
    expect(getComputedStyle(part(card, 'title')!).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(part(card, 'title')!).fontFamily).to.equal('serif');
  });

  describe('on a dark page without a theme, takes an accent that reads there', () => {
    // WCAG contrast of two rgb() colours.
    const luminance = (color: string) => {
      const [r, g, b] = color
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((v) => {
          const c = +v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    // [case, page text, page background, theme, the date's colour]
    const cases: Array<[string, string, string, string, string]> = [
      ['a dark page', 'rgb(232, 234, 237)', 'rgb(17, 17, 17)', '', 'rgb(251, 146, 60)'],
      ['a dark page that writes its text in oklch', 'oklch(0.93 0 0)', 'rgb(17, 17, 17)', '', 'rgb(251, 146, 60)'],
      ['a light page', 'rgb(34, 34, 34)', 'rgb(255, 255, 255)', '', 'rgb(179, 60, 11)'],
      ['a dark page with theme="light"', 'rgb(232, 234, 237)', 'rgb(17, 17, 17)', 'light', 'rgb(179, 60, 11)'],
    ];
    for (const [name, text, background, theme, accent] of cases) {
      it(name, async () => {
        const wrapper = fixtureSync(
          html`<div style="color: ${text}; background: ${background}"><event-list src=${EVENTS} when="past" search="bortom" theme=${theme || nothing}></event-list></div>`
        );
        const el = wrapper.querySelector('event-list')!;
        await oneEvent(el, 'event-list-load');
        await el.updateComplete;
        const card = cards(el)[0];
        await card.updateComplete;
        const date = getComputedStyle(part(card, 'date')!).color;
        expect(date).to.equal(accent);
        if (!theme) expect(contrast(date, background), 'date against the page').to.be.above(4.5);
      });
    }
  });
});
