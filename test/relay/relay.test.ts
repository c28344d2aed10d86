/**
 * The relay's routes, allow list, CORS, methods and options, against a real upstream and the
 * relay served by the Node adapter, both on 127.0.0.1.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {createRelay, RELAY_VERSION, type RelayLogEntry} from '../../src/relay/relay.js';
import {ICS, JSON_FEED, RSS, startRelay, startUpstream, testClock, type Upstream} from './helpers.js';

const BLOG = 'https://our-blog.se';

describe('relay: feeds, allow list, CORS, methods', () => {
  let upstream: Upstream;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const logs: RelayLogEntry[] = [];

  before(async () => {
    upstream = await startUpstream();
    relay = await startRelay({
      allow: [upstream.url('/feed.ics'), upstream.url('/feed.json'), upstream.url('/feed.rss'), upstream.url('/mislabelled.ics'), `${upstream.origin}/public/`],
      feeds: {calendar: upstream.url('/feed.ics')},
      origins: [BLOG],
      log: (entry) => logs.push(entry),
    });
  });
  after(async () => {
    await relay.close();
    await upstream.close();
  });

  test('an allowed iCalendar feed passes, with CORS for a configured origin', async () => {
    const response = await relay.feed(upstream.url('/feed.ics'), {headers: {origin: BLOG, cookie: 'visitor=1', authorization: 'Bearer visitor'}});
    assert.equal(response.status, 200);
    assert.equal(await response.text(), ICS);
    assert.equal(response.headers.get('access-control-allow-origin'), BLOG);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=600');
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(response.headers.get('x-feedcal-cache'), 'miss');
    assert.equal(response.headers.get('set-cookie'), null, 'Set-Cookie never passes back');
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /X-Feedcal-Stale/);
    // Nothing of the visitor's went upstream; a fixed User-Agent and Accept did.
    const sent = upstream.lastHeaders('/feed.ics')!;
    assert.equal(sent.cookie, undefined);
    assert.equal(sent.authorization, undefined);
    assert.equal(sent.origin, undefined);
    assert.equal(sent['user-agent'], `feedcal-relay/${RELAY_VERSION}`);
    assert.match(String(sent.accept), /text\/calendar/);
  });

  test('another origin gets the feed without CORS headers', async () => {
    const response = await relay.feed(upstream.url('/feed.ics'), {headers: {origin: 'https://elsewhere.example'}});
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    await response.arrayBuffer();
  });

  test('JSON and RSS feeds pass; a feed labelled text/plain passes by its body', async () => {
    for (const [path, body] of [
      ['/feed.json', JSON_FEED],
      ['/feed.rss', RSS],
      ['/mislabelled.ics', ICS],
    ]) {
      const response = await relay.feed(upstream.url(path));
      assert.equal(response.status, 200, path);
      assert.equal(await response.text(), body);
    }
  });

  test('a second visitor gets the cached copy: one upstream request', async () => {
    const before = upstream.hits('/feed.json');
    const response = await relay.feed(upstream.url('/feed.json'));
    assert.equal(response.headers.get('x-feedcal-cache'), 'hit');
    assert.equal(await response.text(), JSON_FEED);
    assert.equal(upstream.hits('/feed.json'), before);
  });

  test('a named feed is served at /feeds/<name>, sharing the cache with its address', async () => {
    const response = await relay.get('/feeds/calendar', {headers: {origin: BLOG}});
    assert.equal(response.status, 200);
    assert.equal(await response.text(), ICS);
    assert.equal(response.headers.get('x-feedcal-cache'), 'hit');
    const missing = await relay.get('/feeds/nope');
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /no feed named "nope"/);
  });

  test('HEAD gives the headers only; If-None-Match from the visitor gets 304', async () => {
    const head = await relay.feed(upstream.url('/feed.ics'), {method: 'HEAD'});
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(ICS.length));
    assert.equal(await head.text(), '');
    const conditional = await relay.feed(upstream.url('/feed.ics'), {headers: {'if-none-match': '"ics-v1"'}});
    assert.equal(conditional.status, 304);
  });

  test('a URL that is not on the allow list is refused with 403, before any request', async () => {
    for (const url of [
      upstream.url('/feed.ics?x=1'),
      upstream.url('/other.ics'),
      upstream.url('/publicity'),
      upstream.url('/public/../secret'),
      'https://example.org/feed.ics',
      `http://localhost:${upstream.port}/feed.ics`,
    ]) {
      const response = await relay.feed(url);
      assert.equal(response.status, 403, url);
      assert.match(await response.text(), /^feedcal relay: this address is not on the relay's allow list/);
    }
    assert.equal(upstream.hits('/other.ics') + upstream.hits('/secret') + upstream.hits('/publicity'), 0);
  });

  test('a prefix entry allows the paths under it', async () => {
    upstream.route('/public/events.json', (_req, res) => res.writeHead(200, {'content-type': 'application/json'}).end(JSON_FEED));
    const response = await relay.feed(upstream.url('/public/events.json'));
    assert.equal(response.status, 200);
    await response.text();
  });

  test('file:, ftp:, javascript: and data: addresses are refused with 400', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/feed.ics', 'javascript:alert(1)', 'data:text/calendar,BEGIN:VCALENDAR', 'gopher://127.0.0.1:70/']) {
      const response = await relay.feed(url);
      assert.equal(response.status, 400, url);
      assert.match(await response.text(), /only http and https feeds are relayed/);
    }
  });

  test('an address with a user name or password is refused with 400', async () => {
    const response = await relay.feed(upstream.url('/feed.rss').replace('http://', 'http://user:secret@'));
    assert.equal(response.status, 400);
    assert.match(await response.text(), /user name or password/);
  });

  test('a missing or unparsable ?url= is 400; other paths 404', async () => {
    const missing = await relay.get('/');
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /\?url=/);
    const bad = await relay.get('/?url=not%20a%20url');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /not an absolute URL/);
    const other = await relay.get('/admin');
    assert.equal(other.status, 404);
    assert.equal((await other.text()).split('\n').length, 2, 'one line');
    assert.equal(other.headers.get('content-type'), 'text/plain; charset=utf-8');
  });

  test('POST, PUT and DELETE are 405; OPTIONS is the preflight, for configured origins only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await relay.feed(upstream.url('/feed.ics'), {method, body: method === 'DELETE' ? undefined : 'x'});
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS');
      assert.match(await response.text(), /only GET and HEAD are relayed/);
    }
    const preflight = await relay.feed(upstream.url('/feed.ics'), {method: 'OPTIONS', headers: {origin: BLOG, 'access-control-request-method': 'GET'}});
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), BLOG);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
    const stranger = await relay.feed(upstream.url('/feed.ics'), {method: 'OPTIONS', headers: {origin: 'https://elsewhere.example'}});
    assert.equal(stranger.status, 403);
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    await stranger.text();
  });

  test('errors carry CORS headers for configured origins, so the widget can read them', async () => {
    const response = await relay.feed('https://example.org/not-allowed.ics', {headers: {origin: BLOG}});
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), BLOG);
    await response.text();
  });

  test('the log names feeds, statuses and cache states, never the visitor address', () => {
    assert.ok(logs.length > 5);
    assert.ok(logs.some((entry) => entry.cache === 'hit' && entry.status === 200));
    assert.ok(logs.every((entry) => entry.client === undefined));
  });
});

describe('relay: options', () => {
  test('refuses to start without an allow list, naming the fix', () => {
    assert.throws(() => createRelay({}), /give at least one allow entry .* the relay never forwards other addresses/);
    assert.throws(() => createRelay({allow: []}), /give at least one allow entry/);
    assert.throws(() => createRelay({allow: ['not a url']}), /not an absolute URL/);
    assert.throws(() => createRelay({allow: ['file:///etc/']}), /must start with http:\/\/ or https:\/\//);
    assert.throws(() => createRelay({allow: ['https://user:pw@example.org/']}), /user name or password/);
    assert.throws(() => createRelay({allow: ['https://example.org/'], origins: ['https://our-blog.se/events']}), /site origin only/);
    assert.throws(() => createRelay({allow: ['https://example.org/'], privateHosts: ['nextcloud.lan']}), /not the host of any allow entry/);
    assert.throws(() => createRelay({allow: ['https://example.org/'], maxBytes: -1}), /maxBytes must be a positive number/);
    assert.throws(() => createRelay({feeds: {'bad name': 'https://example.org/x.ics'}}), /feed name/);
    assert.doesNotThrow(() => createRelay({feeds: {cal: 'https://example.org/x.ics'}}));
    assert.doesNotThrow(() => createRelay({allow: ['https://example.org/'], origins: ['https://Our-Blog.se/', 'http://localhost:8080']}));
    assert.throws(() => createRelay({allow: 'https://example.org/' as unknown as string[]}), /allow must be a list/);
  });

  test('the User-Agent version is the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(RELAY_VERSION, pkg.version);
  });

  test("origins: '*' gives every site the feed, without Vary", async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({allow: [upstream.url('/feed.ics')], origins: '*'});
    try {
      const response = await relay.feed(upstream.url('/feed.ics'), {headers: {origin: 'https://anyone.example'}});
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('vary'), null);
      await response.text();
    } finally {
      await relay.close();
      await upstream.close();
    }
  });

  test('basePath serves the routes under a path', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({allow: [upstream.url('/feed.ics')], basePath: '/relay'});
    try {
      const response = await relay.get(`/relay/?url=${encodeURIComponent(upstream.url('/feed.ics'))}`);
      assert.equal(response.status, 200);
      await response.text();
      assert.equal((await relay.feed(upstream.url('/feed.ics'))).status, 404);
    } finally {
      await relay.close();
      await upstream.close();
    }
  });

  test('the rate limit answers 429 with Retry-After per client; a trusted header names the client', async () => {
    const upstream = await startUpstream();
    const clock = testClock();
    const logs: RelayLogEntry[] = [];
    const relay = await startRelay({
      allow: [upstream.url('/feed.ics')],
      rateLimit: 3,
      clientHeader: 'X-Real-IP',
      now: clock.now,
      log: (entry) => logs.push(entry),
      logClientAddresses: true,
    });
    try {
      const ask = (ip: string) => relay.feed(upstream.url('/feed.ics'), {headers: {'x-real-ip': ip}}).then(async (r) => (await r.arrayBuffer(), r));
      for (let i = 0; i < 3; i++) assert.equal((await ask('203.0.113.7')).status, 200);
      const limited = await ask('203.0.113.7');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '20');
      assert.equal((await ask('198.51.100.1')).status, 200, 'another client is not limited');
      clock.advance(20);
      assert.equal((await ask('203.0.113.7')).status, 200, 'a token is back after 20 s');
      assert.equal(logs[0].client, '203.0.113.7', 'logged only because logClientAddresses is set');
    } finally {
      await relay.close();
      await upstream.close();
    }
  });

  test('without a client header the Node adapter socket address is the key', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({allow: [upstream.url('/feed.ics')], rateLimit: 1});
    try {
      assert.equal((await relay.feed(upstream.url('/feed.ics')).then(async (r) => (await r.text(), r))).status, 200);
      // A visitor-set header means nothing when the host did not name it.
      const second = await relay.feed(upstream.url('/feed.ics'), {headers: {'x-real-ip': '192.0.2.99'}});
      assert.equal(second.status, 429);
      await second.text();
    } finally {
      await relay.close();
      await upstream.close();
    }
  });
});
