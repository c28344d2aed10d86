/**
 * A page where another library defined `<event-card>` before feedcal loaded: `<event-list>`
 * still draws its own cards (under a private tag, define.ts), in the list and in the dialog,
 * says on the console that the public name is taken, and never shows the foreign cards.
 */
import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
// Before feedcal: imports run in this order.
import {ForeignCard, warnings} from './hostile-pages/foreign-card.js';
import {EventCardElement} from '../../src/index.js';
import {cardTagName} from '../../src/define.js';
import {ZONE, renderList} from '../helpers/december.js';
import {part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

describe('another library owns <event-card>', () => {
  it('the list draws its own cards under a private tag and says so on the console', async () => {
    expect(customElements.get('event-card')).to.equal(ForeignCard);
    const tag = cardTagName();
    expect(tag).to.match(/^feedcal-event-card-\d+$/);
    expect(customElements.get(tag)).to.equal(EventCardElement);
    expect(warnings.join('\n')).to.contain('<event-card> is taken by another script').and.to.contain(`cards are <${tag}>`);

    const el = await renderList(html`<event-list when="all" time-zone=${ZONE} lang="en"></event-list>`);
    const cards = shadowQueryAll<EventCardElement>(el, '[part~="card"]');
    expect(cards).to.have.length(5);
    for (const card of cards) expect(card).to.be.instanceOf(EventCardElement);
    expect(shadowQueryAll(el, 'event-card')).to.have.length(0);
    await cards[0].updateComplete;
    expect(part(cards[0], 'title')!.textContent).to.contain('Studiecirkel');
    expect(el.shadowRoot!.textContent).not.to.contain('Foreign card');
    // The fallback content is not shown beside the cards.
    expect(shadowQuery(el, '.fallback')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the dialog draws its own card too', async () => {
    const el = await renderList(html`<event-list when="all" details="dialog" time-zone=${ZONE} lang="en"></event-list>`);
    const card = shadowQueryAll<EventCardElement>(el, '[part~="card"]')[0];
    await card.updateComplete;
    const selected = oneEvent(el, 'event-card-select');
    shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
    await selected;
    await waitUntil(() => shadowQuery(el, 'dialog [part~="card"]'), 'the dialog with its card');
    const inDialog = shadowQuery<EventCardElement>(el, 'dialog [part~="card"]')!;
    expect(inDialog).to.be.instanceOf(EventCardElement);
    await inDialog.updateComplete;
    expect(part(inDialog, 'title')!.textContent).to.contain('Studiecirkel');
  });
});
