import {LitElement, html, nothing, type CSSResult, type PropertyValues} from 'lit';
import {hostOf} from './lib/events/normalise.js';
import {type CalendarEvent} from './lib/events/model.js';
import type {FormatChoice} from './lib/feeds/index.js';
import {parseList, type FilterCriteria, type When} from './lib/show/filter.js';
import {NO_VISITOR_FILTERS, facetEvents, hasVisitorFilters, type Facets, type VisitorFilters} from './lib/show/facets.js';
import type {GroupBy} from './lib/show/group.js';
import {formatRelative} from './lib/format.js';
import {isRtl, type UiStrings} from './lib/i18n.js';
import {UiLanguage} from './controllers/ui-language.js';
import {completeAfter} from './controllers/complete-after.js';
import {dayKey, isTimeZone, resolveDateBound, viewerTimeZone} from './lib/time.js';
import type {ListState} from './lib/url-state.js';
import {EventCardSelectEvent, EventListFilterChangeEvent} from './events.js';
import {FeedLoader, type Source} from './controllers/feed-loader.js';
import {UrlSync} from './controllers/url-sync.js';
import {StructuredData} from './controllers/structured-data.js';
import type {Control} from './views/filter-bar.js';
import {drawSampleCard, prepareCards, sampleCardHeight, renderCards, renderListView} from './views/list-view.js';
import {eventListStyles} from './styles/event-list.styles.js';
import {defineElement} from './define.js';
import {whenIdle} from './lib/idle.js';
import './event-card.js';
import {EventSourceElement} from './event-source.js';
import {flagConverter} from './lib/attributes.js';
import {isLightColour} from './lib/page-colour.js';
import {now, nowMs} from './lib/clock.js';

/** Events rendered at first, and added per "show more", when `limit` is not set. */
const DEFAULT_PAGE_SIZE = 20;
/**
 * Cards drawn in the first frame after the shown events change: about a screenful. The rest of
 * the page follows once that frame is painted, so a first load or a filter change shows its
 * result without waiting for cards below the fold. Before any card has been drawn the list
 * counts from the sample card laid out while the page was idle (list-view.ts), else guesses 8;
 * afterwards from the room the drawn cards took (`cardsPerScreen`).
 */
const FIRST_FRAME_CARDS = 8;
/** Milliseconds of quiet typing before the search filter applies. */
const SEARCH_DEBOUNCE = 200;
const FORMATS = ['auto', 'json', 'rss', 'atom', 'ics', 'jsonld', 'markdown'] as const;
let instances = 0;

const CONTROLS: readonly Control[] = ['search', 'categories', 'locations', 'organizers', 'dates', 'view'];

// The filter bar, the month view and the details dialog are code only some lists need: imported
// on first use, once.
type FilterBar = typeof import('./views/filter-bar.js');
let filterBar: FilterBar | undefined;
let filterBarLoading: Promise<FilterBar> | undefined;
/** The filter bar's chunk could not be loaded: lists show their events without it. */
let filterBarFailed = false;
type MonthView = typeof import('./views/month-view.js');
let monthView: MonthView | undefined;
let monthViewLoading: Promise<MonthView> | undefined;
type DialogView = typeof import('./views/dialog.js');
let dialogView: DialogView | undefined;
let dialogViewLoading: Promise<DialogView> | undefined;
const loadDialogView = () =>
  (dialogViewLoading ??= import('./views/dialog.js').then(
    (module) => (dialogView = module),
    (error) => {
      dialogViewLoading = undefined; // a later click asks again
      throw error;
    }
  ));
const preloadDialog = () => void loadDialogView().catch(() => {});

const oneOf = <T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** `5MB`, `800 kB`, `1048576` → bytes; undefined (the default) for anything else. */
function parseByteSize(value: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const unit = {b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3}[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(+match[1] * unit) || undefined;
}

/**
 * Runs `callback` once the next frame is painted and the page is idle (so it delays neither that
 * frame nor what the page had queued behind it); at most 200 ms later where frames or idle
 * periods do not come (a hidden tab). Then the frame request is cancelled: a hidden tab keeps
 * it, and with it the list, until the tab is shown again.
 */
function afterNextPaint(callback: () => void) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    callback();
  };
  const frame = requestAnimationFrame(() => whenIdle(run, 100));
  const fallback = setTimeout(run, 200);
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** `YYYY-MM` as numbers, when it is a month. */
function parseMonth(value: string): {year: number; month: number} | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match && +match[2] >= 1 && +match[2] <= 12 ? {year: +match[1], month: +match[2]} : undefined;
}

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

/**
 * Shows an organisation's events from one or more feeds (JSON, JSON Feed, RSS, Atom, iCalendar,
 * JSON-LD, Markdown event files) as a list or a month grid, filtered by category, place,
 * organiser, text and date, in the reader's language and time zone. The children are fallback
 * content, shown until the events arrive and again if the feed cannot be read.
 *
 * @summary An embeddable, filterable calendar of events from feeds.
 * @tag event-list
 *
 * @attr lang - (global) The language of the strings and dates; else the nearest ancestor's, the page's, the browser's. A later change, here or on an ancestor, redraws.
 *
 * @slot - Fallback content: shown while loading and on error (for example a link to the calendar). `<event-source>` children go here too.
 * @slot empty - Replaces the message shown when there are no events, or none pass the filters.
 * @slot error - Replaces the built-in error message.
 *
 * @csspart toolbar - The filter bar, or the row with the result count.
 * @csspart search - The search field.
 * @csspart chip - A category chip of the filter bar.
 * @csspart list - The container of all groups.
 * @csspart group - One day's (or month's) events.
 * @csspart group-heading - The heading of a group.
 * @csspart card - Each `<event-card>`; its parts are re-exported as `card__base`, `card__title`, `card__date`, `card__location`, `card__organizer`, `card__categories`, `card__description`, `card__details`, `card__image`, `card__link`, `card__actions`.
 * @csspart month - The month view.
 * @csspart month-title - The month view's heading.
 * @csspart nav - The month view's previous/today/next buttons.
 * @csspart grid - The month view's table.
 * @csspart day - A day cell of the month grid.
 * @csspart event - An event in a day cell.
 * @csspart day-list - The list of one day's events, opened from the grid.
 * @csspart dialog - The details dialog (`details="dialog"`).
 * @csspart empty - The "no events" message.
 * @csspart error - The error message (with a "try again" button).
 * @csspart stale - The notice shown when a refresh failed and the last good copy is shown.
 * @csspart status - The loading message.
 * @csspart more - The "show more" button.
 *
 * @cssproperty [--event-list-gap=calc(var(--event-space, 1rem) * 0.75)] - Space between cards.
 * @cssproperty [--event-list-max-width=none] - Maximum width of the list.
 * @cssproperty [--event-list-heading-color=var(--event-color-text)] - Colour of group headings.
 * @cssproperty [--event-list-background=transparent] - Background behind the list (set by `theme`).
 * @cssproperty [--event-color-accent=#b33c0b] - Accent: dates, chips, links, focus ring, today (`#fb923c` with `theme="dark"` or on a dark page).
 * @cssproperty [--event-color-on-accent=#fff] - Text on the accent colour.
 * @cssproperty [--event-color-text=inherit] - Text colour.
 * @cssproperty [--event-color-muted=currentColor at 66%] - Secondary text.
 * @cssproperty [--event-color-surface=transparent] - Card and field surface.
 * @cssproperty [--event-color-border=currentColor at 16%] - Borders.
 * @cssproperty [--event-font-family=inherit] - Font.
 * @cssproperty [--event-radius=0.75rem] - Corner radius.
 * @cssproperty [--event-space=1rem] - Base spacing unit.
 *
 * @fires {EventListLoadEvent} event-list-load - Feeds were loaded (and again when a refresh or a source change brings new data); `.events` holds every event, `.skipped` the items that could not be read.
 * @fires {EventListErrorEvent} event-list-error - A feed failed; `.error.kind` is `network`, `cors`, `http`, `parse` or `timeout`, `.src` the feed.
 * @fires {EventListFilterChangeEvent} event-list-filter-change - The visitor changed a filter, the view or the month.
 * @fires {EventCardSelectEvent} event-card-select - From a card in the list: the visitor opened an event's details. Cancelable: `preventDefault()` keeps it closed (the list cancels it itself when it opens the dialog instead).
 */
export class EventListElement extends LitElement {
  static override styles = eventListStyles;
  // Declared here rather than with decorators: the same accessors, about a kilobyte less to
  // download (no decorator calls or helpers). Each property is documented where it is declared.
  static override properties = {
    src: {},
    format: {},
    categories: {},
    locations: {},
    organizers: {},
    search: {},
    from: {},
    to: {},
    when: {},
    limit: {type: Number},
    view: {reflect: true},
    month: {},
    groupBy: {attribute: 'group-by'},
    timeZone: {attribute: 'time-zone'},
    proxy: {},
    fields: {},
    timeout: {type: Number},
    maxBytes: {attribute: 'max-bytes'},
    refresh: {type: Number},
    controls: {},
    details: {},
    syncUrl: {attribute: 'sync-url', type: Boolean, converter: flagConverter},
    noAddToCalendar: {attribute: 'no-add-to-calendar', type: Boolean, converter: flagConverter},
    noStructuredData: {attribute: 'no-structured-data', type: Boolean, converter: flagConverter},
    theme: {reflect: true},
    supplied: {state: true},
    shownCount: {state: true},
    drawnCount: {state: true},
    visitor: {state: true},
    focusedDay: {state: true},
    openDay: {state: true},
    selected: {state: true},
  };

  /** Feed URL; several URLs separated by white space are fetched in parallel and merged. */
  src = '';

  /** Feed format: `auto` (sniff the body and content type), `json`, `rss`, `atom`, `ics`, `jsonld`, `markdown` (one file with YAML front matter, as Hugo sites keep events). */
  format: FormatChoice = 'auto';

  /** Keep events in any of these categories (comma-separated; case- and accent-insensitive). */
  categories = '';

  /** Keep events at any of these places (comma-separated): by name, or as whole words of an address (`Stockholm` finds "Folkungagatan 10, Stockholm"). */
  locations = '';

  /** Keep events by any of these organisers (comma-separated). */
  organizers = '';

  /** Free-text filter over title, description, place, organiser and categories. */
  search = '';

  /** Start of the date window: an ISO date, `today`, `tomorrow`, or an offset such as `-1 month`. */
  from = '';

  /** End of the date window (exclusive): an ISO date, `today`, `tomorrow`, or an offset such as `+3 months`. */
  to = '';

  /** Which events the list shows: `upcoming` (default; still running or later), `past` (newest first), `all`. */
  when: When = 'upcoming';

  /** Show at most this many events, with a "show more" button for the rest. */
  limit?: number;

  /** `list` (default) or `month`. */
  view: 'list' | 'month' = 'list';

  /** The month the month view shows, `YYYY-MM`; default: the current month. */
  month = '';

  /** Group the list by `day` (default), `month`, or `none`. */
  groupBy: GroupBy = 'day';

  /** IANA zone for showing times and reading floating times; default: the nearest ancestor's `time-zone`, else the viewer's. A viewer whose clock differs sees the zone's name after each time. */
  timeZone?: string;

  /** URL template for feeds without CORS headers, e.g. `https://proxy.example/?url={url}`. */
  proxy?: string;

  /** Field map for custom JSON: `title: name, start: when.begins, categories: kind` (see the README). */
  fields?: string;

  /** Seconds before a feed request is given up (default 15). */
  timeout?: number;

  /** Largest feed accepted, in bytes or with a unit (`800KB`, `10MB`); default 5 MB. */
  maxBytes?: string;

  /** Seconds between background refreshes (at least 30); a changed feed updates the view and keeps the visitor's place. */
  refresh?: number;

  /** Filters the visitor can use, in this order: any of `search categories locations organizers dates view`. */
  controls = '';

  /** Where an event's details open: `inline` (default: the card grows) or `dialog`. */
  details: 'inline' | 'dialog' = 'inline';

  /** Keep the visitor's filters, view, month and open event in the page address (prefixed with the element's `id`). */
  syncUrl = false;

  /** Hide the add-to-calendar actions. */
  noAddToCalendar = false;

  /** Do not write schema.org `Event` JSON-LD for search engines. */
  noStructuredData = false;

  /** Unset: inherit the page's colours; `light`, `dark`, or `auto` (follows the system setting). */
  theme?: 'light' | 'dark' | 'auto';

  private supplied?: CalendarEvent[];
  private shownCount = 0;
  /** How many cards this frame draws while the rest of the page waits (the first screenful); undefined: all shown. */
  private drawnCount?: number;
  /** Settles when the rest of the page has been drawn. */
  private restDrawn?: Promise<void>;
  private visitor: VisitorFilters = NO_VISITOR_FILTERS;
  private focusedDay = '';
  private openDay?: string;
  private selected?: CalendarEvent;

  private readonly loader = new FeedLoader(this);
  private readonly language = new UiLanguage(this);
  private readonly internals = this.attachInternals();
  private readonly url = new UrlSync(
    this,
    () => ({current: this.urlState(), defaults: this.urlState(true)}),
    (state) => this.applyUrlState(state)
  );
  private facets: Facets = {visible: [], categories: [], locations: [], organizers: []};
  private facetedEvents?: CalendarEvent[];
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly structuredData = new StructuredData(this);
  private readonly idPrefix = `feedcal-${++instances}`;
  // `<event-source>` children added or removed: load again.
  private readonly childObserver = new MutationObserver((records) => {
    const touchesSources = (nodes: NodeList) => [...nodes].some((node) => node instanceof EventSourceElement);
    if (records.some((r) => touchesSources(r.addedNodes) || touchesSources(r.removedNodes))) this.startLoading();
  });

  constructor() {
    super();
    this.addEventListener('event-source-change', () => this.startLoading());
  }

  /**
   * Every parsed event (from `src`), or the events supplied by setting this property. While a big
   * JSON feed is still being read, the soonest events read so far (its first look), until
   * `event-list-load`.
   */
  get events(): CalendarEvent[] {
    return this.supplied ?? this.loader.events;
  }
  set events(value: CalendarEvent[]) {
    this.supplied = Array.isArray(value) ? value : undefined;
  }

  /**
   * Loads the feeds again now, in the background: what is shown stays until the new copy
   * arrives, and the visitor's filters, place and open details are kept.
   */
  reload(): void {
    this.loader.refresh();
  }

  /** The events that pass the filters now, in display order (before `limit`). */
  get visibleEvents(): CalendarEvent[] {
    return this.facets.visible;
  }

  private get resolvedTimeZone(): string {
    const zone = this.timeZone ?? this.parentElement?.closest('[time-zone]')?.getAttribute('time-zone');
    return isTimeZone(zone) ? zone : viewerTimeZone();
  }

  private get pageSize(): number {
    return this.limit && this.limit > 0 ? Math.floor(this.limit) : DEFAULT_PAGE_SIZE;
  }

  private get activeControls(): Control[] {
    const wanted = this.controls.split(/[\s,]+/);
    return CONTROLS.filter((control) => wanted.includes(control));
  }

  /** The month shown: the `month` attribute when valid, else the current month. */
  private get shownMonth(): {year: number; month: number} {
    const shown = parseMonth(this.month);
    if (shown) return shown;
    const [year, month] = dayKey(now(), this.resolvedTimeZone).split('-').map(Number);
    return {year, month};
  }

  /** The feeds to load: every URL in `src`, then each `<event-source>` child. */
  private get sources(): Source[] {
    const format = oneOf(this.format, FORMATS, 'auto');
    const fromSrc = this.src.split(/\s+/).filter(Boolean).map((src) => ({src, format, fields: this.fields, proxy: this.proxy}));
    const children = [...this.querySelectorAll(':scope > event-source')]
      .filter((el): el is EventSourceElement => el instanceof EventSourceElement && Boolean(el.src))
      .map((el) => ({src: el.src, label: el.label, format: oneOf(el.format, FORMATS, format), fields: el.fields ?? this.fields, proxy: el.proxy ?? this.proxy}));
    return [...fromSrc, ...children];
  }

  /** The view the page asked for, before any visitor or address changed it. */
  private pageView: 'list' | 'month' = 'list';
  private pageMonth = '';

  override connectedCallback() {
    if (!this.hasUpdated) {
      this.pageView = this.getAttribute('view') === 'month' ? 'month' : 'list';
      this.pageMonth = this.getAttribute('month') ?? '';
    }
    super.connectedCallback();
    // On a dark page (light inherited text) and without a theme, the styles take the dark
    // palette's accent: the light page's one is too dark to read there.
    const onDark = isLightColour(getComputedStyle(this).color);
    this.internals.states?.[onDark ? 'add' : 'delete']('on-dark');
    // A list that opens events in a dialog fetches its code when the page is idle, before the first click.
    if ((this.details === 'dialog' || this.view === 'month') && !dialogViewLoading) whenIdle(preloadDialog, 2000);
    this.childObserver.observe(this, {childList: true});
    // Re-attached after a move in the DOM: a load that was aborted on disconnect starts again.
    if (this.hasUpdated && this.loader.status === 'loading') this.startLoading();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.childObserver.disconnect();
    clearTimeout(this.searchTimer);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (['src', 'format', 'timeZone', 'proxy', 'timeout', 'fields', 'maxBytes', 'refresh'].some((key) => changed.has(key as keyof EventListElement))) {
      this.startLoading();
    }
    const filtersChanged = ['categories', 'locations', 'organizers', 'search', 'from', 'to', 'when', 'limit', 'visitor'].some((key) =>
      changed.has(key as keyof EventListElement)
    );
    // Filtering runs only when its inputs change: new events (the loader replaces the array),
    // a filter, the view (the month ignores `when`), the zone or the controls (only a filter bar
    // needs the choices) — not for every focus move.
    if (filtersChanged || this.events !== this.facetedEvents || changed.has('view') || changed.has('timeZone') || changed.has('controls')) {
      const firstDraw = !this.facetedEvents?.length;
      this.facetedEvents = this.events;
      this.facets = this.computeFacets();
      // A first draw or a new filter result starts at the top: draw what fits first. A refresh
      // redraws in place (the visitor may be reading card 15).
      if ((filtersChanged || firstDraw) && this.view !== 'month') {
        const firstScreen = this.cardsPerScreen();
        if (Math.min(this.facets.visible.length, this.pageSize) > firstScreen) this.drawFirstScreenFirst(firstScreen);
      }
      // After a refresh the open event is a new object with the same id: keep it open.
      if (this.selected) this.selected = this.events.find((event) => event.id === this.selected!.id) ?? this.selected;
    }
    if (filtersChanged || this.shownCount === 0) this.shownCount = this.pageSize;
    if (this.view === 'month' && !monthView) void this.loadMonthView();
    if (this.controls && !filterBar && !filterBarFailed) void this.loadFilterBar();
    if (this.selected && !dialogView) void this.loadDialog();
    if (this.pendingEventId) this.openPendingEvent();
  }

  override updated(changed: PropertyValues<this>) {
    if (this.selected) {
      const dialog = this.shadowRoot!.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    }
    if (changed.has('focusedDay' as keyof EventListElement) && this.focusedDay) {
      this.shadowRoot!.querySelector<HTMLElement>(`td[data-day="${this.focusedDay}"]`)?.focus();
    }
    void this.structuredData.write(this.facets.visible.slice(0, this.shownCount), this.resolvedTimeZone, !this.noStructuredData);
  }

  /**
   * About how many cards fill the part of the window below the list's top, from the height the
   * cards drawn now take per card (headings included); before any is drawn, from the sample
   * card's height (a card with a two-line description, and no gap or heading: real cards take at
   * least that much room), else `FIRST_FRAME_CARDS`. Read before the update changes the DOM, so
   * the layout it reads is the one already painted.
   */
  private cardsPerScreen(): number {
    const list = this.shadowRoot?.querySelector('[part~="list"]');
    const drawn = list?.querySelectorAll('event-card').length ?? 0;
    const height = drawn ? list!.getBoundingClientRect().height / drawn : sampleCardHeight();
    if (!height) return FIRST_FRAME_CARDS;
    const room = window.innerHeight - Math.max(0, this.getBoundingClientRect().top);
    return Math.min(12, Math.max(3, Math.ceil(room / height)));
  }

  private drawFirstScreenFirst(count: number) {
    this.drawnCount = count;
    this.restDrawn ??= new Promise((resolve) =>
      afterNextPaint(() => {
        this.drawnCount = undefined;
        this.restDrawn = undefined;
        resolve();
      })
    );
  }

  /** `updateComplete` includes the language's strings and the cards drawn after the first frame. */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeAfter(() => super.getUpdateComplete(), () => this.language.loading ?? this.restDrawn ?? (this.selected && !dialogView ? dialogViewLoading : undefined));
  }

  private async loadFilterBar() {
    try {
      filterBar = await (filterBarLoading ??= import('./views/filter-bar.js'));
    } catch {
      filterBarFailed = true;
    }
    this.requestUpdate();
  }

  private async loadDialog() {
    await loadDialogView();
    this.requestUpdate();
  }

  /** Every list waiting for the month view's code draws again when the one shared import arrives. */
  private async loadMonthView() {
    monthView = await (monthViewLoading ??= import('./views/month-view.js'));
    this.requestUpdate();
  }

  private startLoading(force = false) {
    const at = now();
    const {from, to} = this.window(at);
    const when = oneOf(this.when, ['upcoming', 'past', 'all'] as const, 'upcoming');
    // A big feed's first cards are drawn before it is read to the end: the list's top is its
    // soonest events, a month grid's its month's, which the parser reads first. Not for the
    // newest-first past, nor under a filter bar: its choices and counts need every event, and
    // arriving after the cards it would push them down.
    const upcomingFrom = when === 'upcoming' && (!from || from < at) ? at : from;
    const preview =
      this.activeControls.length || (when === 'past' && this.view !== 'month')
        ? undefined
        : this.view === 'month'
          ? monthFirstLook(this.month)
          : {from: upcomingFrom, count: this.pageSize};
    this.loader.load(
      this.sources,
      {
        // Asked when the feed arrives: the request goes out before the page's first zone lookup.
        timeZone: () => this.resolvedTimeZone,
        timeout: this.timeout ? this.timeout * 1000 : undefined,
        maxBytes: parseByteSize(this.maxBytes),
        refresh: this.refresh,
        window: from || to ? {from, to} : undefined,
        preview,
      },
      {force}
    );
    if (this.loader.status === 'loading') setTimeout(() => prepareCards(this.language.locale, this.resolvedTimeZone));
  }

  private window(at = now()) {
    // Without bounds no zone is needed: a first load asks for the feed before looking one up.
    if (!this.from && !this.to) return {from: undefined, to: undefined};
    const zone = this.resolvedTimeZone;
    return {from: resolveDateBound(this.from, at, zone), to: resolveDateBound(this.to, at, zone)};
  }

  private computeFacets(): Facets {
    const at = now();
    const zone = this.resolvedTimeZone;
    const page: FilterCriteria = {
      categories: parseList(this.categories),
      locations: parseList(this.locations),
      organizers: parseList(this.organizers),
      search: this.search,
      ...this.window(at),
      // A month grid shows the whole month, past days included.
      when: this.view === 'month' ? 'all' : oneOf(this.when, ['upcoming', 'past', 'all'] as const, 'upcoming'),
    };
    const {search, categories, location, organizer, from, to} = this.visitor;
    const lastDay = resolveDateBound(to, at, zone);
    return facetEvents(
      this.events,
      page,
      {
        search,
        categories,
        locations: location ? [location] : [],
        organizers: organizer ? [organizer] : [],
        from: resolveDateBound(from, at, zone),
        // The visitor's "to" is the last day they want to see.
        to: lastDay && new Date(lastDay.getTime() + 86_400_000),
      },
      at,
      this.activeControls.length > 0
    );
  }

  // --- Visitor actions -------------------------------------------------------------------------

  /** A visitor's change: apply it, keep the address in step, tell the page. */
  private async visitorChanged(history: 'push' | 'replace') {
    await this.url.write(history);
    this.dispatchEvent(new EventListFilterChangeEvent());
  }

  private setVisitorFilters(filters: VisitorFilters) {
    clearTimeout(this.searchTimer);
    this.visitor = filters;
    this.updateComplete.then(() => this.visitorChanged('replace'));
  }

  private handleSearchInput(value: string) {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setVisitorFilters({...this.visitor, search: value}), SEARCH_DEBOUNCE);
  }

  private setView(view: 'list' | 'month') {
    this.view = view;
    this.updateComplete.then(() => this.visitorChanged('push'));
  }

  private setMonth(year: number, month: number, focusDay?: string) {
    this.month = monthKey(year, month);
    this.openDay = undefined;
    this.focusedDay = focusDay ?? `${this.month}-01`;
    this.updateComplete.then(() => this.visitorChanged('push'));
  }

  /** A card asks to open its details: in `dialog` mode the list shows them in its dialog instead. */
  private handleSelect(e: EventCardSelectEvent) {
    if (this.details !== 'dialog' || e.target === this.shadowRoot!.querySelector('dialog event-card')) return;
    e.preventDefault();
    this.openEvent(e.event);
  }

  private openEvent(event: CalendarEvent) {
    this.selected = event;
    this.updateComplete.then(() => this.url.write('push'));
  }

  private closeDialog() {
    this.selected = undefined;
    this.updateComplete.then(() => this.url.write('push'));
  }

  // --- Shareable state (sync-url) ---------------------------------------------------------------

  private urlState(defaults = false): ListState {
    const v = defaults ? NO_VISITOR_FILTERS : this.visitor;
    return {
      search: v.search,
      categories: v.categories,
      locations: v.location ? [v.location] : [],
      organizers: v.organizer ? [v.organizer] : [],
      from: v.from,
      to: v.to,
      view: defaults ? this.pageView : this.view === 'month' ? 'month' : 'list',
      month: defaults ? this.pageMonth : this.month,
      event: defaults ? '' : this.selected?.id ?? '',
    };
  }

  private applyUrlState(state: Partial<ListState>) {
    this.visitor = {
      search: state.search ?? '',
      categories: state.categories ?? [],
      location: state.locations?.[0] ?? '',
      organizer: state.organizers?.[0] ?? '',
      from: state.from ?? '',
      to: state.to ?? '',
    };
    // What the address does not say is what the page said.
    this.view = state.view ?? this.pageView;
    this.month = state.month ?? this.pageMonth;
    this.pendingEventId = state.event || undefined;
    if (!state.event) this.selected = undefined;
  }

  /** An event named in the address, opened once the events that hold it have loaded. */
  private pendingEventId?: string;

  private openPendingEvent() {
    if (!this.pendingEventId) return;
    const event = this.events.find((e) => e.id === this.pendingEventId);
    if (!event) return;
    this.pendingEventId = undefined;
    if (this.details === 'dialog' || this.view === 'month') this.selected = event;
    else
      this.updateComplete.then(() => {
        const card = [...this.shadowRoot!.querySelectorAll('event-card')].find((c) => c.event === event);
        if (card) {
          card.expanded = true;
          card.scrollIntoView({block: 'start'});
        }
      });
  }

  // --- Rendering --------------------------------------------------------------------------------

  private renderError(strings: UiStrings) {
    const messages = this.loader.errors.map(({source, error}) => {
      const template = strings.error[error.code];
      const text = typeof template === 'function' ? template(error.detail.status ?? 0) : template;
      // With several sources, say which one failed.
      return this.loader.sourceCount > 1 ? `${source.label ?? hostOf(source.src) ?? source.src}: ${text}` : text;
    });
    return html`<div part="error" role="alert">
      <slot name="error"><p class="error-title">${strings.errorTitle}</p>${[...new Set(messages)].map((m) => html`<p>${m}</p>`)}</slot>
      <button type="button" class="retry" @click=${() => this.startLoading(true)}>${strings.tryAgain}</button>
    </div>`;
  }

  /** Sources shown from their last good copy: say how old it is. */
  private renderStale(strings: UiStrings, locale: string) {
    if (!this.loader.stale.length) return nothing;
    const oldest = Math.min(...this.loader.stale.map((s) => s.fetchedAt.getTime()));
    return html`<p part="stale" class="stale" role="status">${strings.staleNotice(formatRelative(new Date(oldest), now(), locale))}
      <button type="button" class="retry" @click=${() => this.startLoading(true)}>${strings.tryAgain}</button></p>`;
  }

  private cardOptions() {
    return {
      timeZone: this.resolvedTimeZone,
      locale: this.language.locale,
      highlight: [this.search, this.visitor.search].join(' ').split(/\s+/).filter(Boolean),
      noAddToCalendar: this.noAddToCalendar,
    };
  }

  /** Styles that travel with on-demand code (month view, filter bar), adopted once they are here. */
  private adoptStyles(styles: CSSResult) {
    const root = this.shadowRoot!;
    const sheet = styles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private renderMonth(strings: UiStrings, locale: string, timeZone: string) {
    if (!monthView) return html`<div part="status" role="status">${strings.loading}</div>`;
    this.adoptStyles(monthView.monthStyles);
    const {year, month} = this.shownMonth;
    return monthView.renderMonthView({
      year,
      month,
      events: this.facets.visible,
      locale,
      timeZone,
      strings,
      focusedDay: this.focusedDay,
      openDay: this.openDay,
      onMonth: (y, m, focusDay) => this.setMonth(y, m, focusDay),
      onFocusDay: (key) => (this.focusedDay = key),
      onOpenDay: (key) => (this.openDay = key),
      onSelectEvent: (event) => this.openEvent(event),
      narrowLimit: this.shownCount,
      onMoreNarrow: () => (this.shownCount += this.pageSize),
      renderCards: (events) => renderCards(events, {...this.cardOptions(), dateStyle: 'full', headingLevel: 4}),
    });
  }

  private renderDialog(strings: UiStrings) {
    if (!this.selected || !dialogView) return nothing;
    this.adoptStyles(dialogView.dialogStyles);
    return dialogView.renderDialog({
      event: this.selected,
      strings,
      timeZone: this.resolvedTimeZone,
      locale: this.language.locale,
      noAddToCalendar: this.noAddToCalendar,
      onClose: () => this.closeDialog(),
    });
  }

  override render() {
    const {locale, strings} = this.language;
    const timeZone = this.resolvedTimeZone;
    const status = this.loader.status;
    const dir = isRtl(locale) ? 'rtl' : nothing;
    // A first look at a big feed is shown once it has an event to show (none yet is not "no events").
    const firstLook = status === 'loading' && this.loader.partial && this.facets.visible.length > 0;
    // Events wait for the page's language (a Swedish list never flashes English cards), and for
    // the filter bar above them (arriving later, it would push them down).
    const controls = this.activeControls;
    const barPending = controls.length > 0 && !filterBar && !filterBarFailed;
    if (this.supplied === undefined && ((status !== 'loaded' && !firstLook) || !this.language.ready || barPending)) {
      if (status === 'error') return html`<div dir=${dir}>${this.renderError(strings)}<div class="fallback"><slot></slot></div></div>`;
      const busy = status === 'loading' || status === 'loaded';
      return html`<div dir=${dir}><div part="status" role="status" aria-busy=${busy}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.language.ready ? strings.loading : nothing}` : nothing}
        </div>
        <div class="fallback"><slot></slot></div></div>`;
    }
    const filtered = this.categories || this.locations || this.organizers || this.search || hasVisitorFilters(this.visitor);
    const count = this.facets.visible.length;
    const month = this.view === 'month';
    if (controls.length && filterBar) this.adoptStyles(filterBar.filterBarStyles);
    return html`<div dir=${dir} @event-card-select=${(e: EventCardSelectEvent) => this.handleSelect(e)}>
      ${controls.length && filterBar
        ? filterBar.renderFilterBar({
            controls,
            filters: this.visitor,
            categories: this.facets.categories,
            locations: this.facets.locations,
            organizers: this.facets.organizers,
            view: month ? 'month' : 'list',
            count,
            filtered: hasVisitorFilters(this.visitor),
            strings,
            idPrefix: this.idPrefix,
            onChange: (patch) => this.setVisitorFilters({...this.visitor, ...patch}),
            onSearchInput: (value) => this.handleSearchInput(value),
            onView: (view) => this.setView(view),
          })
        : html`<div part="toolbar"><span class="count" role="status" aria-busy=${firstLook}>${firstLook
            ? html`<span class="spinner" aria-hidden="true"></span>${strings.loading}`
            : strings.resultCount(count)}</span></div>`}
      ${this.loader.errors.length ? this.renderError(strings) : this.renderStale(strings, locale)}
      ${month
        ? this.renderMonth(strings, locale, timeZone)
        : count
          ? renderListView({
              ...this.cardOptions(),
              events: this.facets.visible,
              shown: this.shownCount,
              drawn: this.drawnCount ?? this.shownCount,
              pageSize: this.pageSize,
              groupBy: oneOf(this.groupBy, ['day', 'month', 'none'] as const, 'day'),
              strings,
              idPrefix: this.idPrefix,
              onMore: () => (this.shownCount += this.pageSize),
            })
          : html`<div part="empty"><slot name="empty">${filtered ? strings.emptyFiltered : strings.empty}</slot></div>`}
      ${this.renderDialog(strings)}
    </div>`;
  }
}

defineElement('event-list', EventListElement);

// The first cards on the page are drawn faster when a sample has been laid out before (list-view.ts).
whenIdle(() => {
  const styles = EventListElement.elementStyles.map((style) => (style as CSSResult).styleSheet).filter((sheet) => sheet !== undefined);
  drawSampleCard(styles, document.documentElement.lang || navigator.language, viewerTimeZone());
}, 1000);

declare global {
  interface HTMLElementTagNameMap {
    'event-list': EventListElement;
  }
}
