/**
 * Whether a JSON object is an ActivityStreams `Event` (or an activity carrying one): the test
 * json-shapes.ts's list finder and json-activity.ts's reader both need, kept apart from both so
 * neither imports the other.
 */
import {isObject, type JsonObject} from './json-profiles.js';

const ACTIVITY_TYPES = new Set(['Create', 'Update', 'Announce', 'Add']);

/** The object of a `Create`/`Update`/`Announce` activity, or the value itself. */
export function unwrapActivity(o: JsonObject): JsonObject {
  return typeof o.type === 'string' && ACTIVITY_TYPES.has(o.type) && isObject(o.object) ? o.object : o;
}

export function isActivityStreamsEvent(o: JsonObject): boolean {
  return (Array.isArray(o.type) ? o.type.includes('Event') : o.type === 'Event') && ('startTime' in o || 'endTime' in o);
}
