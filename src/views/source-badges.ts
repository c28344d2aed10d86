/**
 * A coalition calendar's sources on screen: each card names its source (and every other source
 * that had the event: "Union branch · with Tenants' Union"), each month-grid entry takes its
 * source's colour and label, the filter bar's source chips take their colours from here. Loaded
 * with `import()` only by lists that show two or more sources, so a list of one feed never
 * downloads it.
 *
 * Labels are text in `<bdi>` (a right-to-left name stays whole); colours were checked by
 * lib/show/sources.ts and are set as a custom property through the style API
 * (`style.setProperty`), never written into CSS text or a `style` attribute (which a strict
 * Content Security Policy refuses; Lit's styleMap writes the attribute on its first render).
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import {Directive, directive, type DirectiveResult, type ElementPart} from 'lit/directive.js';
import type {CalendarEvent} from '../lib/events/model.js';
import type {Source} from '../controllers/feed-loader.js';
import {adoptStyles} from '../styles/adopt-styles.js';
import type {UiStrings} from '../lib/i18n.js';
import {buildRoster, sourcesOf, type SourceInfo, type SourceInput, type SourceRoster} from '../lib/show/sources.js';
import type {Facets, VisitorFilters} from '../lib/show/facets.js';

/** What the source chips read and change of the filter bar's state (views/filter-bar.ts, controllers/list-filters.ts). */
interface SourceChipsState {
  readonly visitor: VisitorFilters;
  readonly facets: Facets;
  choose(patch: Partial<VisitorFilters>): void;
}
interface SourceChipsOptions {
  strings: UiStrings;
  idPrefix: string;
}

/** Source chips shown at most; a calendar of more sources offers the rest in a picker ("+N more"). */
export const MAX_SOURCE_CHIPS = 12;

export type {SourceInfo, SourceRoster};

/** What the list's views are given when it shows several sources. */
export interface Coalition {
  roster: SourceRoster;
  /** The chips of an event's sources, for its card's `source` slot. */
  badge(event: CalendarEvent): TemplateResult;
  /** The colour of a source (or of an event's first source), for the element it is written on (`<li ${colour(event)}>`). */
  colour(source: SourceInfo | CalendarEvent): DirectiveResult | typeof nothing;
  /** The names of an event's sources as one line of text (a month-grid entry). */
  names(event: CalendarEvent): string;
  /** The filter bar's source chips (`controls="sources"`). */
  chips(state: SourceChipsState, o: SourceChipsOptions): TemplateResult | typeof nothing;
}

/** An element directive: sets `--event-source-color` on the element it is written on, through the CSSOM. */
class SourceColourDirective extends Directive {
  // Lit types the directive's arguments from render's parameters; the colour is set in update.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  render(_colour: string) {
    return nothing;
  }
  override update(part: ElementPart, [colour]: [string]) {
    (part.element as HTMLElement).style.setProperty('--event-source-color', colour);
    return nothing;
  }
}
const sourceColour = directive(SourceColourDirective);

let last: {key: string; events: readonly CalendarEvent[]; coalition: Coalition} | undefined;

/**
 * The list's sources as the views show them (from its feeds, or without them from the events
 * given through `.events`), worked out again only when a source, its label or colour, a failure
 * or (without feeds) the events change. Adopts the chips' styles into the list.
 */
export function coalitionOf(
  list: HTMLElement,
  feeds: {readonly sources: readonly Source[]; readonly errors: ReadonlyArray<{source: Source}>} | undefined,
  events: readonly CalendarEvent[],
  strings: UiStrings
): Coalition {
  adoptStyles(list, sourceBadgeStyles);
  const sources: readonly SourceInput[] = feeds?.sources ?? [];
  const failed = feeds?.errors.map((e) => e.source.src) ?? [];
  const key = JSON.stringify([sources.map((s) => [s.src, s.label, s.color]), failed, strings.withSource, strings.sourceFailed]);
  // Without feeds the sources are the events' own: new events, a new roster.
  if (last?.key === key && (sources.length || last.events === events)) return last.coalition;
  const roster = buildRoster(sources, new Set(failed), events);
  const styleOf = (info: SourceInfo | undefined) => (info ? sourceColour(info.colour) : nothing);
  const coalition: Coalition = {
    roster,
    badge: (event) => {
      const [own, ...others] = sourcesOf(event, roster);
      const [before, after = ''] = strings.withSource.split('#');
      return html`<span slot="source" part="sources" class="sources">${
        own ? html`<span part="source" class="source" ${styleOf(own)}><bdi>${own.label}</bdi></span>` : nothing
      }${others.map((info) => html` <span part="source" class="source also" ${styleOf(info)}>${before}<bdi>${info.label}</bdi>${after}</span>`)}</span>`;
    },
    colour: (source) => styleOf('src' in source ? source : sourcesOf(source, roster)[0]),
    names: (event) =>
      sourcesOf(event, roster)
        .map((info) => info.label)
        .join(' · '),
    chips: (state, o) => renderSourceChips(coalition, state, o),
  };
  last = {key, events, coalition};
  return coalition;
}

/**
 * The sources as chips with their colour, label and count, the chosen first; past
 * `MAX_SOURCE_CHIPS`, the rest in a picker. A source whose feed failed says so and cannot be chosen.
 */
function renderSourceChips(coalition: Coalition, state: SourceChipsState, o: SourceChipsOptions) {
  const {strings: t, idPrefix} = o;
  if (coalition.roster.size < 2) return nothing;
  const chosen = state.visitor.sources;
  const counts = state.facets.sources;
  const toggle = (src: string) => state.choose({sources: chosen.includes(src) ? chosen.filter((s) => s !== src) : [...chosen, src]});
  const all = [...coalition.roster.values()];
  const order = (info: SourceInfo) => (chosen.includes(info.src) ? 0 : info.failed ? 2 : 1);
  const ranked = all.length > MAX_SOURCE_CHIPS ? [...all].sort((a, b) => order(a) - order(b) || (counts.get(b.src) ?? 0) - (counts.get(a.src) ?? 0)) : all;
  const shown = ranked.slice(0, all.length > MAX_SOURCE_CHIPS ? MAX_SOURCE_CHIPS - 1 : MAX_SOURCE_CHIPS);
  const rest = ranked.slice(shown.length);
  const [before, after = ''] = t.sourceFailed.split('#');
  return html`<div class="chips source-chips" role="group" aria-label=${t.sourceFeed}>
    ${shown.map((info) =>
      info.failed
        ? html`<span class="chip source-chip failed" part="source-chip" ${coalition.colour(info)}>${before}<bdi>${info.label}</bdi>${after}</span>`
        : html`<button type="button" class="chip source-chip" part="chip source-chip" aria-pressed=${String(chosen.includes(info.src))} ${coalition.colour(info)}
            @click=${() => toggle(info.src)}><bdi>${info.label}</bdi> <span class="chip-count">${counts.get(info.src) ?? 0}</span></button>`
    )}
    ${
      rest.length
        ? html`<select id="${idPrefix}-more-sources" class="more-sources" aria-label=${t.sourceFeed} @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value) toggle(select.value);
            select.value = '';
          }}>
          <option value="">${t.moreEvents(rest.length)}</option>
          ${rest.map((info) => html`<option value=${info.src} ?disabled=${info.failed} dir="auto">${info.failed ? t.sourceFailed.replace('#', () => info.label) : info.label}</option>`)}
        </select>`
        : nothing
    }
  </div>`;
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
