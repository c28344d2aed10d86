/**
 * The details dialog is code only some lists need (views/dialog.ts): a plain list never fetches
 * it, a list that opens events in a dialog fetches it when the page is idle, before any click.
 * This file must not import views/dialog.ts itself, or the checks below see it loaded. What the
 * dialog shows is tested in test/views/dialog.test.ts.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import {shadowQuery} from '../helpers/page.js';
import {nothingHappensWithin} from '../helpers/quiet.js';

const EVENTS = new URL('/test/fixtures/elements/events.json', import.meta.url).href;
const dialogRequested = () => performance.getEntriesByType('resource').some((entry) => /\/views\/dialog\.(js|ts)\b/.test(entry.name));

describe('the details dialog on demand', function () {
  this.timeout(10000);

  it('is not fetched by a list that opens details in place', async () => {
    const el = await fixture<EventListElement>(html`<event-list src=${EVENTS} when="all" lang="en"></event-list>`);
    if (!el.events.length) await oneEvent(el, 'event-list-load');
    // Longer than the idle moment (at most 2 s) in which a list with details="dialog" fetches it.
    await nothingHappensWithin(2500);
    expect(dialogRequested()).to.equal(false);
  });

  it('is fetched when the page is idle by a list with details="dialog", and opens there', async () => {
    const el = await fixture<EventListElement>(html`<event-list src=${EVENTS} when="all" lang="en" details="dialog"></event-list>`);
    if (!el.events.length) await oneEvent(el, 'event-list-load');
    await waitUntil(dialogRequested, 'the dialog code was not fetched', {timeout: 5000});
    await el.updateComplete;
    const card = shadowQuery(el, 'event-card')!;
    shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
    await el.updateComplete;
    const dialog = shadowQuery<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(getComputedStyle(dialog).borderRadius).not.to.equal('0px');
  });
});
