import {expect} from '@open-wc/testing';
import {parseFeed} from '../../../../src/lib/feeds/index.js';
import {parseFieldMap, readFieldMap, valueAt} from '../../../../src/lib/feeds/json/json-fields.js';
import {readJson} from '../../../../src/lib/feeds/json/json.js';
import {FeedError, type ParseContext} from '../../../../src/lib/events/model.js';
import {feedOf} from '../../../helpers/feeds.js';

const ctx: ParseContext = {timeZone: 'Europe/Stockholm', source: 'https://forening.example/api/happenings'};

/** The page author's own JSON shape, as in the JSDoc example of json-fields.ts. */
const happenings = {
  data: {
    results: [
      {
        name: 'Möte',
        when: {begins: '2026-03-12T18:00', ends: '2026-03-12T20:00', unix: 1773334800},
        kind: ['Möte', 'Stockholm'],
        images: [{url: '/bilder/a.jpg'}, {url: '/bilder/b.jpg'}],
        where: {hall: 'Kafé Rosa', street: 'Folkungagatan 10', pos: [59.3139, 18.0765]},
        // Usual aliases the mapping must override.
        title: 'Fel titel',
        date: '1999-01-01',
        link: '/evenemang/mote',
      },
      {name: 'Utan tid', when: {}},
    ],
  },
};

describe('custom JSON fields', () => {
  describe('parseFieldMap', () => {
    const cases: Array<[string, string | undefined, Record<string, string>, string[]]> = [
      // [name, text, fields, ignored]
      ['the README example', 'title:name, start:when.begins, categories:kind', {title: 'name', start: 'when.begins', categories: 'kind'}, []],
      ['spaces, case and spellings of names', ' Title : name ,TIMEZONE:tz, all-day: flags.allday ', {title: 'name', timeZone: 'tz', allDay: 'flags.allday'}, []],
      ['list and its alias events', 'events: data.results', {list: 'data.results'}, []],
      ['array index and epoch unit stay in the path', 'image: images.0.url, start: when.unix@s', {image: 'images.0.url', start: 'when.unix@s'}, []],
      [
        'unknown names are reported, not used',
        'title:name, colour:c, venue_name:v',
        {title: 'name'},
        ['colour:c (unknown field name)', 'venue_name:v (unknown field name)'],
      ],
      ['entries without a path', 'title, start:, end:a..b', {}, ['title (no usable path)', 'start: (no usable path)', 'end:a..b (no usable path)']],
      ['empty and missing text', '', {}, []],
      ['undefined', undefined, {}, []],
      ['stray commas', ',,title:name,,', {title: 'name'}, []],
    ];
    for (const [name, text, fields, ignored] of cases) {
      it(name, () => {
        expect(parseFieldMap(text)).to.deep.equal(fields);
        expect(readFieldMap(text).ignored).to.deep.equal(ignored);
      });
    }
  });

  describe('valueAt', () => {
    const doc = {a: {b: [{c: 1}, {c: 2}]}, list: [10, 20]};
    const cases: Array<[string, unknown]> = [
      ['a.b.1.c', 2],
      ['list.0', 10],
      ['a.b.9.c', undefined],
      ['a.x.y', undefined],
      ['a.__proto__', undefined],
      ['constructor', undefined],
      ['list.length', undefined],
    ];
    for (const [path, value] of cases) {
      it(path, () => expect(valueAt(doc, path)).to.equal(value));
    }
  });

  describe('parseJson with fields', () => {
    const fields = 'list: data.results, title: name, start: when.begins, end: when.ends, categories: kind, image: images.0.url';

    it('reads the author’s JSON through the mapping; mapped fields beat the usual aliases', async () => {
      const feed = feedOf(await readJson(JSON.stringify(happenings), ctx, {fields}));
      expect(feed.events).to.have.length(1);
      const event = feed.events[0];
      expect(event.title).to.equal('Möte');
      expect(event.start.toISOString()).to.equal('2026-03-12T17:00:00.000Z');
      expect(event.end?.toISOString()).to.equal('2026-03-12T19:00:00.000Z');
      expect(event.categories).to.deep.equal(['Möte', 'Stockholm']);
      expect(event.image).to.equal('https://forening.example/bilder/a.jpg');
      // Unmapped: the usual `link` alias still gives the URL.
      expect(event.url).to.equal('https://forening.example/evenemang/mote');
      expect(feed.skipped).to.deep.equal([{index: 1, reason: '"Utan tid" has no usable start date'}]);
    });

    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['epoch seconds named with @s', 'list: data.results, title: name, start: when.unix@s', {start: '2026-03-12T17:00:00.000Z'}],
      ['a number without a unit is refused', 'list: data.results, title: name, start: when.unix', {count: 0}],
      [
        'place from separate fields',
        'list: data.results, title: name, start: when.begins, location: where.hall, address: where.street, lat: where.pos.0, lon: where.pos.1',
        {place: {name: 'Kafé Rosa', address: 'Folkungagatan 10', lat: 59.3139, lon: 18.0765}, locations: ['Kafé Rosa']},
      ],
      ['only a list: items still read by their usual names', 'list: data.results', {title: 'Fel titel', start: '1998-12-31T23:00:00.000Z'}],
      ['unknown names are ignored, the rest applies', 'list: data.results, title: name, colour: x, start: when.begins', {title: 'Möte'}],
    ];
    for (const [name, map, expected] of cases) {
      it(name, async () => {
        const feed = feedOf(await readJson(JSON.stringify(happenings), ctx, {fields: map}));
        if ('count' in expected) {
          expect(feed.events).to.have.length(expected.count as number);
          return;
        }
        const event = feed.events[0];
        if (expected.title) expect(event.title).to.equal(expected.title);
        if (expected.start) expect(event.start.toISOString()).to.equal(expected.start);
        if (expected.place) expect(event.place).to.deep.equal(expected.place);
        if (expected.locations) expect(event.locations).to.deep.equal(expected.locations);
      });
    }

    it('a list path that is not an array is a not-a-feed error naming the path', async () => {
      const result = (await readJson(JSON.stringify(happenings), ctx, {fields: 'list: data.missing, title: name'})) as FeedError;
      expect(result).to.be.instanceOf(FeedError);
      expect(result.code).to.equal('not-a-feed');
      expect(result.message).to.contain('data.missing');
    });

    it('mapped items are not taken over by a platform profile', async () => {
      // `start_at` + `api_id` would look like Luma; the mapping says otherwise.
      const doc = [{api_id: 'x', start_at: 'inte ett datum', heading: 'Egen', begins: '2026-03-12T18:00'}];
      const event = feedOf(await readJson(JSON.stringify(doc), ctx, {fields: 'title: heading, start: begins'})).events[0];
      expect(event.title).to.equal('Egen');
      expect(event.start.toISOString()).to.equal('2026-03-12T17:00:00.000Z');
    });

    it('allDay from a mapped "true" string', async () => {
      const doc = [{t: 'Heldag', d: '2026-06-06T10:00', flag: 'true'}];
      const event = feedOf(await readJson(JSON.stringify(doc), ctx, {fields: 'title:t, start:d, allDay:flag'})).events[0];
      expect(event.allDay).to.equal(true);
      expect(event.start.toISOString()).to.equal('2026-06-05T22:00:00.000Z');
    });

    it('parseFeed passes `fields` through to the JSON parser', async () => {
      const result = feedOf(await parseFeed(JSON.stringify(happenings), ctx, {format: 'auto', fields}));
      expect(result.events[0].title).to.equal('Möte');
    });
  });
});
