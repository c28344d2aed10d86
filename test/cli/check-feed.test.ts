/**
 * lib/check/check-feed.ts on its own, as the configurator page will call it: a response in, a
 * report out. Tables of the transport cases (CORS, mixed content, caching) and the time facts,
 * without a network or a child process.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import '../../src/lib/feeds/portable.js';
import {checkFeed, type CheckInput} from '../../src/lib/check/check-feed.js';
import {ICS, JSON_FEED, TEST_NOW} from './helpers.js';

// The widget adds the zone's name to a time when the visitor's own zone differs (lib/format.ts):
// this process's zone is the visitor's, so it is set (before any date is formatted) to the lists' zone.
process.env.TZ = 'Europe/Stockholm';

const base: CheckInput = {
  body: JSON_FEED,
  url: 'https://feeds.example.org/events.json',
  status: 200,
  timeZone: 'Europe/Stockholm',
  lang: 'sv',
  now: new Date(TEST_NOW),
};
const codes = async (input: Partial<CheckInput>) => (await checkFeed({...base, ...input})).findings.map((f) => f.code);

describe('checkFeed', () => {
  test('CORS: the response header against the site', async () => {
    const cases: Array<[string | undefined, Record<string, string>, boolean | undefined, string[]]> = [
      ['https://our-blog.se', {'access-control-allow-origin': '*'}, true, []],
      ['https://our-blog.se', {'access-control-allow-origin': 'https://our-blog.se'}, true, []],
      ['https://our-blog.se', {'access-control-allow-origin': 'https://other.org'}, false, ['cors-other-origin']],
      ['https://our-blog.se', {}, false, ['cors-missing']],
      // A page on the feed's own site needs no CORS.
      ['https://feeds.example.org', {}, true, []],
      [undefined, {}, undefined, ['cors-unknown']],
      [undefined, {'access-control-allow-origin': '*'}, true, []],
    ];
    for (const [origin, headers, allowed, expected] of cases) {
      const report = await checkFeed({...base, origin, headers: {etag: '"1"', ...headers}});
      assert.equal(report.cors?.allowed, allowed, `${origin} ${JSON.stringify(headers)}`);
      assert.deepEqual(
        report.findings.map((f) => f.code).filter((c) => c.startsWith('cors')),
        expected,
        `${origin} ${JSON.stringify(headers)}`
      );
    }
  });

  test('mixed content, caching headers, HTTP status', async () => {
    assert.ok((await codes({url: 'http://feeds.example.org/events.json', headers: {etag: '"1"'}})).includes('insecure'));
    assert.ok(!(await codes({url: 'http://localhost:8080/events.json', headers: {etag: '"1"'}})).includes('insecure'));
    assert.ok((await codes({headers: {}})).includes('no-validators'));
    assert.ok(!(await codes({headers: {'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT'}})).includes('no-validators'));
    assert.ok((await codes({headers: {etag: '"1"', 'cache-control': 'no-store'}})).includes('no-store'));
    const gone = await checkFeed({...base, status: 410, headers: {'access-control-allow-origin': '*'}});
    assert.equal(gone.verdict, 2);
    assert.deepEqual(
      gone.findings.filter((f) => f.level === 'error').map((f) => f.code),
      ['http-status']
    );
    assert.equal(gone.events, 0, 'an error page is not read as a feed');
  });

  test('a local file (no status, no headers): no transport findings', async () => {
    const report = await checkFeed({...base, url: 'file:///site/events.json', status: undefined});
    assert.equal(report.verdict, 0);
    assert.equal(report.cors, undefined);
    assert.deepEqual(
      report.next.map((e) => e.when),
      ['lör 5 dec 18:00–20:00', 'lör 19 dec 17:00']
    );
  });

  test('time facts: floating events, X-WR-TIMEZONE, unknown TZIDs', async () => {
    const ics = (lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
    const event = (start: string, title = 'Möte') => ['BEGIN:VEVENT', `UID:${title}@t`, `DTSTART${start}`, `SUMMARY:${title}`, 'END:VEVENT'];
    const floating = await checkFeed({
      ...base,
      url: 'file:///a.ics',
      status: undefined,
      body: ics([...event(':20261205T180000'), ...event(':20261206T170000Z', 'Utc')]),
    });
    assert.equal(floating.time?.floating, 1);
    assert.equal(floating.time?.timed, 2);
    assert.ok(floating.findings.some((f) => f.code === 'floating-times' && f.level === 'problem'));
    const zoned = await checkFeed({...base, url: 'file:///a.ics', status: undefined, body: ics(['X-WR-TIMEZONE:Europe/Oslo', ...event(':20261205T180000')])});
    assert.equal(zoned.time?.floating, 0);
    assert.deepEqual(zoned.time?.xWrTimezone, {value: 'Europe/Oslo', zone: 'Europe/Oslo'});
    assert.equal(zoned.next[0].when, 'lör 5 dec 18:00');
    const unknown = await checkFeed({...base, url: 'file:///a.ics', status: undefined, body: ics(event(';TZID=Somewhere Standard Time:20261205T180000'))});
    assert.ok(unknown.findings.some((f) => f.code === 'unknown-tzid' && f.message.includes('"Somewhere Standard Time"')));
    assert.equal(unknown.time?.floating, 1, 'an unknown TZID without VTIMEZONE is read as floating');
    const series = await checkFeed({
      ...base,
      url: 'file:///a.ics',
      status: undefined,
      body: ics([...event(';TZID=Europe/Stockholm:20261201T080000', 'Hourly').slice(0, -1), 'RRULE:FREQ=HOURLY', 'END:VEVENT']),
    });
    assert.equal(series.time?.endlessSeries, 1);
    assert.deepEqual(series.time?.seriesCapped, ['"Hourly"']);
    assert.ok(series.findings.some((f) => f.code === 'series-cap'));
  });

  test('the report of the iCalendar test feed, as bytes', async () => {
    const report = await checkFeed({...base, url: 'file:///c.ics', status: undefined, body: new TextEncoder().encode(ICS)});
    assert.equal(report.format, 'ics');
    assert.equal(report.title, 'Studiecirkeln');
    assert.equal(report.events, 5);
    assert.equal(report.skipped[0].index, 3);
  });
});
