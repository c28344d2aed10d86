/**
 * The snippets of docs/snippets.md work as written (issue 14, item 5): each is read from the docs
 * file itself (so the docs cannot drift from what is tested), pasted into a page the way its
 * platform would (snippet-pages.ts: a plain page, Ghost's HTML card and Code injection, a site
 * builder's code block and its framed variant), pointed at a Google-Calendar-shaped feed on the
 * test server, and must show that feed's upcoming events. Each page runs in a frame of this test
 * page with the test clock (TEST_NOW, 27 November 2026), loading the widget from src/ as the
 * snippet loads dist/cdn/feedcal.js.
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {EventListElement} from '../../src/event-list.js';
import {cards, cardTitles, part} from '../helpers/page.js';
import {calendarFeed, extractSnippets, limitOf, snippetPages, type SnippetPage} from './snippet-pages.js';

const RUN = Date.now().toString(36);
/** A Tuesday after the test clock's day: the feed's first upcoming event is at 17:00 in Stockholm that day. */
const FIRST_DAY = '2026-12-01';
const FIRST_START = Date.UTC(2026, 11, 1, 16);

/** Loads `page` in a frame of this document; resolves with the `<event-list>` it shows (inside its own frame when framed). */
async function open(page: SnippetPage): Promise<{list: EventListElement; frame: HTMLIFrameElement}> {
  const frame = document.createElement('iframe');
  frame.title = page.name;
  frame.style.cssText = 'width: 1000px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = page.html;
  document.body.append(frame);
  await loaded;
  const listIn = () => {
    let doc = frame.contentDocument!;
    if (page.framed) doc = doc.querySelector('iframe')?.contentDocument ?? doc;
    return doc.querySelector<EventListElement>('event-list');
  };
  await waitUntil(() => listIn()?.shadowRoot, `${page.name}: no <event-list> was defined`, {timeout: 20000});
  return {list: listIn()!, frame};
}

describe('docs/snippets.md, pasted into pages', function () {
  this.timeout(60000);
  let pages: SnippetPage[];
  let snippets: Map<string, string>;
  const {ics, upcoming} = calendarFeed(FIRST_DAY);
  const frames: HTMLIFrameElement[] = [];

  before(async () => {
    const feed = `/__feeds/snippets-${RUN}.ics`;
    await fetch(`${feed}?type=${encodeURIComponent('text/calendar; charset=utf-8')}`, {method: 'POST', body: ics});
    const markdown = await (await fetch('/docs/snippets.md')).text();
    snippets = extractSnippets(markdown);
    pages = snippetPages(snippets, {script: '/src/index.ts', feed, head: '<script type="module" src="/test/helpers/page-setup.ts"></script>'});
  });

  after(() => frames.forEach((frame) => frame.remove()));

  it('has every snippet the pages need, each with the placeholders a reader replaces', () => {
    // extractSnippets and snippetPages throw when one is missing or no longer uses the placeholders.
    expect(pages.map((page) => page.name)).to.deep.equal(['plain-html', 'ghost-html-card', 'ghost-code-injection', 'embed-box', 'embed-box-framed']);
  });

  for (const name of ['plain-html', 'ghost-html-card', 'ghost-code-injection', 'embed-box', 'embed-box-framed']) {
    it(`${name}: shows the calendar's upcoming events, soonest first, in Stockholm time`, async () => {
      const page = pages.find((p) => p.name === name)!;
      const {list, frame} = await open(page);
      frames.push(frame);
      const element = page.snippets.map((snippet) => snippets.get(snippet)!).find((text) => text.includes('<event-list'))!;
      const expected = upcoming.slice(0, limitOf(element) ?? upcoming.length);
      await waitUntil(() => cards(list).length === expected.length, `${name}: expected ${expected.length} cards, saw ${cards(list).length}`, {timeout: 20000});
      expect(cardTitles(list)).to.deep.equal(expected);
      expect(cards(list)[0].event!.start.getTime(), 'the first café at 17:00 in Stockholm').to.equal(FIRST_START);
      expect(part(list, 'error'), 'no error shown').to.equal(null);
      // The fallback link stays in the light DOM for search engines and readers without scripts, unslotted once the events show.
      expect(list.querySelector('a')?.getAttribute('href')).to.equal('https://events.example.org/');
    });
  }
});
