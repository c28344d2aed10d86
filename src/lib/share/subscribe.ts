/**
 * "Subscribe to this view": the addresses a visitor's calendar app can follow. Pure functions;
 * the share actions (controllers/share-actions.ts) decide which apply (is there a feedcal relay,
 * is the source iCalendar) and draw them.
 *
 * - Through a feedcal relay (`proxy="https://relay.example/?url={url}"`, docs/relay.md), the
 *   relay's filtered view of the feed: `&format=ics` (or `rss`) plus the list's filters, the
 *   page's and the visitor's combined, so the calendar app shows what the list shows and keeps
 *   following it. When the two cannot be said in one address (the relay takes one list per
 *   filter, and the page's categories and the visitor's are both required), the page's view is
 *   offered instead, and said to be the whole calendar rather than this view.
 * - Without one, an iCalendar source itself.
 *
 * Either is offered as a `webcal:` link (the system's calendar app), and as Google Calendar's and
 * Outlook.com's "add by address" pages.
 */
import {foldText, type When} from '../show/filter.js';
import type {VisitorFilters} from '../show/facets.js';
import {resolveDateBound} from '../time.js';
import {encodeUriPart} from '../uri.js';

/** The page's filters (the list's attributes) as written: lists comma-separated. */
/**
 * One way to follow or take the shown events. `webcal`, `google`, `outlook` and `rss` follow a
 * feed (`source` names it when the list has several; `exact` is false when the address gives the
 * page's calendar rather than the visitor's filtered view); `download` is an .ics file of exactly
 * the shown events (`href` a `data:` address, `fileName` its name).
 */
export interface SubscribeLink {
  kind: 'webcal' | 'google' | 'outlook' | 'rss' | 'download';
  href: string;
  label: string;
  source?: string;
  exact?: boolean;
  fileName?: string;
}

export interface PageFilters {
  categories: string;
  locations: string;
  organizers: string;
  search: string;
  from: string;
  to: string;
}

export interface ViewQuery {
  /** The relay's parameters, in a fixed order (without `url` and `format`). */
  params: Array<[string, string]>;
  /** Whether the parameters say exactly what the list shows (else: the page's view only). */
  exact: boolean;
}

const split = (list: string) =>
  list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `YYYY-MM-DD` + 1 day: the visitor's "to" is the last day they want; the relay's is exclusive. */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The relay's parameters for what the list shows: the page's filters narrowed by the visitor's.
 * A list the visitor narrowed within the page's own values (a category chip of the page's
 * categories) is the visitor's; one the relay cannot combine (a chip outside them) makes the query
 * the page's alone, with `exact` false. Searches join (every word must appear); of two bounds
 * the narrower is kept, as written (`today` stays `today`, and the subscription rolls on).
 */
export function viewQuery(page: PageFilters, visitor: VisitorFilters, when: When, timeZone: string, now: Date): ViewQuery {
  let exact = true;
  const params: Array<[string, string]> = [];
  const list = (name: string, pageValues: string[], visitorValues: string[]) => {
    let values = pageValues;
    if (visitorValues.length) {
      const allowed = new Set(pageValues.map(foldText));
      if (!pageValues.length || visitorValues.every((value) => allowed.has(foldText(value)))) values = visitorValues;
      else exact = false;
    }
    if (values.length) params.push([name, values.join(',')]);
  };
  list('categories', split(page.categories), visitor.categories);
  list('locations', split(page.locations), visitor.location ? [visitor.location] : []);
  list('organizers', split(page.organizers), visitor.organizer ? [visitor.organizer] : []);
  const search = [page.search, exact ? visitor.search : '']
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  if (search) params.push(['search', search]);
  const visitorBounds = exact ? {from: visitor.from, to: visitor.to && dayAfter(visitor.to)} : {from: '', to: ''};
  const bound = (name: 'from' | 'to') => {
    const candidates = [page[name].trim(), visitorBounds[name]].filter(Boolean);
    const resolved = candidates.map((value) => ({value, at: resolveDateBound(value, now, timeZone)?.getTime()})).filter((c) => c.at !== undefined);
    if (!resolved.length) return;
    resolved.sort((a, b) => (name === 'from' ? b.at! - a.at! : a.at! - b.at!));
    params.push([name, resolved[0].value]);
  };
  bound('from');
  bound('to');
  params.push(['when', exact ? when : 'upcoming'], ['time-zone', timeZone]);
  return {params, exact};
}

/**
 * The relay's address of a feed's view in `format`: the list's proxy template with the feed, then
 * the view's parameters. Undefined when the template has no `{url}` (not a relay's).
 */
export function relayViewUrl(feed: string, proxy: string | undefined, format: 'ics' | 'rss', query: ViewQuery, base: string): string | undefined {
  if (!proxy?.includes('{url}')) return undefined;
  try {
    const url = new URL(proxy.replace('{url}', encodeUriPart(new URL(feed, base).href)), base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.searchParams.set('format', format);
    for (const [name, value] of query.params) url.searchParams.set(name, value);
    return url.href;
  } catch {
    return undefined;
  }
}

/** The same address for calendar apps: `webcal://` in place of `https://` or `http://`. */
export const webcalUrl = (url: string): string => url.replace(/^https?:/i, 'webcal:');

/** Google Calendar's "add calendar by address" page for a `webcal:` address. */
export const googleSubscribeUrl = (webcal: string): string => `https://calendar.google.com/calendar/r?cid=${encodeUriPart(webcal)}`;

/** Outlook.com's "subscribe from web" page for an http(s) address, with the calendar's name. */
export const outlookSubscribeUrl = (url: string, name: string): string =>
  `https://outlook.live.com/calendar/0/addfromweb?url=${encodeUriPart(url)}&name=${encodeUriPart(name)}`;
