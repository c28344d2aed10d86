/**
 * `feedcal build`: a folder of Markdown events (the shared Gnistor files, and files written here
 * for the hard cases) becomes feed.json, feed.xml and calendar.ics; each is read back by the
 * widget's parsers and the .ics also by ical.js, and must give the same events as the Markdown.
 */
import {before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import ICAL from 'ical.js';
import {parseFeed} from '../../src/lib/feeds/portable.js';
import {parseMarkdown} from '../../src/lib/feeds/markdown.js';
import type {CalendarEvent, ParsedFeed} from '../../src/lib/events/model.js';
import {addDaysIn, dayKey} from '../../src/lib/time.js';
import {FIXTURES, feedcal} from './helpers.js';

const ZONE = 'Europe/Stockholm';
const SOURCE = 'https://www.gnistor.se/';

const read = async (path: string) => {
  const parsed = await parseFeed(await readFile(path, 'utf8'), {
    timeZone: ZONE,
    source: SOURCE,
    window: {from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z')},
  });
  assert.ok(!(parsed instanceof Error), `${path}: ${String(parsed)}`);
  return parsed as ParsedFeed;
};

/**
 * What must survive every format: title, times, all-day, places, organiser. An all-day event's
 * end is compared as its last day: "no end" and "the next midnight" both mean one day.
 */
const essentials = (events: CalendarEvent[]) =>
  events
    .map((e) => ({
      title: e.title,
      start: e.start.toISOString(),
      end: e.allDay ? dayKey(addDaysIn(e.end ?? addDaysIn(e.start, 1, ZONE), -1, ZONE), ZONE) : e.end?.toISOString(),
      allDay: e.allDay,
      locations: e.locations.join('|'),
      organizer: e.organizer,
    }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));

const TRICKY: Record<string, string> = {
  'fair.md': '---\ntitle: "Bokmässa; böcker, zines \\\\ mer"\ndate: 2026-12-12\nenddate: 2026-12-14\nforms: [Mässa]\nlocations: [Malmö]\n---\nTwo days.\n',
  'nested/talk.md': `---\ntitle: Föredrag\ndate: 2026-12-03 18:30\nenddate: 2026-12-03 20:00\norganizer: "Kamratdataföreningen Konstellationen"\nlocations: [Stockholm]\nsource: "https://example.org/talk"\n---\n${'Ett långt stycke text om datorer och föreningar. '.repeat(8)}\n`,
  'broken.md': '---\ntitle: "Trasig"\nforms: [Möte]\ndate: 2026-02-30 18:00\n---\n',
  'undated.md': '---\ntitle: "Utan datum"\n---\nNo date at all.\n',
  'draft.md': '---\ntitle: "Utkast"\ndate: 2026-12-01\ndraft: true\n---\n',
  '_index.md': '---\ntitle: "Events"\n---\nThe section page.\n',
};

describe('feedcal build', () => {
  let input: string;
  let output: string;
  let run: Awaited<ReturnType<typeof feedcal>>;
  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feedcal-build-'));
    input = join(dir, 'events');
    output = join(dir, 'public');
    await mkdir(join(input, 'nested'), {recursive: true});
    for (const [name, text] of Object.entries(TRICKY)) await writeFile(join(input, name), text);
    for (const name of [
      'gnistor-2026-08-21-dansturne-i-stockholm-21-aug.md',
      'gnistor-2026-08-29-fredsloppet.md',
      'gnistor-2026-09-25-radikal-bokmassa-2026.md',
      'seed-2023-08-19-bortom-big-tech.md',
    ]) {
      await writeFile(join(input, name), await readFile(join(FIXTURES, 'markdown', name)));
    }
    run = await feedcal(['build', input, '-o', output, '--time-zone', ZONE, '--title', 'Gnistor', '--link', SOURCE]);
  });

  test('writes the three feeds and leaves out the unreadable files, naming file and line', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /6 events from 9 files → .*feed\.json, .*feed\.xml, .*calendar\.ics \(2 files left out, see above\)/);
    assert.ok(
      run.stderr.includes(`${join(input, 'broken.md')}:4: left out: "Trasig": date "2026-02-30 18:00" is not a date → write the date as YYYY-MM-DD`),
      run.stderr
    );
    assert.ok(run.stderr.includes(`${join(input, 'undated.md')}:1: left out: "Utan datum" has no usable start date → add a date: line`), run.stderr);
    assert.doesNotMatch(run.stderr + run.stdout, /Utkast|_index/);
  });

  test('each feed, read back by the widget, gives the events of the Markdown files', async () => {
    const expected: CalendarEvent[] = [];
    for (const name of [...Object.keys(TRICKY).filter((n) => !/broken|undated|draft|_index/.test(n))]) {
      const parsed = parseMarkdown(TRICKY[name], {timeZone: ZONE, source: SOURCE}) as ParsedFeed;
      expected.push(...parsed.events);
    }
    for (const name of [
      'gnistor-2026-08-21-dansturne-i-stockholm-21-aug.md',
      'gnistor-2026-08-29-fredsloppet.md',
      'gnistor-2026-09-25-radikal-bokmassa-2026.md',
      'seed-2023-08-19-bortom-big-tech.md',
    ]) {
      expected.push(...(parseMarkdown(await readFile(join(FIXTURES, 'markdown', name), 'utf8'), {timeZone: ZONE, source: SOURCE}) as ParsedFeed).events);
    }
    assert.equal(expected.length, 6);
    const json = await read(join(output, 'feed.json'));
    const rss = await read(join(output, 'feed.xml'));
    const ics = await read(join(output, 'calendar.ics'));
    assert.deepEqual([json.format, rss.format, ics.format], ['json', 'rss', 'ics']);
    assert.deepEqual([json.title, rss.title, ics.title], ['Gnistor', 'Gnistor', 'Gnistor']);
    for (const feed of [json, rss, ics]) assert.deepEqual(feed.skipped, [], feed.format);
    assert.deepEqual(essentials(json.events), essentials(expected), 'json');
    assert.deepEqual(essentials(rss.events), essentials(expected), 'rss');
    // iCalendar has one LOCATION (the places and the address, joined) and an ORGANIZER only as an
    // e-mail address: the organiser's name goes into the description (lib/ics-export.ts).
    const timesOnly = (events: CalendarEvent[]) => essentials(events).map(({title, start, end, allDay}) => ({title, start, end, allDay}));
    assert.deepEqual(timesOnly(ics.events), timesOnly(expected), 'ics');
    for (const event of expected) {
      const read = ics.events.find((e) => e.title === event.title)!;
      if (event.organizer) assert.ok(read.organizer === event.organizer || read.description?.includes(event.organizer), event.title);
      if (event.locations[0]) assert.ok(read.locations[0].includes(event.locations[0]), event.title);
    }
    const fair = json.events.find((e) => e.title.startsWith('Bokmässa'))!;
    assert.equal(fair.title, 'Bokmässa; böcker, zines \\ mer');
    assert.deepEqual(fair.categories, ['Mässa']);
    assert.equal(json.events.find((e) => e.title === 'Föredrag')!.url, 'https://example.org/talk');
  });

  test('calendar.ics is valid for ical.js: VTIMEZONE, folded lines, escaped text', async () => {
    const text = await readFile(join(output, 'calendar.ics'), 'utf8');
    assert.ok(
      text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
      'every line is folded to 75 octets'
    );
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'lines end in CRLF');
    assert.match(text, /SUMMARY:Bokmässa\\; böcker\\, zines \\\\ mer\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Gnistor');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    assert.equal(zone.getFirstPropertyValue('tzid'), ZONE);
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.equal(events.length, 6);
    const talk = events.find((e) => e.summary === 'Föredrag')!;
    assert.equal(talk.startDate.toJSDate().toISOString(), '2026-12-03T17:30:00.000Z');
    assert.equal(talk.startDate.zone?.tzid, ZONE);
    assert.match(talk.description, /^Ett långt stycke text om datorer/);
    const fair = events.find((e) => e.summary.startsWith('Bokmässa'))!;
    assert.ok(fair.startDate.isDate);
    assert.equal(fair.startDate.toString(), '2026-12-12');
    // DTEND of an all-day event is exclusive: the end the Markdown reader gives, as a date.
    const written = parseMarkdown(TRICKY['fair.md'], {timeZone: ZONE, source: SOURCE}) as ParsedFeed;
    assert.equal(fair.endDate.toString(), dayKey(written.events[0].end!, ZONE));
    assert.ok(fair.endDate.compare(fair.startDate.clone()) > 0);
    assert.ok(fair.endDate.toString() > '2026-12-13', 'a multi-day event stays multi-day');
    assert.deepEqual(events.map((e) => e.uid).sort(), [
      'fair',
      'gnistor-2026-08-21-dansturne-i-stockholm-21-aug',
      'gnistor-2026-08-29-fredsloppet',
      'gnistor-2026-09-25-radikal-bokmassa-2026',
      'nested/talk',
      'seed-2023-08-19-bortom-big-tech',
    ]);
  });

  test('--base-url links each event to its page on the site; errors name the fix', async () => {
    const out = join(output, '..', 'linked');
    const linked = await feedcal(['build', input, '-o', out, '--time-zone', ZONE, '--base-url', 'https://www.gnistor.se/event']);
    assert.equal(linked.code, 0, linked.stderr);
    const feed = await read(join(out, 'feed.json'));
    assert.equal(feed.events.find((e) => e.title === 'Föredrag')!.url, 'https://www.gnistor.se/event/talk/');
    const none = await feedcal(['build', join(input, 'nothing-here'), '-o', out]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /cannot read the folder .*nothing-here: it does not exist\.\n {2}→ Give the folder that holds your event files/);
    const usage = await feedcal(['build', input]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /give the folder to write to with -o/);
    const help = await feedcal(['build', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--base-url <url>/);
  });
});
