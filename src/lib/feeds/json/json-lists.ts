/**
 * Where a JSON document keeps its events. The common places are found here: the document itself
 * when it is an array, JSON Feed's `items`, and an array under one of the usual wrapper keys.
 * The rarer shapes' places (ActivityStreams, GData, Radar, GraphQL, one bare event) are found
 * through hooks by json-shapes.ts, which the parser fetches only for documents that may have one.
 */
import {isObject, plainText, type FeedInfo, type JsonObject} from './json-profiles.js';

export interface EventList extends FeedInfo {
  items: unknown[];
  /** JSON Feed: `summary` is a description and `date_published` a last resort for the start. */
  jsonFeed?: boolean;
  title?: string;
}

export interface ListHooks {
  /** Tried first at each level (`contexts`: the `@context`s from the top down to `o`). */
  first(o: JsonObject, depth: number, contexts: unknown[]): EventList | undefined;
  /** Tried last, at the top only, when no usual place holds a list. */
  last(o: JsonObject, contexts: unknown[]): EventList | undefined;
}

/**
 * Keys that wrap the event list, also one or two levels down (`{data: {events: […]}}`).
 * `results`: Meetup v2 and many REST APIs; `entries`: Luma.
 */
const WRAPPER_KEYS = ['events', 'data', 'items', 'results', 'entries'] as const;
const MAX_WRAPPER_DEPTH = 3;

/**
 * The list of events in `root`. Depth-limited so a hostile document cannot make this recurse
 * far; the rest of the parser only looks one level into each item.
 */
export function findEventList(root: unknown, hooks: ListHooks, depth = 0, contexts: unknown[] = []): EventList | undefined {
  if (Array.isArray(root)) return {items: root, contexts};
  if (!isObject(root) || depth > MAX_WRAPPER_DEPTH) return undefined;
  if (root['@context'] !== undefined) contexts = [...contexts, root['@context']];
  const first = hooks.first(root, depth, contexts);
  if (first) return first;
  if (Array.isArray(root.items) && typeof root.version === 'string' && /jsonfeed|^1(\.\d+)?$/i.test(root.version)) {
    return {items: root.items, jsonFeed: true, contexts, title: plainText(root.title)};
  }
  for (const key of WRAPPER_KEYS) {
    const inner = root[key];
    if (Array.isArray(inner)) return {items: inner, contexts};
    if (isObject(inner)) {
      const found = findEventList(inner, hooks, depth + 1, contexts);
      if (found) return found;
    }
  }
  return depth ? undefined : hooks.last(root, contexts);
}
