/**
 * What a list says about its feeds: the error when they could not be loaded (each failed source
 * named when there are several, with "try again"), and the age of a last good copy shown because
 * a refresh failed. Template functions; the list's FeedLoader holds the state.
 */
import {html, nothing} from 'lit';
import {hostOf} from '../lib/events/normalise.js';
import {formatRelative} from '../lib/format.js';
import {now} from '../lib/clock.js';
import type {FeedLoader} from '../controllers/feed-loader.js';
import type {UiStrings} from '../lib/i18n.js';

export function renderFeedError(loader: FeedLoader, strings: UiStrings, onRetry: () => void) {
  const messages = loader.errors.map(({source, error}) => {
    const template = strings.error[error.code];
    const text = typeof template === 'function' ? template(error.detail.status ?? 0) : template;
    // With several sources, say which one failed.
    return loader.sourceCount > 1 ? `${source.label ?? hostOf(source.src, document.baseURI) ?? source.src}: ${text}` : text;
  });
  return html`<div part="error" role="alert">
    <slot name="error"><p class="error-title">${strings.errorTitle}</p>${[...new Set(messages)].map((m) => html`<p>${m}</p>`)}</slot>
    <button type="button" class="retry" @click=${onRetry}>${strings.tryAgain}</button>
  </div>`;
}

/** Sources shown from their last good copy: say how old it is. */
export function renderStale(loader: FeedLoader, strings: UiStrings, locale: string, onRetry: () => void) {
  if (!loader.stale.length) return nothing;
  const oldest = Math.min(...loader.stale.map((s) => s.fetchedAt.getTime()));
  return html`<p part="stale" class="stale" role="status">${strings.staleNotice(formatRelative(new Date(oldest), now(), locale))}
    <button type="button" class="retry" @click=${onRetry}>${strings.tryAgain}</button></p>`;
}
