/**
 * `sync-url`: the visitor's filters, view, month and open event in the page's address, so a
 * filtered calendar can be shared and back/forward work. Parameters are prefixed with the
 * element's id, so two lists on a page keep apart, and the page's own parameters are left as
 * they are. Reading is defensive (lib/url-state.ts): a hostile or broken address only loses
 * the values it broke.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {readUrlState, urlPrefix, writeUrlState, type ListState} from '../lib/url-state.js';

export class UrlSync implements ReactiveController {
  private listening = false;
  private readonly onPopState = () => this.apply(this.read());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & {syncUrl: boolean},
    /** Current state, and the state that is written as "nothing" (the page's own). */
    private readonly state: () => {current: ListState; defaults: ListState},
    private readonly apply: (state: Partial<ListState>) => void
  ) {
    host.addController(this);
  }

  private get prefix(): string {
    return urlPrefix(this.host.id);
  }

  hostConnected() {
    if (!this.host.syncUrl || this.listening) return;
    this.listening = true;
    window.addEventListener('popstate', this.onPopState);
    this.apply(this.read());
  }

  hostDisconnected() {
    window.removeEventListener('popstate', this.onPopState);
    this.listening = false;
  }

  read(): Partial<ListState> {
    return readUrlState(location.search, this.prefix);
  }

  /**
   * Writes the state. A new history entry for a change a visitor would go back from (view,
   * month, an opened event); typing and filter clicks replace the current one.
   */
  write(kind: 'push' | 'replace') {
    if (!this.host.syncUrl) return;
    const {current, defaults} = this.state();
    const search = writeUrlState(location.search, this.prefix, current, defaults);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (kind === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }
}
