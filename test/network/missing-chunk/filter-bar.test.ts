/**
 * The filter bar's chunk (views/filter-bar.ts) cannot be loaded: a list that waited for it shows
 * its events without it, with the plain count (test/network/filter-bar-missing.test.ts checks the
 * same with a chunk that stays missing). Once the chunk is served again, the next list with
 * controls asks for it again and has its bar.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {uiStrings} from '../../../src/lib/i18n.js';
import {cardTitles, part, shadowQuery} from '../../helpers/page.js';
import {RUN} from '../helpers.js';
import {missingChunk, type MissingChunk} from './chunk.js';

describe('when the filter bar cannot be loaded', function () {
  this.timeout(10000);
  let bar: MissingChunk;

  before(() => (bar = missingChunk('/src/views/filter-bar.ts')));

  /** A list with controls whose feed has two events; its cards wait for the bar. */
  const list = async (name: string) => {
    const el = await fixture<EventListElement>(html`<event-list controls="search categories" when="all" time-zone="UTC" lang="en"></event-list>`);
    const loaded = oneEvent(el, 'event-list-load');
    el.src = `/fault/ok/${name}-${RUN}`;
    await loaded;
    return el;
  };

  it('shows the events with a count instead, and the next list asks again', async () => {
    const el = await list('without-bar');
    await waitUntil(() => cardTitles(el).length === 2, 'the events did not show');
    expect(shadowQuery(el, '[role="search"]'), 'a filter bar').to.equal(null);
    expect(part(el, 'toolbar')!.textContent!.trim()).to.equal(uiStrings('en').resultCount(2));
    expect(await bar.asked()).to.equal(1);

    await bar.serve();
    const next = await list('with-bar');
    await waitUntil(() => shadowQuery(next, '[role="search"]'), 'the next list has no bar');
    expect(cardTitles(next)).to.have.length(2);
    expect(await bar.asked()).to.equal(2);
  });
});
