/**
 * One Markdown file with YAML front matter → one event, in the vocabulary of Gnistor's Hugo
 * site (notes/feed-formats.md §4.8): `title`, `date`, `enddate`, `forms`, `locations`,
 * `topics`, `organizer`, the `address*` fields and `source`. The body becomes the plain-text
 * description.
 *
 * The front matter is read by a small hand-written reader, not a YAML library: these files use
 * only a tiny subset (one-line scalars, quoted or not, flow lists `[a, b ]`, block lists `- a`,
 * empty values), a YAML library would add tens of kilobytes to a widget that is pasted into
 * blogs, and YAML's own typing is wrong here: it reads an unquoted `2023-08-19 15:00:00` as a
 * UTC timestamp, while Hugo reads it in the site's zone. Everything stays a string and goes
 * through the same time rules as every other feed.
 */
import {FeedError, SkipItem, type EventDraft, type ParseContext, type ParseResult, type ParsedFeed} from '../events/model.js';
import {collapseSpace} from '../events/text.js';
import {finishEvent} from '../events/normalise.js';
import {addDaysIn, parseDateText} from '../time.js';
import type {FeedReader} from './reader.js';

type FrontMatterValue = string | string[];

/** This module as feeds/index.ts loads every format's reader: one file is one event, read in one step. */
export const reader: FeedReader = {
  // eslint-disable-next-line require-yield -- one file, one event: there is nothing to pause between
  *steps(text, ctx) {
    return parseMarkdown(text, ctx);
  },
};

export function parseMarkdown(text: string, ctx: ParseContext): ParseResult {
  const doc = splitFrontMatter(text);
  if (!doc) {
    return new FeedError('parse', 'not-a-feed', 'The Markdown file has no YAML front matter (a block between "---" lines), so it holds no event.');
  }
  const fields = readFrontMatter(doc.frontMatter);
  const feed: ParsedFeed = {format: 'markdown', events: [], skipped: []};
  try {
    feed.events.push(finishEvent(draftFrom(fields, doc.body, ctx), ctx));
  } catch (error) {
    const reason = error instanceof SkipItem ? error.message : `could not be read (${(error as Error).message})`;
    feed.skipped.push({index: 0, reason});
  }
  return feed;
}

function draftFrom(fields: Map<string, FrontMatterValue>, body: string, ctx: ParseContext): EventDraft {
  const one = (key: string): string | undefined => {
    const value = fields.get(key);
    const text = Array.isArray(value) ? value[0] : value;
    return text?.trim() || undefined;
  };
  const list = (key: string): string[] => {
    const value = fields.get(key);
    return value === undefined ? [] : Array.isArray(value) ? value : value.split(',');
  };
  const title = one('title');
  const zone = one('timezone') ?? one('timeZone');
  const date = one('date');
  const start = parseDateText(date, ctx.timeZone, zone);
  if (date && !start) throw new SkipItem(`"${title ?? ''}": date "${date}" is not a date`);
  // Gnistor's "no end" sentinel `1970-01-01 01:00:00` parses; finishEvent drops it as before the start.
  const enddate = one('enddate') ?? one('endDate');
  // A date-only enddate is the last day (`enddate: 2026-09-27` for a fair that ends on the 27th),
  // as the JSON and RSS readers read Gnistor's; the model's end is the exclusive day after.
  let end = parseDateText(enddate, ctx.timeZone, zone);
  if (end?.allDay) end = {...end, date: addDaysIn(end.date, 1, ctx.timeZone)};

  // Gnistor splits the address over schema.org-like fields, sometimes all of it in addressName.
  const locality = [one('postalCode'), one('addressRegion')].filter(Boolean).join(' ');
  const addressParts = [one('addressName'), one('streetAddress'), locality, one('addressCountry')];
  const address = collapseSpace(addressParts.filter(Boolean).join(', '));

  return {
    title,
    start,
    end,
    categories: [...list('forms'), ...list('categories'), ...list('topics'), ...list('tags')],
    locations: list('locations'),
    organizer: one('organizer'),
    // `source` is the original announcement (Facebook, Mobilizon): the page to link to.
    url: one('source') ?? one('url'),
    image: one('image'),
    place: address ? {address} : undefined,
    description: markdownToText(body),
  };
}

/** The front matter and the body, or undefined when the file does not start with `---`. */
function splitFrontMatter(text: string): {frontMatter: string; body: string} | undefined {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const open = /^---[ \t]*\n/.exec(normal);
  if (!open) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(normal.slice(open[0].length));
  if (!close) return undefined;
  const start = open[0].length;
  return {
    frontMatter: normal.slice(start, start + close.index),
    body: normal.slice(start + close.index + close[0].length),
  };
}

/**
 * The subset of YAML the front matter uses. Top-level `key: value` lines only; nested maps and
 * multi-line scalars are outside the subset and skipped rather than misread.
 */
function readFrontMatter(yaml: string): Map<string, FrontMatterValue> {
  const fields = new Map<string, FrontMatterValue>();
  let listKey: string | undefined; // a key with an empty value, which a block list may follow
  for (const line of yaml.split('\n')) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s*-(?:\s+(.*))?$/.exec(line);
    if (item && listKey) {
      const value = fields.get(listKey);
      const items = Array.isArray(value) ? value : [];
      const text = scalar(item[1] ?? '');
      if (text) items.push(text);
      fields.set(listKey, items);
      continue;
    }
    const pair = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
    listKey = undefined;
    if (!pair) continue;
    const [, key, raw = ''] = pair;
    const value = raw.trim();
    if (!value) {
      fields.set(key, '');
      listKey = key;
    } else {
      fields.set(key, value.startsWith('[') ? flowList(value) : scalar(value));
    }
  }
  return fields;
}

/** One scalar: double-quoted (with escapes), single-quoted (`''` is a quote) or plain. */
function scalar(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    if (m) return unescapeDoubleQuoted(m[1]);
  }
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(text);
    if (m) return m[1].replace(/''/g, "'");
  }
  // A plain scalar ends at a comment (` #`); `~` and `null` mean no value.
  const plain = text.replace(/\s+#.*$/, '').trim();
  return plain === '~' || plain === 'null' ? '' : plain;
}

const ESCAPES: Record<string, string> = {n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' '};

function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return ESCAPES[code] ?? whole;
  });
}

/** `[a, "b, c", d ]` → items; commas inside quotes do not split. Empty items are dropped. */
function flowList(raw: string): string[] {
  const inner = raw.slice(1, raw.lastIndexOf(']') > 0 ? raw.lastIndexOf(']') : undefined);
  const items: string[] = [];
  let current = '';
  let quote = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (quote) {
      if (ch === '\\' && quote === '"') {
        current += ch + (inner[++i] ?? '');
        continue;
      }
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  items.push(current);
  return items.map(scalar).filter(Boolean);
}

/**
 * Markdown as readable plain text: headings lose their `#`, links become `text (url)`, emphasis
 * markers go; paragraphs and list dashes stay. Line by line, so no pattern spans the whole text.
 * The result is shown as text, never as HTML, so stray markup is harmless.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/, '$1')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
        .replace(/\[([^\]\n]+)\]\(\s*([^)\s]+)(?:\s+"[^"\n]*")?\s*\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
        .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
        .replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1')
    )
    .join('\n')
    .trim();
}
