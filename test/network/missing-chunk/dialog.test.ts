/**
 * The details dialog's chunk (views/dialog.ts) cannot be loaded: an event opened in a list with
 * `details="dialog"` opens in place instead (its card expanded), and `updateComplete` still
 * settles. Once the chunk is served again, the next event opened has the dialog.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {cards, shadowQuery} from '../../helpers/page.js';
import {EVENTS, missingChunk, type MissingChunk} from './chunk.js';

describe('when the details dialog cannot be loaded', function () {
  this.timeout(10000);
  let dialog: MissingChunk;

  before(() => (dialog = missingChunk('/src/views/dialog.ts')));

  it('opens the event in place, and the next event opened asks again', async () => {
    const el = await fixture<EventListElement>(html`<event-list details="dialog" when="all" time-zone="UTC" lang="en"></event-list>`);
    el.events = EVENTS;
    await el.updateComplete;
    // The list asks for the dialog's code when the page is idle: let it (and fail) first.
    await new Promise((resolve) => requestIdleCallback(resolve));
    const [first, second] = cards(el);
    first.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    await waitUntil(() => first.expanded, 'the event did not open in place');
    expect(shadowQuery(el, 'dialog'), 'a dialog').to.equal(null);
    expect(second.expanded).to.equal(false);

    await dialog.serve();
    second.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    const shown = shadowQuery<HTMLDialogElement>(el, 'dialog');
    expect(shown?.open, 'the dialog is open').to.equal(true);
    expect(shown!.querySelector('event-card')!.event).to.equal(second.event);
    expect(second.expanded, 'the card itself stays closed').to.equal(false);
  });
});
