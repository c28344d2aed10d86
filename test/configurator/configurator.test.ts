/**
 * The configurator in Chromium, against real feeds over real HTTP: the shared Gnistor fixture
 * (/corpus/), a second origin that sends no CORS headers, the fault routes (404, 6 MB) and feeds
 * the test stores (/__feeds/, test/network/fault-server.mjs). A person types an address, reads
 * the check, ticks a category, copies the snippet and pastes it into a blank page (an iframe),
 * which must show the same events as the preview.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import '../../configurator/src/main.js';
import type {FeedcalConfiguratorElement} from '../../configurator/src/feedcal-configurator.js';
import type {EventListElement} from '../../src/event-list.js';
import {setClock} from '../../src/lib/clock.js';
import {cardTitles, cards} from '../helpers/page.js';
import {TEST_NOW} from '../helpers/clock.js';
import {nothingHappensWithin} from '../helpers/quiet.js';
import {XSS_VECTORS} from '../security/xss-vectors.js';
import {buildFeeds} from '../security/hostile-feeds.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

// Inside the Gnistor fixture's dates: four of its six events are still to come.
const GNISTOR_NOW = '2026-08-15T10:00:00Z';
const testPage = location.href;
const run = Date.now().toString(36);

/** Opens the configurator as if at `query` (the page's address is put back after each test). */
// The test server serves the widget's TypeScript sources as modules under their own names
// (an import of `x.js` in a .ts file is rewritten to `x.ts`), so the pasted page loads those.
async function openConfigurator(query = 'ui=en') {
  // The test runner's own parameters (its session id, which its commands need) stay in the address.
  const url = new URL(testPage);
  for (const [key, value] of new URLSearchParams(query)) url.searchParams.append(key, value);
  history.replaceState(null, '', url);
  return fixture<FeedcalConfiguratorElement>(html`<feedcal-configurator widget="/src/index.ts"></feedcal-configurator>`);
}

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) => root.querySelector<T>(selector)!;
const findings = (el: Element) => $(el, '.findings').textContent!.replace(/\s+/g, ' ').trim();
const preview = (el: Element) => el.querySelector<EventListElement>('.preview-frame event-list');

async function typeAddress(el: FeedcalConfiguratorElement, address: string) {
  const input = $<HTMLInputElement>(el, '#feed-address');
  input.focus();
  input.value = address;
  input.dispatchEvent(new Event('input'));
  $<HTMLButtonElement>(el, 'form.feed button[type=submit]').click();
  await el.updateComplete;
}

async function checked(el: FeedcalConfiguratorElement, what: RegExp) {
  await waitUntil(() => what.test(findings(el)), `the check did not say ${what}; it said: ${findings(el)}`, {timeout: 20000});
}

/** Pastes `snippet` into a blank page (an iframe on this origin, at the same calendar day) and returns its list once loaded. */
async function pasteIntoBlankPage(snippet: string, now: string): Promise<{frame: HTMLIFrameElement; list: EventListElement}> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  // The blank page's calendar day is the test's, set before the widget's script runs (module scripts run in order).
  frame.srcdoc = `<!doctype html><html lang="en"><body>
<script type="module">import {setClock} from '/src/lib/clock.ts'; setClock(${JSON.stringify(now)});</script>
${snippet}
</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  document.body.append(frame);
  await loaded;
  const list = frame.contentDocument!.querySelector<EventListElement>('event-list')!;
  await waitUntil(() => list.shadowRoot && (cards(list).length > 0 || list.shadowRoot.querySelector('[part~="empty"]')), 'the pasted page drew nothing', {
    timeout: 20000,
  });
  await list.updateComplete;
  return {frame, list};
}

describe('configurator', function () {
  this.timeout(40000);
  afterEach(() => {
    history.replaceState(null, '', testPage);
    setClock(TEST_NOW);
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('checks a feed, offers its categories, and writes a snippet that shows the preview’s events on a blank page', async () => {
    setClock(GNISTOR_NOW);
    const el = await openConfigurator();
    await expect(el).to.be.accessible();
    await typeAddress(el, '/corpus/gnistor/feed.json');
    await checked(el, /events read/);
    expect(findings(el)).to.include('6 events read, 4 upcoming.');
    // The format is read from the feed's first bytes, just after the widget's load.
    await checked(el, /Format: JSON\./);
    expect(findings(el)).to.include('The feed is on the same site as this page');
    expect(findings(el)).to.include('The feed names no time zone');
    expect($(el, '.findings').getAttribute('aria-live')).to.equal('polite');

    // The feed's own categories, as checkboxes; tick one.
    await el.updateComplete;
    const categories = [...el.querySelectorAll<HTMLInputElement>('input[name=categories]')].map((box) => box.value);
    expect(categories).to.include.members(['Aktion', 'Möte']);
    const list = preview(el)!;
    // The four upcoming events (the list may draw them over more than one frame).
    await waitUntil(() => cardTitles(list).length === 4, `the preview shows ${cardTitles(list).length} events, not 4`, {timeout: 10000});
    const everything = cardTitles(list);
    const box = [...el.querySelectorAll<HTMLInputElement>('input[name=categories]')].find((b) => b.value === 'Aktion')!;
    box.click();
    await el.updateComplete;
    await waitUntil(() => cardTitles(list).length < everything.length, 'the preview did not filter');
    const previewTitles = cardTitles(list);
    expect(previewTitles.length).to.be.greaterThan(0);
    expect(list.getAttribute('categories')).to.equal('Aktion');

    // Copy the snippet (the field holds exactly what the button copies), paste it into a blank page.
    $<HTMLButtonElement>(el, '#snippet-html + .row button').click();
    await waitUntil(() => $(el, '#snippet-html-status').textContent, 'copying said nothing');
    const snippet = $<HTMLTextAreaElement>(el, '#snippet-html').value;
    expect(snippet).to.include('categories="Aktion"');
    expect(snippet).to.include(`<script type="module" src="${new URL('/src/index.ts', location.href).href}"></script>`);
    const pasted = await pasteIntoBlankPage(snippet, GNISTOR_NOW);
    expect(cardTitles(pasted.list)).to.deep.equal(previewTitles);
    expect(pasted.list.querySelector('a')!.textContent).to.equal('See all events');

    // The shortcodes carry the same choice.
    expect($<HTMLTextAreaElement>(el, '#snippet-wordpress').value).to.match(/^\[feedcal src="[^"]+\/corpus\/gnistor\/feed\.json" categories="Aktion"\]$/);
    expect($<HTMLTextAreaElement>(el, '#snippet-hugo').value).to.match(/^\{\{< feedcal src="[^"]+" categories="Aktion" >\}\}$/);
    await expect(el).to.be.accessible();
  });

  it('a shared link restores the choices', async () => {
    setClock(GNISTOR_NOW);
    let el = await openConfigurator();
    await typeAddress(el, '/corpus/gnistor/feed.json');
    await checked(el, /events read/);
    await el.updateComplete;
    [...el.querySelectorAll<HTMLInputElement>('input[name=categories]')].find((b) => b.value === 'Möte')!.click();
    $<HTMLInputElement>(el, 'input[name=view][value=month]').click();
    $<HTMLInputElement>(el, 'input[name=controls][value=search]').click();
    const lang = $<HTMLSelectElement>(el, '#lang');
    lang.value = 'sv';
    lang.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const share = $<HTMLTextAreaElement>(el, '#share-link').value;
    const snippet = $<HTMLTextAreaElement>(el, '#snippet-html').value;
    el.remove();

    // The shared address, less the test runner's parameters, which openConfigurator puts back.
    const shared = new URL(share).searchParams;
    for (const key of [...shared.keys()]) if (key.startsWith('wtr')) shared.delete(key);
    el = await openConfigurator(shared.toString());
    await checked(el, /events read/);
    await el.updateComplete;
    expect([...el.querySelectorAll<HTMLInputElement>('input[name=categories]')].filter((b) => b.checked).map((b) => b.value)).to.deep.equal(['Möte']);
    expect($<HTMLInputElement>(el, 'input[name=view][value=month]').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#snippet-html').value).to.equal(snippet);
    expect(preview(el)!.getAttribute('lang')).to.equal('sv');
  });

  it('speaks Swedish to a Swedish browser and switches on request', async () => {
    const el = await openConfigurator('ui=sv');
    expect($(el, 'h1').textContent).to.equal('Visa era evenemang på er webbplats');
    expect(document.documentElement.lang).to.equal('sv');
    $<HTMLButtonElement>(el, 'button.switch').click();
    await el.updateComplete;
    expect($(el, 'h1').textContent).to.equal('Put your events on your site');
    expect(new URLSearchParams(location.search).get('ui')).to.equal('en');
  });

  it('a feed without CORS headers: says why in plain words, shows the relay set-up, and reads it through a relay address', async () => {
    const {noCors} = await (await fetch('/__origins')).json();
    const el = await openConfigurator();
    const address = `${noCors}/calendar-${run}.json`;
    await typeAddress(el, address);
    await checked(el, /does not let other websites read it/);
    await el.updateComplete;
    expect(findings(el)).to.include('CORS');
    expect($(el, '.relay pre').textContent).to.equal(`npx feedcal relay --allow ${address} --origin ${location.origin}`);
    expect($<HTMLAnchorElement>(el, '.relay a').href).to.match(/^https:\/\//);
    expect(el.querySelector('.snippets')!.hasAttribute('hidden')).to.equal(true);

    // A bad relay address is refused with a reason; a good one is tried.
    const proxy = $<HTMLInputElement>(el, '#proxy');
    proxy.value = 'https://relay.example/no-placeholder';
    proxy.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#proxy-help').textContent).to.include('{url}');
    expect(proxy.getAttribute('aria-invalid')).to.equal('true');
    // The test server's /fault/ok/ route stands in for a relay: it answers any path with a feed, with CORS.
    proxy.value = `${location.origin}/fault/ok/relay-${run}-{url}`;
    proxy.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.relay button[type=submit]').click();
    await checked(el, /through the relay/);
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#snippet-html').value).to.include(`proxy="${location.origin}/fault/ok/relay-${run}-{url}"`);
  });

  const failures: Array<[string, () => Promise<string> | string, RegExp]> = [
    ['a 404', () => `/fault/404/configurator-${run}`, /404 Not found/],
    ['a web page that is not a feed', () => '/configurator/index.html', /ordinary web page, not a feed/],
    [
      'plain text',
      async () => {
        await fetch(`/__feeds/${run}-text?type=text/plain`, {method: 'POST', body: 'Hello, this is not a calendar.'});
        return `/__feeds/${run}-text`;
      },
      /not with a calendar feed/,
    ],
    ['a feed over 5 MB', () => `/fault/big/configurator-${run}?mb=6`, /larger than the 5 MB/],
  ];
  for (const [name, address, message] of failures) {
    it(`${name}: a clear message, no choices and no snippet`, async () => {
      const el = await openConfigurator();
      await typeAddress(el, await address());
      await checked(el, message);
      expect($(el, '.finding.error')).to.exist;
      expect(el.querySelector('.choices')).to.equal(null);
      expect(el.querySelector('.snippets')!.hasAttribute('hidden')).to.equal(true);
    });
  }

  it('items the widget had to skip are counted, with their reasons; the feed’s own time zone is taken as the default', async () => {
    const feed = {
      events: [
        {id: 'a', title: 'Möte i Folkets hus', start: '2026-12-03T18:00:00+01:00', timezone: 'Europe/Stockholm', categories: ['Möte']},
        {id: 'b', title: 'Utan datum'},
      ],
    };
    await fetch(`/__feeds/${run}-skipped.json?type=application/json`, {method: 'POST', body: JSON.stringify(feed)});
    const el = await openConfigurator();
    await typeAddress(el, `/__feeds/${run}-skipped.json`);
    await checked(el, /events? read/);
    await el.updateComplete;
    expect(findings(el)).to.include('1 event read, 1 upcoming.');
    expect(findings(el)).to.include('1 item was skipped because it could not be read:');
    expect(el.querySelectorAll('.reasons li')).to.have.length(1);
    expect(findings(el)).to.include('The feed’s times are in Europe/Stockholm.');
    expect($<HTMLInputElement>(el, '#time-zone').value).to.equal('Europe/Stockholm');
    expect($<HTMLTextAreaElement>(el, '#snippet-html').value).to.include('time-zone="Europe/Stockholm"');
  });

  it('an address that is not a web address is refused before anything is fetched', async () => {
    const el = await openConfigurator();
    await typeAddress(el, 'javascript:alert(1)');
    expect(findings(el)).to.include('That is not a web address');
    expect($(el, '#feed-address').getAttribute('aria-invalid')).to.equal('true');
    expect(preview(el)).to.equal(null);
  });

  it('a colour below 4.5:1 is warned about, with a shade that passes', async () => {
    setClock(GNISTOR_NOW);
    const el = await openConfigurator('ui=en&src=/corpus/gnistor/feed.json&accent=%23f5c211');
    await checked(el, /events read/);
    await el.updateComplete;
    expect($(el, '#accent-contrast').textContent).to.match(/Contrast only 1\.\d:1/);
    expect($(el, '#accent-contrast').getAttribute('role')).to.equal('alert');
    expect($(el, '.snippets .warn').textContent).to.include('fails the contrast check');
    $<HTMLButtonElement>(el, '.accent button').click();
    await el.updateComplete;
    expect($(el, '#accent-contrast').textContent).to.match(/readable/);
    expect(el.querySelector('.snippets .warn')).to.equal(null);
    expect(preview(el)!.getAttribute('style')).to.match(/^--event-color-accent: #[0-9a-f]{6}$/);
    // On a dark page the same check runs against the dark background.
    $<HTMLInputElement>(el, 'input[name=background][value=dark]').click();
    await el.updateComplete;
    expect($(el, '#accent-contrast').textContent).to.match(/Contrast only/);
  });

  it('a hostile feed (the XSS corpus in every field): no script runs, here or on the page the snippet is pasted into', async () => {
    const realAlert = window.alert;
    window.alert = () => (window.__xss = 'alert');
    delete window.__xss;
    try {
      const items = XSS_VECTORS.map((vector, i) => ({id: `x${i}`, payload: vector.payload, start: new Date(Date.UTC(2027, 0, 1, 0, i))}));
      const [file] = buildFeeds(items).json.files;
      await fetch(`/__feeds/${run}-hostile.json?type=application/json`, {method: 'POST', body: file.body});
      const el = await openConfigurator();
      await typeAddress(el, `/__feeds/${run}-hostile.json`);
      await checked(el, /events read/);
      await el.updateComplete;
      // Tick hostile categories, places and organisers: they reach the snippet, the preview and the address.
      for (const name of ['categories', 'locations', 'organizers'])
        for (const box of [...el.querySelectorAll<HTMLInputElement>(`input[name=${name}]`)].slice(0, 40)) box.click();
      await el.updateComplete;
      const labels = [...el.querySelectorAll('input[name=categories] + span')].map((span) =>
        [...span.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join('')
          .trim()
      );
      expect(labels).to.include('<script>window.__xss=1</script>');
      // Nothing from the feed became markup in the configurator.
      expect(el.querySelectorAll('script, iframe, img, svg, object, embed, style')).to.have.length(0);
      for (const node of el.querySelectorAll('*')) for (const attr of node.attributes) expect(attr.name, `<${node.localName} ${attr.name}>`).not.to.match(/^on/);
      const snippet = $<HTMLTextAreaElement>(el, '#snippet-html').value;
      const template = document.createElement('template');
      template.innerHTML = snippet;
      expect(template.content.querySelectorAll('script')).to.have.length(1);
      expect(template.content.querySelector('event-list')!.getAttribute('categories')).to.equal(preview(el)!.getAttribute('categories'));
      const pasted = await pasteIntoBlankPage(snippet, TEST_NOW);
      pasted.frame.contentWindow!.alert = () => (window.__xss = 'alert in the pasted page');
      await nothingHappensWithin(500);
      expect(window.__xss).to.equal(undefined);
      expect((pasted.frame.contentWindow as Window).__xss).to.equal(undefined);
    } finally {
      window.alert = realAlert;
    }
  });
});
