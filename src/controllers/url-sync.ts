/**
 * `sync-url`: the visitor's filters, view, month and open event in the page's address, so a
 * filtered calendar can be shared and back/forward work. Parameters are prefixed with the
 * element's id, so two lists on a page keep apart, and the page's own parameters are left as
 * they are. Reading is defensive (lib/url-state.ts): a hostile or broken address only loses
 * the values it broke. The address code is imported only by lists that use `sync-url`.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ListState} from '../lib/url-state.js';

type UrlState = typeof import('../lib/url-state.js');
let urlState: Promise<UrlState> | undefined;
const loadUrlState = () => (urlState ??= import('../lib/url-state.js'));

export class UrlSync implements ReactiveController {
  private listening = false;
  private readonly onPopState = () => void this.restore();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & {syncUrl: boolean},
    /** Current state, and the state that is written as "nothing" (the page's own). */
    private readonly state: () => {current: ListState; defaults: ListState},
    private readonly apply: (state: Partial<ListState>) => void
  ) {
    host.addController(this);
  }

  hostConnected() {
    if (!this.host.syncUrl || this.listening) return;
    this.listening = true;
    window.addEventListener('popstate', this.onPopState);
    void this.restore();
  }

  hostDisconnected() {
    window.removeEventListener('popstate', this.onPopState);
    this.listening = false;
  }

  private async restore() {
    const {readUrlState, urlPrefix} = await loadUrlState();
    this.apply(readUrlState(location.search, urlPrefix(this.host.id)));
  }

  /**
   * Writes the state. A new history entry for a change a visitor would go back from (view,
   * month, an opened event); typing and filter clicks replace the current one.
   */
  async write(kind: 'push' | 'replace') {
    if (!this.host.syncUrl) return;
    const {writeUrlState, urlPrefix} = await loadUrlState();
    const {current, defaults} = this.state();
    const search = writeUrlState(location.search, urlPrefix(this.host.id), current, defaults);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (kind === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }
}
