/**
 * The page object every element test reads the widgets through: what is in an element's shadow
 * root, its documented parts, its cards and their titles. Types only from src/, so any page can
 * import it without registering the elements (test/security/csp/page.ts does).
 */
import type {EventCardElement} from '../../src/event-card.js';

function shadowRootOf(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root (is it defined and connected?)`);
  return el.shadowRoot;
}

/** The first element in `el`'s shadow root that matches `selector`, or null. */
export function shadowQuery<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return shadowRootOf(el).querySelector<T>(selector);
}

/** Every element in `el`'s shadow root that matches `selector`, in document order. */
export function shadowQueryAll<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...shadowRootOf(el).querySelectorAll<T>(selector)];
}

/** `el`'s first part called `name` (`part="… name …"`), or null. */
export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return shadowQuery<T>(el, `[part~="${name}"]`);
}

/** Every part of `el` called `name`. */
export function parts<T extends Element = HTMLElement>(el: Element, name: string): T[] {
  return shadowQueryAll<T>(el, `[part~="${name}"]`);
}

/** The `<event-card>`s a list has drawn (in its shadow root), in order. */
export function cards(list: Element): EventCardElement[] {
  return shadowQueryAll<EventCardElement>(list, 'event-card');
}

/** The titles of the events on the cards a list has drawn, in order. */
export function cardTitles(list: Element): string[] {
  return cards(list).map((card) => card.event!.title);
}
