/**
 * Delay attributes with absurd values (lib/attributes.ts `timerMs`): a timer delay beyond
 * 2³¹−1 ms fires at once, so `refresh="2592000"` once refreshed in a loop and `timeout="-5"`
 * ended a half-second feed as a timeout. Clamped or defaulted, the list loads once and stays.
 */
import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {EventListElement} from '../../src/event-list.js';
import {RUN, hitsOf, render} from './helpers.js';

const quietly = async <T>(run: () => Promise<T>): Promise<{result: T; notes: string[]}> => {
  const notes: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void notes.push(args.join(' '));
  try {
    return {result: await run(), notes};
  } finally {
    console.warn = warn;
  }
};

describe('delay attributes out of range', function () {
  this.timeout(20000);

  for (const refresh of ['2592000', '1e9']) {
    it(`refresh="${refresh}" loads once and does not refresh in a loop`, async () => {
      const src = `/fault/ok/refresh-${refresh}-${RUN}`;
      const {notes} = await quietly(async () => {
        const el = fixtureSync<EventListElement>(html`<event-list src=${src} refresh=${refresh} when="all" time-zone="UTC" lang="en"></event-list>`);
        await oneEvent(el, 'event-list-load');
        // A refresh that fired at once would have asked again and again by now.
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      expect((await hitsOf(src)).hits).to.equal(1);
      expect(notes.join('\n'))
        .to.contain(`refresh="${Number(refresh)}"`)
        .and.to.contain('using 86400 seconds');
    });
  }

  for (const timeout of ['2592000', '-5']) {
    it(`timeout="${timeout}": a feed that takes half a second loads`, async () => {
      const {result, notes} = await quietly(() => render(`/fault/trickle/timeout-${timeout}-${RUN}?ms=50`, {timeout}));
      expect(result.error).to.equal(undefined);
      expect(result.titles).to.have.length(2);
      expect(notes.join('\n')).to.contain(`timeout="${Number(timeout)}"`);
    });
  }
});
