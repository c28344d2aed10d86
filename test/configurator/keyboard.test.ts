/**
 * The configurator from the keyboard alone, with real key presses (web-test-runner's sendKeys):
 * type the address, Enter, Tab to the feed's first category, Space ticks it, and the focus ring
 * shows where the keyboard is.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import '../../configurator/src/main.js';
import type {FeedcalConfiguratorElement} from '../../configurator/src/feedcal-configurator.js';
import {setClock} from '../../src/lib/clock.js';
import {TEST_NOW} from '../helpers/clock.js';

const testPage = location.href;

describe('configurator from the keyboard', function () {
  this.timeout(40000);
  // The page's own stylesheet, which draws the focus ring.
  before(async () => {
    const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href: '/configurator/configurator.css'});
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, {once: true}));
    document.head.append(link);
    await loaded;
  });
  afterEach(() => {
    history.replaceState(null, '', testPage);
    setClock(TEST_NOW);
  });

  it('type, Enter, Tab to a category, Space', async () => {
    // Inside the Gnistor fixture's dates, as in configurator.test.ts.
    setClock('2026-08-15T10:00:00Z');
    const url = new URL(testPage);
    url.searchParams.set('ui', 'en');
    history.replaceState(null, '', url);
    const el = await fixture<FeedcalConfiguratorElement>(html`<feedcal-configurator widget="/src/index.ts"></feedcal-configurator>`);
    el.querySelector<HTMLInputElement>('#feed-address')!.focus();
    await sendKeys({type: '/corpus/gnistor/feed.json'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => el.querySelector('input[name=categories]'), 'no categories offered', {timeout: 20000});
    const first = el.querySelector<HTMLInputElement>('input[name=categories]')!;
    // From the address field: the button, the preview (it scrolls, so it takes focus), its fallback link, the first category.
    for (let i = 0; i < 12 && document.activeElement !== first; i++) await sendKeys({press: 'Tab'});
    expect(document.activeElement).to.equal(first);
    expect(getComputedStyle(first).outlineStyle).to.equal('solid');
    await sendKeys({press: 'Space'});
    await el.updateComplete;
    expect(first.checked).to.equal(true);
    expect(el.querySelector('.preview-frame event-list')!.getAttribute('categories')).to.equal(first.value);
  });
});
