/**
 * Corpus expectations for the JSON (`parseJson`) and Markdown (`parseMarkdown`) parsers, taken
 * from running them on the shared fixtures with timeZone `Europe/Stockholm` and checked by eye
 * against the files. GData's `alt=json` capture is JSON, so it is read here, though it lives in
 * `atom/`.
 */
import type {CorpusExpectation} from './types.js';

export const jsonExpectations: CorpusExpectation[] = [
  {
    file: 'gnistor/feed.json',
    count: 6,
    firstTitle: 'Bortom Big Tech sociala medier - hur kan vänstern vara online?',
    firstStart: '2023-08-19T13:00:00.000Z',
    note: 'JSON Feed with link/start_time; floating and +02:00 start_time; the 1970 end sentinel gives no end',
  },
  {
    file: 'markdown/seed-2023-08-19-bortom-big-tech.md',
    count: 1,
    firstTitle: 'Bortom Big Tech sociala medier - hur kan vänstern vara online?',
    firstStart: '2023-08-19T13:00:00.000Z',
    note: 'the seed event: unquoted floating date read in Europe/Stockholm; trailing space after the title',
  },
  {
    file: 'markdown/gnistor-2026-08-19-kampanja-med-ttf-.md',
    count: 1,
    firstTitle: 'Kampanja med TTF!',
    firstStart: '2026-08-19T15:00:00.000Z',
    note: 'empty lists, whole address in addressName, no final newline',
  },
  {
    file: 'markdown/gnistor-2026-08-21-dansturne-i-stockholm-21-aug.md',
    count: 1,
    firstTitle: '🔥Dansturné i Stockholm 21 AUG🔥',
    firstStart: '2026-08-21T10:00:00.000Z',
    note: 'enddate 1970-01-01 01:00:00 sentinel: no end; emoji title; empty addressName',
  },
  {
    file: 'markdown/gnistor-2026-08-29-fredsloppet.md',
    count: 1,
    firstTitle: 'Fredsloppet 2026',
    firstStart: '2026-08-28T22:00:00.000Z',
    note: 'unquoted 00:00:00 is a time, not all-day; seven locations with a trailing space in the flow list',
  },
  {
    file: 'markdown/gnistor-2026-09-25-radikal-bokmassa-2026.md',
    count: 1,
    firstTitle: 'RADIKAL BOKMÄSSA 2026',
    firstStart: '2026-09-25T16:00:00.000Z',
    note: 'three-day event, end 2026-09-27T15:00:00.000Z',
  },
  {
    file: 'markdown/gnistor-archive-2022-09-18-cykelkarnevalen.md',
    count: 1,
    firstTitle: 'Cykelkarnevalen',
    firstStart: '2022-09-18T08:00:00.000Z',
    note: 'older schema, unquoted values, no address fields',
  },
  {
    file: 'jsonfeed/gofeed-all-fields-version-1.1-string.json',
    count: 1,
    firstTitle: 'title',
    firstStart: '2019-10-12T07:20:50.520Z',
    note: 'version "1.1"; no event date, so date_published is the start',
  },
  {
    file: 'json/gancio-activitypub-create-event.json',
    count: 1,
    firstTitle: 'Demo event',
    firstStart: '2021-07-14T15:30:57.000Z',
    note: 'Create wrapping an Event; +02:00 offsets; #test hashtag; attributedTo is a URL, so no organizer',
  },
  {
    file: 'json/mobilizon-activitypub-event.json',
    count: 1,
    firstTitle: 'Mobilizon Launching Party',
    firstStart: '2019-12-18T13:00:00.000Z',
    note: 'swapped geo dropped (Mobilizon context); address "Nantes, Pays de la Loire, France"; status confirmed',
  },
  {
    file: 'json/fullcalendar-demo-events-mixed-allday-offsets.json',
    count: 12,
    firstTitle: 'All Day Event',
    firstStart: '2015-11-30T23:00:00.000Z',
    note: 'date-only starts are all-day at Stockholm midnight; "Dinner" 2015-12-12T20:00:00 is floating (19:00Z)',
  },
  {
    file: 'json/hackgreenville-eventbrite-api-v3-events.json',
    count: 1,
    firstTitle: 'BSides Greenville 2018',
    firstStart: '2018-03-10T13:30:00.000Z',
    note: '{events} wrapper; start {timezone, local, utc}; name/description {text, html}',
  },
  {
    file: 'json/hackgreenville-luma-api-calendar-events.json',
    count: 2,
    firstTitle: 'Furman Makerspace Field Trip',
    firstStart: '2025-07-12T16:30:00.000Z',
    skipped: 0,
    note: 'Luma entries[].event: start_at UTC + timezone America/New_York; url slug → https://lu.ma/<slug>; host as organizer',
  },
  {
    file: 'json/calagator-meetup-api-v2-epoch-ms.json',
    count: 1,
    firstTitle: 'eLearning Network Meetup',
    firstStart: '2011-08-11T00:00:00.000Z',
    skipped: 0,
    note: 'one Meetup v2 object: time 1313020800000 is epoch MILLISECONDS; utc_offset does not move the instant; no duration, so no end',
  },
  {
    file: 'atom/google-gdata-calendar-feed-alt-json.json',
    count: 4,
    firstTitle: 'Glass Developer Hangout Office Hours',
    firstStart: '2013-12-06T18:30:00.000Z',
    skipped: 1,
    note: 'GData alt=json feed.entry[]: first entry is a cancelled occurrence (gd$originalEvent); the gd$recurrence series without gd$when is skipped; one all-day entry with exclusive end',
  },
];
