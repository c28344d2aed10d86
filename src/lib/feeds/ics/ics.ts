/**
 * iCalendar (RFC 5545, RFC 7986) → events. Loaded on demand (feeds/index.ts loads its `reader`
 * through `lazy()`), so ical.js is in its chunk only.
 *
 * ical.js rejects a whole file for one malformed line, so the file is split here into VEVENT
 * and VTIMEZONE blocks and each VEVENT property line is parsed on its own: a bad line is dropped,
 * a VEVENT without a usable DTSTART or title is skipped and counted, the rest is kept.
 * Times are computed here, not by ical.js, because ical.js reads a TZID without VTIMEZONE as
 * floating and ignores X-WR-TIMEZONE: every date-time is taken as wall-clock fields plus the zone
 * they belong to (`zoneFor`), and turned into an instant with the browser's zone data.
 * ical.js is used for what it does well: property syntax and escapes, RRULE iteration, durations,
 * and VTIMEZONE rules for zone names that are not IANA names. The plain lines of the common
 * properties (SUMMARY, DTSTART, …) are read by ics-props.ts the way ical.js reads them, without
 * building its objects, which were most of the cost of a big file.
 */
import ICAL from 'ical.js';
import {FeedError, SkipItem, type CalendarEvent, type EventDraft, type ParseContext, type ParseResult, type SkippedItem} from '../../events/model.js';
import {decodeEntities, looksLikeHtml} from '../../events/text.js';
import {finishEvent, hashId} from '../../events/normalise.js';
import {calendarDate, wallClockToInstant} from '../../time.js';
import {nowMs} from '../../clock.js';
import {DAY_MS, Stamp, expandSeries, expandSeriesSteps, utcDay, type Fields, type Zone} from './ics-recur.js';
import {EventProps, timeValueOf, type TimeValue} from './ics-props.js';
import {ianaZoneFor} from './ics-zones.js';
import {readingPlan, type ItemTimes} from '../preview.js';
import {PAINT, runSync, type Steps} from '../steps.js';
import type {FeedReader} from '../reader.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/** Occurrences kept per series, and in the whole file: an endless rule costs at most this. */
export const SERIES_CAP = 1000;
export const TOTAL_CAP = 10_000;

interface Calendar {
  ctx: ParseContext;
  /** Floating times: X-WR-TIMEZONE when it is a zone, else the display zone. */
  floating: Zone & {iana: string};
  /** The calendar's own zone (X-WR-TIMEZONE, else its one VTIMEZONE), for a UTC UNTIL on an all-day series. */
  homeZone?: string;
  sourceZone?: string;
  vtimezones: Map<string, {lines: string[]; location?: string; parsed?: IcalTimezone | null}>;
  /** `zoneFor` by TZID: every event of a calendar names the same few. */
  zones: Map<string, Zone>;
  window: {from: number; to: number};
  splitSpaces: boolean;
  total: number;
  /** Records a part of an event that was left out (a broken rule, a stale override), with the reason. */
  report: (index: number, reason: string) => void;
}

/** One VEVENT as read; `series` is its ical.js component when it has RRULE or RDATE. */
interface Parsed {
  index: number;
  series?: IcalComponent;
  uid?: string;
  start: Stamp;
  recurrenceId?: Stamp;
  /** RECURRENCE-ID;RANGE=THISANDFUTURE: the changes hold for every later occurrence too. */
  thisAndFuture: boolean;
  /** SEQUENCE (0 when absent), then LAST-MODIFIED or DTSTAMP: which version of an event is newer. */
  sequence: number;
  modified: number;
  cancelled: boolean;
  base: CalendarEvent;
  end: EndRule;
}
/** How an occurrence's end follows from its start: exact milliseconds, or whole days (all-day). */
type EndRule = {ms?: number; days?: number};

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
      const look = yield* assemble(inBlockOrder(parsed), {...cal, total: 0, report: () => {}});
      preview!.show(look.filter((event) => event.start.getTime() <= through));
      plan = undefined;
      yield PAINT;
    }
  }
  if (order) {
    parsed.splice(0, parsed.length, ...inBlockOrder(parsed));
    skipped.sort((a, b) => a.index - b.index);
  }
  const events = (yield* assemble(parsed, cal)).sort((a, b) => a.start.getTime() - b.start.getTime());
  const title = props.get('X-WR-CALNAME') ?? props.get('NAME');
  return {format: 'ics', events, skipped, ...(title ? {title: unescapeText(title)} : {})};
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

/** Reads DTSTART/DTEND/RECURRENCE-ID; undefined when missing or not a real date. */
function readTime(props: EventProps, name: string, cal: Calendar): Stamp | undefined {
  return stampOf(props.time(name), cal);
}

function stampOf(time: TimeValue | undefined, cal: Calendar): Stamp | undefined {
  if (!time) return undefined;
  const f: Fields = {y: time.y, mo: time.mo, d: time.d, h: time.h, mi: time.mi, s: time.s};
  const whole = Number.isInteger(f.y) && Number.isInteger(f.mo) && Number.isInteger(f.d) && Number.isInteger(f.h) && Number.isInteger(f.mi) && Number.isInteger(f.s);
  if (!whole || f.y < 1 || f.mo < 1 || f.mo > 12 || f.d < 1 || f.d > 31) return undefined;
  const zone: Zone | undefined = time.isDate ? undefined : time.utc ? {iana: 'UTC', named: false} : zoneFor(time.tzid, cal);
  const stamp = makeStamp(f, zone, cal);
  return Number.isNaN(stamp.date.getTime()) ? undefined : stamp;
}

/** All-day when `zone` is undefined: a calendar date at midnight in the display zone. */
function makeStamp(f: Fields, zone: Zone | undefined, cal: Calendar): Stamp {
  if (!zone) return new Stamp(calendarDate(f.y, f.mo, f.d, cal.ctx.timeZone), true, f);
  const date =
    'iana' in zone
      ? wallClockToInstant(f.y, f.mo, f.d, f.h, f.mi, Math.min(f.s, 59), 0, zone.iana)
      : ICAL.Time.fromData({year: f.y, month: f.mo, day: f.d, hour: f.h, minute: f.mi, second: f.s}, zone.vtimezone).toJSDate();
  return new Stamp(date, false, f, zone);
}

/**
 * The zone of a TZID: an IANA name, a Windows or Outlook name mapped to IANA, the IANA name in
 * the VTIMEZONE's X-LIC-LOCATION, else that VTIMEZONE's own rules; no TZID (or an unknown one
 * without VTIMEZONE) is floating and read in X-WR-TIMEZONE or the display zone.
 */
function zoneFor(tzid: string | undefined, cal: Calendar): Zone {
  if (!tzid) return cal.floating;
  let zone = cal.zones.get(tzid);
  if (!zone) cal.zones.set(tzid, (zone = resolveZone(tzid, cal)));
  return zone;
}

function resolveZone(tzid: string, cal: Calendar): Zone {
  const defined = cal.vtimezones.get(tzid);
  const iana = ianaZoneFor(tzid) ?? ianaZoneFor(defined?.location);
  if (iana) return {iana, named: true};
  if (defined && defined.parsed === undefined) {
    defined.parsed = safe(() => new ICAL.Timezone(new ICAL.Component(ICAL.parse(defined.lines.join('\r\n')) as unknown[]))) ?? null;
  }
  return defined?.parsed ? {vtimezone: defined.parsed} : cal.floating;
}

function homeZoneOf([tzid, defined]: [string, {location?: string}]): string | undefined {
  return ianaZoneFor(tzid) ?? ianaZoneFor(defined.location);
}

function zoneName(stamp: Stamp, cal: Calendar): string | undefined {
  return stamp.zone && 'iana' in stamp.zone && stamp.zone.named ? stamp.zone.iana : cal.sourceZone;
}

/**
 * DTEND is exclusive; DURATION is added; without either a timed event has no end and an all-day
 * event lasts one day. An all-day start with a date-time DTEND (seen in the wild) ends on that
 * DTEND's date. A timed DURATION counts days as 24 hours (ical.js `toSeconds`), which is an hour
 * off across a DST change; rare enough for a display widget.
 */
function endRule(props: EventProps, start: Stamp, cal: Calendar): EndRule {
  const end = readTime(props, 'dtend', cal);
  const duration = props.mentions('duration') ? safe(() => props.component().getFirstPropertyValue('duration')) : undefined;
  if (start.allDay) {
    if (end) return {days: Math.round((utcDay(end.fields) - utcDay(start.fields)) / DAY_MS)};
    if (duration instanceof ICAL.Duration) {
      const days = (duration.isNegative ? -1 : 1) * (duration.weeks * 7 + duration.days);
      return {days: days || (duration.hours || duration.minutes ? 1 : 0)};
    }
    return {days: 1};
  }
  if (end) return {ms: end.date.getTime() - start.date.getTime()};
  if (duration instanceof ICAL.Duration) return {ms: duration.toSeconds() * 1000};
  return {};
}

/** The end of an occurrence that starts at `start`, or undefined (none, or not after the start). */
function endFor(start: Stamp, rule: EndRule, cal: Calendar): Date | undefined {
  if (rule.days !== undefined) {
    if (rule.days <= 0) return undefined;
    const day = new Date(utcDay(start.fields) + rule.days * DAY_MS);
    return calendarDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), cal.ctx.timeZone);
  }
  return rule.ms && rule.ms > 0 ? new Date(start.date.getTime() + rule.ms) : undefined;
}

/**
 * Groups by UID: a VEVENT without RECURRENCE-ID is a master (a single event or a series), one
 * with it overrides that occurrence of its master: it moves it, or removes it when CANCELLED;
 * with RANGE=THISANDFUTURE its changes hold for every later occurrence too. Overrides without a
 * master in the file are shown as events of their own. Every event gets an id no other has.
 */
function* assemble(parsed: Parsed[], cal: Calendar): Steps<CalendarEvent[]> {
  const {masters, overrides, loose} = versions(parsed, cal);
  const events: CalendarEvent[] = [];
  for (const p of loose) {
    yield;
    if (p.series) yield* expand(p, [], cal, events);
    else events.push(p.base);
  }
  for (const [uid, master] of masters) {
    yield;
    const own = overrides.get(uid) ?? [];
    overrides.delete(uid);
    if (master.series) {
      yield* expand(master, own, cal, events);
      continue;
    }
    const moved = own.find((o) => sameOccurrence(master.start, o.recurrenceId!, master.start.allDay));
    if (!moved) events.push(master.base);
    else if (!moved.cancelled) events.push(moved.base);
    for (const o of own) if (o !== moved && !o.cancelled && o.sequence >= master.sequence) events.push(o.base);
  }
  // Overrides whose series is not in the file.
  for (const own of overrides.values()) for (const o of own) if (!o.cancelled) events.push(o.base);
  return uniqueIds(events);
}

/**
 * Which version of each event stands. Several masters with one UID are a revision history
 * (Confluence exports every version): the highest SEQUENCE stands, then the latest LAST-MODIFIED
 * or DTSTAMP, then the one later in the file. The same for two overrides of one occurrence (the
 * same override written twice shows once).
 */
function versions(parsed: Parsed[], cal: Calendar) {
  const masters = new Map<string, Parsed>();
  const overrides = new Map<string, Parsed[]>();
  const loose: Parsed[] = [];
  const newer = (a: Parsed, b: Parsed) => a.sequence - b.sequence || a.modified - b.modified || a.index - b.index;
  for (const p of parsed) {
    if (!p.uid) {
      loose.push(p);
    } else if (p.recurrenceId) {
      const own = overrides.get(p.uid);
      if (own) own.push(p);
      else overrides.set(p.uid, [p]);
    } else {
      const held = masters.get(p.uid);
      const [kept, dropped] = !held || newer(p, held) > 0 ? [p, held] : [held, p];
      masters.set(p.uid, kept);
      if (dropped) cal.report(dropped.index, `${quoted(dropped)} is an older version (SEQUENCE ${dropped.sequence}) of an event the file has again: the newer one is shown`);
    }
  }
  for (const [uid, own] of overrides) {
    const allDay = masters.get(uid)?.start.allDay ?? false;
    const byOccurrence = new Map<string, Parsed>();
    for (const o of own) {
      const key = occurrenceKey(o.recurrenceId!, allDay);
      const held = byOccurrence.get(key);
      if (!held || newer(o, held) > 0) byOccurrence.set(key, o);
    }
    if (byOccurrence.size < own.length) overrides.set(uid, [...byOccurrence.values()].sort((a, b) => a.index - b.index));
  }
  return {masters, overrides, loose};
}

/**
 * The key that tells occurrences of a series apart. For an all-day series it is the date, of
 * whatever RECURRENCE-ID names it: Outlook writes a date-time (midnight, in some zone) for an
 * occurrence of an all-day series, others a bare date; both replace that date's occurrence.
 */
function occurrenceKey(stamp: Stamp, allDaySeries: boolean): string {
  return allDaySeries || stamp.allDay ? stamp.day : stamp.key;
}

function sameOccurrence(occurrence: Stamp, recurrenceId: Stamp, allDaySeries: boolean): boolean {
  return occurrenceKey(occurrence, allDaySeries || recurrenceId.allDay) === occurrenceKey(recurrenceId, allDaySeries);
}

/** A series' occurrences in the window, with its overrides applied, added to `events`. */
function* expand(p: Parsed, own: Parsed[], cal: Calendar, events: CalendarEvent[]): Steps<void> {
  const allDay = p.start.allDay;
  const ranged = own.filter((o) => o.thisAndFuture).sort((a, b) => a.recurrenceId!.date.getTime() - b.recurrenceId!.date.getTime());
  // A RANGE=THISANDFUTURE override moves later occurrences by its shift: the series is expanded
  // over a window widened by the largest shift, and what lands in the window is kept.
  const widen = Math.max(0, ...ranged.map((o) => Math.abs(shiftOf(o, allDay))));
  const {from, to} = cal.window;
  const occurrences = yield* expandSeriesSteps(p.series!, p.start, {
    window: {from: from - widen, to: to + widen},
    spanMs: p.end.ms ?? (p.end.days ?? 1) * DAY_MS,
    limit: Math.min(SERIES_CAP, TOTAL_CAP - cal.total),
    place: (fields) => makeStamp(fields, p.start.zone, cal),
    read: (value, tzid) => stampOf(timeValueOf(value, tzid), cal),
    allDayZone: cal.homeZone,
    report: (problem) => cal.report(p.index, `${quoted(p)}: ${problem}`),
  });
  cal.total += occurrences.size;
  const inWindow = (event: CalendarEvent) => event.start.getTime() <= to && (event.end ?? event.start).getTime() >= from;
  const byKey = new Map<string, string>();
  for (const key of occurrences.keys()) byKey.set(occurrenceKey(occurrences.get(key)!, allDay), key);
  for (const o of own) {
    if (o.thisAndFuture) continue;
    const key = byKey.get(occurrenceKey(o.recurrenceId!, allDay));
    if (key !== undefined) occurrences.delete(key);
    else if (o.sequence < p.sequence && !producesOccurrence(p, o.recurrenceId!, cal)) {
      // Stale: the series was edited after this override (a higher SEQUENCE) and no longer has
      // the occurrence it replaced, so showing it would bring back a deleted date.
      cal.report(o.index, `${quoted(o)} replaces ${o.recurrenceId!.key}, which its series (SEQUENCE ${p.sequence}) no longer has: left out as older (SEQUENCE ${o.sequence})`);
      continue;
    }
    if (!o.cancelled && inWindow(o.base)) events.push(o.base);
  }
  const periods = periodEnds(p.series!, cal);
  const {end: _masterEnd, ...rest} = p.base;
  for (const stamp of occurrences.values()) {
    const id = p.uid ? `${p.uid}#${stamp.key}` : hashId(p.base.title, stamp.date);
    // The last RANGE=THISANDFUTURE override at or before this occurrence holds for it.
    let from: Parsed | undefined;
    for (const o of ranged) if (!laterThan(o.recurrenceId!, stamp, allDay)) from = o;
    if (!from) {
      const end = periods.get(stamp.key) ?? endFor(stamp, p.end, cal);
      events.push({...rest, id, start: stamp.date, ...(end ? {end} : {})});
      continue;
    }
    if (from.cancelled) continue;
    const moved = shifted(stamp, shiftOf(from, allDay), cal);
    const {end: _end, ...changes} = from.base;
    const end = endFor(moved, from.end, cal);
    const event: CalendarEvent = {...changes, id, start: moved.date, ...(end ? {end} : {})};
    if (inWindow(event)) events.push(event);
  }
}

/** Whether the occurrence `stamp` comes after the RECURRENCE-ID `rid` (on a later date, for an all-day series). */
function laterThan(rid: Stamp, stamp: Stamp, allDay: boolean): boolean {
  return allDay ? rid.day > stamp.day : rid.date.getTime() > stamp.date.getTime();
}

/** How far an override moves its occurrence: whole days for an all-day series, else milliseconds. */
function shiftOf(o: Parsed, allDay: boolean): number {
  return allDay ? utcDay(o.start.fields) - utcDay(o.recurrenceId!.fields) : o.start.date.getTime() - o.recurrenceId!.date.getTime();
}

function shifted(stamp: Stamp, shift: number, cal: Calendar): Stamp {
  if (!shift) return stamp;
  if (!stamp.allDay) return new Stamp(new Date(stamp.date.getTime() + shift), false, stamp.fields, stamp.zone);
  const day = new Date(utcDay(stamp.fields) + shift);
  return makeStamp({y: day.getUTCFullYear(), mo: day.getUTCMonth() + 1, d: day.getUTCDate(), h: 0, mi: 0, s: 0}, undefined, cal);
}

/** Whether the series has the occurrence `rid` at all, wherever it lies (the window's expansion may not reach it). */
function producesOccurrence(p: Parsed, rid: Stamp, cal: Calendar): boolean {
  const at = rid.date.getTime();
  const found = expandSeries(p.series!, p.start, {
    window: {from: at, to: at},
    spanMs: 0,
    limit: 10,
    place: (fields) => makeStamp(fields, p.start.zone, cal),
    read: (value, tzid) => stampOf(timeValueOf(value, tzid), cal),
    allDayZone: cal.homeZone,
  });
  return [...found.values()].some((stamp) => sameOccurrence(stamp, rid, p.start.allDay));
}

/**
 * RDATE;VALUE=PERIOD occurrences last their period (RFC 5545 §3.8.5.2), an explicit end or a
 * duration, not the series' length: their ends by occurrence key.
 */
function periodEnds(series: IcalComponent, cal: Calendar): Map<string, Date> {
  const ends = new Map<string, Date>();
  for (const prop of series.getAllProperties('rdate')) {
    const tzid = prop.getParameter('tzid');
    for (const value of safe(() => prop.getValues()) ?? []) {
      if (!(value instanceof ICAL.Period)) continue;
      const start = stampOf(timeValueOf(value.start, typeof tzid === 'string' ? tzid : undefined), cal);
      if (!start) continue;
      const end = value.end
        ? stampOf(timeValueOf(value.end, typeof tzid === 'string' ? tzid : undefined), cal)?.date
        : value.duration && new Date(start.date.getTime() + value.duration.toSeconds() * 1000);
      if (end && end > start.date) ends.set(start.key, end);
    }
  }
  return ends;
}

/**
 * Ids are unique, always: the list keys its cards and `sync-url` deep links by them. Two events
 * can only share one when a feed repeats itself (two events without UID, same title and start);
 * the later gets a suffix.
 */
function uniqueIds(events: CalendarEvent[]): CalendarEvent[] {
  const seen = new Set<string>();
  return events.map((event) => {
    let id = event.id;
    for (let n = 2; seen.has(id); n++) id = `${event.id}~${n}`;
    seen.add(id);
    // A copy: the same parsed event is assembled again after a first look.
    return id === event.id ? event : {...event, id};
  });
}

const quoted = (p: Parsed) => `"${p.base.title.slice(0, 80)}"`;

/**
 * The default window when the caller gives none: one year back and two years ahead of now,
 * enough for a list of upcoming and recent events. With one bound given, the other is three
 * years from it.
 */
function windowOf(ctx: ParseContext): Calendar['window'] {
  const year = 365 * DAY_MS;
  const given = {from: ctx.window?.from?.getTime(), to: ctx.window?.to?.getTime()};
  const from = given.from ?? (given.to !== undefined ? given.to - 3 * year : nowMs() - year);
  return {from, to: given.to ?? (given.from !== undefined ? from + 3 * year : nowMs() + 2 * year)};
}

/** RFC 5545 TEXT escapes, for X- properties ical.js leaves raw. */
function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
