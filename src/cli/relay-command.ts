/**
 * `feedcal relay`: the feed relay on Node, from the command line. Parsing and start-up live here,
 * apart from the executable entry (feedcal.ts), so tests can run the command in-process.
 */
import {parseArgs} from 'node:util';
import {createNodeRelay, DEFAULTS, serveRelay, type RelayLogEntry, type RunningRelay} from '../relay/node.js';

export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const RELAY_HELP = `Usage: feedcal relay --allow <feed URL or prefix>… [options]

Serves event feeds that send no CORS headers (Google Calendar, Nextcloud, blogs on another
domain) to the feedcal widget, with an allow list, SSRF checks, caps and a shared cache.

  --allow <url>          a feed address the relay may fetch; a prefix when it ends in "/" or "*"
                         (repeat for more; required unless --feed is given)
  --feed <name>=<url>    serve <url> at /feeds/<name> (repeat for more)
  --origin <origin>      a site whose pages may read the relay (CORS), e.g. https://our-blog.se;
                         repeat for more; "*" lets every site read it. Default: none (same origin)
  --port <n>             default 8787 (0: any free port)
  --host <address>       default 127.0.0.1 (put nginx or Caddy with TLS in front)
  --cache <seconds>      how long a copy is served without asking the feed's server; default ${DEFAULTS.cacheSeconds}
  --max-bytes <size>     the largest feed, e.g. 5MB or 800KB; default 5MB
  --timeout <seconds>    for the whole upstream request; default ${DEFAULTS.timeoutMs / 1000}
  --rate-limit <n>       requests per visitor per minute; default: no limit
  --client-header <name> the header your proxy sets to the visitor's address (X-Real-IP, CF-Connecting-IP),
                         for the rate limit; default: the socket's address
  --private-host <name>  a host of an --allow entry that may resolve to a private address (a LAN Nextcloud)
  --base-path <path>     serve under a path, e.g. /relay
  --time-zone <zone>     the zone views (?format=…, from=today) read floating times and dates in; default UTC
  --log                  one line per request on stdout (never the visitor's address)
  -h, --help             this text

Then, on your page:
  <event-list src="https://calendar.google.com/calendar/ical/…/basic.ics"
              proxy="https://relay.our-blog.se/?url={url}"></event-list>

Views for subscribe links: add format=json|ics|rss and the widget's filters (categories,
locations, organizers, search, from, to, when, time-zone) to /?url=… or /feeds/<name>.
`;

const usage = (io: CommandIO, message: string) => {
  io.err(`feedcal relay: ${message}`);
  io.err('Run "feedcal relay --help" for the options.');
  return 2;
};

/** `5MB`, `800KB`, `1048576` → bytes; undefined when unreadable. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.round(Number(m[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

const number = (text: string | undefined, min: number, max: number): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max ? value : NaN;
};

/**
 * Runs `feedcal relay <args>`. Resolves to an exit code when it stops at once (help, a usage
 * error: 2), or to the running relay, which serves until closed.
 */
export async function relayCommand(args: string[], io: CommandIO): Promise<number | RunningRelay> {
  let values;
  try {
    ({values} = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        allow: {type: 'string', multiple: true},
        feed: {type: 'string', multiple: true},
        origin: {type: 'string', multiple: true},
        port: {type: 'string'},
        host: {type: 'string'},
        cache: {type: 'string'},
        'max-bytes': {type: 'string'},
        timeout: {type: 'string'},
        'rate-limit': {type: 'string'},
        'client-header': {type: 'string'},
        'private-host': {type: 'string', multiple: true},
        'base-path': {type: 'string'},
        'time-zone': {type: 'string'},
        log: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
      },
    }));
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    return usage(io, message);
  }
  if (values.help) {
    io.out(RELAY_HELP);
    return 0;
  }
  const allow = values.allow ?? [];
  const feeds: Record<string, string> = {};
  for (const spec of values.feed ?? []) {
    const at = spec.indexOf('=');
    if (at <= 0) return usage(io, `--feed ${JSON.stringify(spec)} must be name=url, e.g. --feed calendar=https://example.org/events.ics.`);
    feeds[spec.slice(0, at)] = spec.slice(at + 1);
  }
  if (!allow.length && !Object.keys(feeds).length) {
    return usage(io, 'give at least one --allow <feed URL or prefix> (or --feed name=url); the relay never forwards other addresses.');
  }
  const port = number(values.port, 0, 65535);
  if (Number.isNaN(port) || (port !== undefined && !Number.isInteger(port)))
    return usage(io, `--port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}.`);
  const cacheSeconds = number(values.cache, 0, 365 * 24 * 3600);
  if (Number.isNaN(cacheSeconds)) return usage(io, `--cache must be a number of seconds (0 or more), got ${JSON.stringify(values.cache)}.`);
  const timeout = number(values.timeout, 0.001, 600);
  if (Number.isNaN(timeout)) return usage(io, `--timeout must be a number of seconds (at most 600), got ${JSON.stringify(values.timeout)}.`);
  const rateLimit = number(values['rate-limit'], 1, 1e9);
  if (Number.isNaN(rateLimit)) return usage(io, `--rate-limit must be a number of requests per minute (1 or more), got ${JSON.stringify(values['rate-limit'])}.`);
  const maxBytes = values['max-bytes'] === undefined ? undefined : parseSize(values['max-bytes']);
  if (maxBytes === undefined && values['max-bytes'] !== undefined)
    return usage(io, `--max-bytes must be a size like 5MB or 800KB, got ${JSON.stringify(values['max-bytes'])}.`);
  const origins = values.origin?.includes('*') ? '*' : values.origin;

  const log = values.log
    ? (entry: RelayLogEntry) =>
        io.out(
          [
            entry.method,
            entry.status,
            entry.cache ?? '-',
            `${entry.ms}ms`,
            entry.feed ?? '-',
            entry.converted ? `-> ${entry.converted}` : '',
            entry.failure ? `(${entry.failure})` : '',
          ]
            .filter(Boolean)
            .join(' ')
        )
    : undefined;

  let relay;
  try {
    relay = createNodeRelay({
      allow,
      feeds,
      origins,
      cacheSeconds,
      maxBytes,
      timeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
      rateLimit,
      clientHeader: values['client-header'],
      privateHosts: values['private-host'],
      basePath: values['base-path'],
      timeZone: values['time-zone'],
      log,
    });
  } catch (error) {
    // createRelay's messages already start with "feedcal relay:" and name the fix.
    const message = (error as Error).message
      .replace(/\ballow entry\b/g, '--allow')
      .replace(/\bprivateHosts\b/g, '--private-host')
      .replace(/\btimeZone\b/g, '--time-zone');
    io.err(message.startsWith('feedcal relay:') ? message : `feedcal relay: ${message}`);
    io.err('Run "feedcal relay --help" for the options.');
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  let running: RunningRelay;
  try {
    running = await serveRelay(relay, {port: port ?? 8787, host});
  } catch (error) {
    const code = (error as {code?: string}).code;
    const fix =
      code === 'EADDRINUSE'
        ? 'that port is in use; choose another with --port'
        : code === 'EACCES'
          ? 'no permission for that port; use one above 1023'
          : (error as Error).message;
    io.err(`feedcal relay: cannot listen on ${host}:${port ?? 8787}: ${fix}.`);
    return 1;
  }
  const base = `${running.url}${values['base-path']?.replace(/\/+$/, '') ?? ''}`;
  io.out(`feedcal relay: listening on ${base}/`);
  io.out(`  allowed: ${allow.length ? allow.join(', ') : 'the named feeds only'}`);
  for (const [name, url] of Object.entries(feeds)) io.out(`  ${base}/feeds/${name} → ${url}`);
  io.out(`  CORS for: ${origins === '*' ? 'every site (*)' : origins?.length ? origins.join(', ') : 'no other site (serve it from your own origin)'}`);
  io.out(`  on your page: proxy="${base}/?url={url}"`);
  return running;
}
