/**
 * Nothing lost, seen from the element: a failed load shows the last good copy with its age,
 * a refresh updates the view without losing the visitor's filters or open details, and
 * "try again" asks the server afresh.
 */
import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventCardElement} from '../../src/event-card.js';
import {cardTitles, part, shadowQuery} from '../helpers/page.js';
import {writeCachedFeed} from '../../src/lib/load/feed-cache.js';
import {RUN, hitsOf} from './helpers.js';
import {nowMs} from '../../src/lib/clock.js';

const abs = (path: string) => new URL(path, location.href).href;
const post = (path: string, events: object[]) => fetch(`${path}?type=application/json`, {method: 'POST', body: JSON.stringify({events})});

describe('<event-list> keeps what it has', function () {
  this.timeout(15000);

  it('shows the last good copy, with its age, when the feed cannot be read now', async () => {
    const src = `/fault/404/stale-element-${RUN}`;
    const body = new TextEncoder().encode(JSON.stringify({events: [{id: 'k', title: 'Kept from before', start: '2030-02-01T10:00:00Z'}]}));
    await writeCachedFeed(abs(src), {bytes: body, contentType: 'application/json', url: abs(src), fetchedAt: new Date(nowMs() - 3 * 3600_000)});
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} when="all" lang="en"></event-list>`);
    const failure = await oneEvent(el, 'event-list-error');
    expect((failure as unknown as {error: {code: string}}).error.code).to.equal('not-found');
    await waitUntil(() => part(el, 'stale'), 'stale notice');
    expect(cardTitles(el)).to.deep.equal(['Kept from before']);
    expect(part(el, 'stale')!.textContent).to.contain('Updated 3 hours ago — could not refresh.');
    expect(part(el, 'error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reload() updates a changed feed and keeps the visitor’s search and open details', async () => {
    const src = `/__feeds/refresh-${RUN}.json`;
    await post(src, [
      {id: 'a', title: 'Möte A', start: '2030-03-01T17:00:00Z', description: 'x'.repeat(300)},
      {id: 'b', title: 'Möte B', start: '2030-03-02T17:00:00Z'},
      {id: 'c', title: 'Fest', start: '2030-03-03T17:00:00Z'},
    ]);
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} when="all" lang="en" controls="search"></event-list>`);
    await oneEvent(el, 'event-list-load');
    // The filter bar's code loads on first use.
    await waitUntil(() => shadowQuery(el, 'input[type="search"]'), 'filter bar', {timeout: 5000});
    const input = shadowQuery<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'möte';
    input.dispatchEvent(new Event('input'));
    await oneEvent(el, 'event-list-filter-change');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Möte A', 'Möte B']);
    const cardA = shadowQuery<EventCardElement>(el, 'event-card')!;
    cardA.expanded = true;

    await post(src, [
      {id: 'a', title: 'Möte A (ny lokal)', start: '2030-03-01T17:00:00Z', description: 'x'.repeat(300)},
      {id: 'b', title: 'Möte B', start: '2030-03-02T17:00:00Z'},
      {id: 'c', title: 'Fest', start: '2030-03-03T17:00:00Z'},
      {id: 'd', title: 'Möte D', start: '2030-03-04T17:00:00Z'},
    ]);
    el.reload();
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(cardTitles(el)).to.deep.equal(['Möte A (ny lokal)', 'Möte B', 'Möte D']);
    expect(input.value).to.equal('möte');
    const sameCard = shadowQuery<EventCardElement>(el, 'event-card')!;
    expect(sameCard).to.equal(cardA);
    expect(sameCard.expanded).to.equal(true);
  });

  it('"try again" asks the server afresh after a failure', async () => {
    const src = `/fault/seq/retry-button-${RUN}?steps=404,ok`;
    const el = fixtureSync<EventListElement>(html`<event-list src=${src} when="all" lang="en"></event-list>`);
    await oneEvent(el, 'event-list-error');
    await waitUntil(() => shadowQuery(el, '[part~="error"] .retry'), 'try again button');
    shadowQuery<HTMLButtonElement>(el, '[part~="error"] .retry')!.click();
    await oneEvent(el, 'event-list-load');
    await el.updateComplete;
    expect(cardTitles(el)).to.have.length(2);
    expect((await hitsOf(src)).hits).to.equal(2);
  });

  it('accepts max-bytes with a unit', async () => {
    const src = `/__feeds/big-${RUN}.json`;
    await post(
      src,
      Array.from({length: 40}, (_, i) => ({id: `e${i}`, title: `Event ${i} ${'x'.repeat(40)}`, start: '2030-03-01T17:00:00Z'}))
    );
    const small = fixtureSync<EventListElement>(html`<event-list src=${src} when="all" lang="en" max-bytes="1KB"></event-list>`);
    const failure = await oneEvent(small, 'event-list-error');
    expect((failure as unknown as {error: {code: string}}).error.code).to.equal('too-large');
    const enough = fixtureSync<EventListElement>(html`<event-list src=${src} when="all" lang="en" max-bytes="1MB"></event-list>`);
    await oneEvent(enough, 'event-list-load');
    expect(enough.events).to.have.length(40);
  });
});
