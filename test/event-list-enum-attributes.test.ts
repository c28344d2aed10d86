/**
 * The list's enumerated attributes (`format`, `when`, `view`, `group-by`, `details`) are read
 * once, by their converters (src/lib/attributes.ts): a value the list does not know reads as the
 * default, and the list shows what the default shows. The attribute stays as the page wrote it,
 * except `view`, which reflects the view shown.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../src/index.js';
import type {EventListElement} from '../src/event-list.js';
import type {CalendarEvent} from '../src/lib/events/model.js';
import {cardTitles, part, parts} from './helpers/page.js';
import {calendarEvent} from './helpers/december.js';

/** An event with the given id (calendarEvent numbers its own otherwise). */
const event = (id: string, title: string, start: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => calendarEvent(title, start, {id, ...extra});
// Around the test clock's day (2026-11-27): one past, two to come on two days.
const EVENTS = [event('past', 'Earlier', '2026-11-20T18:00:00Z'), event('a', 'Soon', '2026-12-02T18:00:00Z'), event('b', 'Later', '2026-12-09T18:00:00Z')];

describe('<event-list> enumerated attributes', () => {
  it('read an unknown value as the default', async () => {
    const el = await fixture<EventListElement>(
      html`<event-list format="xml" when="soon" view="grid" group-by="week" details="modal" time-zone="UTC" lang="en"></event-list>`
    );
    el.events = EVENTS;
    await el.updateComplete;
    expect([el.format, el.when, el.view, el.groupBy, el.details]).to.deep.equal(['auto', 'upcoming', 'list', 'day', 'inline']);
    expect(el.getAttribute('when')).to.equal('soon');
    expect(el.getAttribute('view'), 'reflected').to.equal('list');
    // What the defaults show: the upcoming events, as a list under day headings.
    expect(cardTitles(el)).to.deep.equal(['Soon', 'Later']);
    expect(parts(el, 'group-heading')).to.have.length(2);
  });

  it('follow a later change of the attribute, and its removal', async () => {
    const el = await fixture<EventListElement>(html`<event-list when="all" time-zone="UTC" lang="en"></event-list>`);
    el.events = EVENTS;
    await el.updateComplete;
    expect(cardTitles(el)).to.have.length(3);
    el.setAttribute('when', 'past');
    el.setAttribute('group-by', 'none');
    await el.updateComplete;
    expect([el.when, el.groupBy]).to.deep.equal(['past', 'none']);
    expect(cardTitles(el)).to.deep.equal(['Earlier']);
    el.removeAttribute('when');
    await el.updateComplete;
    expect(el.when).to.equal('upcoming');
    expect(cardTitles(el)).to.deep.equal(['Soon', 'Later']);
  });

  it('keep what a script sets, and reflect the view', async () => {
    const el = await fixture<EventListElement>(html`<event-list time-zone="UTC" lang="en"></event-list>`);
    el.events = EVENTS;
    el.view = 'month';
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('month');
    await waitUntil(() => part(el, 'month'), 'no month view');
  });
});
