/**
 * Never an open proxy: SSRF attempts by address, by DNS, by redirect and by rebinding, each
 * refused with a clear status before anything reaches a forbidden address.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {forbiddenAddress} from '../../src/relay/address.js';
import {ICS, fakeLookup, startRelay, startUpstream, type Upstream} from './helpers.js';

describe('relay: address rules', () => {
  test('loopback, private, link-local, metadata, CGNAT and unspecified addresses are forbidden', () => {
    const refused = [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '169.254.1.1',
      '100.64.0.1',
      '100.127.255.255',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fd00:ec2::254',
      'fe80::1',
      'fe80::1%eth0',
      'ff02::1',
      // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4.
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::ffff:10.0.0.1',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      // Not an address at all: fail closed.
      'localhost',
      '',
      '1.2.3',
      '1::2::3',
    ];
    for (const address of refused) assert.ok(forbiddenAddress(address), address);
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001::200e']) {
      assert.equal(forbiddenAddress(address), undefined, address);
    }
    assert.match(forbiddenAddress('169.254.169.254')!, /metadata/);
    assert.match(forbiddenAddress('fd00:ec2::254')!, /metadata/);
  });
});

describe('relay: SSRF attempts', () => {
  let upstream: Upstream;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let rebindCalls = 0;
  const port = () => upstream.port;

  before(async () => {
    upstream = await startUpstream();
    relay = await startRelay({
      allow: [
        `${upstream.origin}/`,
        // DNS names the fake resolver points at forbidden addresses; allowed, but not by name as private hosts.
        'http://loopback.test/',
        'http://ipv6-loopback.test/',
        'http://metadata.test/',
        'http://private.test/',
        'http://mapped.test/',
        'http://mixed.test/',
        'http://cgnat.test/',
        // Resolves to a public address when checked, then to 127.0.0.1 when connecting (DNS rebinding).
        'http://rebind.test/',
        // A LAN host the owner names as private: allowed.
        'http://nextcloud.lan/',
      ],
      privateHosts: ['nextcloud.lan'],
      lookup: fakeLookup({
        'loopback.test': ['127.0.0.1'],
        'ipv6-loopback.test': ['::1'],
        'metadata.test': ['169.254.169.254'],
        'private.test': ['10.0.0.1'],
        'mapped.test': ['::ffff:127.0.0.1'],
        'mixed.test': ['93.184.216.34', '10.0.0.1'],
        'cgnat.test': ['100.64.0.1'],
        'rebind.test': () => (++rebindCalls === 1 ? ['93.184.216.34'] : ['127.0.0.1']),
        'nextcloud.lan': ['127.0.0.1'],
      }),
      timeoutMs: 2000,
    });
  });
  after(async () => {
    await relay.close();
    await upstream.close();
  });

  test('127.0.0.1, [::1], 169.254.169.254 and 10.0.0.1 are refused when not on the allow list', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.0.0.1:6379/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::ffff:7f00:1]/',
      'http://2130706433/',
      'http://0x7f.1/',
    ]) {
      const response = await relay.feed(url);
      assert.equal(response.status, 403, url);
      assert.match(await response.text(), /not on the relay's allow list/);
    }
  });

  test('a DNS name that resolves to a forbidden address is refused, whatever the address', async () => {
    const cases: Array<[string, RegExp]> = [
      ['loopback.test', /loopback/],
      ['ipv6-loopback.test', /loopback/],
      ['metadata.test', /metadata/],
      ['private.test', /private/],
      ['mapped.test', /loopback/],
      ['mixed.test', /private/],
      ['cgnat.test', /CGNAT/],
    ];
    for (const [host, kind] of cases) {
      const response = await relay.feed(`http://${host}/feed.ics`);
      assert.equal(response.status, 403, host);
      const message = await response.text();
      assert.match(message, /^feedcal relay: refused: /, host);
      assert.match(message, kind, host);
    }
    assert.equal(upstream.hits('/feed.ics'), 0, 'nothing reached the upstream');
  });

  test('DNS rebinding between the check and the connection is caught when connecting', async () => {
    const response = await relay.feed('http://rebind.test/feed.ics');
    assert.equal(response.status, 403);
    assert.match(await response.text(), /refused: .* forbidden address when connecting/);
    assert.equal(rebindCalls, 2, 'checked once before the request and once by the connection itself');
    assert.equal(upstream.hits('/feed.ics'), 0);
  });

  test('a private host the owner names (privateHosts) is fetched, from the address checked', async () => {
    // nextcloud.lan → 127.0.0.1 in the fake DNS; the upstream listens there on its port.
    upstream.route('/remote.php/dav/public-calendars/abc', (_req, res) => res.writeHead(200, {'content-type': 'text/calendar'}).end(ICS));
    const relayAllowingPort = await startRelay({
      allow: [`http://nextcloud.lan:${port()}/remote.php/dav/public-calendars/`],
      privateHosts: ['nextcloud.lan'],
      lookup: fakeLookup({'nextcloud.lan': ['127.0.0.1']}),
    });
    try {
      const response = await relayAllowingPort.feed(`http://nextcloud.lan:${port()}/remote.php/dav/public-calendars/abc`);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), ICS);
    } finally {
      await relayAllowingPort.close();
    }
  });

  test('a redirect to a forbidden or unlisted address is refused', async () => {
    const targets = [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://127.0.0.1:6379/',
      'http://[::1]/',
      'http://10.0.0.1/feed.ics',
      'http://metadata.test/feed.ics', // on the allow list, but resolves to 169.254.169.254
      'file:///etc/passwd',
      'ftp://127.0.0.1/feed.ics',
    ];
    for (const to of targets) {
      const response = await relay.feed(upstream.url(`/to?to=${encodeURIComponent(to)}`));
      assert.equal(response.status, 403, to);
      const message = await response.text();
      assert.match(message, /redirected to|refused/, to);
      assert.doesNotMatch(message, /169\.254|6379|passwd/, 'the message does not echo where the redirect pointed');
    }
  });

  test('a redirect loop is ended; more than 5 hops are refused; 5 are followed', async () => {
    const self = await relay.feed(upstream.url('/self'));
    assert.equal(self.status, 502);
    assert.match(await self.text(), /redirects in a loop/);
    const loop = await relay.feed(upstream.url('/loop-a'));
    assert.equal(loop.status, 502);
    assert.match(await loop.text(), /redirects in a loop/);
    assert.equal(upstream.hits('/loop-a'), 1);
    assert.equal(upstream.hits('/loop-b'), 1);
    const six = await relay.feed(upstream.url('/chain?n=6'));
    assert.equal(six.status, 502);
    assert.match(await six.text(), /redirected more than 5 times/);
    const five = await relay.feed(upstream.url('/chain?n=5'));
    assert.equal(five.status, 200);
    assert.equal(await five.text(), ICS);
  });

  test('only GET goes upstream, without the visitor headers', async () => {
    const response = await relay.feed(upstream.url('/feed.rss'), {
      method: 'HEAD',
      headers: {cookie: 'a=b', 'x-forwarded-for': '1.2.3.4', referer: 'https://our-blog.se/'},
    });
    assert.equal(response.status, 200);
    const sent = upstream.lastHeaders('/feed.rss')!;
    assert.deepEqual(Object.keys(sent).sort(), ['accept', 'accept-encoding', 'connection', 'host', 'user-agent']);
  });
});
