/**
 * A small December calendar in Stockholm, given to lists through `.events` (no feed, no network):
 * the view tests (month grid, filter bar, details, dialog), the address-sync tests and the
 * accessibility sweep all read it.
 */
import {fixture, waitUntil, type html} from '@open-wc/testing';
import type {EventListElement} from '../../src/event-list.js';
import type {CalendarEvent} from '../../src/lib/events/model.js';
import {shadowQuery} from './page.js';

export const ZONE = 'Europe/Stockholm';

let n = 0;

/** A timed event with a unique id, no categories or places unless `extra` gives them. */
export const calendarEvent = (title: string, start: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: `e${++n}`,
  title,
  start: new Date(start),
  allDay: false,
  categories: [],
  locations: [],
  source: 'https://example.org/feed.json',
  ...extra,
});

/** Five events, 2–14 December 2026: categories, places, an organizer, a four-day fair, regex characters in a title. */
export const DECEMBER: CalendarEvent[] = [
  calendarEvent('Studiecirkel', '2026-12-02T17:30:00Z', {categories: ['Studiecirkel'], locations: ['Stockholm'], organizer: 'ABF'}),
  calendarEvent('Kampanja', '2026-12-05T12:00:00Z', {categories: ['Aktion'], locations: ['Göteborg'], organizer: 'TTF'}),
  calendarEvent('Bokmässa', '2026-12-10T23:00:00Z', {
    allDay: true,
    end: new Date('2026-12-13T23:00:00Z'),
    categories: ['Mässa', 'Kultur'],
    locations: ['Stockholm'],
  }),
  calendarEvent('Marsch', '2026-12-12T13:00:00Z', {
    categories: ['Demonstration'],
    locations: ['Malmö'],
    place: {name: 'Möllan', address: 'Möllevångstorget, Malmö', lat: 55.591, lon: 13.009},
  }),
  calendarEvent('Möte om (regex) .*', '2026-12-14T17:00:00Z', {categories: ['Möte'], locations: ['Stockholm'], description: 'Vi pratar om [a-z]+ och annat.'}),
];

/**
 * Renders `template` (an `<event-list>`), gives it `events`, and waits until it is drawn with the
 * code it fetches on demand: the month grid for `view="month"`, the filter bar for `controls`.
 */
export async function renderList(template: ReturnType<typeof html>, events: CalendarEvent[] = DECEMBER): Promise<EventListElement> {
  const el = await fixture<EventListElement>(template);
  el.events = events;
  await el.updateComplete;
  await waitUntil(() => el.view !== 'month' || shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
  await waitUntil(() => !el.controls || shadowQuery(el, '[role="search"]'), 'filter bar loaded', {timeout: 5000});
  await el.updateComplete;
  return el;
}
