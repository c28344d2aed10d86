/**
 * `<event-next>`: the next event of a feed, for a site's header, sidebar or footer. A thin
 * element like `<event-list>`: the same attribute converters (lib/attributes.ts), the same loader
 * (controllers/list-feeds.ts, so `<event-source>` children work too, and a page with lists and
 * badges of one feed asks for it once: lib/load/fetch-feed.ts shares the request), the same
 * filters (lib/show/filter.ts) and strings. Its code is a chunk of its own: `feedcal.js` fetches
 * it only when the page has an `<event-next>` (define.ts, `defineOnDemand`).
 */
import {LitElement, css, html, nothing, type PropertyValues} from 'lit';
import type {CalendarEvent} from './lib/events/model.js';
import type {FormatChoice} from './lib/feeds/index.js';
import {filterEvents, parseList} from './lib/show/filter.js';
import {NO_VISITOR_FILTERS} from './lib/show/facets.js';
import {enumConverter, FORMATS} from './lib/attributes.js';
import {resolveDateBound, isTimeZone, viewerTimeZone} from './lib/time.js';
import {formatEventRange} from './lib/format.js';
import {formatCompactDate} from './lib/format-compact.js';
import {now} from './lib/clock.js';
import {isRtl} from './lib/i18n.js';
import {UiLanguage} from './controllers/ui-language.js';
import {ListFeeds} from './controllers/list-feeds.js';
import {tokenLocals} from './styles/tokens.js';
import {defineElement} from './define.js';

/** A badge has no filter bar and no visitor dates: the loader's first look serves it (its soonest events), its series are expanded around what is upcoming. */
const NO_CONTROLS = {controls: [] as const, when: 'upcoming' as const, visitor: NO_VISITOR_FILTERS};

/**
 * The next upcoming event (or the next `count`) of a feed, in one line or as a small card, linking
 * to the event's page (or to `href`, the site's calendar page). Takes `<event-list>`'s feed and
 * filter attributes. With nothing upcoming it says so in the reader's language; while loading
 * and when the feed cannot be read it shows its children (fallback content, e.g. a link to the
 * calendar).
 *
 * ```html
 * <header>… <event-next src="https://union.example/feed.ics" href="/calendar" time-zone="Europe/Stockholm"></event-next></header>
 * ```
 *
 * @summary The next event of a feed, for headers, sidebars and footers.
 * @tag event-next
 *
 * @attr lang - (global) The language of the strings and dates; else the nearest ancestor's, the page's, the browser's.
 *
 * @slot - Fallback content: shown while loading and when the feed cannot be read.
 * @slot empty - Replaces the "nothing upcoming" sentence.
 *
 * @csspart base - Around everything shown: a `<p>` for one compact line, else a `<ul>`.
 * @csspart item - One event (a `<li>` when there are several, or with `density="comfortable"`).
 * @csspart link - The link to the event's page or to `href`.
 * @csspart date - The `<time datetime>` with the date and time.
 * @csspart title - The event's title.
 * @csspart location - The place (`density="comfortable"`).
 * @csspart empty - The "nothing upcoming" sentence.
 *
 * @cssproperty [--event-color-text=inherit] - Text colour.
 * @cssproperty [--event-color-muted=currentColor at 66%] - The place, the "nothing upcoming" sentence.
 * @cssproperty [--event-color-border=currentColor at 16%] - The small card's border.
 * @cssproperty [--event-font-family=inherit] - Font.
 * @cssproperty [--event-radius=0.75rem] - The small card's corners.
 * @cssproperty [--event-space=1rem] - Base spacing unit.
 *
 * @fires {EventListLoadEvent} event-list-load - The feeds were loaded (the loader is `<event-list>`'s); `.events` holds every event.
 * @fires {EventListErrorEvent} event-list-error - A feed failed; `.error.kind` says how.
 */
export class EventNextElement extends LitElement {
  static override styles = [
    tokenLocals,
    css`
      :host {
        display: inline-block;
        color: var(--_text);
        font-family: var(--event-font-family, inherit);
      }
      :host([density='comfortable']) {
        display: block;
      }
      [part~='base'] {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ul[part~='base'] {
        display: grid;
        gap: calc(var(--_space) * 0.5);
      }
      [part~='link'] {
        color: inherit;
        text-decoration-thickness: 1px;
        text-underline-offset: 0.15em;
      }
      [part~='date'] {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .card {
        display: grid;
        gap: 0.2em;
        padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.8);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .card [part~='date'] {
        font-weight: 400;
      }
      .card [part~='title'] {
        font-weight: 600;
      }
      [part~='location'],
      [part~='empty'] {
        color: var(--_muted);
      }
    `,
  ];

  static override properties = {
    src: {},
    format: {converter: enumConverter(FORMATS)},
    categories: {},
    locations: {},
    organizers: {},
    search: {},
    from: {},
    to: {},
    count: {type: Number},
    href: {},
    density: {reflect: true, converter: enumConverter(['compact', 'comfortable'])},
    timeZone: {attribute: 'time-zone'},
    proxy: {},
    fields: {},
    timeout: {type: Number},
    maxBytes: {attribute: 'max-bytes'},
    refresh: {type: Number},
  };

  /** Feed URL; several URLs separated by white space are fetched in parallel and merged. `<event-source>` children work as in `<event-list>`. */
  src = '';

  /** Feed format, as `<event-list>`'s: `auto` (default), `json`, `rss`, `atom`, `ics`, `jsonld`, `markdown`. */
  format: FormatChoice = 'auto';

  /** Keep events in any of these categories (comma-separated). */
  categories = '';

  /** Keep events at any of these places (comma-separated). */
  locations = '';

  /** Keep events by any of these organisers (comma-separated). */
  organizers = '';

  /** Free-text filter over title, description, place, organiser and categories. */
  search = '';

  /** Start of the date window, as `<event-list>`'s (`today`, `+1 week`, an ISO date); events over before now never show. */
  from = '';

  /** End of the date window (exclusive), as `<event-list>`'s: `+1 month` shows nothing when the next event is further away. */
  to = '';

  /** How many upcoming events to show (default 1). */
  count = 1;

  /** The site's calendar page: each event links there instead of to its own page, and so does the "nothing upcoming" sentence. */
  href?: string;

  /** `compact` (default, also for an unknown value): one line per event ("3 Dec 18:00 · Title"). `comfortable`: a small card with the full date, the title and the place. */
  density: 'compact' | 'comfortable' = 'compact';

  /** IANA zone for the dates; default: the nearest ancestor's `time-zone`, else the viewer's. */
  timeZone?: string;

  /** URL template for feeds without CORS headers, e.g. `https://proxy.example/?url={url}`. */
  proxy?: string;

  /** Field map for custom JSON, as `<event-list>`'s. */
  fields?: string;

  /** Seconds before a feed request is given up (default 15). */
  timeout?: number;

  /** Largest feed accepted, in bytes or with a unit (`800KB`); default 5 MB. */
  maxBytes?: string;

  /** Seconds between background refreshes (at least 30). */
  refresh?: number;

  /** Read by the loader: a badge always shows what is upcoming, as a list (no month grid). */
  readonly when = 'upcoming';
  readonly view = 'list';
  readonly month = '';

  private readonly language = new UiLanguage(this);
  private readonly feeds = new ListFeeds(this, {timeZone: () => this.resolvedTimeZone, pageSize: () => this.shownCount}, NO_CONTROLS);

  /** Every parsed event of the feeds. */
  get events(): CalendarEvent[] {
    return this.feeds.events;
  }

  /** The events shown now: the next `count` that pass the filters. */
  get nextEvents(): CalendarEvent[] {
    const at = now();
    const zone = this.from || this.to ? this.resolvedTimeZone : '';
    return filterEvents(
      this.feeds.events,
      {
        categories: parseList(this.categories),
        locations: parseList(this.locations),
        organizers: parseList(this.organizers),
        search: this.search,
        from: resolveDateBound(this.from, at, zone),
        to: resolveDateBound(this.to, at, zone),
        when: 'upcoming',
      },
      at
    ).slice(0, this.shownCount);
  }

  private get shownCount(): number {
    return this.count > 0 ? Math.floor(this.count) : 1;
  }

  private get resolvedTimeZone(): string {
    const zone = this.timeZone ?? this.parentElement?.closest('[time-zone]')?.getAttribute('time-zone');
    return isTimeZone(zone) ? zone : viewerTimeZone();
  }

  override willUpdate(changed: PropertyValues<this>) {
    this.feeds.update(changed);
  }

  private renderEvent(event: CalendarEvent) {
    const {locale, strings} = this.language;
    const zone = this.resolvedTimeZone;
    const at = now();
    const href = this.href || event.url;
    const cancelled = event.status === 'cancelled' ? html` <span class="status">(${strings.cancelled})</span>` : nothing;
    if (this.density === 'comfortable') {
      const range = formatEventRange(event, locale, zone, at, {allDayLabel: strings.allDay});
      const place = event.locations.join(', ') || event.place?.name;
      const title = html`<span part="title" dir="auto">${event.title}</span>${cancelled}`;
      return html`<li part="item" class="card">
        <time part="date" datetime=${range.datetime}>${range.text}</time>
        ${href ? html`<a part="link" href=${href}>${title}</a>` : title}
        ${place ? html`<span part="location"><bdi>${place}</bdi></span>` : nothing}
      </li>`;
    }
    const {date, time, datetime} = formatCompactDate(event, locale, zone, at);
    const line = html`<time part="date" datetime=${datetime}>${date}${time ? ` ${time}` : ''}</time> <span aria-hidden="true">·</span> <span part="title" dir="auto"
        >${event.title}</span
      >${cancelled}`;
    return href ? html`<a part="link" href=${href}>${line}</a>` : line;
  }

  override render() {
    const status = this.feeds.status;
    const events = this.nextEvents;
    const {strings, locale} = this.language;
    const dir = isRtl(locale) ? 'rtl' : nothing;
    // The fallback content until there is something to say in the reader's language.
    if (!this.language.ready || (status !== 'loaded' && !events.length)) return html`<slot></slot>`;
    if (!events.length) {
      const none = html`<slot name="empty">${strings.noUpcoming}</slot>`;
      return html`<p part="base empty" dir=${dir}>${this.href ? html`<a part="link" href=${this.href}>${none}</a>` : none}</p>`;
    }
    if (this.density === 'compact' && events.length === 1) return html`<p part="base item" class="line" dir=${dir}>${this.renderEvent(events[0])}</p>`;
    return html`<ul part="base" dir=${dir}>
      ${events.map((event) => (this.density === 'comfortable' ? this.renderEvent(event) : html`<li part="item" class="line">${this.renderEvent(event)}</li>`))}
    </ul>`;
  }
}

defineElement('event-next', EventNextElement);

declare global {
  interface HTMLElementTagNameMap {
    'event-next': EventNextElement;
  }
}
