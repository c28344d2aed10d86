/**
 * The event a list shows in its details dialog (`details="dialog"`, and any event opened from the
 * month grid), and the event named in the page address, opened once the events that hold it have
 * loaded. The dialog's code (views/dialog.ts) is fetched when the page is idle by lists that will
 * need it, before the first click. If it cannot be loaded, the event opens in place instead (its
 * card expanded; in the month view in its day's list), and the next click asks for it again.
 */
import {nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {lazy} from '../lib/lazy.js';
import {whenIdle} from '../lib/idle.js';
import {adoptStyles} from '../styles/adopt-styles.js';
import type {CalendarEvent} from '../lib/events/model.js';
import type {EventCardElement} from '../event-card.js';
import type {EventCardCloseEvent, EventCardSelectEvent} from '../events.js';
import type {DialogOptions, DialogState} from '../views/dialog.js';

/** The list's attributes the selection reads. */
export interface SelectionHost extends ReactiveControllerHost, HTMLElement {
  readonly events: CalendarEvent[];
  details: 'inline' | 'dialog';
  view: 'list' | 'month';
}

export interface SelectionNeeds {
  /** An event was opened or closed and drawn (the list keeps the address in step). */
  selectionChanged: () => void;
  /** Makes the card of `event` part of the page (the month view opens its day). */
  reveal: (event: CalendarEvent) => void;
}

const dialogView = lazy(() => import('../views/dialog.js'));
const preloadDialog = () => void dialogView.tryLoad();

export class Selection implements ReactiveController, DialogState {
  /** The event open in the dialog. */
  selected?: CalendarEvent;
  /** The id of the event whose card the visitor opened in place (details="inline"). */
  private openInPlace?: string;
  /** Settles when the dialog's code, asked for by an opening, has arrived or failed. */
  loading?: Promise<void>;
  /** An event named in the address, opened once the events that hold it have loaded. */
  private pendingId?: string;

  constructor(
    private readonly host: SelectionHost,
    private readonly list: SelectionNeeds
  ) {
    host.addController(this);
  }

  hostConnected() {
    // A list that opens events in a dialog fetches its code when the page is idle, before the first click.
    if ((this.host.details === 'dialog' || this.host.view === 'month') && !dialogView.module) whenIdle(preloadDialog, 2000);
  }

  hostDisconnected() {
    dialogView.module?.releasePage(this.host.shadowRoot!);
  }

  hostUpdated() {
    // A dialog drawn closed (there is one only while an event is open) opens as a modal.
    dialogView.module?.showDialog(this.host.shadowRoot!);
  }

  /** The id of the open event, in the dialog or in place: what the address names. */
  get openId(): string {
    return this.selected?.id ?? this.openInPlace ?? '';
  }

  /**
   * In the host's `willUpdate`: keeps the open event open when the events were worked out again
   * (`refreshed`: after a refresh it is a new object with the same id), opens the address's.
   */
  update(refreshed: boolean) {
    const {events} = this.host;
    if (refreshed && this.selected) this.selected = events.find((event) => event.id === this.selected!.id) ?? this.selected;
    const pending = this.pendingId && events.find((event) => event.id === this.pendingId);
    if (!pending) return;
    this.pendingId = undefined;
    // Shown where the list opens events: its dialog (`details="dialog"`, the month grid), or in place.
    if (this.host.details === 'dialog' || this.host.view === 'month') this.show(pending);
    else this.showInPlace(pending);
  }

  /** The event the address names (`''`: none, and the dialog closes). */
  setFromAddress(id: string) {
    this.pendingId = id || undefined;
    if (!id) this.selected = undefined;
    // Back to an address without the event open in place (or with another): its card closes.
    if (this.openInPlace && this.openInPlace !== id) {
      const card = this.cardOf((event) => event.id === this.openInPlace);
      if (card) card.expanded = false;
      this.openInPlace = undefined;
    }
    this.host.requestUpdate();
  }

  /**
   * A card asks to open its details: in `dialog` mode the list shows them in its dialog instead;
   * opened in place, the address names it as it names the dialog's.
   */
  cardSelected(e: EventCardSelectEvent) {
    const inDialog = e.target === this.host.shadowRoot!.querySelector('dialog [part~="card"]');
    if (inDialog) return;
    if (this.host.details === 'dialog') {
      e.preventDefault();
      this.open(e.event);
      return;
    }
    // A card that keeps it closed (a page's own listener) has not opened.
    queueMicrotask(() => {
      if (e.defaultPrevented) return;
      this.openInPlace = e.event.id;
      this.drawn();
    });
  }

  /** A card opened in place was closed: the address no longer names it. */
  cardClosed(e: EventCardCloseEvent) {
    if (this.openInPlace !== e.event.id) return;
    this.openInPlace = undefined;
    this.drawn();
  }

  open(event: CalendarEvent) {
    this.show(event);
    this.drawn();
  }

  close() {
    this.selected = undefined;
    this.host.requestUpdate();
    this.drawn();
  }

  /** Once the opened or closed event is drawn, the list keeps the address in step. */
  private drawn() {
    this.host.updateComplete.then(() => this.list.selectionChanged());
  }

  private show(event: CalendarEvent) {
    this.selected = event;
    this.host.requestUpdate();
    if (dialogView.module) return;
    this.loading ??= dialogView.tryLoad().then((view) => {
      this.loading = undefined;
      // Without the dialog's code the event still open opens in place; the next opening asks again.
      const open = this.selected;
      if (!view && open) {
        this.selected = undefined;
        this.showInPlace(open);
      }
      this.host.requestUpdate();
    });
  }

  /** The event's card, opened and scrolled to: where the dialog cannot be. */
  private showInPlace(event: CalendarEvent) {
    this.list.reveal(event);
    this.openInPlace = event.id;
    this.host.updateComplete.then(() => {
      const card = this.cardOf((c) => c === event);
      if (card) {
        card.expanded = true;
        card.scrollIntoView({block: 'start'});
      }
    });
  }

  private cardOf(test: (event: CalendarEvent) => boolean) {
    return [...this.host.shadowRoot!.querySelectorAll<EventCardElement>('[part~="card"]')].find((card) => card.event && test(card.event));
  }

  render(o: DialogOptions) {
    const view = dialogView.module;
    if (!this.selected || !view) return nothing;
    adoptStyles(this.host, view.dialogStyles);
    return view.renderDialog(this, o);
  }
}
