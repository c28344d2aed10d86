/**
 * `sync-url`: the visitor's filters, view, month and open event in the page's address, so a
 * filtered calendar can be shared and back/forward work. Parameters are prefixed with the
 * element's id, so two lists on a page keep apart, and the page's own parameters are left as
 * they are. What the address does not say is what the page said (the list's own `view` and
 * `month`, no visitor filters, no open event). Reading is defensive (lib/url-state.ts): a hostile
 * or broken address only loses the values it broke. The address code is imported only by lists
 * that use `sync-url`; if it cannot be loaded, the address is neither read nor written and the
 * list works on without it, asking again at the next change.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {lazy} from '../lib/lazy.js';
import {NO_VISITOR_FILTERS, type VisitorFilters} from '../lib/show/facets.js';
import type {ListView} from '../lib/url-state.js';

/** The list's attributes the address holds. */
export interface UrlSyncHost extends ReactiveControllerHost, HTMLElement {
  syncUrl: boolean;
  view: ListView;
  month: string;
}

/** The visitor's filters, read and set (controllers/list-filters.ts). */
export interface UrlSyncFilters {
  readonly visitor: VisitorFilters;
  setVisitor(visitor: VisitorFilters): void;
}

/** The event open in the dialog or in place, read and set by id (controllers/selection.ts). */
export interface UrlSyncSelection {
  /** `''`: none. */
  readonly openId: string;
  /** `''`: none, and the dialog closes. */
  setFromAddress(id: string): void;
}

const urlState = lazy(() => import('../lib/url-state.js'));

export class UrlSync implements ReactiveController {
  /** The view and month the page asked for, before any visitor or address changed them. */
  private pageView?: ListView;
  private pageMonth = '';
  private readonly onPopState = () => void this.restore();

  constructor(
    private readonly host: UrlSyncHost,
    private readonly filters: UrlSyncFilters,
    private readonly selection: UrlSyncSelection
  ) {
    host.addController(this);
  }

  hostConnected() {
    if (!this.pageView) {
      this.pageView = this.host.getAttribute('view') === 'month' ? 'month' : 'list';
      this.pageMonth = this.host.getAttribute('month') ?? '';
    }
    if (!this.host.syncUrl) return;
    window.addEventListener('popstate', this.onPopState);
    void this.restore();
  }

  hostDisconnected() {
    window.removeEventListener('popstate', this.onPopState);
  }

  private async restore() {
    const address = await urlState.tryLoad();
    if (!address) return;
    const {visitor, view, month, event} = address.readAddress(this.host.id);
    this.filters.setVisitor(visitor);
    this.selection.setFromAddress(event ?? '');
    this.host.view = view ?? this.pageView!;
    this.host.month = month ?? this.pageMonth;
  }

  /**
   * Writes the state. A new history entry for a change a visitor would go back from (view,
   * month, an opened event); typing and filter clicks replace the current one.
   */
  async write(kind: 'push' | 'replace') {
    const {host} = this;
    const address = host.syncUrl && (await urlState.tryLoad());
    if (!address) return;
    const state = address.listState(this.filters.visitor, host.view, host.month, this.selection.openId);
    address.writeAddress(host.id, state, address.listState(NO_VISITOR_FILTERS, this.pageView!, this.pageMonth, ''), kind === 'push');
  }
}
