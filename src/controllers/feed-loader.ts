/**
 * Loads the feeds of one `<event-list>`: every source in parallel, each shown as soon as it
 * arrives, each failing on its own, and a failed refresh falling back to the last good copy
 * (`lib/load/load-feed.ts` keeps it). It owns the request state (status, events, errors, stale
 * copies) and the abort controller and refresh timer; the element asks it to load and reads the
 * result. A Lit reactive controller, so a removed element aborts its requests and timers.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {FormatChoice} from '../lib/feeds/index.js';
import {loadFeed, sanitizeDescriptions} from '../lib/load/load-feed.js';
import {mergeEvents} from '../lib/events/merge.js';
import {FeedError, type CalendarEvent, type CappedSeries, type FeedSeries, type PreviewRequest, type Shown, type SkippedItem} from '../lib/events/model.js';
import {EventListErrorEvent, EventListLoadEvent} from '../events.js';

/** One feed to load: a URL of `src`, or an `<event-source>` child with its own options. */
export interface Source {
  src: string;
  label?: string;
  /** The `<event-source>`'s `color`, unchecked (lib/show/sources.ts checks it). */
  color?: string;
  format: FormatChoice;
  fields?: string;
  proxy?: string;
}

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

export interface LoadSettings {
  /** The display zone, or a function asked for it when a feed is parsed (load-feed.ts). */
  timeZone: string | (() => string);
  /** Milliseconds. */
  timeout?: number;
  maxBytes?: number;
  /** What the list shows: recurring series are expanded around it. */
  shown?: Shown;
  /** Milliseconds between background refreshes (lib/attributes.ts `timerMs` keeps it in range); 0 or undefined: none. */
  refresh?: number;
  /**
   * Show a big feed's first events before it is read to the end (`partial`): the events that
   * may still show at `from`, `count` of them. Asked of a first load of one source only.
   */
  preview?: Omit<PreviewRequest, 'show'>;
}

/** A source shown from its last good copy because loading it now failed. */
export interface StaleSource {
  source: Source;
  fetchedAt: Date;
  error: FeedError;
}

/** Refreshing more often than this would hammer small organisations' servers. */
const MIN_REFRESH_MS = 30_000;

export class FeedLoader<Host extends ReactiveControllerHost & HTMLElement = ReactiveControllerHost & HTMLElement> implements ReactiveController {
  status: LoadStatus = 'idle';
  events: CalendarEvent[] = [];
  /**
   * While `loading`: `events` are a first look at the feed (every event that may show and
   * starts before the first one not read yet), and the rest is still being read.
   */
  partial = false;
  errors: Array<{source: Source; error: FeedError}> = [];
  stale: StaleSource[] = [];
  /** Recurring series a cap cut (each with its feed): they have more occurrences than `events` hold. */
  capped: Array<CappedSeries & {src: string}> = [];
  /** While the series are expanded over newly shown dates (`follow`): settles when they are. */
  expanding?: Promise<void>;
  sourceCount = 0;
  private perSource: CalendarEvent[][] = [];
  private seriesPerSource: Array<FeedSeries | undefined> = [];
  private controller?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private last?: {sources: Source[]; settings: LoadSettings};

  constructor(protected readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.timer);
    // A load cut short here is started again when the element is attached again (list-feeds.ts).
    if (this.status === 'loading') this.controller?.abort();
  }

  hostConnected() {
    if (this.status === 'loaded' && this.last) this.schedule(this.last.settings);
  }

  /** Loads `sources` afresh, aborting whatever was loading. `force` skips the failure memory (a "try again"). */
  load(sources: Source[], settings: LoadSettings, {force = false} = {}) {
    this.sourceCount = sources.length;
    this.perSource = sources.map(() => []);
    this.seriesPerSource = [];
    this.capped = [];
    this.errors = [];
    this.stale = [];
    this.events = [];
    this.partial = false;
    if (!sources.length) {
      this.controller?.abort();
      clearTimeout(this.timer);
      this.status = 'idle';
      this.host.requestUpdate();
      return;
    }
    this.status = 'loading';
    this.run(sources, settings, force, false);
  }

  /** Loads the same sources again in the background; the events shown stay until new ones arrive. */
  refresh() {
    if (this.last && this.status !== 'loading') this.run(this.last.sources, this.last.settings, false, true);
  }

  private schedule(settings: LoadSettings) {
    clearTimeout(this.timer);
    const ms = settings.refresh ?? 0;
    if (ms > 0 && this.host.isConnected) this.timer = setTimeout(() => this.refresh(), Math.max(ms, MIN_REFRESH_MS));
  }

  private run(sources: Source[], settings: LoadSettings, force: boolean, background: boolean) {
    this.controller?.abort();
    clearTimeout(this.timer);
    this.last = {sources, settings};
    const controller = new AbortController();
    this.controller = controller;
    this.host.requestUpdate();
    const skipped: SkippedItem[] = [];
    const failed: Array<{source: Source; error: FeedError}> = [];
    const stale: StaleSource[] = [];
    let changed = false;

    const firstLook = !background && sources.length === 1 ? settings.preview : undefined;
    const loads = sources.map(async (source, index) => {
      let arrived = false;
      const preview = firstLook && {
        ...firstLook,
        show: (events: CalendarEvent[]) => {
          if (arrived || controller.signal.aborted) return;
          this.events = events;
          this.partial = true;
          this.host.requestUpdate();
        },
      };
      const result = await loadFeed(source.src, {...source, ...settings, preview, force, refreshing: background, signal: controller.signal});
      arrived = true;
      if (controller.signal.aborted) return;
      if (this.partial) {
        // Asked of a single source only, so until its result is taken below there are no events.
        this.partial = false;
        this.events = [];
      }
      if (result instanceof FeedError) {
        failed.push({source, error: result});
        if (!background) this.errors = [...failed];
        this.host.requestUpdate();
        this.host.dispatchEvent(new EventListErrorEvent(result, source.src));
        return;
      }
      if (result.stale) {
        stale.push({source, fetchedAt: result.stale.fetchedAt, error: result.stale.error});
        this.stale = [...stale];
        this.host.dispatchEvent(new EventListErrorEvent(result.stale.error, source.src));
      }
      skipped.push(...result.skipped);
      if (result.capped)
        console.warn(
          `feedcal: more occurrences than the caps (1000 per series, 10,000 per feed) in ${source.src}:`,
          result.capped.map((series) => series.title)
        );
      if (result.skipped.length) {
        console.warn(
          `feedcal: skipped ${result.skipped.length} item(s) in ${source.src}:`,
          result.skipped.map((s) => `#${s.index}: ${s.reason}`)
        );
      }
      // An unchanged feed keeps its event objects, so the view, filters and open details stay put.
      if (background && result.unchanged && this.perSource[index]?.length) return;
      this.seriesPerSource[index] = result.series;
      this.take(index, source, result.events, result.capped);
      changed = true;
      if (!background) this.status = 'loaded';
      this.host.requestUpdate();
    });
    Promise.allSettled(loads).then(() => {
      if (controller.signal.aborted) return;
      if (background) {
        // A refresh that failed outright keeps what is shown, marked with its age.
        this.errors = failed;
        this.stale = stale;
        this.host.requestUpdate();
        if (changed) this.host.dispatchEvent(new EventListLoadEvent(this.events, skipped, this.capped));
      } else if (failed.length === sources.length) {
        this.status = 'error';
        this.host.requestUpdate();
      } else {
        this.host.dispatchEvent(new EventListLoadEvent(this.events, skipped, this.capped));
      }
      if (this.status === 'loaded') this.schedule(settings);
    });
  }

  /** A source's events, and the series a cap cut in them, into the merged calendar. */
  private take(index: number, {src, label}: Source, events: CalendarEvent[], capped: CappedSeries[] = []) {
    if (label) events.forEach((event) => (event.sourceLabel = label));
    this.perSource[index] = events;
    this.capped = [...this.capped.filter((series) => series.src !== src), ...capped.map((series) => ({...series, src}))];
    this.events = mergeEvents(this.perSource);
  }

  /**
   * Called with what the list shows now: when its dates leave what a source's series were
   * expanded over, the parser's chunk expands them there from what it kept, without fetching
   * or reading the feed again; the next update asks again.
   */
  expandAround(shown: () => Shown) {
    if (this.status !== 'loaded' || this.expanding || !this.seriesPerSource.some(Boolean)) return;
    const now = shown();
    const {perSource} = this;
    const expansions = this.seriesPerSource.map((series, index) =>
      series?.follow(now)?.then(async ({events, capped}) => {
        await sanitizeDescriptions(events);
        // A new load since: its events stand.
        if (perSource === this.perSource) this.take(index, this.last!.sources[index], events, capped);
      })
    );
    if (expansions.some(Boolean))
      this.expanding = Promise.allSettled(expansions).then(() => {
        this.expanding = undefined;
        this.host.requestUpdate();
      });
  }
}
