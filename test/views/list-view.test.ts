/**
 * The warm-up before the first feed (views/list-view.ts): once per page, when idle, one sample
 * card is drawn and laid out out of sight and removed. It must leave nothing behind, never show
 * inside a list, and be drawn only once.
 */
import {expect, fixture, html, nextFrame, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import {drawSampleCard, sampleCardHeight} from '../../src/views/list-view.js';
import type {EventListElement} from '../../src/event-list.js';
import {cards, shadowQuery} from '../helpers/page.js';

describe('the warm-up sample card', () => {
  it('is drawn once when the page is idle, laid out hidden, and removed', async () => {
    const seen: HTMLElement[] = [];
    const record = (records: MutationRecord[]) => {
      for (const {addedNodes} of records) for (const node of addedNodes) if (node instanceof HTMLElement) seen.push(node);
    };
    const observer = new MutationObserver(record);
    observer.observe(document.body, {childList: true});
    // feedcal asks for an idle moment (at most 1 s) when it loads.
    await waitUntil(() => seen.length > 0, 'no sample was drawn', {timeout: 3000});
    const [holder] = seen;
    const card = shadowQuery(holder, 'event-card')!;
    expect(card, 'a real card').to.exist;
    expect([holder.style.visibility, holder.style.position]).to.deep.equal(['hidden', 'absolute']);
    await waitUntil(() => !holder.isConnected, 'the sample stayed in the page');
    expect(card.shadowRoot!.textContent).to.contain('Öppet möte');
    // Once per page: asking again draws nothing (it would draw at once, as the first call did).
    drawSampleCard([], 'sv', 'Europe/Stockholm');
    record(observer.takeRecords());
    observer.disconnect();
    expect(seen).to.have.length(1);
    expect(document.body.querySelectorAll('event-card')).to.have.length(0);
  });

  it('tells the first list how many cards fill the window before it has drawn any', async () => {
    const height = sampleCardHeight();
    expect(height, 'the sample was measured').to.be.above(40);
    // Cards like the sample: a title, a place and a description of a few lines.
    const description = 'Kvällen inleds med en kort presentation och följs av diskussion i mindre grupper. '.repeat(4);
    const events = Array.from({length: 100}, (_, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      start: new Date(Date.UTC(2027, 0, 1) + i * 3_600_000), // after the test clock's day: upcoming
      allDay: false,
      categories: ['Möte'],
      locations: ['Malmö'],
      description,
      source: 'test',
    }));
    const el = await fixture<EventListElement>(html`<event-list when="all" lang="en" time-zone="UTC" group-by="none"></event-list>`);
    const room = window.innerHeight - Math.max(0, el.getBoundingClientRect().top);
    el.events = events;
    await nextFrame();
    const drawn = cards(el);
    // As many as the sample's height says fill the window below the list's top, and no more.
    expect(drawn).to.have.length(Math.min(12, Math.max(3, Math.ceil(room / height))));
    expect(drawn.at(-1)!.getBoundingClientRect().bottom, 'the first frame fills the window').to.be.at.least(window.innerHeight);
    expect(drawn.at(-2)!.getBoundingClientRect().bottom, 'the card before the last ends inside the window').to.be.below(window.innerHeight);
    await el.updateComplete;
    expect(cards(el)).to.have.length(20);
  });
});
