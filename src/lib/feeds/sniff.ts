/**
 * The first, cheap look at a feed body: it names the format only when the body is plainly JSON,
 * iCalendar, RSS or Atom, the kinds most feeds are, and otherwise leaves the choice to `detectFormat`.
 * detect.ts is a chunk loaded on demand and this module sits in the entry, so it must stay
 * small, and it must never disagree with `detectFormat`: every answer it gives is one
 * `detectFormat` gives for the same text and content type (test/lib/sniff.test.ts checks it).
 */

/** How much of the body is sniffed. Enough for an XML prolog with comments and a DOCTYPE. */
const SNIFF_LENGTH = 4096;

/**
 * The part of the body both sniffs look at. `trimStart` also drops byte-order marks (U+FEFF is
 * white space to JavaScript), so a BOM before blank lines does not hide the first character.
 */
export const feedHead = (text: string) => text.slice(0, SNIFF_LENGTH).trimStart();

/**
 * An XML feed's root straight after at most an XML declaration: `<rss …>`, `<rdf:RDF …>` or
 * `<feed …>`. Comments, a DOCTYPE or a prefixed root go to detect.ts, which reads the prolog.
 */
const XML_FEED_ROOT = /^(?:<\?xml[^>]*\?>\s*)?<(rss|rdf:RDF|feed)[\s>/]/;

/**
 * The format when the body leaves no doubt, else undefined. detect.ts turns JSON into JSON-LD
 * only when the head has `"@context"` or the content type says `ld+json`, so either sends the
 * body there instead.
 */
export function sniffFormat(text: string, contentType = ''): 'ics' | 'json' | 'rss' | 'atom' | undefined {
  const head = feedHead(text);
  if (/^BEGIN:VCALENDAR\b/i.test(head)) return 'ics';
  if ((head[0] === '{' || head[0] === '[') && !head.includes('"@context"') && !/ld\+json/i.test(contentType)) return 'json';
  const root = XML_FEED_ROOT.exec(head)?.[1];
  return root === 'feed' ? 'atom' : root ? 'rss' : undefined;
}
