/**
 * Writes what a person pastes into their site: the HTML (script tag, `<event-list>`, fallback
 * link), a WordPress shortcode and a Hugo shortcode. Pure: no DOM, so it is tested as a table.
 *
 * - One list of attributes, `snippetAttributes`, feeds all three forms and the live preview, so
 *   what is pasted is what was previewed. Its order is fixed; defaults are left out.
 * - Every value is escaped for the syntax it lands in: feed values (categories, places,
 *   organisers) are hostile input, and a quote in one must not end the attribute.
 * - The shortcodes use the element's own attribute names (`[feedcal src="…" time-zone="…"]`);
 *   the accent colour travels as the element's `style` attribute in every form.
 */
import type {Config} from './config.js';

export type Attribute = readonly [name: string, value: string];

/** A filter list as the widget reads it: comma-separated (lib/show/filter.ts parseList). */
const joinList = (values: readonly string[]) => values.join(', ');

/** The `<event-list>` attributes for `config`, in a stable order, each only when it differs from the widget's default. */
export function snippetAttributes(config: Config): Attribute[] {
  const attributes: Array<[string, string]> = [['src', config.src]];
  const put = (name: string, value: string, fallback = '') => {
    if (value && value !== fallback) attributes.push([name, value]);
  };
  put('categories', joinList(config.categories));
  put('locations', joinList(config.locations));
  put('organizers', joinList(config.organizers));
  put('view', config.view, 'list');
  put('controls', config.controls.join(' '));
  put('lang', config.lang);
  put('time-zone', config.timeZone);
  put('density', config.density, 'comfortable');
  put('theme', config.theme);
  put('proxy', config.proxy);
  put('style', config.accent && `--event-color-accent: ${config.accent}`);
  return attributes;
}

/** Text made safe inside a double-quoted HTML attribute or as element content. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * A WordPress shortcode attribute value: WordPress ends a shortcode at `]` and a value at `"`,
 * and the plugin escapes what it writes without encoding entities twice, so the HTML entities
 * are the safe form; line breaks would end the shortcode's line in some editors.
 */
export function escapeShortcode(value: string): string {
  return escapeHtml(value.replace(/[\r\n\t]+/g, ' '))
    .replace(/\[/g, '&#91;')
    .replace(/]/g, '&#93;');
}

/** A Hugo shortcode parameter: a Go-style double-quoted string (backslash escapes), on one line. */
export function escapeHugo(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
}

export interface HtmlSnippetOptions {
  /** Absolute address of feedcal.js on the person's site. */
  widget: string;
  /** Where the fallback link goes. */
  link: string;
  /** The fallback link's text. */
  linkText: string;
}

/** The HTML to paste: the module script, the element with its attributes (one per line when there are several) and a fallback link. */
export function htmlSnippet(config: Config, {widget, link, linkText}: HtmlSnippetOptions): string {
  const attributes = snippetAttributes(config).map(([name, value]) => `${name}="${escapeHtml(value)}"`);
  const indent = ' '.repeat('<event-list '.length);
  return [
    `<script type="module" src="${escapeHtml(widget)}"></script>`,
    `<event-list ${attributes.join(`\n${indent}`)}>`,
    `  <a href="${escapeHtml(link)}">${escapeHtml(linkText)}</a>`,
    `</event-list>`,
  ].join('\n');
}

/** `[feedcal src="…" …]`, for the WordPress plugin. */
export function wordpressShortcode(config: Config): string {
  return `[feedcal ${snippetAttributes(config)
    .map(([name, value]) => `${name}="${escapeShortcode(value)}"`)
    .join(' ')}]`;
}

/** `{{< feedcal src="…" … >}}`, for the Hugo module. */
export function hugoShortcode(config: Config): string {
  return `{{< feedcal ${snippetAttributes(config)
    .map(([name, value]) => `${name}="${escapeHugo(value)}"`)
    .join(' ')} >}}`;
}
