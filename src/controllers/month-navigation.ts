/**
 * The month view's state and code: which month is shown (`month`, else the current one in the
 * list's zone), the day holding the roving focus, the day whose list is open, moving between
 * months, and the grid's on-demand code (views/month-view.ts). While that code is on its way the
 * view says "Loading…"; if it cannot be loaded, the view shows the month's events as a list of
 * cards under a short notice, and the next need (another month, a switch to the month view,
 * another list) asks for it again. Not a host-registered controller: it has no lifecycle of its
 * own; the list calls `update` from `willUpdate`.
 */
import {html, type ReactiveControllerHost} from 'lit';
import {lazy} from '../lib/lazy.js';
import {monthKey, parseMonth} from '../lib/month-key.js';
import {dayKey} from '../lib/time.js';
import {now} from '../lib/clock.js';
import {adoptStyles} from '../styles/adopt-styles.js';
import {renderCards} from '../views/list-view.js';
import type {MonthNavigationState, MonthViewOptions} from '../views/month-view.js';

/** The list's attributes the month view reads and sets. */
export interface MonthHost extends ReactiveControllerHost, HTMLElement {
  view: 'list' | 'month';
  month: string;
}

export interface MonthNeeds {
  timeZone: () => string;
  /** The visitor moved to another month, and it has been drawn. */
  changed: (history: 'push') => void;
}

const monthView = lazy(() => import('../views/month-view.js'));

export class MonthNavigation implements MonthNavigationState {
  /** `YYYY-MM-DD` of the day that holds the roving focus. */
  focusedDay = '';
  /** `YYYY-MM-DD` of the day whose full list is open. */
  openDay?: string;
  narrow = false;

  constructor(
    private readonly host: MonthHost,
    private readonly list: MonthNeeds
  ) {}

  /** The month shown: the `month` attribute when valid, else the current month. */
  get shown(): {year: number; month: number} {
    const shown = parseMonth(this.host.month);
    if (shown) return shown;
    const [year, month] = dayKey(now(), this.list.timeZone()).split('-').map(Number);
    return {year, month};
  }

  /** In the host's `willUpdate`: a list that shows a month, or another one, asks for the grid (again, if it failed). */
  update(changed: ReadonlyMap<PropertyKey, unknown>) {
    if (this.host.view !== 'month' || monthView.module || !(changed.has('view') || changed.has('month'))) return;
    void monthView.tryLoad().then(() => this.host.requestUpdate());
  }

  /** Shows another month, with the focus on `focusDay` (default: its 1st). */
  setMonth(year: number, month: number, focusDay?: string) {
    this.host.month = monthKey(year, month);
    this.openDay = undefined;
    this.focus(focusDay ?? `${this.host.month}-01`);
    this.host.updateComplete.then(() => this.list.changed('push'));
  }

  setOpenDay(day: string | undefined) {
    this.openDay = day;
    this.host.requestUpdate();
  }

  /** Moves the roving focus to the day `day` (the grid is drawn again, then the day's cell focused). */
  focus(day: string) {
    if (day === this.focusedDay) return;
    this.focusedDay = day;
    this.host.requestUpdate();
    this.host.updateComplete.then(() => this.host.shadowRoot!.querySelector<HTMLElement>(`td[data-day="${day}"]`)?.focus());
  }

  /**
   * The grid; while its code is on its way, "Loading…"; if it cannot be loaded, a notice and the
   * month's events (those that touch it) as a list of cards.
   */
  render(o: MonthViewOptions) {
    const {strings, cards} = o;
    const {year, month} = this.shown;
    const view = monthView.module;
    if (view) {
      adoptStyles(this.host, view.monthStyles);
      return view.renderMonthView(year, month, this, o, this.host);
    }
    if (!monthView.failed) return html`<div part="status" role="status">${strings.loading}</div>`;
    const key = monthKey(year, month);
    const events = o.events.filter(
      (event) => dayKey(event.start, cards.timeZone) < `${key}-32` && dayKey(event.end ? new Date(event.end.getTime() - 1) : event.start, cards.timeZone) >= key
    );
    return html`<p part="status" role="status">${strings.monthGridFailed}</p>${renderCards(events, {...cards, dateStyle: 'full', headingLevel: 3})}`;
  }
}
