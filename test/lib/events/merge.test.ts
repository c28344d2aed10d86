import {expect} from '@open-wc/testing';
import {mergeEvents} from '../../../src/lib/events/merge.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';

const at = new Date('2030-01-05T18:00:00Z');
const event = (id: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id,
  title: `Event ${id}`,
  start: at,
  allDay: false,
  categories: [],
  locations: [],
  source: 'a',
  ...extra,
});

describe('mergeEvents', () => {
  it('keeps an event found in two feeds once, from the first source, with the categories and places of both', () => {
    const first = [event('1', {categories: ['Möte'], locations: ['Malmö']}), event('2')];
    const second = [event('1', {categories: ['Studiecirkel', 'Möte'], locations: ['Lund'], source: 'b'}), event('3', {source: 'b'})];
    const merged = mergeEvents([first, second]);
    expect(merged.map((e) => e.id)).to.deep.equal(['1', '2', '3']);
    expect(merged[0].source).to.equal('a');
    expect(merged[0].categories).to.deep.equal(['Möte', 'Studiecirkel']);
    expect(merged[0].locations).to.deep.equal(['Malmö', 'Lund']);
    // The sources' own events are not changed.
    expect(first[0].categories).to.deep.equal(['Möte']);
  });

  it("credits every source that had an event, in the order listed, without changing the sources' events", () => {
    const global = 'uid-42@union.example';
    const lists = [[event(global)], [event(global, {source: 'b'}), event('b-only', {source: 'b'})], [event(global, {source: 'c'})], [event(global, {source: 'b'})]];
    const merged = mergeEvents(lists);
    expect(merged.map((e) => [e.id, e.source, e.alsoFrom])).to.deep.equal([
      [global, 'a', ['b', 'c']],
      ['b-only', 'b', undefined],
    ]);
    expect(lists[0][0].alsoFrom).to.equal(undefined);
    // Merged again (a source arrived later): the credits are worked out afresh, never doubled.
    expect(mergeEvents(lists)[0].alsoFrom).to.deep.equal(['b', 'c']);
  });

  it('knows a copy by its URL and start, or by its title and start, whatever the ids', () => {
    const first = [event('a1', {url: 'https://example.org/e/1', title: 'Fika'}), event('a2', {title: 'Öppet   möte!'})];
    const second = [
      event('b1', {url: 'https://example.org/e/1', title: 'Something else'}),
      event('b2', {title: 'öppet möte'}),
      event('b3', {title: 'Öppet möte', start: new Date(at.getTime() + 3600_000)}),
    ];
    expect(mergeEvents([first, second]).map((e) => e.id)).to.deep.equal(['a1', 'a2', 'b3']);
  });

  it('keeps apart different events that share a feed-local id, and keeps ids unique', () => {
    // Two Gancio instances: both number their events from 1.
    const malmo = [event('1', {title: 'Fika i Malmö', categories: ['Fika']}), event('2', {title: 'Möte i Malmö'})];
    const lund = [event('1', {title: 'Demo i Lund', categories: ['Demonstration'], source: 'b'}), event('2', {title: 'Cirkel i Lund', source: 'b'})];
    const third = [event('1', {title: 'Tredje', source: 'c'})];
    const merged = mergeEvents([malmo, lund, third]);
    expect(merged.map((e) => [e.id, e.title])).to.deep.equal([
      ['1', 'Fika i Malmö'],
      ['2', 'Möte i Malmö'],
      ['1~2', 'Demo i Lund'],
      ['2~2', 'Cirkel i Lund'],
      ['1~3', 'Tredje'],
    ]);
    expect(merged.map((e) => e.categories)).to.deep.equal([['Fika'], [], ['Demonstration'], [], []]);
  });

  for (const id of [
    '20300105T180000Z-42@cal.example.org',
    'urn:uuid:0b6d3f0e-58a2-4b8e-9d6c-7f1c2e3a4b5c',
    'https://mobilizon.example/events/0b6d3f0e',
    '0b6d3f0e-58a2-4b8e-9d6c-7f1c2e3a4b5c',
  ]) {
    it(`knows a copy by a global id (${id.slice(0, 24)}…) even when its title changed`, () => {
      const merged = mergeEvents([[event(id, {title: 'Årsmöte'})], [event(id, {title: 'Årsmöte (ny lokal)', locations: ['Lund'], source: 'b'})]]);
      expect(merged.map((e) => [e.id, e.title, e.locations])).to.deep.equal([[id, 'Årsmöte', ['Lund']]]);
    });
  }

  it('returns a single non-empty list as it is', () => {
    const only = [event('1'), event('2')];
    expect(mergeEvents([[], only, []])).to.equal(only);
    expect(mergeEvents([[], []])).to.deep.equal([]);
  });
});
