/**
 * Every hostile string in every text and URL field of every feed format, rendered by the real
 * `<event-list>` from a real fetch: each format's feed is generated here, stored on the test
 * server with `POST /__feeds/<name>` (test/network/fault-server.mjs) and loaded by `src`. Every
 * card's description is expanded, then the whole shadow tree is searched for anything that could
 * run, navigate or restyle.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import {cards, shadowQuery} from '../helpers/page.js';
import {nothingHappensWithin} from '../helpers/quiet.js';
import {XSS_VECTORS} from './xss-vectors.js';
import {buildFeeds, type HostileItem} from './hostile-feeds.js';
import {findOffences} from './offences.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const STYLE_PROPS = ['color', 'backgroundColor', 'fontSize', 'display', 'visibility', 'position', 'fontFamily'] as const;
const styleOf = (el: Element) => Object.fromEntries(STYLE_PROPS.map((p) => [p, getComputedStyle(el)[p]]));

async function storeFeed(name: string, body: string, type: string) {
  const response = await fetch(`/__feeds/${name}?type=${encodeURIComponent(type)}`, {method: 'POST', body});
  expect(response.ok).to.equal(true);
}

async function expandAll(list: EventListElement) {
  const drawn = cards(list);
  await Promise.all(drawn.map((card) => card.updateComplete));
  for (const card of drawn) shadowQuery<HTMLButtonElement>(card, 'button.toggle')?.click();
  const withHtml = drawn.filter((card) => card.event?.descriptionHtml);
  await waitUntil(() => withHtml.every((card) => shadowQuery(card, 'div[part~="description"]')), 'descriptions did not expand', {timeout: 20000});
  return drawn;
}

const run = Date.now().toString(36);
const items: HostileItem[] = XSS_VECTORS.map((vector, i) => ({
  id: `x${i}`,
  payload: vector.payload,
  start: new Date(Date.UTC(2027, 0, 1, 0, i)) /* after the test clock's day: upcoming */,
}));
const feeds = buildFeeds(items);
const report: string[] = [];
let totalTried = 0;
let totalThrough = 0;

describe('hostile feed content (XSS corpus)', function () {
  this.timeout(60000);
  let realAlert: typeof window.alert;
  let probe: HTMLElement;

  before(() => {
    realAlert = window.alert;
    window.alert = () => (window.__xss = 'alert');
    expect(XSS_VECTORS.length).to.be.at.least(150);
  });
  after(() => {
    window.alert = realAlert;
    // Shows in the test runner's browser log: the figures for the issue.
    console.log(`feedcal XSS corpus: ${XSS_VECTORS.length} vectors; ${report.join('; ')}; total ${totalTried} placements, ${totalThrough} got through`);
  });
  beforeEach(() => {
    delete window.__xss;
    probe = document.createElement('p');
    probe.textContent = 'page text';
    document.body.append(probe);
  });
  afterEach(() => probe.remove());

  it('the canary works: the same payload put into the page unsanitised does fire', async () => {
    const control = document.createElement('div');
    control.innerHTML = XSS_VECTORS.find((v) => v.payload === '<img src=x onerror=window.__xss=1>')!.payload;
    document.body.append(control);
    await waitUntil(() => window.__xss === 1, 'the control payload did not fire');
    control.remove();
  });

  for (const [format, feed] of Object.entries(feeds)) {
    it(`${format}: no vector runs script, leaves a handler or a bad URL, or restyles anything`, async () => {
      for (const file of feed.files) await storeFeed(`${run}-${file.name}`, file.body, file.type);
      const src = feed.files.map((file) => new URL(`/__feeds/${run}-${file.name}`, location.href).href).join(' ');
      const before = {page: styleOf(probe), body: styleOf(document.body)};
      const headChildren = document.head.childElementCount;
      const list = await fixture<EventListElement>(html`<event-list when="all" limit="1000" group-by="none" lang="en" time-zone="UTC"></event-list>`);
      const hostBefore = styleOf(list);
      const loaded = new Promise((resolve) => list.addEventListener('event-list-load', resolve, {once: true}));
      list.src = src;
      await loaded;
      await list.updateComplete;
      const expanded = await expandAll(list);
      // Give image errors, focus and animation handlers time to fire if any survived.
      await nothingHappensWithin(300);

      const offences = findOffences(list);
      const restyled = [
        ...STYLE_PROPS.filter((p) => styleOf(probe)[p] !== before.page[p]).map((p) => `page ${p}`),
        ...STYLE_PROPS.filter((p) => styleOf(document.body)[p] !== before.body[p]).map((p) => `body ${p}`),
        ...STYLE_PROPS.filter((p) => styleOf(list)[p] !== hostBefore[p]).map((p) => `host ${p}`),
      ];
      const through = offences.length + restyled.length + (window.__xss !== undefined ? 1 : 0) + (document.head.childElementCount !== headChildren ? 1 : 0);
      const tried = items.length * feed.fields.length;
      totalTried += tried;
      totalThrough += through;
      report.push(`${format}: ${expanded.length} events rendered, ${tried} placements, ${through} through`);

      expect(window.__xss, 'the canary fired').to.equal(undefined);
      expect(offences, offences.slice(0, 10).join('\n')).to.deep.equal([]);
      expect(restyled).to.deep.equal([]);
      expect(document.head.childElementCount).to.equal(headChildren);
      // Most items must survive as events, or the corpus tested only the parser's error path.
      expect(expanded.length, `${format}: events rendered`).to.be.at.least(Math.floor(items.length * 0.9));
    });
  }

  it('raw markup where a careless feed puts it: Atom XHTML content, an unescaped JSON-LD script', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><title>t</title><id>urn:raw</id><updated>2030-01-01T00:00:00Z</updated>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Raw <img src="x" onerror="window.__xss=1"/></div></title><id>urn:raw1</id><updated>2030-01-01T00:00:00Z</updated>
<ev:startdate>2030-01-02T10:00:00Z</ev:startdate>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p><img src="x" onerror="window.__xss=1"/><script>window.__xss=1</script><a href="javascript:window.__xss=1">x</a><svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/><style>body{background:red}</style><p style="color:red">red</p></div></content></entry></feed>`;
    const page = `<!doctype html><html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Breakout </script><img src=x onerror=window.__xss=1><script>window.__xss=1</script>","startDate":"2030-01-03T10:00:00Z"}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Fine","startDate":"2030-01-04T10:00:00Z","description":"<img src=x onerror=window.__xss=1><b>bold</b>"}</script></head><body></body></html>`;
    await storeFeed(`${run}-raw.atom`, atom, 'application/atom+xml');
    await storeFeed(`${run}-raw-ld.html`, page, 'text/html');
    const list = await fixture<EventListElement>(html`<event-list when="all" group-by="none" lang="en" time-zone="UTC"></event-list>`);
    const loaded = new Promise((resolve) => list.addEventListener('event-list-load', resolve, {once: true}));
    list.src = `/__feeds/${run}-raw.atom /__feeds/${run}-raw-ld.html`;
    await loaded;
    await list.updateComplete;
    const expanded = await expandAll(list);
    // As above: time for a surviving handler to fire.
    await nothingHappensWithin(300);
    expect(expanded.length).to.be.at.least(2);
    expect(window.__xss).to.equal(undefined);
    expect(findOffences(list)).to.deep.equal([]);
    const text = expanded.map((card) => card.shadowRoot!.textContent).join(' ');
    expect(text).to.contain('bold');
  });
});
