import {expect} from '@open-wc/testing';
import {readJson} from '../../../../src/lib/feeds/json/json.js';
import {FeedError, type CalendarEvent, type ParseContext, type ParsedFeed} from '../../../../src/lib/events/model.js';
import {feedOf} from '../../../helpers/feeds.js';

const ctx: ParseContext = {timeZone: 'Europe/Stockholm', source: 'https://kalender.example.se/api/feed.json'};

async function parse(value: unknown, context = ctx): Promise<ParsedFeed> {
  return feedOf(await readJson(JSON.stringify(value), context));
}

async function fixture(name: string): Promise<ParsedFeed> {
  const response = await fetch(new URL(`/test/fixtures/json/${name}`, import.meta.url));
  return feedOf(await readJson(await response.text(), ctx));
}

/** Checks only the listed fields; `undefined` means "absent". */
function expectFields(event: CalendarEvent, expected: Partial<Record<keyof CalendarEvent, unknown>>): void {
  for (const [key, value] of Object.entries(expected)) {
    if (value === undefined) expect(event, key).not.to.have.property(key);
    else if (value instanceof Date) expect((event[key as keyof CalendarEvent] as Date)?.toISOString(), key).to.equal(value.toISOString());
    else expect(event[key as keyof CalendarEvent], key).to.deep.equal(value);
  }
}

const at = (iso: string) => new Date(iso);

describe('parseJson platform profiles', () => {
  describe('Luma', () => {
    const event = {
      api_id: 'evt-1',
      name: 'Månadsmöte',
      start_at: '2026-03-12T17:00:00.000Z',
      end_at: '2026-03-12T19:00:00.000Z',
      timezone: 'Europe/Stockholm',
      url: 'manadsmote',
      cover_url: 'https://images.example/cover.jpg',
      description: 'Vi går igenom verksamhetsplanen.',
      geo_address_info: {address: 'Kafé Rosa', full_address: 'Kafé Rosa, Folkungagatan 10, 116 22 Stockholm, Sverige', city: 'Stockholm'},
      coordinate: {latitude: 59.3139, longitude: 18.0765},
    };
    const expected = {
      id: 'evt-1',
      title: 'Månadsmöte',
      start: at('2026-03-12T17:00:00Z'),
      end: at('2026-03-12T19:00:00Z'),
      timeZone: 'Europe/Stockholm',
      url: 'https://lu.ma/manadsmote',
      image: 'https://images.example/cover.jpg',
      description: 'Vi går igenom verksamhetsplanen.',
      locations: ['Kafé Rosa', 'Stockholm'],
      place: {name: 'Kafé Rosa', address: 'Kafé Rosa, Folkungagatan 10, 116 22 Stockholm, Sverige', lat: 59.3139, lon: 18.0765},
    };
    const cases: Array<[string, unknown, Record<string, unknown>]> = [
      [
        'calendar list {entries: [{event, hosts}]}',
        {entries: [{event, hosts: [{name: 'Vänsterteknik'}], tags: [{name: 'Möte'}]}], has_more: false},
        {...expected, organizer: 'Vänsterteknik', categories: ['Möte']},
      ],
      [
        'one {event} without hosts: the calendar names the organizer',
        {event, calendar: {name: 'Föreningskalendern'}},
        {...expected, organizer: 'Föreningskalendern'},
      ],
      ['a bare array of events', [event], {...expected, organizer: undefined}],
      ['a full URL is kept', [{...event, url: 'https://lu.ma/e/abc'}], {url: 'https://lu.ma/e/abc'}],
      ['a slug with odd characters is not made into a URL', [{...event, url: '../../x'}], {url: undefined}],
    ];
    for (const [name, value, fields] of cases) {
      it(name, async () => {
        const feed = await parse(value);
        expect(feed.events).to.have.length(1);
        expectFields(feed.events[0], fields);
      });
    }

    it('skips an entry whose start_at is not a date, naming it', async () => {
      const feed = await parse({entries: [{event: {...event, start_at: 'snart'}}, {event}]});
      expect(feed.events).to.have.length(1);
      expect(feed.skipped).to.deep.equal([{index: 0, reason: '"Månadsmöte": start_at "snart" is not a date'}]);
    });
  });

  describe('Meetup v2', () => {
    const event = {
      id: 'abc123',
      name: 'Kodkväll',
      time: 1773334800000,
      utc_offset: 3600000,
      duration: 7200000,
      status: 'upcoming',
      event_url: 'https://www.meetup.com/kodkvall/events/1/',
      description: '<p>Ta med dator.</p>',
      venue: {name: 'Kafé Rosa', address_1: 'Folkungagatan 10', city: 'Stockholm', lat: 59.3139, lon: 18.0765},
      group: {name: 'Kodkollektivet', topics: [{name: 'Python'}, {name: 'Rust'}]},
    };

    it('reads time as epoch MILLISECONDS and duration as the end', async () => {
      const e = (await parse(event)).events[0];
      expectFields(e, {
        id: 'abc123',
        start: at('2026-03-12T17:00:00Z'),
        end: at('2026-03-12T19:00:00Z'),
        allDay: false,
        timeZone: undefined,
        url: 'https://www.meetup.com/kodkvall/events/1/',
        organizer: 'Kodkollektivet',
        categories: ['Python', 'Rust'],
        locations: ['Kafé Rosa', 'Stockholm'],
        place: {name: 'Kafé Rosa', address: 'Folkungagatan 10, Stockholm', lat: 59.3139, lon: 18.0765},
        description: 'Ta med dator.',
        status: undefined,
      });
    });

    const cases: Array<[string, unknown, Record<string, unknown>]> = [
      ['{results: […]} and a cancelled status', {results: [{...event, status: 'cancelled'}], meta: {}}, {status: 'cancelled'}],
      ['event topics win over the group’s', {...event, topics: [{name: 'Möte'}]}, {categories: ['Möte']}],
      ['no duration: no end (not a guessed 3 hours)', {...event, duration: undefined}, {end: undefined}],
      ['utc_offset does not move the instant', {...event, utc_offset: -25200000}, {start: at('2026-03-12T17:00:00Z')}],
    ];
    for (const [name, value, fields] of cases) {
      it(name, async () => expectFields((await parse(value)).events[0], fields));
    }
  });

  describe('Meetup GraphQL', () => {
    const node = {
      id: '301',
      title: 'Kodkväll',
      dateTime: '2026-03-12T18:00+01:00',
      endTime: '2026-03-12T20:00+01:00',
      eventUrl: 'https://www.meetup.com/kodkvall/events/301/',
      status: 'ACTIVE',
      venues: [{name: 'Kafé Rosa', address: 'Folkungagatan 10', city: 'Stockholm', lat: 59.3139, lng: 18.0765}],
    };
    const response = {
      data: {
        groupByUrlname: {
          name: 'Kodkollektivet',
          upcomingEvents: {edges: [{node}, {node: {...node, id: '302', status: 'CANCELLED', endTime: null, duration: 'PT1H30M'}}]},
        },
      },
    };

    it('reads Relay edges, offsets without seconds, venues[] and the group as organizer', async () => {
      const feed = await parse(response);
      expect(feed.events).to.have.length(2);
      expectFields(feed.events[0], {
        id: '301',
        start: at('2026-03-12T17:00:00Z'),
        end: at('2026-03-12T19:00:00Z'),
        url: 'https://www.meetup.com/kodkvall/events/301/',
        organizer: 'Kodkollektivet',
        locations: ['Kafé Rosa', 'Stockholm'],
        place: {name: 'Kafé Rosa', address: 'Folkungagatan 10, Stockholm', lat: 59.3139, lon: 18.0765},
        status: undefined,
      });
    });

    it('a CANCELLED event is cancelled; an ISO duration gives the end', async () => {
      expectFields((await parse(response)).events[1], {status: 'cancelled', end: at('2026-03-12T18:30:00Z')});
    });
  });

  describe('Mobilizon GraphQL', () => {
    let feed: ParsedFeed;
    before(async () => {
      feed = await fixture('mobilizon-graphql-group.json');
    });

    it('reads group { organizedEvents { elements } } and skips the bad item by index', () => {
      expect(feed.events.map((e) => e.title)).to.deep.equal(['Månadsmöte', 'Kodkväll (inställd)']);
      expect(feed.skipped).to.deep.equal([{index: 2, reason: '"Trasigt datum": beginsOn "nästa torsdag" is not a date'}]);
    });

    it('reads the address, geom as "lon;lat", tags, picture and the group as organizer', () => {
      expectFields(feed.events[0], {
        id: '6b1e4c1a-3f0d-4a57-9a8e-2f2d6c0b7e11',
        start: at('2026-03-12T17:00:00Z'),
        end: at('2026-03-12T19:00:00Z'),
        timeZone: 'Europe/Stockholm',
        url: 'https://mobilizon.example.se/events/6b1e4c1a-3f0d-4a57-9a8e-2f2d6c0b7e11',
        image: 'https://mobilizon.example.se/media/3a9d0c.jpg',
        organizer: 'Vänsterteknik',
        categories: ['Möte', 'Stockholm'],
        locations: ['Kafé Rosa', 'Stockholm'],
        place: {name: 'Kafé Rosa', address: 'Folkungagatan 10, 116 22 Stockholm, Sweden', lat: 59.3139, lon: 18.0765},
        status: 'confirmed',
        description: 'Vi går igenom verksamhetsplanen.',
      });
    });

    it('a cancelled online event: attributedTo wins over the group, onlineAddress is the place', () => {
      expectFields(feed.events[1], {
        status: 'cancelled',
        organizer: 'Kodkollektivet',
        place: {online: 'https://meet.example.se/kodkvall'},
        locations: [],
        end: undefined,
        timeZone: undefined,
      });
    });

    const geoms: Array<[string, unknown, Record<string, number> | undefined]> = [
      ['"lon;lat"', '18.0765;59.3139', {lat: 59.3139, lon: 18.0765}],
      ['WKT POINT(lon lat)', 'POINT(18.0765 59.3139)', {lat: 59.3139, lon: 18.0765}],
      ['out of range after reading lon first', '59.3139;-118.5', undefined],
      ['not a point', 'Stockholm', undefined],
    ];
    for (const [name, geom, expected] of geoms) {
      it(`geom ${name}`, async () => {
        const event = (await parse({data: {searchEvents: {total: 1, elements: [{title: 'X', beginsOn: '2026-03-12T17:00:00Z', physicalAddress: {geom}}]}}}))
          .events[0];
        expect(event.place?.lat).to.equal(expected?.lat);
        expect(event.place?.lon).to.equal(expected?.lon);
      });
    }

    // [case, options, beginsOn, endsOn, expected start, end (ISO or undefined), all day]
    const shown: Array<[string, object, string, string, string, string | undefined, boolean]> = [
      ['times shown', {}, '2026-03-12T17:00:00Z', '2026-03-12T19:00:00Z', '2026-03-12T17:00:00.000Z', '2026-03-12T19:00:00.000Z', false],
      ['no end time', {showEndTime: false}, '2026-03-12T17:00:00Z', '2026-03-12T19:00:00Z', '2026-03-12T17:00:00.000Z', undefined, false],
      // Its day in its own zone: 00:30 on the 13th in Stockholm is the 13th, though UTC still says the 12th.
      [
        "no start time: the day, in the event's zone",
        {showStartTime: false, showEndTime: false, timezone: 'Europe/Stockholm'},
        '2026-03-12T23:30:00Z',
        '2026-03-13T01:00:00Z',
        '2026-03-12T23:00:00.000Z',
        undefined,
        true,
      ],
      [
        'no start time, over three days',
        {showStartTime: false, timezone: 'Europe/Stockholm'},
        '2026-03-12T08:00:00Z',
        '2026-03-14T16:00:00Z',
        '2026-03-11T23:00:00.000Z',
        '2026-03-14T23:00:00.000Z',
        true,
      ],
    ];
    for (const [name, options, beginsOn, endsOn, start, end, allDay] of shown) {
      it(`honours Mobilizon's showStartTime/showEndTime: ${name}`, async () => {
        const event = (await parse({data: {searchEvents: {total: 1, elements: [{title: 'Möte', beginsOn, endsOn, options}]}}})).events[0];
        expect([event.start.toISOString(), event.end?.toISOString(), event.allDay]).to.deep.equal([start, end, allDay]);
      });
    }

    it('reads searchEvents { elements } and organizerActor', async () => {
      const event = (
        await parse({
          data: {searchEvents: {total: 1, elements: [{title: 'Fika', beginsOn: '2026-03-12T17:00:00Z', organizerActor: {name: 'Anna', preferredUsername: 'anna'}}]}},
        })
      ).events[0];
      expectFields(event, {title: 'Fika', organizer: 'Anna'});
    });
  });

  describe('Radar', () => {
    let feed: ParsedFeed;
    before(async () => {
      feed = await fixture('radar-search-events.json');
    });

    it('reads the result object keyed by node id; one event per date', () => {
      expect(feed.events.map((e) => `${e.title} ${e.start.toISOString()}`)).to.deep.equal([
        'Månadsmöte 2026-03-12T17:00:00.000Z',
        'Folkkök varje tisdag 2026-03-10T16:00:00.000Z',
        'Folkkök varje tisdag 2026-03-17T16:00:00.000Z',
        'Inställd demo 2026-03-21T16:00:00.000Z',
      ]);
      // The unreadable third date of the second node is skipped alone.
      expect(feed.skipped).to.deep.equal([{index: 1, reason: '"Folkkök varje tisdag" has no usable start date'}]);
    });

    it('reads time_start/time_end, the resolved address and the WKT point', () => {
      expectFields(feed.events[0], {
        id: '0c7f5e2a-9b1d-4e0a-8d55-1f3a2b4c6d7e',
        end: at('2026-03-12T19:00:00Z'),
        url: 'https://radar.squat.net/en/event/stockholm/kafe-rosa/2026-03-12/manadsmote',
        categories: ['meeting'],
        locations: ['Kafé Rosa'],
        place: {name: 'Kafé Rosa', address: 'Folkungagatan 10, 116 22 Stockholm, SE', lat: 59.3139, lon: 18.0765},
        status: 'confirmed',
        description: 'Vi går igenom verksamhetsplanen.',
      });
    });

    it('falls back to value/value2 in epoch seconds; repeated dates get distinct ids', () => {
      expectFields(feed.events[2], {end: at('2026-03-17T19:00:00Z'), locations: ['Kvartersgården'], id: '5a1b2c3d-0000-4000-8000-000000000001#1'});
      expect(feed.events[1].id).to.equal('5a1b2c3d-0000-4000-8000-000000000001#0');
      expectFields(feed.events[3], {status: 'cancelled', locations: []});
    });
  });

  describe('The Events Calendar REST', () => {
    let feed: ParsedFeed;
    before(async () => {
      feed = await fixture('events-calendar-rest.json');
    });

    it('reads utc_start_date without a Z as UTC and records the event zone', () => {
      expectFields(feed.events[0], {
        id: '1201',
        title: 'Månadsmöte – mars',
        start: at('2026-03-12T17:00:00Z'),
        end: at('2026-03-12T19:00:00Z'),
        allDay: false,
        timeZone: 'Europe/Stockholm',
        url: 'https://kalender.example.se/event/manadsmote/',
        image: 'https://kalender.example.se/wp-content/uploads/2026/02/affisch.jpg',
        organizer: 'Vänsterteknik',
        categories: ['Möte', 'Stockholm'],
        locations: ['Kafé Rosa', 'Stockholm'],
        place: {name: 'Kafé Rosa', address: 'Folkungagatan 10, 116 22 Stockholm, Sverige', lat: 59.3139, lon: 18.0765},
        description: 'Vi går igenom verksamhetsplanen.',
        status: undefined,
      });
    });

    it('all_day: the written dates, with the day after end_date as the exclusive end; venue [] and image false', () => {
      expectFields(feed.events[1], {
        allDay: true,
        start: at('2026-03-13T23:00:00Z'),
        end: at('2026-03-15T23:00:00Z'),
        place: undefined,
        locations: [],
        image: undefined,
        organizer: undefined,
      });
    });

    it('a zone far from the display zone; an unreadable end is no end; no start is skipped', () => {
      expectFields(feed.events[2], {start: at('2026-03-20T23:00:00Z'), timeZone: 'America/New_York', end: undefined});
      expect(feed.events).to.have.length(3);
      expect(feed.skipped).to.have.length(1);
      expect(feed.skipped[0].index).to.equal(3);
      expect(feed.skipped[0].reason).to.contain('Utan datum').and.contain('utc_start_date');
    });

    it('the tec/v1 spelling start_date_utc', async () => {
      const event = (
        await parse([{id: 9, title: 'Ny API', start_date_utc: '2026-03-12 17:00:00', end_date_utc: '2026-03-12 19:00:00', timezone: 'Europe/Stockholm'}])
      ).events[0];
      expectFields(event, {start: at('2026-03-12T17:00:00Z'), end: at('2026-03-12T19:00:00Z')});
    });
  });

  describe('Google GData alt=json', () => {
    const entry = (fields: Record<string, unknown>) => ({
      id: {$t: 'https://www.google.com/calendar/feeds/x/public/full/e1'},
      title: {$t: 'Möte &amp; fika', type: 'text'},
      content: {$t: 'Alla välkomna', type: 'text'},
      link: [
        {rel: 'self', href: 'https://www.google.com/calendar/feeds/x/public/full/e1'},
        {rel: 'alternate', type: 'text/html', href: 'https://www.google.com/calendar/event?eid=e1'},
      ],
      gd$eventStatus: {value: 'http://schemas.google.com/g/2005#event.confirmed'},
      gd$where: [{valueString: 'Kafé Rosa'}],
      gd$who: [
        {rel: 'http://schemas.google.com/g/2005#event.attendee', valueString: 'Gäst'},
        {rel: 'http://schemas.google.com/g/2005#event.organizer', valueString: 'Vänsterteknik'},
      ],
      gd$when: [{startTime: '2026-03-12T18:00:00.000+01:00', endTime: '2026-03-12T20:00:00.000+01:00'}],
      ...fields,
    });
    const feedWith = (...entries: unknown[]) => ({feed: {title: {$t: 'Föreningens kalender'}, gCal$timezone: {value: 'Europe/Stockholm'}, entry: entries}});

    it('reads an entry: $t texts, gd$when, gd$where, organizer from gd$who, the alternate link', async () => {
      const feed = await parse(feedWith(entry({})));
      expect(feed.title).to.equal('Föreningens kalender');
      expectFields(feed.events[0], {
        id: 'https://www.google.com/calendar/feeds/x/public/full/e1',
        title: 'Möte & fika',
        start: at('2026-03-12T17:00:00Z'),
        end: at('2026-03-12T19:00:00Z'),
        timeZone: 'Europe/Stockholm',
        url: 'https://www.google.com/calendar/event?eid=e1',
        locations: ['Kafé Rosa'],
        place: {name: 'Kafé Rosa'},
        organizer: 'Vänsterteknik',
        status: 'confirmed',
        description: 'Alla välkomna',
      });
    });

    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      [
        'date-only gd$when is all-day with an exclusive end',
        {gd$when: [{startTime: '2026-03-14', endTime: '2026-03-16'}]},
        {allDay: true, start: at('2026-03-13T23:00:00Z'), end: at('2026-03-15T23:00:00Z'), timeZone: undefined},
      ],
      ['a floating time is read in gCal$timezone, not the display zone', {gd$when: [{startTime: '2026-03-12T18:00:00'}]}, {start: at('2026-03-12T17:00:00Z')}],
      [
        'a cancelled occurrence (gd$originalEvent) stays cancelled',
        {
          gd$eventStatus: {value: 'http://schemas.google.com/g/2005#event.canceled'},
          gd$originalEvent: {id: 's1', gd$when: {startTime: '2026-03-12T18:00:00.000+01:00'}},
        },
        {status: 'cancelled'},
      ],
      ['html content is kept as HTML', {content: {$t: '<b>Fet</b> text', type: 'html'}}, {description: 'Fet text'}],
      ['an empty gd$where gives no place', {gd$where: [{valueString: ''}]}, {locations: [], place: undefined}],
    ];
    for (const [name, fields, expected] of cases) {
      it(name, async () => expectFields((await parse(feedWith(entry(fields)))).events[0], expected));
    }

    it('skips a series with only gd$recurrence, saying why; an empty feed is no error', async () => {
      const feed = await parse(feedWith(entry({gd$when: undefined, gd$recurrence: {$t: 'DTSTART:20260312T170000Z\r\nRRULE:FREQ=WEEKLY'}}), entry({})));
      expect(feed.events).to.have.length(1);
      expect(feed.skipped[0].index).to.equal(0);
      expect(feed.skipped[0].reason).to.contain('gd$recurrence').and.contain('singleevents=true');
      expect((await parse({feed: {gCal$timezone: {value: 'UTC'}}})).events).to.deep.equal([]);
    });
  });

  describe('FullCalendar event JSON', () => {
    const events = [
      {title: 'Long Event', start: '2015-12-07', end: '2015-12-10'},
      {id: '999', title: 'Repeating Event', start: '2015-12-09T16:00:00-05:00'},
      {id: '999', title: 'Repeating Event', start: '2015-12-16T16:00:00-05:00'},
      {title: 'Dinner', start: '2015-12-12T20:00:00'},
      {title: 'Timed all-day', start: '2015-12-20T10:00:00', end: '2015-12-22T10:00:00', allDay: true},
    ];
    const cases: Array<[number, Record<string, unknown>]> = [
      // The exclusive date end is stored as written: midnight starting the 10th, so the event covers the 7th–9th.
      [0, {allDay: true, start: at('2015-12-06T23:00:00Z'), end: at('2015-12-09T23:00:00Z')}],
      [1, {id: '999@2015-12-09T21:00:00.000Z', start: at('2015-12-09T21:00:00Z')}],
      [2, {id: '999@2015-12-16T21:00:00.000Z'}],
      // Floating: read in the display zone (Stockholm, UTC+1 in December).
      [3, {allDay: false, start: at('2015-12-12T19:00:00Z'), timeZone: undefined}],
      [4, {allDay: true, start: at('2015-12-19T23:00:00Z'), end: at('2015-12-21T23:00:00Z')}],
    ];
    for (const [index, expected] of cases) {
      it(`${events[index].title} (${index})`, async () => expectFields((await parse(events)).events[index], expected));
    }

    it('the same floating time follows the display zone', async () => {
      const event = (await parse([events[3]], {...ctx, timeZone: 'America/New_York'})).events[0];
      expect(event.start.toISOString()).to.equal('2015-12-13T01:00:00.000Z');
    });
  });

  describe('Eventbrite v3', () => {
    it('reads {events} with expanded venue and organizer', async () => {
      const event = (
        await parse({
          pagination: {object_count: 1},
          events: [
            {
              id: '1001',
              name: {text: 'Konferens', html: 'Konferens'},
              description: {text: 'Hela dagen', html: '<p>Hela dagen</p>'},
              url: 'https://www.eventbrite.com/e/1001',
              start: {timezone: 'Europe/Stockholm', local: '2026-03-12T18:00:00', utc: '2026-03-12T17:00:00Z'},
              end: {timezone: 'Europe/Stockholm', local: '2026-03-12T20:00:00', utc: '2026-03-12T19:00:00Z'},
              status: 'canceled',
              logo: {url: 'https://img.evbuc.com/logo.jpg'},
              venue: {name: 'Kafé Rosa', address: {localized_address_display: 'Folkungagatan 10, Stockholm'}, latitude: '59.3139', longitude: '18.0765'},
              organizer: {name: 'Vänsterteknik'},
            },
          ],
        })
      ).events[0];
      expectFields(event, {
        id: '1001',
        title: 'Konferens',
        start: at('2026-03-12T17:00:00Z'),
        end: at('2026-03-12T19:00:00Z'),
        timeZone: 'Europe/Stockholm',
        url: 'https://www.eventbrite.com/e/1001',
        image: 'https://img.evbuc.com/logo.jpg',
        organizer: 'Vänsterteknik',
        locations: ['Kafé Rosa'],
        status: 'cancelled',
        description: 'Hela dagen',
      });
      expect(event.place).to.include({name: 'Kafé Rosa', lat: 59.3139, lon: 18.0765});
    });
  });

  describe('list finding stays bounded and specific', () => {
    const cases: Array<[string, unknown, number]> = [
      // [name, document, events]
      ['GraphQL data nested deeper than the search', {data: {a: {b: {c: {d: {e: {elements: [{title: 'x', beginsOn: '2026-01-01T10:00:00Z'}]}}}}}}}, -1],
      ['a {result} object that is not Radar', {result: {ok: true, message: 'hej'}}, -1],
      ['Relay nodes without profile fields are canonical', {data: {viewer: {events: {edges: [{node: {title: 'x', start: '2026-01-01T10:00:00Z'}}]}}}}, 1],
    ];
    for (const [name, value, count] of cases) {
      it(name, async () => {
        const result = await readJson(JSON.stringify(value), ctx);
        if (count < 0) expect((result as FeedError).code).to.equal('not-a-feed');
        else expect(feedOf(result).events).to.have.length(count);
      });
    }

    it('never throws on hostile item shapes', async () => {
      const hostile = [
        {entries: [{event: {start_at: 5, name: {}}}]},
        {time: 'x', utc_offset: 0, event_url: 1},
        {result: {'1': {date_time: [null, 1, 'x', {value: '-5'}], offline: 'x'}}},
        {feed: {entry: [{gd$when: 'x'}, {gd$when: [{}]}, null]}},
        {data: {searchEvents: {elements: [{beginsOn: '2026-01-01T10:00:00Z', physicalAddress: {geom: 'POINT(' + '1'.repeat(5000)}, tags: 'x'}]}}},
        {events: [{utc_start_date: {}, all_day: true, venue: 'x', organizer: 'x', image: true}]},
      ];
      // A rejected promise fails the test.
      for (const value of hostile) await readJson(JSON.stringify(value), ctx);
    });
  });
});
