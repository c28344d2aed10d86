/**
 * docs/google-calendar.md, step 2 B ("On your own server, behind nginx") works as written: the
 * systemd unit's ExecStart (with its %% undone, as systemd does) is run as `feedcal relay` in this
 * process, the guide's nginx `location /relay/` block is served by a real nginx on loopback in
 * front of it, and the widget's request and the guide's step-4 check address (with %2540) both get
 * the calendar through nginx. Only the calendar's origin (a local upstream standing in for
 * calendar.google.com) and the ports are changed. Needs Debian's nginx (`.ci/run` installs it).
 * Node: `node --import tsx --test test/integrations/relay-nginx.test.ts`.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {connect, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {relayCommand} from '../../src/cli/relay-command.js';
import type {RunningRelay} from '../../src/relay/node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOOGLE = 'https://calendar.google.com';
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'END:VCALENDAR', ''].join('\r\n');

/** The fenced block of `language` in `markdown` that contains `marker`. */
function block(markdown: string, language: string, marker: string): string {
  for (const match of markdown.replace(/\r\n/g, '\n').matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\\n\\s*\`\`\``, 'g'))) {
    // Blocks inside a numbered step are indented: take the indentation off, as a reader copying it would.
    if (match[1].includes(marker)) return match[1].replace(/^ {1,3}/gm, '');
  }
  throw new Error(`docs/google-calendar.md has no \`\`\`${language} block with ${marker}`);
}

/** A port nobody listens on now (nginx needs a number in its configuration). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts connections on `port` (at most `ms`). */
async function listening(port: number, ms = 10000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nginx did not listen on ${port} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('docs/google-calendar.md: feedcal relay behind nginx, as the guide writes it', () => {
  let upstream: Server;
  let upstreamOrigin: string;
  let seen: IncomingHttpHeaders[] = [];
  let relay: RunningRelay;
  let nginx: ChildProcess;
  let nginxPort: number;
  let dir: string;
  let markdown: string;

  before(async () => {
    assert.equal(spawnSync(NGINX, ['-v']).status, 0, `nginx is needed at ${NGINX} (apt-get install nginx, or set NGINX)`);
    markdown = readFileSync(join(ROOT, 'docs/google-calendar.md'), 'utf8');
    upstream = createServer((req, res) => {
      seen.push(req.headers);
      if (!req.url?.startsWith('/calendar/ical/')) return void res.writeHead(404).end();
      res.writeHead(200, {'content-type': 'text/calendar; charset=UTF-8'}).end(ICS);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'feedcal-relay-nginx-'));
  });

  after(async () => {
    nginx?.kill('SIGQUIT');
    if (nginx && nginx.exitCode === null) await new Promise((resolve) => nginx.once('exit', resolve));
    await relay?.close();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  it("starts the relay from the systemd unit's ExecStart", async () => {
    const unit = block(markdown, 'ini', 'ExecStart=');
    const execStart = /^ExecStart=(\S+) (.*)$/m.exec(unit);
    assert.ok(execStart, 'the unit has an ExecStart line');
    assert.match(execStart[1], /\/feedcal$/, 'ExecStart runs the feedcal command');
    assert.doesNotMatch(execStart[2].replace(/%%/g, ''), /%/, 'every % in the unit is doubled (systemd reads % itself)');
    // What systemd passes: %% becomes %. The calendar's origin and the port are this test's.
    const args = execStart[2]
      .replace(/%%/g, '%')
      .split(/\s+/)
      .map((arg) => arg.split(GOOGLE).join(upstreamOrigin));
    const port = args.indexOf('--port');
    assert.ok(port >= 0, 'the unit sets --port');
    assert.equal(args[port + 1], '8787', 'the port nginx passes to');
    args[port + 1] = '0';
    const out: string[] = [];
    const result = await relayCommand(args.slice(1), {out: (line) => out.push(line), err: (line) => out.push(line)});
    assert.equal(args[0], 'relay');
    assert.ok(typeof result === 'object', `feedcal relay started: ${out.join('\n')}`);
    relay = result;
  });

  it("serves the widget's requests through the guide's nginx location block", async () => {
    const location = block(markdown, 'nginx', 'location /relay/').replace('127.0.0.1:8787', `127.0.0.1:${relay.port}`);
    assert.ok(location.includes(`127.0.0.1:${relay.port}`), 'the block passes to 127.0.0.1:8787');
    nginxPort = await freePort();
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${nginxPort};
${location}
  }
}
`
    );
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], {stdio: ['ignore', 'ignore', 'pipe']});
    let nginxErrors = '';
    nginx.stderr!.on('data', (chunk) => (nginxErrors += chunk));
    await listening(nginxPort).catch((error) => {
      throw new Error(`${error.message}: ${nginxErrors}`);
    });

    // The widget: proxy="https://our-blog.se/relay/?url={url}" with src the calendar's address (encoded once).
    const address = /src="(https:\/\/calendar\.google\.com\/[^"]+)"/.exec(markdown)?.[1];
    assert.ok(address, 'step 3 has a Google src');
    const feed = address.split(GOOGLE).join(upstreamOrigin);
    seen = [];
    const widget = await fetch(`http://127.0.0.1:${nginxPort}/relay/?url=${encodeURIComponent(feed)}`);
    assert.equal(widget.status, 200, await widget.clone().text());
    assert.equal(await widget.text(), ICS);
    assert.equal(widget.headers.get('x-feedcal-cache'), 'miss');
    assert.equal(seen.length, 1, 'one request reached the calendar');
    assert.equal(seen[0].cookie, undefined);

    // Step 4's check address, as typed into a browser (its %2540 is sent as written).
    const check = [...markdown.matchAll(/`(https:\/\/feedcal-relay\.your-account\.workers\.dev\/\?url=https:[^`]+)`/g)].map((m) => m[1])[0];
    assert.ok(check?.includes('%2540'), 'step 4 writes %40 as %2540');
    const typed = check.replace('https://feedcal-relay.your-account.workers.dev/', `http://127.0.0.1:${nginxPort}/relay/`).split(GOOGLE).join(upstreamOrigin);
    const checked = await fetch(typed);
    assert.equal(checked.status, 200, await checked.clone().text());
    assert.match(await checked.text(), /^BEGIN:VCALENDAR/);
    assert.equal(checked.headers.get('x-feedcal-cache'), 'hit');

    // Without the %25 the browser's address means "…abc123@group…", which is not the allowed address.
    const untouched = await fetch(typed.replace('%2540', '%40'));
    assert.equal(untouched.status, 403);
    assert.match(await untouched.text(), /allow list/);
  });
});
