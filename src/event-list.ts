import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import {FeedError, type CalendarEvent, type SkippedItem} from './lib/model.js';
import type {FormatChoice} from './lib/feeds/index.js';
import {filterEvents, parseList, type When} from './lib/filter.js';
import {groupEvents, type GroupBy} from './lib/group.js';
import {formatGroupHeading} from './lib/format.js';
import {resolveLocale, uiStrings, type UiStrings} from './lib/i18n.js';
import {loadFeed, mergeEvents} from './lib/load-feed.js';
import {isTimeZone, resolveDateBound, viewerTimeZone} from './lib/time.js';
import {EventListErrorEvent, EventListLoadEvent} from './events.js';
import {eventListStyles} from './styles/event-list.styles.js';
import {defineElement} from './define.js';
import './event-card.js';
import {EventSourceElement} from './event-source.js';

/** Events rendered at first, and added per "show more", when `limit` is not set. */
const DEFAULT_PAGE_SIZE = 50;

const CARD_PARTS = ['base', 'title', 'date', 'location', 'organizer', 'categories', 'description', 'image', 'link', 'actions']
  .map((part) => `${part}:card__${part}`)
  .join(', ');

type Status = 'idle' | 'loading' | 'loaded' | 'error';

const FORMATS = ['auto', 'json', 'rss', 'atom', 'ics', 'jsonld', 'markdown'] as const;

/** One feed to load: a URL of `src`, or an `<event-source>` child with its own options. */
interface Source {
  src: string;
  label?: string;
  format: FormatChoice;
  fields?: string;
  proxy?: string;
}

const hostOf = (url: string) => {
  try {
    return new URL(url, document.baseURI).host;
  } catch {
    return url;
  }
};

const oneOf = <T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * Shows an organisation's events from one or more feeds (JSON, JSON Feed, RSS, Atom, iCalendar,
 * JSON-LD), filtered by category, place, organiser, text and date, grouped by day, in the
 * reader's language and time zone. The children are fallback content, shown until the events
 * arrive and again if the feed cannot be read.
 *
 * @summary An embeddable, filterable list of events from a feed.
 * @tag event-list
 *
 * @slot - Fallback content: shown while loading and on error (for example a link to the calendar).
 * @slot empty - Shown when no event passes the filters.
 * @slot error - Replaces the built-in error message.
 *
 * @csspart toolbar - The row above the list with the result count.
 * @csspart list - The container of all groups.
 * @csspart group - One day's (or month's) events.
 * @csspart group-heading - The heading of a group.
 * @csspart card - Each `<event-card>`; its parts are re-exported as `card__base`, `card__title`, `card__date`, `card__location`, `card__organizer`, `card__categories`, `card__description`, `card__image`, `card__link`, `card__actions`.
 * @csspart empty - The "no events" message.
 * @csspart error - The error message.
 * @csspart status - The loading message.
 * @csspart more - The "show more" button.
 *
 * @cssproperty [--event-list-gap=calc(var(--event-space, 1rem) * 0.75)] - Space between cards.
 * @cssproperty [--event-list-max-width=none] - Maximum width of the list.
 * @cssproperty [--event-list-heading-color=var(--event-color-text)] - Colour of group headings.
 * @cssproperty [--event-list-background=transparent] - Background behind the list (set by `theme`).
 * @cssproperty [--event-color-accent=#b33c0b] - Accent: dates, chips, links, focus ring.
 * @cssproperty [--event-color-text=inherit] - Text colour.
 * @cssproperty [--event-color-muted=currentColor at 66%] - Secondary text.
 * @cssproperty [--event-color-surface=transparent] - Card surface.
 * @cssproperty [--event-color-border=currentColor at 16%] - Borders.
 * @cssproperty [--event-font-family=inherit] - Font.
 * @cssproperty [--event-radius=0.75rem] - Corner radius.
 * @cssproperty [--event-space=1rem] - Base spacing unit.
 *
 * @fires {EventListLoadEvent} event-list-load - Feeds were loaded; `.events` holds every event, `.skipped` the items that could not be read.
 * @fires {EventListErrorEvent} event-list-error - A feed failed; `.error.kind` is `network`, `cors`, `http`, `parse` or `timeout`, `.src` the feed.
 */
export class EventListElement extends LitElement {
  static override styles = eventListStyles;

  /** Feed URL; several URLs separated by white space are fetched in parallel and merged. */
  @property() src = '';

  /** Feed format: `auto` (sniff the body and content type), `json`, `rss`, `atom`, `ics`, `jsonld`. */
  @property() format: FormatChoice = 'auto';

  /** Keep events in any of these categories (comma-separated; case- and accent-insensitive). */
  @property() categories = '';

  /** Keep events at any of these places (comma-separated). */
  @property() locations = '';

  /** Keep events by any of these organisers (comma-separated). */
  @property() organizers = '';

  /** Free-text filter over title, description, place, organiser and categories. */
  @property() search = '';

  /** Start of the date window: an ISO date, `today`, or an offset such as `-1 month`. */
  @property() from = '';

  /** End of the date window (exclusive): an ISO date, `today`, or an offset such as `+3 months`. */
  @property() to = '';

  /** Which events: `upcoming` (default; still running or later), `past` (newest first), `all`. */
  @property() when: When = 'upcoming';

  /** Show at most this many events, with a "show more" button for the rest. */
  @property({type: Number}) limit?: number;

  /** `list` (default). */
  @property({reflect: true}) view: 'list' | 'month' = 'list';

  /** Group the list by `day` (default), `month`, or `none`. */
  @property({attribute: 'group-by'}) groupBy: GroupBy = 'day';

  /** IANA zone for showing times and reading floating times; default: the nearest ancestor's `time-zone`, else the viewer's. */
  @property({attribute: 'time-zone'}) timeZone?: string;

  /** URL template for feeds without CORS headers, e.g. `https://proxy.example/?url={url}`. */
  @property() proxy?: string;

  /** Field map for custom JSON: `title: name, start: when.begins, categories: kind` (see the README). */
  @property() fields?: string;

  /** Seconds before a feed request is given up (default 15). */
  @property({type: Number}) timeout?: number;

  /** Unset: inherit the page's colours; `light`, `dark`, or `auto` (follows the system setting). */
  @property({reflect: true}) theme?: 'light' | 'dark' | 'auto';

  @state() private status: Status = 'idle';
  @state() private loaded: CalendarEvent[] = [];
  @state() private supplied?: CalendarEvent[];
  @state() private errors: Array<{source: Source; error: FeedError}> = [];
  @state() private shownCount = 0;

  private controller?: AbortController;
  private visible: CalendarEvent[] = [];
  private sourceCount = 0;
  // `<event-source>` children added, removed or changed: load again.
  private readonly childObserver = new MutationObserver((records) => {
    const touchesSources = (nodes: NodeList) => [...nodes].some((node) => node instanceof EventSourceElement);
    if (records.some((r) => touchesSources(r.addedNodes) || touchesSources(r.removedNodes))) this.startLoading();
  });

  constructor() {
    super();
    this.addEventListener('event-source-change', () => this.startLoading());
  }

  /** Every parsed event (from `src`), or the events supplied by setting this property. */
  get events(): CalendarEvent[] {
    return this.supplied ?? this.loaded;
  }
  set events(value: CalendarEvent[]) {
    this.supplied = Array.isArray(value) ? value : undefined;
  }

  /** The events that pass the filters now, in display order (before `limit`). */
  get visibleEvents(): CalendarEvent[] {
    return this.visible;
  }

  private get resolvedTimeZone(): string {
    const zone = this.timeZone ?? this.parentElement?.closest('[time-zone]')?.getAttribute('time-zone');
    return isTimeZone(zone) ? zone : viewerTimeZone();
  }

  private get pageSize(): number {
    return this.limit && this.limit > 0 ? Math.floor(this.limit) : DEFAULT_PAGE_SIZE;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.childObserver.observe(this, {childList: true});
    // Re-attached after a move in the DOM: a load that was aborted on disconnect starts again.
    if (this.hasUpdated && this.status === 'loading') this.startLoading();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.childObserver.disconnect();
    this.controller?.abort();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (['src', 'format', 'timeZone', 'proxy', 'timeout', 'fields'].some((key) => changed.has(key as keyof EventListElement))) {
      this.startLoading();
    }
    const filtersChanged = ['categories', 'locations', 'organizers', 'search', 'from', 'to', 'when', 'limit', 'timeZone'].some((key) =>
      changed.has(key as keyof EventListElement)
    );
    if (filtersChanged || changed.has('loaded' as keyof EventListElement) || changed.has('supplied' as keyof EventListElement)) {
      this.visible = this.computeVisible();
      if (filtersChanged || this.shownCount === 0) this.shownCount = this.pageSize;
    }
  }

  private computeVisible(): CalendarEvent[] {
    const now = new Date();
    const zone = this.resolvedTimeZone;
    return filterEvents(
      this.events,
      {
        categories: parseList(this.categories),
        locations: parseList(this.locations),
        organizers: parseList(this.organizers),
        search: this.search,
        from: resolveDateBound(this.from, now, zone),
        to: resolveDateBound(this.to, now, zone),
        when: oneOf(this.when, ['upcoming', 'past', 'all'] as const, 'upcoming'),
      },
      now
    );
  }

  /** The feeds to load: every URL in `src`, then each `<event-source>` child. */
  private get sources(): Source[] {
    const format = oneOf(this.format, FORMATS, 'auto');
    const fromSrc = this.src.split(/\s+/).filter(Boolean).map((src) => ({src, format, fields: this.fields, proxy: this.proxy}));
    const children = [...this.querySelectorAll(':scope > event-source')]
      .filter((el): el is EventSourceElement => el instanceof EventSourceElement && Boolean(el.src))
      .map((el) => ({
        src: el.src,
        label: el.label,
        format: oneOf(el.format, FORMATS, format),
        fields: el.fields ?? this.fields,
        proxy: el.proxy ?? this.proxy,
      }));
    return [...fromSrc, ...children];
  }

  /** Fetches every source in parallel; each shows as soon as it arrives, and fails on its own. */
  private startLoading() {
    this.controller?.abort();
    const sources = this.sources;
    this.sourceCount = sources.length;
    if (!sources.length) {
      this.status = 'idle';
      this.loaded = [];
      this.errors = [];
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    this.errors = [];
    const timeZone = this.resolvedTimeZone;
    const perSource: CalendarEvent[][] = sources.map(() => []);
    const skipped: SkippedItem[] = [];
    const timeout = this.timeout ? this.timeout * 1000 : undefined;

    const loads = sources.map(async (source, index) => {
      const result = await loadFeed(source.src, {...source, timeZone, timeout, signal: controller.signal});
      if (controller.signal.aborted) return;
      if (result instanceof FeedError) {
        this.errors = [...this.errors, {source, error: result}];
        this.dispatchEvent(new EventListErrorEvent(result, source.src));
        return;
      }
      if (source.label) result.events.forEach((event) => (event.sourceLabel = source.label));
      perSource[index] = result.events;
      skipped.push(...result.skipped);
      if (result.skipped.length) {
        console.warn(`feedcal: skipped ${result.skipped.length} item(s) in ${source.src}:`, result.skipped.map((s) => `#${s.index}: ${s.reason}`));
      }
      this.loaded = mergeEvents(perSource);
      this.status = 'loaded';
    });
    Promise.allSettled(loads).then(() => {
      if (controller.signal.aborted) return;
      if (this.errors.length === sources.length) this.status = 'error';
      else this.dispatchEvent(new EventListLoadEvent(this.loaded, skipped));
    });
  }

  private showMore() {
    this.shownCount += this.pageSize;
  }

  private renderError(strings: UiStrings) {
    const messages = this.errors.map(({source, error}) => {
      const template = strings.error[error.code];
      const text = typeof template === 'function' ? template(error.detail.status ?? 0) : template;
      // With several sources, say which one failed.
      return this.sourceCount > 1 ? `${source.label ?? hostOf(source.src)}: ${text}` : text;
    });
    return html`<div part="error" role="alert">
      <slot name="error"><p class="error-title">${strings.errorTitle}</p>${[...new Set(messages)].map((m) => html`<p>${m}</p>`)}</slot>
    </div>`;
  }

  private renderList(strings: UiStrings, locale: string, timeZone: string) {
    const shown = this.visible.slice(0, this.shownCount);
    const groupBy = oneOf(this.groupBy, ['day', 'month', 'none'] as const, 'day');
    const groups = groupEvents(shown, groupBy, timeZone);
    const now = new Date();
    const remaining = this.visible.length - shown.length;
    const cards = (events: CalendarEvent[]) => html`<ol class="cards" role="list">
      ${repeat(events, (event) => event.id, (event) => html`<li>
        <event-card part="card" exportparts=${CARD_PARTS} .event=${event} time-zone=${timeZone} lang=${locale}
          date-style=${groupBy === 'day' ? 'time' : 'full'} heading-level=${groupBy === 'none' ? 2 : 3}></event-card></li>`)}
    </ol>`;
    return html`
      <div part="list" aria-label=${strings.events}>
        ${groupBy === 'none'
          ? cards(shown)
          : repeat(groups, (group) => group.key, (group) => html`<section part="group" aria-labelledby="g-${group.key}">
              <h2 part="group-heading" id="g-${group.key}">${formatGroupHeading(group.date, groupBy, locale, timeZone, now)}</h2>
              ${cards(group.events)}
            </section>`)}
      </div>
      ${remaining > 0
        ? html`<button part="more" @click=${() => this.showMore()}>${strings.showMore(Math.min(remaining, this.pageSize))}</button>`
        : nothing}
    `;
  }

  override render() {
    const locale = resolveLocale(this);
    const strings = uiStrings(locale);
    const timeZone = this.resolvedTimeZone;
    const hasData = this.supplied !== undefined || this.status === 'loaded';
    if (!hasData) {
      if (this.status === 'error') return html`${this.renderError(strings)}<div class="fallback"><slot></slot></div>`;
      return html`<div part="status" role="status" aria-busy=${this.status === 'loading'}>
          ${this.status === 'loading' ? html`<span class="spinner" aria-hidden="true"></span>${strings.loading}` : nothing}
        </div>
        <div class="fallback"><slot></slot></div>`;
    }
    const filtered = this.categories || this.locations || this.organizers || this.search;
    return html`
      <div part="toolbar"><span class="count" role="status">${strings.resultCount(this.visible.length)}</span></div>
      ${this.errors.length ? this.renderError(strings) : nothing}
      ${this.visible.length
        ? this.renderList(strings, locale, timeZone)
        : html`<div part="empty"><slot name="empty">${filtered ? strings.emptyFiltered : strings.empty}</slot></div>`}
    `;
  }
}

defineElement('event-list', EventListElement);

declare global {
  interface HTMLElementTagNameMap {
    'event-list': EventListElement;
  }
}
