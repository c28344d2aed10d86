/**
 * `feedcal check` as an organiser runs it: the real command against a loopback server (with and
 * without CORS, a 404, a web page, a hung server) and against the shared fixture feeds; exit
 * codes, the text and the --json report.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {FIXTURES, ICS, JSON_FEED, feedcal, send, startServer, type TestServer} from './helpers.js';

const BLOG = 'https://our-blog.se';

describe('feedcal check', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      '/cors.ics': send(ICS, {
        'content-type': 'text/calendar; charset=utf-8',
        'access-control-allow-origin': BLOG,
        etag: '"v1"',
        'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT',
        'cache-control': 'max-age=600',
      }),
      '/nocors.json': send(JSON_FEED, {'content-type': 'application/json'}),
      '/other.json': send(JSON_FEED, {'content-type': 'application/json', 'access-control-allow-origin': 'https://someone-else.org', etag: '"x"'}),
      '/page': send('<!doctype html><html><head><title>Our calendar</title></head><body>Events</body></html>', {'content-type': 'text/html'}),
      // 6 MB: more than the widget reads.
      '/huge.json': send(
        `[${Array.from({length: 60_000}, (_, i) => JSON.stringify({title: `Event ${i}`, date: '2026-12-01', description: 'x'.repeat(60)})).join(',')}]`,
        {
          'content-type': 'application/json',
        }
      ),
      // Answers nothing: the command's --timeout must end the wait.
      '/hang': () => {},
    });
  });
  after(() => server.close());

  test("an iCalendar feed with CORS for the site: the next events in the widget's words, the broken item, exit 1", async () => {
    const run = await feedcal(['check', server.url('/cors.ics'), '--origin', `${BLOG}/events/`, '--time-zone', 'Europe/Stockholm', '--lang', 'sv']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /format: {5}ics \("Studiecirkeln"\)/);
    assert.match(run.stdout, /events: {5}5 read, 5 upcoming, 1 skipped/);
    assert.match(run.stdout, /a page on https:\/\/our-blog\.se may read it/);
    assert.match(run.stdout, /ETag "v1"; Last-Modified Wed, 25 Nov 2026 10:00:00 GMT; Cache-Control max-age=600/);
    // The date lines are the widget's own (lib/format.ts) in Swedish, Stockholm time.
    const next = run.stdout.split('Next 5 events')[1];
    assert.match(next, /ons 2 dec 19:00–21:00 {2}Studiecirkel\n/);
    assert.match(next, /lör 5 dec 18:00–20:00 {2}Årsmöte \(Folkets hus\)\n/);
    assert.match(next, /12–13 dec {2}Bokmässa/);
    assert.match(run.stdout, /item 4: "Trasig" has an unreadable start/);
    assert.match(run.stdout, /PROBLEM: 1 item of the feed cannot be shown/);
    assert.match(run.stdout, /1 recurring series/);
    assert.doesNotMatch(run.stdout, /may NOT|no time zone|plain http/, 'CORS allows the site, every time has a zone, and a loopback address is no mixed content');
  });

  test('--json: the report for tools', async () => {
    const run = await feedcal(['check', server.url('/cors.ics'), '--origin', BLOG, '--time-zone', 'Europe/Stockholm', '--lang', 'en-GB', '--json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.verdict, 1);
    assert.equal(report.format, 'ics');
    assert.equal(report.events, 5);
    assert.equal(report.now, '2026-11-27T12:00:00.000Z');
    assert.deepEqual(report.cors, {origin: BLOG, allowOrigin: BLOG, allowed: true});
    assert.deepEqual(
      report.next.map((e: {title: string; datetime: string}) => [e.title, e.datetime]),
      [
        ['Studiecirkel', '2026-12-02T18:00:00.000Z'],
        ['Årsmöte', '2026-12-05T17:00:00.000Z'],
        ['Studiecirkel', '2026-12-09T18:00:00.000Z'],
        ['Bokmässa', '2026-12-12'],
        ['Studiecirkel', '2026-12-16T18:00:00.000Z'],
      ]
    );
    assert.equal(report.next[1].when, 'Sat 5 Dec, 18:00–20:00');
    assert.equal(report.skipped.length, 1);
    assert.deepEqual(report.time.tzids, [{tzid: 'Europe/Stockholm', uses: 4, defined: false, zone: 'Europe/Stockholm'}]);
    assert.deepEqual(
      report.findings.map((f: {code: string}) => f.code),
      ['skipped-items', 'tzid-without-vtimezone', 'series']
    );
  });

  test('no CORS header for the site: a problem, with the relay as the fix', async () => {
    const run = await feedcal(['check', server.url('/nocors.json'), '--origin', BLOG, '--time-zone', 'Europe/Stockholm']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /a page on https:\/\/our-blog\.se may NOT read it/);
    assert.match(run.stdout, /PROBLEM: A page on https:\/\/our-blog\.se may not read this feed: the server sends no Access-Control-Allow-Origin header/);
    assert.ok(run.stdout.includes(`npx feedcal relay --allow ${server.url('/nocors.json')} --origin ${BLOG}`), run.stdout);
    assert.match(run.stdout, /docs\/relay\.md/);
    assert.match(run.stdout, /neither ETag nor Last-Modified/);
    const json = JSON.parse((await feedcal(['check', server.url('/other.json'), '--origin', BLOG, '--json'])).stdout);
    assert.equal(json.cors.allowed, false);
    assert.ok(
      json.findings.some((f: {code: string; message: string}) => f.code === 'cors-other-origin' && f.message.includes('allows only https://someone-else.org'))
    );
  });

  test('a 404, a web page, a server that never answers: unreadable, exit 2, with the fix', async () => {
    const missing = await feedcal(['check', server.url('/gone.ics')]);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stdout,
      /ERROR: The server answered 404 \(Not Found\) instead of the feed\.\n {4}→ The address is wrong, or the calendar is no longer public/
    );
    const page = await feedcal(['check', server.url('/page')]);
    assert.equal(page.code, 2);
    assert.match(
      page.stdout,
      /ERROR: The address gives a web page, not an event feed\.\n {4}→ This address is a web page\. Find the calendar's feed address instead/
    );
    const huge = await feedcal(['check', server.url('/huge.json')]);
    assert.equal(huge.code, 2);
    assert.match(huge.stdout, /ERROR: The feed is over 5\.0 MB; the widget reads at most 5\.0 MB and shows nothing\.\n {4}→ Publish only upcoming events/);
    const hung = await feedcal(['check', server.url('/hang'), '--timeout', '0.5', '--json']);
    assert.equal(hung.code, 2);
    const report = JSON.parse(hung.stdout);
    assert.equal(report.findings[0].code, 'unreachable');
    assert.match(report.findings[0].message, /no complete answer within 0\.5 s/);
    assert.match(report.findings[0].fix, /--timeout/);
  });

  test('a shared fixture feed of each kind, read from the file', async () => {
    const ics = JSON.parse(
      (await feedcal(['check', `${FIXTURES}ics/calagator-upcoming-vvenue-floating.ics`, '--time-zone', 'America/Los_Angeles', '--json'])).stdout
    );
    assert.equal(ics.format, 'ics');
    assert.equal(ics.time.floating, 1);
    assert.ok(ics.findings.some((f: {code: string; fix: string}) => f.code === 'floating-times' && f.fix.includes('time-zone="America/Los_Angeles"')));
    const xwr = JSON.parse((await feedcal(['check', `${FIXTURES}ics/rie-floating-times-x-wr-timezone.ics`, '--json'])).stdout);
    assert.deepEqual(xwr.time.xWrTimezone, {value: 'Europe/Brussels', zone: 'Europe/Brussels'});
    assert.equal(xwr.time.floating, 0, 'X-WR-TIMEZONE gives the floating times their zone');
    const windows = JSON.parse((await feedcal(['check', `${FIXTURES}ics/nodeical-exchange-windows-tzids.ics`, '--json'])).stdout);
    assert.deepEqual(
      windows.time.tzids.map((t: {tzid: string; zone: string}) => [t.tzid, t.zone]),
      [
        ['W. Europe Standard Time', 'Europe/Berlin'],
        ['Pacific Standard Time', 'America/Los_Angeles'],
      ]
    );
    const gancio = await feedcal(['check', `${FIXTURES}json/gancio-activitypub-create-event.json`, '--json']);
    const gancioReport = JSON.parse(gancio.stdout);
    assert.equal(gancioReport.format, 'json');
    assert.equal(gancioReport.events, 1);
    const rss = await feedcal(['check', `${FIXTURES}rss/sidearm-miami-athletics-ev-module.rss`, '--time-zone', 'America/New_York', '--lang', 'en-US']);
    assert.equal(rss.code, 0, rss.stdout);
    assert.match(rss.stdout, /events: {5}141 read, 44 upcoming, 0 skipped/);
    assert.match(rss.stdout, /No problems found\./);
  });

  test('usage errors exit 2 and name the fix; --help exits 0', async () => {
    const help = await feedcal(['check', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--origin <url>/);
    for (const [args, message] of [
      [['check'], /give the address or file of a feed to check/],
      [['check', 'x.ics', '--time-zone', 'Mars/Olympus'], /--time-zone must be an IANA zone name/],
      [['check', 'x.ics', '--origin', 'our-blog'], /--origin must be your site's address/],
      [['check', 'x.ics', '--now', 'yesterday'], /--now \(or FEEDCAL_NOW\) must be an ISO date-time/],
    ] as const) {
      const run = await feedcal([...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /feedcal check --help/);
    }
    const missing = await feedcal(['check', 'no-such-feed.ics']);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /no-such-feed\.ics: cannot read the file: there is no such file/);
  });
});
