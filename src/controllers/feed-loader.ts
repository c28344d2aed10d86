/**
 * Loads the feeds of one `<event-list>`: every source in parallel, each shown as soon as it
 * arrives, each failing on its own. It owns the request state (status, events, errors) and the
 * abort controller; the element asks it to load and reads the result. A Lit reactive controller,
 * so a removed element aborts its requests.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {FormatChoice} from '../lib/feeds/index.js';
import {loadFeed, mergeEvents} from '../lib/load-feed.js';
import {FeedError, type CalendarEvent, type ParseContext, type SkippedItem} from '../lib/model.js';
import {EventListErrorEvent, EventListLoadEvent} from '../events.js';

/** One feed to load: a URL of `src`, or an `<event-source>` child with its own options. */
export interface Source {
  src: string;
  label?: string;
  format: FormatChoice;
  fields?: string;
  proxy?: string;
}

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

export interface LoadSettings {
  timeZone: string;
  /** Milliseconds. */
  timeout?: number;
  window?: ParseContext['window'];
}

export class FeedLoader implements ReactiveController {
  status: LoadStatus = 'idle';
  events: CalendarEvent[] = [];
  errors: Array<{source: Source; error: FeedError}> = [];
  sourceCount = 0;
  private controller?: AbortController;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected() {
    // A load cut short here is started again by the element when it is attached again.
    if (this.status === 'loading') this.controller?.abort();
  }

  /** Starts loading `sources`, aborting whatever was loading before. */
  load(sources: Source[], settings: LoadSettings) {
    this.controller?.abort();
    this.sourceCount = sources.length;
    this.errors = [];
    if (!sources.length) {
      this.status = 'idle';
      this.events = [];
      this.host.requestUpdate();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    this.host.requestUpdate();
    const perSource: CalendarEvent[][] = sources.map(() => []);
    const skipped: SkippedItem[] = [];

    const loads = sources.map(async (source, index) => {
      const result = await loadFeed(source.src, {...source, ...settings, signal: controller.signal});
      if (controller.signal.aborted) return;
      if (result instanceof FeedError) {
        this.errors = [...this.errors, {source, error: result}];
        this.host.requestUpdate();
        this.host.dispatchEvent(new EventListErrorEvent(result, source.src));
        return;
      }
      if (source.label) result.events.forEach((event) => (event.sourceLabel = source.label));
      perSource[index] = result.events;
      skipped.push(...result.skipped);
      if (result.skipped.length) {
        console.warn(`feedcal: skipped ${result.skipped.length} item(s) in ${source.src}:`, result.skipped.map((s) => `#${s.index}: ${s.reason}`));
      }
      this.events = mergeEvents(perSource);
      this.status = 'loaded';
      this.host.requestUpdate();
    });
    Promise.allSettled(loads).then(() => {
      if (controller.signal.aborted) return;
      if (this.errors.length === sources.length) {
        this.status = 'error';
        this.host.requestUpdate();
      } else this.host.dispatchEvent(new EventListLoadEvent(this.events, skipped));
    });
  }
}
