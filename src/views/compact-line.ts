/**
 * `density="compact"`: one line per event (date, start time, title) for sidebars and footers,
 * whose title is the button that opens the whole card. Only lists and cards with that density
 * use it, so it is a chunk of its own (views/compact-line-lazy.ts), asked for as soon as the
 * density is known, in parallel with the feed; a list waits for it before its first events, as
 * it does for its language's strings. Its styles are adopted into each compact card's shadow root.
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import type {CalendarEvent} from '../lib/events/model.js';
import {formatCompactDate} from '../lib/format-compact.js';

export const compactLineStyles = css`
  /* density="compact": one line per event, for sidebars and footers. */
  .compact {
    position: relative;
    display: flex;
    align-items: baseline;
    gap: 0.6em;
    padding: 0.4em 0.1em;
    background: none;
    border: 0;
    border-block-end: 1px solid var(--_border);
    border-radius: 0;
    box-shadow: none;
  }
  .compact [part~='date'] {
    flex: none;
    font-size: 0.85em;
    white-space: nowrap;
  }
  .compact .time {
    font-weight: 400;
  }
  .compact [part~='title'] {
    flex: 1;
    min-width: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .compact .row {
    display: block;
    width: 100%;
    padding: 0;
    font: inherit;
    color: inherit;
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* The whole row opens the card, not only the title's letters. */
  .compact .row::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .compact:hover .row {
    text-decoration: underline;
    text-decoration-color: var(--_accent);
    text-underline-offset: 0.15em;
  }
`;

export interface CompactLineOptions {
  locale: string;
  timeZone: string;
  now: Date;
  /** "cancelled", said to screen readers after a cancelled event's title. */
  cancelledLabel: string;
  /** The card's heading at its level, around `content`. */
  title: (content: unknown) => TemplateResult;
  /** The title with the search words marked. */
  marked: (text: string) => unknown;
  onOpen: () => void;
}

/** One line: the date, the time and the title, which is the button that opens the whole card. */
export function renderCompactLine(event: CalendarEvent, o: CompactLineOptions) {
  const {date, time, datetime} = formatCompactDate(event, o.locale, o.timeZone, o.now);
  const cancelled = event.status === 'cancelled';
  return html`<article part="base" class=${cancelled ? 'compact cancelled' : 'compact'} aria-labelledby="title">
    <time part="date" datetime=${datetime}><span class="day">${date}</span>${time ? html` <span class="time">${time}</span>` : nothing}</time>
    ${o.title(
      html`<button class="row" aria-expanded="false" @click=${o.onOpen}>${o.marked(event.title)}${
        cancelled ? html`<span class="visually-hidden"> (${o.cancelledLabel})</span>` : nothing
      }</button>`
    )}<slot name="source"></slot>
  </article>`;
}
