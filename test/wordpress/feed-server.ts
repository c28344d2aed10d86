/**
 * A calendar's server on loopback that sends no CORS headers (as Google Calendar and Nextcloud
 * do not), for the WordPress relay's tests. Routes:
 *
 *   /cal.ics           an iCalendar feed of three events (ETag "v1"; If-None-Match answers 304),
 *                      or HTTP 503 while `mode` is 'fail'
 *   /slow.ics          the feed after 1.5 s (visitors arriving together)
 *   /hang.ics          never answers
 *   /page.html         an ordinary web page (not a feed)
 *   /huge.ics          starts like a feed and would send 5 GB (declared in Content-Length);
 *                      counts what it sent and whether the client hung up
 *   /huge-chunked.ics  the same without a Content-Length (chunked)
 *   /to-localhost      302 to http://localhost:<port>/cal.ics (a private address by name)
 *   /to-metadata       302 to http://169.254.169.254/latest/meta-data/
 *   /to-elsewhere      302 to another port (not on the allow list)
 *
 * Every request is recorded (path, user agent, conditional headers) so a test can tell who asked.
 */
import {createServer, type IncomingMessage, type Server} from 'node:http';

export const EVENT_TITLES = ['Study circle: the commons', 'Union meeting at Folkets hus', 'Film night: Salt of the Earth'];

export interface FeedServer {
  port: number;
  origin: string;
  mode: 'ok' | 'fail';
  requests: Array<{path: string; userAgent: string; ifNoneMatch?: string; origin?: string}>;
  huge: {sent: number; closed: boolean; finished: boolean};
  close(): Promise<void>;
}

const ics = () =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//feedcal tests//WordPress relay//EN',
    'X-WR-TIMEZONE:Europe/Stockholm',
    ...EVENT_TITLES.flatMap((title, i) => [
      'BEGIN:VEVENT',
      `UID:wp-${i}@feedcal.test`,
      'DTSTAMP:20261101T000000Z',
      `DTSTART;TZID=Europe/Stockholm:202701${String(10 + i * 7).padStart(2, '0')}T180000`,
      `DTEND;TZID=Europe/Stockholm:202701${String(10 + i * 7).padStart(2, '0')}T200000`,
      `SUMMARY:${title}`,
      'LOCATION:Folkets hus\\, Stockholm',
      'CATEGORIES:Möte',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

export async function startFeedServer(): Promise<FeedServer> {
  const state: FeedServer = {
    port: 0,
    origin: '',
    mode: 'ok',
    requests: [],
    huge: {sent: 0, closed: false, finished: false},
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request: IncomingMessage, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    state.requests.push({
      path,
      userAgent: String(request.headers['user-agent'] ?? ''),
      ifNoneMatch: request.headers['if-none-match'] as string | undefined,
      origin: request.headers.origin as string | undefined,
    });
    if (path === '/cal.ics') {
      if (state.mode === 'fail') {
        response.writeHead(503, {'content-type': 'text/html'}).end('<h1>Service unavailable</h1>');
      } else if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, {etag: '"v1"'}).end();
      } else {
        response.writeHead(200, {'content-type': 'text/calendar; charset=utf-8', etag: '"v1"'}).end(ics());
      }
    } else if (path === '/slow.ics') {
      setTimeout(() => response.writeHead(200, {'content-type': 'text/calendar; charset=utf-8'}).end(ics()), 1500);
    } else if (path === '/hang.ics') {
      response.on('close', () => {}); // never answers; the relay must give up
    } else if (path === '/page.html') {
      response
        .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
        .end('<!doctype html><html><head><title>Our association</title></head><body><p>Welcome</p></body></html>');
    } else if (path === '/huge.ics' || path === '/huge-chunked.ics') {
      // 5 GB streamed in 64 KB pieces until the client hangs up: announced in Content-Length, or
      // (huge-chunked) not announced at all, so only counting the bytes can stop it.
      const total = 5 * 1024 ** 3;
      state.huge = {sent: 0, closed: false, finished: false};
      response.writeHead(200, path === '/huge.ics' ? {'content-type': 'text/calendar', 'content-length': String(total)} : {'content-type': 'text/calendar'});
      const line = Buffer.from(`X-FILLER:${'x'.repeat(60)}\r\n`);
      const chunk = Buffer.concat([Buffer.from('BEGIN:VCALENDAR\r\n'), ...Array.from({length: Math.floor(65536 / line.length)}, () => line)]);
      const piece = Buffer.concat(Array.from({length: Math.floor(65536 / line.length)}, () => line));
      let first = true;
      const pump = () => {
        while (!state.huge.closed && state.huge.sent < total) {
          const data = first ? chunk : piece;
          first = false;
          state.huge.sent += data.length;
          if (!response.write(data)) {
            response.once('drain', pump);
            return;
          }
        }
        state.huge.finished = state.huge.sent >= total;
        response.end();
      };
      response.on('close', () => (state.huge.closed = true));
      pump();
    } else if (path === '/to-localhost') {
      response.writeHead(302, {location: `http://localhost:${state.port}/cal.ics`}).end();
    } else if (path === '/to-elsewhere') {
      response.writeHead(302, {location: `http://127.0.0.1:${state.port + 1}/cal.ics`}).end();
    } else if (path === '/to-metadata') {
      response.writeHead(302, {location: 'http://169.254.169.254/latest/meta-data/'}).end();
    } else {
      response.writeHead(404, {'content-type': 'text/plain'}).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as {port: number}).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}
