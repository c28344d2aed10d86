/** What the corpus test checks for one file of ../shared/fixtures/feeds/. */
export interface CorpusExpectation {
  /** Path relative to ../shared/fixtures/feeds/, e.g. 'gnistor/feed.xml'. */
  file: string;
  /** Events parsed (with time zone Europe/Stockholm). */
  count: number;
  firstTitle: string;
  /** `events[0].start.toISOString()`. */
  firstStart: string;
  /** Items skipped, when checked. */
  skipped?: number;
  /** When the file is expected to fail as a whole: the `FeedError` code. */
  error?: string;
  /** The window recurrences are expanded in (ISO instants). */
  window?: {from: string; to: string};
  /** Why the numbers are what they are. */
  note?: string;
}
