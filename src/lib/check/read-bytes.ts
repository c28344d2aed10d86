/**
 * A feed's bytes to events outside the widget (the check, `feedcal snapshot`), the way the
 * widget's loader reads them (load/load-feed.ts): iCalendar unfolded on the bytes, the charset
 * decided by decodeFeedBytes, the format sniffed (or named by a `.md` file name). Descriptions are
 * not sanitised here: what reads these events either shows no HTML or sanitises it on its own.
 */
import type {ParseResult} from '../events/model.js';
import {likelyFormat, parseFeed} from '../feeds/index.js';
import {looksLikeIcs, unfoldIcsBytes} from '../feeds/ics/ics-unfold.js';
import {decodeFeedBytes} from '../load/decode.js';
import type {ExpansionWindow} from '../show/window.js';

export interface ReadOptions {
  /** The feed's address: events record it as `source`, relative links resolve against it. */
  url: string;
  contentType?: string;
  timeZone: string;
  window: ExpansionWindow;
}

export async function readFeedBytes(bytes: Uint8Array, options: ReadOptions): Promise<{text: string; result: ParseResult}> {
  const text = decodeFeedBytes(looksLikeIcs(bytes) ? unfoldIcsBytes(bytes) : bytes, options.contentType);
  // Markdown has no signature a sniffer could rely on: a `.md` address says it.
  const format = likelyFormat(options.url) === 'markdown' ? 'markdown' : 'auto';
  const result = await parseFeed(text, {timeZone: options.timeZone, source: options.url, window: options.window}, {contentType: options.contentType, format});
  return {text, result};
}
