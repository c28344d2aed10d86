/**
 * The visitor's filter bar: search, category chips with counts, place and organiser pickers, a
 * date range, the view switch and "clear filters". A template function, not an element: the
 * state lives in the list's filters (controllers/list-filters.ts), which it reads and changes.
 */
import {html, nothing} from 'lit';
import type {UiStrings} from '../lib/i18n.js';
import {NO_VISITOR_FILTERS, hasVisitorFilters, type Facets, type VisitorFilters} from '../lib/show/facets.js';
import type {ShareControl} from './share-menu.js';
import type {Coalition} from './source-badges.js';

// The bar's styles travel with its code; the list adopts them when it first shows the bar.
export {filterBarStyles} from '../styles/filter-bar.styles.js';

export type Control = 'search' | 'sources' | 'categories' | 'locations' | 'organizers' | 'dates' | 'view' | ShareControl;

/** What the bar reads and changes of the list's filters (controllers/list-filters.ts). */
export interface FilterBarState {
  readonly controls: readonly Control[];
  readonly visitor: VisitorFilters;
  /** The shown events, the category names with how many events carry each (most common first), the places and organisers. */
  readonly facets: Facets;
  /** A change of some fields, merged into the visitor's choices. */
  choose(patch: Partial<VisitorFilters>): void;
  /** The search field's text as it is typed. */
  type(search: string): void;
  /** The list's view, which the view switch shows. */
  readonly view: 'list' | 'month';
  /** The visitor's switch to another view. */
  setView(view: 'list' | 'month'): void;
  /** The list, whose share menus (`subscribe`, `print`, `copy`) load on demand. */
  readonly host: {share(): Promise<{render(controls: readonly ShareControl[]): unknown}>; requestUpdate(): void};
}

export interface FilterBarOptions {
  strings: UiStrings;
  /** Prefix for ids, unique per element. */
  idPrefix: string;
  /** With two or more sources: what `controls="sources"` offers (its chips are drawn by views/source-badges.ts). */
  coalition?: Coalition;
}

const SHARE_CONTROLS: readonly Control[] = ['subscribe', 'print', 'copy'];
/** Each list's share menus once their code is here, or the request for it. */
const shareMenus = new WeakMap<FilterBarState, Awaited<ReturnType<FilterBarState['host']['share']>> | Promise<unknown>>();

/** The share menus at the end of the bar: drawn once their code has loaded (the list is then drawn again); a failure asks again at the next draw. */
function renderShare(state: FilterBarState) {
  const controls = state.controls.filter((control): control is ShareControl => SHARE_CONTROLS.includes(control));
  if (!controls.length) return nothing;
  const menus = shareMenus.get(state);
  if (!menus)
    shareMenus.set(
      state,
      state.host.share().then(
        (loaded) => {
          shareMenus.set(state, loaded);
          state.host.requestUpdate();
        },
        () => shareMenus.delete(state)
      )
    );
  return menus && !(menus instanceof Promise) ? menus.render(controls) : nothing;
}

export function renderFilterBar(state: FilterBarState, o: FilterBarOptions) {
  const {controls, visitor: filters, facets} = state;
  const {strings: t, idPrefix} = o;
  const has = (control: Control) => controls.includes(control);
  const update = (patch: Partial<VisitorFilters>) => state.choose(patch);
  const toggleCategory = (name: string) =>
    update({categories: filters.categories.includes(name) ? filters.categories.filter((c) => c !== name) : [...filters.categories, name]});
  const picker = (id: string, label: string, all: string, options: string[], value: string, key: 'location' | 'organizer') =>
    options.length
      ? html`<label class="field" for="${idPrefix}-${id}">
          <span class="label">${label}</span>
          <select id="${idPrefix}-${id}" .value=${value} @change=${(e: Event) => update({[key]: (e.target as HTMLSelectElement).value})}>
            <option value="">${all}</option>
            ${options.map((name) => html`<option value=${name} ?selected=${name === value} dir="auto">${name}</option>`)}
          </select>
        </label>`
      : nothing;

  return html`<div part="toolbar" class="filters" role="search" aria-label=${t.filters}>
    ${
      has('search')
        ? html`<label class="field search" for="${idPrefix}-search">
          <span class="label">${t.searchLabel}</span>
          <input id="${idPrefix}-search" type="search" part="search" placeholder=${t.searchPlaceholder} .value=${filters.search}
            autocomplete="off" @input=${(e: Event) => state.type((e.target as HTMLInputElement).value)} />
        </label>`
        : nothing
    }
    ${has('locations') ? picker('location', t.location, t.allPlaces, facets.locations, filters.location, 'location') : nothing}
    ${has('organizers') ? picker('organizer', t.organizer, t.allOrganizers, facets.organizers, filters.organizer, 'organizer') : nothing}
    ${
      has('dates')
        ? html`<div class="field dates" role="group" aria-label=${t.dates}>
          <label for="${idPrefix}-from"><span class="label">${t.dateFrom}</span>
            <input id="${idPrefix}-from" type="date" .value=${filters.from} max=${filters.to || nothing}
              @change=${(e: Event) => update({from: (e.target as HTMLInputElement).value})} /></label>
          <label for="${idPrefix}-to"><span class="label">${t.dateTo}</span>
            <input id="${idPrefix}-to" type="date" .value=${filters.to} min=${filters.from || nothing}
              @change=${(e: Event) => update({to: (e.target as HTMLInputElement).value})} /></label>
        </div>`
        : nothing
    }
    ${
      has('view')
        ? html`<div class="field view-switch" role="group" aria-label=${t.view}>
          ${(['list', 'month'] as const).map(
            (view) => html`<button type="button" aria-pressed=${String(state.view === view)} @click=${() => state.setView(view)}>
              ${view === 'list' ? t.viewList : t.viewMonth}</button>`
          )}
        </div>`
        : nothing
    }
    ${has('sources') ? o.coalition?.chips(state, o) : nothing}
    ${
      has('categories') && facets.categories.length
        ? html`<div class="chips" role="group" aria-label=${t.categories}>
          ${facets.categories.map(
            ([name, count]) => html`<button type="button" class="chip" part="chip" aria-pressed=${String(filters.categories.includes(name))}
              @click=${() => toggleCategory(name)}>${name} <span class="chip-count">${count}</span></button>`
          )}
        </div>`
        : nothing
    }
    <div class="summary">
      <span class="count" role="status" aria-live="polite">${t.resultCount(facets.visible.length)}</span>
      ${hasVisitorFilters(filters) ? html`<button type="button" class="clear" @click=${() => update(NO_VISITOR_FILTERS)}>${t.clearFilters}</button>` : nothing}
      ${renderShare(state)}
    </div>
  </div>`;
}
