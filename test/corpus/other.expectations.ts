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

/**
 * Files no parser reads yet, each with the error a person sees. Empty since the JSON parser
 * reads Luma, Meetup v2 and GData alt=json (their rows are in json.expectations.ts).
 */
export const unsupportedExpectations: CorpusExpectation[] = [];
