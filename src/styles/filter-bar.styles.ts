import {css} from 'lit';

/**
 * The filter bar's styles, adopted into the list's shadow root when the filter bar first loads
 * (as the month view's are), so lists without controls never download them.
 */
export const filterBarStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 0.6) calc(var(--_space) * 0.75);
    margin-block-end: var(--_space);
    color: var(--_text);
    font-size: 0.9em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
  }
  .field.search {
    flex: 1 1 14rem;
  }
  .label {
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 600;
  }
  .filters :is(input, select) {
    box-sizing: border-box;
    min-height: 2.4em;
    padding: 0.35em 0.6em;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    /* A field is found by its edge: 3:1 against the page (WCAG 1.4.11), which the quiet border is not. */
    border: 1px solid color-mix(in srgb, currentColor 60%, transparent);
    border-radius: calc(var(--_radius) * 0.6);
    max-width: 100%;
  }
  .filters input[type='search'] {
    width: 100%;
  }
  .dates {
    flex-direction: row;
    gap: 0.5em;
  }
  .dates label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
  }
  .view-switch {
    flex-direction: row;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 2px;
  }
  .view-switch button,
  .chip,
  .clear {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border-radius: 999px;
  }
  .view-switch button {
    padding: 0.3em 0.9em;
    background: transparent;
    border: 0;
  }
  .view-switch button[aria-pressed='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    flex-basis: 100%;
  }
  .chip {
    padding: 0.25em 0.75em;
    background: transparent;
    border: 1px solid var(--_border);
  }
  .chip[aria-pressed='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .chip-count {
    opacity: 0.75;
    font-variant-numeric: tabular-nums;
  }
  .summary {
    display: flex;
    align-items: center;
    gap: 1em;
    flex-basis: 100%;
    color: var(--_muted);
  }
  .clear {
    padding: 0;
    color: var(--_accent);
    background: none;
    border: 0;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .filters :is(input, select, button):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
