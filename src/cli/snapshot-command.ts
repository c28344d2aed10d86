/**
 * `feedcal snapshot <url…> -o events.json`: for a static site without a server, fetches the feeds
 * at build time, merges them as the widget merges several sources (lib/events/merge.ts), keeps the
 * events in a window with recurring series expanded there, and writes feedcal's canonical JSON
 * (lib/write/json.ts), which the widget reads from the site itself: no CORS, no relay.
 *
 * All or nothing: when any source fails, the previous output file is left as it was (the site
 * keeps its last good calendar) and the command exits with 1, naming the address and the fix.
 * The file is written to a temporary name and renamed, so a reader never sees half of it.
 */
import '../lib/feeds/portable.js';
import {rename, writeFile, mkdir} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {FeedError, type CalendarEvent} from '../lib/events/model.js';
import {mergeEvents} from '../lib/events/merge.js';
import {eventEnd} from '../lib/show/filter.js';
import {expansionWindow, type ExpansionWindow} from '../lib/show/window.js';
import {dayKey, resolveDateBound} from '../lib/time.js';
import {DEFAULT_TIMEOUT} from '../lib/load/fetch-feed.js';
import {readFeedBytes} from '../lib/check/read-bytes.js';
import {toFeedJson} from '../lib/write/json.js';
import {readSource, SourceError} from './fetch-source.js';
import {Progress} from './progress.js';
import {readArgs, readNow, readTimeout, readTimeZone, usageFailure, UsageError, type CommandIO} from './options.js';

export const SNAPSHOT_HELP = `Usage: feedcal snapshot <url|file>… -o <events.json> [options]

Fetches one or more feeds (any format the widget reads), merges them (an event in two feeds is
kept once), expands recurring events in the window and writes one JSON file the widget reads
directly: <event-list src="/events.json">. Run it on a schedule (GitHub Actions, cron) or in
your site's build (Netlify, Hugo); see docs/cli.md.

  -o, --output <file>  the JSON file to write (required)
  --from <date>        the window's start: an ISO date, "today", or an offset like "-1 month";
                       default: today
  --to <date>          the window's end, the same forms; default: +12 months
  --time-zone <zone>   the zone of dates and of times without a zone, e.g. Europe/Stockholm;
                       default: this computer's zone (set it in CI, where that is UTC)
  --title <text>       the feed's title in the file
  --timeout <seconds>  per feed; default ${DEFAULT_TIMEOUT / 1000}
  -h, --help           this text

If any feed fails (no answer, an HTTP error, not a feed), nothing is written: the previous file
stays as it was, and the command exits with 1 after naming each failed address and the fix.
Exit 2: a usage error.
`;

export async function snapshotCommand(args: string[], io: CommandIO): Promise<number> {
  let values, targets: string[], timeZone: string, now: Date, timeoutMs: number, from: Date, to: Date;
  try {
    let positionals;
    ({values, positionals} = readArgs(args, {
      output: {type: 'string', short: 'o'},
      from: {type: 'string'},
      to: {type: 'string'},
      'time-zone': {type: 'string'},
      title: {type: 'string'},
      timeout: {type: 'string'},
      now: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    }));
    if (values.help) {
      io.out(SNAPSHOT_HELP);
      return 0;
    }
    if (!positionals.length) throw new UsageError('give at least one feed address (or file).');
    if (!values.output) throw new UsageError('give the file to write with -o, e.g. -o static/events.json.');
    targets = positionals;
    timeZone = readTimeZone(values['time-zone']);
    now = readNow(values.now);
    timeoutMs = readTimeout(values.timeout, DEFAULT_TIMEOUT);
    from = bound('--from', values.from ?? 'today', now, timeZone);
    to = bound('--to', values.to ?? '+12 months', now, timeZone);
    if (to <= from) throw new UsageError(`--to (${to.toISOString()}) must be after --from (${from.toISOString()}).`);
  } catch (error) {
    return usageFailure(io, 'snapshot', error);
  }

  const progress = new Progress(io, 'feedcal snapshot: feeds read', targets.length);
  const pending = new Set(targets);
  const failures: {url: string; message: string; fix: string}[] = [];
  const lists: CalendarEvent[][] = [];
  let title: string | undefined;
  try {
    await Promise.all(
      targets.map(async (target, index) => {
        // The widget's rule (lib/show/window.ts) over exactly --from and --to: nothing outside is written.
        const window = expansionWindow({when: 'all', from, to, now}, 0);
        const events = await readOne(target, {timeoutMs, timeZone, window}).catch((error: unknown) => {
          if (!(error instanceof SourceError)) throw error;
          failures.push({url: error.url, message: error.message, fix: error.fix});
          return undefined;
        });
        pending.delete(target);
        progress.step(pending.size ? `waiting for ${[...pending].join(', ')}` : '');
        if (events) {
          lists[index] = events.events;
          if (index === 0) title = events.title;
        }
      })
    );
  } finally {
    progress.stop();
  }
  if (failures.length) {
    for (const failure of failures) {
      io.err(`feedcal snapshot: ${failure.message}`);
      io.err(`  → ${failure.fix}`);
    }
    io.err(`feedcal snapshot: ${values.output} was not changed (${failures.length} of ${targets.length} feeds failed).`);
    return 1;
  }

  const inWindow = mergeEvents(targets.map((_, i) => lists[i] ?? []))
    .filter((event) => eventEnd(event) > from && event.start < to)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
  const json = toFeedJson(inWindow, {title: values.title ?? (targets.length === 1 ? title : undefined), now, timeZone});
  const output = resolve(values.output);
  try {
    await mkdir(dirname(output), {recursive: true});
    const temporary = `${output}.${process.pid}.tmp`;
    await writeFile(temporary, json);
    await rename(temporary, output);
  } catch (error) {
    io.err(`feedcal snapshot: cannot write ${values.output}: ${(error as Error).message}.`);
    io.err('  → Check that the folder exists or can be made, and that you may write there.');
    return 1;
  }
  io.out(
    `feedcal snapshot: wrote ${inWindow.length} events from ${targets.length} feed${targets.length === 1 ? '' : 's'} to ${values.output} (from ${dayKey(from, timeZone)} to ${dayKey(to, timeZone)}, ${timeZone}).`
  );
  return 0;
}

/** One source's events; a SourceError for anything that would make the widget show nothing. */
async function readOne(target: string, options: {timeoutMs: number; timeZone: string; window: ExpansionWindow}) {
  const source = await readSource(target, {timeoutMs: options.timeoutMs});
  if (source.status !== undefined && (source.status < 200 || source.status > 299)) {
    throw new SourceError(
      target,
      `${target}: the server answered ${source.status} instead of the feed.`,
      'Open the address in a browser; check it is the public feed address ("npx feedcal check <url>" says more).'
    );
  }
  if (source.truncated)
    throw new SourceError(target, `${target}: the feed is over 5 MB, more than the widget reads.`, 'Publish fewer past events in the feed, or ask its owner to.');
  const {result} = await readFeedBytes(source.bytes, {url: source.finalUrl, contentType: source.contentType, timeZone: options.timeZone, window: options.window});
  if (result instanceof FeedError)
    throw new SourceError(target, `${target}: ${result.message}`, `Run "npx feedcal check ${target}" for what the widget makes of it and what to do.`);
  return result;
}

function bound(name: string, value: string, now: Date, timeZone: string): Date {
  const date = resolveDateBound(value, now, timeZone);
  if (!date) throw new UsageError(`${name} must be an ISO date (2026-12-31), "today", or an offset like "+6 months"; got ${JSON.stringify(value)}.`);
  return date;
}
