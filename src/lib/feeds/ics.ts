/**
 * iCalendar (RFC 5545, RFC 7986) → events. Loaded on demand (`feeds/index.ts` imports it with
 * `import()`), so ical.js is its own chunk.
 *
 * ical.js rejects a whole file for one malformed line, so the file is split here into VEVENT
 * and VTIMEZONE blocks and each VEVENT property line is parsed on its own: a bad line is dropped,
 * a VEVENT without a usable DTSTART or title is skipped and counted, the rest is kept.
 * Times are computed here, not by ical.js, because ical.js reads a TZID without VTIMEZONE as
 * floating and ignores X-WR-TIMEZONE: every date-time is taken as wall-clock fields plus the zone
 * they belong to (`zoneFor`), and turned into an instant with the browser's zone data.
 * ical.js is used for what it does well: property syntax and escapes, RRULE iteration, durations,
 * and VTIMEZONE rules for zone names that are not IANA names.
 */
import ICAL from 'ical.js';
import {
  FeedError, SkipItem, decodeEntities, finishEvent, hashId, looksLikeHtml,
  type CalendarEvent, type EventDraft, type ParseContext, type ParseResult, type SkippedItem,
} from '../model.js';
import {calendarDate, wallClockToInstant} from '../time.js';
import {DAY_MS, expandSeries, utcDay, type Fields, type Stamp, type Zone} from './ics-recur.js';
import {ianaZoneFor} from './ics-zones.js';
import {runSync, type Steps} from './steps.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/** Occurrences kept per series, and in the whole file: an endless rule costs at most this. */
export const SERIES_CAP = 1000;
export const TOTAL_CAP = 10_000;

interface Calendar {
  ctx: ParseContext;
  /** Floating times: X-WR-TIMEZONE when it is a zone, else the display zone. */
  floating: Zone & {iana: string};
  sourceZone?: string;
  vtimezones: Map<string, {lines: string[]; location?: string; parsed?: IcalTimezone | null}>;
  window: {from: number; to: number};
  splitSpaces: boolean;
  total: number;
}

interface Parsed {index: number; comp: IcalComponent; uid?: string; start: Stamp; recurrenceId?: Stamp; cancelled: boolean; base: CalendarEvent; end: EndRule}
/** How an occurrence's end follows from its start: exact milliseconds, or whole days (all-day). */
type EndRule = {ms?: number; days?: number};

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
  const unfolded = unfold(text);
  yield;
  const {blocks, vtimezones, props, sawCalendar} = yield* split(unfolded);
  if (!sawCalendar && !blocks.length) {
    return new FeedError('parse', 'not-a-feed', 'This is not an iCalendar file: it has no BEGIN:VCALENDAR.');
  }
  const sourceZone = ianaZoneFor(props.get('X-WR-TIMEZONE'));
  const cal: Calendar = {
    ctx, sourceZone, vtimezones, window: windowOf(ctx), total: 0,
    floating: {iana: sourceZone ?? ctx.timeZone, named: !!sourceZone},
    // Eventful writes CATEGORIES as space-separated words; elsewhere a space belongs to the name.
    splitSpaces: /eventful|EVDB/i.test(props.get('PRODID') ?? ''),
  };
  const skipped: SkippedItem[] = [];
  const parsed: Parsed[] = [];
  for (const block of blocks) {
    yield;
    try {
      parsed.push(readEvent(block, cal));
    } catch (error) {
      skipped.push({index: block.index, reason: (error as Error).message});
    }
  }
  const events = (yield* assemble(parsed, cal)).sort((a, b) => a.start.getTime() - b.start.getTime());
  const title = props.get('X-WR-CALNAME') ?? props.get('NAME');
  return {format: 'ics', events, skipped, ...(title ? {title: unescapeText(title)} : {})};
}

/**
 * Joins folded lines of already decoded text (bytes are unfolded before decoding by
 * `unfoldIcsBytes` in ics-unfold.ts; this is for text that arrives folded). Eventful and
 * Upcoming indent every continuation line by two or more spaces, so "United Stat\n  es" would
 * keep a space ("Stat es"): when all continuation lines share a deeper indent, all of it goes.
 */
function unfold(text: string): string {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let indent = Infinity;
  let count = 0;
  for (const m of normal.matchAll(/\n([ \t]+)/g)) {
    indent = Math.min(indent, m[1].length);
    if (++count > 1000 || indent === 1) break;
  }
  const width = count >= 2 && indent > 1 && indent < 10 ? indent : 1;
  return normal.replace(new RegExp(`\\n[ \\t]{1,${width}}`, 'g'), '');
}

interface Block {index: number; lines: string[]; complete: boolean}

/** Cuts the lines into VEVENT blocks (own properties only: VALARMs are not needed), VTIMEZONEs and calendar properties. */
function* split(text: string) {
  const blocks: Block[] = [];
  const vtimezones: Calendar['vtimezones'] = new Map();
  const props = new Map<string, string>();
  const stack: string[] = [];
  let sawCalendar = false;
  let event: (Block & {depth: number}) | undefined;
  let zone: string[] | undefined;
  let count = 0;
  for (const raw of text.split('\n')) {
    if (++count % 256 === 0) yield;
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const marker = /^\s*(BEGIN|END)\s*:\s*([A-Za-z0-9-]+)\s*$/i.exec(line);
    const name = marker?.[2].toUpperCase();
    // A VTIMEZONE that never ends must not swallow the events after it.
    if (zone && name === 'VEVENT') zone = undefined;
    if (zone) {
      zone.push(line);
      if (marker?.[1].toUpperCase() === 'END' && name === 'VTIMEZONE') {
        const value = (key: string) => zone!.find((l) => l.toUpperCase().startsWith(key))?.replace(/^[^:]*:/, '').trim();
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
  const comp = new ICAL.Component('vevent');
  const broken: string[] = [];
  for (const line of block.lines) {
    try {
      comp.addProperty(ICAL.Property.fromString(repairLine(line)));
    } catch {
      broken.push(line);
    }
  }
  const title = firstText(comp, 'summary');
  const label = title ? `"${title.slice(0, 80)}"` : 'An event without SUMMARY';
  if (!block.complete) throw new SkipItem(`${label} is cut off: the file ends before END:VEVENT`);
  const start = readTime(comp.getFirstProperty('dtstart'), cal);
  if (!start) {
    const bad = broken.find((l) => /^DTSTART/i.test(l)) ?? comp.getFirstProperty('dtstart')?.toICALString();
    throw new SkipItem(bad ? `${label} has an unreadable start: ${bad.slice(0, 120)}` : `${label} has no DTSTART`);
  }
  if (!title?.trim()) throw new SkipItem(`An event starting ${start.key} has no SUMMARY (title)`);
  const end = endRule(comp, start, cal);
  const uid = firstText(comp, 'uid')?.trim() || undefined;
  const recurrenceId = readTime(comp.getFirstProperty('recurrence-id'), cal);
  const draft = describe(comp, cal);
  draft.id = uid && recurrenceId ? `${uid}#${recurrenceId.key}` : uid;
  draft.start = {date: start.date, allDay: start.allDay, timeZone: zoneName(start, cal)};
  const endDate = endFor(start, end, cal);
  if (endDate) draft.end = {date: endDate, allDay: start.allDay};
  const base = finishEvent(draft, cal.ctx);
  return {index: block.index, comp, uid, start, recurrenceId, cancelled: base.status === 'cancelled', base, end};
}

/**
 * Fixes the two malformed lines real exporters write, so they do not lose their event:
 * Exchange's `DTSTART;TZID="W. Europe Standard Time:20200609T090000"` (quote closed after the
 * value), and `DTSTART;VALUE=DATE:20110804T120000` (a date-time labelled as a date: ical.js would
 * drop the time, but the time is what the producer meant, so the label goes).
 */
function repairLine(line: string): string {
  const misquoted = /^([^:"]*;TZID=)"([^":]*):([^":]*)"$/i.exec(line);
  if (misquoted) line = `${misquoted[1]}"${misquoted[2]}":${misquoted[3]}`;
  if (/^(DTSTART|DTEND|DUE|RECURRENCE-ID|RDATE|EXDATE)[;:]/i.test(line) && /^\d{8}T\d{6}/.test(line.slice(line.lastIndexOf(':') + 1))) {
    line = line.replace(/;VALUE=DATE(?=[;:])/i, '');
  }
  return line;
}

/** Everything but the times, as an EventDraft. */
function describe(comp: IcalComponent, cal: Calendar): EventDraft {
  const draft: EventDraft = {title: firstText(comp, 'summary'), status: firstText(comp, 'status')};
  // Relative URLs are resolved against the feed (Discourse writes `/c/machbar/calendar`), but only
  // path-like ones: a bare word such as `URL:F` is a mistake, not a page next to the feed.
  const url = firstText(comp, 'url')?.trim();
  if (url && (/^[a-z][a-z0-9+.-]*:/i.test(url) || /^\.{0,2}\//.test(url))) draft.url = url;
  let description = firstText(comp, 'description');
  if (description && /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(description)) description = decodeEntities(description);
  // Google puts HTML into DESCRIPTION; finishEvent derives the plain text from it.
  if (description && looksLikeHtml(description)) draft.descriptionHtml = description;
  else draft.description = description;
  for (const prop of comp.getAllProperties('x-alt-desc')) {
    const html = prop.getFirstValue();
    if (typeof html === 'string' && /html/i.test(String(prop.getParameter('fmttype') ?? ''))) draft.descriptionHtml = unescapeText(html);
  }
  const categories = allValues(comp, 'categories').filter((v): v is string => typeof v === 'string');
  draft.categories = cal.splitSpaces ? categories.flatMap((c) => c.split(/\s+/)) : categories;
  const locations = allValues(comp, 'location').filter((v): v is string => typeof v === 'string' && !!v.trim());
  draft.locations = locations;
  const place: NonNullable<EventDraft['place']> = {};
  if (locations[0]) place.name = locations[0].trim();
  const geo = allValues(comp, 'geo')[0];
  // ical.js reads a non-number as 0, so 0;0 (the sea off Africa) is taken as junk too.
  if (Array.isArray(geo) && geo.every(Number.isFinite) && Math.abs(geo[0]) <= 90 && Math.abs(geo[1]) <= 180 && (geo[0] || geo[1])) {
    [place.lat, place.lon] = geo as number[];
  }
  if (Object.keys(place).length) draft.place = place;
  const organizer = comp.getFirstProperty('organizer')?.getParameter('cn');
  if (typeof organizer === 'string') draft.organizer = organizer;
  draft.image = imageOf(comp);
  return draft;
}

/** RFC 7986 IMAGE as a URI, else an ATTACH whose FMTTYPE is an image (Mobilizon, The Events Calendar). Inline base64 is not used. */
function imageOf(comp: IcalComponent): string | undefined {
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
function readTime(prop: IcalProperty | null, cal: Calendar): Stamp | undefined {
  if (!prop) return undefined;
  const value = safe(() => prop.getFirstValue());
  const tzid = prop.getParameter('tzid');
  return stampOf(value, typeof tzid === 'string' ? tzid : undefined, cal);
}

function stampOf(value: unknown, tzid: string | undefined, cal: Calendar): Stamp | undefined {
  const time = value instanceof ICAL.Period ? value.start : value;
  if (!(time instanceof ICAL.Time)) return undefined;
  const f: Fields = {y: time.year, mo: time.month, d: time.day, h: time.hour, mi: time.minute, s: time.second};
  if (![f.y, f.mo, f.d, f.h, f.mi, f.s].every(Number.isInteger) || f.y < 1 || f.mo < 1 || f.mo > 12 || f.d < 1 || f.d > 31) return undefined;
  const utc = !time.isDate && time.zone?.tzid === 'UTC';
  const zone: Zone | undefined = time.isDate ? undefined : utc ? {iana: 'UTC', named: false} : zoneFor(tzid, cal);
  const stamp = makeStamp(f, zone, cal);
  return Number.isNaN(stamp.date.getTime()) ? undefined : stamp;
}

/** All-day when `zone` is undefined: a calendar date at midnight in the display zone. */
function makeStamp(f: Fields, zone: Zone | undefined, cal: Calendar): Stamp {
  const day = `${String(f.y).padStart(4, '0')}-${pad(f.mo)}-${pad(f.d)}`;
  if (!zone) return {date: calendarDate(f.y, f.mo, f.d, cal.ctx.timeZone), allDay: true, key: day, day, fields: f};
  const date =
    'iana' in zone
      ? wallClockToInstant(f.y, f.mo, f.d, f.h, f.mi, Math.min(f.s, 59), 0, zone.iana)
      : ICAL.Time.fromData({year: f.y, month: f.mo, day: f.d, hour: f.h, minute: f.mi, second: f.s}, zone.vtimezone).toJSDate();
  return {date, allDay: false, key: date.toISOString(), day, fields: f, zone};
}

/**
 * The zone of a TZID: an IANA name, a Windows or Outlook name mapped to IANA, the IANA name in
 * the VTIMEZONE's X-LIC-LOCATION, else that VTIMEZONE's own rules; no TZID (or an unknown one
 * without VTIMEZONE) is floating and read in X-WR-TIMEZONE or the display zone.
 */
function zoneFor(tzid: string | undefined, cal: Calendar): Zone {
  if (!tzid) return cal.floating;
  const defined = cal.vtimezones.get(tzid);
  const iana = ianaZoneFor(tzid) ?? ianaZoneFor(defined?.location);
  if (iana) return {iana, named: true};
  if (defined && defined.parsed === undefined) {
    defined.parsed = safe(() => new ICAL.Timezone(new ICAL.Component(ICAL.parse(defined.lines.join('\r\n')) as unknown[]))) ?? null;
  }
  return defined?.parsed ? {vtimezone: defined.parsed} : cal.floating;
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
function endRule(comp: IcalComponent, start: Stamp, cal: Calendar): EndRule {
  const end = readTime(comp.getFirstProperty('dtend'), cal);
  const duration = safe(() => comp.getFirstPropertyValue('duration'));
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
 * with it overrides that occurrence of its master: it moves it, or removes it when CANCELLED.
 * Overrides without a master in the file are shown as events of their own.
 */
function* assemble(parsed: Parsed[], cal: Calendar): Steps<CalendarEvent[]> {
  const overrides = new Map<string, Parsed[]>();
  const masters = new Set<string>();
  for (const p of parsed) {
    if (p.recurrenceId && p.uid) overrides.set(p.uid, [...(overrides.get(p.uid) ?? []), p]);
    else if (p.uid) masters.add(p.uid);
  }
  const events: CalendarEvent[] = [];
  for (const p of parsed) {
    yield;
    if (p.recurrenceId && p.uid && masters.has(p.uid)) continue;
    if (p.recurrenceId) {
      events.push(p.base);
      continue;
    }
    const replaced = overrides.get(p.uid ?? '') ?? [];
    const recurring = p.comp.hasProperty('rrule') || p.comp.hasProperty('rdate');
    if (!recurring) {
      const moved = replaced.find((o) => o.recurrenceId!.key === p.start.key);
      if (!moved) events.push(p.base);
      else if (!moved.cancelled) events.push(moved.base);
      continue;
    }
    const occurrences = expandSeries(p.comp, p.start, {
      window: cal.window,
      spanMs: p.end.ms ?? (p.end.days ?? 1) * DAY_MS,
      limit: Math.min(SERIES_CAP, TOTAL_CAP - cal.total),
      place: (fields) => makeStamp(fields, p.start.zone, cal),
      read: (value, tzid) => stampOf(value, tzid, cal),
    });
    cal.total += occurrences.size;
    for (const o of replaced) {
      occurrences.delete(o.recurrenceId!.key);
      const {from, to} = cal.window;
      const last = (o.base.end ?? o.base.start).getTime();
      if (!o.cancelled && o.base.start.getTime() <= to && last >= from) events.push(o.base);
    }
    for (const stamp of occurrences.values()) {
      const id = p.uid ? `${p.uid}#${stamp.key}` : hashId(p.base.title, stamp.date);
      const {end: _masterEnd, ...rest} = p.base;
      const end = endFor(stamp, p.end, cal);
      events.push({...rest, id, start: stamp.date, ...(end ? {end} : {})});
    }
  }
  return events;
}

/**
 * The default window when the caller gives none: one year back and two years ahead of now,
 * enough for a list of upcoming and recent events. With one bound given, the other is three
 * years from it.
 */
function windowOf(ctx: ParseContext): Calendar['window'] {
  const year = 365 * DAY_MS;
  const given = {from: ctx.window?.from?.getTime(), to: ctx.window?.to?.getTime()};
  const from = given.from ?? (given.to !== undefined ? given.to - 3 * year : Date.now() - year);
  return {from, to: given.to ?? (given.from !== undefined ? from + 3 * year : Date.now() + 2 * year)};
}

function firstText(comp: IcalComponent, name: string): string | undefined {
  const value = safe(() => comp.getFirstPropertyValue(name));
  return typeof value === 'string' ? value : undefined;
}

function allValues(comp: IcalComponent, name: string): unknown[] {
  return comp.getAllProperties(name).flatMap((prop) => safe(() => prop.getValues()) ?? []);
}

/** RFC 5545 TEXT escapes, for X- properties ical.js leaves raw. */
function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
