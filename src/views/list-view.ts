/**
 * The list view: events grouped under day (or month) headings, today's heading marked, a page of
 * cards at a time with "show more" for the rest. Template functions; `<event-list>` keeps the
 * state and passes it in.
 */
import {html, nothing, render, type CSSResult, type CSSResultOrNative} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {CalendarEvent} from '../lib/events/model.js';
import type {UiStrings} from '../lib/i18n.js';
import {formatGroupHeading, warmUpFormatters} from '../lib/format.js';
import {groupEvents, type GroupBy} from '../lib/show/group.js';
import {eventEnd} from '../lib/show/filter.js';
import type {Emptiness} from '../lib/show/facets.js';
import {dayKey, viewerTimeZone, zoneOffset} from '../lib/time.js';
import {whenIdle} from '../lib/idle.js';
import {now, nowMs} from '../lib/clock.js';
import type {Coalition} from './source-badges.js';
import {cardHtml} from './card-html.js';

/** The card's parts, re-exported by the list as `card__title` etc. (the dialog's card too). */
export const CARD_PARTS = ['base', 'title', 'date', 'location', 'organizer', 'categories', 'description', 'details', 'image', 'link', 'actions']
  .map((part) => `${part}:card__${part}`)
  .join(', ');

export interface CardOptions {
  timeZone: string;
  locale: string;
  /** Search words to mark. */
  highlight: string[];
  noAddToCalendar: boolean;
  /** The list shows more than one feed: the details name each event's. */
  showSource: boolean;
  /** `compact`: each card one line (date, time, title) until opened. */
  density: 'comfortable' | 'compact';
  dateStyle: 'time' | 'full';
  headingLevel: number;
  /** With two or more sources (views/source-badges.ts): each card names its sources. */
  coalition?: Coalition;
}

/**
 * Gets ready, while the feed is still on its way, what the first cards would otherwise build
 * after it arrives: the date formatters and the zone's offsets (the first answer `Intl` gives
 * for a zone is slow).
 */
export function prepareCards(locale: string, timeZone: string): void {
  zoneOffset(timeZone, nowMs());
  warmUpFormatters(locale, timeZone);
}

/**
 * Draws the sample card (below) once the page is idle, at most a second after `<event-list>` is
 * defined, with the list's stylesheets, in the page's language and the viewer's zone.
 */
export function warmUpCards(styles: readonly CSSResultOrNative[]): void {
  whenIdle(() => {
    const sheets = styles.map((style) => (style as CSSResult).styleSheet).filter((sheet) => sheet !== undefined);
    drawSampleCard(sheets, document.documentElement.lang || navigator.language, viewerTimeZone());
  }, 1000);
}

/**
 * Draws one sample card out of sight, lays it out and removes it, once per page, when the page
 * is idle after feedcal loads: the first layout of a page's cards costs tens of milliseconds
 * that later ones do not (the card template and stylesheet, the fonts matched to the text).
 * Paid here, it is off the path from a feed's arrival to its first cards. Nothing is drawn once
 * a list has drawn real cards. The sample sits outside every list's DOM, in a root of its own
 * with the lists' stylesheets, so nothing that watches a list sees it.
 */
export function drawSampleCard(styles: CSSStyleSheet[], locale: string, timeZone: string): void {
  if (cardsDrawn || !document.body) return;
  cardsDrawn = true;
  // Hidden (not seen, not focusable, not in the accessibility tree) but laid out, out of the flow.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;visibility:hidden;inline-size:100%';
  const sampleRoot = holder.attachShadow({mode: 'open'});
  sampleRoot.adoptedStyleSheets = styles;
  render(
    renderCards([sampleEvent()], {
      timeZone,
      locale,
      highlight: [],
      noAddToCalendar: false,
      showSource: false,
      density: 'comfortable',
      dateStyle: 'time',
      headingLevel: 3,
    }),
    sampleRoot
  );
  document.body.append(holder);
  const card = sampleRoot.querySelector('[part~="card"]') as (HTMLElement & {updateComplete: Promise<unknown>}) | null;
  void card?.updateComplete.then(() => {
    sampleHeight = card.getBoundingClientRect().height;
    holder.remove();
  });
}

let sampleHeight = 0;

/** The height the sample card took (0 before it is drawn): how much room a first card will take. */
export const sampleCardHeight = () => sampleHeight;

/** Whether cards (real or the sample) have been drawn on this page. */
let cardsDrawn = false;

/**
 * An event with the parts most cards show, in letters the feeds use (ä, é, ö, –), and a
 * description long enough for the two lines a card shows of it: its height is a typical card's.
 */
function sampleEvent(): CalendarEvent {
  const start = now();
  return {
    id: 'sample',
    title: 'Öppet möte – café',
    start,
    end: new Date(start.getTime() + 7_200_000),
    allDay: false,
    categories: ['Möte'],
    locations: ['Malmö'],
    description: 'Välkommen på öppet möte! '.repeat(16),
    url: 'https://example.org',
    source: '',
  };
}

/** A real list of `<event-card>`s, keyed by event id so a card keeps its state across updates. */
export function renderCards(events: readonly CalendarEvent[], o: CardOptions) {
  return html`<ol class="cards" role="list">
    ${repeat(
      events,
      (event) => event.id,
      (event) => cardHtml`<li>
      <event-card part="card" exportparts=${CARD_PARTS} .event=${event} .highlight=${o.highlight} .showSource=${o.showSource} density=${o.density} time-zone=${o.timeZone} lang=${o.locale}
        date-style=${o.dateStyle} heading-level=${o.headingLevel} ?no-add-to-calendar=${o.noAddToCalendar}>${o.coalition?.badge(event)}</event-card></li>`
    )}
  </ol>`;
}

export interface ListViewOptions extends Omit<CardOptions, 'dateStyle' | 'headingLevel'> {
  /** Every event that passes the filters, in display order. */
  events: readonly CalendarEvent[];
  /** How many of them are shown (the rest is behind "show more"). */
  shown: number;
  /** How many of the shown are drawn in this frame (the first screenful first); default all. */
  drawn?: number;
  pageSize: number;
  groupBy: GroupBy;
  strings: UiStrings;
  /** Prefix for heading ids, unique per list. */
  idPrefix: string;
  /** The events are upcoming first, then past (`when="all"`): the past ones go under a heading of their own, quieter. */
  pastApart?: boolean;
  onMore: () => void;
}

export function renderListView(o: ListViewOptions) {
  cardsDrawn = true;
  const remaining = Math.max(0, o.events.length - o.shown);
  const shown = o.events.slice(0, Math.min(o.shown, o.drawn ?? o.shown));
  const today = now();
  // Upcoming first, then past (an event is past once it has ended).
  const split = o.pastApart ? shown.findIndex((event) => eventEnd(event) <= today) : -1;
  const upcoming = split < 0 ? shown : shown.slice(0, split);
  return html`
    <div part="list" aria-label=${o.strings.events}>
      ${renderGroups(upcoming, o, 2, today)}
      ${
        split < 0
          ? nothing
          : html`<section part="past" class="past" aria-labelledby="${o.idPrefix}-past">
          <h2 part="past-heading" id="${o.idPrefix}-past">${o.strings.pastEvents}</h2>
          ${renderGroups(shown.slice(split), o, 3, today)}
        </section>`
      }
    </div>
    ${remaining > 0 ? html`<button part="more" @click=${o.onMore}>${o.strings.showMore(Math.min(remaining, o.pageSize))}</button>` : nothing}
  `;
}

/** Cards under day (or month) headings of the given level, or as one list. */
function renderGroups(events: readonly CalendarEvent[], o: ListViewOptions, level: number, today: Date) {
  const todayKey = dayKey(today, o.timeZone);
  // Under a day heading a card needs only its time; without headings its title is the heading.
  const cards = {...o, dateStyle: o.groupBy === 'day' ? ('time' as const) : ('full' as const), headingLevel: o.groupBy === 'none' ? level : level + 1};
  return o.groupBy === 'none'
    ? events.length
      ? renderCards(events, cards)
      : nothing
    : repeat(
        groupEvents(events, o.groupBy, o.timeZone),
        (group) => group.key,
        (group) => html`<section part="group" aria-labelledby="${o.idPrefix}-g-${group.key}">
            <h2 part="group-heading" id="${o.idPrefix}-g-${group.key}" aria-level=${level === 2 ? nothing : level}>${formatGroupHeading(group.date, o.groupBy as 'day' | 'month', o.locale, o.timeZone, today)}${
              group.key === todayKey ? html` <span class="today-badge">${o.strings.today}</span>` : nothing
            }</h2>
            ${renderCards(group.events, cards)}
          </section>`
      );
}

export interface EmptyOptions {
  strings: UiStrings;
  emptiness: Emptiness;
  /** Offered when nothing is upcoming but past events are there. */
  onPast?: () => void;
  onClear: () => void;
}

/**
 * The empty list, never a dead end: the visitor's own filters left nothing (say so, offer to
 * clear them); or nothing is upcoming (said without blaming filters, with the page's fallback
 * content and, when there are any, the past events on offer).
 */
export function renderEmpty(o: EmptyOptions) {
  const t = o.strings;
  const visitor = o.emptiness === 'visitor';
  return html`<div part="empty">
      <slot name="empty">${visitor ? t.emptyFiltered : o.emptiness === 'upcoming' ? t.noUpcoming : t.empty}</slot>
      ${
        visitor
          ? html`<button type="button" part="switch" class="clear" @click=${o.onClear}>${t.clearFilters}</button>`
          : o.onPast
            ? html`<button type="button" part="switch" @click=${o.onPast}>${t.pastEvents}</button>`
            : nothing
      }
    </div>
    ${visitor ? nothing : html`<div class="fallback"><slot></slot></div>`}`;
}
