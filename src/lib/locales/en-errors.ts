/**
 * The site owner's error table in English: for each `FeedError` code, what went wrong and how to
 * fix it, shown under "Details for the site owner" and written to the console. Bundled with the
 * error details (views/feed-error.ts), not with the first load: most pages never fail. The other
 * languages have theirs in errors/<language>.ts, with exactly these keys. Commands, attribute
 * names and addresses stay as written in every language.
 */
export const enErrors = {
  'not-found': 'The feed was not found at this address (404). Check the src address: open it in a browser.',
  'http-status': (status: number) => `The feed’s server answered with an error (${status}). If it lasts, check the src address and the feed’s server.`,
  'not-a-feed': 'The address does not give an event feed. Use the address of the calendar’s feed (iCalendar, JSON, RSS, Atom or JSON-LD).',
  'html-page': 'The address gives a web page, not an event feed. Use the address of the calendar’s feed, often ending in .ics, /feed or .json.',
  empty: 'The feed is empty. Check that the calendar has public events.',
  invalid: 'The feed is damaged and could not be read. Check it with a feed validator, or tell whoever publishes it.',
  'no-event-dates': 'This feed lists posts without event dates. Use the calendar’s iCalendar (.ics) feed instead.',
  interrupted: 'The connection broke while the feed was loading. If it lasts, check the feed’s server.',
  offline: 'No network connection: the feed could not be reached.',
  cors: 'The feed’s server does not allow other sites to read it (no CORS headers). Run a relay that is allowed to fetch the feed, and set the list’s proxy attribute to it:',
  insecure: 'Browsers block an http:// feed on an https:// page. Use the feed’s https:// address, or a relay on https.',
  timeout: 'The feed took too long to answer. Check that its server is up, or raise the timeout attribute.',
  'too-large': 'The feed is too large to show here. Raise the max-bytes attribute, or use a feed of upcoming events only.',
  'redirect-loop': 'The feed’s address redirects in a loop and never reaches the feed. Open the src address in a browser and fix the redirects on its server.',
  'redirect-blocked':
    'The feed’s address redirects to an address browsers will not load (file:, data:, javascript: or an unreachable server). Use the feed’s own https:// address in src.',
  'not-modified-without-copy':
    'The feed’s server answered “not modified” (304) when asked for the whole feed. Check the server’s cache settings (ETag, Last-Modified).',
};

export type ErrorStrings = typeof enErrors;
