/**
 * feedcal: registers `<event-list>`, `<event-card>` and `<event-source>` and re-exports the public API.
 */
export {EventListElement} from './event-list.js';
export {EventCardElement} from './event-card.js';
export {EventSourceElement} from './event-source.js';
export {EventListLoadEvent, EventListErrorEvent, EventListFilterChangeEvent, EventCardSelectEvent} from './events.js';
export {FeedError} from './lib/events/model.js';
export type {CalendarEvent, Place, EventStatus, FeedFormat, FeedErrorKind, FeedErrorCode, SkippedItem} from './lib/events/model.js';
export {parseFeed} from './lib/feeds/index.js';
export {VERSION} from './define.js';
