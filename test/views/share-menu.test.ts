/**
 * The share menus of `controls="subscribe print copy"` (views/share-menu.ts, controllers/
 * share-actions.ts) and the list's methods behind them: a list without a relay or an iCalendar
 * source offers only the download of exactly the shown events; the copy menu puts text, Markdown,
 * e-mail HTML (with its plain text) and Mastodon posts on the clipboard (stubbed at
 * `navigator.clipboard.write`, the boundary); the menus open and close from the keyboard and
 * speak the list's language, English where a language has no share strings.
 */
import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import {DECEMBER, ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {shadowQuery, shadowQueryAll} from '../helpers/page.js';

const HOSTILE = calendarEvent('<img src=x onerror="window.pwned=1"> **Fest** \u202eevil', '2026-12-03T17:00:00Z', {url: 'https://example.org/fest'});
const HEBREW = calendarEvent('ערב שירה בעברית', '2026-12-04T17:00:00Z', {url: 'javascript:alert(1)', locations: ['תל אביב']});

async function shareList(template: ReturnType<typeof html>, events = DECEMBER): Promise<EventListElement> {
  const el = await renderList(template, events);
  await waitUntil(() => shadowQuery(el, '[part~="share-menu"]'), 'share menus loaded', {timeout: 5000});
  await el.updateComplete;
  return el;
}

const menu = (el: EventListElement, control: string) => shadowQuery<HTMLDetailsElement>(el, `details[data-control="${control}"]`)!;

/** Opens a menu as a click does; its `toggle` event (a task of its own) is what draws the panel. */
async function open(el: EventListElement, control: string) {
  const toggled = oneEvent(menu(el, control), 'toggle');
  menu(el, control).querySelector('summary')!.click();
  await toggled;
  await el.updateComplete;
}

function icsOf(href: string): string {
  expect(href.startsWith('data:text/calendar;charset=utf-8,')).to.equal(true);
  return decodeURIComponent(href.slice('data:text/calendar;charset=utf-8,'.length));
}

/** Replaces the clipboard's `write` for the test, keeping what is written. */
function stubClipboard() {
  const written: ClipboardItem[][] = [];
  const clipboard = navigator.clipboard as Clipboard & {write: Clipboard['write']};
  Object.defineProperty(clipboard, 'write', {configurable: true, value: async (items: ClipboardItem[]) => void written.push(items)});
  return {written, restore: () => delete (clipboard as {write?: unknown}).write};
}

const read = async (item: ClipboardItem, type: string) => (await item.getType(type)).text();

describe('share menus', () => {
  it('offer only the download of exactly the shown events when nothing can be followed', async () => {
    const el = await shareList(html`<event-list controls="categories subscribe print copy" time-zone=${ZONE} lang="en"></event-list>`);
    expect(shadowQueryAll(el, '[part~="share-button"]').map((s) => s.textContent!.trim())).to.deep.equal(['Subscribe', 'Print', 'Copy']);
    await open(el, 'subscribe');
    await waitUntil(() => shadowQuery(el, 'a[data-kind="download"]'), 'links worked out');
    expect(shadowQueryAll(el, '.share-panel a').map((a) => a.dataset.kind)).to.deep.equal(['download']);
    const download = shadowQuery<HTMLAnchorElement>(el, 'a[data-kind="download"]')!;
    expect(download.textContent).to.equal('Download these 5 events (.ics)');
    expect(icsOf(download.href).match(/BEGIN:VEVENT/g)).to.have.length(5);
    expect(shadowQuery(el, '.share-note')!.textContent).to.contain('cannot be followed');
    await expect(el).to.be.accessible();

    // A chip narrows the list (the menu closes as the focus leaves it): opened again, the download follows.
    const chip = shadowQueryAll<HTMLButtonElement>(el, '[part~="chip"]').find((c) => c.textContent!.includes('Aktion'))!;
    chip.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
    chip.click();
    await el.updateComplete;
    expect(menu(el, 'subscribe').open).to.equal(false);
    await open(el, 'subscribe');
    await waitUntil(() => shadowQuery(el, 'a[data-kind="download"]')?.textContent === 'Download this event (.ics)', 'the download of the one shown event');
    const ics = icsOf(shadowQuery<HTMLAnchorElement>(el, 'a[data-kind="download"]')!.href);
    expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(1);
    expect(ics).to.contain('SUMMARY:Kampanja');
    expect((await (await el.share()).subscribeLinks()).map((link) => link.kind)).to.deep.equal(['download']);
  });

  it('open one at a time, close with Escape back on their button, and follow the language', async () => {
    const el = await shareList(html`<event-list controls="subscribe print copy" time-zone=${ZONE} lang="sv"></event-list>`);
    await waitUntil(() => menu(el, 'subscribe').querySelector('summary')!.textContent!.trim() === 'Prenumerera', 'Swedish share strings');
    const summary = menu(el, 'copy').querySelector('summary')!;
    summary.focus();
    const toggled = oneEvent(menu(el, 'copy'), 'toggle');
    await sendKeys({press: 'Enter'});
    await toggled;
    expect(menu(el, 'copy').open).to.equal(true);
    await open(el, 'print');
    expect(menu(el, 'copy').open, 'opening one closes the other').to.equal(false);
    menu(el, 'print').querySelector('button')!.focus();
    await sendKeys({press: 'Escape'});
    expect(menu(el, 'print').open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(menu(el, 'print').querySelector('summary'));
    expect(menu(el, 'print').textContent).to.contain('Affisch (A4)');

    // A language without share strings of its own reads English.
    el.setAttribute('lang', 'de');
    await el.updateComplete;
    await waitUntil(() => menu(el, 'subscribe').querySelector('summary')!.textContent!.trim() === 'Subscribe', 'English for German');
  });

  it('copy the shown events as text, Markdown, e-mail HTML with its text, and numbered Mastodon posts', async () => {
    const many = Array.from({length: 24}, (_, i) =>
      calendarEvent(`Möte ${i}: organisering på arbetsplatsen`, `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T17:00:00Z`, {
        url: `https://example.org/e/${i}?from=the-calendar`,
        locations: ['Folkets hus'],
      })
    );
    const el = await shareList(html`<event-list controls="copy" time-zone=${ZONE} lang="en" poster-title="Union branch 12"></event-list>`, [
      HOSTILE,
      HEBREW,
      ...many,
    ]);
    const clipboard = stubClipboard();
    try {
      await open(el, 'copy');
      await waitUntil(() => shadowQueryAll(el, 'button[data-format="mastodon"]').length > 1, 'one button per post');
      const posts = shadowQueryAll(el, 'button[data-format="mastodon"]');
      expect(posts[0].textContent!.trim()).to.equal(`Mastodon post 1 of ${posts.length}`);

      shadowQuery<HTMLButtonElement>(el, 'button[data-format="html"]')!.click();
      await waitUntil(() => clipboard.written.length === 1, 'the HTML written');
      const [item] = clipboard.written[0];
      expect([...item.types].sort()).to.deep.equal(['text/html', 'text/plain']);
      const mail = await read(item, 'text/html');
      const plain = await read(item, 'text/plain');
      expect(mail).to.match(/^<div lang="en" dir="ltr" style="/);
      expect(mail).not.to.contain('<img');
      expect(mail).to.contain('&#60;img src=x onerror=&#34;window.pwned=1&#34;&#62;');
      expect(mail).to.contain('<span dir="auto">ערב שירה בעברית</span>');
      expect(mail).not.to.contain('javascript:');
      expect(mail).to.contain('<h2 style="margin:0 0 16px;font-size:22px" dir="auto">Union branch 12</h2>');
      expect(plain).to.contain('\u2068ערב שירה בעברית\u2069\n\u2068תל אביב\u2069');
      expect(plain).not.to.contain('\u202e');
      // Never put into the page.
      expect(el.shadowRoot!.innerHTML).not.to.contain('pwned=1"');
      expect((window as {pwned?: number}).pwned).to.equal(undefined);
      await waitUntil(() => shadowQuery(el, '[part~="share-panel"] [role="status"]')?.textContent === 'Copied.', 'said');

      shadowQuery<HTMLButtonElement>(el, 'button[data-format="markdown"]')!.click();
      await waitUntil(() => clipboard.written.length === 2, 'the Markdown written');
      expect(clipboard.written[1][0].types).to.deep.equal(['text/plain']);
      const markdown = await read(clipboard.written[1][0], 'text/plain');
      expect(markdown).to.contain('## Union branch 12');
      expect(markdown).to.contain('\\<img src\\=x onerror\\=\\"window.pwned\\=1\\"\\> \\*\\*Fest\\*\\*');

      posts[1].click();
      await waitUntil(() => clipboard.written.length === 3, 'the second post written');
      const second = await read(clipboard.written[2][0], 'text/plain');
      expect(second).to.match(new RegExp(`\\n\\n2/${posts.length}$`));

      // The page's own button: the same text through the method.
      const text = await (await el.share()).copyText('text');
      expect(text.startsWith('Union branch 12\n\n')).to.equal(true);
      expect(await read(clipboard.written[3][0], 'text/plain')).to.equal(text);
    } finally {
      clipboard.restore();
    }
  });

  it('says so when the browser refuses the copy', async () => {
    const el = await shareList(html`<event-list controls="copy" time-zone=${ZONE} lang="en"></event-list>`);
    const clipboard = navigator.clipboard as Clipboard & {write: Clipboard['write']};
    Object.defineProperty(clipboard, 'write', {configurable: true, value: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))});
    try {
      await open(el, 'copy');
      shadowQuery<HTMLButtonElement>(el, 'button[data-format="text"]')!.click();
      await waitUntil(() => shadowQuery(el, '[part~="share-panel"] [role="status"]')?.textContent === 'The browser did not allow copying.', 'said');
      let error: unknown;
      await (await el.share()).copyText('markdown').catch((e) => (error = e));
      expect((error as DOMException).name).to.equal('NotAllowedError');
    } finally {
      delete (clipboard as {write?: unknown}).write;
    }
  });
});
