/**
 * Registers an element unless its tag is taken. A blog may paste the script tag twice, or load
 * two copies from different CDNs; the second load must not throw. A different class under the
 * same tag means two versions on one page, which is worth a warning.
 */
export const VERSION = '0.1.0';

export function defineElement(tag: string, element: CustomElementConstructor & {version?: string}): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & {version?: string}) | undefined;
  if (!existing) {
    element.version = VERSION;
    customElements.define(tag, element);
  } else if (existing !== element && existing.version !== VERSION) {
    console.warn(`feedcal: <${tag}> is already defined by version ${existing.version ?? 'unknown'}; this copy (${VERSION}) is not used.`);
  }
}
