/**
 * English UI strings: the reference set. Every other language in this folder has exactly these
 * keys (test/lib/i18n-locales.test.ts fails on a missing or extra one); a key a module lacks at
 * run time still falls back to English. The site owner's error tables are in en-errors.ts and
 * errors/<language>.ts: they are loaded only when a feed fails.
 *
 * A count is a table of forms, one per `Intl.PluralRules` category the language uses (English:
 * one, other; Arabic: zero, one, two, few, many, other; Polish, Russian, Ukrainian: one, few,
 * many, other…), with `#` where the number goes. i18n.ts turns each table into a function of the
 * number, which it writes with the language's digits. A table with `other` alone says the words
 * do not change with the number ("+# more"). English is bundled, so its counts are written out
 * (`n === 1` is English's plural rule for whole numbers); the other languages build theirs with
 * `plurals()` (plural.ts) from a form per `Intl.PluralRules` category.
 */
/** The forms of a count, by plural category; `other` is required (and the only one some languages need). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & {other: string};

export const en = {
  loading: 'Loading events…',
  empty: 'No events to show.',
  emptyFiltered: 'No events match these filters.',
  // Nothing upcoming, with no filter of the visitor's: said without blaming filters.
  noUpcoming: 'No upcoming events right now.',
  // The switch between the upcoming and the past events, and the heading of the past ones.
  pastEvents: 'Past events',
  upcomingEvents: 'Upcoming events',
  showMore: {other: 'Show # more'} as PluralForms,
  readMore: 'Read more',
  readLess: 'Show less',
  eventPage: 'Event page',
  // Said to screen readers after the event page link, whose arrow only shows it.
  newTab: 'opens in a new tab',
  allDay: 'All day',
  cancelled: 'Cancelled',
  // A tentative or postponed event: it may not happen as announced.
  tentative: 'Not confirmed',
  organizer: 'Organiser',
  location: 'Place',
  categories: 'Categories',
  events: 'Events',
  resultCount: {one: '# event', other: '# events'} as PluralForms,
  skipped: {one: '# item in the feed could not be read.', other: '# items in the feed could not be read.'} as PluralForms,
  staleNotice: (age: string) => `Updated ${age} — could not refresh.`,
  tryAgain: 'Try again',
  // Said to the visitor when no feed could be loaded (the page's own fallback link shows below it).
  errorTitle: 'The calendar can’t be shown right now.',
  // Said to the visitor when some feeds loaded and others did not.
  errorPartial: 'Some events could not be loaded.',
  // The collapsed part with the cause and its fix (the `error` table below).
  errorDetails: 'Details for the site owner',
  // List and month view
  happeningNow: 'Happening now',
  today: 'Today',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  // The month view when its grid's code could not be loaded (offline, a deploy).
  monthGridFailed: 'The calendar grid could not be loaded; here are the month’s events as a list.',
  moreEvents: {other: '+# more'} as PluralForms,
  // A recurring series had more occurrences than the caps let the list make.
  moreDates: 'Some repeating events have more dates than are shown.',
  view: 'View',
  viewList: 'List',
  viewMonth: 'Month',
  // Filter bar
  filters: 'Filters',
  searchLabel: 'Search',
  searchPlaceholder: 'Search events',
  locations: 'Places',
  organizers: 'Organisers',
  all: 'All',
  allPlaces: 'All places',
  allOrganizers: 'All organisers',
  dates: 'Dates',
  dateFrom: 'From',
  dateTo: 'To',
  clearFilters: 'Clear filters',
  // Event details and add to calendar
  eventDetails: 'Event details',
  close: 'Close',
  address: 'Address',
  online: 'Online',
  showOnMap: 'Show on map',
  sourceFeed: 'Source',
  addToCalendar: 'Add to calendar',
  downloadIcs: 'Download .ics',
  googleCalendar: 'Google Calendar',
  outlook: 'Outlook',
  // A coalition calendar: an event another source also had (# is that source's name), and a source whose feed failed.
  withSource: 'with #',
  sourceFailed: '# (not loaded)',
};

/** What every language module exports: the strings above, each in that language. */
export type LocaleStrings = typeof en;

/** The strings a view gets: each count a function of the number. */
export type UiStrings = {[K in keyof typeof en]: (typeof en)[K] extends PluralForms ? (n: number) => string : (typeof en)[K]};
