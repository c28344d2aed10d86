/**
 * A view of a stored feed, made: the body read with the widget's own parsers (feeds/portable.ts
 * gives them a DOM outside the browser), series expanded in the view's window, the widget's own
 * filter (show/filter.ts) applied, and the result written by the feed writers (lib/write). Loaded
 * by view.ts the first time a view is asked for.
 *
 * The window series are expanded over is the widget's rule (lib/show/window.ts) applied to the
 * view's `when`, `from` and `to` and the relay's clock: `when=past` or `all` reaches back to a
 * series' start (within the caps), `from`/`to` anywhere in time are honoured. A view that filters
 * nothing (the widget asking for feedcal JSON, a plain conversion) gets the window of a list of
 * upcoming events, one year back and two ahead, as the widget would expand it by default.
 * Descriptions pass as the feed wrote them: the widget sanitises every description it shows, and
 * a calendar app reading the iCalendar or RSS view gets what it would get from the feed itself.
 */
import {parseFeed} from '../lib/feeds/portable.js';
import {FeedError, type CalendarEvent} from '../lib/events/model.js';
import {decodeFeedBytes} from '../lib/load/decode.js';
import {looksLikeIcs, unfoldIcsBytes} from '../lib/feeds/ics/ics-unfold.js';
import {filterEvents} from '../lib/show/filter.js';
import {expansionWindow} from '../lib/show/window.js';
import {toFeedJson} from '../lib/write/json.js';
import {toIcs} from '../lib/write/ics.js';
import {toRss} from '../lib/write/rss.js';
import type {FeedMeta} from '../lib/write/meta.js';
import type {RelayCacheEntry} from './cache.js';
import {PREFIX, RelayError} from './options.js';
import type {Target} from './policy.js';
import type {FeedBody} from './respond.js';
import {FEEDCAL_JSON, type OutputFormat, type View} from './view.js';

const WRITERS: Record<OutputFormat, {write: (events: CalendarEvent[], meta: FeedMeta) => string; type: string}> = {
  json: {write: toFeedJson, type: 'application/feed+json; charset=utf-8'},
  ics: {write: toIcs, type: 'text/calendar; charset=utf-8'},
  rss: {write: toRss, type: 'application/rss+xml; charset=utf-8'},
};

/**
 * The view's body (titled with the feed's own title, else `about.label`, and linked to
 * `about.link`); undefined for a negotiated view that is better served as the feed itself (it
 * is JSON already, or cannot be read here); a 422 RelayError when an asked-for view cannot be made.
 */
export async function convertFeed(
  entry: RelayCacheEntry,
  target: Target,
  view: View,
  now: Date,
  about: {label: string; link: string}
): Promise<FeedBody | RelayError | undefined> {
  // iCalendar folds lines at 75 bytes, which may split a UTF-8 character: unfold before decoding (as load-feed.ts does).
  const bytes = looksLikeIcs(entry.body) ? unfoldIcsBytes(entry.body) : entry.body;
  const text = decodeFeedBytes(bytes, entry.contentType);
  const window = expansionWindow({when: view.filtered ? view.when : 'upcoming', from: view.from, to: view.to, now});
  const parsed = await parseFeed(text, {timeZone: view.timeZone, source: target.url.href, window}, {contentType: entry.contentType});
  if (parsed instanceof FeedError) {
    if (view.negotiated) return undefined;
    return new RelayError(422, `${PREFIX} the feed could not be read to convert it: ${parsed.message}`, 'unreadable');
  }
  if (view.negotiated && parsed.format === 'json') return undefined;
  const format = view.format ?? (parsed.format === 'ics' ? 'ics' : parsed.format === 'rss' || parsed.format === 'atom' ? 'rss' : 'json');
  const events = view.filtered ? filterEvents(parsed.events, {...view, byStart: true}, now) : parsed.events;
  const meta: FeedMeta = {title: parsed.title || about.label, link: about.link || undefined, now, timeZone: view.timeZone};
  const written = WRITERS[format].write(events, meta);
  const body = new TextEncoder().encode(written);
  return {
    body,
    contentType: view.negotiated ? `${FEEDCAL_JSON}; charset=utf-8` : WRITERS[format].type,
    etag: `W/"fc-${format}-${written.length.toString(36)}-${hash(written)}"`,
    lastModified: entry.lastModified,
  };
}

/** FNV-1a over the UTF-16 code units, as 8 hex digits: an ETag for a converted body. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
