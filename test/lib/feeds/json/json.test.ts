import {expect} from '@open-wc/testing';
import {parseJson, readJson} from '../../../../src/lib/feeds/json/json.js';
import {FeedError, type CalendarEvent, type ParseContext, type ParsedFeed} from '../../../../src/lib/events/model.js';
import {feedOf} from '../../../helpers/feeds.js';

const STOCKHOLM = 'Europe/Stockholm';
const ctx: ParseContext = {timeZone: STOCKHOLM, source: 'https://kalender.example.se/feed.json'};

async function parse(value: unknown, context = ctx): Promise<ParsedFeed> {
  return feedOf(await readJson(JSON.stringify(value), context));
}

async function fixture(name: string): Promise<ParsedFeed> {
  const response = await fetch(new URL(`/test/fixtures/json/${name}`, import.meta.url));
  return feedOf(await readJson(await response.text(), ctx));
}

function byTitle(feed: ParsedFeed, title: string): CalendarEvent {
  const event = feed.events.find((e) => e.title === title);
  if (!event) throw new Error(`no event titled ${title}; have ${feed.events.map((e) => e.title).join(' | ')}`);
  return event;
}

describe('parseJson', () => {
  describe('modules for the rarer shapes', () => {
    // First in this file, which has a page of its own: nothing is loaded on demand yet.
    it('a common feed loads none; a rare shape loads what it needs; parseJson says what it lacks', async () => {
      const gancio = JSON.stringify([
        {title: 'Möte', start: '2026-01-10T18:00:00Z'},
        {title: 'Gancio', start_datetime: 1781712000},
      ]);
      const luma = JSON.stringify({entries: [{event: {name: 'Luma', start_at: '2026-03-12T17:00:00.000Z', api_id: 'e'}}]});
      expect(feedOf(await readJson(JSON.stringify({events: [{title: 'a', date: '2026-01-01', locations: ['Lund']}]}), ctx)).events).to.have.length(1);
      expect(feedOf(parseJson(JSON.stringify({version: '1.1', items: [{title: 'b', date_published: '2026-01-01T10:00:00Z'}]}), ctx)).events).to.have.length(1);
      expect((parseJson(gancio, ctx) as FeedError).message).to.contain('json-shapes');
      // The Gancio item is found in the middle of a canonical list, and read by its profile.
      expect(feedOf(await readJson(gancio, ctx)).events.map((e) => e.start.toISOString())).to.deep.equal(['2026-01-10T18:00:00.000Z', '2026-06-17T16:00:00.000Z']);
      expect(feedOf(parseJson(gancio, ctx)).events).to.have.length(2);
      expect((parseJson(luma, ctx) as FeedError).message).to.contain('platforms');
    });

    it('reads a common document as json-shapes.ts does', async () => {
      const text = await (await fetch(new URL('/test/fixtures/json/gnistor-shaped.json', import.meta.url))).text();
      // A `type` at the top sends the document to json-shapes.ts, which finds the same list.
      const planned = feedOf(await readJson(JSON.stringify({...JSON.parse(text), type: 'Kalender'}), ctx));
      expect(planned.events.length).to.be.above(2);
      expect(planned).to.deep.equal(feedOf(parseJson(text, ctx)));
    });
  });

  describe('the seed event', () => {
    const shapes: Array<[string, string]> = [
      // [fixture, shape]
      ['gnistor-shaped.json', 'Gnistor JSON Feed (link, start_time with offset, forms, locations)'],
      ['canonical-events.json', 'canonical {events} (date floating, organizer object)'],
    ];
    for (const [file, shape] of shapes) {
      it(`reads it from ${shape}`, async () => {
        const event = (await fixture(file)).events[0];
        expect(event.title).to.equal('Bortom Big Tech sociala medier - hur kan vänstern vara online?');
        expect(event.start.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
        expect(event.allDay).to.equal(false);
        expect(event.categories).to.deep.equal(['Möte']);
        expect(event.locations).to.deep.equal(['Stockholm']);
        expect(event.organizer).to.equal('Kamratdataföreningen Konstellationen');
      });
    }
  });

  describe('Gnistor-shaped JSON Feed', () => {
    let feed: ParsedFeed;
    before(async () => {
      feed = await fixture('gnistor-shaped.json');
    });

    it('keeps the good items and skips the one with a broken date, saying why', () => {
      expect(feed.format).to.equal('json');
      expect(feed.title).to.equal('Testkalendern');
      expect(feed.events.map((e) => e.title)).to.deep.equal([
        'Bortom Big Tech sociala medier - hur kan vänstern vara online?',
        'Flygbladsutdelning i Göteborg',
        '🔥 Dansturné på Sergels torg 🔥',
        'Bokmässa',
      ]);
      expect(feed.skipped).to.have.length(1);
      expect(feed.skipped[0].index).to.equal(3);
      expect(feed.skipped[0].reason).to.contain('Trasigt datum').and.contain('start_time').and.contain('nästa fredag');
    });

    it('reads a floating start_time in the display zone', () => {
      const event = byTitle(feed, 'Flygbladsutdelning i Göteborg');
      expect(event.start.toISOString()).to.equal('2026-08-19T15:00:00.000Z');
      expect(event.organizer).to.equal('Studiecirkeln Å&Ä');
      expect(event.categories).to.deep.equal([]);
    });

    it('drops the 1970-01-01 01:00:00 "no end" sentinel', () => {
      const event = byTitle(feed, '🔥 Dansturné på Sergels torg 🔥');
      expect(event.start.toISOString()).to.equal('2026-08-21T10:00:00.000Z');
      expect(event).not.to.have.property('end');
    });

    it('keeps a real end and takes the url from Gnistor’s `link`', () => {
      const event = byTitle(feed, 'Bokmässa');
      expect(event.end?.toISOString()).to.equal('2026-09-27T15:00:00.000Z');
      expect(event.url).to.equal('https://kalender.example.se/event/2026-09-25-bokmassa/');
    });

    it('does not give the feed’s own author to every event', () => {
      expect(byTitle(feed, 'Bokmässa').organizer).to.equal('Förlaget');
    });
  });

  describe('canonical names and aliases', () => {
    let feed: ParsedFeed;
    before(async () => {
      feed = await fixture('canonical-events.json');
    });

    it('skips items without a start and items that are not objects, keeping the rest', () => {
      expect(feed.events).to.have.length(4);
      expect(feed.skipped.map((s) => s.index)).to.deep.equal([4, 5]);
      expect(feed.skipped[0].reason).to.contain('Ingen start alls').and.contain('no usable start date');
      expect(feed.skipped[1].reason).to.contain('not an object');
    });

    it('reads place, geo, organizer object and id', () => {
      const event = feed.events[0];
      expect(event.id).to.equal('evt-1');
      expect(event.end?.toISOString()).to.equal('2023-08-19T17:00:00.000Z');
      expect(event.place).to.deep.equal({name: 'Solidaritetshuset', address: 'Tjärhovsgatan 44, Stockholm', lat: 59.3147, lon: 18.0822});
      // The explicit `locations` list wins; the venue name is in `place`.
      expect(event.locations).to.deep.equal(['Stockholm']);
    });

    it('keeps a hostile title as plain text and drops a javascript: url', () => {
      const event = feed.events[1];
      expect(event.title).to.equal('<img src=x onerror=alert(1)>');
      expect(event.id).to.equal('evt-2');
      expect(event).not.to.have.property('url');
    });

    it('reads a floating time in the item’s own `timezone` and records it', () => {
      const event = feed.events[1];
      expect(event.start.toISOString()).to.equal('2026-03-12T22:00:00.000Z');
      expect(event.timeZone).to.equal('America/New_York');
    });

    it('resolves a relative image, reads tag objects, status and an HTML description', () => {
      const event = feed.events[1];
      expect(event.image).to.equal('https://kalender.example.se/bilder/affisch.jpg');
      expect(event.categories).to.deep.equal(['Workshop', 'Kod']);
      expect(event.status).to.equal('cancelled');
      expect(event.descriptionHtml).to.contain('<strong>dator</strong>');
      expect(event.description).to.equal('Ta med dator.');
    });

    it('treats an end before the start as no end', () => {
      const event = byTitle(feed, 'Slut före start');
      expect(event.start.toISOString()).to.equal('2026-05-01T12:00:00.000Z');
      expect(event).not.to.have.property('end');
    });

    it('`allDay: true` keeps the written date as an all-day date', () => {
      const event = byTitle(feed, 'Heldag i parken');
      expect(event.allDay).to.equal(true);
      expect(event.start.toISOString()).to.equal('2026-06-05T22:00:00.000Z');
      expect(event.locations).to.deep.equal(['Humlegården']);
      expect(event.place).to.deep.equal({name: 'Humlegården'});
    });
  });

  describe('list shapes', () => {
    const item = {title: 'Möte', start: '2026-01-10T18:00:00+01:00'};
    const cases: Array<[string, unknown]> = [
      ['a bare array', [item]],
      ['{events: […]}', {events: [item]}],
      ['{data: […]}', {data: [item]}],
      ['{items: […]}', {items: [item]}],
      ['{data: {events: […]}}', {data: {events: [item]}}],
      ['one event object', item],
      ['JSON Feed 1.1 with version "1.1"', {version: '1.1', title: 'x', items: [item]}],
    ];
    for (const [name, value] of cases) {
      it(name, async () => {
        const feed = await parse(value);
        expect(feed.events).to.have.length(1);
        expect(feed.events[0].start.toISOString()).to.equal('2026-01-10T17:00:00.000Z');
      });
    }

    const empty: Array<[string, unknown]> = [
      ['[]', []],
      ['{events: []}', {events: []}],
      ['JSON Feed without items', {version: 'https://jsonfeed.org/version/1.1', title: 'Tom', items: []}],
    ];
    for (const [name, value] of empty) {
      it(`${name} is a feed with no events, not an error`, async () => {
        const feed = await parse(value);
        expect(feed.events).to.deep.equal([]);
        expect(feed.skipped).to.deep.equal([]);
      });
    }
  });

  describe('whole-feed errors', () => {
    const cases: Array<[string, string, string]> = [
      // [name, text, code]
      ['truncated JSON', '{"events": [{"title": "x"', 'invalid'],
      ['trailing comma', '[{"title": "x"},]', 'invalid'],
      ['an HTML page', '<!DOCTYPE html>\n<html><head><title>Kalender</title></head></html>', 'html-page'],
      ['XML', '<?xml version="1.0"?><rss></rss>', 'not-a-feed'],
      ['JSON without events', '{"name": "Förening", "members": 12}', 'not-a-feed'],
      ['a number', '42', 'not-a-feed'],
      ['null', 'null', 'not-a-feed'],
      ['empty text', '  \n', 'empty'],
    ];
    for (const [name, text, code] of cases) {
      it(`${name} → parse/${code}`, async () => {
        const result = await readJson(text, ctx);
        expect(result).to.be.instanceOf(FeedError);
        expect((result as FeedError).kind).to.equal('parse');
        expect((result as FeedError).code).to.equal(code);
        expect((result as FeedError).message)
          .to.be.a('string')
          .and.not.equal('');
      });
    }

    it('says what is wrong with invalid JSON', async () => {
      const result = (await readJson('{"events": [}', ctx)) as FeedError;
      expect(result.message).to.match(/not valid JSON: .+/);
    });

    it('does not throw on hostile nesting', async () => {
      const deep = '['.repeat(200000) + ']'.repeat(200000);
      expect(() => parseJson(deep, ctx)).not.to.throw();
      const wrapped = JSON.stringify({data: {data: {data: {data: {data: {data: [{title: 'x', start: '2026-01-01'}]}}}}}});
      expect(((await readJson(wrapped, ctx)) as FeedError).code).to.equal('not-a-feed');
      const nestedTitle = await parse([{title: [[[['x']]]], start: '2026-01-01'}]);
      expect(nestedTitle.events).to.have.length(0);
      expect(nestedTitle.skipped[0].reason).to.contain('no title');
    });

    it('reads a feed that starts with a byte-order mark', async () => {
      const feed = feedOf(await readJson('\uFEFF' + JSON.stringify([{title: 'a', start: '2026-01-01'}]), ctx));
      expect(feed.events).to.have.length(1);
    });
  });

  describe('JSON Feed', () => {
    it('uses date_published only for items with no event date field', async () => {
      const feed = await parse({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Blogg',
        items: [
          {id: 'p1', title: 'Inlägg', url: 'https://blogg.example/p1', date_published: '2026-02-01T09:00:00Z', content_html: '<p>Hej</p>'},
          {id: 'p2', title: 'Event', start_time: '2026-03-01 18:00:00', date_published: '2026-02-01T09:00:00Z'},
        ],
      });
      expect(feed.title).to.equal('Blogg');
      expect(feed.events.map((e) => e.start.toISOString())).to.deep.equal(['2026-02-01T09:00:00.000Z', '2026-03-01T17:00:00.000Z']);
      expect(feed.events[0].description).to.equal('Hej');
    });

    it('maps the JSON Feed 1.1 fields', async () => {
      const feed = await parse({
        version: 'https://jsonfeed.org/version/1.1',
        items: [
          {
            id: 42,
            title: 'Årsmöte 🗳️',
            external_url: 'https://forening.example/arsmote',
            summary: 'Kort text',
            banner_image: 'https://forening.example/banner.png',
            date_published: '2026-04-01T18:00:00+02:00',
            tags: ['Möte', 'Möte', ' Årsmöte '],
            authors: [{name: 'Styrelsen'}],
          },
        ],
      });
      const event = feed.events[0];
      expect(event.id).to.equal('42');
      expect(event.title).to.equal('Årsmöte 🗳️');
      expect(event.url).to.equal('https://forening.example/arsmote');
      expect(event.description).to.equal('Kort text');
      expect(event.image).to.equal('https://forening.example/banner.png');
      expect(event.categories).to.deep.equal(['Möte', 'Årsmöte']);
      expect(event.organizer).to.equal('Styrelsen');
    });

    it('does not use date_published outside JSON Feed', async () => {
      const feed = await parse([{title: 'Inlägg', date_published: '2026-02-01T09:00:00Z'}]);
      expect(feed.events).to.have.length(0);
      expect(feed.skipped[0].reason).to.contain('no usable start date');
    });
  });

  describe('Gancio /api/events', () => {
    let feed: ParsedFeed;
    before(async () => {
      feed = await fixture('gancio-api-events.json');
    });

    it('reads epoch seconds and builds image and page URLs from the feed origin', () => {
      const event = feed.events[0];
      expect(event.title).to.equal('Folkkök');
      expect(event.id).to.equal('7');
      expect(event.start.toISOString()).to.equal('2026-06-17T16:00:00.000Z');
      expect(event.end?.toISOString()).to.equal('2026-06-17T19:00:00.000Z');
      expect(event.image).to.equal('https://kalender.example.se/media/3b7e1f0c9a.jpg');
      expect(event.url).to.equal('https://kalender.example.se/event/folkkok');
      expect(event.categories).to.deep.equal(['Mat', 'Solidaritet']);
      expect(event.locations).to.deep.equal(['Kvartersgården']);
      expect(event.place).to.deep.equal({name: 'Kvartersgården', address: 'Storgatan 1, Umeå', lat: 63.8258, lon: 20.263});
    });

    it('reads an online event with a null end and `{tag}` objects', () => {
      const event = feed.events[1];
      expect(event.start.toISOString()).to.equal('2026-06-24T16:00:00.000Z');
      expect(event).not.to.have.property('end');
      expect(event).not.to.have.property('image');
      expect(event.place).to.deep.equal({name: 'online', online: 'https://meet.example.se/cirkel'});
      expect(event.categories).to.deep.equal(['Studier']);
      expect(event.description).to.equal('Vi läser kapitel 3.');
    });
  });

  describe('ActivityStreams Event', () => {
    it('reads a Create activity wrapping an Event', async () => {
      const feed = await fixture('activitystreams-create.json');
      expect(feed.events).to.have.length(1);
      const event = feed.events[0];
      expect(event.id).to.equal('https://kalender.example.se/federation/m/12');
      expect(event.title).to.equal('Cykelmeck & fika');
      expect(event.start.toISOString()).to.equal('2026-04-18T11:00:00.000Z');
      expect(event.end?.toISOString()).to.equal('2026-04-18T14:00:00.000Z');
      expect(event.url).to.equal('https://kalender.example.se/event/cykelmeck');
      expect(event.categories).to.deep.equal(['cykel']);
      expect(event.locations).to.deep.equal(['Verkstan']);
      expect(event.place).to.deep.equal({name: 'Verkstan', address: '416 64 Göteborg, Sverige', lat: 57.7019, lon: 11.9892});
      expect(event.image).to.equal('https://kalender.example.se/media/cykel.jpg');
      expect(event.organizer).to.equal('Cykelköket');
      expect(event.status).to.equal('tentative');
      expect(event.description).to.equal('Laga cykeln & ta en fika.');
    });

    const swapped = {latitude: -1.5494, longitude: 47.2162};
    const cases: Array<[string, unknown, boolean]> = [
      // [name, @context, geo kept]
      ['plain ActivityStreams context', 'https://www.w3.org/ns/activitystreams', true],
      ['Mobilizon context (swaps latitude and longitude)', ['https://www.w3.org/ns/activitystreams', {mz: 'https://joinmobilizon.org/ns#'}], false],
    ];
    for (const [name, context, kept] of cases) {
      it(`geo with a ${name}: ${kept ? 'kept' : 'dropped'}`, async () => {
        const feed = await parse({
          '@context': context,
          type: 'Event',
          name: 'Fest',
          startTime: '2019-12-18T13:00:00Z',
          attributedTo: 'https://mobilizon.example/@grupp',
          location: {type: 'Place', name: 'Slottet', geo: swapped},
        });
        const event = feed.events[0];
        expect(event).not.to.have.property('organizer');
        expect(event.place?.name).to.equal('Slottet');
        expect(event.place?.lat).to.equal(kept ? swapped.latitude : undefined);
      });
    }

    it('drops out-of-range coordinates', async () => {
      const feed = await parse({type: 'Event', name: 'X', startTime: '2026-01-01T10:00:00Z', location: {name: 'P', geo: {latitude: 147.2, longitude: -1.5}}});
      expect(feed.events[0].place).to.deep.equal({name: 'P'});
    });
  });

  describe('text and URLs', () => {
    const cases: Array<[string, Record<string, unknown>, Partial<Record<keyof CalendarEvent, unknown>>]> = [
      ['accents and emoji in titles', {title: 'Möte på Café Åsa 🎉'}, {title: 'Möte på Café Åsa 🎉'}],
      ['entities decoded once', {title: 'Mat &amp;amp; prat'}, {title: 'Mat &amp; prat'}],
      ['markup in a title stays text', {title: '<b>Fet</b> rubrik'}, {title: '<b>Fet</b> rubrik'}],
      ['summary as title only when there is no title', {summary: 'Från summary'}, {title: 'Från summary'}],
      ['javascript: url dropped', {title: 'x', url: 'javascript:alert(1)'}, {url: undefined}],
      ['data: image dropped', {title: 'x', image: 'data:image/png;base64,AAAA'}, {image: undefined}],
      ['relative url resolved', {title: 'x', href: '/event/1'}, {url: 'https://kalender.example.se/event/1'}],
      ['organizer URL is not a name', {title: 'x', organizer: 'https://example.org/@a'}, {organizer: undefined}],
      ['schema.org type is not a category', {title: 'x', type: 'MusicEvent', category: 'Konsert'}, {categories: ['Konsert']}],
    ];
    for (const [name, fields, expected] of cases) {
      it(name, async () => {
        const event = (await parse([{start: '2026-01-10T18:00:00Z', ...fields}])).events[0];
        for (const [key, value] of Object.entries(expected)) {
          if (value === undefined) expect(event).not.to.have.property(key);
          else expect(event[key as keyof CalendarEvent]).to.deep.equal(value);
        }
      });
    }

    it('reads Eventbrite’s {timezone, local, utc} times and {text, html} texts', async () => {
      const feed = await parse({
        events: [
          {
            name: {text: 'Konferens', html: 'Konferens'},
            description: {text: 'Hela dagen', html: '<P>Hela dagen</P>'},
            start: {timezone: 'America/New_York', local: '2018-03-10T08:30:00', utc: '2018-03-10T13:30:00Z'},
            end: {timezone: 'America/New_York', local: '2018-03-10T17:30:00', utc: '2018-03-10T22:30:00Z'},
            logo: {url: 'https://img.example/logo.jpg'},
          },
        ],
      });
      const event = feed.events[0];
      expect(event.title).to.equal('Konferens');
      expect(event.start.toISOString()).to.equal('2018-03-10T13:30:00.000Z');
      expect(event.end?.toISOString()).to.equal('2018-03-10T22:30:00.000Z');
      expect(event.timeZone).to.equal('America/New_York');
      expect(event.description).to.equal('Hela dagen');
      expect(event.image).to.equal('https://img.example/logo.jpg');
    });

    it('refuses numeric starts outside the Gancio profile (unit unknown)', async () => {
      const feed = await parse([{title: 'x', start: 1781712000}]);
      expect(feed.events).to.have.length(0);
      expect(feed.skipped[0].reason).to.contain('is not a date');
    });
  });
});
