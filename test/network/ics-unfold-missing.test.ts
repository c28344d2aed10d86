/**
 * iCalendar is unfolded on its bytes by code loaded only for iCalendar bodies (ics-unfold.ts).
 * Here that load fails, as it would offline or when the CDN hiccups: an import map, added before
 * anything asks for the module, points it at an address that answers 404. The feed must end in a
 * FeedError that says so, not a rejected promise, and other formats must not notice.
 */
import {expect} from '@open-wc/testing';
import {loadFeed} from '../../src/lib/load-feed.js';
import {FeedError} from '../../src/lib/model.js';
import {RUN, hitsOf} from './helpers.js';

async function serve(name: string, body: string, type: string): Promise<string> {
  const path = `/__feeds/unfold-${name}-${RUN}`;
  await fetch(`${path}?type=${encodeURIComponent(type)}`, {method: 'POST', body});
  return path;
}

describe('when ics-unfold.ts cannot be loaded', function () {
  this.timeout(10000);
  const missing = `/fault/404/ics-unfold-${RUN}.js`;

  before(() => {
    const map = document.createElement('script');
    map.type = 'importmap';
    // The test runner serves load-feed.ts's import('./feeds/ics-unfold.js') as this .ts address.
    map.textContent = JSON.stringify({imports: {'/src/lib/feeds/ics-unfold.ts': missing}});
    document.head.append(map);
  });

  it('an iCalendar feed ends in a FeedError saying the reader could not be loaded', async () => {
    const src = await serve('cal.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Möte\r\nDTSTART:20300105T180000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'text/calendar');
    const result = await loadFeed(src, {timeZone: 'UTC', cache: false});
    expect(result).to.be.instanceOf(FeedError);
    expect([(result as FeedError).kind, (result as FeedError).code]).to.deep.equal(['network', 'offline']);
    expect((result as FeedError).message).to.contain('iCalendar reader could not be loaded');
    expect((await hitsOf(missing)).hits).to.be.at.least(1);
  });

  it('a JSON feed does not need it', async () => {
    const src = await serve('feed.json', JSON.stringify({events: [{title: 'Möte', start: '2030-01-05T18:00:00Z'}]}), 'application/json');
    const result = await loadFeed(src, {timeZone: 'UTC', cache: false});
    if (result instanceof FeedError) throw result;
    expect(result.events.map((event) => event.title)).to.deep.equal(['Möte']);
  });
});
