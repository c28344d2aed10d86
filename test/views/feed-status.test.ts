/**
 * Errors for the person who sees them (views/feed-status.ts, views/feed-error.ts): the visitor's
 * sentence in the page's language with the page's fallback link; the site owner's cause and fix,
 * collapsed, in that language too, and once in the console, in English, with the relay command
 * for a feed without CORS headers. Real failures from the test server (fault-server.mjs).
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventListErrorEvent} from '../../src/events.js';
import {sv as svErrors} from '../../src/lib/locales/errors/sv.js';
import {ar} from '../../src/lib/locales/ar.js';
import {part, shadowQuery} from '../helpers/page.js';
import {RUN} from '../network/helpers.js';

/** Renders a list on `src`, collects its console warnings, and waits for the owner's details. */
async function failed(src: string, lang = 'en') {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} lang=${lang} time-zone="UTC"><a href="/kalender">Alla evenemang</a></event-list>`);
    const {error} = (await oneEvent(el, 'event-list-error')) as EventListErrorEvent;
    await waitUntil(() => part(el, 'error-details'), 'the details for the site owner did not show');
    await el.updateComplete;
    return {el, error, warnings, details: part(el, 'error-details') as HTMLDetailsElement};
  } finally {
    console.warn = warn;
  }
}

describe('errors for the person who sees them', function () {
  this.timeout(15000);

  it('a feed without CORS headers: the visitor reads that the calendar cannot be shown, the owner gets the relay', async () => {
    const {noCors} = await (await fetch('/__origins')).json();
    const src = `${noCors}/feed-status-${RUN}.json`;
    const {el, error, warnings, details} = await failed(src);
    expect(error.kind).to.equal('cors');
    // The visitor: a sentence in their terms, "try again", and the page's own link below.
    expect(part(el, 'error')!.querySelector('.error-title')!.textContent).to.equal('The calendar can’t be shown right now.');
    expect(part(el, 'error')!.querySelector('button.retry')).to.exist;
    const fallback = shadowQuery<HTMLSlotElement>(el, '.fallback slot')!.assignedElements()[0] as HTMLAnchorElement;
    expect(fallback.href).to.match(/\/kalender$/);
    expect(fallback.getBoundingClientRect().height, 'the fallback link is visible').to.be.above(0);
    // The owner: collapsed, with the cause, the command and the documentation.
    expect(details.open).to.equal(false);
    expect(details.getBoundingClientRect().height, 'the summary shows').to.be.above(0);
    const command = [...details.querySelectorAll('pre code')].map((c) => c.textContent);
    expect(command[0]).to.equal(`npx feedcal relay --allow ${src} --origin ${location.origin}`);
    expect(command[1]).to.contain('proxy="https://relay.example/?url={url}"');
    expect(details.querySelector('a')!.getAttribute('href')).to.match(/docs\/relay\.md$/);
    expect(details.textContent).to.contain('no CORS headers');
    // The console: once, the feed, the cause and the fix.
    const lines = warnings.filter((args) => String(args[0]).startsWith('feedcal:') && String(args[0]).includes(src));
    expect(lines).to.have.length(1);
    expect(String(lines[0][0])).to.contain('cors/cors').and.to.contain('npx feedcal relay --allow').and.to.contain('docs/relay.md');
    await expect(el).to.be.accessible();
  });

  it('in Swedish: the visitor’s sentence and the owner’s details are Swedish; a redraw does not warn again', async () => {
    const src = `/fault/404/feed-status-sv-${RUN}`;
    const {el, details, warnings} = await failed(src, 'sv');
    expect(part(el, 'error')!.querySelector('.error-title')!.textContent).to.equal('Kalendern kan inte visas just nu.');
    expect(details.querySelector('summary')!.textContent).to.equal('Detaljer för webbplatsens ägare');
    await waitUntil(() => details.textContent!.includes(svErrors['not-found']), 'the Swedish error table');
    expect(details.textContent).to.contain('http/not-found');
    const before = warnings.length;
    el.requestUpdate();
    await el.updateComplete;
    expect(warnings.length).to.equal(before);
  });

  it('in Arabic: right to left, the feed name isolated, the cause left to right', async () => {
    const src = `/fault/500/feed-status-ar-${RUN}`;
    const {el, details} = await failed(src, 'ar');
    expect(part(el, 'error')!.closest('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(part(el, 'error')!.querySelector('.error-title')!.textContent).to.equal(ar.errorTitle);
    expect(details.querySelector('bdi')!.textContent).to.equal(location.host);
    expect(details.querySelector('.error-cause')!.getAttribute('dir')).to.equal('ltr');
  });
});
