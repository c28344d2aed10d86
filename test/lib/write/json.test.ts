import {expect} from '@open-wc/testing';
import {toFeedJson} from '../../../src/lib/write/json.js';
import {readJson} from '../../../src/lib/feeds/json/json.js';
import {EVENTS, META, SOURCE, ZONE, plain, withoutDerivedPlace} from './cases.js';
import {feedOf} from '../../helpers/feeds.js';

describe('toFeedJson', () => {
  it('is read back by the canonical reader with every field equal', async () => {
    const text = toFeedJson(EVENTS, META);
    const feed = feedOf(await readJson(text, {timeZone: ZONE, source: SOURCE}));
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.title).to.equal(META.title);
    expect(feed.events.map(plain)).to.deep.equal(EVENTS.map(withoutDerivedPlace).map(plain));
  });

  it('is a JSON Feed 1.1 whose plain text stays text and whose markup cannot close a script block', () => {
    const text = toFeedJson(EVENTS, META);
    expect(text).not.to.include('<');
    const doc = JSON.parse(text);
    expect(doc.version).to.equal('https://jsonfeed.org/version/1.1');
    expect(doc.home_page_url).to.equal(META.link);
    const markup = doc.items.find((item: {id: string}) => item.id === 'markup-6');
    expect(markup.content_text).to.equal(EVENTS[5].description);
    expect(markup).not.to.have.property('content_html');
    // All-day: dates with an exclusive end; timed: the offset of the event's own zone on each side of the DST change.
    expect(doc.items[2]).to.include({start: '2026-12-05', end: '2026-12-08'});
    expect(doc.items[0]).to.include({start: '2026-10-25T01:30:00+02:00', end: '2026-10-25T02:30:00+01:00', timezone: ZONE});
    expect(doc.items[3]).to.include({start: '2026-12-10T17:00:00Z'});
    expect(doc.items[3]).not.to.have.property('end');
  });

  it('keeps all-day dates when the reader is in another zone', async () => {
    const feed = feedOf(await readJson(toFeedJson(EVENTS, META), {timeZone: 'America/Los_Angeles', source: SOURCE}));
    const allDay = feed.events.find((e) => e.id === 'allday-3')!;
    expect(allDay.start.toISOString()).to.equal('2026-12-05T08:00:00.000Z');
    expect(allDay.end!.toISOString()).to.equal('2026-12-08T08:00:00.000Z');
    // Instants stay instants.
    expect(feed.events[0].start.getTime()).to.equal(EVENTS[0].start.getTime());
  });

  it('writes an empty feed', async () => {
    const feed = feedOf(await readJson(toFeedJson([], {now: META.now}), {timeZone: ZONE, source: SOURCE}));
    expect(feed.events).to.deep.equal([]);
  });
});
