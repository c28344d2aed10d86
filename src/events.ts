/**
 * Typed DOM events. All bubble and are composed, so a page can listen on the element or any
 * ancestor, and are named `<tag>-<what>`.
 */
import type {CalendarEvent, CappedSeries, FeedError, SkippedItem} from './lib/events/model.js';

/** A feed (or all of `src`) was loaded and parsed. */
export class EventListLoadEvent extends Event {
  static readonly type = 'event-list-load';
  constructor(
    /** Every parsed event. */
    readonly events: CalendarEvent[],
    /** Items the feeds held that could not be read, with reasons. */
    readonly skipped: SkippedItem[],
    /** Recurring series a cap cut (at most 1000 occurrences per series, 10,000 per feed), each with its feed's `src`: they have more occurrences than `events` hold. */
    readonly capped: Array<CappedSeries & {src: string}> = []
  ) {
    super(EventListLoadEvent.type, {bubbles: true, composed: true});
  }
}

/** A feed could not be loaded or read. `error.kind` is `network`, `cors`, `http`, `parse` or `timeout`. */
export class EventListErrorEvent extends Event {
  static readonly type = 'event-list-error';
  constructor(
    readonly error: FeedError,
    /** The feed URL that failed. */
    readonly src: string
  ) {
    super(EventListErrorEvent.type, {bubbles: true, composed: true});
  }
}

/** The visitor changed a filter control (not fired when the page sets an attribute). */
export class EventListFilterChangeEvent extends Event {
  static readonly type = 'event-list-filter-change';
  constructor() {
    super(EventListFilterChangeEvent.type, {bubbles: true, composed: true});
  }
}

/** The visitor opened an event card's details. Cancelable: preventing it keeps the card closed. */
export class EventCardSelectEvent extends Event {
  static readonly type = 'event-card-select';
  constructor(readonly event: CalendarEvent) {
    super(EventCardSelectEvent.type, {bubbles: true, composed: true, cancelable: true});
  }
}

/** The visitor closed an event card's details ("show less"). */
export class EventCardCloseEvent extends Event {
  static readonly type = 'event-card-close';
  constructor(readonly event: CalendarEvent) {
    super(EventCardCloseEvent.type, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'event-list-load': EventListLoadEvent;
    'event-list-error': EventListErrorEvent;
    'event-list-filter-change': EventListFilterChangeEvent;
    'event-card-select': EventCardSelectEvent;
    'event-card-close': EventCardCloseEvent;
  }
}
