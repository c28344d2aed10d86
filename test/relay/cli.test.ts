/**
 * `feedcal relay` from the command line: help, errors that name the fix, and a running relay.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {relayCommand, parseSize} from '../../src/cli/relay-command.js';
import {ICS, startUpstream} from './helpers.js';

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const result = await relayCommand(args, {out: (line) => out.push(line), err: (line) => err.push(line)});
  return {result, out: out.join('\n'), err: err.join('\n')};
};

describe('feedcal relay', () => {
  test('--help lists the options and exits 0', async () => {
    const {result, out} = await run(['--help']);
    assert.equal(result, 0);
    assert.match(out, /--allow <url>/);
    assert.match(out, /proxy="https:\/\/relay\.our-blog\.se\/\?url=\{url\}"/);
  });

  test('errors name the fix and exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^feedcal relay: give at least one --allow <feed URL or prefix> \(or --feed name=url\); the relay never forwards other addresses\./],
      [['--allow', 'ftp://example.org/'], /--allow "ftp:\/\/example\.org\/" must start with http:\/\/ or https:\/\//],
      [['--allow', 'https://example.org/', '--port', 'eighty'], /--port must be a whole number/],
      [['--allow', 'https://example.org/', '--max-bytes', 'lots'], /--max-bytes must be a size like 5MB/],
      [['--allow', 'https://example.org/', '--origin', 'https://our-blog.se/events'], /site origin only/],
      [['--allow', 'https://example.org/', '--feed', 'nameless'], /--feed "nameless" must be name=url/],
      [['--allow', 'https://example.org/', '--private-host', 'nextcloud.lan'], /--private-host: "nextcloud.lan" is not the host of any --allow or feed/],
      [['--allow', 'https://example.org/', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const {result, err} = await run(args);
      assert.equal(result, 2, args.join(' '));
      assert.match(err, message, args.join(' '));
      assert.match(err, /feedcal relay --help/);
    }
  });

  test('sizes read with units', () => {
    assert.equal(parseSize('5MB'), 5 * 1024 * 1024);
    assert.equal(parseSize('800kb'), 800 * 1024);
    assert.equal(parseSize('1048576'), 1048576);
    assert.equal(parseSize('-1'), undefined);
  });

  test('serves an allowed feed and a named feed, and says what to put in proxy=', async () => {
    const upstream = await startUpstream();
    const {result, out} = await run([
      '--allow',
      upstream.url('/feed.ics'),
      '--feed',
      `cal=${upstream.url('/feed.json')}`,
      '--port',
      '0',
      '--origin',
      'https://our-blog.se',
      '--cache',
      '60',
    ]);
    assert.equal(typeof result, 'object');
    const running = result as Exclude<typeof result, number>;
    try {
      assert.match(out, /listening on http:\/\/127\.0\.0\.1:\d+\//);
      assert.match(out, /proxy="http:\/\/127\.0\.0\.1:\d+\/\?url=\{url\}"/);
      const response = await fetch(`${running.url}/?url=${encodeURIComponent(upstream.url('/feed.ics'))}`, {headers: {origin: 'https://our-blog.se'}});
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://our-blog.se');
      assert.equal(await response.text(), ICS);
      const named = await fetch(`${running.url}/feeds/cal`);
      assert.equal(named.status, 200);
      await named.text();
    } finally {
      await running.close();
      await upstream.close();
    }
  });

  test('the executable entry exits 2 with the message when --allow is missing', async () => {
    const entry = fileURLToPath(new URL('../../src/cli/feedcal.ts', import.meta.url));
    const {code, stderr} = await new Promise<{code: number | null; stderr: string}>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', entry, 'relay'], {timeout: 20_000}, (error, _stdout, stderr) =>
        resolve({code: error ? ((error as {code?: number}).code ?? null) : 0, stderr})
      );
    });
    assert.equal(code, 2);
    assert.match(stderr, /give at least one --allow/);
  });
});
