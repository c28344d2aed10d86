/**
 * GraphQL responses (`{data: {group: {organizedEvents: {elements: […]}}}}`, Relay `edges`):
 * the list of events is a connection somewhere below `data`, and the object that owns it (a
 * Mobilizon or Meetup group) names the organizer. Part of json-shapes.ts's chunk, which looks
 * here when the usual places of a document hold no list.
 */
import {isObject, plainText, type JsonObject} from './json-profiles.js';

/** List keys of a connection, searched at most `MAX_DEPTH` levels below `data`. */
const CONNECTION_KEYS = ['elements', 'edges', 'nodes', 'events', 'results', 'items'] as const;
const MAX_DEPTH = 4;

/**
 * The first connection list below `data`, with the name of the nearest object above it that
 * has one (the group whose `organizedEvents` these are). Each object is visited at most once and
 * only `MAX_DEPTH` levels down, so this is linear and shallow.
 */
export function findConnection(o: JsonObject, depth = 0, owner?: string): {items: unknown[]; owner?: string} | undefined {
  const name = plainText(o.name);
  const here = name && !/^https?:/i.test(name) ? name : owner;
  for (const key of CONNECTION_KEYS) {
    if (Array.isArray(o[key])) return {items: o[key] as unknown[], owner: here};
  }
  if (depth >= MAX_DEPTH) return undefined;
  for (const value of Object.values(o)) {
    if (!isObject(value)) continue;
    const found = findConnection(value, depth + 1, here);
    if (found) return found;
  }
  return undefined;
}
