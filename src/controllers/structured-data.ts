/**
 * schema.org `Event` JSON-LD for the events a list shows, written to the light DOM where
 * crawlers read it (a shadow root is invisible to them). The JSON code is imported on first
 * use, once the page is idle, and the script is rewritten only when the shown events change,
 * not on every update. If that code cannot be loaded, the page goes without the script until
 * the next update asks for it again.
 */
import type {CalendarEvent} from '../lib/events/model.js';
import {whenIdle} from '../lib/idle.js';
import {lazy} from '../lib/lazy.js';

const structuredData = lazy(() => import('../lib/structured-data.js'));

export class StructuredData {
  private script?: HTMLScriptElement;
  private written = '';

  constructor(private readonly host: HTMLElement) {}

  /** Shows `events` to search engines; an empty list (or `enabled` false) removes the script. */
  async write(events: readonly CalendarEvent[], timeZone: string, enabled: boolean) {
    const key = enabled ? `${timeZone}|${events.map((event) => event.id).join('\u0000')}` : '';
    if (key === this.written) return;
    this.written = key;
    if (!enabled || !events.length) {
      this.script?.remove();
      this.script = undefined;
      return;
    }
    // Search engines can wait for the page to be idle; the visitor's first frame cannot.
    await new Promise<void>((resolve) => whenIdle(resolve, 1000));
    if (this.written !== key) return;
    // A module that could not be loaded is asked for again at the next update.
    const module = await structuredData.load().catch(() => void (this.written = ''));
    if (!module || this.written !== key) return; // or a newer list arrived while it loaded
    // Trusted Types count script text as a sink even for JSON; a page that refuses our policy
    // gets no structured data rather than a violation report.
    const text = module.trustedJsonLd(module.structuredDataScript(events, {timeZone}));
    if (text === undefined) return;
    if (!this.script) {
      this.script = document.createElement('script');
      this.script.type = 'application/ld+json';
      this.host.append(this.script);
    }
    this.script.textContent = text;
  }
}
