/**
 * The WordPress plugin against a real WordPress (Debian's package, MariaDB, PHP's built-in
 * server; see site.ts), with the plugin installed from the built zip. Chromium (puppeteer-core)
 * opens the pages as a visitor, an administrator and an editor without unfiltered_html. The
 * calendar's server (feed-server.ts) sends no CORS headers, so the events can only arrive
 * through the plugin's relay. Screenshots for docs/wordpress.md are written on the way (with FEEDCAL_SCREENSHOTS=docs)
 * (docs/images/wordpress/).
 *
 * Run: npm run build && npm run build:wordpress && npm run test:wordpress
 */
import {tmpdir} from 'node:os';
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import {startWordPress, USERS, type WordPressSite} from './site.js';
import {EVENT_TITLES, startFeedServer, type FeedServer} from './feed-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The guide's pictures are rewritten only when asked (FEEDCAL_SCREENSHOTS=docs), so a test run leaves the checkout as it was.
const shots = process.env.FEEDCAL_SCREENSHOTS === 'docs' ? join(root, 'docs', 'images', 'wordpress') : join(tmpdir(), 'feedcal-wordpress-screenshots');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const GOOGLE_FEED = 'https://calendar.google.com/calendar/ical/c_0123456789abcdef%40group.calendar.google.com/public/basic.ics';

let site: WordPressSite;
let feeds: FeedServer;
let browser: Browser;

/** The relay's address for a feed, as the widget asks for it. */
const relayUrl = (feed: string) => `${site.url}/wp-json/feedcal/v1/feed?url=${encodeURIComponent(feed)}`;
const php = (code: string) => site.evalPhp(`<?php ${code}`);
const phpString = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function createPost(title: string, content: string, author = 1): {id: number; link: string} {
  const out = php(`
    wp_set_current_user(${author});
    $id = wp_insert_post(array('post_title' => ${phpString(title)}, 'post_content' => ${phpString(content)}, 'post_status' => 'publish', 'post_author' => ${author}), true);
    echo is_wp_error($id) ? 'error' : wp_json_encode(array('id' => $id, 'link' => get_permalink($id)));`);
  return JSON.parse(out);
}

async function newPage(): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({width: 1100, height: 900});
  return page;
}

async function logIn(page: Page, user: {login: string; password: string}): Promise<void> {
  await page.goto(`${site.url}/wp-login.php?redirect_to=${encodeURIComponent(`${site.url}/wp-admin/profile.php`)}`, {waitUntil: 'domcontentloaded'});
  await page.type('#user_login', user.login);
  await page.type('#user_pass', user.password);
  await Promise.all([page.waitForNavigation({waitUntil: 'domcontentloaded'}), page.click('#wp-submit')]);
  assert.match(page.url(), /wp-admin/, `${user.login} is logged in`);
}

/** The titles of the cards <event-list> shows, once it shows `count` of them. */
async function cardTitles(page: Page, count: number, selector = 'event-list'): Promise<string[]> {
  await page.waitForFunction(
    (sel, n) => {
      const list = document.querySelector(sel);
      return (list?.shadowRoot?.querySelectorAll('event-card').length ?? 0) >= n;
    },
    {timeout: 30_000},
    selector,
    count
  );
  return page.evaluate(
    (sel) => [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('event-card')].map((card) => (card as unknown as {event: {title: string}}).event.title),
    selector
  );
}

async function shot(page: Page, name: string, clip?: {x: number; y: number; width: number; height: number}): Promise<void> {
  mkdirSync(shots, {recursive: true});
  await page.screenshot({path: join(shots, name), ...(clip ? {clip} : {fullPage: false})});
}

/** The stored copy of a feed, or false: the transient the relay keeps. */
const storedCopy = (feed: string) => php(`echo wp_json_encode(get_transient('feedcal_feed_' . md5(${phpString(feed)})));`);

before(async () => {
  feeds = await startFeedServer();
  site = await startWordPress({
    // Test settings through the plugin's own filters: a 2-second cache period, so a test can see
    // the upstream fail without waiting ten minutes.
    muPlugin: `<?php
add_filter('feedcal_relay_cache_seconds', function () { return 2; });
// and a 4-second timeout, so the hung-server test is short.
add_filter('feedcal_relay_timeout', function () { return 4; });
// This machine has no internet: WordPress's own update checks would fail (with warnings) and wait.
foreach (array('update_core', 'update_plugins', 'update_themes') as $check) {
  add_filter('pre_site_transient_' . $check, function () {
    return (object) array('last_checked' => time(), 'version_checked' => $GLOBALS['wp_version'], 'updates' => array(), 'response' => array(), 'translations' => array(), 'checked' => array());
  });
}
`,
  });
  browser = await puppeteer.launch({executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'], headless: true});
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await feeds?.close();
});

describe('the plugin in WordPress', () => {
  it('installs from the zip, activates, and passes php -l, an escaping check and PHP_CodeSniffer', () => {
    assert.equal(php(`echo is_plugin_active('feedcal/feedcal.php') ? 'active' : 'inactive';`), 'active');
    const dir = join(site.wordpress, 'wp-content', 'plugins', 'feedcal');
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    })(dir);
    assert.ok(
      files.some((f) => f.endsWith('assets/feedcal/feedcal.js')),
      'the widget is inside the plugin'
    );
    const phpFiles = files.filter((f) => f.endsWith('.php'));
    assert.ok(phpFiles.length >= 10);
    for (const file of phpFiles) assert.match(execFileSync('php', ['-l', file], {encoding: 'utf8'}), /No syntax errors/);
    // Everything the plugin prints goes through an escaping function, or says why not.
    for (const file of phpFiles) {
      const unescaped = readFileSync(file, 'utf8')
        .split('\n')
        .filter(
          (line) =>
            /^\s*echo\b/.test(line) &&
            !/^\s*echo '[^']*';$/.test(line) &&
            !/esc_(html|attr|url|textarea)|wp_kses|phpcs:ignore WordPress\.Security\.EscapeOutput/.test(line)
        );
      assert.deepEqual(unescaped, [], file);
    }
    // PHP_CodeSniffer, when Debian's php-codesniffer is there (WordPress's own standard is not packaged: see phpcs.xml).
    const phpcs = ['/usr/bin/phpcs'].find((p) => existsSync(p));
    if (phpcs) execFileSync(phpcs, [`--standard=${join(root, 'test', 'wordpress', 'phpcs.xml')}`, dir], {encoding: 'utf8'});
  });

  it('lets an administrator allow feeds on the settings page (Settings API, nonce)', async () => {
    const page = await newPage();
    await logIn(page, USERS.admin);
    // The link an admin note gives: the feed is added to the form, and saved only with "Save Changes".
    await page.goto(`${site.url}/wp-admin/options-general.php?page=feedcal&add=${encodeURIComponent(GOOGLE_FEED)}`, {waitUntil: 'domcontentloaded'});
    assert.equal(await page.$eval('#feedcal_allow', (t) => (t as HTMLTextAreaElement).value), GOOGLE_FEED);
    await shot(page, 'settings.png', {x: 0, y: 0, width: 1100, height: 720});
    const allow = [
      GOOGLE_FEED,
      `${feeds.origin}/`,
      `http://localhost:${feeds.port}/`,
      `http://[::1]:${feeds.port}/`,
      'http://169.254.169.254/',
      'javascript:alert(1)',
    ].join('\n');
    await page.$eval('#feedcal_allow', (t, v) => ((t as HTMLTextAreaElement).value = v as string), allow);
    await page.$eval('#feedcal_private_hosts', (t) => ((t as HTMLTextAreaElement).value = '127.0.0.1'));
    await Promise.all([page.waitForNavigation({waitUntil: 'domcontentloaded'}), page.click('#submit')]);
    const notices = await page.$eval('.wrap', (w) => w.textContent ?? '');
    assert.match(notices, /javascript:alert\(1\) is not an address starting with http/, 'the bad entry is named');
    const stored = php(`echo get_option('feedcal_allow');`).split('\n');
    assert.deepEqual(stored, [GOOGLE_FEED, `${feeds.origin}/`, `http://localhost:${feeds.port}/`, `http://[::1]:${feeds.port}/`, 'http://169.254.169.254/']);
    assert.equal(php(`echo get_option('feedcal_private_hosts');`), '127.0.0.1');
    await page.browserContext().close();
  });

  it('refuses the settings form from an editor and from an administrator without the nonce', async () => {
    const before = php(`echo get_option('feedcal_allow');`);
    const post = (page: Page, fields: Record<string, string>) =>
      page.evaluate(async (f) => {
        const response = await fetch('/wp-admin/options.php', {method: 'POST', body: new URLSearchParams(f), redirect: 'manual'});
        return {status: response.status, text: await response.text()};
      }, fields);
    const hostile = {option_page: 'feedcal', action: 'update', feedcal_allow: 'http://evil.example/', feedcal_private_hosts: 'evil.example'};

    const editor = await newPage();
    await logIn(editor, USERS.editor);
    const byEditor = await post(editor, {...hostile, _wpnonce: 'a1b2c3d4e5'});
    assert.equal(byEditor.status, 403);
    assert.match(byEditor.text, /not allowed to manage options/);
    assert.equal((await editor.goto(`${site.url}/wp-admin/options-general.php?page=feedcal`))!.status(), 403, 'the editor cannot open the page');
    await editor.browserContext().close();

    const admin = await newPage();
    await logIn(admin, USERS.admin);
    const noNonce = await post(admin, hostile);
    assert.equal(noNonce.status, 403);
    assert.match(noNonce.text, /link you followed has expired/);
    await admin.browserContext().close();
    assert.equal(php(`echo get_option('feedcal_allow');`), before, 'the allow list is unchanged');
    assert.equal(php(`echo get_option('feedcal_private_hosts');`), '127.0.0.1');
  });

  it("shows a shortcode post's events from a feed without CORS headers, through the relay, and loads the script only there", async () => {
    const feed = `${feeds.origin}/cal.ics`;
    const {link} = createPost('Our events', `<p>Come along!</p>\n[feedcal src="${feed}" when="all" lang="en" categories="möte"]`);
    const html = await (await fetch(link)).text();
    assert.match(html, /<event-list [^>]*src="http:\/\/127\.0\.0\.1:\d+\/cal\.ics"/);
    assert.match(html, /proxy="http:\/\/127\.0\.0\.1:\d+\/wp-json\/feedcal\/v1\/feed\?url=\{url\}"/, 'the relay is set as the proxy');
    assert.match(html, /<script type="module" src=["'][^"']*\/wp-content\/plugins\/feedcal\/assets\/feedcal\/feedcal\.js/);
    assert.match(html, new RegExp(`<a href="${feeds.origin}/">See all events</a></event-list>`), "fallback link to the feed's site");
    assert.doesNotMatch(html, /Only administrators see this/);
    const home = await (await fetch(`${site.url}/sample-page/`)).text();
    assert.doesNotMatch(home, /feedcal\.js/, 'a page without the plugin loads no script');

    const page = await newPage();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    const seen = feeds.requests.length;
    await page.goto(link, {waitUntil: 'domcontentloaded'});
    assert.deepEqual((await cardTitles(page, 3)).sort(), [...EVENT_TITLES].sort());
    assert.ok(
      asked.some((u) => u.startsWith(`${site.url}/wp-json/feedcal/v1/feed?url=`)),
      'the browser asked the relay'
    );
    assert.ok(!asked.some((u) => u.startsWith(feeds.origin)), "the browser never contacted the calendar's server");
    const upstream = feeds.requests.slice(seen);
    assert.ok(
      upstream.length >= 1 && upstream.every((r) => r.userAgent.startsWith('feedcal-relay/') && !r.origin),
      'only the relay asked, with nothing of the visitor'
    );
    await page.evaluate(() => document.querySelector('h1')?.scrollIntoView());
    await shot(page, 'shortcode-post.png');
    await page.browserContext().close();
  });

  it('takes <event-source> children from [feedcal_source], giving the relay to the allowed ones', async () => {
    const other = GOOGLE_FEED.replace('c_0123', 'c_8888');
    const {link} = createPost(
      'Two sources',
      `[feedcal when="all" lang="en"]\n[feedcal_source src="${feeds.origin}/cal.ics" label="Our calendar"]\n[feedcal_source src="${other}" label="Friends"]\n[/feedcal]`
    );
    const page = await newPage();
    await page.goto(link, {waitUntil: 'domcontentloaded'});
    assert.equal((await cardTitles(page, 3)).length, 3, "the allowed source's events show while the other fails");
    const sources = await page.$$eval('event-list > event-source', (list) =>
      list.map((s) => ({src: s.getAttribute('src'), label: s.getAttribute('label'), proxy: s.getAttribute('proxy')}))
    );
    assert.deepEqual(
      sources.map((s) => s.label),
      ['Our calendar', 'Friends']
    );
    assert.match(sources[0].proxy ?? '', /\/wp-json\/feedcal\/v1\/feed\?url=\{url\}$/);
    assert.equal(sources[1].proxy, null, 'a feed that is not allowed gets no relay');
    assert.equal(await page.$eval('event-list', (l) => l.getAttribute('proxy')), null);
    await page.browserContext().close();
  });

  it('renders the block on the server: the saved post holds no script, and the page shows the events', async () => {
    const feed = `${feeds.origin}/cal.ics`;
    const {id, link} = createPost('Events block', `<!-- wp:feedcal/events {"src":"${feed}","when":"all","lang":"en","view":"list","theme":"light"} /-->`);
    const saved = php(`echo get_post(${id})->post_content;`);
    assert.doesNotMatch(saved, /<script|<event-list/);
    const page = await newPage();
    await page.goto(link, {waitUntil: 'domcontentloaded'});
    assert.equal((await cardTitles(page, 3)).length, 3);
    assert.equal(await page.$eval('.wp-block-feedcal-events event-list', (l) => l.getAttribute('theme')), 'light');
    await page.browserContext().close();

    // The editor: the block with its sidebar and the preview drawn by the real widget.
    const admin = await newPage();
    await admin.setViewport({width: 1400, height: 950});
    await logIn(admin, USERS.admin);
    await admin.goto(`${site.url}/wp-admin/post.php?post=${id}&action=edit`, {waitUntil: 'domcontentloaded'});
    await admin.waitForSelector('.wp-block-feedcal-events', {timeout: 60_000});
    await admin.click('.wp-block-feedcal-events');
    await admin.waitForFunction(() => [...document.querySelectorAll('label')].some((l) => l.textContent === 'Feed address(es)'), {timeout: 30_000});
    await cardTitles(admin, 3, '.wp-block-feedcal-events event-list');
    await shot(admin, 'block-editor.png');
    await admin.browserContext().close();
  });

  it("serves the last good copy with its age when the calendar's server fails", async () => {
    const feed = `${feeds.origin}/cal.ics`;
    const {link} = createPost('Events while Google is down', `[feedcal src="${feed}" when="all" lang="en"]`);
    const good = await fetch(relayUrl(feed));
    assert.equal(good.status, 200);
    assert.match(await good.text(), /BEGIN:VCALENDAR/);
    feeds.mode = 'fail';
    try {
      await new Promise((r) => setTimeout(r, 3100)); // past the 2-second cache period of this test site
      const stale = await fetch(relayUrl(feed));
      assert.equal(stale.status, 200);
      assert.equal(stale.headers.get('x-feedcal-stale'), 'upstream 503');
      assert.equal(stale.headers.get('x-feedcal-cache'), 'stale');
      assert.ok(Number(stale.headers.get('age')) >= 3, `Age ${stale.headers.get('age')}`);
      assert.match(await stale.text(), /Union meeting/);

      const page = await newPage();
      await page.goto(link, {waitUntil: 'domcontentloaded'});
      assert.equal((await cardTitles(page, 3)).length, 3);
      await page.waitForFunction(() => /could not refresh/i.test(document.querySelector('event-list')!.shadowRoot!.textContent ?? ''), {timeout: 15_000});
      const notice = await page.evaluate(() => document.querySelector('event-list')!.shadowRoot!.textContent!.match(/Updated[^.]*could not refresh\.?/i)?.[0]);
      assert.match(notice ?? '', /Updated .* ago/);
      await page.browserContext().close();
    } finally {
      feeds.mode = 'ok';
    }
    // Back up, once the failure is no longer remembered (2 s here): the relay asks conditionally
    // (If-None-Match) and the server's 304 renews the copy.
    await new Promise((r) => setTimeout(r, 2100));
    const seen = feeds.requests.length;
    const renewed = await fetch(relayUrl(feed));
    assert.equal(renewed.status, 200);
    assert.equal(renewed.headers.get('x-feedcal-cache'), 'revalidated');
    assert.equal(renewed.headers.get('x-feedcal-stale'), null);
    assert.match(await renewed.text(), /Union meeting/);
    const asked = feeds.requests.slice(seen).filter((r) => r.path === '/cal.ics');
    assert.equal(asked.length, 1);
    assert.equal(asked[0].ifNoneMatch, '"v1"', 'a conditional request upstream');
  });

  it('works for an editor without unfiltered_html', async () => {
    assert.equal(php(`echo user_can(get_user_by('login', 'editor'), 'unfiltered_html') ? 'yes' : 'no';`), 'no');
    const page = await newPage();
    await logIn(page, USERS.editor);
    const feed = `${feeds.origin}/cal.ics`;
    const created = await page.evaluate(async (content) => {
      const nonce = await (await fetch('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
      const response = await fetch('/wp-json/wp/v2/posts', {
        method: 'POST',
        headers: {'content-type': 'application/json', 'x-wp-nonce': nonce},
        body: JSON.stringify({title: 'Editor events', content, status: 'publish'}),
      });
      return response.json();
    }, `<script>window.__fromEditor = 1</script>[feedcal src="${feed}" when="all" lang="en"]`);
    assert.ok(created.id, JSON.stringify(created).slice(0, 300));
    const saved = php(`echo get_post(${created.id})->post_content;`);
    assert.doesNotMatch(saved, /<script/, "WordPress stripped the editor's own script");
    assert.match(saved, /\[feedcal src=/, 'and kept the shortcode');
    await page.goto(created.link, {waitUntil: 'domcontentloaded'});
    assert.equal((await cardTitles(page, 3)).length, 3);
    assert.equal(await page.evaluate(() => (window as unknown as {__fromEditor?: number}).__fromEditor), undefined);
    await page.browserContext().close();
  });

  it('escapes hostile shortcode values and tells only administrators what it left out', async () => {
    const feed = `${feeds.origin}/cal.ics`;
    const content = [
      `[feedcal id="h1" src="${feed}" when="all" search='x" onmouseover="window.__pwned=1']`,
      // Entities are not decoded by WordPress's shortcode parser: they reach the element as the characters they name, as text.
      `[feedcal id="h2" src="${feed}" when="all" organizers="&quot;&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;"]`,
      // A literal tag: WordPress's texturize no longer sees a shortcode here and curls its quotes; whatever arrives is escaped.
      `[feedcal id="h2b" src="${feed}" when="all" organizers='"><script>window.__pwned=7</script>']`,
      `[feedcal id="h3" src="${feed}" when="all" link="javascript:window.__pwned=3" proxy="javascript:window.__pwned=4//{url}" bogus="1" onclick="window.__pwned=5"]`,
      '[feedcal id="h4" src="javascript:window.__pwned=6"]',
      `[feedcal id="h5" src="${GOOGLE_FEED.replace('c_0123', 'c_9999')}"]`,
    ].join('\n\n');
    const {link} = createPost('Hostile', content);
    const html = await (await fetch(link)).text();
    assert.doesNotMatch(html, /<script>window\.__pwned/);
    assert.doesNotMatch(html, /<event-list[^>]*\sonmouseover=["']/);
    assert.doesNotMatch(html, /<event-list[^>]*\sonclick=["']/);
    assert.doesNotMatch(html, /href="javascript:|proxy="javascript:|src="javascript:/);
    assert.doesNotMatch(html, /Only administrators see this/, 'visitors see no notes');

    const visitor = await newPage();
    await visitor.goto(link, {waitUntil: 'domcontentloaded'});
    await visitor.waitForFunction(() => customElements.get('event-list') && document.querySelector('event-list')!.shadowRoot);
    // No helper functions inside evaluate: tsx would name them with a helper the page does not have.
    const attrs = await visitor.evaluate(() => ({
      search: document.getElementById('h1')?.getAttribute('search') ?? null,
      onmouseover: document.getElementById('h1')?.getAttribute('onmouseover') ?? null,
      organizers: document.getElementById('h2')?.getAttribute('organizers') ?? null,
      onclick: document.getElementById('h3')?.getAttribute('onclick') ?? null,
      proxy: document.getElementById('h3')?.getAttribute('proxy') ?? null,
      fallback: document.getElementById('h3')?.querySelector('a')?.getAttribute('href'),
      h4: document.getElementById('h4')?.getAttribute('src') ?? null,
    }));
    // WordPress's own texturize may curl the quotes it sees; whatever it hands over stays text.
    assert.match(attrs.search ?? '', /onmouseover=.window\.__pwned=1/);
    assert.equal(attrs.onmouseover, null);
    assert.equal(attrs.organizers, '"><script>window.__pwned=2</script>');
    assert.equal(attrs.onclick, null);
    assert.match(attrs.proxy ?? '', /\/wp-json\/feedcal\/v1\/feed/, 'the refused proxy is replaced by the relay');
    assert.equal(attrs.fallback, `${feeds.origin}/`, "the refused link is replaced by the feed's site");
    assert.equal(attrs.h4, null, 'a javascript: src is left out');
    await visitor.hover('#h1').catch(() => {});
    assert.equal(await visitor.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined);
    await visitor.browserContext().close();

    const admin = await newPage();
    await logIn(admin, USERS.admin);
    await admin.goto(link, {waitUntil: 'domcontentloaded'});
    const notes = await admin.$$eval('.feedcal-admin-note', (n) => n.map((x) => x.textContent ?? '').join('\n'));
    assert.match(notes, /ignored the attribute "bogus"/);
    assert.match(notes, /ignored the attribute "onclick"/);
    assert.match(notes, /left out proxy="javascript:/);
    assert.match(notes, /left out src="javascript:/);
    assert.match(notes, /not on the relay's allow list/);
    assert.equal(await admin.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined);
    // For the guide: a Google Calendar feed that is not allowed yet, as its administrator sees it
    // (this machine has no internet, so the widget shows its fallback link below the note).
    const google = createPost('Our calendar', `<p>What is on this winter:</p>\n[feedcal src="${GOOGLE_FEED.replace('c_0123', 'c_7777')}" lang="en"]`);
    await admin.goto(google.link, {waitUntil: 'domcontentloaded'});
    await admin.waitForSelector('.feedcal-admin-note');
    // The widget gives up on the address (no internet here) and shows its error with the fallback link to Google's page.
    await admin.waitForFunction(() => document.querySelector('event-list')?.shadowRoot?.querySelector('[part~="error"]'), {timeout: 30_000});
    assert.equal(
      await admin.$eval('event-list > a', (a) => a.getAttribute('href')),
      'https://calendar.google.com/calendar/embed?src=c_7777456789abcdef%40group.calendar.google.com'
    );
    await admin.evaluate(() => document.querySelector('h1')?.scrollIntoView());
    await shot(admin, 'admin-note.png');
    await admin.browserContext().close();
  });
});

describe('the relay refuses', () => {
  const refused = async (feed: string, status: number, message: RegExp) => {
    const response = await fetch(relayUrl(feed));
    const text = await response.text();
    assert.equal(response.status, status, `${feed}: ${text}`);
    assert.match(text, message);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(storedCopy(feed), 'false', `nothing stored for ${feed}`);
  };

  it('an address not on the allow list', () => refused(`http://127.0.0.1:${feeds.port + 1}/cal.ics`, 403, /not on the relay's allow list/));
  it('anything but http and https', () => refused('file:///etc/passwd', 400, /only http and https/));
  it('a name that resolves to loopback', () => refused(`http://localhost:${feeds.port}/cal.ics`, 403, /localhost resolves to a loopback address/));
  it('an IPv6 loopback address', () => refused(`http://[::1]:${feeds.port}/cal.ics`, 403, /loopback/));
  it('the cloud metadata address', () => refused('http://169.254.169.254/latest/meta-data/', 403, /link-local \(cloud metadata\)/));
  it('a redirect to a private address', () => refused(`${feeds.origin}/to-localhost`, 403, /loopback/));
  it('a redirect to the metadata address', () => refused(`${feeds.origin}/to-metadata`, 403, /169\.254\.169\.254 resolves to a link-local/));
  it('a redirect off the allow list', () => refused(`${feeds.origin}/to-elsewhere`, 403, /redirected to an address that is not on the relay's allow list/));
  it('an HTML page instead of a feed, and caches nothing', () => refused(`${feeds.origin}/page.html`, 415, /did not return a feed/));
  it('a request without ?url=', async () => {
    const response = await fetch(`${site.url}/wp-json/feedcal/v1/feed`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /give the feed's address/);
  });
  it('POST', async () => {
    const response = await fetch(relayUrl(`${feeds.origin}/cal.ics`), {method: 'POST'});
    assert.notEqual(response.status, 200);
    assert.doesNotMatch(await response.text(), /BEGIN:VCALENDAR/);
  });

  for (const [route, how] of [
    ['huge.ics', 'declared in Content-Length: refused before the body'],
    ['huge-chunked.ics', 'not declared: cut off once 5 MB have arrived'],
  ]) {
    it(`a 5 GB body, ${how}; nothing stored`, async () => {
      const started = Date.now();
      await refused(`${feeds.origin}/${route}`, 413, /larger than the relay's limit of 5 MB/);
      const seconds = (Date.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(feeds.huge.closed, 'the relay hung up');
      assert.ok(!feeds.huge.finished);
      assert.ok(feeds.huge.sent < 64 * 1024 * 1024, `the server sent ${feeds.huge.sent} bytes before the relay hung up`);
      if (route === 'huge-chunked.ics') assert.ok(feeds.huge.sent > 5 * 1024 * 1024, 'it read up to the cap');
      console.log(`# 5 GB body (${route}): refused after ${seconds.toFixed(1)} s; the server had sent ${(feeds.huge.sent / 1024 / 1024).toFixed(1)} MB`);
    });
  }

  it('a server that never answers, after the timeout', async () => {
    const started = Date.now();
    await refused(`${feeds.origin}/hang.ics`, 504, /did not answer within 4 s/);
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 15, `answered after ${seconds} s`);
  });

  it('visitors arriving together: one upstream request', async () => {
    const feed = `${feeds.origin}/slow.ics`;
    const seen = feeds.requests.length;
    const answers = await Promise.all(Array.from({length: 4}, () => fetch(relayUrl(feed)).then(async (r) => ({status: r.status, body: await r.text()}))));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200]
    );
    assert.ok(answers.every((a) => /Film night/.test(a.body)));
    assert.equal(feeds.requests.slice(seen).filter((r) => r.path === '/slow.ics').length, 1, 'the others waited for the first');
  });

  it('leaves no PHP warning in the logs', () => {
    const log = site.errorLog();
    const lines = log.split('\n').filter(Boolean);
    const ours = lines.filter((line) => /plugins\/feedcal\//.test(line));
    assert.deepEqual(ours, [], 'nothing from the plugin');
    const serious = lines.filter((line) => /PHP (Warning|Notice|Fatal|Parse|Recoverable)/.test(line));
    assert.deepEqual(serious, [], 'no warning, notice or error at all');
    const core = lines.filter((line) => /PHP Deprecated/.test(line)).length;
    console.log(
      `# PHP log: ${lines.length} lines, ${core} of them WordPress 6.1's own deprecation notices on PHP ${execFileSync('php', ['-r', 'echo PHP_VERSION;'], {encoding: 'utf8'})}, none from the plugin`
    );
  });
});
