/**
 * `html` for the templates that draw a card. Written with `<event-card>`, they draw the tag this
 * page's cards are defined under (define.ts): the same template with the private name put in
 * when another script owns `event-card`. Lit caches a template by its strings array, so each
 * template's swapped strings are made once and kept (what lit/static-html does, for one tag and
 * without its cost in the first load).
 */
import {html} from 'lit';
import {cardTagName} from '../define.js';

const swapped = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

export function cardHtml(strings: TemplateStringsArray, ...values: unknown[]) {
  const tag = cardTagName();
  if (tag === 'event-card') return html(strings, ...values);
  let own = swapped.get(strings);
  if (!own) {
    const parts = strings.map((part) => part.replace(/(<\/?)event-card(?=[\s>])/g, `$1${tag}`));
    own = Object.assign(parts, {raw: parts}) as unknown as TemplateStringsArray;
    swapped.set(strings, own);
  }
  return html(own, ...values);
}
