import {expect} from '@open-wc/testing';
import {parseRss} from '../../../../src/lib/feeds/xml/rss.js';
import {FeedError, type CalendarEvent, type ParsedFeed} from '../../../../src/lib/events/model.js';
import {feedOf as feed} from '../../../helpers/feeds.js';

const STOCKHOLM = 'Europe/Stockholm';
const ctx = {timeZone: STOCKHOLM, source: 'https://feeds.example.org/feed.xml'};

async function fixture(name: string): Promise<string> {
  return (await fetch(new URL(`/test/fixtures/rss/${name}`, import.meta.url))).text();
}

function byTitle(parsed: ParsedFeed, title: string): CalendarEvent {
  const event = parsed.events.find((e) => e.title === title);
  if (!event) throw new Error(`no event titled ${title}: ${parsed.events.map((e) => e.title).join(' | ')}`);
  return event;
}

describe('parseRss: Gnistor namespace', () => {
  let parsed: ParsedFeed;
  before(async () => {
    parsed = feed(parseRss(await fixture('gnistor-style.xml'), ctx));
  });

  it('reads the seed event as the widget must show it', () => {
    const seed = parsed.events[0];
    expect(seed.title).to.equal('Bortom Big Tech sociala medier - hur kan vänstern vara online?');
    expect(seed.start.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
    expect(seed.allDay).to.equal(false);
    expect(seed.categories).to.deep.equal(['Möte']);
    expect(seed.organizer).to.equal('Kamratdataföreningen Konstellationen');
    expect(seed.url).to.equal('https://kalender.example.se/event/2023-08-19-bortom-big-tech/');
    expect(seed.description).to.equal('Temakväll om Fediversum.');
    expect(seed.descriptionHtml).to.equal(undefined);
    expect(parsed.format).to.equal('rss');
    expect(parsed.title).to.equal('Testkalender');
  });

  it('splits forms and locations on lines, so multi-word values survive', () => {
    const fair = byTitle(parsed, 'Bokmässa');
    expect(fair.categories).to.deep.equal(['Radikal bokmässa', 'Forum']);
    expect(fair.locations).to.deep.equal(['Stockholm', 'Kulturhuset Gamla Stan']);
    expect(fair.end?.toISOString()).to.equal('2026-09-27T15:00:00.000Z');
    expect(fair.url).to.equal('https://feeds.example.org/event/2026-09-25-bokmassa/');
    expect(fair.description).to.equal('Tre dagar med böcker & samtal.');
  });

  it('drops the 1970 end sentinel and keeps empty lists empty', () => {
    const dance = byTitle(parsed, 'Dansturné');
    expect(dance.end).to.equal(undefined);
    expect(dance.categories).to.deep.equal([]);
    expect(dance.organizer).to.equal(undefined);
  });
});

describe('parseRss: mod_event under another prefix', () => {
  let parsed: ParsedFeed;
  before(async () => {
    parsed = feed(parseRss(await fixture('ev-module.rss'), ctx));
  });

  it('reads dates, location, type, organizer and image by namespace', () => {
    const soccer = parsed.events[0];
    expect(soccer.title).to.equal("Women's Soccer vs Example State");
    expect(soccer.start.toISOString()).to.equal('2026-08-08T23:00:00.000Z');
    expect(soccer.end?.toISOString()).to.equal('2026-08-09T01:00:00.000Z');
    expect(soccer.locations).to.deep.equal(['Oxford, Ohio, Field 2']);
    expect(soccer.categories).to.deep.equal(['Home games', 'Soccer']);
    expect(soccer.organizer).to.equal('Athletics Department');
    expect(soccer.image).to.equal('https://sports.example.edu/logo.png');
    expect(soccer.place).to.deep.equal({lat: 39.51, lon: -84.73, name: 'Oxford, Ohio, Field 2'});
    expect(soccer.id).to.equal('https://sports.example.edu/game?id=1&sport=16');
  });

  it('decodes entities once: the title by XML, the HTML description once more as HTML', () => {
    const soccer = parsed.events[0];
    expect(soccer.url).to.equal('https://sports.example.edu/game?id=1&sport=16');
    // `&amp;amp;` is XML for the HTML `&amp;`, which a reader sees as `&`.
    expect(soccer.description).to.equal("Women's Soccer vs Example State https://sports.example.edu/game?id=1&sport=16");
    expect(byTitle(parsed, 'Golf Invitational - Heights Golf & CC')).to.exist;
  });

  it('makes a date-only start all-day and drops its date-time end', () => {
    const golf = byTitle(parsed, 'Golf Invitational - Heights Golf & CC');
    expect(golf.allDay).to.equal(true);
    expect(golf.start.toISOString()).to.equal('2027-05-01T22:00:00.000Z');
    expect(golf.end).to.equal(undefined);
    expect(golf.locations).to.deep.equal([]);
    expect(golf.image).to.equal('https://sports.example.edu/golf.jpg');
    // dc:creator counts as organizer in an event feed.
    expect(golf.organizer).to.equal('Sports Information');
  });

  it('reads a date-only end as the last day, stored exclusive', () => {
    const tennis = byTitle(parsed, 'Tennis multi-day');
    expect(tennis.start.toISOString()).to.equal('2026-09-30T22:00:00.000Z');
    expect(tennis.end?.toISOString()).to.equal('2026-10-03T22:00:00.000Z');
  });

  it('skips the broken items, with index and reason, and keeps the rest', () => {
    expect(parsed.events).to.have.length(4);
    expect(parsed.skipped.map((s) => s.index)).to.deep.equal([2, 3]);
    expect(parsed.skipped[0].reason).to.contain('next Tuesday');
    expect(parsed.skipped[1].reason).to.equal('no title');
  });

  it('keeps a hostile title as text, drops javascript: links and an end equal to the start', () => {
    const track = byTitle(parsed, '<img src=x onerror=alert(1)> Track meet');
    expect(track.url).to.equal(undefined);
    expect(track.end).to.equal(undefined);
  });
});

describe('parseRss: broken XML', () => {
  it('recovers from HTML entities and bare ampersands', async () => {
    const parsed = feed(parseRss(await fixture('html-entities.rss'), ctx));
    expect(parsed.title).to.equal('Föreningen Exempel');
    expect(parsed.events.map((e) => e.title)).to.deep.equal(['Sommar fest — alla välkomna…', 'Unknown &madeup; entity']);
    expect(parsed.events[0].url).to.equal('https://forening.example.org/?p=1&cat=2');
    expect(parsed.events[0].start.toISOString()).to.equal('2026-06-20T16:00:00.000Z');
    expect(parsed.events[0].description).to.equal('Grill\u00a0& musik');
    expect(parsed.events[0].descriptionHtml).to.equal('<p>Grill&nbsp;&amp; musik</p>');
  });

  const failures: Array<[string, string, string, RegExp]> = [
    // [what, input, error code, message]
    ['not XML at all', 'this is not a feed', 'invalid', /not well-formed XML: error on line 1/],
    ['an unclosed element', '<rss version="2.0"><channel><title>x</title>', 'invalid', /not well-formed XML/],
    ['an empty text', '  \n', 'empty', /empty/],
    [
      'entity declarations (billion laughs)',
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>',
      'invalid',
      /<!ENTITY>/,
    ],
    ['another XML vocabulary', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'not-a-feed', /<svg>/],
  ];
  for (const [what, input, code, message] of failures) {
    it(`returns a FeedError for ${what}`, () => {
      const result = parseRss(input, ctx);
      expect(result).to.be.instanceOf(FeedError);
      expect((result as FeedError).kind).to.equal('parse');
      expect((result as FeedError).code).to.equal(code);
      expect((result as FeedError).message).to.match(message);
    });
  }
});

describe('parseRss: Atom', () => {
  it('refuses an Atom feed of posts with the no-event-dates error', async () => {
    const result = parseRss(await fixture('atom-posts.xml'), ctx);
    expect(result).to.be.instanceOf(FeedError);
    expect((result as FeedError).code).to.equal('no-event-dates');
    expect((result as FeedError).message).to.contain('/feed/ics');
  });

  describe('GData calendar (gd:when)', () => {
    let parsed: ParsedFeed;
    before(async () => {
      parsed = feed(parseRss(await fixture('gdata-calendar.xml'), ctx));
    });

    it('reads gd:when, gd:where, gd:who and resolves the link against xml:base', () => {
      const day = parsed.events[0];
      expect(parsed.format).to.equal('atom');
      expect(day.title).to.equal('Dev Day & Hackathon');
      expect(day.start.toISOString()).to.equal('2010-05-19T16:00:00.000Z');
      expect(day.end?.toISOString()).to.equal('2010-05-20T01:00:00.000Z');
      expect(day.locations).to.deep.equal(['Moscone Center, San Francisco']);
      expect(day.organizer).to.equal('Developer Relations');
      expect(day.url).to.equal('https://calendar.example.com/calendar/events/ev1.html');
      expect(day.image).to.equal('https://calendar.example.com/img/ev1.jpg');
      expect(day.categories).to.deep.equal(['DevFest']);
      expect(day.description).to.equal('A day of talks.');
      expect(day.status).to.equal('confirmed');
    });

    it('reads a cancelled all-day event with an exclusive end and xhtml content', () => {
      const summit = byTitle(parsed, 'Summit (cancelled)');
      expect(summit.status).to.equal('cancelled');
      expect(summit.allDay).to.equal(true);
      expect(summit.start.toISOString()).to.equal('2010-06-09T22:00:00.000Z');
      expect(summit.end?.toISOString()).to.equal('2010-06-11T22:00:00.000Z');
      expect(summit.description).to.equal('No summit this year.');
      expect(summit.descriptionHtml).to.contain('<b>summit</b>');
    });

    it('skips an entry with only gd:recurrence instead of using its publication date', () => {
      expect(parsed.events).to.have.length(2);
      expect(parsed.skipped).to.have.length(1);
      expect(parsed.skipped[0].index).to.equal(2);
      expect(parsed.skipped[0].reason).to.contain('no event date');
    });
  });
});

describe('parseRss: other shapes', () => {
  it('reads RSS 1.0 (RDF) with mod_event, falling back to dc:date', async () => {
    const parsed = feed(parseRss(await fixture('rdf-ev.rdf'), ctx));
    expect(parsed.title).to.equal('Club events (RSS 1.0)');
    const [meeting, news] = parsed.events;
    expect(meeting.id).to.equal('https://club.example.net/events/42');
    expect(meeting.start.toISOString()).to.equal('2026-03-14T17:30:00.000Z');
    expect(meeting.end?.toISOString()).to.equal('2026-03-14T20:00:00.000Z');
    expect(meeting.categories).to.deep.equal(['Meetings']);
    expect(meeting.locations).to.deep.equal(['Club house']);
    expect(meeting.description).to.equal('Agenda inside.');
    expect(meeting.descriptionHtml).to.equal('Agenda <b>inside</b>.');
    expect(news.allDay).to.equal(true);
    expect(news.start.toISOString()).to.equal('2026-01-04T23:00:00.000Z');
  });

  it('reads the Gancio title date and Trumba-style xCal', async () => {
    const parsed = feed(parseRss(await fixture('gancio-xcal.rss'), ctx));
    const [workshop, council] = parsed.events;
    expect(workshop.title).to.equal('Fediverse workshop');
    expect(workshop.allDay).to.equal(true);
    expect(workshop.start.toISOString()).to.equal('2023-08-18T22:00:00.000Z');
    expect(workshop.locations).to.deep.equal(['Hackspace Nord']);
    expect(council.start.toISOString()).to.equal('2016-02-19T00:00:00.000Z');
    expect(council.end?.toISOString()).to.equal('2016-02-19T02:00:00.000Z');
    expect(council.locations).to.deep.equal(['City Hall, Room 4']);
    expect(council.categories).to.deep.equal(['Government']);
    expect(council.status).to.equal('cancelled');
  });

  it("reads a Gancio item's start time from its description, and keeps a whole day without one", () => {
    const item = (title: string, small: string) => `<item><title>${title}</title><link>https://kalender.example.se/event/x</link>
      <description><![CDATA[<h3>x</h3><strong>Kafé Rosa - Folkungagatan 10, Stockholm</strong><br/>${small}<br/><p>Vi går igenom verksamhetsplanen.</p>]]></description>
      <pubDate>Thu, 19 Feb 2026 08:12:00 GMT</pubDate></item>`;
    const parsed = feed(
      parseRss(
        `<rss version="2.0"><channel><title>Vänsterkalendern</title>
          ${item('[2026-03-12] Månadsmöte @ Kafé Rosa', '<small>(torsdag, 12 mars 18:00)</small>')}
          ${item('[2026-03-13] Cirkel', '<small>(Friday, 13 March 9.30)</small>')}
          ${item('[2026-03-14] Heldag', '')}
          ${item('[2026-03-15] Trasig tid', '<small>(söndag, 15 mars 25:00)</small>')}
          ${item('[2026-03-16] Lösryckt', '<p>Vi ses (kl 18:00)</p>')}
        </channel></rss>`,
        ctx
      )
    );
    expect(parsed.events.map((e) => [e.title, e.start.toISOString(), e.allDay])).to.deep.equal([
      ['Månadsmöte', '2026-03-12T17:00:00.000Z', false],
      ['Cirkel', '2026-03-13T08:30:00.000Z', false],
      ['Heldag', '2026-03-13T23:00:00.000Z', true],
      ['Trasig tid', '2026-03-14T23:00:00.000Z', true],
      ['Lösryckt', '2026-03-15T23:00:00.000Z', true],
    ]);
    expect(parsed.events[0].locations).to.deep.equal(['Kafé Rosa']);
  });

  it('uses pubDate as the start of a plain RSS item, with no author as organizer', () => {
    const parsed = feed(
      parseRss(
        `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Blog</title>
          <item><title>Potluck</title><link>https://blog.example.org/potluck</link>
          <pubDate>Sat, 19 Aug 2023 15:00:00 +0200</pubDate><dc:creator>admin</dc:creator>
          <author>editor@example.org (Eda)</author></item></channel></rss>`,
        ctx
      )
    );
    expect(parsed.events[0].start.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
    expect(parsed.events[0].organizer).to.equal(undefined);
  });

  it('stays linear on a large feed', () => {
    const item = (i: number) => `<item><title>Event ${i}</title><link>https://example.org/${i}</link><pubDate>Sat, 19 Aug 2023 15:00:00 +0200</pubDate></item>`;
    const text = `<rss version="2.0"><channel><title>Big</title>${Array.from({length: 5000}, (_, i) => item(i)).join('')}</channel></rss>`;
    const started = performance.now();
    const parsed = feed(parseRss(text, ctx));
    expect(parsed.events).to.have.length(5000);
    expect(performance.now() - started).to.be.below(3000);
  });
});

describe('parseRss: RSS 2.0 with a default namespace', () => {
  it('reads items that share the root namespace', () => {
    const parsed = feed(
      parseRss(
        `<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>NS</title>
          <item><title>Picnic</title><guid>p-1</guid><pubDate>Sat, 19 Aug 2023 15:00:00 +0200</pubDate>
          <enclosure url="/img/p.jpg" type="image/jpeg"/></item></channel></rss>`,
        ctx
      )
    );
    expect(parsed.events.map((e) => [e.id, e.title, e.image])).to.deep.equal([['p-1', 'Picnic', 'https://feeds.example.org/img/p.jpg']]);
  });
});

describe('parseRss: what the XML parser is given', () => {
  for (const name of ['gnistor-style.xml', 'ev-module.rss', 'rdf-ev.rdf', 'gancio-xcal.rss']) {
    it(`gives the same events for ${name} with a DOCTYPE`, async () => {
      const text = await fixture(name);
      const declaration = /^<\?xml[^]*?\?>/.exec(text)?.[0] ?? '';
      const withDoctype = `${declaration}<!DOCTYPE feed>${text.slice(declaration.length)}`;
      expect(parseRss(text, ctx)).to.deep.equal(parseRss(withDoctype, ctx));
    });
  }

  it('reads attribute values as written', () => {
    const parsed = feed(
      parseRss(
        `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><title>T</title>
          <entry><title>Online meetup</title><id>m-1</id><link href="https://example.org/events/online-meetup"/>
          <category term="Online"/><ev:startdate>2026-03-01T18:00:00+01:00</ev:startdate></entry></feed>`,
        ctx
      )
    );
    expect(parsed.events[0].url).to.equal('https://example.org/events/online-meetup');
    expect(parsed.events[0].categories).to.deep.equal(['Online']);
  });
});
