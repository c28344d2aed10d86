import {css} from 'lit';
import {tokenLocals} from './tokens.js';

export const eventCardStyles = [
  tokenLocals,
  css`
    :host {
      --_card-bg: var(--event-card-background, var(--_surface));
      --_card-border: var(--event-card-border, 1px solid var(--_border));
      --_card-padding: var(--event-card-padding, calc(var(--_space) * 1.1));
      --_card-radius: var(--event-card-radius, var(--_radius));
      --_card-shadow: var(--event-card-shadow, none);
      --_date-color: var(--event-card-date-color, var(--_accent));
      display: block;
      color: var(--_text);
      font-family: var(--event-font-family);
      container-type: inline-size;
    }
    /* A word longer than the card (a 5,000-letter title, a pasted URL as a category) breaks
       wherever it must, in every part: minmax(0, …) lets the column be narrower than it. */
    [part~='base'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      overflow-wrap: anywhere;
      gap: calc(var(--_space) * 0.35) var(--_space);
      padding: var(--_card-padding);
      background: var(--_card-bg);
      border: var(--_card-border);
      border-radius: var(--_card-radius);
      box-shadow: var(--_card-shadow);
      line-height: 1.45;
      transition: border-color 0.15s;
    }
    [part~='base']:hover {
      border-color: color-mix(in srgb, var(--_accent) 45%, transparent);
    }
    .body {
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.35);
    }
    [part~='date'] {
      color: var(--_date-color);
      font-size: 0.875em;
      font-weight: 600;
      letter-spacing: 0.01em;
      font-variant-numeric: tabular-nums;
    }
    .status {
      display: inline-block;
      margin-inline-start: 0.5em;
      padding: 0 0.45em;
      border-radius: 0.3em;
      border: 1px solid currentColor;
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_muted);
    }
    .status.now {
      color: var(--_accent);
      border-color: currentColor;
    }
    mark {
      color: inherit;
      background: color-mix(in srgb, var(--_accent) 22%, transparent);
      border-radius: 0.15em;
    }
    .cancelled [part~='title'] {
      text-decoration: line-through;
      color: var(--_muted);
    }
    [part~='title'] {
      margin: 0;
      font-size: 1.125em;
      font-weight: 650;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    [part~='title'] a {
      color: inherit;
      text-decoration: none;
    }
    [part~='title'] a:hover {
      text-decoration: underline;
      text-decoration-color: var(--_accent);
      text-underline-offset: 0.15em;
    }
    a:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
      border-radius: 0.25em;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      color: var(--_muted);
      font-size: 0.925em;
    }
    .meta > span {
      display: inline-flex;
      align-items: flex-start;
      gap: 0.35em;
      overflow-wrap: anywhere;
    }
    svg {
      width: 0.95em;
      height: 0.95em;
      flex: none;
      margin-top: 0.22em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    [part~='categories'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='categories'] li {
      padding: 0.1em 0.6em;
      border-radius: 999px;
      font-size: 0.8em;
      color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 9%, transparent);
    }
    [part~='description'] {
      margin: 0;
      color: var(--_text);
      font-size: 0.95em;
      overflow-wrap: anywhere;
    }
    /* Two lines of running text (its line breaks as spaces): a paragraph that ends a line would
       otherwise get the clamp's "…" right after its full stop. */
    .excerpt {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
    }
    .full :is(p, ul, ol) {
      margin: 0 0 0.6em;
    }
    .full.plain > p:last-child {
      margin-block-end: 0;
    }
    .full img {
      max-width: 100%;
      height: auto;
    }
    .full a,
    [part~='link'] {
      overflow-wrap: anywhere;
      color: var(--_accent);
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
      font-size: 0.9em;
    }
    [part~='actions']:empty {
      display: none;
    }
    [part~='link'] {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      text-underline-offset: 0.15em;
    }
    /* The "opens elsewhere" arrow points up and away from the reading direction. */
    [part~='link'] svg:dir(rtl) {
      transform: scaleX(-1);
    }
    button.link,
    button.toggle {
      font: inherit;
      color: var(--_accent);
      background: none;
      border: 0;
      padding: 0;
      cursor: pointer;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    [part~='image'] {
      width: 6.5rem;
      aspect-ratio: 1;
      object-fit: cover;
      border-radius: calc(var(--_card-radius) * 0.6);
      background: var(--_border);
    }
    @media print {
      button.toggle {
        display: none;
      }
      [part~='base'] {
        box-shadow: none;
      }
    }
    @container (max-width: 26rem) {
      [part~='base'] {
        grid-template-columns: 1fr;
      }
      [part~='image'] {
        grid-row: 1;
        width: 100%;
        aspect-ratio: 16 / 9;
      }
    }
  `,
];
