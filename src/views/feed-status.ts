/**
 * What a list says about its feeds, to each person in their terms. The visitor reads that the
 * calendar cannot be shown (or that some events are missing), with "try again"; the page's
 * fallback content stays below it (event-list.ts). The site owner gets the exact cause and its fix
 * in a collapsed "Details for the site owner" (`part="error-details"`, views/feed-error.ts, loaded
 * at the first failure) and once in the console. Also the age of a last good copy shown because a
 * refresh failed. Template functions; the list's FeedLoader holds the state.
 */
import {html, nothing, type ReactiveControllerHost} from 'lit';
import {hostOf} from '../lib/events/normalise.js';
import {lazy} from '../lib/lazy.js';
import type {FeedLoader} from '../controllers/feed-loader.js';
import type {FeedError} from '../lib/events/model.js';
import {uiLanguage, type UiStrings} from '../lib/i18n.js';
import type {Failure} from './feed-error.js';

const ownerDetails = lazy(() => import('./feed-error.js'));
const staleNotice = lazy(() => import('./stale-notice.js'));

/** Failures already reported: a list draws its error many times. */
const reported = new WeakSet<FeedError>();

/**
 * Each feed named by its label, else its host (the full address is in the cause). A new failure
 * loads the owner's details, which write it to the console and draw `host` again in `locale`'s
 * words; without them (offline) the console gets the cause alone. A new failure is the next
 * need for the details' chunk (lib/lazy.ts): a redraw is not.
 */
function report(failed: ReadonlyArray<{source: Failure['source']; error: FeedError}>, locale: string, host: ReactiveControllerHost): Failure[] {
  const failures = failed.map(({source, error}) => ({source, error, name: source.label ?? hostOf(source.src, document.baseURI) ?? source.src}));
  const fresh = failures.filter(({error}) => !reported.has(error) && reported.add(error));
  if (fresh.length)
    void ownerDetails
      .tryLoad()
      .then((details) => (details ? details.report(fresh, uiLanguage(locale), host) : fresh.forEach((f) => console.warn('feedcal:', f.error))));
  return failures;
}

/** The error: "can't be shown right now" when nothing loaded (`partial` false), else "some events could not be loaded". */
export function renderFeedError(loader: FeedLoader, strings: UiStrings, locale: string, onRetry: () => void, host: ReactiveControllerHost, partial = false) {
  const failures = report(loader.errors, locale, host);
  return html`<div part="error" role="alert">
    <slot name="error"><p class="error-title">${partial ? strings.errorPartial : strings.errorTitle}</p></slot>
    <button type="button" class="retry" @click=${onRetry}>${strings.tryAgain}</button>
    ${ownerDetails.module?.renderErrorDetails(failures, strings, uiLanguage(locale)) ?? nothing}
  </div>`;
}

/**
 * Sources shown from their last good copy: say how old it is (the cause goes to the console).
 * The notice is on-demand code (stale-notice.ts), asked for by the first list that has a stale
 * copy to show; until it is here, or if it cannot be had, the copy shows without its age.
 */
export function renderStale(loader: FeedLoader, strings: UiStrings, locale: string, onRetry: () => void, host: ReactiveControllerHost) {
  if (!loader.stale.length) return nothing;
  report(loader.stale, locale, host);
  const notice = staleNotice.module;
  if (!notice) {
    if (!staleNotice.failed) void staleNotice.tryLoad().then(() => host.requestUpdate());
    return nothing;
  }
  return notice.renderStaleNotice(loader.stale, strings, locale, onRetry);
}
