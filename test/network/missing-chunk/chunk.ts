/**
 * An on-demand chunk that is missing, then served again. An import map, added before anything
 * asks for the module, points it at an address of the test server's stored files
 * (fault-server.mjs, `/__feeds/`), which answers 404, uncached, until `serve()` stores a module
 * there that re-exports the real one. The address has no extension: the dev server marks
 * answers with one as cacheable for a year, and the browser would keep the 404.
 */
import type {CalendarEvent} from '../../../src/lib/events/model.js';
import {hitsOf, mapModule, RUN} from '../helpers.js';
import {calendarEvent} from '../../helpers/december.js';

export interface MissingChunk {
  /** How many times the page has asked for the chunk. */
  asked(): Promise<number>;
  /** From now on the chunk's address serves the module. */
  serve(): Promise<void>;
}

/** `module`: the address the test runner serves the module at, e.g. `/src/views/month-view.ts`. */
export function missingChunk(module: string): MissingChunk {
  const address = `/__feeds/chunk${module.replace(/\W+/g, '-')}-${RUN}`;
  mapModule(module, address);
  return {
    asked: async () => (await hitsOf(address)).hits,
    serve: async () => {
      // `?served` makes it another URL, which the import map leaves alone.
      const response = await fetch(`${address}?type=text/javascript`, {method: 'POST', body: `export * from '${module}?served';`});
      if (!response.ok) throw new Error(`could not store ${address}`);
    },
  };
}

/** An event with the given id (calendarEvent numbers its own otherwise). */
const event = (id: string, title: string, start: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => calendarEvent(title, start, {id, ...extra});

/** Events around December 2026 (the test clock's month), in UTC. */
export const EVENTS: CalendarEvent[] = [
  event('nov', 'Höstmöte', '2026-11-20T18:00:00Z', {categories: ['Möte']}),
  event('across', 'Bokmässa', '2026-11-30T09:00:00Z', {end: new Date('2026-12-02T17:00:00Z'), categories: ['Kultur']}),
  event('dec', 'Julmarknad', '2026-12-12T10:00:00Z', {
    categories: ['Kultur'],
    locations: ['Möllevångstorget, Malmö'],
    description: 'Hantverk, glögg och musik hela dagen.',
  }),
  event('jan', 'Nyårsmöte', '2027-01-09T18:00:00Z', {categories: ['Möte']}),
];
