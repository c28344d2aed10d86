/**
 * A language's chunk (here Swedish, lib/locales/sv.ts) cannot be loaded: the list shows its
 * events in English rather than waiting for its language for ever. Once the chunk is served
 * again, the next list asks again and speaks Swedish. (This file must not import sv.ts: the
 * import map only covers a module the page has not loaded.)
 */
import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {uiStrings} from '../../../src/lib/i18n.js';
import {cardTitles, part} from '../../helpers/page.js';
import {EVENTS, missingChunk, type MissingChunk} from './chunk.js';

describe('when a language cannot be loaded', function () {
  this.timeout(10000);
  let swedish: MissingChunk;

  before(() => (swedish = missingChunk('/src/lib/locales/sv.ts')));

  const list = async () => {
    const el = await fixture<EventListElement>(html`<event-list lang="sv" when="all" time-zone="UTC"></event-list>`);
    el.events = EVENTS;
    await el.updateComplete;
    return el;
  };

  it('shows the events in English, and the next list asks again', async () => {
    const el = await list();
    expect(cardTitles(el)).to.have.length(EVENTS.length);
    expect(part(el, 'toolbar')!.textContent!.trim()).to.equal(uiStrings('en').resultCount(EVENTS.length));
    expect(await swedish.asked()).to.be.at.least(1);

    await swedish.serve();
    const next = await list();
    expect(part(next, 'toolbar')!.textContent!.trim()).to.equal(`${EVENTS.length} evenemang`);
  });
});
