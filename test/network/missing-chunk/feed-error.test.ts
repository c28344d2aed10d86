/**
 * The owner's details (views/feed-error.ts) cannot be loaded (offline after the page loaded, a
 * deploy): the visitor still reads the error, with "try again" and the page's fallback link; the
 * console still gets the cause. Once the chunk is served again, the next failure shows the details.
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventListElement} from '../../../src/event-list.js';
import {part, shadowQuery} from '../../helpers/page.js';
import {RUN} from '../helpers.js';
import {missingChunk, type MissingChunk} from './chunk.js';

describe('when the details for the site owner cannot be loaded', function () {
  this.timeout(10000);
  let chunk: MissingChunk;

  before(() => (chunk = missingChunk('/src/views/feed-error.ts')));

  const list = (name: string) =>
    fixtureSync<EventListElement>(html`<event-list src=${`/fault/404/${name}-${RUN}`} lang="en" time-zone="UTC"><a href="/calendar">All events</a></event-list>`);

  it('the visitor still reads the error with the fallback link, the console the cause; served again, the details show', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = list('no-details');
      await oneEvent(el, 'event-list-error');
      await waitUntil(() => part(el, 'error'), 'the error is not shown');
      await waitUntil(async () => (await chunk.asked()) >= 1 && warnings.length > 0, 'the cause was not written to the console');
      expect(part(el, 'error')!.textContent).to.contain('The calendar can’t be shown right now.');
      expect(part(el, 'error-details')).to.equal(null);
      expect(shadowQuery<HTMLSlotElement>(el, '.fallback slot')!.assignedElements()[0].textContent).to.equal('All events');
      expect(String((warnings[0][1] as Error).message)).to.contain('404');
    } finally {
      console.warn = warn;
    }

    await chunk.serve();
    const next = list('with-details');
    await oneEvent(next, 'event-list-error');
    await waitUntil(() => part(next, 'error-details'), 'the details did not show once served');
  });
});
