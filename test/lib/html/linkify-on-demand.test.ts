/**
 * The linkifier (lib/html/linkify.ts, with linkify-it) is code only descriptions with an address
 * need: a card whose description holds none never fetches it; one whose description does fetches
 * it and links the address. This file must not import linkify.ts itself, or the checks below see
 * it loaded.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/event-card.js';
import type {EventCardElement} from '../../../src/event-card.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import {part} from '../../helpers/page.js';
import {nothingHappensWithin} from '../../helpers/quiet.js';

const linkifierRequested = () => performance.getEntriesByType('resource').some((entry) => /\/html\/linkify\.(js|ts)\b|\/linkify-it\//.test(entry.name));
const event = (description: string): CalendarEvent => ({
  id: description,
  title: 'Möte',
  start: new Date('2026-12-05T17:00:00Z'),
  allDay: false,
  categories: [],
  locations: [],
  description,
  source: 'test',
});

describe('the linkifier on demand', () => {
  it('is not fetched for descriptions without an address, opened or not', async () => {
    const el = await fixture<EventCardElement>(html`<event-card .event=${event('Välkommen!\nKl. 18.00 i Folkets hus.')} lang="en"></event-card>`);
    el.expanded = true;
    await el.updateComplete;
    await nothingHappensWithin(300);
    expect(linkifierRequested()).to.equal(false);
    expect(part(el, 'description')!.querySelectorAll('p')).to.have.length(2);
  });

  it('is fetched for a description with an address, which becomes a link', async () => {
    const el = await fixture<EventCardElement>(html`<event-card .event=${event('Läs mer på https://example.org/mote')} lang="en"></event-card>`);
    await el.updateComplete;
    await waitUntil(() => part(el, 'description')!.querySelector('a'), 'the address linked');
    expect(linkifierRequested()).to.equal(true);
    expect(part(el, 'description')!.querySelector('a')!.href).to.equal('https://example.org/mote');
  });
});
