import {defineElement} from './define.js';

/**
 * One feed of an `<event-list>`, with options of its own. Put several inside one list to make
 * one calendar of many sources; each loads in parallel, shows as soon as it arrives, and fails
 * on its own without hiding the others.
 *
 * ```html
 * <event-list time-zone="Europe/Stockholm">
 *   <event-source src="https://gancio.example/api/events" label="Gancio"></event-source>
 *   <event-source src="https://cloud.example/calendar.ics" label="Föreningen" format="ics"></event-source>
 * </event-list>
 * ```
 *
 * It renders nothing; changing an attribute (or its property: `source.format = 'ics'`) makes
 * the list load again.
 *
 * @summary A feed of an `<event-list>`, with its own format, label, proxy and field map.
 * @tag event-source
 *
 * @attr src - The feed's URL.
 * @attr label - A name for the source, shown with its errors and kept on its events as `sourceLabel`. With two or more sources the list shows it on each card and month-grid entry, and as a chip of `controls="sources"`; always as text.
 * @attr color - The source's colour on its cards, grid entries and chips (beside its label, never instead of it): any CSS colour (`#0a7d5a`, `rgb(…)`, `oklch(…)`). Anything else (`red;background:url(…)`, `var(…)`, markup) is ignored and the source gets the next colour of a palette that keeps 3:1 against light and dark pages.
 * @attr format - `auto`, `json`, `rss`, `atom`, `ics`, `jsonld`, `markdown`. Default: the list's `format`.
 * @attr fields - A field map for custom JSON (see the README), overriding the list's.
 * @attr proxy - A proxy URL template with `{url}`, overriding the list's.
 *
 * @fires event-source-change - An attribute changed; the list listens and reloads. Bubbles and is composed.
 */
export class EventSourceElement extends HTMLElement {
  static observedAttributes = ['src', 'label', 'color', 'format', 'fields', 'proxy'];

  get src(): string {
    return this.getAttribute('src')?.trim() ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', value);
  }

  get label(): string | undefined {
    return this.getAttribute('label')?.trim() || undefined;
  }
  set label(value: string | undefined) {
    this.reflect('label', value || undefined);
  }

  /** The colour as written; the list checks it (lib/show/sources.ts) before using it. */
  get color(): string | undefined {
    return this.getAttribute('color')?.trim() || undefined;
  }
  set color(value: string | undefined) {
    this.reflect('color', value || undefined);
  }

  get format(): string | undefined {
    return this.getAttribute('format') ?? undefined;
  }
  set format(value: string | undefined) {
    this.reflect('format', value);
  }

  get fields(): string | undefined {
    return this.getAttribute('fields') ?? undefined;
  }
  set fields(value: string | undefined) {
    this.reflect('fields', value);
  }

  get proxy(): string | undefined {
    return this.getAttribute('proxy') ?? undefined;
  }
  set proxy(value: string | undefined) {
    this.reflect('proxy', value);
  }

  /** Sets the attribute, or removes it for `undefined` (`proxy=""` stays: a source without the list's proxy). */
  private reflect(name: string, value: string | undefined) {
    if (value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null) {
    if (oldValue !== newValue && this.isConnected) this.dispatchEvent(new Event('event-source-change', {bubbles: true, composed: true}));
  }
}

defineElement('event-source', EventSourceElement);

declare global {
  interface HTMLElementTagNameMap {
    'event-source': EventSourceElement;
  }
}
