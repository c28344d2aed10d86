import {LitElement, html, nothing} from 'lit';
import type {CalendarEvent} from './lib/events/model.js';
import {formatEventRange} from './lib/format.js';
import {eventEnd} from './lib/show/filter.js';
import {UiLanguage} from './controllers/ui-language.js';
import {completeAfter} from './controllers/complete-after.js';
import {isTimeZone, viewerTimeZone} from './lib/time.js';
import {now, nowMs} from './lib/clock.js';
import {eventCardStyles} from './styles/event-card.styles.js';
import {defineCard} from './define.js';
import {EventCardCloseEvent, EventCardSelectEvent} from './events.js';
import {enumConverter, flagConverter} from './lib/attributes.js';
import {lazy} from './lib/lazy.js';
import {adoptStyles} from './styles/adopt-styles.js';
import {compactLine} from './views/compact-line-lazy.js';
import {sanitizer} from './lib/html/sanitizer.js';
import {linkifier, mayHoldLinks} from './lib/html/linkify-lazy.js';

// What only an opened card shows, loaded on the first opening: the details (with the calendar
// links) and the description's HTML, sanitised.
const cardDetails = lazy(() => import('./views/card-details.js'));

// Marking search words: only lists with a search use it, so it comes when a card first has words to mark.
const highlighter = lazy(() => import('./lib/show/highlight.js'));

// A description longer than this is cut to two lines until the details open.
const EXCERPT_LENGTH = 160;

// The icons (place, organiser, link out) are one static <path> each, written in the template:
// no part to update and no extra element per shape, in every card.

/**
 * One event: its title, a `<time>` with the date and time range in the reader's language,
 * place, organiser, categories, a short description that expands, an image and a link to the
 * event's page. `<event-list>` renders one per event; it also works alone with `.event`.
 *
 * @summary Shows one calendar event.
 * @tag event-card
 *
 * @attr density - `comfortable` (default, also for an unknown value): the whole card. `compact`: one line (date, time, title) for sidebars and footers; activating it opens the whole card, with its details.
 * @attr lang - (global) The language of the date and strings; else the nearest ancestor's, the page's, the browser's. A later change redraws.
 *
 * @slot source - Beside the date line (after the title on a compact line): what names the event's source. `<event-list>` puts its source chips here when it shows two or more sources.
 *
 * @csspart base - The `<article>` around everything.
 * @csspart title - The event's title (a heading).
 * @csspart date - The `<time datetime>` with the date and time range.
 * @csspart location - The place.
 * @csspart organizer - The organiser.
 * @csspart categories - The list of category chips.
 * @csspart description - The description, short or expanded.
 * @csspart image - The event's image, when it has one.
 * @csspart link - The link to the event's own page.
 * @csspart actions - The row holding the read-more button and the link.
 * @csspart details - The expanded details: address and map link, online link, source feed.
 *
 * @cssproperty [--event-card-background=var(--event-color-surface, transparent)] - Card background.
 * @cssproperty [--event-card-border=1px solid var(--event-color-border)] - Card border.
 * @cssproperty [--event-card-padding=calc(var(--event-space, 1rem) * 1.1)] - Space inside the card.
 * @cssproperty [--event-card-radius=var(--event-radius, 0.75rem)] - Corner radius.
 * @cssproperty [--event-card-shadow=none] - Card shadow.
 * @cssproperty [--event-card-date-color=var(--event-color-accent)] - Colour of the date line.
 * @cssproperty [--event-color-accent=#b33c0b] - Accent: date, chips, links, focus ring.
 * @cssproperty [--event-color-text=inherit] - Text colour.
 * @cssproperty [--event-color-muted=currentColor at 66%] - Secondary text.
 * @cssproperty [--event-color-surface=transparent] - Card surface.
 * @cssproperty [--event-color-border=currentColor at 16%] - Borders.
 * @cssproperty [--event-font-family=inherit] - Font.
 * @cssproperty [--event-radius=0.75rem] - Corner radius.
 * @cssproperty [--event-space=1rem] - Base spacing unit.
 *
 * @fires {EventCardSelectEvent} event-card-select - The visitor opened the event's details. Cancelable: `preventDefault()` keeps the card closed (a list showing details in a dialog does this).
 * @fires {EventCardCloseEvent} event-card-close - The visitor closed the event's details ("show less").
 */
export class EventCardElement extends LitElement {
  static override styles = eventCardStyles;
  // Declared here rather than with decorators: the same accessors, about a kilobyte less to
  // download (no decorator calls or helpers). Each property is documented where it is declared.
  static override properties = {
    event: {attribute: false},
    timeZone: {attribute: 'time-zone'},
    dateStyle: {attribute: 'date-style'},
    density: {reflect: true, converter: enumConverter(['comfortable', 'compact'])},
    highlight: {attribute: false},
    headingLevel: {attribute: 'heading-level', type: Number},
    expanded: {type: Boolean, converter: flagConverter, reflect: true},
    noAddToCalendar: {attribute: 'no-add-to-calendar', type: Boolean, converter: flagConverter},
    noCollapse: {attribute: 'no-collapse', type: Boolean, converter: flagConverter},
    showSource: {attribute: false},
    richDescription: {state: true},
    calendarLinks: {state: true},
  };

  /** The event to show. */
  event?: CalendarEvent;

  /** IANA zone for the date line; default: the nearest ancestor's `time-zone`, else the viewer's zone. The zone's name follows the time when the viewer's clock differs. */
  timeZone?: string;

  /** `full` (default): weekday, date and time. `time`: only the time for a one-day event, for cards under a day heading. */
  dateStyle: 'full' | 'time' = 'full';

  /** `comfortable` (default): the whole card. `compact`: one line (date, time, title) that opens the whole card, with its details, when activated. */
  density: 'comfortable' | 'compact' = 'comfortable';

  /** Words to mark in the title and description (the list passes the search). */
  highlight: string[] = [];

  /** Heading level of the title (2–6), so the card fits the page's outline. */
  headingLevel = 3;

  /** Show the full details: whole description, address and map link, source, add to calendar. */
  expanded = false;

  /** Hide the add-to-calendar actions. */
  noAddToCalendar = false;

  /** Name the feed the event came from in the details. `<event-list>` sets it when it shows events from more than one feed; with one, it would say the same on every event. */
  showSource = false;

  /** No "read more / show less" button: the details stay as `expanded` says (the list's dialog uses this). */
  noCollapse = false;

  private readonly language = new UiLanguage(this);

  private richDescription?: DocumentFragment;
  private calendarLinks?: {google: string; outlook: string};

  private get resolvedTimeZone(): string {
    const zone = this.timeZone ?? this.closest('[time-zone]')?.getAttribute('time-zone');
    return isTimeZone(zone) ? zone : viewerTimeZone();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('event') && changed.get('event') !== undefined) {
      this.richDescription = undefined;
      this.calendarLinks = undefined;
    }
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    // Asked at each opening; a chunk that failed is asked for again at the next one, not at every update.
    if (this.expanded && this.event && (changed.has('expanded') || !cardDetails.failed)) void this.loadDetails(this.event);
  }

  /** `updateComplete` includes what arrives with on-demand code: the language's strings, an opened card's details. */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeAfter(
      () => super.getUpdateComplete(),
      () => this.language.loading ?? this.compactLoading ?? this.detailsLoading ?? this.linksLoading ?? this.marksLoading
    );
  }

  private detailsLoading?: Promise<void>;
  private compactLoading?: Promise<void>;
  private compactAsked = false;
  /** The linkifier, asked for once by this card when a description it draws may hold an address. */
  private linksLoading?: Promise<void>;
  private linksAsked = false;
  /** The search-word marker, asked for once by this card when it has words to mark. */
  private marksLoading?: Promise<void>;
  private marksAsked = false;

  /**
   * What only the details need: their code, sanitised HTML (DOMPurify) and calendar links, loaded
   * on demand. Offline, or with a chunk gone after a deploy, the card opens without what that
   * chunk brings (the details, the description's markup, the calendar links).
   */
  private async loadDetails(event: CalendarEvent) {
    const details = cardDetails.module;
    if (!details) {
      // Drawn again when the code arrives, which comes back here for the rest.
      this.detailsLoading ??= cardDetails.tryLoad().then(() => {
        this.detailsLoading = undefined;
        this.requestUpdate();
      });
      return;
    }
    if (event.descriptionHtml && !this.richDescription) {
      const sanitize = await sanitizer.tryLoad();
      const fragment = await sanitize?.sanitizeToFragment(event.descriptionHtml, event.url ?? event.source).catch(() => undefined);
      // The event may have changed while DOMPurify loaded.
      if (fragment && this.event === event) this.richDescription = fragment;
    }
    if (!this.noAddToCalendar && !this.calendarLinks) {
      const ics = await details.icsExport.tryLoad();
      const options = {timeZone: this.resolvedTimeZone, organizerLabel: this.language.strings.organizer};
      if (ics && this.event === event) this.calendarLinks = {google: ics.googleCalendarUrl(event, options), outlook: ics.outlookCalendarUrl(event, options)};
    }
  }

  /**
   * "Read more" / "Show less". Opening fires `event-card-select`, which is cancelable: a list
   * that shows details in a dialog prevents it, and the card stays as it is.
   */
  private toggleDetails() {
    const event = this.event;
    if (!event) return;
    if (!this.expanded && !this.dispatchEvent(new EventCardSelectEvent(event))) return;
    this.expanded = !this.expanded;
    if (!this.expanded) this.dispatchEvent(new EventCardCloseEvent(event));
    // A compact row becomes the whole card and back: the focus goes to what replaced the button pressed.
    if (this.density === 'compact')
      void this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>(this.expanded ? 'button.toggle' : 'button.row')?.focus());
  }

  /** Text with the search words in `<mark>`; always text nodes, never HTML. Unmarked until the marker's code is here. */
  private marked(text: string) {
    if (!this.highlight.length) return text;
    const marker = highlighter.module;
    if (!marker && !this.marksAsked) {
      this.marksAsked = true;
      this.marksLoading = highlighter.tryLoad().then(() => {
        this.marksLoading = undefined;
        this.requestUpdate();
      });
    }
    if (!marker) return text;
    return marker.highlightPieces(text, this.highlight).map((piece) => (piece.match ? html`<mark>${piece.text}</mark>` : piece.text));
  }

  private renderTitle(event: CalendarEvent, content: unknown = this.marked(event.title)) {
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    switch (level) {
      case 2:
        return html`<h2 part="title" id="title" dir="auto">${content}</h2>`;
      case 4:
        return html`<h4 part="title" id="title" dir="auto">${content}</h4>`;
      case 5:
        return html`<h5 part="title" id="title" dir="auto">${content}</h5>`;
      case 6:
        return html`<h6 part="title" id="title" dir="auto">${content}</h6>`;
      default:
        return html`<h3 part="title" id="title" dir="auto">${content}</h3>`;
    }
  }

  private renderDescription(event: CalendarEvent, longText: boolean) {
    if (!event.description && !event.descriptionHtml) return nothing;
    // The excerpt is a teaser of two lines: one paragraph, its addresses linked once opened.
    if (!this.expanded && longText) return html`<p part="description" class="excerpt" id="description" dir="auto">${this.marked(event.description ?? '')}</p>`;
    if (this.expanded && this.richDescription)
      return html`<div part="description" class="full" id="description" dir="auto">${this.richDescription.cloneNode(true)}</div>`;
    return html`<div part="description" class="full plain" id="description" dir="auto">${this.plainParagraphs(event.description ?? '')}</div>`;
  }

  /**
   * A plain description as it was written: each line a paragraph, web and e-mail addresses as
   * links (http, https and mailto only; other sites in a new tab, as the event's own link). Built
   * from text and `<a>` nodes, never HTML. Until the linkifier is here (or without it) the
   * addresses stay text.
   */
  private plainParagraphs(text: string) {
    const links = mayHoldLinks(text) ? this.linkifierModule() : undefined;
    return text
      .split(/\n+/)
      .filter((line) => line.trim())
      .map(
        (line) =>
          html`<p>${
            links && mayHoldLinks(line)
              ? links
                  .linkPieces(line)
                  .map((piece) =>
                    piece.href === undefined
                      ? this.marked(piece.text)
                      : piece.href.startsWith('mailto:')
                        ? html`<a href=${piece.href}>${this.marked(piece.text)}</a>`
                        : html`<a href=${piece.href} target="_blank" rel="noopener noreferrer">${this.marked(piece.text)}</a>`
                  )
              : this.marked(line)
          }</p>`
      );
  }

  /** The linkifier if it is here; else asked for once by this card, which draws again when it comes. */
  private linkifierModule() {
    if (!linkifier.module && !this.linksAsked) {
      this.linksAsked = true;
      this.linksLoading = linkifier.tryLoad().then(() => {
        this.linksLoading = undefined;
        this.requestUpdate();
      });
    }
    return linkifier.module;
  }

  /**
   * One line (views/compact-line.ts, on demand): nothing until its code is here, then drawn again;
   * if it cannot be loaded, the whole card instead.
   */
  private renderCompact(event: CalendarEvent) {
    const line = compactLine.module;
    if (!line) {
      // Asked once by this card (a failure draws again, which must not ask again, for ever).
      if (!this.compactAsked) {
        this.compactAsked = true;
        this.compactLoading = compactLine.tryLoad().then(() => {
          this.compactLoading = undefined;
          this.requestUpdate();
        });
      }
      return compactLine.failed ? undefined : nothing;
    }
    adoptStyles(this, line.compactLineStyles);
    return line.renderCompactLine(event, {
      locale: this.language.locale,
      timeZone: this.resolvedTimeZone,
      now: now(),
      cancelledLabel: this.language.strings.cancelled,
      title: (content) => this.renderTitle(event, content),
      marked: (text) => this.marked(text),
      onOpen: () => this.toggleDetails(),
    });
  }

  private renderDetails(details: NonNullable<typeof cardDetails.module>, event: CalendarEvent, o: Parameters<typeof details.renderCardDetails>[1]) {
    adoptStyles(this, details.cardDetailsStyles);
    return details.renderCardDetails(event, o);
  }

  override render() {
    const event = this.event;
    if (!event) return nothing;
    // A card on its own waits for its language's strings (a list waits before drawing cards).
    if (!this.language.ready) return nothing;
    const compact = this.density === 'compact' && !this.expanded ? this.renderCompact(event) : undefined;
    if (compact) return compact;
    const {locale, strings} = this.language;
    const range = formatEventRange(event, locale, this.resolvedTimeZone, now(), {
      timeOnly: this.dateStyle === 'time',
      allDayLabel: strings.allDay,
    });
    const place = event.locations.length ? event.locations.join(', ') : event.place?.name;
    const longText = (event.description?.length ?? 0) > EXCERPT_LENGTH || Boolean(event.descriptionHtml);
    const cancelled = event.status === 'cancelled';
    const status = cancelled ? strings.cancelled : event.status === 'tentative' && strings.tentative;
    const at = nowMs();
    const ongoing = !cancelled && event.start.getTime() <= at && at < eventEnd(event).getTime();
    return html`
      <article part="base" class=${cancelled ? 'cancelled' : ''} aria-labelledby="title">
        <div class="body">
          <div>
            <time part="date" datetime=${range.datetime}>${range.text}</time>
            ${status ? html`<span class="status">${status}</span>` : nothing}
            ${ongoing ? html`<span class="status now">${strings.happeningNow}</span>` : nothing}
            <slot name="source"></slot>
          </div>
          ${this.renderTitle(event)}
          ${
            place || event.organizer
              ? html`<div class="meta">
                ${place ? html`<span part="location"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM14.5 9.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 1 1 5 0z" /></svg><span class="visually-hidden">${strings.location}: </span><bdi>${place}</bdi></span>` : nothing}
                ${event.organizer ? html`<span part="organizer"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12.5 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 1 1 7 0zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5a6.5 6.5 0 0 1 3.5 5.5" /></svg><span class="visually-hidden">${strings.organizer}: </span><bdi>${event.organizer}</bdi></span>` : nothing}
              </div>`
              : nothing
          }
          ${
            event.categories.length
              ? html`<ul part="categories" aria-label=${strings.categories}>${event.categories.map((c) => html`<li dir="auto">${c}</li>`)}</ul>`
              : nothing
          }
          ${this.renderDescription(event, longText)}
          ${
            this.expanded && cardDetails.module
              ? this.renderDetails(cardDetails.module, event, {
                  strings,
                  noAddToCalendar: this.noAddToCalendar,
                  showSource: this.showSource,
                  calendarLinks: this.calendarLinks,
                  onDownloadIcs: () => cardDetails.module!.downloadIcs(event, {timeZone: this.resolvedTimeZone, organizerLabel: strings.organizer}),
                })
              : nothing
          }
          <div part="actions">${
            this.noCollapse
              ? nothing
              : html`<button class="toggle" aria-expanded=${String(this.expanded)}
              aria-controls=${event.description || event.descriptionHtml ? 'description' : nothing} @click=${() => this.toggleDetails()}>${this.expanded ? strings.readLess : strings.readMore}<span class="visually-hidden">: <bdi>${event.title}</bdi></span></button>`
          }${
            event.url
              ? html`<a part="link" href=${event.url} target="_blank" rel="noopener noreferrer">${strings.eventPage}<span class="visually-hidden">: <bdi>${event.title}</bdi> (${strings.newTab})</span><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 17 17 7M9 7h8v8" /></svg></a>`
              : nothing
          }</div>
        </div>
        ${event.image ? html`<img part="image" src=${event.image} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />` : nothing}
      </article>
    `;
  }
}

defineCard(EventCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'event-card': EventCardElement;
  }
}
