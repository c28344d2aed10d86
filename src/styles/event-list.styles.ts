import {css} from 'lit';
import {tokenLocals} from './tokens.js';

// Tuned palettes for `theme`. They are private (`--_palette-*`), inherit into the cards, and sit
// under the public tokens, so a page's own `--event-color-*` still wins.
const light = css`
  --_palette-text: #1f2328;
  --_palette-muted: #59636e;
  --_palette-accent: #b33c0b;
  --_palette-surface: #ffffff;
  --_palette-border: #d5dbe1;
  --_palette-background: #f6f7f9;
  color-scheme: light;
`;
// The dark palette's accent, also taken by a list on a dark page without a theme.
const darkAccent = css`
  --_palette-accent: #fb923c;
  --_palette-on-accent: #1b1f24;
`;
const dark = css`
  --_palette-text: #e8eaed;
  --_palette-muted: #a0a7b0;
  ${darkAccent}
  --_palette-surface: #1b1f24;
  --_palette-border: #353b43;
  --_palette-background: #111417;
  color-scheme: dark;
`;

export const eventListStyles = [
  tokenLocals,
  css`
    :host {
      --_gap: var(--event-list-gap, calc(var(--_space) * 0.75));
      --_heading: var(--event-list-heading-color, var(--_text));
      --_background: var(--event-list-background, var(--_palette-background, transparent));
      display: block;
      max-width: var(--event-list-max-width, none);
      color: var(--_text);
      font-family: var(--event-font-family);
      background: var(--_background);
      container-type: inline-size;
      /* The widget's scheme follows its colours, not the page's declaration: a palette's, else the
         page's text, light or dark (on-dark below), so the dialog (Canvas, CanvasText) and the
         native date and select controls match what is around them. */
      color-scheme: light;
    }
    :host([theme='light']) {
      ${light}
    }
    :host([theme='dark']) {
      ${dark}
    }
    :host([theme='auto']) {
      ${light}
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${dark}
      }
    }
    /* A dark page without a theme (see connectedCallback): its own colours, the dark accent. */
    :host(:state(on-dark):not([theme])) {
      ${darkAccent}
      color-scheme: dark;
    }
    :host([theme]) {
      padding: var(--_space);
      border-radius: var(--_radius);
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_space) * 0.5);
      margin-block-end: calc(var(--_space) * 0.5);
      color: var(--_muted);
      font-size: 0.875em;
    }
    [part~='list'] {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 1.5);
    }
    [part~='group-heading'] {
      position: sticky;
      top: 0;
      z-index: 1;
      margin: 0 0 calc(var(--_space) * 0.6);
      padding-block: calc(var(--_space) * 0.35);
      color: var(--_heading);
      background: var(--_background);
      font-size: 1em;
      font-weight: 700;
      letter-spacing: 0.01em;
      border-bottom: 2px solid var(--_accent);
      width: fit-content;
    }
    [part~='group-heading']::first-letter {
      text-transform: uppercase;
    }
    :host(:not([theme])) [part~='group-heading'] {
      /* Without a theme the page's background is unknown: a sticky heading must not be see-through. */
      position: static;
    }
    .today-badge {
      margin-inline-start: 0.4em;
      padding: 0.05em 0.5em;
      font-size: 0.8em;
      font-weight: 600;
      color: var(--_on-accent);
      background: var(--_accent);
      border-radius: 999px;
      vertical-align: 0.1em;
    }
    .cards {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* One line per event: the lines' own borders part them. */
    :host([density='compact']) .cards {
      gap: 0;
    }
    :host([density='compact']) .cards [part~='card'][expanded] {
      margin-block: var(--_gap);
    }
    [part~='more'],
    [part~='switch'] {
      display: block;
      margin: calc(var(--_space) * 1.25) auto 0;
      padding: 0.55em 1.4em;
      font: inherit;
      font-weight: 600;
      color: var(--_accent);
      background: transparent;
      border: 1.5px solid currentColor;
      border-radius: 999px;
      cursor: pointer;
    }
    [part~='more']:hover,
    [part~='switch']:hover {
      background: color-mix(in srgb, var(--_accent) 10%, transparent);
    }
    [part~='more']:focus-visible,
    [part~='switch']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part~='switch'] {
      margin: var(--_space) auto;
    }
    [part~='past-heading'] {
      margin: 0;
      color: var(--_muted);
    }
    /* Past events, after the upcoming ones: muted dates and titles. */
    .past {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      --event-card-date-color: var(--_muted);
    }
    .past [part~='card']::part(title) {
      color: var(--_muted);
    }
    [part~='empty'],
    [part~='status'] {
      padding: calc(var(--_space) * 1.5) var(--_space);
      color: var(--_muted);
      text-align: center;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    [part~='status']:empty {
      display: none;
    }
    [part~='capped'] {
      margin: var(--_space) 0 0;
      color: var(--_muted);
      font-size: 0.875em;
    }
    [part~='error'] {
      padding: var(--_space);
      margin-block-end: var(--_space);
      border: 1px solid color-mix(in srgb, #d1242f 55%, var(--_border));
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
      background: color-mix(in srgb, #d1242f 7%, transparent);
    }
    [part~='error'] p {
      margin: 0.25em 0 0;
    }
    .retry {
      margin-block-start: 0.5em;
      padding: 0.3em 0.9em;
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid currentColor;
      border-radius: 999px;
      cursor: pointer;
    }
    .stale {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
      margin: 0 0 var(--_space);
      color: var(--_muted);
      font-size: 0.9em;
    }
    .stale .retry {
      margin: 0;
    }
    .error-title {
      font-weight: 650;
    }
    /* The site owner's details (views/feed-error.ts): long commands and addresses wrap. */
    [part~='error-details'] pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .fallback {
      margin-block-start: calc(var(--_space) * 0.5);
    }
    .spinner {
      display: inline-block;
      width: 0.9em;
      height: 0.9em;
      margin-inline-end: 0.5em;
      vertical-align: -0.1em;
      border: 2px solid var(--_border);
      border-top-color: var(--_accent);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
    /* On paper (a notice board), the events without the controls; a card is not cut in two.
       :host outweighs the filter bar's own display rule, adopted after this sheet. */
    @media print {
      :host [part~='toolbar'],
      [part~='more'],
      [part~='switch'],
      .retry {
        display: none;
      }
      [part~='card'] {
        break-inside: avoid;
      }
      [part~='group-heading'] {
        break-after: avoid;
      }
    }
  `,
];
