/**
 * "Details for the site owner": the part of a list's error that only the person who runs the
 * site can act on, collapsed under the visitor's message. For each failed feed it names the
 * feed, says what went wrong and how to fix it in the page's language (the `error` table), and
 * gives the exact cause as the loader wrote it; for a feed without CORS headers it gives the relay
 * command and the relay's documentation. The same cause and fix go to the console once, in
 * English, for whoever opens the developer tools.
 *
 * Loaded on demand (views/feed-status.ts), with English's error table, at the first failure: most
 * pages never need it. The page's language's table follows (`loadErrorTable`), a chunk of its own.
 */
import {html, type ReactiveControllerHost} from 'lit';
import {lazy, type Lazy} from '../lib/lazy.js';
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

/** Each language's error table, by the tag lib/i18n.ts's `uiLanguage` gives (the same languages as its strings). */
const TABLES: Record<string, Lazy<Record<string, ErrorStrings>>> = {
  sv: lazy(() => import('../lib/locales/errors/sv.js')),
  nb: lazy(() => import('../lib/locales/errors/nb.js')),
  da: lazy(() => import('../lib/locales/errors/da.js')),
  fi: lazy(() => import('../lib/locales/errors/fi.js')),
  de: lazy(() => import('../lib/locales/errors/de.js')),
  fr: lazy(() => import('../lib/locales/errors/fr.js')),
  es: lazy(() => import('../lib/locales/errors/es.js')),
  it: lazy(() => import('../lib/locales/errors/it.js')),
  pt: lazy(() => import('../lib/locales/errors/pt.js')),
  nl: lazy(() => import('../lib/locales/errors/nl.js')),
  pl: lazy(() => import('../lib/locales/errors/pl.js')),
  cs: lazy(() => import('../lib/locales/errors/cs.js')),
  sk: lazy(() => import('../lib/locales/errors/sk.js')),
  sl: lazy(() => import('../lib/locales/errors/sl.js')),
  hr: lazy(() => import('../lib/locales/errors/hr.js')),
  bs: lazy(() => import('../lib/locales/errors/bs.js')),
  sr: lazy(() => import('../lib/locales/errors/sr.js')),
  'sr-Latn': lazy(() => import('../lib/locales/errors/sr-Latn.js')),
  bg: lazy(() => import('../lib/locales/errors/bg.js')),
  uk: lazy(() => import('../lib/locales/errors/uk.js')),
  ru: lazy(() => import('../lib/locales/errors/ru.js')),
  el: lazy(() => import('../lib/locales/errors/el.js')),
  ro: lazy(() => import('../lib/locales/errors/ro.js')),
  hu: lazy(() => import('../lib/locales/errors/hu.js')),
  et: lazy(() => import('../lib/locales/errors/et.js')),
  lt: lazy(() => import('../lib/locales/errors/lt.js')),
  lv: lazy(() => import('../lib/locales/errors/lv.js')),
  is: lazy(() => import('../lib/locales/errors/is.js')),
  sq: lazy(() => import('../lib/locales/errors/sq.js')),
  tr: lazy(() => import('../lib/locales/errors/tr.js')),
  ar: lazy(() => import('../lib/locales/errors/ar.js')),
  fa: lazy(() => import('../lib/locales/errors/fa.js')),
  he: lazy(() => import('../lib/locales/errors/he.js')),
  ckb: lazy(() => import('../lib/locales/errors/ckb.js')),
  kmr: lazy(() => import('../lib/locales/errors/kmr.js')),
  so: lazy(() => import('../lib/locales/errors/so.js')),
  ti: lazy(() => import('../lib/locales/errors/ti.js')),
  am: lazy(() => import('../lib/locales/errors/am.js')),
};

/** The languages with an error table of their own (English's is bundled here). */
export const errorTableLanguages = () => Object.keys(TABLES);

/** `language`'s error table once loaded, else nothing (English's sentences then). */
const tableOf = (language: string): Partial<ErrorStrings> | undefined => TABLES[language]?.module?.[language.replace('-', '')];

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

/** The collapsed details, one entry per failed feed, in `language` (a `uiLanguage` tag) as far as its table is loaded. */
export function renderErrorDetails(failures: readonly Failure[], strings: UiStrings, language: string) {
  return html`<details part="error-details">
    <summary>${strings.errorDetails}</summary>
    ${failures.map(
      ({source, error, name}) => html`<div class="error-entry">
        <p><bdi class="error-source">${name}</bdi>: ${advice(error, tableOf(language))}</p>
        ${
          error.code === 'cors'
            ? html`<pre dir="ltr"><code>${relayCommand(error.detail.url ?? source.src)}</code></pre>
              <pre dir="ltr"><code>&lt;event-list src="${error.detail.url ?? source.src}" proxy="https://relay.example/?url={url}"&gt;</code></pre>
              <p><a href=${RELAY_DOCS} target="_blank" rel="noopener noreferrer">docs/relay.md</a></p>`
            : ''
        }
        <p class="error-cause" dir="ltr"><code>${error.kind}/${error.code}: ${error.message} (${error.detail.url ?? source.src})</code></p>
      </div>`
    )}
  </details>`;
}

/** Writes each new failure to the console, loads `language`'s error table, and draws `host` again with the details. */
export async function report(failures: readonly Failure[], language: string, host: ReactiveControllerHost) {
  failures.forEach(warnOwner);
  await TABLES[language]?.tryLoad();
  host.requestUpdate();
}

/** The console's copy: the feed, the exact cause and the fix, in English. */
function warnOwner({source, error}: Failure) {
  const src = error.detail.url ?? source.src;
  const fix = advice(error) + (error.code === 'cors' ? ` ${relayCommand(src)} — then proxy="https://<your relay>/?url={url}". See ${RELAY_DOCS}` : '');
  console.warn(`feedcal: ${source.label ? `${source.label} (${src})` : src} could not be shown (${error.kind}/${error.code}): ${error.message}\nFix: ${fix}`, error);
}
