/**
 * What the command-line tests share: the real `feedcal` command run as a child process (through
 * tsx, so no build is needed), a loopback HTTP server with the answers a feed's server gives, and
 * feeds dated around the test clock.
 */
import {spawn} from 'node:child_process';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/feeds/', import.meta.url));
/** The test clock (test/helpers/clock.ts), given to the command as FEEDCAL_NOW. */
export const TEST_NOW = '2026-11-27T12:00:00Z';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `feedcal <args>` and waits for it to end (killing it after `killAfterMs`, a guard against a
 * test hanging, never part of what a test expects). The child's own zone is Stockholm, so the
 * widget's date lines carry no zone name when shown in Stockholm's time.
 */
export function feedcal(args: string[], options: {env?: Record<string, string>; cwd?: string; killAfterMs?: number} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}src/cli/feedcal.ts`, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {...process.env, FEEDCAL_NOW: TEST_NOW, TZ: 'Europe/Stockholm', NO_COLOR: '1', ...options.env},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({code, stdout, stderr});
    });
  });
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** A loopback server answering `routes`; 404 for the rest. Hung requests are cut when it closes. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that sends `body` with `headers`. */
export const send =
  (body: string, headers: Record<string, string>, status = 200): Route =>
  (_req, res) =>
    res.writeHead(status, headers).end(body);

/** Three events after the test clock, in Stockholm's zone, one of them a weekly series. */
export const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//feedcal tests//EN',
  'X-WR-CALNAME:Studiecirkeln',
  'BEGIN:VEVENT',
  'UID:meeting-1@test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=Europe/Stockholm:20261205T180000',
  'DTEND;TZID=Europe/Stockholm:20261205T200000',
  'SUMMARY:Årsmöte',
  'LOCATION:Folkets hus',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:circle@test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=Europe/Stockholm:20261202T190000',
  'DTEND;TZID=Europe/Stockholm:20261202T210000',
  'RRULE:FREQ=WEEKLY;COUNT=3',
  'SUMMARY:Studiecirkel',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:fair@test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;VALUE=DATE:20261212',
  'DTEND;VALUE=DATE:20261214',
  'SUMMARY:Bokmässa',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:broken@test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:2026-12-40',
  'SUMMARY:Trasig',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** Canonical JSON with two events after the test clock, one in each of two feeds' overlap. */
export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Föreningen',
  items: [
    {id: 'a1', title: 'Årsmöte', date: '2026-12-05T18:00:00+01:00', enddate: '2026-12-05T20:00:00+01:00', locations: ['Folkets hus']},
    {id: 'a2', title: 'Julfest', date: '2026-12-19T17:00:00+01:00', forms: ['Fest']},
    {id: 'a0', title: 'Höstmöte', date: '2026-10-01T18:00:00+02:00'},
  ],
});
