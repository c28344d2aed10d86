/**
 * DOMPurify's chunk (lib/html/purify.ts, loaded by lib/html/sanitize.ts) cannot be loaded: a feed
 * whose descriptions carry HTML still shows (it stayed "Loading…" for ever), its descriptions as
 * plain text; the feed's markup never reaches the page unsanitised.
 */
import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {cards, cardTitles, part} from '../../helpers/page.js';
import {hitsOf, mapModule, RUN} from '../helpers.js';

describe('when the HTML sanitiser cannot be loaded', function () {
  this.timeout(10000);
  const chunk = `/fault/404/purify-${RUN}.js`;

  before(() => mapModule('/src/lib/html/purify.ts', chunk));

  it('shows the events with plain-text descriptions', async () => {
    // The test server's feed: its second event's description is `<p>Hello <b>there</b></p>`.
    const el = fixtureSync<EventListElement>(html`<event-list src=${`/fault/ok/no-purify-${RUN}`} when="all" time-zone="UTC" lang="en"></event-list>`);
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(cardTitles(el)).to.have.length(2);
    const second = el.events[1];
    expect(second.description).to.equal('Hello there');
    expect(second.descriptionHtml, 'the feed’s markup').to.equal(undefined);
    expect((await hitsOf(chunk)).hits).to.be.at.least(1);

    const card = cards(el)[1];
    card.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await card.updateComplete;
    expect(part(card, 'description')!.textContent).to.equal('Hello there');
    expect(part(card, 'description')!.querySelector('b')).to.equal(null);
  });
});
