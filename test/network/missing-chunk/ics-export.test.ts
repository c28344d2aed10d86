/**
 * The calendar export's chunk (lib/ics-export.ts) cannot be loaded: an opened card has its
 * details and the .ics button, but no Google Calendar or Outlook links. Once the chunk is served
 * again, the next opening has them.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/index.js';
import type {EventCardElement} from '../../../src/event-card.js';
import {icsExport} from '../../../src/views/card-details.js';
import {en} from '../../../src/lib/locales/en.js';
import {part} from '../../helpers/page.js';
import {EVENTS, missingChunk, type MissingChunk} from './chunk.js';

describe('when the calendar export cannot be loaded', function () {
  this.timeout(10000);
  let ics: MissingChunk;

  before(() => (ics = missingChunk('/src/lib/ics-export.ts')));

  it('an opened card has no calendar links, and the next opening asks again', async () => {
    const card = await fixture<EventCardElement>(html`<event-card .event=${EVENTS[2]} time-zone="UTC" lang="en"></event-card>`);
    const toggle = () => card.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    const links = () => [...card.shadowRoot!.querySelectorAll('.calendar a')].map((a) => a.textContent);
    toggle();
    await card.updateComplete;
    await waitUntil(() => part(card, 'details'), 'no details');
    await waitUntil(() => icsExport.failed, 'the export was not asked for');
    await card.updateComplete;
    expect(links()).to.deep.equal([]);
    expect(card.shadowRoot!.querySelector('.calendar button')!.textContent).to.equal(en.downloadIcs);

    await ics.serve();
    toggle();
    await card.updateComplete;
    toggle();
    await waitUntil(() => links().length === 2, 'no calendar links at the next opening');
    expect(links()).to.deep.equal([en.googleCalendar, en.outlook]);
    expect(await ics.asked()).to.equal(2);
  });
});
