/**
 * The visitor's filter bar: search, category chips with counts, place and organiser pickers, a
 * date range, the view switch and "clear filters". A template function, not an element: the
 * state lives in `<event-list>`, which passes it in with the handlers.
 */
import {html, nothing} from 'lit';
import type {UiStrings} from '../lib/i18n.js';
import {NO_VISITOR_FILTERS, type VisitorFilters} from '../lib/show/facets.js';

// The bar's styles travel with its code; the list adopts them when it first shows the bar.
export {filterBarStyles} from '../styles/filter-bar.styles.js';

export type Control = 'search' | 'categories' | 'locations' | 'organizers' | 'dates' | 'view';


export interface FilterBarOptions {
  controls: readonly Control[];
  filters: VisitorFilters;
  /** Category names with how many events carry each, most common first. */
  categories: Array<[string, number]>;
  locations: string[];
  organizers: string[];
  view: 'list' | 'month';
  count: number;
  /** Whether the visitor has narrowed anything (shows "clear filters"). */
  filtered: boolean;
  strings: UiStrings;
  /** Prefix for ids, unique per element. */
  idPrefix: string;
  /** A change of some fields; the element merges it into its current state. */
  onChange: (patch: Partial<VisitorFilters>) => void;
  onSearchInput: (value: string) => void;
  onView: (view: 'list' | 'month') => void;
}

export function renderFilterBar(o: FilterBarOptions) {
  const {controls, filters, strings: t, idPrefix} = o;
  const has = (control: Control) => controls.includes(control);
  const update = (patch: Partial<VisitorFilters>) => o.onChange(patch);
  const toggleCategory = (name: string) =>
    update({categories: filters.categories.includes(name) ? filters.categories.filter((c) => c !== name) : [...filters.categories, name]});
  const picker = (id: string, label: string, all: string, options: string[], value: string, key: 'location' | 'organizer') =>
    options.length
      ? html`<label class="field" for="${idPrefix}-${id}">
          <span class="label">${label}</span>
          <select id="${idPrefix}-${id}" .value=${value} @change=${(e: Event) => update({[key]: (e.target as HTMLSelectElement).value})}>
            <option value="">${all}</option>
            ${options.map((name) => html`<option value=${name} ?selected=${name === value}>${name}</option>`)}
          </select>
        </label>`
      : nothing;

  return html`<div part="toolbar" class="filters" role="search" aria-label=${t.filters}>
    ${has('search')
      ? html`<label class="field search" for="${idPrefix}-search">
          <span class="label">${t.searchLabel}</span>
          <input id="${idPrefix}-search" type="search" part="search" placeholder=${t.searchPlaceholder} .value=${filters.search}
            autocomplete="off" @input=${(e: Event) => o.onSearchInput((e.target as HTMLInputElement).value)} />
        </label>`
      : nothing}
    ${has('locations') ? picker('location', t.location, t.allPlaces, o.locations, filters.location, 'location') : nothing}
    ${has('organizers') ? picker('organizer', t.organizer, t.allOrganizers, o.organizers, filters.organizer, 'organizer') : nothing}
    ${has('dates')
      ? html`<div class="field dates" role="group" aria-label=${t.dates}>
          <label for="${idPrefix}-from"><span class="label">${t.dateFrom}</span>
            <input id="${idPrefix}-from" type="date" .value=${filters.from} max=${filters.to || nothing}
              @change=${(e: Event) => update({from: (e.target as HTMLInputElement).value})} /></label>
          <label for="${idPrefix}-to"><span class="label">${t.dateTo}</span>
            <input id="${idPrefix}-to" type="date" .value=${filters.to} min=${filters.from || nothing}
              @change=${(e: Event) => update({to: (e.target as HTMLInputElement).value})} /></label>
        </div>`
      : nothing}
    ${has('view')
      ? html`<div class="field view-switch" role="group" aria-label=${t.view}>
          ${(['list', 'month'] as const).map(
            (view) => html`<button type="button" aria-pressed=${String(o.view === view)} @click=${() => o.onView(view)}>
              ${view === 'list' ? t.viewList : t.viewMonth}</button>`
          )}
        </div>`
      : nothing}
    ${has('categories') && o.categories.length
      ? html`<div class="chips" role="group" aria-label=${t.categories}>
          ${o.categories.map(
            ([name, count]) => html`<button type="button" class="chip" part="chip" aria-pressed=${String(filters.categories.includes(name))}
              @click=${() => toggleCategory(name)}>${name} <span class="chip-count">${count}</span></button>`
          )}
        </div>`
      : nothing}
    <div class="summary">
      <span class="count" role="status" aria-live="polite">${t.resultCount(o.count)}</span>
      ${o.filtered
        ? html`<button type="button" class="clear" @click=${() => o.onChange(NO_VISITOR_FILTERS)}>${t.clearFilters}</button>`
        : nothing}
    </div>
  </div>`;
}
