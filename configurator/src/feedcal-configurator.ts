/**
 * `<feedcal-configurator>`: the page that writes an organiser's snippet. Paste a feed address; the
 * real `<event-list>` loads it as a preview, and what it reports (`event-list-load`: events and
 * skipped items; `event-list-error`: why not) becomes the check result and the feed's own
 * categories, places and organisers to tick. The choices go into the preview, the snippets and
 * the page's own address (so a link restores them).
 *
 * Thin on purpose: checking is check.ts, the snippets are snippet.ts, the address is config.ts,
 * contrast is contrast.ts, words are strings.ts. The element renders into the light DOM so the
 * page's stylesheet (configurator.css) styles it, and puts feed text into the page only as text
 * (Lit bindings, `textContent`), never as markup.
 *
 * The widget itself is not imported: the page loads it the way a site does (index.html), so the
 * preview is the same code the pasted snippet runs.
 *
 * @attr widget - Address of feedcal.js, relative to the page (default `../cdn/feedcal.js`): the preview's and the snippet's default.
 * @attr relay-docs - Where the relay set-up is documented.
 */
import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import type {EventListLoadEvent, EventListErrorEvent} from '../../src/events.js';
import type {CalendarEvent, FeedErrorCode, SkippedItem} from '../../src/lib/events/model.js';
import {detectFormat} from '../../src/lib/feeds/detect.js';
import {proxiedUrl} from '../../src/lib/load/fetch-feed.js';
import {foldText} from '../../src/lib/show/filter.js';
import {isTimeZone} from '../../src/lib/time.js';
import {now} from '../../src/lib/clock.js';
import {CONTROLS, DENSITIES, LANGUAGES, QUERY_KEYS, THEMES, VIEWS, configFromQuery, configToQuery, feedAddress, httpUrl, type Config} from './config.js';
import {errorFinding, feedFacets, feedZones, loadFindings, type FacetValue, type Finding} from './check.js';
import {MIN_CONTRAST, PAGE_BACKGROUNDS, contrastRatio, passingShade} from './contrast.js';
import {htmlSnippet, hugoShortcode, snippetAttributes, wordpressShortcode} from './snippet.js';
import {STRINGS, findingText, pickUiLanguage, type UiLanguage} from './strings.js';

const FORMAT_NAMES: Record<string, string> = {json: 'JSON', rss: 'RSS', atom: 'Atom', ics: 'iCalendar', jsonld: 'JSON-LD (schema.org)', markdown: 'Markdown'};
type FacetName = 'categories' | 'locations' | 'organizers';
const FACETS: FacetName[] = ['categories', 'locations', 'organizers'];

interface CheckState {
  state: 'idle' | 'checking' | 'loaded' | 'failed';
  events: readonly CalendarEvent[];
  skipped: readonly SkippedItem[];
  format?: string;
  error?: {code?: FeedErrorCode; status?: number};
}

export class FeedcalConfiguratorElement extends LitElement {
  static override properties = {
    widgetPath: {attribute: 'widget'},
    relayDocs: {attribute: 'relay-docs'},
    config: {state: true},
    ui: {state: true},
    check: {state: true},
    typed: {state: true},
    addressError: {state: true},
    proxyTyped: {state: true},
    copyStatus: {state: true},
  };

  widgetPath = '../cdn/feedcal.js';
  relayDocs = 'https://www.npmjs.com/package/feedcal#a-relay-of-your-own';
  private config: Config = configFromQuery(new URLSearchParams(location.search), location.href);
  private ui: UiLanguage = pickUiLanguage([new URLSearchParams(location.search).get('ui') ?? '', ...navigator.languages]);
  private check: CheckState = {state: 'idle', events: [], skipped: []};
  private typed = this.config.src;
  private addressError = false;
  private proxyTyped = this.config.proxy;
  private copyStatus: Record<string, string> = {};
  private preview?: HTMLElement;
  /** Counts checks; what a superseded preview reports is ignored. */
  private checkRun = 0;
  private previewRun = -1;
  private checkedKey?: string;
  private recheck = false;

  // Light DOM: the page's stylesheet applies, and tests and assistive technology see one tree.
  protected override createRenderRoot() {
    return this;
  }

  private get t() {
    return STRINGS[this.ui];
  }

  /** The widget's absolute address: the person's own, else this page's copy. */
  private get widgetUrl(): string {
    return this.config.widget || new URL(this.widgetPath, document.baseURI).href;
  }

  private choose(changes: Partial<Config>) {
    this.config = {...this.config, ...changes};
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('ui')) document.documentElement.lang = this.ui;
    // A new address or relay (or the same one submitted again) is a new check, with a new preview.
    const key = `${this.config.src} ${this.config.proxy}`;
    if (key !== this.checkedKey || this.recheck) {
      this.checkedKey = key;
      this.recheck = false;
      this.checkRun++;
      this.check = {state: this.config.src ? 'checking' : 'idle', events: [], skipped: []};
    }
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('config') || changed.has('ui')) {
      this.syncPreview();
      history.replaceState(history.state, '', this.shareUrl);
    }
  }

  /** This page's address with the current choices: opening it restores them. Parameters of the page's own (a CMS's page id) stay. */
  private get shareUrl(): string {
    const url = new URL(location.href);
    for (const key of QUERY_KEYS) url.searchParams.delete(key);
    for (const [key, value] of configToQuery(this.config)) url.searchParams.append(key, value);
    url.searchParams.set('ui', this.ui);
    return url.href;
  }

  // ---- the preview: the real widget, and what it reports ----

  /** Keeps the preview's attributes equal to the snippet's; a new address or relay starts a new check. */
  private syncPreview() {
    const frame = this.querySelector('.preview-frame');
    if (!frame || !this.config.src) return;
    const attributes = snippetAttributes(this.config);
    let list = this.preview;
    if (!list || this.previewRun !== this.checkRun) {
      list?.remove();
      list = this.preview = document.createElement('event-list');
      const run = (this.previewRun = this.checkRun);
      list.addEventListener('event-list-load', (e) => run === this.checkRun && this.loaded(e as EventListLoadEvent));
      list.addEventListener('event-list-error', (e) => run === this.checkRun && this.failed(e as EventListErrorEvent));
      const fallback = list.appendChild(document.createElement('a'));
      fallback.href = this.fallbackLink;
      fallback.textContent = this.linkText;
      for (const [name, value] of attributes) list.setAttribute(name, value);
      frame.replaceChildren(list);
      return;
    }
    for (const {name} of [...list.attributes]) if (!attributes.some(([n]) => n === name)) list.removeAttribute(name);
    for (const [name, value] of attributes) if (list.getAttribute(name) !== value) list.setAttribute(name, value);
  }

  private loaded(e: EventListLoadEvent) {
    const wasChecking = this.check.state !== 'loaded';
    this.check = {...this.check, state: 'loaded', events: e.events, skipped: e.skipped, error: undefined};
    // The feed's own zone is a better default than each visitor's.
    const zones = feedZones(e.events);
    if (wasChecking && !this.config.timeZone && zones.length === 1) this.choose({timeZone: zones[0]});
    if (wasChecking) void this.readFormat(this.checkRun);
  }

  private failed(e: EventListErrorEvent) {
    // A refresh that fails after a good load keeps the good result (the widget shows its copy).
    if (this.check.state === 'loaded') return;
    this.check = {state: 'failed', events: [], skipped: [], error: {code: e.error?.code, status: e.error?.detail?.status}};
  }

  /** The format, from the feed's first bytes (the widget does not report it); a failure leaves it out. */
  private async readFormat(run: number) {
    try {
      const response = await fetch(proxiedUrl(this.config.src, this.config.proxy || undefined));
      const reader = response.body?.getReader();
      const first = reader ? await reader.read() : undefined;
      void reader?.cancel();
      const head = new TextDecoder().decode(first?.value ?? new Uint8Array());
      const format = detectFormat(head, response.headers.get('content-type') ?? '');
      if (format && run === this.checkRun) this.check = {...this.check, format: FORMAT_NAMES[format] ?? format};
    } catch {
      // Only the format line is missing.
    }
  }

  /** The fallback link's words, in the snippet's language (the page's own when none is chosen: this page's). */
  private get linkText(): string {
    return STRINGS[this.config.lang === 'sv' || (!this.config.lang && this.ui === 'sv') ? 'sv' : 'en'].linkText;
  }

  private get fallbackLink(): string {
    return this.config.link || (this.config.src ? new URL('/', this.config.src).href : '');
  }

  // ---- handlers ----

  private submitAddress(e: Event) {
    e.preventDefault();
    const src = feedAddress(this.typed, document.baseURI);
    this.addressError = !src;
    if (!src) return;
    // Choices picked from another feed's values mean nothing for this one.
    if (src !== this.config.src) this.choose({src, categories: [], locations: [], organizers: []});
    else {
      // The same address again: check it again (the feed may have been fixed meanwhile).
      this.recheck = true;
      this.requestUpdate('config');
    }
  }

  private submitProxy(e: Event) {
    e.preventDefault();
    const proxy = this.proxyTyped.trim();
    if (proxy && !this.proxyValid(proxy)) return;
    this.choose({proxy});
  }

  private proxyValid(proxy: string) {
    return proxy.includes('{url}') && Boolean(httpUrl(proxy.replace('{url}', '')));
  }

  private toggle(facet: FacetName, value: string, on: boolean) {
    const key = foldText(value);
    const rest = this.config[facet].filter((v) => foldText(v) !== key);
    this.choose({[facet]: on ? [...rest, value] : rest});
  }

  private toggleControl(control: (typeof CONTROLS)[number], on: boolean) {
    this.choose({controls: CONTROLS.filter((c) => (c === control ? on : this.config.controls.includes(c)))});
  }

  private async copy(id: string) {
    const field = this.querySelector<HTMLTextAreaElement>(`#${id}`);
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
      this.copyStatus = {[id]: this.t.copied};
    } catch {
      // No clipboard permission (an iframe, an old browser): select the text so one keystroke copies it.
      field.select();
      this.copyStatus = {[id]: document.execCommand('copy') ? this.t.copied : this.t.copyFailed};
    }
  }

  // ---- rendering ----

  protected override render() {
    const t = this.t;
    return html`
      <header class="intro">
        <div>
          <h1>${t.title}</h1>
          <p>${t.intro}</p>
        </div>
        <button type="button" class="switch" lang=${t.switchLang} @click=${() => (this.ui = t.switchLang)}>${t.switchTo}</button>
      </header>
      <form class="feed" @submit=${this.submitAddress} novalidate>
        <fieldset>
          <legend>${t.feedLegend}</legend>
          <label for="feed-address">${t.feedLabel}</label>
          <div class="row">
            <input
              id="feed-address"
              type="url"
              inputmode="url"
              autocomplete="url"
              spellcheck="false"
              .value=${this.typed}
              aria-describedby="feed-help"
              aria-invalid=${this.addressError ? 'true' : 'false'}
              @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
            />
            <button type="submit">${t.check}</button>
          </div>
          <p id="feed-help" class="help">${this.addressError ? nothing : t.feedHelp}</p>
        </fieldset>
      </form>
      <section class="result" aria-labelledby="result-heading">
        <h2 id="result-heading" class="visually-hidden">${t.resultHeading}</h2>
        <div role="status" aria-live="polite" class="findings">${this.renderFindings()}</div>
        ${this.check.error?.code === 'cors' ? this.renderRelay() : nothing}
      </section>
      <section class="preview" ?hidden=${!this.config.src}>
        <h2 id="preview-heading">${t.previewHeading}</h2>
        <p class="help">${t.previewHelp}</p>
        <div class="preview-frame ${this.config.background}" tabindex="0" role="region" aria-labelledby="preview-heading"></div>
        <!-- The frame, not the section, is the landmark: it scrolls, so it takes focus. -->
      </section>
      ${this.check.state === 'loaded' ? this.renderChoices() : nothing}
      <section class="snippets" aria-labelledby="snippet-heading" ?hidden=${this.check.state !== 'loaded'}>
        <h2 id="snippet-heading">${t.snippetHeading}</h2>
        ${this.accentFails ? html`<p class="warn">${t.accentWarnSnippet}</p>` : nothing} ${this.renderSnippets()}
      </section>
    `;
  }

  private renderFindings(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.addressError) return html`<p class="finding error">${t.badAddress}</p>`;
    const {state, events, skipped, format, error} = this.check;
    if (state === 'idle') return nothing;
    if (state === 'checking') return html`<p class="finding">${t.checking}</p>`;
    const relayed = Boolean(this.config.proxy);
    const sameSite = !relayed && new URL(this.config.src).origin === location.origin;
    const findings: Finding[] =
      state === 'failed'
        ? [errorFinding(error?.code, error?.status)]
        : loadFindings({events, skipped, format, chosenZone: this.config.timeZone, relayed, sameSite, now: now()});
    return html`<ul>
      ${findings.map(
        (finding) =>
          html`<li class="finding ${finding.level}">
            ${findingText(t, finding)}
            ${finding.kind === 'skipped' ? html`<ul class="reasons">${finding.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
          </li>`
      )}
    </ul>`;
  }

  private renderRelay() {
    const t = this.t;
    const origin = new URL(this.widgetUrl).origin;
    const command = `npx feedcal relay --allow ${this.config.src} --origin ${origin}`;
    const proxyBad = Boolean(this.proxyTyped.trim()) && !this.proxyValid(this.proxyTyped.trim());
    return html`<div class="relay">
      <h3>${t.relayHeading}</h3>
      <p>${t.relayText}</p>
      <pre><code>${command}</code></pre>
      <p><a href=${this.relayDocs}>${t.relayDocs}</a></p>
      <form @submit=${this.submitProxy} novalidate>
        <label for="proxy">${t.proxy}</label>
        <div class="row">
          <input
            id="proxy"
            type="url"
            spellcheck="false"
            .value=${this.proxyTyped}
            aria-describedby="proxy-help"
            aria-invalid=${proxyBad ? 'true' : 'false'}
            @input=${(e: Event) => (this.proxyTyped = (e.target as HTMLInputElement).value)}
          />
          <button type="submit">${t.useProxy}</button>
        </div>
        <p id="proxy-help" class=${proxyBad ? 'help error' : 'help'}>${proxyBad ? t.proxyBad : t.proxyHelp}</p>
      </form>
    </div>`;
  }

  private renderChoices() {
    const t = this.t;
    const facets = feedFacets(this.check.events);
    const zoneBad = Boolean(this.config.timeZone) && !isTimeZone(this.config.timeZone);
    return html`<section class="choices" aria-labelledby="choices-heading">
      <h2 id="choices-heading">${t.choicesHeading}</h2>
      <fieldset class="filters">
        <legend>${t.filtersLegend}</legend>
        <p class="help">${t.filtersHelp}</p>
        <div class="facets">${FACETS.map((facet) => this.renderFacet(facet, facets[facet]))}</div>
      </fieldset>
      <fieldset>
        <legend>${t.lookLegend}</legend>
        ${this.radios('view', t.view, VIEWS, {list: t.viewList, month: t.viewMonth})}
        ${this.radios('density', t.density, DENSITIES, {comfortable: t.densityComfortable, compact: t.densityCompact})}
        <label for="theme">${t.theme}</label>
        <select id="theme" @change=${(e: Event) => this.choose({theme: (e.target as HTMLSelectElement).value as Config['theme']})}>
          ${THEMES.map(
            (theme) =>
              html`<option value=${theme} ?selected=${theme === this.config.theme}>
                ${{'': t.themeInherit, light: t.themeLight, dark: t.themeDark, auto: t.themeAuto}[theme]}
              </option>`
          )}
        </select>
        ${this.radios('background', t.background, ['light', 'dark'] as const, {light: t.backgroundLight, dark: t.backgroundDark})} ${this.renderAccent()}
      </fieldset>
      <fieldset>
        <legend>${t.controlsLegend}</legend>
        <div class="checks">
          ${CONTROLS.map(
            (control) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  name="controls"
                  value=${control}
                  .checked=${this.config.controls.includes(control)}
                  @change=${(e: Event) => this.toggleControl(control, (e.target as HTMLInputElement).checked)}
                />
                ${t.controls[control]}</label
              >`
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.placeLegend}</legend>
        <label for="lang">${t.lang}</label>
        <select id="lang" @change=${(e: Event) => this.choose({lang: (e.target as HTMLSelectElement).value})}>
          ${LANGUAGES.map((lang) => html`<option value=${lang} ?selected=${lang === this.config.lang}>${lang ? languageName(lang) : t.langPage}</option>`)}
        </select>
        <label for="time-zone">${t.timeZone}</label>
        <input
          id="time-zone"
          list="time-zones"
          spellcheck="false"
          autocomplete="off"
          .value=${this.config.timeZone}
          aria-describedby="time-zone-help"
          aria-invalid=${zoneBad ? 'true' : 'false'}
          @change=${(e: Event) => this.choose({timeZone: (e.target as HTMLInputElement).value.trim()})}
        />
        <datalist id="time-zones">${timeZoneNames().map((zone) => html`<option value=${zone}></option>`)}</datalist>
        <p id="time-zone-help" class=${zoneBad ? 'help error' : 'help'}>${zoneBad ? t.timeZoneBad(this.config.timeZone) : t.timeZoneHelp}</p>
      </fieldset>
      <fieldset>
        <legend>${t.siteLegend}</legend>
        ${this.urlField('widget', t.widget, t.widgetHelp, this.widgetUrl)} ${this.urlField('link', t.link, t.linkHelp, this.fallbackLink)}
      </fieldset>
    </section>`;
  }

  private renderFacet(facet: FacetName, values: FacetValue[]) {
    const t = this.t;
    // Values chosen earlier (a shared link) stay listed even if the feed no longer has them.
    const known = new Set(values.map((v) => foldText(v.value)));
    const listed = [...values, ...this.config[facet].filter((v) => !known.has(foldText(v))).map((value) => ({value, count: 0}))];
    const chosen = new Set(this.config[facet].map(foldText));
    return html`<fieldset class="facet">
      <legend>${t[facet]}</legend>
      ${
        listed.length
          ? html`<div class="checks scroll">
            ${listed.map(
              ({value, count}) =>
                html`<label class="check"
                  ><input
                    type="checkbox"
                    name=${facet}
                    .value=${value}
                    .checked=${chosen.has(foldText(value))}
                    @change=${(e: Event) => this.toggle(facet, value, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${value} <span class="count">${count}</span></span></label
                >`
            )}
          </div>`
          : html`<p class="help">${t.noValues}</p>`
      }
    </fieldset>`;
  }

  private radios<K extends 'view' | 'density' | 'background', V extends Config[K]>(name: K, legend: string, values: readonly V[], labels: Record<V, string>) {
    return html`<fieldset class="radios">
      <legend>${legend}</legend>
      ${values.map(
        (value) =>
          html`<label class="check"
            ><input type="radio" name=${name} .value=${value} .checked=${this.config[name] === value} @change=${() => this.choose({[name]: value})} />
            ${labels[value]}</label
          >`
      )}
    </fieldset>`;
  }

  private get accentRatio(): number | undefined {
    return this.config.accent ? contrastRatio(this.config.accent, PAGE_BACKGROUNDS[this.config.background]) : undefined;
  }

  private get accentFails(): boolean {
    return this.accentRatio !== undefined && this.accentRatio < MIN_CONTRAST;
  }

  private renderAccent() {
    const t = this.t;
    const {accent, background} = this.config;
    const ratio = this.accentRatio;
    const shade = this.accentFails ? passingShade(accent, PAGE_BACKGROUNDS[background]) : undefined;
    const ratioText = ratio?.toLocaleString(this.ui, {maximumFractionDigits: 1}) ?? '';
    return html`<fieldset class="accent">
      <legend>${t.accent}</legend>
      <label class="check"
        ><input type="checkbox" id="accent-on" .checked=${Boolean(accent)} @change=${(e: Event) => this.choose({accent: (e.target as HTMLInputElement).checked ? '#b33c0b' : ''})} />
        ${t.accentCustom}</label
      >
      ${
        accent
          ? html`<div class="row">
              <input
                type="color"
                id="accent"
                .value=${accent}
                aria-describedby="accent-contrast"
                @input=${(e: Event) => this.choose({accent: (e.target as HTMLInputElement).value})}
              />
              <label class="visually-hidden" for="accent-hex">${t.accent} (hex)</label>
              <input
                id="accent-hex"
                class="hex"
                .value=${accent}
                spellcheck="false"
                aria-describedby="accent-contrast"
                @change=${(e: Event) => {
                  const value = (e.target as HTMLInputElement).value.trim().toLowerCase();
                  if (/^#[0-9a-f]{6}$/.test(value)) this.choose({accent: value});
                  else this.requestUpdate();
                }}
              />
            </div>
            <p id="accent-contrast" class=${this.accentFails ? 'warn' : 'help'} role=${this.accentFails ? 'alert' : nothing}>
              ${this.accentFails ? t.contrastLow(ratioText) : t.contrastOk(ratioText)}
            </p>
            ${shade ? html`<button type="button" class="secondary" @click=${() => this.choose({accent: shade})}>${t.useShade(shade)}</button>` : nothing}`
          : html`<p class="help">${t.accentDefault}</p>`
      }
    </fieldset>`;
  }

  private urlField(name: 'widget' | 'link', label: string, help: string, value: string) {
    return html`<label for=${name}>${label}</label>
      <input
        id=${name}
        type="url"
        spellcheck="false"
        .value=${value}
        aria-describedby="${name}-help"
        @change=${(e: Event) => this.choose({[name]: httpUrl((e.target as HTMLInputElement).value)})}
      />
      <p id="${name}-help" class="help">${help}</p>`;
  }

  private renderSnippets() {
    if (this.check.state !== 'loaded') return html`<p class="help">${this.t.snippetWaiting}</p>`;
    const t = this.t;
    const forms: Array<[string, string, string]> = [
      ['snippet-html', t.html, htmlSnippet(this.config, {widget: this.widgetUrl, link: this.fallbackLink, linkText: this.linkText})],
      ['snippet-wordpress', t.wordpress, wordpressShortcode(this.config)],
      ['snippet-hugo', t.hugo, hugoShortcode(this.config)],
      ['share-link', t.share, this.shareUrl],
    ];
    return forms.map(
      ([id, label, text]) =>
        html`<div class="snippet">
          <label for=${id}>${label}</label>
          <textarea id=${id} readonly spellcheck="false" rows=${Math.min(10, text.split('\n').length + Math.floor(text.length / 70) + 1)} .value=${text}></textarea>
          <div class="row">
            <button type="button" @click=${() => this.copy(id)} aria-describedby="${id}-status">${t.copy}</button>
            <span id="${id}-status" class="copied" role="status">${this.copyStatus[id] ?? ''}</span>
          </div>
        </div>`
    );
  }
}

/** A language's own name ("svenska", "Deutsch"), for the language menu. */
function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], {type: 'language'}).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

let zones: string[] | undefined;
function timeZoneNames(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones;
}

declare global {
  interface HTMLElementTagNameMap {
    'feedcal-configurator': FeedcalConfiguratorElement;
  }
}
