// Loaded before feedcal by test/security/foreign-event-card.test.ts: another library's
// <event-card>, defined first, and a record of what feedcal says on the console.
export const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};

export class ForeignCard extends HTMLElement {
  connectedCallback() {
    this.textContent = 'Foreign card';
  }
}
customElements.define('event-card', ForeignCard);
