/**
 * The opened card's chunk (views/card-details.ts) cannot be loaded: the card opens with its whole
 * description but without the details (address, map link, add to calendar), and
 * `updateComplete` settles. Once the chunk is served again, the next opening has them.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventCardElement} from '../../../src/event-card.js';
import {en} from '../../../src/lib/locales/en.js';
import {part} from '../../helpers/page.js';
import {EVENTS, missingChunk, type MissingChunk} from './chunk.js';

describe('when an opened card’s details cannot be loaded', function () {
  this.timeout(10000);
  let details: MissingChunk;

  before(() => (details = missingChunk('/src/views/card-details.ts')));

  it('opens without them, and the next opening asks again', async () => {
    const event = EVENTS.find((e) => e.id === 'dec')!;
    const card = await fixture<EventCardElement>(html`<event-card .event=${event} time-zone="UTC" lang="en"></event-card>`);
    const toggle = () => card.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    toggle();
    await card.updateComplete;
    expect(card.expanded).to.equal(true);
    expect(part(card, 'description')!.textContent).to.equal(event.description);
    expect(part(card, 'details'), 'the details').to.equal(null);
    expect(await details.asked()).to.equal(1);

    await details.serve();
    toggle();
    await card.updateComplete;
    toggle();
    await card.updateComplete;
    await waitUntil(() => part(card, 'details'), 'no details at the next opening');
    expect(part(card, 'details')!.textContent).to.contain(en.address).and.to.contain('Möllevångstorget, Malmö');
  });
});
