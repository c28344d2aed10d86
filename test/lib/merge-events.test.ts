import {expect} from '@open-wc/testing';
import {mergeEvents} from '../../src/lib/load-feed.js';
import type {CalendarEvent} from '../../src/lib/model.js';

const at = new Date('2030-01-05T18:00:00Z');
const event = (id: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({id, title: `Event ${id}`, start: at, allDay: false, categories: [], locations: [], source: 'a', ...extra});

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

  it('knows a copy by its URL and start, or by its title and start, whatever the ids', () => {
    const first = [event('a1', {url: 'https://example.org/e/1', title: 'Fika'}), event('a2', {title: 'Öppet   möte!'})];
    const second = [event('b1', {url: 'https://example.org/e/1', title: 'Something else'}), event('b2', {title: 'öppet möte'}), event('b3', {title: 'Öppet möte', start: new Date(at.getTime() + 3600_000)})];
    expect(mergeEvents([first, second]).map((e) => e.id)).to.deep.equal(['a1', 'a2', 'b3']);
  });

  it('returns a single non-empty list as it is', () => {
    const only = [event('1'), event('2')];
    expect(mergeEvents([[], only, []])).to.equal(only);
    expect(mergeEvents([[], []])).to.deep.equal([]);
  });
});
