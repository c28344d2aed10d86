/**
 * The shown events as text to paste elsewhere: plain text, Markdown, e-mail-ready HTML and
 * Mastodon posts, in the list's language and time zone (the dates are the cards' own, from
 * ../format.ts). Pure functions: the copy action (controllers/share-actions.ts) puts their output
 * on the clipboard; nothing here touches the DOM.
 *
 * Feed text is never trusted as markup. Titles and places are cleaned (control characters and
 * bidirectional controls dropped, lines joined), then escaped for the format: Markdown's
 * punctuation gets backslashes, HTML's `& < > " '` become references, and a link is written only
 * for an absolute http(s) address. Text in the other direction than the list's (a Hebrew title in
 * a Swedish list, an English one in an Arabic list) is isolated so it cannot reorder what is
 * around it: Unicode's first-strong isolate (U+2068 … U+2069) in text, `dir="auto"` in HTML.
 *
 * Mastodon counts a post's length in characters as a person sees them (grapheme clusters), with
 * every link as 23 whatever its length (its `StatusLengthValidator`): `mastodonLength` does the
 * same, and `toMastodonPosts` fills each post up to `limit` (500 by default), numbered "1/3" at the
 * end when the events need several.
 */
import type {CalendarEvent} from '../events/model.js';
import {absoluteHttpUrl} from '../events/normalise.js';
import {formatEventRange} from '../format.js';
import {locationText} from '../ics-export.js';
import {encodeUriPart} from '../uri.js';

export interface DigestOptions {
  /** BCP 47 locale of the dates and the words. */
  locale: string;
  /** IANA zone the dates are written in (the list's). */
  timeZone: string;
  /** "Now", for leaving out this year's year (format.ts). */
  now: Date;
  /** Whether the list's language is written right to left. */
  rtl?: boolean;
  /** The heading: the organisation's or the calendar's name. */
  heading?: string;
  /** The calendar's page, linked at the end. */
  pageUrl?: string;
  /** Words in the list's language. */
  labels: {cancelled: string; tentative: string; allEvents: string};
}

/** One event as the formats write it: each field cleaned, the link kept only when it is http(s). */
interface Entry {
  date: string;
  title: string;
  place: string;
  url?: string;
  /** "Cancelled" or "Not confirmed", when the event says so. */
  status?: string;
}

// C0/C1 controls (tab and line breaks become spaces first), and the bidirectional embeddings,
// overrides and isolates a title could use to reorder the text around it.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Letters of scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;
const FSI = '\u2068';
const PDI = '\u2069';

/** Feed text as one clean line. */
export function cleanLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
}

/** `text` wrapped in a first-strong isolate when its direction may differ from the list's. */
export function isolate(text: string, rtl = false): string {
  return text && (rtl ? LTR_LETTER : RTL_LETTER).test(text) ? FSI + text + PDI : text;
}

function entries(events: readonly CalendarEvent[], o: DigestOptions): Entry[] {
  return events.map((event) => ({
    date: formatEventRange(event, o.locale, o.timeZone, o.now).text,
    title: cleanLine(event.title),
    place: cleanLine(locationText(event)),
    url: absoluteHttpUrl(event.url),
    status: event.status === 'cancelled' ? o.labels.cancelled : event.status === 'tentative' ? o.labels.tentative : undefined,
  }));
}

const pageLink = (o: DigestOptions) => absoluteHttpUrl(o.pageUrl);

/** Plain text: a heading, then each event as its date, title, place and link, a blank line between. */
export function toPlainText(events: readonly CalendarEvent[], o: DigestOptions): string {
  const t = (text: string) => isolate(text, o.rtl);
  const blocks = entries(events, o).map((e) => [e.date, (e.status ? `${e.status}: ` : '') + t(e.title), e.place && t(e.place), e.url].filter(Boolean).join('\n'));
  const heading = cleanLine(o.heading);
  const page = pageLink(o);
  return [heading && t(heading), ...blocks, page && `${o.labels.allEvents} ${page}`].filter(Boolean).join('\n\n') + '\n';
}

/** Markdown's punctuation (CommonMark's escapable characters that can start markup) with a backslash. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&"=-]/g, '\\$&');
}

/** A link destination in `<…>`, where only `<`, `>` and line breaks would need care: they are percent-encoded. */
const markdownUrl = (url: string) => `<${url.replace(/[<>\s]/g, (ch) => encodeUriPart(ch))}>`;

/** Markdown: a heading, then a list item per event: the date in bold, the title as a link, the place. */
export function toMarkdown(events: readonly CalendarEvent[], o: DigestOptions): string {
  const t = (text: string) => escapeMarkdown(isolate(text, o.rtl));
  const items = entries(events, o).map((e) => {
    const title = e.url ? `[${t(e.title)}](${markdownUrl(e.url)})` : t(e.title);
    return `- **${escapeMarkdown(e.date)}**: ${e.status ? `${escapeMarkdown(e.status)}: ` : ''}${title}${e.place ? ` · ${t(e.place)}` : ''}`;
  });
  const heading = cleanLine(o.heading);
  const page = pageLink(o);
  return [heading && `## ${t(heading)}`, items.join('\n'), page && `${escapeMarkdown(o.labels.allEvents)} ${markdownUrl(page)}`].filter(Boolean).join('\n\n') + '\n';
}

/** Text for HTML: `& < > " '` as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// Inline styles only: newsletter tools and mail clients drop <style> and classes.
const STYLE = {
  body: 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.4',
  heading: 'margin:0 0 16px;font-size:22px',
  event: 'margin:0 0 16px;padding:0 0 12px;border-bottom:1px solid #d0d7de',
  date: 'margin:0;color:#b33c0b;font-size:14px;font-weight:600',
  title: 'margin:2px 0;font-size:18px;font-weight:700',
  link: 'color:#1f2328;text-decoration:underline',
  place: 'margin:0;color:#57606a;font-size:14px',
  status: 'color:#b42318',
  more: 'margin:8px 0 0;font-size:14px',
};

/**
 * E-mail-ready HTML: one `<div>` with inline styles, the list's language and direction, a heading,
 * then per event its date, title (a link when the event has an http(s) page) and place. Every
 * piece of text is escaped; titles and places carry `dir="auto"`.
 */
export function toEmailHtml(events: readonly CalendarEvent[], o: DigestOptions): string {
  const text = (value: string) => escapeHtml(value);
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="${STYLE.link}">${label}</a>`;
  const items = entries(events, o).map((e) => {
    const title = `<span dir="auto">${text(e.title)}</span>`;
    return (
      `<div style="${STYLE.event}">` +
      `<p style="${STYLE.date}">${text(e.date)}</p>` +
      `<p style="${STYLE.title}">${e.status ? `<span style="${STYLE.status}">${text(e.status)}:</span> ` : ''}${e.url ? link(e.url, title) : title}</p>` +
      (e.place ? `<p style="${STYLE.place}" dir="auto">${text(e.place)}</p>` : '') +
      '</div>'
    );
  });
  const heading = cleanLine(o.heading);
  const page = pageLink(o);
  return (
    `<div lang="${escapeHtml(o.locale)}" dir="${o.rtl ? 'rtl' : 'ltr'}" style="${STYLE.body}">` +
    (heading ? `<h2 style="${STYLE.heading}" dir="auto">${text(heading)}</h2>` : '') +
    items.join('') +
    // The label leads into an address in text ("All events:"); here it is the link itself.
    (page ? `<p style="${STYLE.more}">${link(page, text(o.labels.allEvents.replace(/\s*[:：]\s*$/, '')))}</p>` : '') +
    '</div>'
  );
}

/** Mastodon's length of a post: characters as seen (grapheme clusters), each http(s) link counted as 23. */
export const MASTODON_URL_LENGTH = 23;
const URL_IN_TEXT = /https?:\/\/\S+/g;
let graphemes: Intl.Segmenter | undefined;

export function mastodonLength(text: string): number {
  let links = 0;
  const rest = text.replace(URL_IN_TEXT, () => (links++, ''));
  graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  return [...graphemes.segment(rest)].length + links * MASTODON_URL_LENGTH;
}

/** `text` cut to at most `max` of Mastodon's characters, with "…" when cut. */
function shorten(text: string, max: number): string {
  if (mastodonLength(text) <= max) return text;
  const pieces = [...(graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)].map((s) => s.segment);
  let result = '';
  for (const piece of pieces) {
    if (mastodonLength(result + piece + '…') > max) break;
    result += piece;
  }
  return result.trimEnd() + '…';
}

/**
 * Posts for Mastodon: the heading, then each event as its date, title with place, and link, as
 * many to a post as fit in `limit`; a last line "1/3" numbers them when there are several. A
 * single event longer than a post has its title shortened with "…"; its link is never cut.
 */
export function toMastodonPosts(events: readonly CalendarEvent[], o: DigestOptions, limit = 500): string[] {
  const t = (text: string) => isolate(text, o.rtl);
  const heading = cleanLine(o.heading);
  const page = pageLink(o);
  // Room for the numbering ("\n\n12/12"): worked out again if the posts reach 100.
  const build = (reserve: number): string[] => {
    const room = limit - reserve;
    const blocks = entries(events, o).map((e) => {
      const tail = [e.url].filter(Boolean) as string[];
      const head = e.date + '\n';
      const title = (e.status ? `${e.status}: ` : '') + t(e.title) + (e.place ? ` · ${t(e.place)}` : '');
      const fixed = mastodonLength(head + (tail.length ? '\n' + tail.join('\n') : ''));
      return head + shorten(title, room - fixed) + (tail.length ? '\n' + tail.join('\n') : '');
    });
    if (heading) blocks.unshift(shorten(t(heading), room));
    if (page) blocks.push(`${o.labels.allEvents} ${page}`);
    const posts: string[] = [];
    for (const block of blocks) {
      const last = posts.length - 1;
      if (last >= 0 && mastodonLength(posts[last] + '\n\n' + block) <= room) posts[last] += '\n\n' + block;
      else posts.push(block);
    }
    return posts;
  };
  const single = build(0);
  if (single.length <= 1) return single;
  let reserve = 7;
  let posts = build(reserve);
  while (mastodonLength(`\n\n${posts.length}/${posts.length}`) > reserve) posts = build(++reserve);
  return posts.map((post, i) => `${post}\n\n${i + 1}/${posts.length}`);
}
