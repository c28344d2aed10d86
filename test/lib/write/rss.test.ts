import {expect} from '@open-wc/testing';
import {toRss} from '../../../src/lib/write/rss.js';
import {parseRss} from '../../../src/lib/feeds/xml/rss.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import {EVENTS, META, SOURCE, ZONE, plain} from './cases.js';
import {feedOf} from '../../helpers/feeds.js';

/**
 * What RSS with mod_event carries of an event, read back by our parser: the offset of each time
 * but not the zone's name; a place as the first location and the coordinates (no address or
 * online link); and the description as HTML, from which the plain text is derived.
 */
function expectedFromRss(event: CalendarEvent): CalendarEvent {
  const copy: CalendarEvent = {...event};
  delete copy.timeZone;
  const {lat, lon} = event.place ?? {};
  const place: CalendarEvent['place'] = {};
  if (lat !== undefined && lon !== undefined) Object.assign(place, {lat, lon});
  if (event.locations[0]) place.name = event.locations[0];
  if (Object.keys(place).length) copy.place = place;
  else delete copy.place;
  return copy;
}

describe('toRss', () => {
  const text = toRss(EVENTS, META);

  it('is read back by our parser with every field RSS carries equal', () => {
    const feed = feedOf(parseRss(text, {timeZone: ZONE, source: SOURCE}));
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.title).to.equal(META.title);
    expect(feed.events.map(plain)).to.deep.equal(EVENTS.map(expectedFromRss).map(plain));
  });

  it('is well-formed XML that a browser reads, with the event module and escaped text', () => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const items = doc.getElementsByTagName('item');
    expect(items.length).to.equal(EVENTS.length);
    const ev = 'http://purl.org/rss/1.0/modules/event/';
    expect(items[0].getElementsByTagName('title')[0].textContent).to.equal(EVENTS[0].title);
    expect(items[0].getElementsByTagNameNS(ev, 'startdate')[0].textContent).to.equal('2026-10-25T01:30:00+02:00');
    expect(items[0].getElementsByTagNameNS(ev, 'enddate')[0].textContent).to.equal('2026-10-25T02:30:00+01:00');
    // All-day: mod_event's enddate is the last day.
    expect(items[2].getElementsByTagNameNS(ev, 'startdate')[0].textContent).to.equal('2026-12-05');
    expect(items[2].getElementsByTagNameNS(ev, 'enddate')[0].textContent).to.equal('2026-12-07');
    // Plain text is HTML-escaped once more, so a reader shows it and runs nothing.
    expect(items[5].getElementsByTagName('description')[0].textContent).to.equal(
      'We write &lt;script&gt;alert("x")&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt; by hand.'
    );
    expect(text).not.to.include('<script>');
    expect(doc.querySelector('channel > lastBuildDate')!.textContent).to.equal('Fri, 27 Nov 2026 12:00:00 GMT');
  });

  it('drops characters XML cannot hold and keeps the rest', () => {
    const event: CalendarEvent = {...EVENTS[3], title: 'bell\u0007 nul\u0000 lone\ud800 pair😀 ok', description: undefined};
    const feed = feedOf(parseRss(toRss([event], META), {timeZone: ZONE, source: SOURCE}));
    expect(feed.events[0].title).to.equal('bell nul lone pair😀 ok');
  });
});
