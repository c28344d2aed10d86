/**
 * The structured data's chunk (lib/structured-data.ts) cannot be loaded: the list shows its
 * events, and the page goes without the schema.org JSON-LD until an update after the chunk is
 * served again writes it.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {cardTitles} from '../../helpers/page.js';
import {EVENTS, missingChunk, type MissingChunk} from './chunk.js';

describe('when the structured data cannot be written', function () {
  this.timeout(10000);
  let data: MissingChunk;

  before(() => (data = missingChunk('/src/lib/structured-data.ts')));

  it('the list works without it, and an update once it is served writes it', async () => {
    const el = await fixture<EventListElement>(html`<event-list when="all" time-zone="UTC" lang="en"></event-list>`);
    const script = () => el.querySelector('script[type="application/ld+json"]');
    el.events = EVENTS;
    await el.updateComplete;
    expect(cardTitles(el)).to.have.length(EVENTS.length);
    await waitUntil(async () => (await data.asked()) > 0, 'the chunk was not asked for', {timeout: 3000});
    expect(script()).to.equal(null);

    await data.serve();
    // Each update asks again while the script is missing.
    await waitUntil(() => (el.requestUpdate(), script()), 'no JSON-LD after the chunk came back', {timeout: 5000});
    const written = JSON.parse(script()!.textContent!);
    expect(JSON.stringify(written)).to.contain('Julmarknad');
  });
});
