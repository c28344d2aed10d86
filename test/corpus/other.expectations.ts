/**
 * Corpus files read by parsers other than JSON, Markdown, XML and iCalendar, and files no parser
 * reads yet (recorded with the error a person sees, so the day they are supported the test says so).
 */
import type {CorpusExpectation} from './types.js';

export const otherExpectations: CorpusExpectation[] = [
  {
    file: 'jsonld/songkick-tour-dates-14-jsonld-blocks.html',
    count: 13,
    firstTitle: 'Years & Years',
    firstStart: '2015-10-26T19:00:00.000Z',
    skipped: 0,
    note: '14 ld+json blocks: 13 MusicEvents and a MusicGroup (not an event); offsets written +0000.',
  },
];

/** Files the JSON parser does not read yet: each gives a clear not-a-feed error. */
export const unsupportedExpectations: CorpusExpectation[] = [
  {file: 'json/hackgreenville-luma-api-calendar-events.json', count: 0, firstTitle: '', firstStart: '', error: 'not-a-feed', note: 'Luma nests events under entries[].event.'},
  {file: 'json/calagator-meetup-api-v2-epoch-ms.json', count: 0, firstTitle: '', firstStart: '', error: 'not-a-feed', note: 'Meetup v2: one object, time in epoch ms.'},
  {file: 'atom/google-gdata-calendar-feed-alt-json.json', count: 0, firstTitle: '', firstStart: '', error: 'not-a-feed', note: 'GData alt=json: gd$when under feed.entry.'},
];
