/**
 * What an `<event-list>` shows of its events: the page's filters (its attributes) and, on top,
 * the visitor's (the filter bar: search, chips, place, organiser, dates). The shown events and
 * the bar's choices are worked out again only when an input changes (new events, a filter, the
 * view, the zone, the controls), not on every update. Owns the visitor's choices, the search
 * field's debounce and the filter bar's on-demand code: a bar that cannot be loaded is left out
 * (the events show with a plain count), and the next list, or a change of `controls`, asks again.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {filterEvents, parseList, type FilterCriteria, type When} from '../lib/show/filter.js';
import {NO_VISITOR_FILTERS, facetEvents, hasVisitorFilters, type Emptiness, type Facets, type VisitorFilters} from '../lib/show/facets.js';
import {resolveDateBound} from '../lib/time.js';
import {now} from '../lib/clock.js';
import {lazy} from '../lib/lazy.js';
import {adoptStyles} from '../styles/adopt-styles.js';
import type {CalendarEvent} from '../lib/events/model.js';
import type {Control, FilterBarOptions, FilterBarState} from '../views/filter-bar.js';
import type {ShareControl} from '../views/share-menu.js';

/** The list's attributes the filters read. */
export interface FiltersHost extends ReactiveControllerHost, HTMLElement {
  readonly events: CalendarEvent[];
  categories: string;
  locations: string;
  organizers: string;
  search: string;
  from: string;
  to: string;
  when: When;
  view: 'list' | 'month';
  controls: string;
  /** The share menus' code and state (controllers/share-actions.ts), loaded on demand. */
  share(): Promise<{render(controls: readonly ShareControl[]): unknown}>;
}

export interface FiltersNeeds {
  timeZone: () => string;
  /** A visitor's change has been drawn (the list keeps the address in step and tells the page). */
  changed: (history: 'push' | 'replace') => void;
}

/**
 * What `update` found: a new result, which starts at the top (a filter changed, or the first
 * events arrived); the same filters over refreshed events, or another view, zone or controls;
 * or nothing to work out.
 */
export type Refiltered = 'filters' | 'first' | 'events' | undefined;

const CONTROLS: readonly Control[] = ['search', 'sources', 'categories', 'locations', 'organizers', 'dates', 'view', 'subscribe', 'print', 'copy'];
/** The list's properties that filter (`limit` too: a new page size starts at the top). */
const FILTERS = ['categories', 'locations', 'organizers', 'search', 'from', 'to', 'when', 'limit'];
/** Milliseconds of quiet typing before the search filter applies. */
const SEARCH_DEBOUNCE = 200;

const filterBar = lazy(() => import('../views/filter-bar.js'));

export class ListFilters implements ReactiveController, FilterBarState {
  visitor: VisitorFilters = NO_VISITOR_FILTERS;
  facets: Facets = {visible: [], categories: [], locations: [], organizers: [], sources: new Map()};
  /** The visitor's switch to the past events (from the empty state), until they switch back or `when` changes. */
  showPast = false;
  /** Whether past events pass the page's filters: worked out only when nothing upcoming does. */
  pastAvailable = false;
  private visitorChanged = false;
  private facetedEvents?: CalendarEvent[];
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(
    /** The list: the filter bar asks it for the share menus. */
    readonly host: FiltersHost,
    private readonly list: FiltersNeeds
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.searchTimer);
  }

  /** The filters the visitor can use, in the bar's order. */
  get controls(): Control[] {
    const wanted = this.host.controls.split(/[\s,]+/);
    return CONTROLS.filter((control) => wanted.includes(control));
  }

  /** The list waits for its filter bar (arriving later, it would push the cards down), unless it failed. */
  get barPending(): boolean {
    return this.controls.length > 0 && !filterBar.module && !filterBar.failed;
  }

  /** In the host's `willUpdate`: works the shown events out again when an input changed. */
  update(changed: ReadonlyMap<PropertyKey, unknown>): Refiltered {
    // A first list with controls, or new controls, asks for the bar (again, if it failed before).
    if (changed.has('controls') && this.controls.length && !filterBar.module) {
      void filterBar.tryLoad().then(() => this.host.requestUpdate());
    }
    if (changed.has('when')) this.showPast = false;
    const filtersChanged = this.visitorChanged || FILTERS.some((key) => changed.has(key));
    this.visitorChanged = false;
    const events = this.host.events;
    // Not for every focus move: new events (the loader replaces the array), a filter, the view
    // (the month ignores `when`), the zone or the controls (only a filter bar needs the choices).
    if (!filtersChanged && events === this.facetedEvents && !['view', 'timeZone', 'controls'].some((key) => changed.has(key))) return undefined;
    const firstDraw = !this.facetedEvents?.length;
    this.facetedEvents = events;
    this.facets = this.computeFacets(events);
    return filtersChanged ? 'filters' : firstDraw ? 'first' : 'events';
  }

  /** The visitor's choices, from the bar or the address. */
  setVisitor(filters: VisitorFilters) {
    clearTimeout(this.searchTimer);
    this.visitor = filters;
    this.visitorChanged = true;
    this.host.requestUpdate();
  }

  /** The visitor's switch between the upcoming and the past events: shown, then the page is told. */
  setShowPast(showPast: boolean) {
    this.showPast = showPast;
    this.visitorChanged = true;
    this.host.requestUpdate();
    this.host.updateComplete.then(() => this.list.changed('push'));
  }

  /**
   * Which events the list shows: a date range the visitor picked wins over the page's `when`
   * (a past "from" shows past events), then the visitor's switch to the past ones.
   */
  get when(): When {
    return this.visitor.from || this.visitor.to ? 'all' : this.showPast ? 'past' : this.host.when;
  }

  /** Why the list is empty (read when it is). */
  get emptiness(): Emptiness {
    return hasVisitorFilters(this.visitor) ? 'visitor' : this.when === 'past' ? 'none' : 'upcoming';
  }

  private computeFacets(events: CalendarEvent[]): Facets {
    const {host} = this;
    const at = now();
    const zone = this.list.timeZone();
    const {search, categories, location, organizer, from, to, sources} = this.visitor;
    const lastDay = resolveDateBound(to, at, zone);
    const page: FilterCriteria = {
      categories: parseList(host.categories),
      locations: parseList(host.locations),
      organizers: parseList(host.organizers),
      search: host.search,
      from: resolveDateBound(host.from, at, zone),
      to: resolveDateBound(host.to, at, zone),
      // A month grid shows the whole month, past days included, in one order.
      when: host.view === 'month' ? 'all' : this.when,
      byStart: host.view === 'month',
    };
    const facets = facetEvents(
      events,
      page,
      {
        search,
        categories,
        sources,
        locations: location ? [location] : [],
        organizers: organizer ? [organizer] : [],
        from: resolveDateBound(from, at, zone),
        // The visitor's "to" is the last day they want to see.
        to: lastDay && new Date(lastDay.getTime() + 86_400_000),
      },
      at,
      this.controls.length > 0
    );
    this.pastAvailable = !facets.visible.length && page.when === 'upcoming' && filterEvents(events, {...page, when: 'past'}, at).length > 0;
    return facets;
  }

  /** The visitor's choice from the bar: applied now, then the list keeps the address in step. */
  choose(patch: Partial<VisitorFilters>) {
    this.setVisitor({...this.visitor, ...patch});
    this.host.updateComplete.then(() => this.list.changed('replace'));
  }

  get view(): 'list' | 'month' {
    return this.host.view;
  }

  /** The visitor's switch to another view: shown, then the list keeps the address in step. */
  setView(view: 'list' | 'month') {
    this.host.view = view;
    this.host.updateComplete.then(() => this.list.changed('push'));
  }

  /** The search field's text: applied once typing pauses. */
  type(search: string) {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.choose({search}), SEARCH_DEBOUNCE);
  }

  /** The filter bar, once its code is here; undefined without one (the list shows its count instead). */
  renderBar(o: FilterBarOptions) {
    const bar = filterBar.module;
    if (!bar || !this.controls.length) return undefined;
    adoptStyles(this.host, bar.filterBarStyles);
    return bar.renderFilterBar(this, o);
  }
}
