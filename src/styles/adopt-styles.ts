import type {CSSResult} from 'lit';

/**
 * Styles that travel with on-demand code (the month grid, the filter bar, the dialog) are adopted
 * into the list's shadow root once that code is here, so lists that never need it never download
 * them.
 */
export function adoptStyles(host: HTMLElement, styles: CSSResult): void {
  const root = host.shadowRoot!;
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
