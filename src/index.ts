/**
 * feedcal: registers `<event-list>`, `<event-card>` and `<event-source>`, and `<event-next>` once
 * the page has one (its code is a chunk of its own), and re-exports the public API.
 */
import {defineOnDemand} from './define.js';

export {EventListElement} from './event-list.js';
export {EventCardElement} from './event-card.js';
export {EventSourceElement} from './event-source.js';
export {EventListLoadEvent, EventListErrorEvent, EventListFilterChangeEvent, EventCardSelectEvent} from './events.js';
export {FeedError} from './lib/events/model.js';
export type {CalendarEvent, Place, EventStatus, FeedFormat, FeedErrorKind, FeedErrorCode, SkippedItem} from './lib/events/model.js';
export {parseFeed} from './lib/feeds/index.js';
export {VERSION} from './define.js';
/** The class itself is exported by `feedcal/event-next.js`, so that pages without a badge never load it. */
export type {EventNextElement} from './event-next.js';

defineOnDemand('event-next', () => import('./event-next.js'));
