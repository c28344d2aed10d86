import {expect} from '@open-wc/testing';
import {filterEvents} from '../../../src/lib/show/filter.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';

const event = (id: string, locations: string[], place?: CalendarEvent['place']): CalendarEvent => ({
  id,
  title: id,
  start: new Date('2030-01-05T18:00:00Z'),
  allDay: false,
  categories: [],
  locations,
  place,
  source: 'test',
});
const now = new Date('2029-12-01T00:00:00Z');
const events = [
  event('address', ['Kafé Rosa, Folkungagatan 10, 116 30 Stockholm']),
  event('town', ['Stockholm']),
  event('lundby', ['Lundby bibliotek']),
  event('lund', ['Stadsparken, Lund']),
  event('malmo', ['Malmö']),
  event('in-address', [], {name: 'Folkets hus', address: 'Norra Vallgatan 5, 211 25 Malmö'}),
  event('regex', ['Café (C++) [bar]']),
];
// Every event starts at the same time: which ones, in id order.
const at = (...locations: string[]) =>
  filterEvents(events, {when: 'all', locations}, now)
    .map((e) => e.id)
    .sort();

describe('filterEvents: places', () => {
  it('finds a town inside an address, whole words only', () => {
    expect(at('Stockholm')).to.deep.equal(['address', 'town']);
    expect(at('lund')).to.deep.equal(['lund']);
    expect(at('Lundby')).to.deep.equal(['lundby']);
  });

  it("matches case and accents loosely, and reads the place's name and address too", () => {
    expect(at('malmo')).to.deep.equal(['in-address', 'malmo']);
    expect(at('FOLKETS HUS')).to.deep.equal(['in-address']);
  });

  it('matches a whole place name exactly as before, several places as "any of"', () => {
    expect(at('Kafé Rosa, Folkungagatan 10, 116 30 Stockholm')).to.deep.equal(['address']);
    expect(at('Malmö', 'Lund')).to.deep.equal(['in-address', 'lund', 'malmo']);
  });

  it('takes characters that mean something to a regular expression literally', () => {
    expect(at('Café (C++) [bar]')).to.deep.equal(['regex']);
    expect(at('C++')).to.deep.equal(['regex']);
    expect(at('.*')).to.deep.equal([]);
  });
});
