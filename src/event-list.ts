/**
 * `<event-list>`: a thin element. It declares the public API (the JSDoc card below, which the
 * custom-elements manifest is built from, and the properties), wires the lifecycle to the
 * controllers that hold the behaviour, and renders. Each controller sees only the few members it
 * needs: loading and sources (controllers/list-feeds.ts, feed-loader.ts), the visitor's filters
 * and the filter bar (list-filters.ts), the first screenful (first-screen.ts), the dialog and
 * the event named in the address (selection.ts), the month view (month-navigation.ts), the
 * address (url-sync.ts), the language (ui-language.ts) and data for search engines
 * (structured-data.ts). Templates are in views/, pure logic in lib/.
 */
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import type {CalendarEvent} from './lib/events/model.js';
import {normaliseSuppliedEvents} from './lib/events/normalise.js';
import type {FormatChoice} from './lib/feeds/index.js';
import type {When} from './lib/show/filter.js';
import type {GroupBy} from './lib/show/group.js';
import type {ShareActions} from './controllers/share-actions.js';
import {NO_VISITOR_FILTERS} from './lib/show/facets.js';
import {isRtl} from './lib/i18n.js';
import {dayKey, isTimeZone, viewerTimeZone} from './lib/time.js';
import {enumConverter, flagConverter, FORMATS} from './lib/attributes.js';
import {isLightColour} from './lib/page-colour.js';
import {lazy} from './lib/lazy.js';
import {EventListFilterChangeEvent, type EventCardCloseEvent, type EventCardSelectEvent} from './events.js';
import {UiLanguage} from './controllers/ui-language.js';
import {completeAfter} from './controllers/complete-after.js';
import {ListFeeds} from './controllers/list-feeds.js';
import {ListFilters} from './controllers/list-filters.js';
import {FirstScreen} from './controllers/first-screen.js';
import {Selection} from './controllers/selection.js';
import {MonthNavigation} from './controllers/month-navigation.js';
import {UrlSync} from './controllers/url-sync.js';
import {StructuredData} from './controllers/structured-data.js';
import {renderEmpty, renderListView, warmUpCards} from './views/list-view.js';
import {renderFeedError, renderStale} from './views/feed-status.js';
import {compactLine} from './views/compact-line-lazy.js';
import {eventListStyles} from './styles/event-list.styles.js';
import {defineElement} from './define.js';
import type {UiStrings} from './lib/i18n.js';
import './event-card.js';

/** A coalition's source chips and colours: only lists that show two or more sources load them. */
const sourceBadges = lazy(() => import('./views/source-badges.js'));

/** Events rendered at first, and added per "show more", when `limit` is not set. */
const DEFAULT_PAGE_SIZE = 20;
let instances = 0;
/** Subscribe, poster and copy (controllers/share-actions.ts): loaded by their controls or methods. */
const shareActions = lazy(() => import('./controllers/share-actions.js'));

/**
 * Shows an organisation's events from one or more feeds (JSON, JSON Feed, RSS, Atom, iCalendar,
 * JSON-LD, Markdown event files) as a list or a month grid, filtered by category, place,
 * organiser, text and date, in the reader's language and time zone. The children are fallback
 * content, shown until the events arrive and again if the feed cannot be read.
 *
 * @summary An embeddable, filterable calendar of events from feeds.
 * @tag event-list
 *
 * @attr poster-title - The organisation's title on the printed poster and at the head of copied text (the share actions); the calendar's name for Outlook. Default: the page's title.
 * @attr lang - (global) The language of the strings and dates; else the nearest ancestor's, the page's, the browser's. A later change, here or on an ancestor, redraws.
 *
 * @slot - Fallback content: shown while loading, on error and when nothing is upcoming (for example a link to the calendar). `<event-source>` children go here too.
 * @slot empty - Replaces the message shown when there are no events ("No upcoming events right now"), or none pass the visitor's filters.
 * @slot error - Replaces the built-in error message.
 *
 * @csspart toolbar - The filter bar, or the row with the result count.
 * @csspart search - The search field.
 * @csspart chip - A category chip of the filter bar (and a source chip, which is also `source-chip`).
 * @csspart source-chip - With `controls="sources"` and two or more sources: a source's chip in the filter bar (its colour as a swatch, its label, its count); a source whose feed failed is a chip that says so and cannot be pressed. Past 12 sources the rest are offered in a picker ("+N more").
 * @csspart sources - With two or more sources: on each card (in the card's `source` slot), the chips naming the event's source and every other source that had it ("with Tenants' Union").
 * @csspart source - One source's chip (its colour as a swatch before its label) inside `sources`; in the month grid, the line naming an entry's sources.
 * @csspart list - The container of all groups.
 * @csspart past - With `when="all"`: the past events, after the upcoming ones, newest first and in muted colours.
 * @csspart past-heading - The "Past events" heading of that part.
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
 * @csspart switch - The buttons that switch the list to the past events and back ("Past events", "Upcoming events"), and the empty state's "Clear filters".
 * @csspart error - The error message: the visitor's sentence and a "try again" button (the fallback content shows below it).
 * @csspart error-details - Inside `error`: the collapsed "Details for the site owner" with each failed feed's cause and fix (views/feed-error.ts).
 * @csspart stale - The notice shown when a refresh failed and the last good copy is shown.
 * @csspart status - The loading message; in the month view, also the notice that the grid could not be loaded (its events then show as a list).
 * @csspart more - The "show more" button.
 * @csspart share - The share menus at the end of the filter bar (`controls="subscribe print copy"`).
 * @csspart share-menu - One share menu (a `<details>`).
 * @csspart share-button - A share menu's button (its `<summary>`).
 * @csspart share-panel - A share menu's panel: the subscribe links, the poster sizes, the copy formats.
 * @csspart capped - The line saying that repeating events have more dates than are shown: a recurring series had more occurrences than the caps (1000 per series, 10,000 per feed) let the list make.
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
 * @cssproperty --event-source-color - Set by the list (never by the page) on each `source`, `source-chip` and month-grid `event` of a list with several sources: the source's colour, from `<event-source color>` or the palette. Read it in `::part()` rules, e.g. `event-list::part(source) { border-color: var(--event-source-color) }`.
 *
 * @fires {EventListLoadEvent} event-list-load - Feeds were loaded (and again when a refresh or a source change brings new data); `.events` holds every event, `.skipped` the items that could not be read, `.capped` the recurring series a cap cut (more occurrences exist than `.events` holds).
 * @fires {EventListErrorEvent} event-list-error - A feed failed; `.error.kind` is `network`, `cors`, `http`, `parse` or `timeout`, `.src` the feed.
 * @fires {EventListFilterChangeEvent} event-list-filter-change - The visitor changed a filter, the view or the month.
 * @fires {EventCardSelectEvent} event-card-select - From a card in the list: the visitor opened an event's details. Cancelable: `preventDefault()` keeps it closed (the list cancels it itself when it opens the dialog instead).
 * @fires {EventCardCloseEvent} event-card-close - From a card in the list: the visitor closed an event's details ("show less").
 */
export class EventListElement extends LitElement {
  static override styles = eventListStyles;
  // Declared here rather than with decorators: the same accessors, about a kilobyte less to
  // download (no decorator calls or helpers). Each property is documented where it is declared.
  // Enumerated attributes are read through a converter (lib/attributes.ts) that turns an
  // unknown value into the default, once, so no use of the property checks it again.
  static override properties = {
    src: {},
    format: {converter: enumConverter(FORMATS)},
    categories: {},
    locations: {},
    organizers: {},
    search: {},
    from: {},
    to: {},
    when: {converter: enumConverter(['upcoming', 'past', 'all'])},
    limit: {type: Number},
    view: {reflect: true, converter: enumConverter(['list', 'month'])},
    month: {},
    groupBy: {attribute: 'group-by', converter: enumConverter(['day', 'month', 'none'])},
    density: {reflect: true, converter: enumConverter(['comfortable', 'compact'])},
    timeZone: {attribute: 'time-zone'},
    proxy: {},
    fields: {},
    timeout: {type: Number},
    maxBytes: {attribute: 'max-bytes'},
    refresh: {type: Number},
    controls: {},
    details: {converter: enumConverter(['inline', 'dialog'])},
    syncUrl: {attribute: 'sync-url', type: Boolean, converter: flagConverter},
    noAddToCalendar: {attribute: 'no-add-to-calendar', type: Boolean, converter: flagConverter},
    noStructuredData: {attribute: 'no-structured-data', type: Boolean, converter: flagConverter},
    theme: {reflect: true},
    supplied: {state: true},
    shownCount: {state: true},
  };

  /** Feed URL; several URLs separated by white space are fetched in parallel and merged. */
  src = '';

  /** Feed format: `auto` (sniff the body and content type), `json`, `rss`, `atom`, `ics`, `jsonld`, `markdown` (one file with YAML front matter, as Hugo sites keep events). An unknown value reads as `auto`. */
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

  /** Which events the list shows: `upcoming` (default, also for an unknown value; still running or later), `past` (newest first), `all` (upcoming first, then the past ones newest first under a "Past events" heading). When nothing is upcoming the visitor is offered the past events; a date range they pick in the filter bar wins over `when`. */
  when: When = 'upcoming';

  /** Show at most this many events, with a "show more" button for the rest. */
  limit?: number;

  /** `list` (default, also for an unknown value, which the attribute then shows) or `month`. */
  view: 'list' | 'month' = 'list';

  /** The month the month view shows, `YYYY-MM`; default: the current month. */
  month = '';

  /** Group the list by `day` (default, also for an unknown value), `month`, or `none`. */
  groupBy: GroupBy = 'day';

  /**
   * `comfortable` (default, also for an unknown value): each event a card. `compact`: each event
   * one line (date, time, title) without day headings, for sidebars and footers; activating a
   * line opens the event's whole card, with its details, in place (or in the dialog).
   */
  density: 'comfortable' | 'compact' = 'comfortable';

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

  /** Filters the visitor can use, in this order: any of `search sources categories locations organizers dates view` (`sources`: a chip per `<event-source>`, shown with two or more); and the share menus `subscribe print copy`, at the bar's end. */
  controls = '';

  /** Where an event's details open: `inline` (default, also for an unknown value: the card grows) or `dialog`. */
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
  /** How many of the events that pass the filters are shown: a page, and a page more per "show more". */
  private shownCount = 0;
  private readonly idPrefix = `feedcal-${++instances}`;
  private compactLoading?: Promise<void>;
  private readonly internals = this.attachInternals();
  private readonly language = new UiLanguage(this);
  // What the controllers ask of the list; each declares the few members it uses.
  private readonly needs = {
    timeZone: () => this.resolvedTimeZone,
    pageSize: () => this.pageSize,
    // A visitor's change, drawn: keep the address in step, tell the page.
    changed: async (history: 'push' | 'replace') => {
      await this.url.write(history);
      this.dispatchEvent(new EventListFilterChangeEvent());
    },
    selectionChanged: () => this.url.write('push'),
    // In the month view, an event's card is in the list of its day.
    reveal: (event: CalendarEvent) => this.view === 'month' && this.monthView.setOpenDay(dayKey(event.start, this.resolvedTimeZone)),
  };
  private readonly filters = new ListFilters(this, this.needs);
  private readonly feeds = new ListFeeds(this, this.needs, this.filters);
  private readonly screen = new FirstScreen(this);
  private readonly monthView = new MonthNavigation(this, this.needs);
  private readonly selection = new Selection(this, this.needs);
  private readonly url = new UrlSync(this, this.filters, this.selection);
  private readonly structuredData = new StructuredData(this);

  /**
   * Every parsed event (from `src`), or the events supplied by setting this property. While a big
   * JSON feed is still being read, the soonest events read so far (its first look), until
   * `event-list-load`.
   */
  get events(): CalendarEvent[] {
    return this.supplied ?? this.feeds.events;
  }
  set events(value: CalendarEvent[]) {
    // The model's URL rules hold for supplied events too (feed events get them from the parsers).
    this.supplied = Array.isArray(value) ? normaliseSuppliedEvents(value, document.baseURI) : undefined;
  }

  /**
   * Loads the feeds again now, in the background: what is shown stays until the new copy
   * arrives, and the visitor's filters, place and open details are kept.
   */
  reload(): void {
    this.feeds.refresh();
  }

  /**
   * The share actions, loaded on first use (the `subscribe`, `print` and `copy` controls use the
   * same): `subscribeLinks()` (the ways to follow what the list shows in a calendar app, then the
   * download of the shown events), `print('a4' | 'a3')` (a poster of the shown events) and
   * `copyText('text' | 'markdown' | 'html' | 'mastodon', post?)` (the shown events on the
   * clipboard). For a page's own buttons: `(await list.share()).print('a3')`.
   */
  share(): Promise<ShareActions> {
    return shareActions.load().then((m) => m.shareActionsOf(this, this.needs, this.feeds, this.filters, this.language));
  }

  /** The events that pass the filters now, in display order (before `limit`). */
  get visibleEvents(): CalendarEvent[] {
    return this.filters.facets.visible;
  }

  private get resolvedTimeZone(): string {
    const zone = this.timeZone ?? this.parentElement?.closest('[time-zone]')?.getAttribute('time-zone');
    return isTimeZone(zone) ? zone : viewerTimeZone();
  }

  /** Whether the events come from more than one feed (then each event's details name its own). */
  private get showsSeveralSources(): boolean {
    const first = this.supplied?.[0]?.source;
    if (this.supplied) return this.supplied.some((event) => event.source !== first);
    return this.feeds.sources.length > 1;
  }

  private coalitionAsked = false;

  /** With two or more sources: their labels and colours for the cards, the grid and the filter bar, once that code is here. */
  private coalition(strings: UiStrings) {
    if (!this.showsSeveralSources) return undefined;
    // Asked once per list: a failed chunk leaves the events without chips, and the next list asks again.
    if (!this.coalitionAsked) void sourceBadges.tryLoad().then(() => this.requestUpdate());
    this.coalitionAsked = true;
    return sourceBadges.module?.coalitionOf(this, this.supplied ? undefined : this.feeds, this.events, strings);
  }

  private get pageSize(): number {
    return this.limit && this.limit > 0 ? Math.floor(this.limit) : DEFAULT_PAGE_SIZE;
  }

  override connectedCallback() {
    super.connectedCallback();
    // On a dark page (light inherited text) and without a theme, the styles take the dark
    // palette's accent: the light page's one is too dark to read there.
    this.internals.states?.[isLightColour(getComputedStyle(this).color) ? 'add' : 'delete']('on-dark');
  }

  override willUpdate(changed: PropertyValues<this>) {
    // A compact list's one-line card is asked for with the feed, not after it (views/compact-line.ts).
    if (changed.has('density') && this.density === 'compact' && !compactLine.module)
      this.compactLoading ??= compactLine.tryLoad().then(() => {
        this.compactLoading = undefined;
        this.requestUpdate();
      });
    this.feeds.update(changed);
    const refiltered = this.filters.update(changed);
    // A new result starts at the top, the first screenful first; a refresh redraws in place.
    if ((refiltered === 'filters' || refiltered === 'first') && this.view !== 'month') this.screen.start(Math.min(this.visibleEvents.length, this.pageSize));
    if (refiltered === 'filters' || !this.shownCount) this.shownCount = this.pageSize;
    this.monthView.update(changed);
    // Shown dates outside what the series were expanded over (another month, the past): expand them there.
    this.feeds.follow();
    this.selection.update(refiltered !== undefined);
  }

  override updated() {
    void this.structuredData.write(this.visibleEvents.slice(0, this.shownCount), this.resolvedTimeZone, !this.noStructuredData);
  }

  /** `updateComplete` includes the language's strings, the cards drawn after the first frame, an opened event's dialog and series expanded over newly shown dates. */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeAfter(
      () => super.getUpdateComplete(),
      () => this.language.loading ?? this.compactLoading ?? this.screen.restDrawn ?? this.selection.loading ?? this.feeds.expanding
    );
  }

  override render() {
    const {locale, strings} = this.language;
    const {feeds} = this;
    const status = feeds.status;
    const count = this.visibleEvents.length;
    const dir = isRtl(locale) ? 'rtl' : nothing;
    const retry = () => feeds.start(true);
    // Before the events arrive: with several sources, their chips' code loads beside the feeds.
    const coalition = this.coalition(strings);
    // A first look at a big feed is shown once it has an event to show (none yet is not "no events").
    const firstLook = status === 'loading' && feeds.partial && count > 0;
    // Events wait for the page's language (a Swedish list never flashes English cards), and for
    // the filter bar above them (arriving later, it would push them down), and for a compact
    // list's one-line card (on its way since the density was set).
    const compactPending = this.density === 'compact' && !compactLine.module && !compactLine.failed;
    if ((this.supplied === undefined && ((status !== 'loaded' && !firstLook) || !this.language.ready || this.filters.barPending)) || compactPending) {
      if (status === 'error') return html`<div dir=${dir}>${renderFeedError(feeds, strings, locale, retry, this)}<div class="fallback"><slot></slot></div></div>`;
      const busy = status === 'loading' || status === 'loaded';
      return html`<div dir=${dir}><div part="status" role="status" aria-busy=${busy}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.language.ready ? strings.loading : nothing}` : nothing}
        </div>
        <div class="fallback"><slot></slot></div></div>`;
    }
    const cards = {
      timeZone: this.resolvedTimeZone,
      locale,
      highlight: [this.search, this.filters.visitor.search].join(' ').split(/\s+/).filter(Boolean),
      noAddToCalendar: this.noAddToCalendar,
      showSource: this.showsSeveralSources,
      density: this.density,
      coalition,
    };
    const more = () => (this.shownCount += this.pageSize);
    const {filters} = this;
    return html`<div dir=${dir} @event-card-select=${(e: EventCardSelectEvent) => this.selection.cardSelected(e)}
      @event-card-close=${(e: EventCardCloseEvent) => this.selection.cardClosed(e)}>
      ${
        this.filters.renderBar({strings, idPrefix: this.idPrefix, coalition}) ??
        html`<div part="toolbar"><span class="count" role="status" aria-busy=${firstLook}>${
          firstLook ? html`<span class="spinner" aria-hidden="true"></span>${strings.loading}` : strings.resultCount(count)
        }</span></div>`
      }
      ${feeds.errors.length ? renderFeedError(feeds, strings, locale, retry, this, true) : renderStale(feeds, strings, locale, retry, this)}
      ${filters.showPast && this.view === 'list' ? html`<button type="button" part="switch" @click=${() => filters.setShowPast(false)}>${strings.upcomingEvents}</button>` : nothing}
      ${
        this.view === 'month'
          ? this.monthView.render({
              events: this.visibleEvents,
              strings,
              cards,
              shown: this.shownCount,
              onMore: more,
              onSelectEvent: (event) => this.selection.open(event),
            })
          : count
            ? renderListView({
                ...cards,
                events: this.visibleEvents,
                shown: this.shownCount,
                drawn: this.screen.drawn ?? this.shownCount,
                pageSize: this.pageSize,
                // A compact line says its date: day headings would say it twice.
                groupBy: this.density === 'compact' ? 'none' : this.groupBy,
                strings,
                idPrefix: this.idPrefix,
                pastApart: filters.when === 'all',
                onMore: more,
              })
            : renderEmpty({
                strings,
                emptiness: filters.emptiness,
                onPast: filters.pastAvailable ? () => filters.setShowPast(true) : undefined,
                onClear: () => filters.choose(NO_VISITOR_FILTERS),
              })
      }
      ${feeds.capped.length && count ? html`<p part="capped">${strings.moreDates}</p>` : nothing}
      ${this.selection.render({...cards, strings})}
    </div>`;
  }
}

defineElement('event-list', EventListElement);
// The first cards on the page are drawn faster when a sample has been laid out before (list-view.ts).
warmUpCards(EventListElement.elementStyles);

declare global {
  interface HTMLElementTagNameMap {
    'event-list': EventListElement;
  }
}
