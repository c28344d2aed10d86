/**
 * What the feed writers (json.ts, ics.ts, rss.ts) need to know beyond the events: the feed's own
 * title and page, and the two facts that keep their output reproducible and correct.
 */
export interface FeedMeta {
  /** The feed's name (JSON Feed `title`, RSS `<title>`, iCalendar `X-WR-CALNAME`). */
  title?: string;
  /** The page the feed belongs to (JSON Feed `home_page_url`, RSS `<link>`). */
  link?: string;
  description?: string;
  /** When the feed is written (DTSTAMP, lastBuildDate): passed in, so output is reproducible. */
  now: Date;
  /** The zone all-day events were read in (their start is midnight there), and timed events without a zone of their own are written in. */
  timeZone?: string;
}
