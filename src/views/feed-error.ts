/**
 * "Details for the site owner": the part of a list's error that only the person who runs the
 * site can act on, collapsed under the visitor's message. For each failed feed it names the
 * feed, says what went wrong and how to fix it in the page's language (the `error` table), and
 * gives the exact cause as the loader wrote it; for a feed without CORS headers it gives the relay
 * command and the relay's documentation. The same cause and fix go to the console once, in
 * English, for whoever opens the developer tools.
 *
 * Loaded on demand (views/feed-status.ts), with English's error table, at the first failure: most
 * pages never need it.
 */
import {html} from 'lit';
import {enErrors, type ErrorStrings} from '../lib/locales/en-errors.js';
import type {FeedError} from '../lib/events/model.js';
import type {UiStrings} from '../lib/i18n.js';

/**
 * Where the relay is documented: docs/relay.md, as published with the package (package.json
 * `files`) and served by the CDN the README's script tag comes from.
 */
export const RELAY_DOCS = 'https://cdn.jsdelivr.net/npm/feedcal@0/docs/relay.md';

export interface Failure {
  source: {src: string; label?: string};
  error: FeedError;
  /** The feed's label, else its host. */
  name: string;
}

/** The owner's sentence for `error` in the table's language; English's for a key the language lacks. */
function advice(error: FeedError, table: Partial<ErrorStrings> = {}): string {
  const own = table[error.code];
  const template = typeof own === typeof enErrors[error.code] ? own! : enErrors[error.code];
  return typeof template === 'function' ? template(error.detail.status ?? 0) : template;
}

/** The command that starts a relay for `src`, allowed for this page's origin. */
export function relayCommand(src: string, origin = location.origin): string {
  return `npx feedcal relay --allow ${src} --origin ${origin}`;
}

/** The collapsed details, one entry per failed feed. */
export function renderErrorDetails(failures: readonly Failure[], strings: UiStrings) {
  return html`<details part="error-details">
    <summary>${strings.errorDetails}</summary>
    ${failures.map(
      ({source, error, name}) => html`<div class="error-entry">
        <p><bdi class="error-source">${name}</bdi>: ${advice(error, strings.error)}</p>
        ${
          error.code === 'cors'
            ? html`<pre dir="ltr"><code>${relayCommand(error.detail.url ?? source.src)}</code></pre>
              <pre dir="ltr"><code>&lt;event-list src="${error.detail.url ?? source.src}" proxy="https://relay.example/?url={url}"&gt;</code></pre>
              <p><a href=${RELAY_DOCS} target="_blank" rel="noopener noreferrer">docs/relay.md</a></p>`
            : ''
        }
        <p class="error-cause" dir="ltr"><code>${error.kind}/${error.code}: ${error.message}</code></p>
      </div>`
    )}
  </details>`;
}

/** The console's copy: the feed, the exact cause and the fix, in English. */
export function warnOwner({source, error}: Failure) {
  const src = error.detail.url ?? source.src;
  const fix = advice(error) + (error.code === 'cors' ? ` ${relayCommand(src)} — then proxy="https://<your relay>/?url={url}". See ${RELAY_DOCS}` : '');
  console.warn(`feedcal: ${source.label ? `${source.label} (${src})` : src} could not be shown (${error.kind}/${error.code}): ${error.message}\nFix: ${fix}`, error);
}
