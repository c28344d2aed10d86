/**
 * `<event-list>` with a big feed draws its first cards from the parser's first look, before the
 * feed is read to the end (src/lib/feeds/preview.ts), and says it is still loading until then.
 * The feeds are generated here and served by the test server (test/network/fault-server.mjs).
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../src/index.js';
import type {EventListElement} from '../src/event-list.js';
import {cards, part, parts, shadowQuery, shadowQueryAll} from './helpers/page.js';

const RUN = Date.now().toString(36);
const HOUR = 3600_000;
/** The first event: after the test pages' clock (TEST_NOW, 27 November 2026; test/helpers/clock.ts), so the default `when="upcoming"` shows it. */
const FIRST = Date.UTC(2027, 0, 6, 9);

/** Stores a feed on the test server; gives its URL. */
async function serve(name: string, events: object[]): Promise<string> {
  const path = `/__feeds/${name}-${RUN}.json`;
  await fetch(`${path}?type=application/json`, {method: 'POST', body: JSON.stringify({events})});
  return path;
}

/** `count` events an hour apart, listed in a scrambled order (the feed's order is not the list's). */
function bigFeed(count: number, extra: (i: number) => object = () => ({}), first = FIRST) {
  const events = Array.from({length: count}, (_, i) => ({
    id: `e${i}`,
    title: `Event ${String(i).padStart(4, '0')}`,
    start: new Date(first + i * HOUR).toISOString(),
    description: 'Ett möte om allt och inget, med fika efteråt. '.repeat(4),
    ...extra(i),
  }));
  return events.map((_, i) => events[(i * 7919) % count]);
}

/** Resolves with what the list showed when its first card appeared, and whether it had loaded by then. */
function atFirstCard(el: EventListElement) {
  let loaded = false;
  el.addEventListener('event-list-load', () => (loaded = true), {once: true});
  return new Promise<{loaded: boolean; titles: string[]; status: HTMLElement | null; events: number}>((resolve) => {
    const observer = new MutationObserver(() => {
      const drawn = cards(el);
      if (!drawn.length) return;
      observer.disconnect();
      resolve({loaded, titles: drawn.map((card) => card.event!.title), status: shadowQuery(el, '.count'), events: el.events.length});
    });
    observer.observe(el.shadowRoot!, {childList: true, subtree: true});
  });
}

describe('<event-list> first look at a big feed', function () {
  this.timeout(20000);

  it('draws the soonest events before the feed is read to the end, then the whole feed', async () => {
    const src = await serve('big', bigFeed(3000));
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang="en" time-zone="Europe/Stockholm"></event-list>`);
    // Listened for from the start: the load may fire in the same turn as the first card is drawn.
    const loaded = oneEvent(el, 'event-list-load');
    const first = await atFirstCard(el);
    expect(first.loaded).to.equal(false);
    expect(first.events).to.be.below(3000);
    expect(first.titles[0]).to.equal('Event 0000');
    expect(first.titles).to.deep.equal(first.titles.map((_, i) => `Event ${String(i).padStart(4, '0')}`));
    // Still loading, and saying so: no count of the events read so far.
    expect(first.status!.getAttribute('aria-busy')).to.equal('true');
    expect(first.status!.textContent).to.contain('Loading events');
    const drawnFirst = cards(el);

    await loaded;
    await el.updateComplete;
    expect(el.events).to.have.length(3000);
    // Counts are written as the language writes numbers (Intl.NumberFormat).
    expect(shadowQuery(el, '.count')!.textContent).to.equal('3,000 events');
    expect(shadowQuery(el, '.count')!.getAttribute('aria-busy')).to.equal('false');
    expect(cards(el).map((card) => card.event!.title)).to.deep.equal(Array.from({length: 20}, (_, i) => `Event ${String(i).padStart(4, '0')}`));
    // The cards of the first look stay: the whole feed holds the same event objects.
    expect(drawnFirst.every((card) => cards(el).includes(card))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('with a filter bar, waits for the whole feed: the bar’s choices need every event, and cards drawn first would be pushed down by it', async () => {
    const src = await serve(
      'controls',
      bigFeed(3000, (i) => ({categories: [i % 2 ? 'Möte' : 'Studiecirkel']}))
    );
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang="en" controls="search categories" time-zone="Europe/Stockholm"></event-list>`);
    const first = await atFirstCard(el);
    expect(first.events).to.equal(3000);
    // The bar's code is a chunk of its own, fetched with the list's first update.
    await waitUntil(() => part(el, 'search'), 'no filter bar', {timeout: 5000});
    const chips = parts(el, 'chip').map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
    expect(chips).to.deep.equal(['Möte 1500', 'Studiecirkel 1500']);
  });

  it('sanitises the descriptions of the first look before they are drawn', async () => {
    const src = await serve(
      'html',
      bigFeed(1500, (i) => (i < 30 ? {description: `<p>Hej <img src=x onerror="window.__firstLookXss=${i}"><script>window.__firstLookXss=1</script></p>`} : {}))
    );
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang="en" time-zone="Europe/Stockholm"></event-list>`);
    // Listened for from the start: the load may fire in the same turn as the first card is drawn.
    const loaded = oneEvent(el, 'event-list-load');
    const first = await atFirstCard(el);
    expect(first.loaded).to.equal(false);
    const event = cards(el)[0].event!;
    expect(event.descriptionHtml).to.contain('Hej');
    expect(event.descriptionHtml).not.to.match(/onerror|<script/i);
    await loaded;
    expect(el.events.filter((e) => /onerror|<script/i.test(e.descriptionHtml ?? ''))).to.have.length(0);
    expect((window as {__firstLookXss?: number}).__firstLookXss).to.equal(undefined);
  });

  it('with a category filter that the first look cannot fill, waits and shows the right events', async () => {
    // Only every 500th event is a study circle: the first look holds none.
    const src = await serve(
      'sparse',
      bigFeed(3000, (i) => ({categories: i % 500 === 499 ? ['Studiecirkel'] : ['Möte']}))
    );
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang="en" categories="Studiecirkel" time-zone="Europe/Stockholm"></event-list>`);
    const first = await atFirstCard(el);
    expect(first.events).to.equal(3000);
    expect(first.titles).to.deep.equal(['Event 0499', 'Event 0999', 'Event 1499', 'Event 1999', 'Event 2499', 'Event 2999']);
    expect(part(el, 'empty')).to.equal(null);
  });

  it('a list of past events waits for the whole feed; an upcoming list and a month grid do not', async () => {
    // Polled every frame: a first look stays at least one frame (the parser waits for a paint).
    const seesPartial = async (src: string, attrs: string, total: number) => {
      const list = document.createElement('event-list');
      for (const [name, value] of attrs
        .split(' ')
        .filter(Boolean)
        .map((a) => a.split('=')))
        list.setAttribute(name, value);
      list.setAttribute('lang', 'en');
      list.setAttribute('src', src);
      let partial = false;
      let done = false;
      const poll = () => {
        partial ||= list.events.length > 0 && list.events.length < total;
        if (!done) requestAnimationFrame(poll);
      };
      const loaded = oneEvent(list, 'event-list-load');
      document.body.append(list);
      poll();
      await loaded;
      done = true;
      expect(list.events).to.have.length(total);
      list.remove();
      return partial;
    };
    const upcoming = await serve('upcoming', bigFeed(2000));
    const past = await serve(
      'past',
      bigFeed(2000, () => ({}), Date.UTC(2021, 0, 6, 9))
    );
    expect(await seesPartial(upcoming, '', 2000), 'upcoming list').to.equal(true);
    expect(await seesPartial(upcoming, 'view=month month=2027-01', 2000), 'month view').to.equal(true);
    expect(await seesPartial(past, 'when=past', 2000), 'past events').to.equal(false);
  });

  it('a month grid’s first look holds every event of its month, as the whole feed does', async () => {
    // The grid's code is here before the feed, as it is on a page where the feed takes a moment.
    await import('../src/views/month-view.js');
    // 6,000 events an hour apart from 6 January 2027 (into September): January's first look
    // reads about a sixth of them, so the rest takes a while.
    const src = await serve('grid', bigFeed(6000));
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang="en" view="month" month="2027-01" time-zone="Europe/Stockholm"></event-list>`);
    let loaded = false;
    el.addEventListener('event-list-load', () => (loaded = true), {once: true});
    const names = () => shadowQueryAll(el, '[part~="event"] .name').map((name) => name.textContent);
    const first = await new Promise<{loaded: boolean; names: (string | null)[]; events: number}>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!names().length) return;
        observer.disconnect();
        resolve({loaded, names: names(), events: el.events.length});
      });
      observer.observe(el.shadowRoot!, {childList: true, subtree: true});
    });
    expect(first.loaded, 'drawn before the whole feed was read').to.equal(false);
    expect(first.events).to.be.below(6000);
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(first.names).to.deep.equal(names());
    expect(first.names.length).to.be.above(50);
  });
});
