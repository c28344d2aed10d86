/**
 * Event details in the dialog (views/dialog.ts, `details="dialog"`): the card opens there
 * instead of in place, the dialog is the card's frame, and the page's `card__*` part rules
 * reach the card inside it. When its code is fetched is tested in
 * test/views/dialog-on-demand.test.ts.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventCardElement} from '../../src/event-card.js';
import {ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {setViewport} from '@web/test-runner-commands';
import {part, shadowQuery} from '../helpers/page.js';

describe('event details', () => {
  it('open in a dialog with details="dialog"', async () => {
    const el = await renderList(html`<event-list when="all" details="dialog" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    await card.updateComplete;
    shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
    await el.updateComplete;
    const dialog = shadowQuery<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(card.expanded).to.equal(false);
    const inside = dialog.querySelector<EventCardElement>('event-card')!;
    expect(inside.expanded).to.equal(true);
    expect(inside.event!.title).to.equal('Marsch');
    await inside.updateComplete;
    const insidePart = (name: string) => getComputedStyle(part(inside, name)!);
    // The dialog is the card's frame, and the page's card__* rules reach the card in it.
    expect([insidePart('base').borderTopWidth, insidePart('base').paddingTop]).to.deep.equal(['0px', '0px']);
    const pageRules = document.createElement('style');
    pageRules.textContent = 'event-list::part(card__title) { color: rgb(1, 2, 3); } event-list::part(card__base) { padding: 7px; }';
    document.head.append(pageRules);
    try {
      expect(insidePart('title').color).to.equal('rgb(1, 2, 3)');
      expect(insidePart('base').paddingTop).to.equal('7px');
    } finally {
      pageRules.remove();
    }
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('.dialog-close button')!.click();
    await waitUntil(() => !shadowQuery(el, 'dialog'), 'dialog closed');
  });

  it('fits the window with its padding, scrolls inside, and keeps the page behind it still', async () => {
    await setViewport({width: 800, height: 600});
    const tall = document.createElement('div');
    tall.style.height = '3000px';
    document.body.append(tall);
    try {
      const long = calendarEvent('Lång kväll', '2026-12-16T17:00:00Z', {description: 'Ett stycke om kvällen som är långt. '.repeat(200)});
      const el = await renderList(html`<event-list when="all" details="dialog" time-zone=${ZONE} lang="en"></event-list>`, [long]);
      const card = shadowQuery<EventCardElement>(el, 'event-card')!;
      await card.updateComplete;
      shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
      await waitUntil(() => shadowQuery<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
      await el.updateComplete;
      const dialog = shadowQuery<HTMLDialogElement>(el, 'dialog')!;
      const box = dialog.getBoundingClientRect();
      expect(box.top).to.be.at.least(0);
      expect(box.bottom, 'its padding and border inside the window').to.be.at.most(innerHeight);
      expect(dialog.scrollHeight, 'the long event scrolls inside it').to.be.above(dialog.clientHeight);
      expect(getComputedStyle(document.documentElement).overflow, 'the page does not scroll').to.equal('hidden');
      dialog.querySelector<HTMLButtonElement>('.dialog-close button')!.click();
      await waitUntil(() => !shadowQuery(el, 'dialog'), 'dialog closed');
      await el.updateComplete;
      expect(getComputedStyle(document.documentElement).overflow, 'the page scrolls again').to.equal('visible');
      expect(document.documentElement.getAttribute('style') ?? '', 'nothing left behind').not.to.contain('hidden');
    } finally {
      tall.remove();
    }
  });
});
