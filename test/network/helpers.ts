import {fixtureSync, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventListElement} from '../../src/event-list.js';
import type {EventListErrorEvent} from '../../src/events.js';
import {part} from '../helpers/page.js';

/** Unique per run, so URLs never meet a copy or a remembered failure from an earlier run. */
export const RUN = Date.now().toString(36);

export interface Hits {
  hits: number;
  aborts: number;
  notModified?: number;
}

/** What the test server saw for each URL under `prefix`. */
export async function hits(prefix: string): Promise<Record<string, Hits>> {
  return (await fetch(`/__hits?prefix=${encodeURIComponent(prefix)}`)).json();
}

export async function hitsOf(path: string): Promise<Hits> {
  return (await hits(path))[path] ?? {hits: 0, aborts: 0};
}

export interface Outcome {
  el: EventListElement;
  error?: EventListErrorEvent['error'];
  /** The words in the `error` part. */
  text: string;
  titles: string[];
  ms: number;
}

/** Renders an `<event-list>` and waits for its load or error event. */
export async function render(src: string, attrs: {timeout?: string} = {}): Promise<Outcome> {
  const started = performance.now();
  const el = fixtureSync<EventListElement>(html`<event-list src=${src} when="all" lang="en" time-zone="UTC" timeout=${attrs.timeout ?? ''}></event-list>`);
  if (!attrs.timeout) el.removeAttribute('timeout');
  const event = await new Promise<Event>((resolve) => {
    el.addEventListener('event-list-load', resolve, {once: true});
    el.addEventListener('event-list-error', resolve, {once: true});
  });
  const ms = performance.now() - started;
  // A source's error event comes as soon as it fails; the list leaves its loading state (and
  // shows the failure) once every source has settled.
  await waitUntil(() => part(el, 'status')?.getAttribute('aria-busy') !== 'true', 'the list still says it is loading');
  await el.updateComplete;
  const error = event.type === 'event-list-error' ? (event as EventListErrorEvent).error : undefined;
  // The owner's details (with the cause in words) arrive on demand just after the error.
  if (error && part(el, 'error')) await waitUntil(() => part(el, 'error-details'), 'the details for the site owner did not show');
  const text = part(el, 'error')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {el, error, text, titles: el.events.map((e) => e.title), ms};
}

/**
 * Points the page's imports of a module, by the address the test runner serves it at (a `.ts`
 * path: `import('./views/filter-bar.js')` is served as `/src/views/filter-bar.ts`), at
 * `address`. An import map, added before the module is first imported.
 */
export function mapModule(module: string, address: string): void {
  const map = document.createElement('script');
  map.type = 'importmap';
  map.textContent = JSON.stringify({imports: {[module]: address}});
  document.head.append(map);
}
