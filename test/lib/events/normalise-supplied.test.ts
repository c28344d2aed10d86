import {expect} from '@open-wc/testing';
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import {normaliseSuppliedEvents} from '../../../src/lib/events/normalise.js';

const BASE = 'https://site.example/calendar/';
const start = new Date('2031-01-01T12:00:00Z');
const event = (fields: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: 'e',
  title: 'T',
  start,
  allDay: false,
  categories: [],
  locations: [],
  source: 'page',
  ...fields,
});

// Events a page script gives `<event-list>` are held to the same URL rules as feed events.
describe('normaliseSuppliedEvents', () => {
  const cases: Array<[string, Partial<CalendarEvent>, Partial<CalendarEvent>]> = [
    ['a javascript: link is left out', {url: 'javascript:alert(1)'}, {}],
    ['a data: image is left out', {image: 'data:image/svg+xml,<svg onload=alert(1)>'}, {}],
    ['obfuscated schemes too', {url: '\u0001java\tscript:alert(1)', image: ' vbscript:x'}, {}],
    ['a relative link is resolved against the page', {url: '../e/1', image: '/i.png'}, {url: 'https://site.example/e/1', image: 'https://site.example/i.png'}],
    ['an unsafe online address is left out, the place kept', {place: {name: 'Hall', online: 'javascript:x'}}, {place: {name: 'Hall'}}],
    ['a place with nothing left is left out', {place: {online: 'data:,x'}}, {}],
    ['coordinates that are not numbers are left out', {place: {name: 'Hall', lat: NaN, lon: 2}}, {place: {name: 'Hall'}}],
  ];
  for (const [name, given, kept] of cases) {
    it(name, () => {
      const [result] = normaliseSuppliedEvents([event(given)], BASE);
      expect(result).to.deep.equal(event(kept));
    });
  }

  it('a valid event is kept as the same object; a changed one is a copy', () => {
    const valid = event({
      url: 'https://example.org/e',
      image: 'https://example.org/i.png',
      place: {name: 'Hall', lat: 59.3, lon: 18.1, online: 'https://meet.example/x'},
    });
    const unsafe = event({url: 'javascript:x'});
    const result = normaliseSuppliedEvents([valid, unsafe], BASE);
    expect(result[0]).to.equal(valid);
    expect(result[1]).not.to.equal(unsafe);
    expect(unsafe.url, 'the page’s object is not changed').to.equal('javascript:x');
  });

  it('entries that are not objects are dropped', () => {
    expect(normaliseSuppliedEvents([null, 'x', event()] as unknown as CalendarEvent[], BASE)).to.have.length(1);
  });
});
