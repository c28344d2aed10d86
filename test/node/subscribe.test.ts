/// <reference types="node" />
/**
 * "Subscribe to this view" addresses (src/lib/share/subscribe.ts): the relay's filtered view of
 * what the list shows, the page's filters combined with the visitor's, and the calendar apps'
 * "add by address" links.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {NO_VISITOR_FILTERS} from '../../src/lib/show/facets.js';
import {googleSubscribeUrl, outlookSubscribeUrl, relayViewUrl, viewQuery, webcalUrl, type PageFilters} from '../../src/lib/share/subscribe.js';

const ZONE = 'Europe/Stockholm';
const NOW = new Date('2026-11-27T12:00:00Z');
const PAGE: PageFilters = {categories: '', locations: '', organizers: '', search: '', from: '', to: ''};
const FEED = 'https://calendar.example.org/basic.ics?key=a&b=c';
const RELAY = 'https://relay.example.net/?url={url}';

describe('viewQuery', () => {
  const cases: Array<{
    name: string;
    page?: Partial<PageFilters>;
    visitor?: Partial<typeof NO_VISITOR_FILTERS>;
    when?: 'upcoming' | 'past' | 'all';
    params: string[][];
    exact: boolean;
  }> = [
    {
      name: 'no filters: the upcoming events in the list zone',
      params: [
        ['when', 'upcoming'],
        ['time-zone', ZONE],
      ],
      exact: true,
    },
    {
      name: 'the page filters as written',
      page: {categories: 'Studiecirkel, Möte', organizers: 'ABF', from: 'today', to: '+3 months'},
      params: [
        ['categories', 'Studiecirkel,Möte'],
        ['organizers', 'ABF'],
        ['from', 'today'],
        ['to', '+3 months'],
        ['when', 'upcoming'],
        ['time-zone', ZONE],
      ],
      exact: true,
    },
    {
      name: 'a visitor chip within the page categories narrows them',
      page: {categories: 'Studiecirkel, Möte'},
      visitor: {categories: ['mote']},
      params: [
        ['categories', 'mote'],
        ['when', 'upcoming'],
        ['time-zone', ZONE],
      ],
      exact: true,
    },
    {
      name: 'a visitor chip outside them cannot be said: the page view, not exact',
      page: {categories: 'Studiecirkel'},
      visitor: {categories: ['Film'], search: 'kapitalet'},
      params: [
        ['categories', 'Studiecirkel'],
        ['when', 'upcoming'],
        ['time-zone', ZONE],
      ],
      exact: false,
    },
    {
      name: 'searches join; the visitor place and organiser; their last day becomes an exclusive end',
      page: {search: 'marx'},
      visitor: {search: 'kapitalet', location: 'Kafé Rosa', organizer: 'ABF', from: '2026-12-01', to: '2026-12-31'},
      when: 'all',
      params: [
        ['locations', 'Kafé Rosa'],
        ['organizers', 'ABF'],
        ['search', 'marx kapitalet'],
        ['from', '2026-12-01'],
        ['to', '2027-01-01'],
        ['when', 'all'],
        ['time-zone', ZONE],
      ],
      exact: true,
    },
    {
      name: 'of two bounds the narrower one, as written',
      page: {from: 'today', to: '+1 year'},
      visitor: {from: '2026-11-01', to: '2026-12-15'},
      params: [
        ['from', 'today'],
        ['to', '2026-12-16'],
        ['when', 'upcoming'],
        ['time-zone', ZONE],
      ],
      exact: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const query = viewQuery({...PAGE, ...c.page}, {...NO_VISITOR_FILTERS, ...c.visitor}, c.when ?? 'upcoming', ZONE, NOW);
      assert.deepEqual(query.params, c.params);
      assert.equal(query.exact, c.exact);
    });
  }
});

describe('relayViewUrl', () => {
  const query = viewQuery({...PAGE, categories: 'Möte & fika'}, NO_VISITOR_FILTERS, 'upcoming', ZONE, NOW);
  it('puts the feed into the proxy template, then the format and the view', () => {
    const url = new URL(relayViewUrl(FEED, RELAY, 'ics', query, 'https://blog.example/')!);
    assert.equal(url.origin + url.pathname, 'https://relay.example.net/');
    assert.equal(url.searchParams.get('url'), FEED);
    assert.equal(url.searchParams.get('format'), 'ics');
    assert.equal(url.searchParams.get('categories'), 'Möte & fika');
    assert.equal(url.searchParams.get('time-zone'), ZONE);
  });
  it('resolves a relay on the same site and a relative feed against the page', () => {
    const url = new URL(relayViewUrl('/events.json', '/relay/?url={url}', 'rss', query, 'https://blog.example/kalender/')!);
    assert.equal(url.href.split('?')[0], 'https://blog.example/relay/');
    assert.equal(url.searchParams.get('url'), 'https://blog.example/events.json');
    assert.equal(url.searchParams.get('format'), 'rss');
  });
  it('gives nothing without a {url} template, or for a template that is not http(s)', () => {
    assert.equal(relayViewUrl(FEED, undefined, 'ics', query, 'https://blog.example/'), undefined);
    assert.equal(relayViewUrl(FEED, 'https://proxy.example/', 'ics', query, 'https://blog.example/'), undefined);
    assert.equal(relayViewUrl(FEED, 'javascript:alert({url})', 'ics', query, 'https://blog.example/'), undefined);
  });
});

describe('calendar app links', () => {
  it('webcal, Google Calendar and Outlook.com', () => {
    assert.equal(webcalUrl('https://relay.example.net/?url=x&format=ics'), 'webcal://relay.example.net/?url=x&format=ics');
    assert.equal(webcalUrl('http://localhost:8080/a.ics'), 'webcal://localhost:8080/a.ics');
    assert.equal(
      googleSubscribeUrl('webcal://relay.example.net/?url=x&format=ics'),
      'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Frelay.example.net%2F%3Furl%3Dx%26format%3Dics'
    );
    assert.equal(
      outlookSubscribeUrl('https://relay.example.net/?url=x&format=ics', 'Föreningen & co'),
      'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Frelay.example.net%2F%3Furl%3Dx%26format%3Dics&name=F%C3%B6reningen%20%26%20co'
    );
  });
});
