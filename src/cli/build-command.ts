/**
 * `feedcal build <folder> -o <dir>`: a folder of Markdown events with YAML front matter (Gnistor's
 * and Hugo's vocabulary, read by lib/feeds/markdown.ts, the widget's own reader) becomes the three
 * feeds a static site generator cannot easily write correctly: `feed.json` (feedcal's canonical
 * JSON), `feed.xml` (RSS 2.0 with event dates) and `calendar.ics` (RFC 5545 with VTIMEZONE,
 * folding and escaping), by the writers in lib/write/.
 *
 * A file whose event cannot be read (no front matter, no title, a missing or broken date) is left
 * out with a message naming the file and line; the build goes on. Drafts (`draft: true`) and
 * Hugo's section pages (`_index.md`) are left out silently, as Hugo leaves them out.
 */
import {mkdir, readdir, readFile, rename, writeFile} from 'node:fs/promises';
import {join, relative, resolve, sep} from 'node:path';
import {pathToFileURL} from 'node:url';
import {FeedError, type CalendarEvent} from '../lib/events/model.js';
import {parseMarkdown} from '../lib/feeds/markdown.js';
import {toFeedJson} from '../lib/write/json.js';
import {toIcs} from '../lib/write/ics.js';
import {toRss} from '../lib/write/rss.js';
import type {FeedMeta} from '../lib/write/meta.js';
import {Progress} from './progress.js';
import {readArgs, readNow, readTimeZone, usageFailure, UsageError, type CommandIO} from './options.js';

export const BUILD_HELP = `Usage: feedcal build <folder> -o <output folder> [options]

Reads every Markdown file (*.md) under <folder>, each one event with YAML front matter:

  ---
  title: "Fredsloppet 2026"
  date: 2026-08-29 10:00          # start: a date (all-day) or a date and time
  enddate: 2026-08-29 14:00       # optional; a date alone is the last day
  forms: [Sport]                  # categories (also categories, topics, tags)
  locations: [Göteborg, Umeå]
  organizer: "Proletären FF"
  source: "https://fredsloppet.se/"   # the event's page (also url)
  ---
  The description, in Markdown.

and writes <output folder>/feed.json (for <event-list src=…>), feed.xml (RSS with event dates)
and calendar.ics (for calendar apps: "subscribe").

  -o, --output <folder>  where to write the three files (made if missing; required)
  --time-zone <zone>     the zone the dates and times are written in, e.g. Europe/Stockholm;
                         default: this computer's zone (set it in CI, where that is UTC)
  --title <text>         the calendar's name in the feeds; default: the folder's name
  --link <url>           the site's events page, for the feeds' links
  --description <text>   a line about the calendar, for the feeds
  --base-url <url>       the events' pages are <base-url><file name without .md>/ (as Hugo
                         publishes them); default: each event's own source or url field
  -h, --help             this text

A file with a missing or broken date (or title) is left out with a message naming the file and
line; the build still succeeds. Exit 1: nothing could be read or written; 2: a usage error.
`;

const OUTPUTS = {json: 'feed.json', rss: 'feed.xml', ics: 'calendar.ics'} as const;

export async function buildCommand(args: string[], io: CommandIO): Promise<number> {
  let values, folder: string, timeZone: string, now: Date;
  try {
    let positionals;
    ({values, positionals} = readArgs(args, {
      output: {type: 'string', short: 'o'},
      'time-zone': {type: 'string'},
      title: {type: 'string'},
      link: {type: 'string'},
      description: {type: 'string'},
      'base-url': {type: 'string'},
      now: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    }));
    if (values.help) {
      io.out(BUILD_HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give one folder of Markdown events, e.g. feedcal build content/events -o public/events.');
    if (!values.output) throw new UsageError('give the folder to write to with -o, e.g. -o public/events.');
    for (const name of ['link', 'base-url'] as const) {
      if (values[name] !== undefined && !/^https?:\/\/\S+$/i.test(values[name]))
        throw new UsageError(`--${name} must be an http(s) address; got ${JSON.stringify(values[name])}.`);
    }
    folder = positionals[0];
    timeZone = readTimeZone(values['time-zone']);
    now = readNow(values.now);
  } catch (error) {
    return usageFailure(io, 'build', error);
  }

  let files: string[];
  try {
    files = (await readdir(folder, {recursive: true})).filter((name) => /\.(md|markdown)$/i.test(name) && !/(^|[/\\])_index\.[^/\\]+$/.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `feedcal build: cannot read the folder ${folder}: ${code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is a file, not a folder' : (error as Error).message}.`
    );
    io.err('  → Give the folder that holds your event files, e.g. content/events.');
    return 1;
  }
  if (!files.length) {
    io.err(`feedcal build: no Markdown files (*.md) in ${folder}.`);
    io.err('  → Give the folder that holds your event files, e.g. content/events.');
    return 1;
  }

  const progress = new Progress(io, 'feedcal build: files read', files.length);
  const events: CalendarEvent[] = [];
  let left = 0;
  try {
    for (const name of files) {
      const path = join(folder, name);
      const text = await readFile(path, 'utf8');
      progress.step(name);
      if (/^draft:\s*true\s*$/m.test(frontMatterOf(text))) continue;
      const result = readEvent(text, path, name, timeZone, values['base-url']);
      if ('skip' in result) {
        left++;
        io.err(`feedcal build: ${result.skip}`);
        continue;
      }
      events.push(result.event);
    }
  } finally {
    progress.stop();
  }
  if (!events.length) {
    io.err(`feedcal build: none of the ${files.length} files in ${folder} holds a readable event; nothing was written.`);
    return 1;
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));

  const meta: FeedMeta = {
    title: values.title ?? resolve(folder).split(sep).pop(),
    link: values.link,
    description: values.description,
    now,
    timeZone,
  };
  const output = values.output;
  try {
    await mkdir(output, {recursive: true});
    await writeAtomically(join(output, OUTPUTS.json), toFeedJson(events, meta));
    await writeAtomically(join(output, OUTPUTS.rss), toRss(events, meta));
    await writeAtomically(join(output, OUTPUTS.ics), toIcs(events, meta));
  } catch (error) {
    io.err(`feedcal build: cannot write to ${output}: ${(error as Error).message}.`);
    io.err('  → Check that the folder can be made and that you may write there.');
    return 1;
  }
  io.out(
    `feedcal build: ${events.length} events from ${files.length} files → ${[OUTPUTS.json, OUTPUTS.rss, OUTPUTS.ics].map((f) => join(output, f)).join(', ')}` +
      (left ? ` (${left} file${left === 1 ? '' : 's'} left out, see above)` : '')
  );
  return 0;
}

/** One file's event, or why it is left out, naming the file and line and the fix. */
function readEvent(text: string, path: string, name: string, timeZone: string, baseUrl?: string): {event: CalendarEvent} | {skip: string} {
  const result = parseMarkdown(text, {timeZone, source: pathToFileURL(resolve(path)).href});
  if (result instanceof FeedError) return {skip: `${path}:1: ${result.message} → Start the file with a "---" line, the fields, and another "---" line.`};
  const [event] = result.events;
  if (!event) {
    const reason = result.skipped[0]?.reason ?? 'no event';
    const field = /\bdate "|start date/.test(reason) ? 'date' : /no title/.test(reason) ? 'title' : 'date';
    const line = lineOf(text, field);
    const fix =
      field === 'title'
        ? 'add a title: line'
        : line
          ? 'write the date as YYYY-MM-DD (all day) or YYYY-MM-DD HH:MM'
          : 'add a date: line, e.g. date: 2026-08-29 18:00';
    return {skip: `${path}:${line ?? 1}: left out: ${reason} → ${fix}.`};
  }
  const slug = relative('.', name)
    .replace(/\\/g, '/')
    .replace(/\.(md|markdown)$/i, '');
  const built: CalendarEvent = {...event, id: slug};
  // A time without a zone is the site's time: say so, so the feeds carry the zone (TZID, offset).
  if (!built.allDay && !built.timeZone) built.timeZone = timeZone;
  if (baseUrl) built.url = `${baseUrl.replace(/\/?$/, '/')}${slug.split('/').pop()}/`;
  return {event: built};
}

function frontMatterOf(text: string): string {
  return /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text)?.[1] ?? '';
}

/** The 1-based line of a front matter field, when the file has it. */
function lineOf(text: string, field: string): number | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const at = lines.findIndex((line, i) => i > 0 && new RegExp(`^${field}\\s*:`, 'i').test(line));
  return at >= 0 ? at + 1 : undefined;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
