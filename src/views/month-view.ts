/**
 * The month view: a real table (weeks starting on the locale's first day), today marked,
 * previous/next/today navigation, multi-day events across their days, "+N more" counted rather
 * than rendered, and a roving focus that arrow keys move from day to day. Loaded on demand with
 * `import()` the first time a list shows `view="month"`; the grid's data comes from
 * `lib/show/month.ts`, and the list's month navigation (controllers/month-navigation.ts) keeps
 * the state (month, focused day, open day).
 */
import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {monthStyles} from '../styles/month.styles.js';
import {buildMonth, shiftMonth, weekdayNames, type MonthDay, type MonthEntry} from '../lib/show/month.js';
import type {CalendarEvent} from '../lib/events/model.js';
import type {UiStrings} from '../lib/i18n.js';
import {addDaysIn, dayKey} from '../lib/time.js';
import {now} from '../lib/clock.js';
import {renderCards, type CardOptions} from './list-view.js';

/** What the month view reads and changes of the list's month navigation (controllers/month-navigation.ts). */
export interface MonthNavigationState {
  /** `YYYY-MM-DD` of the day that holds the roving focus. */
  readonly focusedDay: string;
  /** `YYYY-MM-DD` of the day whose full list is open, if any. */
  readonly openDay?: string;
  /** The list is narrower than a readable grid (watchWidth): the month's events show as a list. */
  narrow: boolean;
  setMonth(year: number, month: number, focusDay?: string): void;
  focus(day: string): void;
  setOpenDay(day: string | undefined): void;
}

export interface MonthViewOptions {
  /** Every event that passes the filters. */
  events: readonly CalendarEvent[];
  strings: UiStrings;
  /** The cards of the open day and of the narrow fallback list: zone, locale, highlight… */
  cards: Omit<CardOptions, 'dateStyle' | 'headingLevel'>;
  /** How many of the month's events the narrow fallback list renders: a page, with "show more". */
  shown: number;
  onMore: () => void;
  onSelectEvent: (event: CalendarEvent) => void;
  maxPerDay?: number;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function shortTime(date: Date, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {hour: 'numeric', minute: '2-digit', timeZone});
    timeFormats.set(key, format);
  }
  return format.format(date);
}

/** Below this width (the container query's in month.styles.ts) a day is too narrow for a title. */
const NARROW_REM = 37.5;
const watched = new WeakSet<Element>();

/**
 * Keeps `nav.narrow` in step with the list's width, so the month's events are rendered as a list
 * only where that list shows (about half a wide grid's elements were that hidden list). The
 * container query still does the switching of what shows; this decides what exists. What is
 * observed is the month's navigation row, as wide as the list and the same height whether the
 * list is drawn or not (observing the host, whose height the list changes, would loop). The first
 * answer comes after the first layout, before that frame is painted.
 */
function watchWidth(host: HTMLElement & {requestUpdate(): void; updateComplete: Promise<unknown>}, nav: MonthNavigationState) {
  if (typeof ResizeObserver !== 'function') return;
  void host.updateComplete.then(() => {
    const row = host.shadowRoot?.querySelector('.month-nav');
    if (!row || watched.has(row)) return;
    watched.add(row);
    new ResizeObserver(([entry]) => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const narrow = entry.contentRect.width < NARROW_REM * rem;
      if (narrow === nav.narrow) return;
      nav.narrow = narrow;
      host.requestUpdate();
    }).observe(row);
  });
}

/**
 * A word of more than ten letters ("Studiecirkel") is wider than a day in a blog column's grid
 * and would break mid-word: such a title gets a smaller type there (month.styles.ts).
 */
const LONG_WORD = /[\p{L}\p{N}]{11,}/u;

/** Keys move the focus by this many days; Home/End go to the week's ends. */
const KEY_STEPS: Record<string, number> = {ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7};

export {monthStyles};

export function renderMonthView(
  year: number,
  month: number,
  nav: MonthNavigationState,
  o: MonthViewOptions,
  host: HTMLElement & {requestUpdate(): void; updateComplete: Promise<unknown>}
) {
  watchWidth(host, nav);
  const {locale, timeZone} = o.cards;
  const cards = (events: CalendarEvent[]) => renderCards(events, {...o.cards, dateStyle: 'full', headingLevel: 4});
  const grid = buildMonth(year, month, o.events, {timeZone, locale, maxPerDay: o.maxPerDay ?? 3});
  const t = o.strings;
  const title = new Intl.DateTimeFormat(locale, {month: 'long', year: 'numeric', timeZone: 'UTC'}).format(Date.UTC(year, month - 1, 15));
  const longNames = weekdayNames(locale, grid.weekdays, 'long');
  const shortNames = weekdayNames(locale, grid.weekdays, 'short');
  const days = grid.weeks.flat();
  const focused = days.some((d) => d.key === nav.focusedDay) ? nav.focusedDay : (days.find((d) => d.isToday && d.inMonth) ?? days.find((d) => d.inMonth))!.key;

  const moveFocus = (event: KeyboardEvent, day: MonthDay) => {
    let step = KEY_STEPS[event.key];
    // In a right-to-left layout the next day is to the left.
    if (Math.abs(step) === 1 && (event.currentTarget as HTMLElement).matches(':dir(rtl)')) step = -step;
    let target: string | undefined;
    if (step !== undefined) target = dayKey(addDaysIn(day.date, step, timeZone), timeZone);
    else if (event.key === 'Home' || event.key === 'End') {
      const week = grid.weeks.find((w) => w.includes(day))!;
      target = (event.key === 'Home' ? week[0] : week[6]).key;
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const next = shiftMonth(year, month, event.key === 'PageUp' ? -1 : 1);
      const dayOfMonth = Math.min(day.day, new Date(Date.UTC(next.year, next.month, 0)).getUTCDate());
      event.preventDefault();
      return nav.setMonth(next.year, next.month, `${next.year}-${String(next.month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      return nav.setOpenDay(nav.openDay === day.key ? undefined : day.key);
    } else if (event.key === 'Escape' && nav.openDay) {
      return nav.setOpenDay(undefined);
    } else return;
    event.preventDefault();
    const [y, m] = target.split('-').map(Number);
    if (y !== year || m !== month) nav.setMonth(y, m, target);
    else nav.focus(target);
  };

  const coalition = o.cards.coalition;
  const entry = (item: MonthEntry) => {
    const {event} = item;
    const time = event.allDay || item.continued ? '' : shortTime(event.start, locale, timeZone);
    const classes = [
      'entry',
      event.allDay || item.continues || item.continued ? 'span' : '',
      item.continued ? 'continued' : '',
      item.continues ? 'continues' : '',
      event.status === 'cancelled' ? 'cancelled' : '',
      coalition ? 'sourced' : '',
      LONG_WORD.test(event.title) ? 'long-word' : '',
    ]
      .filter(Boolean)
      .join(' ');
    // With several sources the entry takes its source's colour and names it: colour is never the only sign.
    return html`<li class=${classes} part="event" ${coalition?.colour(event)}>
      <button type="button" tabindex="-1" @click=${() => o.onSelectEvent(event)}>
        ${coalition ? html`<span class="source-name" part="source" dir="auto">${coalition.names(event)}</span>` : nothing}${
          time ? html`<span class="time">${time}</span>` : nothing
        }<span class="name" dir="auto">${event.title}</span>
      </button>
    </li>`;
  };

  const cell = (day: MonthDay) => {
    const label = new Intl.DateTimeFormat(locale, {weekday: 'long', day: 'numeric', month: 'long', timeZone}).format(day.date);
    return html`<td
      part="day"
      class=${['day', day.inMonth ? '' : 'outside', day.isToday ? 'today' : '', day.key === nav.openDay ? 'open' : ''].filter(Boolean).join(' ')}
      role="gridcell"
      aria-selected=${String(day.key === nav.openDay)}
      aria-current=${day.isToday ? 'date' : nothing}
      tabindex=${day.key === focused ? '0' : '-1'}
      data-day=${day.key}
      @keydown=${(e: KeyboardEvent) => moveFocus(e, day)}
      @click=${(e: Event) => {
        if ((e.target as HTMLElement).closest('button')) return;
        nav.focus(day.key);
        nav.setOpenDay(nav.openDay === day.key ? undefined : day.key);
      }}
    >
      <span class="number" aria-hidden="true">${day.day}</span><span class="visually-hidden">${label}${day.isToday ? `, ${t.today}` : ''}</span>
      ${day.events.length ? html`<ul class="entries">${day.events.map(entry)}</ul>` : nothing}
      ${
        day.hiddenCount
          ? html`<button type="button" class="more" tabindex="-1" @click=${() => nav.setOpenDay(day.key)}>${t.moreEvents(day.hiddenCount)}</button>`
          : nothing
      }
    </td>`;
  };

  const openEvents = nav.openDay ? eventsOnDay(o.events, nav.openDay, timeZone) : [];
  const prev = shiftMonth(year, month, -1);
  const next = shiftMonth(year, month, 1);
  const today = dayKey(now(), timeZone);
  const monthEvents = nav.narrow ? o.events.filter((e) => e.start < grid.to && (e.end ?? e.start) >= grid.from) : [];

  return html`<section part="month" class="month" aria-labelledby="month-title">
    <div class="month-nav">
      <h2 id="month-title" part="month-title" aria-live="polite">${title}</h2>
      <div class="month-buttons">
        <button type="button" part="nav" aria-label=${t.previousMonth} @click=${() => nav.setMonth(prev.year, prev.month)}><span aria-hidden="true">‹</span></button>
        <button type="button" part="nav" @click=${() => {
          const [y, m] = today.split('-').map(Number);
          nav.setMonth(y, m, today);
        }}>${t.today}</button>
        <button type="button" part="nav" aria-label=${t.nextMonth} @click=${() => nav.setMonth(next.year, next.month)}><span aria-hidden="true">›</span></button>
      </div>
    </div>
    <table part="grid" role="grid" aria-labelledby="month-title">
      <thead>
        <tr>${grid.weekdays.map((_, i) => html`<th scope="col" abbr=${longNames[i]}>${shortNames[i]}</th>`)}</tr>
      </thead>
      <tbody>
        ${repeat(
          grid.weeks,
          (week) => week[0].key,
          (week) => html`<tr>${week.map(cell)}</tr>`
        )}
      </tbody>
    </table>
    ${
      nav.openDay
        ? html`<section part="day-list" class="day-list" aria-label=${new Intl.DateTimeFormat(locale, {dateStyle: 'full', timeZone}).format(openEvents[0]?.start ?? new Date(`${nav.openDay}T12:00:00Z`))}>
          <div class="day-list-head">
            <h3>${new Intl.DateTimeFormat(locale, {weekday: 'long', day: 'numeric', month: 'long', timeZone}).format(new Date(`${nav.openDay}T12:00:00Z`))}</h3>
            <button type="button" class="close" @click=${() => nav.setOpenDay(undefined)}>${t.close}</button>
          </div>
          ${openEvents.length ? cards(openEvents) : html`<p class="none">${t.empty}</p>`}
        </section>`
        : nothing
    }
    ${
      nav.narrow
        ? html`<div class="narrow-list">${
            monthEvents.length
              ? html`${cards(monthEvents.slice(0, o.shown))}${
                  monthEvents.length > o.shown
                    ? html`<button type="button" part="more" @click=${o.onMore}>${t.showMore(monthEvents.length - o.shown)}</button>`
                    : nothing
                }`
              : html`<p class="none">${t.empty}</p>`
          }</div>`
        : nothing
    }
  </section>`;
}

/** Events that touch the calendar day `key` (all of them: the open day shows what "+N" hid). */
export function eventsOnDay(events: readonly CalendarEvent[], key: string, timeZone: string): CalendarEvent[] {
  return events.filter((event) => {
    const first = dayKey(event.start, timeZone);
    const endInstant = event.end ? new Date(event.end.getTime() - 1) : event.start;
    const last = dayKey(endInstant, timeZone);
    return first <= key && key <= last;
  });
}
