/**
 * Registers an element unless its tag is taken. A blog may paste the script tag twice, or load
 * two copies from different CDNs; the second load must not throw. A different class under the
 * same tag means two versions on one page, which is worth a warning.
 */
import {lazy} from './lib/lazy.js';

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

/**
 * Registers an element whose code is a chunk of its own (`<event-next>`), fetched only once the
 * page has one: at once if the document holds one, else when one is added (one observer of the
 * document, which looks only at what was added and stops once the code is here). A chunk that
 * fails to load is asked for again when the next such element is added (lib/lazy.ts's policy).
 * Elements inside another component's shadow root are not seen: such a page imports the
 * element's module itself (`feedcal/event-next.js`).
 */
export function defineOnDemand(tag: string, load: () => Promise<unknown>): void {
  const code = lazy(load);
  const want = () => void code.tryLoad().then((module) => module && observer.disconnect());
  const holds = (node: Node) => node instanceof Element && (node.localName === tag || node.getElementsByTagName(tag)[0]);
  const observer = new MutationObserver((records) => records.some((record) => [...record.addedNodes].some(holds)) && want());
  observer.observe(document, {childList: true, subtree: true});
  if (document.getElementsByTagName(tag)[0]) want();
}
