/**
 * iCalendar (RFC 5545, RFC 7986) → events. Loaded on demand (feeds/index.ts loads its `reader`
 * through `lazy()`), so ical.js is in its chunk only.
 *
 * ical.js rejects a whole file for one malformed line, so the file is split here into VEVENT
 * and VTIMEZONE blocks and each VEVENT property line is parsed on its own: a bad line is dropped,
 * a VEVENT without a usable DTSTART or title is skipped and counted, the rest is kept.
 * Times are computed here (ics-calendar.ts), not by ical.js, because ical.js reads a TZID without
 * VTIMEZONE as floating and ignores X-WR-TIMEZONE: every date-time is taken as wall-clock fields
 * plus the zone they belong to (`zoneFor`), and turned into an instant with the browser's zone
 * data. Which version of an event stands, series and their overrides: ics-assemble.ts.
 * ical.js is used for what it does well: property syntax and escapes, RRULE iteration, durations,
 * and VTIMEZONE rules for zone names that are not IANA names. The plain lines of the common
 * properties (SUMMARY, DTSTART, …) are read by ics-props.ts the way ical.js reads them, without
 * building its objects, which were most of the cost of a big file.
 */
import {
  FeedError,
  SkipItem,
  type CalendarEvent,
  type EventDraft,
  type FeedSeries,
  type ParseContext,
  type ParseResult,
  type SkippedItem,
} from '../../events/model.js';
import {decodeEntities, looksLikeHtml} from '../../events/text.js';
import {finishEvent} from '../../events/normalise.js';
import {nowMs} from '../../clock.js';
import {DAY_MS} from './ics-recur.js';
import {EventProps} from './ics-props.js';
import {ianaZoneFor} from './ics-zones.js';
import {endFor, endRule, homeZoneOf, readTime, safe, zoneFor, zoneName, type Calendar, type Parsed} from './ics-calendar.js';
import {assemble} from './ics-assemble.js';
import {covers, expansionWindow, shownRange, type Range} from '../../show/window.js';
import {readingPlan, type ItemTimes} from '../preview.js';
import {PAINT, runSliced, runSync, type Steps} from '../steps.js';
import type {FeedReader} from '../reader.js';

export {SERIES_CAP, TOTAL_CAP} from './ics-assemble.js';

/** This module as feeds/index.ts loads every format's reader. */
export const reader: FeedReader = {steps: icsSteps};

/** Reads an iCalendar feed in one go. */
export function parseIcs(text: string, ctx: ParseContext): ParseResult {
  return runSync(icsSteps(text, ctx));
}

/** `parseIcs` as steps (see steps.ts): it may pause every few hundred lines and after each event. */
export function* icsSteps(text: string, ctx: ParseContext): Steps<ParseResult> {
  try {
    return yield* parse(text, ctx);
  } catch (error) {
    return new FeedError('parse', 'invalid', `The iCalendar feed could not be read: ${(error as Error).message}`);
  }
}

function* parse(text: string, ctx: ParseContext): Steps<ParseResult> {
  if (!text.trim()) return new FeedError('parse', 'empty', 'The feed is empty.');
  const lines = yield* unfoldLines(text);
  const {blocks, vtimezones, props, sawCalendar} = yield* split(lines);
  if (!sawCalendar && !blocks.length) {
    return new FeedError('parse', 'not-a-feed', 'This is not an iCalendar file: it has no BEGIN:VCALENDAR.');
  }
  const sourceZone = ianaZoneFor(props.get('X-WR-TIMEZONE'));
  const skipped: SkippedItem[] = [];
  const cal: Calendar = {
    ctx,
    sourceZone,
    vtimezones,
    zones: new Map(),
    window: windowOf(ctx),
    total: 0,
    report: (index, reason) => skipped.push({index, reason}),
    capped: [],
    floating: {iana: sourceZone ?? ctx.timeZone, named: !!sourceZone},
    homeZone: sourceZone ?? (vtimezones.size === 1 ? homeZoneOf([...vtimezones][0]) : undefined),
    // Eventful writes CATEGORIES as space-separated words; elsewhere a space belongs to the name.
    splitSpaces: /eventful|EVDB/i.test(props.get('PRODID') ?? ''),
  };
  const parsed: Parsed[] = [];
  // Events read early for the first look's plan (preview.ts), kept for the reading below.
  const early = new Map<number, Parsed | Error>();
  const read = (block: Block) => {
    let result = early.get(block.index);
    if (!result) {
      try {
        result = readEvent(block, cal);
      } catch (error) {
        result = error as Error;
      }
    }
    return result;
  };
  const preview = ctx.preview && blocks.length > ctx.preview.count ? ctx.preview : undefined;
  if (preview) yield;
  let plan =
    preview &&
    readingPlan(
      blocks.length,
      blockTimes(blocks, cal, (block) => {
        const result = read(block);
        early.set(block.index, result);
        return result instanceof Error ? NaN : result.start.date.getTime();
      }),
      preview
    );
  const order = plan?.order;
  for (let position = 0; position < blocks.length; position++) {
    yield;
    const block = blocks[order ? order[position] : position];
    const result = read(block);
    if (result instanceof Error) skipped.push({index: block.index, reason: result.message});
    else parsed.push(result);
    if (plan?.firstLookAfter(position)) {
      // Every event that starts up to `plan.through` is read: those are the first look, drawn
      // while the rest is read (a series' later occurrences wait, as single events after them do).
      const {through} = plan;
      const look = yield* assemble(inBlockOrder(parsed), {...cal, total: 0, capped: [], report: () => {}});
      preview!.show(look.filter((event) => event.start.getTime() <= through));
      plan = undefined;
      yield PAINT;
    }
  }
  if (order) {
    parsed.splice(0, parsed.length, ...inBlockOrder(parsed));
    skipped.sort((a, b) => a.index - b.index);
  }
  const events = byStart(yield* assemble(parsed, cal));
  const title = props.get('X-WR-CALNAME') ?? props.get('NAME');
  return {
    format: 'ics',
    events,
    skipped,
    ...(title ? {title: unescapeText(title)} : {}),
    ...(cal.capped.length ? {capped: cal.capped} : {}),
    ...(parsed.some((p) => p.series) ? {series: keptSeries(parsed, cal)} : {}),
  };
}

const byStart = (events: CalendarEvent[]) => events.sort((a, b) => a.start.getTime() - b.start.getTime());

/**
 * The feed as read, kept so its series can be expanded over other dates (a month paged to, a
 * list switched to the past) without fetching or reading the feed again: the same single events
 * and overrides (the same objects), the series' occurrences over the new window.
 */
function keptSeries(parsed: Parsed[], cal: Calendar): FeedSeries {
  let expanded: Range = cal.window;
  let asked = '';
  return {
    follow(shown) {
      if (covers(expanded, shownRange(shown))) return undefined;
      const window = expansionWindow(shown);
      // Asked for already: a window that could not cover it is not expanded on every update.
      const key = `${+window.from}/${+window.to}`;
      if (key === asked) return undefined;
      asked = key;
      // The reading's skipped items were returned already: the same problems are not added to them again.
      const again: Calendar = {...cal, window: windowOf({...cal.ctx, window}), total: 0, capped: [], report: () => {}};
      return runSliced(assemble(parsed, again)).then((events) => {
        expanded = again.window;
        return {events: byStart(events), capped: again.capped};
      });
    },
  };
}

const inBlockOrder = (parsed: Parsed[]) => [...parsed].sort((a, b) => a.index - b.index);

/**
 * Each block's start and end for the first look's plan (preview.ts), read from its DTSTART and
 * DTEND lines alone: a UTC time exactly, a date or a time in a zone as if in UTC less 18 hours
 * (a bound that needs no question to `Intl`). NaN, so that the block is read before anything is
 * shown, for what can change other events or shows more than its own start: a series (RRULE,
 * RDATE), an override (RECURRENCE-ID) and every block that shares its UID, a block cut off, and
 * a time in a zone known only by its VTIMEZONE rules, whose offset could be anything.
 */
function blockTimes(blocks: Block[], cal: Calendar, exactStart: (block: Block) => number): ItemTimes {
  /** The block's first line of property `name` (upper case). */
  const lineOf = (block: Block, name: string) =>
    block.lines.find((line) => line.slice(0, name.length).toUpperCase() === name && (line[name.length] === ';' || line[name.length] === ':'));
  const uids = blocks.map((block) =>
    lineOf(block, 'UID')
      ?.replace(/^[^:]*:/, '')
      .trim()
  );
  const sharing = new Map<string, number>();
  for (const uid of uids) if (uid) sharing.set(uid, (sharing.get(uid) ?? 0) + 1);
  const bound = (line: string | undefined, name: string) => {
    // The value follows the last colon (a quoted TZID may hold colons, a date-time never does).
    const colon = line?.lastIndexOf(':') ?? -1;
    const m = colon > 0 ? /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)(Z?))?\s*$/i.exec(line!.slice(colon + 1)) : null;
    // Date.UTC reads years 0–99 as 1900–1999: such a rare year is read exactly, first.
    if (!m || +m[1] < 100) return NaN;
    const tzid = /;TZID=("?)([^";]*)\1/i.exec(line!.slice(name.length, colon))?.[2];
    if (!m[7] && !('iana' in (tzid ? zoneFor(tzid, cal) : cal.floating))) return NaN;
    const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    return m[7] ? asUtc : asUtc - 18 * 3600_000;
  };
  return {
    start(index) {
      const block = blocks[index];
      const uid = uids[index];
      const alone = block.complete && !(uid && sharing.get(uid)! > 1);
      return alone && !block.lines.some((line) => /^(RRULE|RDATE|RECURRENCE-ID)[;:]/i.test(line)) ? bound(lineOf(block, 'DTSTART'), 'DTSTART') : NaN;
    },
    exactStart: (index) => exactStart(blocks[index]),
    end(index) {
      const block = blocks[index];
      const line = lineOf(block, 'DTEND');
      // An end that is not bounded here (a DURATION, a DTEND in a zone of VTIMEZONE rules) may
      // be any time: such an event may show until it is read. No end at all is the start's.
      if (lineOf(block, 'DURATION') || (line && Number.isNaN(bound(line, 'DTEND')))) return Infinity;
      return bound(line, 'DTEND');
    },
  };
}

/**
 * The lines of the text, with folded lines joined (bytes are unfolded before decoding by
 * `unfoldIcsBytes` in ics-unfold.ts; this is for text that arrives folded). A line ends at CRLF,
 * LF or a lone CR. Eventful and Upcoming indent every continuation line by two or more spaces,
 * so "United Stat\n  es" would keep a space ("Stat es"): when all continuation lines share a
 * deeper indent, all of it goes.
 *
 * The text is cut into lines in pieces of `UNFOLD_CHUNK` characters, each ending after a line
 * break, with pauses between: one split of a 13 MB file would hold the page for tens of ms.
 */
function* unfoldLines(text: string): Steps<string[]> {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const physical: string[] = [];
  for (let from = 0; from < bare.length;) {
    const cut = from + UNFOLD_CHUNK < bare.length ? bare.indexOf('\n', from + UNFOLD_CHUNK) + 1 : 0;
    const to = cut > 0 ? cut : bare.length;
    const piece = bare.slice(from, to).split(LINE_BREAK);
    // A piece ends with its line break, so its last "line" is the empty start of the next piece.
    if (to < bare.length) piece.pop();
    for (const line of piece) physical.push(line);
    from = to;
    yield;
  }
  if (!bare.length) physical.push('');
  let indent = Infinity;
  let count = 0;
  for (let k = 1; k < physical.length && count <= 1000 && indent !== 1; k++) {
    const run = leadingBlanks(physical[k]);
    if (!run) continue;
    indent = Math.min(indent, run);
    count++;
  }
  if (!count) return physical;
  const width = count >= 2 && indent > 1 && indent < 10 ? indent : 1;
  const lines = [physical[0]];
  for (let k = 1; k < physical.length; k++) {
    const line = physical[k];
    const run = leadingBlanks(line);
    if (run) lines[lines.length - 1] += line.slice(Math.min(run, width));
    else lines.push(line);
  }
  return lines;
}

const UNFOLD_CHUNK = 1 << 20;
const LINE_BREAK = /\r\n?|\n/;

/** How many spaces and tabs the line starts with. */
function leadingBlanks(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20 || line.charCodeAt(n) === 0x09) n++;
  return n;
}

interface Block {
  index: number;
  lines: string[];
  complete: boolean;
}

const MARKER = /^\s*(BEGIN|END)\s*:\s*([A-Za-z0-9-]+)\s*$/i;

/** Cuts the lines into VEVENT blocks (own properties only: VALARMs are not needed), VTIMEZONEs and calendar properties. */
function* split(lines: string[]) {
  const blocks: Block[] = [];
  const vtimezones: Calendar['vtimezones'] = new Map();
  const props = new Map<string, string>();
  const stack: string[] = [];
  let sawCalendar = false;
  let event: (Block & {depth: number}) | undefined;
  let zone: string[] | undefined;
  let count = 0;
  for (const raw of lines) {
    if (++count % 256 === 0) yield;
    const line = raw.trimEnd();
    if (!line) continue;
    // Only a line starting with B, E or white space (\s: ASCII controls, space, non-ASCII spaces)
    // can be a marker: most lines skip the regex.
    const first = line.charCodeAt(0);
    const maybeMarker = (first | 0x20) === 0x62 || (first | 0x20) === 0x65 || first <= 0x20 || first >= 0x80;
    const marker = maybeMarker ? MARKER.exec(line) : null;
    const name = marker?.[2].toUpperCase();
    // A VTIMEZONE that never ends must not swallow the events after it.
    if (zone && name === 'VEVENT') zone = undefined;
    if (zone) {
      zone.push(line);
      if (marker?.[1].toUpperCase() === 'END' && name === 'VTIMEZONE') {
        const value = (key: string) =>
          zone!
            .find((l) => l.toUpperCase().startsWith(key))
            ?.replace(/^[^:]*:/, '')
            .trim();
        const tzid = value('TZID');
        if (tzid && !vtimezones.has(tzid)) vtimezones.set(tzid, {lines: zone, location: value('X-LIC-LOCATION')});
        zone = undefined;
      }
      continue;
    }
    if (marker && name) {
      if (marker[1].toUpperCase() === 'BEGIN') {
        sawCalendar ||= name === 'VCALENDAR';
        if (name === 'VEVENT') {
          // A BEGIN:VEVENT inside an open VEVENT means the previous one lost its END line.
          if (event) {
            blocks.push(event);
            stack.length = event.depth - 1;
          }
          event = {index: blocks.length, lines: [], complete: true, depth: stack.length + 1};
        } else if (name === 'VTIMEZONE' && !event) {
          zone = [line];
          continue;
        }
        stack.push(name);
      } else {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        if (event && stack.length < event.depth) {
          blocks.push(event);
          event = undefined;
        }
      }
      continue;
    }
    if (event) {
      if (stack.length === event.depth) event.lines.push(line);
    } else if (stack[stack.length - 1] === 'VCALENDAR') {
      const m = /^([A-Za-z-]+)[^:]*:(.*)$/.exec(line);
      if (m && !props.has(m[1].toUpperCase())) props.set(m[1].toUpperCase(), m[2].trim());
    }
  }
  if (event) blocks.push({...event, complete: false});
  return {blocks, vtimezones, props, sawCalendar};
}

/** Parses one VEVENT's lines, resolves its times and checks it. Throws SkipItem with a reason. */
function readEvent(block: Block, cal: Calendar): Parsed {
  const props = new EventProps(block.lines);
  const title = props.text('summary');
  const label = title ? `"${title.slice(0, 80)}"` : 'An event without SUMMARY';
  if (!block.complete) throw new SkipItem(`${label} is cut off: the file ends before END:VEVENT`);
  const start = readTime(props, 'dtstart', cal);
  if (!start) {
    const bad = props.broken().find((l) => /^DTSTART/i.test(l)) ?? props.component().getFirstProperty('dtstart')?.toICALString();
    throw new SkipItem(bad ? `${label} has an unreadable start: ${bad.slice(0, 120)}` : `${label} has no DTSTART`);
  }
  if (!title?.trim()) throw new SkipItem(`An event starting ${start.key} has no SUMMARY (title)`);
  const end = endRule(props, start, cal);
  const uid = props.text('uid')?.trim() || undefined;
  const recurrenceId = readTime(props, 'recurrence-id', cal);
  const draft = describe(props, title, cal);
  draft.id = uid && recurrenceId ? `${uid}#${recurrenceId.key}` : uid;
  draft.start = {date: start.date, allDay: start.allDay, timeZone: zoneName(start, cal)};
  const endDate = endFor(start, end, cal);
  if (endDate) draft.end = {date: endDate, allDay: start.allDay};
  const base = finishEvent(draft, cal.ctx);
  // Only a series keeps its lines (as ical.js's component, for expandSeries): the others' are
  // garbage from here on, which keeps a big file's garbage collection cheap.
  const recurring = (props.mentions('rrule') || props.mentions('rdate')) && (props.component().hasProperty('rrule') || props.component().hasProperty('rdate'));
  // A rule ical.js cannot read (`RRULE:` with nothing after it, calendarlabs) leaves the event
  // with its own date: it is shown once, and the rule reported.
  if (props.mentions('rrule') && !props.component().hasProperty('rrule')) {
    const line = props.broken().find((l) => /^RRULE/i.test(l)) ?? 'RRULE';
    cal.report(block.index, `${label}: its rule cannot be read (${line.slice(0, 120)}), so it is shown on its first date only`);
  }
  // An override is one occurrence (RFC 5545 §3.8.4.4): an RRULE in it (Nextcloud writes the
  // series' rule into each override) is not a series of its own.
  const series = recurring && !recurrenceId ? props.component() : undefined;
  const modified = readTime(props, 'last-modified', cal) ?? readTime(props, 'dtstamp', cal);
  return {
    index: block.index,
    series,
    uid,
    start,
    recurrenceId,
    thisAndFuture: !!recurrenceId && /^thisandfuture$/i.test(String(props.param('recurrence-id', 'range') ?? '')),
    sequence: props.integer('sequence') ?? 0,
    modified: modified?.date.getTime() ?? 0,
    cancelled: base.status === 'cancelled',
    base,
    end,
  };
}

/** Everything but the times, as an EventDraft. */
function describe(props: EventProps, title: string | undefined, cal: Calendar): EventDraft {
  const draft: EventDraft = {title, status: props.text('status')};
  // Relative URLs are resolved against the feed (Discourse writes `/c/machbar/calendar`), but only
  // path-like ones: a bare word such as `URL:F` is a mistake, not a page next to the feed.
  const url = props.uri('url')?.trim();
  if (url && (/^[a-z][a-z0-9+.-]*:/i.test(url) || /^\.{0,2}\//.test(url))) draft.url = url;
  let description = props.text('description');
  if (description && /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(description)) description = decodeEntities(description);
  // Google puts HTML into DESCRIPTION; finishEvent derives the plain text from it.
  if (description && looksLikeHtml(description)) draft.descriptionHtml = description;
  else draft.description = description;
  for (const prop of props.mentions('x-alt-desc') ? props.component().getAllProperties('x-alt-desc') : []) {
    const html = prop.getFirstValue();
    if (typeof html === 'string' && /html/i.test(String(prop.getParameter('fmttype') ?? ''))) draft.descriptionHtml = unescapeText(html);
  }
  const categories = props.values('categories').filter((v): v is string => typeof v === 'string');
  draft.categories = cal.splitSpaces ? categories.flatMap((c) => c.split(/\s+/)) : categories;
  const locations = props.values('location').filter((v): v is string => typeof v === 'string' && !!v.trim());
  draft.locations = locations;
  const place: NonNullable<EventDraft['place']> = {};
  if (locations[0]) place.name = locations[0].trim();
  const geo = props.values('geo')[0];
  // ical.js reads a non-number as 0, so 0;0 (the sea off Africa) is taken as junk too.
  if (Array.isArray(geo) && geo.every(Number.isFinite) && Math.abs(geo[0]) <= 90 && Math.abs(geo[1]) <= 180 && (geo[0] || geo[1])) {
    [place.lat, place.lon] = geo as number[];
  }
  if (Object.keys(place).length) draft.place = place;
  // RFC 5545 names the organiser in CN, with an address as the value; Mobilizon writes the name
  // as the value (`ORGANIZER:Vänsterteknik`). An address (mailto:, https:) is not a name.
  const named = props.param('organizer', 'cn');
  const value = props.values('organizer')[0];
  if (typeof named === 'string') draft.organizer = named;
  else if (typeof value === 'string' && value.trim() && !/^[a-z][a-z\d+.-]*:/i.test(value)) draft.organizer = value.trim();
  draft.image = imageOf(props);
  return draft;
}

/** RFC 7986 IMAGE as a URI, else an ATTACH whose FMTTYPE is an image (Mobilizon, The Events Calendar). Inline base64 is not used. */
function imageOf(props: EventProps): string | undefined {
  if (!props.mentions('image') && !props.mentions('attach')) return undefined;
  const comp = props.component();
  const candidates = [
    ...comp.getAllProperties('image'),
    ...comp.getAllProperties('attach').filter((p) => /^image\//i.test(String(p.getParameter('fmttype') ?? ''))),
  ];
  for (const prop of candidates) {
    const value = safe(() => prop.getFirstValue());
    if (typeof value === 'string' && /^https?:\/\//i.test(value.trim())) return value.trim();
  }
  return undefined;
}

/**
 * The window the caller gives, else the one around what the list shows (lib/show/window.ts),
 * else a list of upcoming events' (a year back, two ahead). With one bound given, the other is
 * three years from it. Without `near`, a cap keeps the first occurrences.
 */
function windowOf(ctx: ParseContext): Calendar['window'] {
  const year = 365 * DAY_MS;
  const window = ctx.window ?? expansionWindow(ctx.shown ?? {when: 'upcoming', now: new Date(nowMs())});
  const given = {from: window.from?.getTime(), to: window.to?.getTime()};
  const from = given.from ?? (given.to !== undefined ? given.to - 3 * year : nowMs() - year);
  return {from, to: given.to ?? (given.from !== undefined ? from + 3 * year : nowMs() + 2 * year), near: window.near?.getTime() ?? from};
}

/** RFC 5545 TEXT escapes, for X- properties ical.js leaves raw. */
function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
