/**
 * Registers an element unless its tag is taken. A blog may paste the script tag twice, or load
 * two copies from different CDNs; the second load must not throw. A different class under the
 * same tag means two versions on one page, which is worth a warning.
 */
import {lazy} from './lib/lazy.js';

export const VERSION = '0.1.0';

type OurElement = CustomElementConstructor & {version?: string};

export function defineElement(tag: string, element: OurElement): void {
  const existing = customElements.get(tag) as OurElement | undefined;
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

let cardTag = 'event-card';

/** The tag `<event-list>` draws its cards with: `event-card`, unless another script owns that name (`defineCard`). */
export const cardTagName = () => cardTag;

/**
 * Registers the card as `<event-card>`; when another library (or another feedcal version) has
 * defined `event-card` first, also under a private name, `feedcal-event-card-<n>`, which the
 * list then draws its cards with (views/card-html.ts): the list must show its own cards whatever
 * owns the public name, and a foreign card would get our `.event` and show nothing.
 */
export function defineCard(element: OurElement): void {
  const existing = customElements.get('event-card') as OurElement | undefined;
  if (!existing || existing === element || existing.version === VERSION) return defineElement('event-card', element);
  for (let n = 1; customElements.get(cardTag); n++) cardTag = `feedcal-event-card-${n}`;
  defineElement(cardTag, element);
  console.warn(`feedcal: <event-card> is taken by another script; feedcal's cards are <${cardTag}>.`);
}
