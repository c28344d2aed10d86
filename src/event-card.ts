import {LitElement, html, nothing, svg} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {CalendarEvent} from './lib/model.js';
import {formatEventRange} from './lib/format.js';
import {resolveLocale, uiStrings} from './lib/i18n.js';
import {isTimeZone, viewerTimeZone} from './lib/time.js';
import {eventCardStyles} from './styles/event-card.styles.js';
import {defineElement} from './define.js';
import {EventCardSelectEvent} from './events.js';

// A description shorter than this shows whole, without a "read more" button.
const EXCERPT_LENGTH = 160;

const icons = {
  place: svg`<path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
  organizer: svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5a6.5 6.5 0 0 1 3.5 5.5"/>`,
  arrow: svg`<path d="M7 17 17 7M9 7h8v8"/>`,
};

/**
 * One event: its title, a `<time>` with the date and time range in the reader's language,
 * place, organiser, categories, a short description that expands, an image and a link to the
 * event's page. `<event-list>` renders one per event; it also works alone with `.event`.
 *
 * @summary Shows one calendar event.
 * @tag event-card
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
 * @csspart actions - The row holding the link and the read-more button.
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
 * @fires {EventCardSelectEvent} event-card-select - The visitor expanded the event's details.
 */
export class EventCardElement extends LitElement {
  static override styles = eventCardStyles;

  /** The event to show. */
  @property({attribute: false}) event?: CalendarEvent;

  /** IANA zone for the date line; default: the nearest ancestor's `time-zone`, else the viewer's zone. */
  @property({attribute: 'time-zone'}) timeZone?: string;

  /** `full` (default): weekday, date and time. `time`: only the time for a one-day event, for cards under a day heading. */
  @property({attribute: 'date-style'}) dateStyle: 'full' | 'time' = 'full';

  /** Heading level of the title (2–6), so the card fits the page's outline. */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 3;

  @state() private expanded = false;
  @state() private richDescription?: DocumentFragment;

  private get resolvedTimeZone(): string {
    const zone = this.timeZone ?? this.closest('[time-zone]')?.getAttribute('time-zone');
    return isTimeZone(zone) ? zone : viewerTimeZone();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('event') && changed.get('event') !== undefined) {
      this.expanded = false;
      this.richDescription = undefined;
    }
  }

  private async toggleDescription() {
    this.expanded = !this.expanded;
    const event = this.event;
    if (!this.expanded || !event) return;
    this.dispatchEvent(new EventCardSelectEvent(event));
    if (event.descriptionHtml && !this.richDescription) {
      const {sanitizeToFragment} = await import('./lib/sanitize.js');
      const fragment = await sanitizeToFragment(event.descriptionHtml, event.url ?? event.source);
      // The event may have changed while DOMPurify loaded.
      if (this.event === event) this.richDescription = fragment;
    }
  }

  private renderTitle(event: CalendarEvent) {
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    const text = html`${event.title}`;
    switch (level) {
      case 2: return html`<h2 part="title" id="title">${text}</h2>`;
      case 4: return html`<h4 part="title" id="title">${text}</h4>`;
      case 5: return html`<h5 part="title" id="title">${text}</h5>`;
      case 6: return html`<h6 part="title" id="title">${text}</h6>`;
      default: return html`<h3 part="title" id="title">${text}</h3>`;
    }
  }

  private renderDescription(event: CalendarEvent, longText: boolean) {
    if (!event.description && !event.descriptionHtml) return nothing;
    if (!this.expanded) {
      return html`<p part="description" class=${longText ? 'excerpt' : 'full plain'} id="description">${event.description}</p>`;
    }
    if (this.richDescription) return html`<div part="description" class="full" id="description">${this.richDescription.cloneNode(true)}</div>`;
    return html`<p part="description" class="full plain" id="description">${event.description}</p>`;
  }

  override render() {
    const event = this.event;
    if (!event) return nothing;
    const locale = resolveLocale(this);
    const strings = uiStrings(locale);
    const range = formatEventRange(event, locale, this.resolvedTimeZone, new Date(), {
      timeOnly: this.dateStyle === 'time',
      allDayLabel: strings.allDay,
    });
    const place = event.locations.length ? event.locations.join(', ') : event.place?.name;
    const longText = (event.description?.length ?? 0) > EXCERPT_LENGTH || Boolean(event.descriptionHtml);
    const cancelled = event.status === 'cancelled';
    return html`
      <article part="base" class=${cancelled ? 'cancelled' : ''} aria-labelledby="title">
        <div class="body">
          <div>
            <time part="date" datetime=${range.datetime}>${range.text}</time>
            ${cancelled ? html`<span class="status">${strings.cancelled}</span>` : nothing}
          </div>
          ${this.renderTitle(event)}
          ${place || event.organizer
            ? html`<div class="meta">
                ${place ? html`<span part="location"><svg viewBox="0 0 24 24" aria-hidden="true">${icons.place}</svg><span class="visually-hidden">${strings.location}: </span>${place}</span>` : nothing}
                ${event.organizer ? html`<span part="organizer"><svg viewBox="0 0 24 24" aria-hidden="true">${icons.organizer}</svg><span class="visually-hidden">${strings.organizer}: </span>${event.organizer}</span>` : nothing}
              </div>`
            : nothing}
          ${event.categories.length
            ? html`<ul part="categories" aria-label=${strings.categories}>${event.categories.map((c) => html`<li>${c}</li>`)}</ul>`
            : nothing}
          ${this.renderDescription(event, longText)}
          <div part="actions">${longText
            ? html`<button class="toggle" aria-expanded=${String(this.expanded)} aria-controls="description" @click=${() => this.toggleDescription()}>
                ${this.expanded ? strings.readLess : strings.readMore}</button>`
            : nothing}${event.url
            ? html`<a part="link" href=${event.url} target="_blank" rel="noopener noreferrer">${strings.eventPage}<span class="visually-hidden">: ${event.title}</span><svg viewBox="0 0 24 24" aria-hidden="true">${icons.arrow}</svg></a>`
            : nothing}</div>
        </div>
        ${event.image ? html`<img part="image" src=${event.image} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />` : nothing}
      </article>
    `;
  }
}

defineElement('event-card', EventCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'event-card': EventCardElement;
  }
}
