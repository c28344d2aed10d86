import {css} from 'lit';

/**
 * The month view's styles, adopted into the list's shadow root when the month view first loads,
 * so pages that only show lists never download them.
 */
export const monthStyles = css`
  .month-nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .month-nav h2 {
    margin: 0;
    font-size: 1.2em;
    font-weight: 700;
  }
  .month-nav h2::first-letter {
    text-transform: uppercase;
  }
  .month-buttons {
    display: flex;
    gap: 0.35em;
  }
  .month-buttons button,
  .day-list .close {
    min-width: 2.4em;
    min-height: 2.4em;
    padding: 0.2em 0.8em;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
  }
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    font-size: 0.85em;
  }
  th {
    padding: 0.4em 0.25em;
    color: var(--_muted);
    font-weight: 600;
    text-align: start;
  }
  td {
    height: 6.2em;
    padding: 0.25em;
    vertical-align: top;
    border: 1px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
    overflow: hidden;
  }
  td.outside {
    color: var(--_muted);
    background: transparent;
  }
  td:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  td.open {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  .number {
    display: inline-grid;
    place-items: center;
    min-width: 1.8em;
    height: 1.8em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    border-radius: 999px;
  }
  td.today .number {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .entries {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 0.2em 0 0;
    padding: 0;
    list-style: none;
  }
  /* In a blog column a day is 80-90 px wide: the time goes on a line of its own and the title
     wraps onto up to three lines (a long word breaks rather than being cut), never one cut word.
     A slightly smaller type keeps most words whole there ("Bokmässa" broke at the page's size). */
  .entry button {
    display: block;
    width: 100%;
    padding: 0.1em 0.25em;
    font: inherit;
    font-size: 0.875em;
    line-height: 1.25;
    color: inherit;
    text-align: start;
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
    border: 0;
    border-inline-start: 3px solid var(--_accent);
    border-radius: 0.3em;
    cursor: pointer;
  }
  .entry.span button {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .entry.continued button {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .entry.continues button {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .entry.cancelled .name {
    text-decoration: line-through;
  }
  .entry .time {
    display: block;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .entry .name {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  td .more {
    margin-top: 2px;
    padding: 0 0.3em;
    font: inherit;
    font-weight: 600;
    color: var(--_accent);
    background: none;
    border: 0;
    cursor: pointer;
  }
  /* A title with a word wider than a day in a blog column (month-view.ts: more than ten letters)
     takes a smaller type there, so "Studiecirkel" stays whole instead of "Studiecirk / el". */
  @container (width < 50rem) {
    .entry.long-word .name {
      font-size: 0.82em;
    }
  }
  .day-list {
    margin-block-start: var(--_space);
  }
  .day-list-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .day-list-head h3 {
    margin: 0;
    font-size: 1em;
  }
  .day-list-head h3::first-letter {
    text-transform: uppercase;
  }
  .none {
    color: var(--_muted);
  }
  .narrow-list {
    display: none;
  }
  /* Below 600 px a day is too narrow for a title: the month's events show as a list. */
  @container (width < 37.5rem) {
    table,
    .day-list {
      display: none;
    }
    .narrow-list {
      display: block;
    }
  }
`;
