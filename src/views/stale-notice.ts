/**
 * The notice above a list shown from its last good copy because a refresh failed: how old the
 * copy is, in the visitor's language, and "try again". Only lists with a stale copy draw it, so
 * it is a chunk of its own (views/feed-status.ts asks for it).
 */
import {html} from 'lit';
import {now} from '../lib/clock.js';
import type {UiStrings} from '../lib/i18n.js';

/** "3 hours ago" in the viewer's language, for the age of a cached copy. */
export function formatRelative(date: Date, now: Date, locale: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'});
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

export function renderStaleNotice(stale: ReadonlyArray<{fetchedAt: Date}>, strings: UiStrings, locale: string, onRetry: () => void) {
  const oldest = Math.min(...stale.map((s) => s.fetchedAt.getTime()));
  return html`<p part="stale" class="stale" role="status">${strings.staleNotice(formatRelative(new Date(oldest), now(), locale))}
    <button type="button" class="retry" @click=${onRetry}>${strings.tryAgain}</button></p>`;
}
