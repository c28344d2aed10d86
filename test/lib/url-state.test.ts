import {expect} from '@open-wc/testing';
import {MAX_ITEMS, MAX_TEXT, readUrlState, urlPrefix, writeUrlState, type ListState} from '../../src/lib/url-state.js';

const DEFAULTS: ListState = {search: '', categories: [], locations: [], organizers: [], sources: [], from: '', to: '', view: 'list', month: '', event: ''};

function state(fields: Partial<ListState>): ListState {
  return {...DEFAULTS, ...fields};
}

describe('readUrlState', () => {
  // [what, search, prefix, expected]
  const cases: Array<[string, string, string, Partial<ListState>]> = [
    ['nothing', '', 'feedcal', {}],
    ['only other parameters', '?page=2&lang=sv', 'feedcal', {}],
    ['search with + and %20', '?feedcal-q=m%C3%B6te+om%20hyror', 'feedcal', {search: 'möte om hyror'}],
    [
      'repeated lists',
      '?feedcal-cat=Film%2C%20musik&feedcal-cat=Politik&feedcal-loc=Ume%C3%A5',
      'feedcal',
      {categories: ['Film, musik', 'Politik'], locations: ['Umeå']},
    ],
    ['an empty list parameter means none', '?feedcal-org=', 'feedcal', {organizers: []}],
    [
      'sources (feed URLs) repeated',
      '?feedcal-src=https%3A%2F%2Funion.example%2Ffeed.ics&feedcal-src=%2Ftenants.json',
      'feedcal',
      {sources: ['https://union.example/feed.ics', '/tenants.json']},
    ],
    ['empty items and duplicates dropped', '?feedcal-cat=a&feedcal-cat=&feedcal-cat=a&feedcal-cat=%20b%20', 'feedcal', {categories: ['a', 'b']}],
    ['dates', '?feedcal-from=2026-02-01&feedcal-to=%2B3%20months', 'feedcal', {from: '2026-02-01', to: '+3 months'}],
    ['an empty date means none', '?feedcal-from=', 'feedcal', {from: ''}],
    ['impossible date dropped', '?feedcal-from=2026-02-30&feedcal-to=tomorrow', 'feedcal', {to: 'tomorrow'}],
    ['not a date dropped', '?feedcal-from=javascript:alert(1)', 'feedcal', {}],
    ['view and month', '?feedcal-view=month&feedcal-month=2026-02', 'feedcal', {view: 'month', month: '2026-02'}],
    ['unknown view dropped', '?feedcal-view=grid', 'feedcal', {}],
    ['bad months dropped', '?feedcal-month=2026-13&feedcal-month=2026-2&feedcal-month=0999-01', 'feedcal', {}],
    ['first valid scalar wins', '?feedcal-view=nope&feedcal-view=month&feedcal-view=list', 'feedcal', {view: 'month'}],
    ['event id', '?feedcal-event=abc%40example.org', 'feedcal', {event: 'abc@example.org'}],
    ['empty event dropped', '?feedcal-event=', 'feedcal', {}],
    [
      'bad percent-encoding drops that value only',
      '?feedcal-q=%E0%A4%A&feedcal-cat=%ZZ&feedcal-cat=ok&feedcal-view=month',
      'feedcal',
      {categories: ['ok'], view: 'month'},
    ],
    ['bad percent-encoding in a name', '?%E0%A4%A=1&feedcal-q=x', 'feedcal', {search: 'x'}],
    ['control and bidi characters removed', '?feedcal-q=a%00b%1B%E2%80%AEc%0Ad', 'feedcal', {search: 'abc d'}],
    ['a parameter without =', '?feedcal-q&feedcal-view=month', 'feedcal', {search: '', view: 'month'}],
    ['unknown parameters of our prefix ignored', '?feedcal-x=1&feedcal-=2&feedcal=3', 'feedcal', {}],
    ['another prefix is not ours', '?other-q=x&feedcal-q=y', 'feedcal', {search: 'y'}],
    ['a longer prefix is not ours', '?feedcal-q-q=x&feedcal-cat-cat=y', 'feedcal', {}],
    ['a prefix that needs encoding', '?my%20list-q=x', 'my list', {search: 'x'}],
    ['no leading ?', 'feedcal-q=x', 'feedcal', {search: 'x'}],
    ['__proto__ is just text', '?__proto__-q=x&feedcal-q=__proto__', 'feedcal', {search: '__proto__'}],
  ];
  for (const [what, search, prefix, expected] of cases) {
    it(what, () => expect(readUrlState(search, prefix)).to.deep.equal(expected));
  }

  it('caps text length and list size', () => {
    const long = 'å'.repeat(MAX_TEXT + 50);
    const items = Array.from({length: 200}, (_, i) => `feedcal-cat=c${i}`).join('&');
    const read = readUrlState(`?feedcal-q=${encodeURIComponent(long)}&${items}&feedcal-event=${'x'.repeat(5000)}`, 'feedcal');
    expect(read.search).to.have.length(MAX_TEXT);
    expect(read.categories).to.have.length(MAX_ITEMS);
    expect(read.event).to.have.length(MAX_TEXT);
  });

  it('never cuts a surrogate pair', () => {
    const read = readUrlState(`?feedcal-q=${encodeURIComponent('a' + '😀'.repeat(MAX_TEXT))}`, 'feedcal');
    expect(read.search).to.equal('a' + '😀'.repeat(MAX_TEXT - 1));
  });

  it('never throws on hostile input', () => {
    const hostile = [
      '%',
      '?%',
      '?=&=&&&',
      '?feedcal-q=%',
      '?feedcal-q=%%%',
      '?feedcal-cat=%uD800',
      '?feedcal-q=%ED%A0%80',
      '?' + 'feedcal-cat=a&'.repeat(100_000),
      null,
      undefined,
      42,
    ];
    for (const search of hostile) expect(() => readUrlState(search as string, 'feedcal')).not.to.throw();
  });
});

describe('writeUrlState', () => {
  // [what, search before, state, defaults, search after]
  const cases: Array<[string, string, Partial<ListState>, Partial<ListState>, string]> = [
    ['defaults write nothing', '', {}, {}, ''],
    ['defaults keep the page parameters', '?page=2', {}, {}, '?page=2'],
    ['a search', '', {search: 'möte om hyror'}, {}, '?feedcal-q=m%C3%B6te%20om%20hyror'],
    ['lists repeat', '', {categories: ['Film, musik', 'Politik']}, {}, '?feedcal-cat=Film%2C%20musik&feedcal-cat=Politik'],
    ['the same list as the default, in another order, writes nothing', '', {categories: ['b', 'a']}, {categories: ['a', 'b']}, ''],
    ['a cleared list the page set is written empty', '', {locations: []}, {locations: ['Umeå']}, '?feedcal-loc='],
    ['a cleared date the page set is written empty', '', {from: ''}, {from: 'today'}, '?feedcal-from='],
    ['view, month and event', '', {view: 'month', month: '2026-02', event: 'e1'}, {}, '?feedcal-view=month&feedcal-month=2026-02&feedcal-event=e1'],
    ['the default view writes nothing', '', {view: 'month'}, {view: 'month'}, ''],
    ['invalid values are not written', '', {view: 'grid' as ListState['view'], month: '2026-13', from: 'soon'}, {}, ''],
    [
      'old values of ours replaced, the page parameters kept in order and byte for byte',
      '?b=2&feedcal-q=old&a=x+y%20z&feedcal-cat=old&flag&c=%E0%A4%A',
      {search: 'new'},
      {},
      '?b=2&a=x+y%20z&flag&c=%E0%A4%A&feedcal-q=new',
    ],
    ['the other list is kept', '?first-q=hej&first-view=month', {search: 'hallo'}, {}, '?first-q=hej&first-view=month&feedcal-q=hallo'],
    ['back to defaults removes ours', '?x=1&feedcal-q=old&feedcal-view=month', {}, {}, '?x=1'],
  ];
  for (const [what, before, fields, defaults, after] of cases) {
    it(what, () => expect(writeUrlState(before, 'feedcal', state(fields), state(defaults))).to.equal(after));
  }

  it('what it writes reads back to the same state', () => {
    const written = state({
      search: 'a&b=c #d',
      categories: ['Film, musik', '<b>x</b>'],
      locations: ['Umeå'],
      organizers: ['Fack & Co'],
      sources: ['https://tenants.example/feed.json?a=1&b=2'],
      from: '2026-02-01',
      to: '+3 months',
      view: 'month',
      month: '2026-02',
      event: 'uid@example.org?x=1',
    });
    const search = writeUrlState('?keep=1', 'feedcal', written, DEFAULTS);
    expect(readUrlState(search, 'feedcal')).to.deep.equal(written);
    expect(new URLSearchParams(search).get('keep')).to.equal('1');
  });

  it('two prefixes on one URL do not collide', () => {
    let search = '?page=1';
    search = writeUrlState(search, 'a', state({search: 'alpha', categories: ['x'], view: 'month'}), DEFAULTS);
    search = writeUrlState(search, 'a-cat', state({search: 'beta', categories: ['y']}), DEFAULTS);
    search = writeUrlState(search, 'feedcal', state({organizers: ['z']}), DEFAULTS);
    expect(readUrlState(search, 'a')).to.deep.equal({search: 'alpha', categories: ['x'], view: 'month'});
    expect(readUrlState(search, 'a-cat')).to.deep.equal({search: 'beta', categories: ['y']});
    expect(readUrlState(search, 'feedcal')).to.deep.equal({organizers: ['z']});
    // Rewriting one leaves the others as they were.
    const again = writeUrlState(search, 'a', DEFAULTS, DEFAULTS);
    expect(readUrlState(again, 'a')).to.deep.equal({});
    expect(readUrlState(again, 'a-cat')).to.deep.equal({search: 'beta', categories: ['y']});
    expect(again.startsWith('?page=1&')).to.equal(true);
  });

  it('caps what it writes', () => {
    const search = writeUrlState('', 'feedcal', state({categories: Array.from({length: 50}, (_, i) => `c${i}`), search: 'x'.repeat(1000)}), DEFAULTS);
    const read = readUrlState(search, 'feedcal');
    expect(read.categories).to.have.length(MAX_ITEMS);
    expect(read.search).to.have.length(MAX_TEXT);
  });
});

describe('urlPrefix', () => {
  const cases: Array<[string | null | undefined, string]> = [
    ['events', 'events'],
    ['', 'feedcal'],
    [null, 'feedcal'],
    [undefined, 'feedcal'],
    ['  ', 'feedcal'],
  ];
  for (const [id, expected] of cases) {
    it(String(JSON.stringify(id)), () => expect(urlPrefix(id)).to.equal(expected));
  }
});
