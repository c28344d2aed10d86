/** English UI strings: the reference set every other language falls back to, key by key. */
export const en = {
  loading: 'Loading events…',
  empty: 'No events to show.',
  emptyFiltered: 'No events match these filters.',
  showMore: (n: number) => `Show ${n} more`,
  readMore: 'Read more',
  readLess: 'Show less',
  eventPage: 'Event page',
  allDay: 'All day',
  cancelled: 'Cancelled',
  organizer: 'Organiser',
  location: 'Place',
  categories: 'Categories',
  events: 'Events',
  resultCount: (n: number) => (n === 1 ? '1 event' : `${n} events`),
  skipped: (n: number) => (n === 1 ? '1 item in the feed could not be read.' : `${n} items in the feed could not be read.`),
  errorTitle: 'The events could not be loaded.',
  error: {
    'not-found': 'The feed was not found at this address (404).',
    'http-status': (status: number) => `The feed's server answered with an error (${status}).`,
    'not-a-feed': 'The address does not give an event feed.',
    'html-page': 'The address gives a web page, not an event feed.',
    empty: 'The feed is empty.',
    invalid: 'The feed is damaged and could not be read.',
    'no-event-dates': 'This feed lists posts without event dates. Use the calendar’s iCalendar (.ics) feed instead.',
    offline: 'No network connection: the feed could not be reached.',
    cors: 'The feed’s server does not allow other sites to read it. Ask its owner to allow it (CORS), or set a proxy.',
    timeout: 'The feed took too long to answer.',
    'too-large': 'The feed is too large to show here.',
  },
};

export type UiStrings = typeof en;
