/**
 * The details dialog (`details="dialog"`, and an event opened from the month grid): code and
 * styles only lists that open one need, imported when the first event is opened.
 */
import type {Coalition} from './source-badges.js';
import {css} from 'lit';
import type {CalendarEvent} from '../lib/events/model.js';
import type {UiStrings} from '../lib/i18n.js';
import {CARD_PARTS} from './list-view.js';
import {cardHtml} from './card-html.js';

export const dialogStyles = css`
    /* Its padding and border count in its size, so it fits the window with them; a long event
       scrolls inside it, and never past it into the page (overscroll-behavior). */
    dialog {
      box-sizing: border-box;
      width: min(40rem, calc(100vw - 2rem));
      max-width: calc(100vw - 2rem);
      max-height: calc(100dvh - 2rem);
      overflow: auto;
      overscroll-behavior: contain;
      padding: var(--_space);
      color: var(--_text, CanvasText);
      background: var(--_palette-surface, Canvas);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 1.5rem 3rem rgb(0 0 0 / 0.25);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    /* The dialog is the card's frame. Styled through the part, not by setting the card's public
       tokens: those belong to the page, and a page's own ::part(card__base) rules still win. */
    dialog [part~='card']::part(base) {
      padding: 0;
      border: 0;
      box-shadow: none;
    }
    .dialog-close {
      display: flex;
      justify-content: flex-end;
      margin: 0 0 0.5em;
    }
    .dialog-close button {
      padding: 0.3em 0.9em;
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid var(--_border);
      border-radius: 999px;
      cursor: pointer;
    }
`;

/** What the dialog reads and changes of the list's selection (controllers/selection.ts). */
export interface DialogState {
  readonly selected?: CalendarEvent;
  close(): void;
}

export interface DialogOptions {
  strings: UiStrings;
  timeZone: string;
  locale: string;
  noAddToCalendar: boolean;
  showSource: boolean;
  /** With two or more sources (views/source-badges.ts): the card names the event's sources. */
  coalition?: Coalition;
}

/** A modal dialog with the selected event's card, opened in full; `showDialog` opens it once it is drawn. */
export function renderDialog(state: DialogState, o: DialogOptions) {
  return cardHtml`<dialog part="dialog" aria-label=${o.strings.eventDetails} @close=${() => state.close()}>
    <form method="dialog" class="dialog-close"><button>${o.strings.close}</button></form>
    <event-card part="card" exportparts=${CARD_PARTS} .event=${state.selected} .showSource=${o.showSource} expanded no-collapse heading-level="2" time-zone=${o.timeZone} lang=${o.locale}
      ?no-add-to-calendar=${o.noAddToCalendar}>${state.selected && o.coalition?.badge(state.selected)}</event-card>
  </dialog>`;
}

/** The lists whose dialog is open, and the page's own `overflow` from before the first opened. */
const openDialogs = new Set<ShadowRoot>();
let pageOverflow = '';

/**
 * Opens the list's dialog as a modal once it has been drawn, and keeps the page behind it still
 * while it is open: a modal dialog makes the page inert, but the wheel and touch still scroll it.
 * Called after every update of a list that has the dialog's code; once the dialog is gone (closed,
 * or the event closed from the address), the page scrolls again as it did.
 */
export function showDialog(root: ShadowRoot) {
  const dialog = root.querySelector('dialog');
  if (dialog && !dialog.open) dialog.showModal();
  const page = document.documentElement.style;
  if (dialog?.open) {
    if (!openDialogs.size) pageOverflow = page.overflow;
    openDialogs.add(root);
    page.overflow = 'hidden';
  } else releasePage(root);
}

/** The list's dialog is gone (or the list left the page): the page scrolls again once no dialog is open. */
export function releasePage(root: ShadowRoot) {
  if (openDialogs.delete(root) && !openDialogs.size) document.documentElement.style.overflow = pageOverflow;
}
