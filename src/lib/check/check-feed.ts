/**
 * `feedcal check` without the command line: what the widget will make of one feed response, and
 * what to do about each problem, as a report object. Pure apart from the parsers it runs (which
 * load their chunks on demand), so the configurator page can run it in a browser on a response
 * it fetched itself; the command (cli/check-command.ts) fetches, calls it and prints.
 *
 * A report has three levels of finding: an `error` means the widget shows nothing (the address
 * gives no feed, a 404, a body over the widget's size cap); a `problem` means events are lost or
 * wrong for some visitors (no CORS for the site, skipped items, times without a zone); a `note`
 * is worth knowing and needs nothing done.
 */
import {FeedError, type CalendarEvent, type FeedFormat, type SkippedItem} from '../events/model.js';
import {readFeedBytes} from './read-bytes.js';
import {DEFAULT_MAX_BYTES} from '../load/fetch-feed.js';
import {formatEventRange} from '../format.js';
import {filterEvents} from '../show/filter.js';
import {expansionWindow} from '../show/window.js';
import {floatingCount, icsTimeFacts, type IcsTimeFacts} from './time-facts.js';
import {zoneOffset} from '../time.js';

export interface CheckInput {
  /** The response body as it came (bytes: the charset is decided as the widget does), or text. */
  body: Uint8Array | string;
  /** The feed's address (for a local file, its file: URL). */
  url: string;
  /** HTTP status; absent for a local file. */
  status?: number;
  /** Response headers (any case); absent for a local file. */
  headers?: Headers | Record<string, string>;
  /** The site a page showing the feed is on, e.g. `https://our-blog.se`: checked against CORS. */
  origin?: string;
  /** The display zone (the element's `time-zone`). */
  timeZone: string;
  /** The display language (the element's `lang`). */
  lang: string;
  /** What "now" is for upcoming events and the expansion window. */
  now: Date;
  /** The body was cut off after the widget's size cap (the caller read no more of it). */
  truncated?: boolean;
}

export type FindingLevel = 'error' | 'problem' | 'note';

export interface Finding {
  level: FindingLevel;
  /** Stable, for tools: `cors-missing`, `skipped-items`, `floating-times`, … */
  code: string;
  /** What was found, in plain words. */
  message: string;
  /** What to do about it; absent when nothing needs doing. */
  fix?: string;
}

export interface UpcomingEvent {
  title: string;
  /** The date line exactly as the widget writes it in `lang` and `timeZone`. */
  when: string;
  /** The start as ISO 8601 (a date for all-day events). */
  datetime: string;
  location?: string;
}

export interface CheckReport {
  url: string;
  /** 0 fine, 1 problems found, 2 unreadable: the command's exit code. */
  verdict: 0 | 1 | 2;
  format?: FeedFormat;
  title?: string;
  events: number;
  upcoming: number;
  skipped: SkippedItem[];
  time?: Partial<IcsTimeFacts> & {
    /** Events with a time of day; of those, how many have no zone (read in the page's time-zone). */
    timed: number;
    floating: number;
    allDay: number;
    seriesCapped: string[];
    totalCapped: boolean;
  };
  next: UpcomingEvent[];
  cors?: {origin?: string; allowOrigin?: string; allowed?: boolean};
  http: {status?: number; bytes: number; contentType?: string; etag?: string; lastModified?: string; cacheControl?: string};
  findings: Finding[];
  /** The options the report was made with. */
  timeZone: string;
  lang: string;
  now: string;
}

const RELAY_DOC = 'docs/relay.md';

/** Checks one feed response. Never throws for anything in the input. */
export async function checkFeed(input: CheckInput): Promise<CheckReport> {
  const headers = new Headers(input.headers ?? {});
  const bytes = typeof input.body === 'string' ? new TextEncoder().encode(input.body) : input.body;
  const contentType = headers.get('content-type') ?? undefined;
  const remote = /^https?:/i.test(input.url);
  const report: CheckReport = {
    url: input.url,
    verdict: 0,
    // Declared here, filled below: the --json report keeps this order.
    format: undefined,
    title: undefined,
    events: 0,
    upcoming: 0,
    skipped: [],
    time: undefined,
    next: [],
    cors: undefined,
    http: {
      status: input.status,
      bytes: bytes.byteLength,
      contentType,
      etag: headers.get('etag') ?? undefined,
      lastModified: headers.get('last-modified') ?? undefined,
      cacheControl: headers.get('cache-control') ?? undefined,
    },
    findings: [],
    timeZone: input.timeZone,
    lang: input.lang,
    now: input.now.toISOString(),
  };
  const add = (level: FindingLevel, code: string, message: string, fix?: string) => report.findings.push({level, code, message, ...(fix ? {fix} : {})});

  if (remote) checkTransport(input, headers, report, add);
  if (input.status !== undefined && (input.status < 200 || input.status > 299)) {
    add('error', 'http-status', `The server answered ${input.status}${statusText(input.status)} instead of the feed.`, statusFix(input.status));
    return finish(report);
  }
  if (input.truncated || bytes.byteLength > DEFAULT_MAX_BYTES) {
    add(
      'error',
      'too-large',
      `The feed is ${input.truncated ? 'over' : megabytes(bytes.byteLength)}${input.truncated ? ` ${megabytes(DEFAULT_MAX_BYTES)}` : ''}; the widget reads at most ${megabytes(DEFAULT_MAX_BYTES)} and shows nothing.`,
      'Publish only upcoming events (most calendars have a setting for how far back a feed reaches), or serve a smaller copy: "npx feedcal snapshot <url> -o events.json" writes only the events in a window.'
    );
    return finish(report);
  }

  // The window a list of upcoming events expands series over (lib/show/window.ts): a year back, two ahead.
  const window = expansionWindow({when: 'upcoming', now: input.now});
  const {text, result: parsed} = await readFeedBytes(bytes, {url: input.url, contentType, timeZone: input.timeZone, window});
  if (parsed instanceof FeedError) {
    add('error', parsed.code, parsed.message, parseFix(parsed, input.url));
    return finish(report);
  }
  report.format = parsed.format;
  if (parsed.title) report.title = parsed.title;
  report.events = parsed.events.length;
  report.skipped = parsed.skipped;

  if (parsed.skipped.length) {
    add(
      'problem',
      'skipped-items',
      `${plural(parsed.skipped.length, 'item')} of the feed cannot be shown (listed under "Skipped").`,
      'Fix those events where they are written (each reason names what is missing or unreadable); the other events show as they are.'
    );
  }
  if (!parsed.events.length && parsed.skipped.length) {
    add('problem', 'no-events', 'No event in the feed could be read.', 'See the reasons under "Skipped".');
  } else if (!parsed.events.length) {
    add(
      'problem',
      'no-events',
      'The feed is readable but holds no events between a year ago and two years ahead.',
      'Check that the calendar is public and has events, and that this is its event feed (not a blog feed).'
    );
  }

  const upcoming = filterEvents(parsed.events, {when: 'upcoming'}, input.now);
  report.upcoming = upcoming.length;
  report.next = upcoming.slice(0, 5).map((event) => upcomingEvent(event, input));
  if (parsed.events.length && !upcoming.length) {
    add(
      'note',
      'nothing-upcoming',
      `${parsed.events.length === 1 ? 'The only event is' : `All ${parsed.events.length} events are`} over: the widget says "No upcoming events right now" and offers the past ones.`,
      'Add upcoming events to the calendar, or show past ones with when="all".'
    );
  }

  // Only iCalendar series are expanded, and only the iCalendar reader (with ical.js) knows its caps:
  // it is loaded here for iCalendar feeds alone, as the widget loads it.
  const limits = parsed.format === 'ics' ? await import('../feeds/ics/ics.js') : undefined;
  // The same bytes read in a zone far from the display zone: what moves is floating.
  const probeZone = zoneOffset(input.timeZone, input.now.getTime()) >= 0 ? 'Etc/GMT+12' : 'Pacific/Kiritimati';
  const elsewhere = (await readFeedBytes(bytes, {url: input.url, contentType, timeZone: probeZone, window})).result;
  const allDay = parsed.events.filter((e) => e.allDay).length;
  report.time = {
    timed: parsed.events.length - allDay,
    floating: elsewhere instanceof FeedError ? 0 : floatingCount(parsed.events, elsewhere.events),
    allDay,
    ...(parsed.format === 'ics' ? icsTimeFacts(text) : {}),
    ...caps(parsed.events, limits?.SERIES_CAP ?? Infinity, limits?.TOTAL_CAP ?? Infinity),
  };
  timeFindings(report.time, input, add, limits);
  return finish(report);
}

/** The verdict from the findings. */
function finish(report: CheckReport): CheckReport {
  report.verdict = report.findings.some((f) => f.level === 'error') ? 2 : report.findings.some((f) => f.level === 'problem') ? 1 : 0;
  return report;
}

type Add = (level: FindingLevel, code: string, message: string, fix?: string) => void;

/** CORS, https and caching: what a browser on another site and the network make of the response. */
function checkTransport(input: CheckInput, headers: Headers, report: CheckReport, add: Add) {
  const relayFix = `run a relay on your own site: "npx feedcal relay --allow ${input.url}${input.origin ? ` --origin ${input.origin}` : ''}" and set proxy="https://<your relay>/?url={url}" on <event-list> (see ${RELAY_DOC}); or ask the feed's owner to send "Access-Control-Allow-Origin: ${input.origin ?? '*'}"; or, for a static site, copy it at build time with "npx feedcal snapshot".`;
  const allowOrigin = headers.get('access-control-allow-origin')?.trim() || undefined;
  const origin = input.origin && originOf(input.origin);
  if (origin) {
    const allowed = allowOrigin === '*' || allowOrigin === origin || new URL(input.url).origin === origin;
    report.cors = {origin, allowOrigin, allowed};
    if (!allowed) {
      add(
        'problem',
        allowOrigin ? 'cors-other-origin' : 'cors-missing',
        allowOrigin
          ? `A page on ${origin} may not read this feed: the server allows only ${allowOrigin} (Access-Control-Allow-Origin).`
          : `A page on ${origin} may not read this feed: the server sends no Access-Control-Allow-Origin header (CORS), so the browser hides the feed from the widget.`,
        `To show it, ${relayFix}`
      );
    }
  } else {
    report.cors = {allowOrigin, ...(allowOrigin === '*' ? {allowed: true} : {})};
    if (!allowOrigin) {
      add(
        'note',
        'cors-unknown',
        'The server sends no Access-Control-Allow-Origin header: only pages on its own site can read this feed.',
        `Run the check again with --origin https://<your site> to see whether your pages can; if not, ${relayFix}`
      );
    }
  }
  // Browsers let https pages read http://localhost and loopback addresses (they are "potentially trustworthy").
  if (/^http:/i.test(input.url) && !/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//i.test(input.url)) {
    add(
      'problem',
      'insecure',
      'The feed is served over plain http: browsers block it on every https page (mixed content).',
      'Use its https address, or serve it through a relay on your https site (see docs/relay.md).'
    );
  }
  const {etag, lastModified, cacheControl} = report.http;
  if (!etag && !lastModified) {
    add(
      'note',
      'no-validators',
      'The server sends neither ETag nor Last-Modified: every visit downloads the whole feed again, even when nothing changed.',
      'Most web servers add them to static files on their own; a relay in front (npx feedcal relay) caches the feed for every visitor.'
    );
  }
  if (cacheControl && /no-store/i.test(cacheControl)) {
    add(
      'note',
      'no-store',
      `Cache-Control: ${cacheControl}: browsers may not keep even a short-lived copy.`,
      'A max-age of a few minutes (Cache-Control: max-age=600) spares your visitors and the server.'
    );
  }
}

function timeFindings(time: NonNullable<CheckReport['time']>, input: CheckInput, add: Add, limits?: {SERIES_CAP: number; TOTAL_CAP: number}) {
  const xwr = time.xWrTimezone;
  if (xwr && !xwr.zone) {
    add(
      'problem',
      'unknown-x-wr-timezone',
      `X-WR-TIMEZONE "${xwr.value}" names no time zone feedcal knows: times without a zone are read in ${input.timeZone} instead.`,
      'Set the calendar\'s time zone to an IANA name such as "Europe/Stockholm" in the calendar program.'
    );
  } else if (xwr) {
    add('note', 'x-wr-timezone', `X-WR-TIMEZONE is ${xwr.value}: times written without a zone are read in ${xwr.zone}.`);
  }
  if (time.floating && !xwr?.zone) {
    add(
      'problem',
      'floating-times',
      `${plural(time.floating, 'event')} of ${time.timed} with a time of day ${time.floating === 1 ? 'has' : 'have'} no time zone: the widget reads ${time.floating === 1 ? 'it' : 'them'} in its time-zone (here ${input.timeZone}), so a page with another zone, or a visitor elsewhere when none is set, shows other hours.`,
      `Set time-zone="${input.timeZone}" (the organiser's zone) on <event-list>, or have the feed write times with their zone or offset.`
    );
  }
  for (const {tzid, uses, defined, zone} of time.tzids ?? []) {
    if (!defined && !zone) {
      add(
        'problem',
        'unknown-tzid',
        `TZID "${tzid}" (${plural(uses, 'time')}) has no VTIMEZONE in the file and is no zone feedcal knows: those times are read as if they had no zone.`,
        'Export the calendar again with its time zone definitions, or use IANA zone names (Europe/Stockholm).'
      );
    } else if (!defined) {
      add('note', 'tzid-without-vtimezone', `TZID "${tzid}" (${plural(uses, 'time')}) has no VTIMEZONE in the file; feedcal reads it as ${zone}.`);
    }
  }
  if (time.series) {
    add(
      'note',
      'series',
      `${plural(time.series, 'recurring series', 'recurring series')}${time.endlessSeries ? ` (${time.endlessSeries} without an end)` : ''}: occurrences are made only from a year back to two years ahead.`
    );
  }
  if (time.seriesCapped.length) {
    add(
      'problem',
      'series-cap',
      `${plural(time.seriesCapped.length, 'series', 'series')} reached the cap of ${limits?.SERIES_CAP} occurrences, so later ones are missing: ${time.seriesCapped.slice(0, 3).join(', ')}.`,
      'Give such a series an end (COUNT or UNTIL), or make it less frequent.'
    );
  }
  if (time.totalCapped) {
    add(
      'problem',
      'total-cap',
      `The feed's series made ${limits?.TOTAL_CAP} occurrences, the most the widget makes: later ones are missing.`,
      'End old series, or split the calendar.'
    );
  }
}

/** Series that hit the occurrence caps: ids of expanded occurrences are `<uid>#<start>`. */
function caps(events: CalendarEvent[], seriesCap: number, totalCap: number): {seriesCapped: string[]; totalCapped: boolean} {
  const perSeries = new Map<string, {count: number; title: string}>();
  let occurrences = 0;
  for (const event of events) {
    const hash = event.id.lastIndexOf('#');
    if (hash <= 0) continue;
    const uid = event.id.slice(0, hash);
    const entry = perSeries.get(uid) ?? {count: 0, title: event.title};
    entry.count++;
    occurrences++;
    perSeries.set(uid, entry);
  }
  const seriesCapped = [...perSeries.values()].filter((s) => s.count >= seriesCap).map((s) => `"${s.title}"`);
  return {seriesCapped, totalCapped: occurrences >= totalCap};
}

function upcomingEvent(event: CalendarEvent, input: CheckInput): UpcomingEvent {
  const {text, datetime} = formatEventRange(event, input.lang, input.timeZone, input.now);
  return {title: event.title, when: text, datetime, ...(event.locations.length ? {location: event.locations.join(', ')} : {})};
}

function parseFix(error: FeedError, url: string): string {
  switch (error.code) {
    case 'html-page':
      return 'This address is a web page. Find the calendar\'s feed address instead: Google Calendar "Public address in iCal format" (…/basic.ics), Nextcloud "Copy subscription link", Gancio /feed/ics or /feed/rss, Mobilizon a group\'s ICS feed, WordPress /events/feed/ or /?ical=1.';
    case 'empty':
      return 'The server sent nothing: check the address, and that the calendar is public.';
    case 'no-event-dates':
      return error.message;
    default:
      return /\.ics\b/i.test(url)
        ? 'Open the address in a browser: it should start with BEGIN:VCALENDAR. If the calendar is private, publish it first.'
        : 'feedcal reads JSON (JSON Feed, Gancio, Mobilizon, …), RSS and Atom with event dates, iCalendar and JSON-LD. Check that the address gives one of those.';
  }
}

function statusFix(status: number): string {
  if (status === 404 || status === 410) return 'The address is wrong, or the calendar is no longer public: open it in a browser and copy the feed address again.';
  if (status === 401 || status === 403)
    return 'The calendar is private: publish it (Google: "Make available to public"; Nextcloud: "Share link") and use the public address.';
  if (status === 429) return 'The server limits requests: a relay (npx feedcal relay) fetches it once for every visitor.';
  if (status >= 500) return "The feed's server has a fault: try again later; a relay (npx feedcal relay) serves the last good copy while it is down.";
  return 'Open the address in a browser to see what the server says.';
}

function statusText(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    410: 'Gone',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return names[status] ? ` (${names[status]})` : '';
}

/** `https://our-blog.se/some/page` → `https://our-blog.se`; undefined when not an http(s) address. */
export function originOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The report for a feed that could not be fetched or read at all (no answer, no such file). */
export function unreadableReport(input: Pick<CheckInput, 'url' | 'timeZone' | 'lang' | 'now'>, code: string, message: string, fix: string): CheckReport {
  return {
    url: input.url,
    verdict: 2,
    events: 0,
    upcoming: 0,
    skipped: [],
    next: [],
    http: {bytes: 0},
    findings: [{level: 'error', code, message, fix}],
    timeZone: input.timeZone,
    lang: input.lang,
    now: input.now.toISOString(),
  };
}
