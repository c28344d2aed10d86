/**
 * axe on `<event-list>` in every view and state, with the light and the dark theme: a filtered
 * list, the month grid, an empty list, a failed feed with its fallback content, and details open
 * in the dialog. Element tests add their own axe check for the state they test.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../src/index.js';
import type {EventListElement} from '../src/event-list.js';
import type {EventCardElement} from '../src/event-card.js';
import {renderList} from './helpers/december.js';
import {part, shadowQuery} from './helpers/page.js';

describe('accessibility in every view and state, light and dark', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: list with filters applied, month, empty`, async () => {
      const filtered = await renderList(
        html`<event-list theme=${theme} when="all" controls="search categories locations dates view" categories="Möte,Aktion"></event-list>`
      );
      await expect(filtered).to.be.accessible();
      const month = await renderList(html`<event-list theme=${theme} view="month" month="2026-12" controls="view"></event-list>`);
      await expect(month).to.be.accessible();
      const empty = await renderList(html`<event-list theme=${theme} controls="search"></event-list>`, []);
      await expect(empty).to.be.accessible();
    });

    it(`${theme}: error, and details open in the dialog`, async () => {
      const failing = await fixture<EventListElement>(
        html`<event-list theme=${theme} src="/no/such/feed-${theme}.json" lang="en"><a href="/">All events</a></event-list>`
      );
      await waitUntil(() => part(failing, 'error'), 'error shown', {timeout: 5000});
      await expect(failing).to.be.accessible();
      const el = await renderList(html`<event-list theme=${theme} when="all" details="dialog" search="marsch" lang="en"></event-list>`);
      const card = shadowQuery<EventCardElement>(el, 'event-card')!;
      await card.updateComplete;
      shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
      await waitUntil(() => shadowQuery<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
      await expect(el).to.be.accessible();
    });
  }
});
