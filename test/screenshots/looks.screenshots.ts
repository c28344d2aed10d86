/**
 * Pictures that guard the look (issue 16, item 10): each state of the widget photographed and
 * compared with its baseline in test/screenshots/baseline/ (the server command and its tolerance
 * are in ./web-test-runner.config.mjs). Run by `npm run test:screenshots`; `npm run screenshots`
 * rewrites the baselines and docs/gallery.md.
 *
 * Deterministic by construction: the test clock (TEST_NOW, every test page), events given in this
 * file (no feed but the failing one), a fixed viewport and page font (DejaVu, which Debian's
 * Chromium always brings through fontconfig; nothing from the network), reduced motion, a light
 * colour scheme, and the fonts loaded before each picture.
 */
import {expect, fixture, html, oneEvent, waitUntil, nextFrame} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, setViewport} from '@web/test-runner-commands';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventCardElement} from '../../src/event-card.js';
import {DECEMBER, ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

const FONT = "16px/1.5 'DejaVu Sans', sans-serif";
const LIGHT_PAGE = `background: #ffffff; color: #1b1f24; font: ${FONT}; padding: 16px`;
const DARK_PAGE = `background: #16181d; color: #e6e6e6; font: ${FONT}; padding: 16px`;

/** Four of December's events (timed, all-day, a place, an organizer) and one with a long title and a description. */
const [studiecirkel, , bokmassa, marsch] = DECEMBER;
const EVENTS = [
  studiecirkel,
  bokmassa,
  marsch,
  calendarEvent('Bortom Big Tech: sociala medier och hur en förening kan vara online', '2026-12-03T17:00:00Z', {
    categories: ['Föreläsning'],
    locations: ['Stockholm'],
    description: 'Välkommen på temakväll med efterhäng! Läs mer på https://example.org/bortom.',
  }),
];

/** Three past events (October–November 2026) and none upcoming. */
const PAST = [
  calendarEvent('Oktobermöte', '2026-10-08T17:00:00Z', {categories: ['Möte']}),
  calendarEvent('Novembermöte', '2026-11-12T17:00:00Z', {categories: ['Möte']}),
];

interface Result {
  passed: boolean;
  message?: string;
}

/** Waits for the page's fonts and two frames (layout and paint), then compares `el`'s box with the baseline `name`. */
async function expectLook(el: Element, name: string, description: string) {
  await document.fonts.ready;
  await nextFrame();
  await nextFrame();
  const {x, y, width, height} = el.getBoundingClientRect();
  const result = await executeServerCommand<Result, object>('compare-screenshot', {name, description, rect: {x: x + scrollX, y: y + scrollY, width, height}});
  expect(result?.passed, result?.message).to.equal(true);
}

/** A host page of `width` px in `style` holding `list` (an `<event-list>`), drawn with `events`. */
async function onPage(style: string, width: number, list: ReturnType<typeof html>, events = EVENTS) {
  document.body.style.cssText = `margin: 0; ${style}`;
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">${list}</div>`);
  const el = wrapper.querySelector<EventListElement>('event-list')!;
  el.events = events;
  await el.updateComplete;
  await waitUntil(() => el.view !== 'month' || shadowQuery(el, 'table'), 'month view loaded', {timeout: 5000});
  await Promise.all(shadowQueryAll<EventCardElement>(el, 'event-card').map((card) => card.updateComplete));
  await el.updateComplete;
  return {wrapper, el};
}

describe('what the widget looks like', function () {
  this.timeout(20000);

  before(async () => {
    await emulateMedia({reducedMotion: 'reduce', colorScheme: 'light'});
  });
  beforeEach(async () => {
    await setViewport({width: 1000, height: 900});
    scrollTo(0, 0);
  });
  after(() => {
    document.body.style.cssText = '';
  });

  it('light page', async () => {
    const {wrapper} = await onPage(LIGHT_PAGE, 640, html`<event-list time-zone=${ZONE} lang="en"></event-list>`);
    await expectLook(wrapper, 'light-page', 'A white page with no `theme`: the list takes the page’s colours and font (640 px column).');
  });

  it('dark page without theme', async () => {
    const {wrapper} = await onPage(DARK_PAGE, 640, html`<event-list time-zone=${ZONE} lang="en"></event-list>`);
    await expectLook(wrapper, 'dark-page', 'A dark page with no `theme`: the list keeps the page’s colours with the dark-page accent.');
  });

  it('theme="light"', async () => {
    const {wrapper} = await onPage(DARK_PAGE, 640, html`<event-list theme="light" time-zone=${ZONE} lang="en"></event-list>`);
    await expectLook(wrapper, 'theme-light', '`theme="light"` on a dark page: the light palette on its own tinted background.');
  });

  it('theme="dark"', async () => {
    const {wrapper} = await onPage(LIGHT_PAGE, 640, html`<event-list theme="dark" time-zone=${ZONE} lang="en"></event-list>`);
    await expectLook(wrapper, 'theme-dark', '`theme="dark"` on a white page: the dark palette on its own background.');
  });

  it('320 px wide with the filter bar', async () => {
    await setViewport({width: 352, height: 900});
    const {wrapper} = await onPage(LIGHT_PAGE, 320, html`<event-list controls="search categories dates" time-zone=${ZONE} lang="en"></event-list>`);
    await waitUntil(() => shadowQuery(wrapper.querySelector('event-list')!, '[role="search"]'), 'filter bar loaded', {timeout: 5000});
    await expectLook(wrapper, 'narrow-320', 'A 320 px phone column with the filter bar (`controls`).');
  });

  it('month grid in a 650 px column', async () => {
    const {wrapper} = await onPage(
      `${LIGHT_PAGE}; font: 18px/1.6 'DejaVu Serif', serif`,
      650,
      html`<event-list view="month" month="2026-12" time-zone=${ZONE} lang="en"></event-list>`
    );
    await expectLook(wrapper, 'month-650', 'The month grid (`view="month"`) in a 650 px serif blog column: titles wrap inside their day.');
  });

  it('Arabic', async () => {
    const {wrapper} = await onPage(LIGHT_PAGE, 640, html`<event-list time-zone=${ZONE} lang="ar"></event-list>`);
    await expectLook(wrapper, 'arabic', '`lang="ar"`: right to left, Arabic interface, the Swedish events’ text isolated.');
  });

  it('empty', async () => {
    const {wrapper} = await onPage(
      LIGHT_PAGE,
      640,
      html`<event-list time-zone=${ZONE} lang="en"><a href="https://example.org/calendar">All our events</a></event-list>`,
      PAST
    );
    await expectLook(wrapper, 'empty', 'Nothing upcoming: “No upcoming events right now”, the page’s own link, and a “Past events” switch.');
  });

  it('error, with the site owner’s details open', async () => {
    document.body.style.cssText = `margin: 0; ${LIGHT_PAGE}`;
    const {noCors} = (await (await fetch('/__origins')).json()) as {noCors: string};
    const src = `${noCors}/screenshots-error.json`;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 640px"><event-list src=${src} time-zone=${ZONE} lang="en"><a href="https://example.org/calendar">All our events</a></event-list></div>`
    );
    const el = wrapper.querySelector<EventListElement>('event-list')!;
    await oneEvent(el, 'event-list-error');
    await waitUntil(() => part(el, 'error-details'), 'the details for the site owner did not show');
    await el.updateComplete;
    const details = part<HTMLDetailsElement>(el, 'error-details')!;
    details.open = true;
    // The feed's address, its host and the page's origin carry this run's ports: the picture shows fixed ones.
    const walker = document.createTreeWalker(details, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      node.textContent = node
        .textContent!.replaceAll(noCors, 'https://feeds.example.net')
        .replaceAll(new URL(noCors).host, 'feeds.example.net')
        .replaceAll(location.origin, 'https://www.example.org');
    }
    await expectLook(
      wrapper,
      'error',
      'A feed without CORS headers: the visitor’s sentence, “Try again”, the page’s link, and the opened details for the site owner.'
    );
  });

  it('dialog', async () => {
    await setViewport({width: 800, height: 700});
    document.body.style.cssText = `margin: 0; ${LIGHT_PAGE}`;
    const el = await renderList(html`<event-list details="dialog" search="marsch" time-zone=${ZONE} lang="en"></event-list>`);
    const card = shadowQuery<EventCardElement>(el, 'event-card')!;
    shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
    await waitUntil(() => shadowQuery<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
    const dialog = shadowQuery<HTMLDialogElement>(el, 'dialog')!;
    const inside = dialog.querySelector<EventCardElement>('event-card')!;
    await inside.updateComplete;
    // The Google and Outlook links come a moment later, with the code that makes them (ics-export.ts).
    await waitUntil(() => shadowQueryAll(inside, '.calendar a, .calendar button').length >= 3, 'Google and Outlook links shown', {timeout: 5000});
    (document.activeElement as HTMLElement | null)?.blur();
    await expectLook(dialog, 'dialog', '`details="dialog"`: an event’s details in a dialog, with its calendar actions and map link.');
    dialog.querySelector<HTMLButtonElement>('.dialog-close button')!.click();
    await waitUntil(() => !shadowQuery(el, 'dialog'), 'dialog closed');
  });

  it('compact density', async () => {
    const {wrapper} = await onPage(LIGHT_PAGE, 280, html`<event-list density="compact" time-zone=${ZONE} lang="en"></event-list>`);
    await expectLook(wrapper, 'compact', '`density="compact"` in a 280 px sidebar: one line per event, date, time and title.');
  });
});
