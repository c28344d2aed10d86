/**
 * `feedcal snapshot`: feeds from a loopback server and the shared fixtures merged into one
 * canonical JSON file that the widget's own reader reads back; a failed source leaves the
 * previous file untouched and names the address and the fix.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, readFile, writeFile, readdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import '../../src/lib/feeds/portable.js';
import {parseFeed} from '../../src/lib/feeds/portable.js';
import type {ParsedFeed} from '../../src/lib/events/model.js';
import {FIXTURES, ICS, JSON_FEED, feedcal, send, startServer, type TestServer} from './helpers.js';

const ZONE = 'Europe/Stockholm';

describe('feedcal snapshot', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feedcal-snapshot-'));
    server = await startServer({
      '/calendar.ics': send(ICS, {'content-type': 'text/calendar'}),
      '/events.json': send(JSON_FEED, {'content-type': 'application/json'}),
      '/broken': send('<!doctype html><title>Oops</title>', {'content-type': 'text/html'}),
      '/slow.json': (_req, res) => setTimeout(() => res.writeHead(200, {'content-type': 'application/json'}).end(JSON_FEED), 3500),
      '/hang': () => {},
    });
  });
  after(() => server.close());

  const readBack = async (path: string) => {
    const text = await readFile(path, 'utf8');
    const parsed = await parseFeed(text, {timeZone: ZONE, source: 'https://our-blog.se/events.json'});
    assert.ok(!(parsed instanceof Error), String(parsed));
    return parsed as ParsedFeed;
  };

  test('merges an iCalendar and a JSON feed, expands the series in the window, and the widget reads the file back', async () => {
    const output = join(dir, 'site', 'events.json');
    const run = await feedcal(['snapshot', server.url('/calendar.ics'), server.url('/events.json'), '-o', output, '--time-zone', ZONE, '--to', '2026-12-31']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /wrote 6 events from 2 feeds to .*events\.json \(from 2026-11-27 to 2026-12-31, Europe\/Stockholm\)/);
    const feed = await readBack(output);
    assert.equal(feed.format, 'json');
    assert.deepEqual(
      feed.events.map((e) => [e.title, e.start.toISOString(), e.allDay]),
      [
        ['Studiecirkel', '2026-12-02T18:00:00.000Z', false],
        // In both feeds (same title and start): kept once, with both feeds' places.
        ['Årsmöte', '2026-12-05T17:00:00.000Z', false],
        ['Studiecirkel', '2026-12-09T18:00:00.000Z', false],
        ['Bokmässa', '2026-12-11T23:00:00.000Z', true],
        ['Studiecirkel', '2026-12-16T18:00:00.000Z', false],
        ['Julfest', '2026-12-19T16:00:00.000Z', false],
      ]
    );
    const fair = feed.events.find((e) => e.title === 'Bokmässa')!;
    assert.equal(fair.end?.toISOString(), '2026-12-13T23:00:00.000Z', 'the all-day end survives the round trip');
    assert.deepEqual(feed.events[1].locations, ['Folkets hus']);
    assert.equal(feed.events[0].timeZone, ZONE);
    const json = JSON.parse(await readFile(output, 'utf8'));
    assert.equal(json.generated, undefined, 'no time of writing: the same events give the same bytes');
    assert.equal(json.items.length, 6);
    // A scheduled run commits only a changed calendar: the same feeds, an hour later, give the same bytes.
    const before = await readFile(output, 'utf8');
    const again = await feedcal(['snapshot', server.url('/calendar.ics'), server.url('/events.json'), '-o', output, '--time-zone', ZONE, '--to', '2026-12-31'], {
      env: {FEEDCAL_NOW: '2026-11-27T13:00:00Z'},
    });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await readFile(output, 'utf8'), before);
  });

  test('a failed source keeps the previous file untouched, names the address and the fix, and exits 1', async () => {
    const output = join(dir, 'kept.json');
    await writeFile(output, '{"items": []}\n');
    const run = await feedcal([
      'snapshot',
      server.url('/events.json'),
      server.url('/broken'),
      server.url('/missing.ics'),
      server.url('/hang'),
      '-o',
      output,
      '--timeout',
      '1',
    ]);
    assert.equal(run.code, 1);
    assert.equal(await readFile(output, 'utf8'), '{"items": []}\n');
    assert.ok(run.stderr.includes(`${server.url('/broken')}: The address gives a web page, not an event feed.`), run.stderr);
    assert.ok(run.stderr.includes(`Run "npx feedcal check ${server.url('/broken')}"`));
    assert.ok(run.stderr.includes(`${server.url('/missing.ics')}: the server answered 404 instead of the feed.`));
    assert.ok(run.stderr.includes(`${server.url('/hang')}: no complete answer within 1 s.`));
    assert.match(run.stderr, /kept\.json was not changed \(3 of 4 feeds failed\)/);
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.includes('.tmp')),
      [],
      'no temporary file left behind'
    );
  });

  test('shows progress on stderr while a feed takes more than a second', async () => {
    const output = join(dir, 'slow.json');
    const run = await feedcal(['snapshot', server.url('/events.json'), server.url('/slow.json'), '-o', output]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stderr.includes(`feedcal snapshot: feeds read: 1 of 2 (waiting for ${server.url('/slow.json')})`), run.stderr);
    assert.equal((await readBack(output)).events.length, 2, 'Höstmöte is before the window (from today)');
  });

  test('shared fixture feeds (Gnistor JSON and RSS, Gancio) from files, in a window around them', async () => {
    const output = join(dir, 'fixtures.json');
    const run = await feedcal([
      'snapshot',
      `${FIXTURES}gnistor/feed.json`,
      `${FIXTURES}gnistor/feed.xml`,
      `${FIXTURES}json/gancio-activitypub-create-event.json`,
      '-o',
      output,
      '--from',
      '2020-01-01',
      '--to',
      '2027-01-01',
      '--time-zone',
      ZONE,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const feed = await readBack(output);
    const titles = feed.events.map((e) => e.title);
    // Gnistor's JSON and RSS hold the same events: each once.
    assert.equal(new Set(titles).size, titles.length, titles.join(' | '));
    assert.ok(titles.includes('Fredsloppet 2026'));
    assert.ok(feed.events.length >= 7, titles.join(' | '));
  });

  test('usage errors exit 2', async () => {
    for (const [args, message] of [
      [['snapshot', 'https://example.org/a.ics'], /give the file to write with -o/],
      [['snapshot', '-o', 'x.json'], /give at least one feed address/],
      [['snapshot', 'a.ics', '-o', 'x.json', '--from', 'someday'], /--from must be an ISO date/],
      [['snapshot', 'a.ics', '-o', 'x.json', '--from', '2027-01-01', '--to', '2026-01-01'], /--to .* must be after --from/],
    ] as const) {
      const run = await feedcal([...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});
