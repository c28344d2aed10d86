/**
 * What the RSS/Atom parser gives on the shared corpus's XML feeds (`../shared/fixtures/feeds/`),
 * read with time zone Europe/Stockholm. Checked by eye against the files.
 *
 * Not here: `atom/google-gdata-calendar-feed-alt-json.json` is GData's Atom model written as
 * JSON (`gd$when`), so it is the JSON parser's; detectFormat sends it to 'json'.
 */
import type {CorpusExpectation} from './types.js';

export const xmlExpectations: CorpusExpectation[] = [
  {
    file: 'gnistor/feed.xml',
    count: 6,
    firstTitle: 'Bortom Big Tech sociala medier - hur kan vänstern vara online?',
    firstStart: '2023-08-19T13:00:00.000Z',
    skipped: 0,
    note: 'gnistor:startdate (RFC 822); the 1970 enddate sentinel gives no end; forms one per line.',
  },
  {
    file: 'rss/sidearm-miami-athletics-ev-module.rss',
    count: 141,
    firstTitle: "8/8 7:00 PM Miami University Women's Soccer vs Purdue Fort Wayne (Exhibition)",
    firstStart: '2026-08-08T23:00:00.000Z',
    skipped: 0,
    note: 'mod_event with 7-digit fractions; 83 date-only starts are all-day and lose their date-time ends.',
  },
  {
    file: 'rss/rssparser-iso-8859-1-crlf-news.rss',
    count: 40,
    firstTitle: 'Mãe de utente é a nova presidente da Raríssimas',
    firstStart: '2018-01-03T13:47:00.000Z',
    skipped: 0,
    note:
      "A news feed: pubDate is the start. ISO-8859-1: the title is right only when the file's own bytes reach " +
      'decodeFeedBytes. @web/dev-server re-encodes text files it serves as UTF-8 (non-UTF-8 bytes become U+FFFD), ' +
      'so a fetch through the test runner sees "M\uFFFDe de utente …"; count and dates are the same either way.',
  },
];
