/**
 * Filtered and converted views (`?format=`, the widget's filter parameters, the widget's Accept):
 * a real upstream on 127.0.0.1, the relay by the Node adapter, every output read back by our own
 * parsers (and the iCalendar by ical.js), the filters changing the result, wrong parameters
 * refused by name before any request, and the cache and stale rules holding for converted views.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import {parseFeed} from '../../src/lib/feeds/portable.js';
import {FeedError, type CalendarEvent, type ParsedFeed} from '../../src/lib/events/model.js';
import {FEEDCAL_JSON} from '../../src/relay/relay.js';
import {JSON_FEED, startRelay, startUpstream, testClock, type Upstream} from './helpers.js';

const ZONE = 'Europe/Stockholm';
// The relay's clock: 1 January 2030, noon UTC. A weekly series from December 2029, single events
// on both sides of "now", an all-day fair over three days, categories and places to filter by.
const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//formats//EN',
  'X-WR-CALNAME:Föreningen',
  'BEGIN:VEVENT',
  'UID:series@test',
  'DTSTAMP:20291201T000000Z',
  'DTSTART;TZID=Europe/Stockholm:20291204T180000',
  'DTEND;TZID=Europe/Stockholm:20291204T200000',
  'RRULE:FREQ=WEEKLY;COUNT=10',
  'SUMMARY:Studiecirkel: "Kapitalet"\\, del 1',
  'CATEGORIES:Studiecirkel,Läsning',
  'LOCATION:Folkets hus\\, Umeå',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:past@test',
  'DTSTAMP:20291201T000000Z',
  'DTSTART:20291215T170000Z',
  'DTEND:20291215T190000Z',
  'SUMMARY:Julfest',
  'CATEGORIES:Fest',
  'LOCATION:Kafé Rosa\\, Stockholm',
  'ORGANIZER;CN=Kamratföreningen:mailto:info@example.org',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:fair@test',
  'DTSTAMP:20291201T000000Z',
  'DTSTART;VALUE=DATE:20300301',
  'DTEND;VALUE=DATE:20300304',
  'SUMMARY:Bokmässa 東京 🎉',
  'CATEGORIES:Fest',
  'LOCATION:Göteborg',
  'DESCRIPTION:Tre dagar; med böcker\\, <script>alert(1)</script> och mer',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const portable = (text: string, source: string, format?: 'json' | 'ics' | 'rss') =>
  parseFeed(text, {timeZone: ZONE, source, window: {from: new Date('2029-01-01T12:00:00Z'), to: new Date('2032-01-01T12:00:00Z')}}, {format}).then((result) => {
    if (result instanceof FeedError) throw new Error(`${result.code}: ${result.message}`);
    return result as ParsedFeed;
  });

const summary = (events: CalendarEvent[]) =>
  events
    .map((e) => ({id: e.id, title: e.title, start: e.start.toISOString(), end: e.end?.toISOString(), allDay: e.allDay, categories: e.categories}))
    .sort((a, b) => a.id.localeCompare(b.id));

describe('relay: filtered and converted views', () => {
  let upstream: Upstream;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const clock = testClock(Date.UTC(2030, 0, 1, 12));
  let calendarUrl: string;
  let direct: ParsedFeed;

  before(async () => {
    upstream = await startUpstream();
    let body = CALENDAR;
    upstream.route('/calendar.ics', (_req, res) => {
      res.writeHead(200, {'content-type': 'text/calendar; charset=utf-8', 'last-modified': 'Sat, 01 Dec 2029 00:00:00 GMT'});
      res.end(body);
    });
    upstream.route('/change', (_req, res) => {
      body = CALENDAR.replace('Julfest', 'Julfest (flyttad)');
      res.end();
    });
    // A feed by its look (an RSS root) that the reader refuses (it declares its own entities).
    upstream.route('/broken.rss', (_req, res) =>
      res.writeHead(200, {'content-type': 'application/rss+xml'}).end('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"><channel/></rss>')
    );
    calendarUrl = upstream.url('/calendar.ics');
    relay = await startRelay({
      allow: [`${upstream.origin}/`],
      feeds: {forening: calendarUrl},
      origins: ['https://our-blog.se'],
      timeZone: ZONE,
      now: clock.now,
    });
    direct = await portable(CALENDAR, calendarUrl);
  });
  after(async () => {
    await relay.close();
    await upstream.close();
  });

  const view = (query: string, init?: RequestInit) => relay.get(`/?url=${encodeURIComponent(calendarUrl)}&${query}`, init);

  test('format=json: canonical JSON that our JSON reader reads back as the iCalendar feed, series expanded', async () => {
    const response = await view('format=json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/feed+json; charset=utf-8');
    assert.equal(response.headers.get('vary'), 'Origin', 'an address that names its format needs no Vary: Accept');
    const feed = await portable(await response.text(), calendarUrl, 'json');
    assert.equal(feed.format, 'json');
    assert.equal(feed.title, 'Föreningen');
    assert.equal(feed.events.filter((e) => e.id.startsWith('series@test#')).length, 10, 'ten weekly occurrences');
    assert.deepEqual(summary(feed.events), summary(direct.events));
    const fair = feed.events.find((e) => e.id === 'fair@test')!;
    // Markup in DESCRIPTION is HTML to the iCalendar reader (Google writes HTML there); it travels
    // as content_html, which the widget sanitises like any feed's, and the text beside it.
    const fairDirect = direct.events.find((e) => e.id === 'fair@test')!;
    assert.equal(fair.descriptionHtml, 'Tre dagar; med böcker, <script>alert(1)</script> och mer');
    assert.equal(fair.descriptionHtml, fairDirect.descriptionHtml);
    assert.equal(fair.description, fairDirect.description);
    assert.deepEqual(fair.locations, ['Göteborg']);
  });

  test('format=ics: RFC 5545 that ical.js and our parser read, with a VTIMEZONE', async () => {
    const response = await view('format=ics');
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const text = await response.text();
    assert.ok(text.split('\r\n').every((line) => new TextEncoder().encode(line).byteLength <= 75));
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    assert.deepEqual(
      calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
      [ZONE]
    );
    assert.equal(calendar.getAllSubcomponents('vevent').length, direct.events.length);
    assert.equal(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString(), '2030-01-01T12:00:00Z', 'DTSTAMP is the relay clock');
    const feed = await portable(text, calendarUrl, 'ics');
    assert.deepEqual(summary(feed.events), summary(direct.events));
  });

  test('format=rss: RSS 2.0 with event dates that our RSS reader reads; JSON and RSS upstreams convert too', async () => {
    const response = await view('format=rss');
    assert.equal(response.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
    const feed = await portable(await response.text(), calendarUrl, 'rss');
    assert.deepEqual(
      summary(feed.events).map(({id, start, end, allDay}) => ({id, start, end, allDay})),
      summary(direct.events).map(({id, start, end, allDay}) => ({id, start, end, allDay}))
    );
    const fromJson = await relay.get(`/?url=${encodeURIComponent(upstream.url('/feed.json'))}&format=ics`);
    assert.equal(fromJson.status, 200);
    assert.match(await fromJson.text(), /SUMMARY:Läsecirkel/);
    const fromRss = await relay.get(`/?url=${encodeURIComponent(upstream.url('/feed.rss'))}&format=json`);
    assert.equal(JSON.parse(await fromRss.text()).items[0].title, 'Konsert');
  });

  test('the filters change the result, with the meanings the widget gives them', async () => {
    const titles = async (query: string, path = `/?url=${encodeURIComponent(calendarUrl)}&`) => {
      const response = await relay.get(`${path}format=json&${query}`);
      assert.equal(response.status, 200, query);
      return (JSON.parse(await response.text()).items as {title: string; start: string}[]).map((item) => item.title);
    };
    const all = await titles('');
    assert.equal(all.length, 12);
    assert.deepEqual(await titles('categories=fest'), ['Julfest', 'Bokmässa 東京 🎉'], 'case-insensitive, in start order');
    assert.deepEqual(await titles('locations=goteborg'), ['Bokmässa 東京 🎉'], 'accent-insensitive');
    assert.deepEqual(await titles('organizers=Kamratföreningen'), ['Julfest']);
    assert.deepEqual(await titles('search=bokmassa'), ['Bokmässa 東京 🎉']);
    assert.equal((await titles('when=upcoming')).length, 6 + 1, 'after noon on 1 January 2030: six occurrences and the fair');
    assert.deepEqual(await titles('when=past&categories=Fest'), ['Julfest']);
    assert.equal((await titles('from=2030-01-01&to=2030-01-20')).length, 3, 'three Tuesdays in the window');
    assert.equal((await titles('from=today&to=%2B2%20weeks')).length, 2, 'relative bounds from the relay clock');
    assert.deepEqual(await titles('categories=Fest', '/feeds/forening?'), ['Julfest', 'Bokmässa 東京 🎉'], 'named feeds take the same parameters');
    // Without format the view keeps the feed's family: iCalendar stays iCalendar.
    const ics = await relay.get(`/feeds/forening?categories=Fest`);
    assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal((await ics.text()).match(/BEGIN:VEVENT/g)!.length, 2);
  });

  test("a named feed's view keeps its upstream address private", async () => {
    // Asked by address first, so a view of the same feed is in the relay's view cache.
    assert.match(await view('format=rss').then((r) => r.text()), new RegExp(`<link>${calendarUrl}</link>`));
    for (const format of ['rss', 'json', 'ics']) {
      const text = await relay.get(`/feeds/forening?format=${format}`).then((r) => r.text());
      assert.match(text, /Föreningen/);
      assert.ok(!text.includes(upstream.origin), `the upstream address is not in the ${format} view`);
    }
  });

  test('a wrong parameter is a 400 that names it, before any request upstream', async () => {
    const before = upstream.hits('/calendar.ics');
    for (const [query, named] of [
      ['format=pdf', /format must be json, ics or rss/],
      ['when=soon', /when must be upcoming, past or all/],
      ['from=yesterday-ish', /from "yesterday-ish" is not a date/],
      ['to=2030-13-45', /to "2030-13-45" is not a date/],
      ['from=2030-02-01&to=2030-01-01', /to must be after from/],
      ['time-zone=Mars/Olympus', /time-zone "Mars\/Olympus" is not an IANA time zone/],
      ['categroies=Fest', /unknown parameter "categroies"/],
      [`search=${'x'.repeat(201)}`, /search is longer than 200/],
    ] as const) {
      const response = await view(query);
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(await response.text(), named);
    }
    assert.equal(upstream.hits('/calendar.ics'), before, 'nothing was fetched for a bad request');
  });

  test("a feed that cannot be read is a 422 for an asked-for view and passes as it is for the widget's Accept", async () => {
    const url = encodeURIComponent(upstream.url('/broken.rss'));
    const asked = await relay.get(`/?url=${url}&format=json`);
    assert.equal(asked.status, 422);
    assert.match(await asked.text(), /could not be read to convert it/);
    const negotiated = await relay.get(`/?url=${url}`, {headers: {accept: `${FEEDCAL_JSON}, */*;q=0.8`}});
    assert.equal(negotiated.status, 200);
    assert.equal(negotiated.headers.get('content-type'), 'application/rss+xml');
    assert.match(await negotiated.text(), /<!ENTITY/);
  });

  test("the widget's Accept gets feedcal JSON with Vary: Accept; a JSON feed and other clients get the feed as it is", async () => {
    const widget = await relay.get(`/?url=${encodeURIComponent(calendarUrl)}`, {headers: {accept: `${FEEDCAL_JSON}, */*;q=0.8`, origin: 'https://our-blog.se'}});
    assert.equal(widget.status, 200);
    assert.equal(widget.headers.get('content-type'), `${FEEDCAL_JSON}; charset=utf-8`);
    assert.equal(widget.headers.get('vary'), 'Origin, Accept');
    assert.equal(widget.headers.get('access-control-allow-origin'), 'https://our-blog.se');
    const feed = await portable(await widget.text(), calendarUrl);
    assert.deepEqual(summary(feed.events), summary(direct.events));
    const calendarApp = await relay.get(`/?url=${encodeURIComponent(calendarUrl)}`, {headers: {accept: 'text/calendar'}});
    assert.equal(await calendarApp.text(), CALENDAR);
    const json = await relay.get(`/?url=${encodeURIComponent(upstream.url('/feed.json'))}`, {headers: {accept: FEEDCAL_JSON}});
    assert.equal(await json.text(), JSON_FEED);
    const refused = await relay.get(`/?url=${encodeURIComponent(calendarUrl)}`, {headers: {accept: `${FEEDCAL_JSON};q=0, */*`}});
    assert.equal(await refused.text(), CALENDAR, 'q=0 refuses it');
  });

  test('a converted view is cached with its copy, revalidates by ETag, and is made again when the copy changes', async () => {
    const hits = upstream.hits('/calendar.ics');
    const first = await view('format=json&categories=Fest');
    const etag = first.headers.get('etag')!;
    assert.match(etag, /^W\/"fc-json-/);
    const text = await first.text();
    const again = await view('format=json&categories=Fest', {headers: {'if-none-match': etag}});
    assert.equal(again.status, 304);
    assert.equal(upstream.hits('/calendar.ics'), hits, 'no upstream request within the cache period');
    await fetch(upstream.url('/change'));
    clock.advance(601);
    const changed = await view('format=json&categories=Fest');
    assert.equal(changed.headers.get('x-feedcal-cache'), 'miss');
    const changedText = await changed.text();
    assert.notEqual(changedText, text);
    assert.match(changedText, /Julfest \(flyttad\)/);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  test('when the upstream fails, a converted view of the last good copy says so with its age', async () => {
    await view('format=rss').then((r) => r.text());
    upstream.route('/calendar.ics', (_req, res) => res.writeHead(503).end('down'));
    clock.advance(700);
    const response = await view('format=rss');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-feedcal-stale'), 'upstream 503');
    assert.equal(response.headers.get('age'), '700');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    assert.match(await response.text(), /<ev:startdate>/);
    const widget = await relay.get(`/feeds/forening`, {headers: {accept: FEEDCAL_JSON}});
    assert.equal(widget.headers.get('x-feedcal-stale'), 'upstream 503');
    assert.equal(widget.headers.get('content-type'), `${FEEDCAL_JSON}; charset=utf-8`);
    await widget.text();
  });
});
