/**
 * `feedcal check <url|file>`: fetches one feed as a browser on the organiser's site would, runs
 * the widget's own reading of it (lib/check/check-feed.ts), and prints what it found and what to
 * do. Exit 0 when fine, 1 when it found problems, 2 when the feed is unreadable (or on a usage
 * error).
 */
import '../lib/feeds/portable.js';
import {checkFeed, originOf, unreadableReport, type CheckReport} from '../lib/check/check-feed.js';
import {DEFAULT_TIMEOUT} from '../lib/load/fetch-feed.js';
import {checkReportText} from './check-text.js';
import {readSource, SourceError} from './fetch-source.js';
import {readArgs, readLang, readNow, readTimeout, readTimeZone, usageFailure, UsageError, type CommandIO} from './options.js';

export const CHECK_HELP = `Usage: feedcal check <url|file> [options]

Tells what the feedcal widget will make of a feed, and what to do about each problem: its
format, the events read and the items skipped (with the reason), time facts (times without a
zone, TZIDs, X-WR-TIMEZONE, recurring series and caps), the next five events as the widget
shows them, whether a page on your site may read it (CORS), its size and caching headers.

  --origin <url>       your site, e.g. https://our-blog.se: may a page there read the feed?
  --time-zone <zone>   the zone the widget shows times in (its time-zone attribute), e.g.
                       Europe/Stockholm; default: this computer's zone
  --lang <tag>         the language of the dates (the widget's lang), e.g. sv; default: en
  --timeout <seconds>  for the whole request; default ${DEFAULT_TIMEOUT / 1000}
  --json               the report as JSON on stdout, for tools
  -h, --help           this text

Exit status: 0 fine, 1 problems found (the widget shows the feed, but not all of it or not for
every visitor), 2 unreadable (the widget shows nothing) or a usage error.

Examples:
  npx feedcal check https://calendar.google.com/calendar/ical/…/public/basic.ics --origin https://our-blog.se --time-zone Europe/Stockholm --lang sv
  npx feedcal check ./public/feed.json --json
`;

export async function checkCommand(args: string[], io: CommandIO): Promise<number> {
  let values, target: string, timeZone: string, lang: string, now: Date, timeoutMs: number, origin: string | undefined;
  try {
    let positionals;
    ({values, positionals} = readArgs(args, {
      origin: {type: 'string'},
      'time-zone': {type: 'string'},
      lang: {type: 'string'},
      timeout: {type: 'string'},
      json: {type: 'boolean'},
      now: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    }));
    if (values.help) {
      io.out(CHECK_HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one feed at a time.' : 'give the address or file of a feed to check.');
    target = positionals[0];
    timeZone = readTimeZone(values['time-zone']);
    lang = readLang(values.lang);
    now = readNow(values.now);
    timeoutMs = readTimeout(values.timeout, DEFAULT_TIMEOUT);
    if (values.origin !== undefined) {
      origin = originOf(values.origin);
      if (!origin) throw new UsageError(`--origin must be your site's address, e.g. https://our-blog.se; got ${JSON.stringify(values.origin)}.`);
    }
  } catch (error) {
    return usageFailure(io, 'check', error);
  }

  // The widget names the zone beside a time only for a visitor whose own zone differs: the next
  // events are shown as a visitor in --time-zone sees them, whatever this computer's zone is.
  process.env.TZ = timeZone;
  let report: CheckReport;
  try {
    const source = await readSource(target, {timeoutMs, origin});
    report = await checkFeed({
      body: source.bytes,
      url: source.url,
      status: source.status,
      headers: source.headers,
      origin,
      timeZone,
      lang,
      now,
      truncated: source.truncated,
    });
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    report = unreadableReport({url: error.url, timeZone, lang, now}, 'unreachable', error.message, error.fix);
  }
  io.out(values.json ? JSON.stringify(report, null, 2) : checkReportText(report));
  return report.verdict;
}
