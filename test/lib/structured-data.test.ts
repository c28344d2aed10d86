import {expect} from '@open-wc/testing';
import {DESCRIPTION_LIMIT, structuredDataScript, toSchemaOrg} from '../../src/lib/structured-data.js';
import type {CalendarEvent} from '../../src/lib/events/model.js';
import {calendarDate} from '../../src/lib/time.js';

const STOCKHOLM = 'Europe/Stockholm';

function event(fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'title' | 'start'>): CalendarEvent {
  return {id: 'e1', allDay: false, categories: [], locations: [], source: 'https://example.org/feed.json', ...fields};
}

describe('toSchemaOrg: dates', () => {
  // [what, event, startDate, endDate]
  const cases: Array<[string, CalendarEvent, string, string | undefined]> = [
    [
      'timed in a zone (summer)',
      event({title: 'a', start: new Date('2023-08-19T13:00:00Z'), end: new Date('2023-08-19T15:00:00Z'), timeZone: STOCKHOLM}),
      '2023-08-19T15:00:00+02:00',
      '2023-08-19T17:00:00+02:00',
    ],
    ['timed in a zone (winter)', event({title: 'a', start: new Date('2023-12-01T17:00:00Z'), timeZone: STOCKHOLM}), '2023-12-01T18:00:00+01:00', undefined],
    [
      'negative half-hour offset',
      event({title: 'a', start: new Date('2024-01-10T12:00:00Z'), timeZone: 'America/St_Johns'}),
      '2024-01-10T08:30:00-03:30',
      undefined,
    ],
    ['timed without a zone', event({title: 'a', start: new Date('2023-08-19T13:00:00.500Z')}), '2023-08-19T13:00:00Z', undefined],
    ['all-day, one day', event({title: 'a', allDay: true, start: calendarDate(2023, 8, 19, STOCKHOLM)}), '2023-08-19', '2023-08-19'],
    [
      'all-day, three days (inclusive end)',
      event({title: 'a', allDay: true, start: calendarDate(2023, 8, 19, STOCKHOLM), end: calendarDate(2023, 8, 22, STOCKHOLM)}),
      '2023-08-19',
      '2023-08-21',
    ],
  ];
  for (const [what, source, startDate, endDate] of cases) {
    it(what, () => {
      const data = toSchemaOrg(source, {timeZone: STOCKHOLM});
      expect(data.startDate).to.equal(startDate);
      expect(data.endDate).to.equal(endDate);
    });
  }
});

describe('toSchemaOrg: fields', () => {
  it('a full event', () => {
    const data = toSchemaOrg(
      event({
        title: 'Möte',
        start: new Date('2023-08-19T13:00:00Z'),
        url: 'https://example.org/e/1',
        image: 'https://example.org/i.jpg',
        description: 'Kom!',
        organizer: 'Fackklubben',
        categories: ['Film, musik', 'Politik'],
        locations: ['Folkets hus'],
        place: {address: 'Storgatan 1, Umeå', lat: 63.8, lon: 20.2},
      })
    );
    expect(data).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Möte',
      startDate: '2023-08-19T13:00:00Z',
      eventStatus: 'https://schema.org/EventScheduled',
      location: {
        '@type': 'Place',
        name: 'Folkets hus',
        address: {'@type': 'PostalAddress', streetAddress: 'Storgatan 1, Umeå'},
        geo: {'@type': 'GeoCoordinates', latitude: 63.8, longitude: 20.2},
      },
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      url: 'https://example.org/e/1',
      image: 'https://example.org/i.jpg',
      description: 'Kom!',
      organizer: {'@type': 'Organization', name: 'Fackklubben'},
      keywords: 'Film, musik, Politik',
    });
  });

  // [what, place, locations, expected location, attendance mode]
  const places: Array<[string, CalendarEvent['place'], string[], unknown, string | undefined]> = [
    ['none', undefined, [], undefined, undefined],
    ['a name only', undefined, ['Folkets hus'], {'@type': 'Place', name: 'Folkets hus'}, 'Offline'],
    ['online only', {online: 'https://meet.example/x'}, [], {'@type': 'VirtualLocation', url: 'https://meet.example/x'}, 'Online'],
    [
      'both',
      {name: 'Hallen', online: 'https://meet.example/x'},
      [],
      [
        {'@type': 'Place', name: 'Hallen'},
        {'@type': 'VirtualLocation', url: 'https://meet.example/x'},
      ],
      'Mixed',
    ],
  ];
  for (const [what, place, locations, expected, mode] of places) {
    it(`location: ${what}`, () => {
      const data = toSchemaOrg(event({title: 'x', start: new Date(0), locations, ...(place ? {place} : {})}));
      expect(data.location).to.deep.equal(expected);
      expect(data.eventAttendanceMode).to.equal(mode && `https://schema.org/${mode}EventAttendanceMode`);
    });
  }

  it('cancelled', () => {
    expect(toSchemaOrg(event({title: 'x', start: new Date(0), status: 'cancelled'})).eventStatus).to.equal('https://schema.org/EventCancelled');
    expect(toSchemaOrg(event({title: 'x', start: new Date(0), status: 'tentative'})).eventStatus).to.equal('https://schema.org/EventScheduled');
  });

  it('truncates a long description to 500 characters', () => {
    const description = toSchemaOrg(event({title: 'x', start: new Date(0), description: 'ord '.repeat(400)})).description as string;
    expect(Array.from(description).length).to.be.at.most(DESCRIPTION_LIMIT);
    expect(description.endsWith('ord…')).to.equal(true);
    const emoji = toSchemaOrg(event({title: 'x', start: new Date(0), description: '😀'.repeat(600)})).description as string;
    expect(Array.from(emoji)).to.have.length(DESCRIPTION_LIMIT);
    // Well formed: no lone surrogate, i.e. no emoji cut in half.
    expect(/\p{Surrogate}/u.test(emoji), 'a lone surrogate').to.equal(false);
  });
});

describe('structuredDataScript', () => {
  const hostile = ['</script><script>alert(1)</script>', '<!--<script>', 'Tom & Jerry > all', 'line\u2028separator\u2029paragraph', '</SCRIPT >'];
  const events = hostile.map((title, i) => event({id: `h${i}`, title, start: new Date('2024-01-01T10:00:00Z'), description: title, categories: [title]}));
  const text = structuredDataScript(events);

  it('contains no character that can end or confuse a script element', () => {
    expect(text).not.to.match(/[<>&\u2028\u2029]/);
    expect(text).to.include('\\u003c/script\\u003e');
  });

  it('parses back to the original text', () => {
    const data = JSON.parse(text) as Array<{name: string; description: string; keywords: string}>;
    expect(data.map((d) => d.name)).to.deep.equal(hostile);
    expect(data.map((d) => d.description)).to.deep.equal(hostile.map((t) => t.replace(/\s+/g, ' ').trim()));
  });

  it('stays one script element when the HTML parser reads it', () => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body><script type="application/ld+json">${text}</script><p>after</p></body>`, 'text/html');
    const scripts = doc.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    expect(JSON.parse(scripts[0].textContent ?? '')[0].name).to.equal(hostile[0]);
    expect(doc.querySelector('p')?.textContent).to.equal('after');
  });

  it('no events is an empty array', () => expect(structuredDataScript([])).to.equal('[]'));
});

describe('toSchemaOrg: the model’s URL rules, whatever the event came from', () => {
  const start = new Date('2031-01-01T12:00:00Z');
  const unsafe = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '/relative', 'java\tscript:x'];
  for (const value of unsafe) {
    it(`${JSON.stringify(value)} is not written as url, image or online address`, () => {
      const data = toSchemaOrg(event({title: 'x', start, url: value, image: value, place: {name: 'Hall', online: value}}));
      expect(data.url).to.equal(undefined);
      expect(data.image).to.equal(undefined);
      expect(data.location).to.deep.equal({'@type': 'Place', name: 'Hall'});
      expect(data.eventAttendanceMode).to.equal('https://schema.org/OfflineEventAttendanceMode');
    });
  }

  it('http(s) addresses are written as the URL parser reads them', () => {
    const data = toSchemaOrg(
      event({title: 'x', start, url: 'https://example.org/a b', image: 'http://example.org/i.png', place: {online: 'https://meet.example/r'}})
    );
    expect(data.url).to.equal('https://example.org/a%20b');
    expect(data.image).to.equal('http://example.org/i.png');
    expect(data.location).to.deep.equal({'@type': 'VirtualLocation', url: 'https://meet.example/r'});
  });
});
