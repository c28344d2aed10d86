/// <reference types="node" />
/**
 * The Hugo module (integrations/hugo/) with the real `hugo` (Debian's; .ci/run installs it): the
 * example site (integrations/hugo/exampleSite/) is built into a temporary folder, and then
 *
 * - its events feeds are read by feedcal's own parsers (the JSON and iCalendar readers, as Node
 *   runs them through src/lib/feeds/portable.ts) and the iCalendar also by ical.js, field by
 *   field, against the events as the example's Markdown files give them, and against feedcal's
 *   Markdown reader reading those same files;
 * - the iCalendar is checked against RFC 5545's rules that Hugo templates make easy to break
 *   (CRLF, 75-octet folding without splitting a character, TEXT escaping, DTSTAMP, UID);
 * - the events with a broken or missing date are left out, and hugo's log names their files;
 * - the pages the shortcode wrote are served on loopback with the release archive unpacked into
 *   the site (as an organiser does it) and opened in Chromium, where the events appear.
 *
 * Needs `npm run build` first (the release archive) and hugo; without hugo it fails, saying so.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {extname, join, normalize, sep} from 'node:path';
import ICAL from 'ical.js';
import type {Browser, Page} from 'puppeteer-core';
import {launchChromium, ROOT, serve, untarGz, type Served} from '../package/helpers.js';
import {TEST_NOW} from '../helpers/clock.js';

const {parseFeed} = await import('../../src/lib/feeds/portable.js');
const {FeedError} = await import('../../src/lib/events/model.js');
type CalendarEvent = import('../../src/lib/events/model.js').CalendarEvent;
type ParseResult = import('../../src/lib/events/model.js').ParseResult;

const SITE = join(ROOT, 'integrations/hugo/exampleSite');
const EVENTS_DIR = join(SITE, 'content/events');
const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string};
const ARCHIVE = join(ROOT, 'dist', `feedcal-cdn-${version}.tar.gz`);
const ZONE = 'Europe/Stockholm';

/** Debian 12 ships 0.111.3; the templates keep to what it has (no `try`, no `warnidf`, one `return`). */
const OLDEST_HUGO = [0, 111];

/** Every event of the example site that must reach both feeds, as its Markdown file says. */
interface Expected {
  file: string;
  title: string;
  start: string;
  end?: string;
  allDay: boolean;
  categories: string[];
  locations: string[];
  organizer?: string;
  address?: string;
  status?: string;
  /** Words the plain-text description must hold. */
  says: string[];
  /** Front matter in TOML, which feedcal's Markdown reader does not read. */
  toml?: boolean;
}

const HOSTILE_TITLE = `Möte om "citat", <script>alert('titel')</script>; semikolon & komma, backslash \\ här`;

const EXPECTED: Expected[] = [
  {
    file: '2026-12-03-lasecirkel',
    title: 'Läsecirkel: Kapitalet, kapitel 1',
    start: '2026-12-03T17:00:00.000Z',
    end: '2026-12-03T19:00:00.000Z',
    allDay: false,
    categories: ['Studiecirkel'],
    locations: ['Malmö'],
    organizer: 'ABF Malmö',
    address: 'Folkets hus, Norra Skolgatan 10, 214 22 Malmö, Sweden',
    says: ['Vi läser första kapitlet tillsammans.', 'Ta med boken'],
  },
  // All-day, one day, no enddate: no end (RFC 5545 and feedcal read it as that one day).
  {
    file: '2026-12-05-bokbord',
    title: 'Bokbord på torget',
    start: '2026-12-04T23:00:00.000Z',
    allDay: true,
    categories: ['Bokbord'],
    locations: ['Lund'],
    organizer: 'Exempelföreningen',
    says: ['Hela dagen på Stortorget.'],
  },
  // Gnistor's "no end" sentinel (1970-01-01 01:00:00), and every character TEXT must escape.
  {
    file: '2026-12-08-hostile',
    title: HOSTILE_TITLE,
    start: '2026-12-08T18:00:00.000Z',
    allDay: false,
    categories: ['Möte', 'Kultur, och mer'],
    locations: ['Örebro; Södra', 'Växjö'],
    organizer: 'Förening "Röda, Gröna; Blå" <b>fet</b>',
    status: 'tentative',
    // A line of two- and four-octet characters only, which every fold must cut between characters.
    says: ['Rad ett med', 'komma', 'semikolon;', 'backslash \\.', 'åäö ÅÄÖ och emoji 🎉🎉🎉', 'Nytt stycke.', 'Åäö🎉'.repeat(25)],
  },
  // All-day over three days: enddate is the last day, so the end is the midnight after it.
  {
    file: '2026-12-11-julmarknad',
    title: 'Julmarknad',
    start: '2026-12-10T23:00:00.000Z',
    end: '2026-12-13T23:00:00.000Z',
    allDay: true,
    categories: ['Marknad', 'Fest'],
    locations: ['Göteborg'],
    organizer: 'Exempelföreningen',
    says: ['Tre dagar med marknad'],
  },
  // An enddate that is no date: the event stays, without an end.
  {
    file: '2026-12-12-broken-end',
    title: 'Slutet är trasigt',
    start: '2026-12-12T13:00:00.000Z',
    allDay: false,
    categories: [],
    locations: ['Umeå'],
    organizer: 'Exempelföreningen',
    says: ['Slutet kan inte läsas'],
  },
  // All-day over two days, with the front matter in TOML (+++, date = 2026-12-14).
  {
    file: '2026-12-14-vinterlager',
    title: 'Vinterläger',
    start: '2026-12-13T23:00:00.000Z',
    end: '2026-12-15T23:00:00.000Z',
    allDay: true,
    categories: ['Läger'],
    locations: ['Kiruna'],
    organizer: 'Exempelföreningen',
    says: ['Två dagar i snön.'],
    toml: true,
  },
  // Over several days with times, as Gnistor writes its book fair (quoted dates, empty addressName).
  {
    file: '2026-12-18-bokmassa',
    title: 'RADIKAL BOKMÄSSA 2026',
    start: '2026-12-18T17:00:00.000Z',
    end: '2026-12-20T16:00:00.000Z',
    allDay: false,
    categories: ['Forum'],
    locations: ['Göteborg'],
    organizer: 'Syndikalistiskt Forum',
    address: 'Plåtslagareg. 2, 417 57 Göteborg, Sweden',
    says: ['💥RADIKAL BOKMÄSSA 2026, 18–20 december! 💥', 'kamrater från alla världens hörn'],
  },
];

/** The example's events that must be left out, and what the build log must say about each. */
const LEFT_OUT = [
  {file: '2026-12-09-broken-date', title: 'Trasigt datum', log: 'date "2026-13-45 18:00" is not a date'},
  {file: '2026-12-10-no-date', title: 'Utan datum', log: 'it has no date'},
];

function hugoVersion(): string {
  const found = spawnSync('hugo', ['version'], {encoding: 'utf8'});
  if (found.error || found.status !== 0) {
    throw new Error(
      'hugo is not installed (or does not run): apt-get install hugo. The Hugo module is tested with the real hugo, so this test cannot pass without it.'
    );
  }
  return found.stdout.trim();
}

function feedOf(result: ParseResult): {events: CalendarEvent[]; skipped: unknown[]} {
  if (result instanceof FeedError) throw new Error(`expected a feed, got ${result.code}: ${result.message}`);
  return result;
}

const byTitle = (events: CalendarEvent[], title: string) => {
  const found = events.find((event) => event.title === title);
  assert.ok(found, `an event titled ${JSON.stringify(title)} in ${JSON.stringify(events.map((e) => e.title))}`);
  return found;
};

/** The browser's clock at TEST_NOW (the calendar decides what is upcoming by it), running on from there. */
function freezeClockAt(now: string): string {
  return `(() => {
    const RealDate = Date;
    const offset = ${Date.parse(now)} - RealDate.now();
    class TestDate extends RealDate {
      constructor(...args) { args.length ? super(...args) : super(RealDate.now() + offset); }
      static now() { return RealDate.now() + offset; }
    }
    globalThis.Date = TestDate;
  })();`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.ics': 'text/calendar; charset=utf-8',
  '.map': 'application/json',
  '.xml': 'application/xml',
};

// A test of its own, so a machine without hugo counts a failure (not only cancelled tests).
it('runs with hugo installed, at least the version Debian ships (0.111)', () => {
  const version = hugoVersion();
  const [, major, minor] = /v(\d+)\.(\d+)/.exec(version) ?? [];
  assert.ok(Number(major) > OLDEST_HUGO[0] || Number(minor) >= OLDEST_HUGO[1], `hugo ${version} is older than the module supports`);
});

describe('the Hugo module, built with the real hugo', () => {
  let dir: string;
  let publicDir: string;
  let site: Served;
  let log: string;
  let json: string;
  let ics: string;
  let browser: Browser | undefined;

  before(async () => {
    hugoVersion();
    if (!existsSync(ARCHIVE)) throw new Error(`${ARCHIVE.slice(ROOT.length)} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'feedcal-hugo-'));
    publicDir = join(dir, 'public');
    // The server comes first, so the site is built with its address as baseURL (the permalinks).
    site = await serve((_req, res, path) => {
      let file = normalize(join(publicDir, decodeURIComponent(path)));
      if (!file.startsWith(publicDir + sep) && file !== publicDir) return false;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return false;
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(readFileSync(file));
      return true;
    });
    log = buildSite(publicDir, `${site.origin}/`);
    // What an organiser does with the release archive: unpack it into the site (static/ → public/).
    untarGz(ARCHIVE, publicDir);
    json = readFileSync(join(publicDir, 'events/feed.json'), 'utf8');
    ics = readFileSync(join(publicDir, 'events/calendar.ics'), 'utf8');
  });

  /** Builds the example site into `destination` (hugo's own folders in the temp dir too); hugo's log. */
  function buildSite(destination: string, baseURL: string): string {
    const built = spawnSync('hugo', ['--source', SITE, '--destination', destination, '--baseURL', baseURL, '--cacheDir', join(dir, 'cache'), '--noBuildLock'], {
      encoding: 'utf8',
      env: {...process.env, HUGO_RESOURCEDIR: join(dir, 'resources'), HUGO_ENVIRONMENT: 'production'},
    });
    const output = `${built.stdout}\n${built.stderr}`;
    assert.equal(built.status, 0, `hugo failed:\n${output}`);
    return output;
  }

  after(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  describe('bad input: events without a readable date', () => {
    for (const {file, title, log: says} of LEFT_OUT) {
      it(`leaves out ${file}.md and the build log names it`, () => {
        const line = log.split('\n').find((l) => l.includes(`content/events/${file}.md`));
        assert.ok(line, `a line in hugo's log naming content/events/${file}.md:\n${log}`);
        assert.match(line, /^WARN /);
        assert.ok(line.includes(says), `${JSON.stringify(line)} says ${JSON.stringify(says)}`);
        assert.ok(!json.includes(title), 'not in the JSON');
        assert.ok(!ics.includes(title), 'not in the iCalendar');
      });
    }

    it('warns about an enddate that is no date, and keeps the event', () => {
      assert.match(log, /WARN .*content\/events\/2026-12-12-broken-end\.md: enddate "2026-12-12 25:00:00" is not a date/);
      assert.ok(json.includes('Slutet är trasigt'));
    });

    it('builds every other page, the broken ones included, and logs nothing worse than these warnings', () => {
      assert.doesNotMatch(log, /ERROR/);
      assert.equal(log.match(/^WARN /gm)?.length, 3, log);
      for (const {file} of [...EXPECTED, ...LEFT_OUT]) assert.ok(existsSync(join(publicDir, 'events', file, 'index.html')), `${file}'s page`);
    });
  });

  describe('the JSON feed (/events/feed.json)', () => {
    let events: CalendarEvent[];
    before(async () => {
      const feed = feedOf(await parseFeed(json, {timeZone: ZONE, source: `${site.origin}/events/feed.json`}));
      assert.deepEqual(feed.skipped, []);
      events = feed.events;
    });

    it('is canonical JSON, {"events": [...]}, with markup escaped out of the way', () => {
      const parsed = JSON.parse(json) as {events: Record<string, unknown>[]};
      assert.deepEqual(Object.keys(parsed), ['events']);
      assert.equal(parsed.events.length, EXPECTED.length);
      assert.ok(!json.includes('<script>'), 'Hugo’s jsonify writes < as \\u003c');
      // Gnistor's vocabulary: date, enddate (the last day of an all-day event), forms, locations.
      const market = parsed.events.find((e) => e.title === 'Julmarknad')!;
      assert.deepEqual([market.date, market.enddate, market.forms], ['2026-12-11', '2026-12-13', ['Marknad', 'Fest']]);
      const reading = parsed.events.find((e) => e.title === 'Läsecirkel: Kapitalet, kapitel 1')!;
      assert.deepEqual([reading.date, reading.enddate, reading.timezone], ['2026-12-03T18:00:00+01:00', '2026-12-03T20:00:00+01:00', ZONE]);
    });

    for (const expected of EXPECTED) {
      it(`reads ${expected.file} with every field`, () => {
        const event = byTitle(events, expected.title);
        assert.equal(event.start.toISOString(), expected.start, 'start');
        assert.equal(event.end?.toISOString(), expected.end, 'end');
        assert.equal(event.allDay, expected.allDay, 'allDay');
        assert.deepEqual(event.categories, expected.categories, 'categories');
        assert.deepEqual(event.locations, expected.locations, 'locations');
        assert.equal(event.organizer, expected.organizer, 'organizer');
        assert.equal(event.place?.address, expected.address, 'address');
        assert.equal(event.status, expected.status, 'status');
        assert.equal(event.url, `${site.origin}/events/${expected.file}/`, 'url: the event’s page');
        assert.equal(event.id, `${site.origin}/events/${expected.file}/`, 'id');
        for (const words of expected.says) assert.ok(event.description?.includes(words), `description has ${JSON.stringify(words)}: ${event.description}`);
        assert.ok(!event.descriptionHtml?.includes('<script'), 'no script in the HTML description');
      });
    }

    it('gives the same events as feedcal’s Markdown reader reading the same files', async () => {
      for (const expected of EXPECTED.filter((e) => !e.toml)) {
        const markdown = readFileSync(join(EVENTS_DIR, `${expected.file}.md`), 'utf8');
        const fromFile = feedOf(await parseFeed(markdown, {timeZone: ZONE, source: `${site.origin}/${expected.file}.md`}, {format: 'markdown'})).events[0];
        const fromHugo = byTitle(events, expected.title);
        const fields = (e: CalendarEvent) => ({
          title: e.title,
          start: e.start.toISOString(),
          // Not compared for all-day events: the Markdown reader takes a date-only enddate as the
          // exclusive end, where the JSON reader (and Gnistor) take it as the last day.
          end: e.allDay ? 'not compared' : e.end?.toISOString(),
          allDay: e.allDay,
          categories: e.categories,
          locations: e.locations,
          organizer: e.organizer,
          address: e.place?.address,
        });
        assert.deepEqual(fields(fromHugo), fields(fromFile), expected.file);
      }
      // And the Markdown reader leaves out the broken one too, saying why.
      const broken = feedOf(
        await parseFeed(readFileSync(join(EVENTS_DIR, '2026-12-09-broken-date.md'), 'utf8'), {timeZone: ZONE, source: 'x.md'}, {format: 'markdown'})
      );
      assert.deepEqual([broken.events.length, broken.skipped.length], [0, 1]);
    });
  });

  describe('the iCalendar feed (/events/calendar.ics)', () => {
    const unfolded = () => ics.replace(/\r\n[ \t]/g, '');

    it('ends every line in CRLF, folds at 75 octets and never inside a character', () => {
      assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
      assert.doesNotMatch(ics, /[^\r]\n/, 'no bare LF');
      assert.doesNotMatch(ics, /\r(?!\n)/, 'no bare CR');
      const lines = ics.slice(0, -2).split('\r\n');
      let folded = 0;
      for (const line of lines) {
        const bytes = Buffer.from(line, 'utf8');
        assert.ok(bytes.length <= 75, `${bytes.length} octets: ${line}`);
        // A line cut inside a UTF-8 sequence would not survive the round trip through bytes.
        assert.equal(new TextDecoder('utf-8', {fatal: true}).decode(bytes), line);
        if (line.startsWith(' ')) folded++;
      }
      assert.ok(folded >= 3, `long lines were folded (${folded} continuation lines)`);
    });

    it('escapes TEXT: backslash, semicolon, comma and line breaks', () => {
      const text = unfolded();
      assert.ok(text.includes(`SUMMARY:Möte om "citat"\\, <script>alert('titel')</script>\\; semikolon & komma\\, backslash \\\\ här\r\n`), text);
      assert.ok(text.includes('CATEGORIES:Möte,Kultur\\, och mer\r\n'));
      assert.ok(text.includes('LOCATION:Örebro\\; Södra\\, Växjö\r\n'));
      assert.ok(text.includes('ORGANIZER;CN="Förening ^\'Röda, Gröna; Blå^\' <b>fet</b>":'), "CN quoted, its quotes as RFC 6868 ^'");
      assert.match(text, /DESCRIPTION:[^\r]*\\n/, 'line breaks as \\n');
    });

    it('has a UID and a DTSTAMP in UTC on every event; all-day dates as VALUE=DATE, times in UTC', () => {
      const vevents = unfolded().split('BEGIN:VEVENT').slice(1);
      assert.equal(vevents.length, EXPECTED.length);
      for (const vevent of vevents) {
        assert.match(vevent, /\r\nUID:[^\r]+\r\n/);
        assert.match(vevent, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
        assert.match(vevent, /\r\nDTSTART(;VALUE=DATE:\d{8}|:\d{8}T\d{6}Z)\r\n/);
      }
      const market = vevents.find((v) => v.includes('SUMMARY:Julmarknad'))!;
      assert.match(market, /DTSTART;VALUE=DATE:20261211\r\nDTEND;VALUE=DATE:20261214\r\n/, 'the end is exclusive: the day after the last');
      assert.equal(new Set(vevents.map((v) => /UID:([^\r]+)/.exec(v)![1])).size, vevents.length, 'UIDs are unique');
    });

    it('reads in ical.js, field by field', () => {
      const calendar = new ICAL.Component(ICAL.parse(ics));
      assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
      const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      assert.deepEqual(vevents.map((e) => e.summary).sort(), EXPECTED.map((e) => e.title).sort());
      for (const expected of EXPECTED) {
        const event = vevents.find((e) => e.summary === expected.title)!;
        assert.equal(event.startDate.isDate, expected.allDay, `${expected.file}: all-day`);
        if (expected.allDay) {
          // A date is a day, in no zone: compare it with the day the site's zone gives.
          const day = new Date(expected.start).toLocaleDateString('sv-SE', {timeZone: ZONE});
          assert.equal(event.startDate.toString(), day, `${expected.file}: start day`);
        } else {
          assert.equal(event.startDate.toJSDate().toISOString(), expected.start, `${expected.file}: start`);
        }
        if (expected.end && !expected.allDay) assert.equal(event.endDate.toJSDate().toISOString(), expected.end, `${expected.file}: end`);
        const component = event.component;
        assert.deepEqual(component.getFirstProperty('categories')?.getValues() ?? [], expected.categories, `${expected.file}: categories`);
        assert.equal(component.getFirstProperty('organizer')?.getParameter('cn'), expected.organizer, `${expected.file}: organizer`);
        for (const words of expected.says) assert.ok(event.description.includes(words), `${expected.file}: description has ${JSON.stringify(words)}`);
        assert.ok(event.uid.startsWith(site.origin), event.uid);
      }
    });

    it('gives feedcal’s iCalendar reader the same events as the JSON feed', async () => {
      const fromIcs = feedOf(await parseFeed(ics, {timeZone: ZONE, source: `${site.origin}/events/calendar.ics`})).events;
      const fromJson = feedOf(await parseFeed(json, {timeZone: ZONE, source: `${site.origin}/events/feed.json`})).events;
      // A one-day event without an end: the iCalendar reader gives it its one day, the JSON reader
      // no end; the same event. (These all-day events are in December: a day is 24 hours.)
      const endOf = (e: CalendarEvent) => e.end ?? (e.allDay ? new Date(e.start.getTime() + 86_400_000) : undefined);
      const fields = (e: CalendarEvent) => ({
        id: e.id,
        title: e.title,
        start: e.start.toISOString(),
        end: endOf(e)?.toISOString(),
        allDay: e.allDay,
        categories: e.categories,
        organizer: e.organizer,
        url: e.url,
        status: e.status,
        description: e.description,
      });
      const sorted = (events: CalendarEvent[]) => events.map(fields).sort((a, b) => a.start.localeCompare(b.start));
      assert.deepEqual(sorted(fromIcs), sorted(fromJson));
      // iCalendar has one LOCATION: the places, joined.
      assert.deepEqual(byTitle(fromIcs, HOSTILE_TITLE).locations, ['Örebro; Södra, Växjö']);
    });
  });

  describe('the shortcode', () => {
    const main = (path: string) => /<main>([\s\S]*)<\/main>/.exec(readFileSync(join(publicDir, path), 'utf8'))![1];

    it('writes <event-list> with its attributes and a fallback link, and the script once for two lists', () => {
      const home = main('index.html');
      assert.equal(home.match(/<script\b/g)?.length, 1, home);
      assert.ok(home.includes('<script type="module" src="/feedcal/feedcal.js"></script>'));
      assert.ok(
        home.includes(
          '<event-list id="kalender" src="/events/feed.json" time-zone="Europe/Stockholm" lang="sv" controls="search categories"><a href="/events/">Se alla evenemang</a></event-list>'
        ),
        home
      );
      // "events/feed.json" (no leading slash) is made relative to the site's baseURL.
      assert.ok(
        home.includes(
          '<event-list id="manad" src="/events/feed.json" view="month" month="2026-12" time-zone="Europe/Stockholm" lang="sv"><a href="/events/">Alla evenemang</a></event-list>'
        )
      );
    });

    it('has a partial for templates that writes the same, with the site language’s link text', () => {
      const section = main('events/index.html');
      assert.equal(section.match(/<script\b/g)?.length, 1, section);
      assert.ok(
        section.includes(
          '<script type="module" src="/feedcal/feedcal.js"></script>\n<event-list id="sektion" src="/events/feed.json" limit="3" time-zone="Europe/Stockholm"><a href="/events/">Se alla evenemang</a></event-list>'
        ),
        section
      );
    });

    it('on a site in a sub-folder, loads the widget and a feed written without a leading slash from there', () => {
      const subDir = join(dir, 'sub');
      buildSite(subDir, 'https://example.org/foreningen/');
      const home = /<main>([\s\S]*)<\/main>/.exec(readFileSync(join(subDir, 'index.html'), 'utf8'))![1];
      assert.ok(home.includes('<script type="module" src="/foreningen/feedcal/feedcal.js"></script>'), home);
      assert.ok(home.includes('<event-list id="manad" src="/foreningen/events/feed.json" '), home);
      assert.ok(home.includes('<a href="/foreningen/events/">Alla evenemang</a>'), home);
      // "/events/feed.json" is used as written, as Hugo's relURL does with a leading slash.
      assert.ok(home.includes('<event-list id="kalender" src="/events/feed.json" '), home);
      assert.ok(readFileSync(join(subDir, 'events/feed.json'), 'utf8').includes('"url": "https://example.org/foreningen/events/2026-12-03-lasecirkel/"'));
    });

    it('escapes every attribute and refuses a javascript: fallback link', () => {
      const page = main('prov/escaping/index.html');
      assert.ok(
        page.includes(
          `<event-list src="/events/feed.json /events/feed.json?kopia=1&amp;b=2" categories="Möte, Kultur" search="&#34;&gt;&lt;script&gt;alert(&#39;sök&#39;)&lt;/script&gt;" group-by="month" no-add-to-calendar><a href="./">&lt;b&gt;Alla&lt;/b&gt; &amp; &#34;fler&#34;</a></event-list>`
        ),
        page
      );
      assert.doesNotMatch(page, /javascript:alert|sync-url/);
      assert.equal(page.match(/<script\b/g)?.length, 1, 'one script for the page');
      assert.ok(page.includes('<event-list src="https://www.gnistor.se/feed.json" lang="sv"><a href="https://www.gnistor.se/">Se alla evenemang</a></event-list>'));
    });

    it('shows the site’s own events in Chromium: the list and the month grid', async (t) => {
      browser = await launchChromium();
      const page: Page = await browser.newPage();
      const errors: string[] = [];
      let dialogs = 0;
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.emulateTimezone(ZONE);
      await page.evaluateOnNewDocument(freezeClockAt(TEST_NOW));
      await page.goto(`${site.origin}/`);
      const titles = await page.waitForFunction(
        (count: number) => {
          const list = document.querySelector('event-list#kalender');
          const cards = [...(list?.shadowRoot?.querySelectorAll('event-card') ?? [])];
          const names = cards.map((card) => card.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim() ?? '');
          return names.length >= count && names.every(Boolean) ? names : false;
        },
        {timeout: 30_000},
        EXPECTED.length
      );
      assert.deepEqual(
        await titles.jsonValue(),
        EXPECTED.map((e) => e.title),
        'every event, soonest first, the hostile title as text'
      );
      // The month grid of December 2026 shows them too.
      await page.waitForFunction(() => /Julmarknad/.test(document.querySelector('event-list#manad')?.shadowRoot?.textContent ?? ''), {timeout: 30_000});
      const fallbackHidden = await page.evaluate(() => {
        const link = document.querySelector('event-list#kalender > a') as HTMLElement;
        return link.getClientRects().length === 0 || getComputedStyle(link).display === 'none' || !link.assignedSlot;
      });
      assert.ok(fallbackHidden, 'the fallback link gives way to the events');
      // For a person to look at (outside the checkout): $TMPDIR/feedcal-hugo-example-site.png.
      await page.screenshot({path: join(tmpdir(), 'feedcal-hugo-example-site.png'), fullPage: true});
      t.diagnostic(`screenshot: ${join(tmpdir(), 'feedcal-hugo-example-site.png')}`);
      assert.deepEqual(errors, []);
      assert.equal(dialogs, 0, 'no script from the feed ran');
    });
  });
});
