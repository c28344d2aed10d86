/**
 * What an `<event-list>` loads, and when. The feeds are every URL of `src`, then each
 * `<event-source>` child with its own options; the plan says which dates recurring series are
 * expanded over (around what the list or grid shows, and again when it shows other dates: the
 * parser works the dates out with lib/show/window.ts) and what a big feed's first look is (the soonest events, or the shown month's). A load starts
 * when a setting changes, a source child comes, goes or changes, or a list removed while loading
 * is attached again. FeedLoader (feed-loader.ts), which this extends, does the loading and holds
 * the result. The list hands in only the settings the plan reads and what it works out itself
 * (zone, page size…).
 */
import type {ReactiveControllerHost} from 'lit';
import {FeedLoader, type Source} from './feed-loader.js';
import {EventSourceElement} from '../event-source.js';
import {FORMATS, oneOf, parseByteSize, REFRESH_RANGE, TIMEOUT_RANGE, timerMs} from '../lib/attributes.js';
import {parseMonth} from '../lib/month-key.js';
import {resolveDateBound} from '../lib/time.js';
import {now, nowMs} from '../lib/clock.js';
import {prepareCards} from '../views/list-view.js';
import {resolveLocale} from '../lib/i18n.js';
import type {FormatChoice} from '../lib/feeds/index.js';
import type {When} from '../lib/show/filter.js';
import type {Shown} from '../lib/events/model.js';
import type {VisitorFilters} from '../lib/show/facets.js';

/** The list's attributes a load reads. */
export interface FeedsHost extends ReactiveControllerHost, HTMLElement {
  src: string;
  format: FormatChoice;
  fields?: string;
  proxy?: string;
  from: string;
  to: string;
  when: When;
  view: 'list' | 'month';
  month: string;
  timeout?: number;
  maxBytes?: string;
  refresh?: number;
}

/** What the list works out itself. */
export interface FeedsNeeds {
  timeZone: () => string;
  pageSize: () => number;
}

/** The properties whose change loads the feeds again. */
const LOAD_SETTINGS = ['src', 'format', 'timeZone', 'proxy', 'timeout', 'fields', 'maxBytes', 'refresh'];
const DAY_MS = 86_400_000;

/**
 * What a month grid's first look needs: every event of its six weeks (from up to a week before
 * the 1st), with a day to spare for any zone, so none is looked up before the feed is asked for.
 * Without a `month`, the current month wherever the viewer is: up to 40 days back and 47 ahead.
 */
function monthFirstLook(monthAttribute: string) {
  const shown = parseMonth(monthAttribute);
  const first = shown ? Date.UTC(shown.year, shown.month - 1, 1) : nowMs() - 32 * DAY_MS;
  return {from: new Date(first - 8 * DAY_MS), to: new Date(first + (shown ? 46 : 79) * DAY_MS), count: 1};
}

export class ListFeeds extends FeedLoader<FeedsHost> {
  // `<event-source>` children added or removed: load again.
  private readonly children = new MutationObserver((records) => {
    const touchesSources = (nodes: NodeList) => [...nodes].some((node) => node instanceof EventSourceElement);
    if (records.some((r) => touchesSources(r.addedNodes) || touchesSources(r.removedNodes))) this.start();
  });

  constructor(
    host: FeedsHost,
    private readonly needs: FeedsNeeds,
    /**
     * The visitor's filters (controllers/list-filters.ts): a list with a bar gets no first look;
     * the `when` that applies and the visitor's dates say which dates are shown.
     */
    private readonly filters: {readonly controls: readonly unknown[]; readonly when: When; readonly visitor: VisitorFilters}
  ) {
    super(host);
    host.addEventListener('event-source-change', () => this.start());
  }

  override hostConnected() {
    super.hostConnected();
    this.children.observe(this.host, {childList: true});
    // Attached again after a move in the DOM: a load that was aborted on disconnect starts again.
    if (this.status === 'loading') this.start();
  }

  override hostDisconnected() {
    super.hostDisconnected();
    this.children.disconnect();
  }

  /** In the host's `willUpdate`: a changed setting loads the feeds again. */
  update(changed: ReadonlyMap<PropertyKey, unknown>) {
    if (LOAD_SETTINGS.some((key) => changed.has(key))) this.start();
  }

  /** The feeds to load: every URL in `src`, then each `<event-source>` child. */
  get sources(): Source[] {
    const {host} = this;
    const {format, fields, proxy} = host;
    const fromSrc = host.src
      .split(/\s+/)
      .filter(Boolean)
      .map((src) => ({src, format, fields, proxy}));
    const children = [...host.querySelectorAll(':scope > event-source')]
      .filter((el): el is EventSourceElement => el instanceof EventSourceElement && Boolean(el.src))
      .map((el) => ({
        src: el.src,
        label: el.label,
        color: el.color,
        format: oneOf(el.format, FORMATS, format),
        fields: el.fields ?? fields,
        proxy: el.proxy ?? proxy,
      }));
    return [...fromSrc, ...children];
  }

  /** In the host's `willUpdate`, after the filters: series are expanded further when the list shows dates they do not cover. */
  follow() {
    this.expandAround(() => this.shown(this.needs.timeZone()));
  }

  /**
   * What the list shows, for the parser to expand series around (lib/show/window.ts): the `when`
   * that applies, the page's and the visitor's `from`/`to`, the month a grid shows. Without a
   * `month`, the UTC month: the window expanded around it is a year wider than any zone's.
   */
  private shown(zone: string): Shown {
    const {host, filters} = this;
    const at = now();
    const bound = (value: string) => resolveDateBound(value, at, zone);
    const visitorTo = bound(filters.visitor.to);
    const month = host.view === 'month' ? (parseMonth(host.month) ?? {year: at.getUTCFullYear(), month: at.getUTCMonth() + 1}) : undefined;
    // The visitor's bounds, which the page's narrow, else the page's: never less than is shown.
    // The visitor's "to" is the last day they want to see.
    const to = visitorTo ? new Date(visitorTo.getTime() + DAY_MS) : bound(host.to);
    return {when: filters.when, month, from: bound(filters.visitor.from) ?? bound(host.from), to, now: at};
  }

  /** Loads the feeds afresh; `force` (a "try again") skips the memory of a failure moments ago. */
  start(force = false) {
    const {host, needs, filters} = this;
    const at = now();
    // Without bounds no zone is needed: a first load asks for the feed before looking one up.
    const zone = host.from || host.to || filters.visitor.from || filters.visitor.to ? needs.timeZone() : '';
    const from = resolveDateBound(host.from, at, zone);
    const month = host.view === 'month';
    // A big feed's first cards are drawn before it is read to the end: the list's top is its
    // soonest events, a month grid's its month's, which the parser reads first. Not for the
    // newest-first past, nor under a filter bar: its choices and counts need every event, and
    // arriving after the cards it would push them down.
    const preview =
      this.filters.controls.length || (host.when === 'past' && !month)
        ? undefined
        : month
          ? monthFirstLook(host.month)
          : {from: host.when === 'upcoming' && (!from || from < at) ? at : from, count: needs.pageSize()};
    this.load(
      this.sources,
      {
        // Asked when the feed arrives: the request goes out before the page's first zone lookup.
        timeZone: needs.timeZone,
        timeout: timerMs('timeout', host.timeout, TIMEOUT_RANGE),
        maxBytes: parseByteSize(host.maxBytes),
        refresh: timerMs('refresh', host.refresh, REFRESH_RANGE),
        shown: this.shown(zone),
        preview,
      },
      {force}
    );
    if (this.status === 'loading') setTimeout(() => prepareCards(resolveLocale(host), needs.timeZone()));
  }
}
