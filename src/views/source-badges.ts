/**
 * A coalition calendar's sources on screen: each card names its source (and every other source
 * that had the event: "Union branch · with Tenants' Union"), each month-grid entry takes its
 * source's colour and label, the filter bar's source chips take their colours from here. Loaded
 * with `import()` only by lists that show two or more sources, so a list of one feed never
 * downloads it.
 *
 * Labels are text in `<bdi>` (a right-to-left name stays whole); colours were checked by
 * lib/show/sources.ts and are set as a custom property through the style API (`styleMap` calls
 * `style.setProperty`), never written into CSS text.
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import {styleMap} from 'lit/directives/style-map.js';
import type {DirectiveResult} from 'lit/directive.js';
import type {CalendarEvent} from '../lib/events/model.js';
import type {UiStrings} from '../lib/i18n.js';
import {buildRoster, sourcesOf, type SourceInfo, type SourceInput, type SourceRoster} from '../lib/show/sources.js';

export type {SourceInfo, SourceRoster};

/** What the list's views are given when it shows several sources. */
export interface Coalition {
  roster: SourceRoster;
  /** The chips of an event's sources, for its card's `source` slot. */
  badge(event: CalendarEvent): TemplateResult;
  /** The colour of a source (or of an event's first source) as a style for the element that shows it. */
  colour(source: SourceInfo | CalendarEvent): DirectiveResult | typeof nothing;
  /** The names of an event's sources as one line of text (a month-grid entry). */
  names(event: CalendarEvent): string;
}

let last: {key: string; coalition: Coalition} | undefined;

/**
 * The list's sources as the views show them, worked out again only when a source, its label or
 * colour, a failure or (without sources) the events change.
 */
export function coalitionOf(sources: readonly SourceInput[], failed: readonly string[], events: readonly CalendarEvent[], strings: UiStrings): Coalition {
  const key = JSON.stringify([sources.map((s) => [s.src, s.label, s.color]), failed, sources.length ? 0 : events.length, strings.withSource]);
  if (last?.key === key) return last.coalition;
  const roster = buildRoster(sources, new Set(failed), events);
  const styleOf = (info: SourceInfo | undefined) => (info ? styleMap({'--event-source-color': info.colour}) : nothing);
  const coalition: Coalition = {
    roster,
    badge: (event) => {
      const [own, ...others] = sourcesOf(event, roster);
      const [before, after = ''] = strings.withSource.split('#');
      return html`<span slot="source" part="sources" class="sources">${
        own ? html`<span part="source" class="source" style=${styleOf(own)}><bdi>${own.label}</bdi></span>` : nothing
      }${others.map((info) => html` <span part="source" class="source also" style=${styleOf(info)}>${before}<bdi>${info.label}</bdi>${after}</span>`)}</span>`;
    },
    colour: (source) => styleOf('src' in source ? source : sourcesOf(source, roster)[0]),
    names: (event) =>
      sourcesOf(event, roster)
        .map((info) => info.label)
        .join(' · '),
  };
  last = {key, coalition};
  return coalition;
}

/**
 * The chips' look, adopted by the list: a swatch of the source's colour (3:1 or more against
 * light and dark pages for the palette) beside the label in the text colour, so the label's
 * contrast is the text's own.
 */
export const sourceBadgeStyles = css`
  .sources {
    margin-inline-start: 0.6em;
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    font-size: 0.85em;
    color: var(--_text);
    vertical-align: baseline;
  }
  .source {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .source::before,
  .source-chip::before {
    content: '';
    flex: none;
    inline-size: 0.7em;
    block-size: 0.7em;
    background: var(--event-source-color);
    border-radius: 50%;
  }
  /* The filter bar's source chips (views/filter-bar.ts): the swatch before the label. */
  .source-chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  /* A month-grid entry (views/month-view.ts; li: over the multi-day look whichever sheet comes last) takes its source's colour on its edge and a tint of
     it behind text in the text colour (multi-day entries too), and names the source above the title. */
  li.entry.sourced button {
    color: inherit;
    background: color-mix(in srgb, var(--event-source-color) 14%, transparent);
    border-inline-start-color: var(--event-source-color);
  }
  .entry .source-name {
    display: block;
    overflow: hidden;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .source-chip.failed {
    color: var(--_muted);
    border-style: dashed;
    cursor: default;
  }
`;
