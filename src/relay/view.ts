/**
 * Filtered and converted views of a feed: `?format=json|ics|rss` and the widget's own filter
 * parameters (`categories`, `locations`, `organizers`, `search`, `from`, `to`, `when`, and
 * `time-zone` for the dates), on `/?url=` and `/feeds/<name>` alike. These addresses are what a
 * "subscribe to this view" link points at.
 *
 * The widget asks for JSON without any configuration: when it fetches through a `proxy` it sends
 * `Accept: application/vnd.feedcal+json, *\/*;q=0.8` (CORS-safelisted, so no preflight), and a
 * feedcal relay answers feedcal JSON in that type, with `Vary: Accept`; any other proxy ignores
 * the header and the widget reads what comes. So a Google Calendar feed is parsed once on the
 * relay, and visitors never download the iCalendar parser. A negotiated view never fails: a feed
 * that is JSON already, or that cannot be read here, is served as it is.
 *
 * This module reads the parameters; view-cache.ts keeps the converted views, and convert.ts, loaded
 * the first time a view is asked for, parses, filters and writes (a relay that only relays never
 * loads the parsers).
 */
import {isTimeZone, resolveDateBound} from '../lib/time.js';
import {parseList, type When} from '../lib/show/filter.js';
import {FEEDCAL_JSON_TYPE} from '../lib/load/fetch-feed.js';
import {PREFIX, RelayError} from './options.js';

export type OutputFormat = 'json' | 'ics' | 'rss';

/** The media type the widget asks for (fetch-feed.ts) and a negotiated JSON view is served as. */
export const FEEDCAL_JSON = FEEDCAL_JSON_TYPE;

/** A view of a feed: what to write and which events. */
export interface View {
  /** Asked with `?format=`; undefined: the feed's own family (iCalendar → ics, RSS/Atom → rss, the rest → json). */
  format?: OutputFormat;
  /** Asked for by the widget's Accept header rather than by the address. */
  negotiated: boolean;
  /** Whether any filter parameter was given (without one, every event is kept in the feed's order). */
  filtered: boolean;
  categories: string[];
  locations: string[];
  organizers: string[];
  search: string;
  from?: Date;
  to?: Date;
  when: When;
  /** The zone floating times are read in and `from`/`to` resolved in. */
  timeZone: string;
  /** The view as a cache key: equal keys give equal bodies for the same stored copy. */
  key: string;
}

const FORMATS: readonly OutputFormat[] = ['json', 'ics', 'rss'];
const WHENS: readonly When[] = ['upcoming', 'past', 'all'];
const LISTS = ['categories', 'locations', 'organizers'] as const;
/** Every parameter the relay reads; any other is refused, so a typo never passes as an unfiltered feed. */
const KNOWN = new Set(['url', 'format', ...LISTS, 'search', 'from', 'to', 'when', 'time-zone']);

const bad = (message: string) => new RelayError(400, `${PREFIX} ${message}`, 'bad parameter');

/** All values of a parameter, joined (`categories=a&categories=b` is `a,b`). */
const param = (params: URLSearchParams, name: string) =>
  params
    .getAll(name)
    .map((value) => value.trim())
    .filter(Boolean)
    .join(',');

/**
 * The view a request asks for; undefined when it asks for the feed as it is; a 400 RelayError
 * naming the parameter when one is wrong.
 */
export function readView(params: URLSearchParams, accept: string | null, now: Date, defaultZone: string): View | RelayError | undefined {
  for (const name of params.keys()) {
    if (!KNOWN.has(name)) {
      return bad(
        `unknown parameter ${JSON.stringify(name)}; the relay reads url, format, categories, locations, organizers, search, from, to, when and time-zone ` +
          '(encode a feed address that has its own query with encodeURIComponent).'
      );
    }
  }
  const format = param(params, 'format').toLowerCase();
  if (format && !FORMATS.includes(format as OutputFormat)) return bad(`format must be json, ics or rss, not ${JSON.stringify(format)}.`);
  const when = param(params, 'when').toLowerCase();
  if (when && !WHENS.includes(when as When)) return bad(`when must be upcoming, past or all, not ${JSON.stringify(when)}.`);
  const zone = param(params, 'time-zone');
  if (zone && !isTimeZone(zone)) return bad(`time-zone ${JSON.stringify(zone)} is not an IANA time zone (like Europe/Stockholm).`);
  const timeZone = zone || defaultZone;
  const bounds: {from?: Date; to?: Date} = {};
  for (const name of ['from', 'to'] as const) {
    const text = param(params, name);
    if (!text) continue;
    const date = resolveDateBound(text, now, timeZone);
    if (!date) return bad(`${name} ${JSON.stringify(text)} is not a date: give an ISO date (2026-12-01), today, or an offset like +3 months.`);
    bounds[name] = date;
  }
  if (bounds.from && bounds.to && bounds.to <= bounds.from) return bad('to must be after from.');
  const search = param(params, 'search');
  if (search.length > 200) return bad('search is longer than 200 characters.');
  const [categories, locations, organizers] = LISTS.map((name) => parseList(param(params, name)));
  const filtered = Boolean(categories.length || locations.length || organizers.length || search || bounds.from || bounds.to || when);
  const negotiated = !format && !filtered && acceptsFeedcalJson(accept);
  if (!format && !filtered && !negotiated) return undefined;
  const view: Omit<View, 'key'> = {
    format: (format as OutputFormat) || (negotiated ? 'json' : undefined),
    negotiated,
    filtered,
    categories,
    locations,
    organizers,
    search,
    ...bounds,
    when: (when as When) || 'all',
    timeZone,
  };
  return {...view, key: JSON.stringify([view.format, negotiated, categories, locations, organizers, search, bounds.from, bounds.to, view.when, timeZone])};
}

/** Whether an Accept header names feedcal JSON (with a q above 0). */
function acceptsFeedcalJson(accept: string | null): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...rest] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = rest.find((part) => part.startsWith('q='));
    return type === FEEDCAL_JSON && !(q && Number(q.slice(2)) === 0);
  });
}
