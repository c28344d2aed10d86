/**
 * One VEVENT's property lines, read the way ical.js reads them but without building ical.js
 * objects for the common cases. Building an `ICAL.Component` with a `Property` per line, then
 * hydrating `ICAL.Time` values, was most of the time the iCalendar parser took; nearly every line
 * in real feeds is a plain `NAME;PARAM=value:value`, whose value ical.js gives by a rule simple
 * enough to apply here (TEXT escapes, the comma list of CATEGORIES, a URI as written, a DATE or
 * DATE-TIME in digits).
 *
 * Each reader below answers from the lines only when the lines it reads are in that plain form,
 * which ical.js reads without fail, so they are the properties ical.js would have given;
 * otherwise, and for everything else (RRULE, DURATION, GEO, …), it asks the ical.js component,
 * which is built from all the lines, exactly as before, the first time it is needed.
 */
import ICAL from 'ical.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;

/** A date or date-time value as ical.js gives it: wall-clock fields, whether a date, whether UTC. */
export interface TimeValue {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  isDate: boolean;
  /** In UTC: a `Z` suffix, or a TZID ical.js itself knows as UTC. */
  utc: boolean;
  tzid?: string;
}

/** A property line cut into name, parameters and value; `params` is undefined when the line is not in the plain form. */
interface Line {
  name: string;
  params?: Map<string, string>;
  value: string;
}

// Plain parameters: a name, then a value that is either quoted or free of the characters that
// change how ical.js cuts the line. Backslashes (ical.js unescapes parameter values, which shifts
// where it looks for the value) and RFC 6868 `^` escapes are left to ical.js.
const PARAMETER = /;([A-Za-z0-9-]+)=(?:"([^"^;\\]*)"|([^"^;:,=\\]*))(?=[;:])/y;
/** Parameters that ical.js reads as lists, which changes where it finds the value. */
const LIST_PARAMETERS = new Set(['member', 'delegated-from', 'delegated-to']);
const NO_PARAMETERS = new Map<string, string>();
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** TZIDs ical.js's own zone service knows, all as UTC. */
const UTC_TZIDS = new Set(['Z', 'UTC', 'GMT']);
/**
 * The properties read here, with the type ical.js gives each when the line has no VALUE
 * parameter. None of these types can make ical.js fail on a plain line; all others go to ical.js.
 */
const TYPES = new Map<string, 'text' | 'text-list' | 'uri' | 'cal-address' | 'date-time' | 'integer'>([
  ['summary', 'text'],
  ['description', 'text'],
  ['location', 'text'],
  ['uid', 'text'],
  ['status', 'text'],
  ['categories', 'text-list'],
  ['url', 'uri'],
  ['organizer', 'cal-address'],
  ['dtstart', 'date-time'],
  ['dtend', 'date-time'],
  ['recurrence-id', 'date-time'],
  // Which of several versions of an event stands (ics.ts `assemble`).
  ['sequence', 'integer'],
  ['last-modified', 'date-time'],
  ['dtstamp', 'date-time'],
]);
/**
 * The names whose lines are kept: those read here, and those whose presence alone sends a
 * question to ical.js (RRULE, DURATION, …). Other lines are only ever read by ical.js.
 */
const KEPT = new Set([...TYPES.keys(), 'rrule', 'rdate', 'exdate', 'duration', 'geo', 'image', 'attach', 'x-alt-desc']);
const KEPT_BY_LENGTH: string[][] = [];
for (const name of KEPT) (KEPT_BY_LENGTH[name.length] ??= []).push(name);
/** One bit per kept name, to tell at once whether an event has such a line. */
const KEPT_BIT = new Map([...KEPT].map((name, k) => [name, 1 << k]));

export class EventProps {
  /** The lines of `KEPT` properties, in order: about ten, so a search beats building a map. */
  private readonly kept: Line[] = [];
  /** `KEPT_BIT` of every name in `kept`. */
  private names = 0;
  private built?: {component: IcalComponent; broken: string[]};

  constructor(private readonly lines: readonly string[]) {
    for (let k = 0; k < lines.length; k++) {
      const line = readLine(repairLine(lines[k]));
      if (!line) continue;
      this.kept.push(line);
      this.names |= KEPT_BIT.get(line.name)!;
    }
  }

  /**
   * The ical.js component of all lines, built on first use. A line ical.js cannot read is
   * dropped and kept in `broken`, as written.
   */
  component(): IcalComponent {
    return this.build().component;
  }

  broken(): string[] {
    return this.build().broken;
  }

  /** Whether any line has this name (whether or not ical.js can read it); `name` is one of `KEPT`. */
  mentions(name: string): boolean {
    return (this.names & bitOf(name)) !== 0;
  }

  /** `getFirstPropertyValue(name)` of a TEXT property, when it is a string. */
  text(name: string): string | undefined {
    const first = this.first(name);
    if (first === null) return undefined;
    return first && TYPES.get(name) === 'text' && !first.params!.has('value') ? textValue(first.value) : this.firstString(name);
  }

  /** `getFirstPropertyValue(name)` of a URI property (ical.js gives it as written), when it is a string. */
  uri(name: string): string | undefined {
    const first = this.first(name);
    if (first === null) return undefined;
    return first && TYPES.get(name) === 'uri' && !first.params!.has('value') ? first.value : this.firstString(name);
  }

  /** Every value of every `name` property (`getValues()` of each), as ical.js gives them: read here for TEXT properties. */
  values(name: string): unknown[] {
    if (!this.mentions(name)) return [];
    const type = TYPES.get(name);
    const lines = this.kept.filter((l) => l.name === name);
    if ((type === 'text' || type === 'text-list') && lines.every((l) => l.params && !l.params.has('value'))) {
      const values: string[] = [];
      for (const line of lines) {
        if (type === 'text') values.push(textValue(line.value));
        else for (const part of splitList(line.value)) values.push(textValue(part));
      }
      return values;
    }
    return this.component()
      .getAllProperties(name)
      .flatMap((prop) => safe(() => prop.getValues()) ?? []);
  }

  /** `getFirstPropertyValue(name)` of an INTEGER property (SEQUENCE), when it is a whole number. */
  integer(name: string): number | undefined {
    const first = this.first(name);
    if (first === null) return undefined;
    if (first && TYPES.get(name) === 'integer' && !first.params!.has('value')) {
      return /^\s*[+-]?\d+\s*$/.test(first.value) ? parseInt(first.value, 10) : undefined;
    }
    const value = safe(() => this.component().getFirstPropertyValue(name));
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  }

  /** A parameter of the first `name` property. */
  param(name: string, param: string): unknown {
    const first = this.first(name);
    if (first === null) return undefined;
    return first && !first.params!.has('value') ? first.params!.get(param) : this.component().getFirstProperty(name)?.getParameter(param);
  }

  /** The first `name` property's date or date-time, or undefined when it has none or ical.js cannot read it. */
  time(name: string): TimeValue | undefined {
    const first = this.first(name);
    if (first === null) return undefined;
    const plain = first && TYPES.get(name) === 'date-time' && plainTime(first);
    if (plain) return plain;
    const prop = this.component().getFirstProperty(name);
    if (!prop) return undefined;
    const tzid = prop.getParameter('tzid');
    return timeValueOf(
      safe(() => prop.getFirstValue()),
      typeof tzid === 'string' ? tzid : undefined
    );
  }

  /**
   * The first `name` line when it is plain (ical.js then reads it, so it is the first property
   * too, whatever follows), null when there is no such line, undefined when ical.js must decide.
   * Callers also need the line to have no VALUE parameter (or one they handle): a VALUE can make
   * ical.js read it as a type whose reading fails.
   */
  private first(name: string): Line | null | undefined {
    if (!this.mentions(name)) return null;
    let k = 0;
    while (this.kept[k].name !== name) k++;
    const first = this.kept[k];
    return first.params && TYPES.has(name) ? first : undefined;
  }

  private firstString(name: string): string | undefined {
    const value = safe(() => this.component().getFirstPropertyValue(name));
    return typeof value === 'string' ? value : undefined;
  }

  private build() {
    if (!this.built) {
      const component = new ICAL.Component('vevent');
      const broken: string[] = [];
      for (const line of this.lines) {
        try {
          component.addProperty(ICAL.Property.fromString(repairLine(line)));
        } catch {
          broken.push(line);
        }
      }
      this.built = {component, broken};
    }
    return this.built;
  }
}

/** The bit of a name in `KEPT`; only those names are kept, so asking about another is a mistake. */
function bitOf(name: string): number {
  const bit = KEPT_BIT.get(name);
  if (bit === undefined) throw new Error(`EventProps does not keep ${name} lines`);
  return bit;
}

/** An ical.js date, date-time or period (its start) with its TZID, as a `TimeValue`. */
export function timeValueOf(value: unknown, tzid: string | undefined): TimeValue | undefined {
  const time = value instanceof ICAL.Period ? value.start : value;
  if (!(time instanceof ICAL.Time)) return undefined;
  return {
    y: time.year,
    mo: time.month,
    d: time.day,
    h: time.hour,
    mi: time.minute,
    s: time.second,
    isDate: time.isDate,
    utc: !time.isDate && time.zone?.tzid === 'UTC',
    tzid,
  };
}

/**
 * Fixes the malformed lines real exporters write, so they do not lose their event: a bare date
 * (`labelBareDate`), Exchange's `DTSTART;TZID="W. Europe Standard Time:20200609T090000"` (quote closed after the
 * value), and `DTSTART;VALUE=DATE:20110804T120000` (a date-time labelled as a date: ical.js would
 * drop the time, but the time is what the producer meant, so the label goes).
 */
export function repairLine(line: string): string {
  // Only the time properties (D…, R…, E…) can hold a bare date; the two repairs after it need a
  // parameter (a quote, or VALUE=): most lines are left at the first tests.
  const first = line.charCodeAt(0) | 0x20;
  if (first === 0x64 || first === 0x72 || first === 0x65) line = labelBareDate(line);
  if (first === 0x72 && /^RRULE[;:]/i.test(line)) line = dropUnreadableCount(line);
  if (!line.includes(';')) return line;
  const misquoted = line.includes('"') && /^([^:"]*;TZID=)"([^":]*):([^":]*)"$/i.exec(line);
  if (misquoted) line = `${misquoted[1]}"${misquoted[2]}":${misquoted[3]}`;
  if (/^(DTSTART|DTEND|DUE|RECURRENCE-ID|RDATE|EXDATE)[;:]/i.test(line) && /^\d{8}T\d{6}/.test(line.slice(line.lastIndexOf(':') + 1))) {
    line = line.replace(/;VALUE=DATE(?=[;:])/i, '');
  }
  return line;
}

/**
 * `DTSTART:20190101`, a date without `VALUE=DATE` (Google, Outlook and calendarlabs write it),
 * gets the label, so that it is read as the date it is (an all-day event) instead of an
 * unreadable date-time. Also for DTEND, RECURRENCE-ID, RDATE and EXDATE (a list of dates too).
 * Lines with a parameter are left to `repairLine`'s caller only when they have no VALUE at all.
 */
function labelBareDate(line: string): string {
  const colon = line.lastIndexOf(':');
  if (colon < 0 || !BARE_DATES.test(line.slice(colon + 1))) return line;
  const head = line.slice(0, colon);
  if (!/^(DTSTART|DTEND|DUE|RECURRENCE-ID|RDATE|EXDATE)(;|$)/i.test(head) || /;VALUE=/i.test(head)) return line;
  return `${head};VALUE=DATE${line.slice(colon)}`;
}

/**
 * `COUNT=` with something other than an integer makes ical.js drop the whole rule; it goes, so
 * that UNTIL (if any) applies. (A COUNT of 0 or less is read and ignored in ics-recur.ts.)
 */
function dropUnreadableCount(line: string): string {
  return line.replace(/([:;])COUNT=(?![+-]?\d+(?:;|\s*$))[^;]*(;|$)/i, (_, before: string, after: string) => (after ? before : ''));
}

const BARE_DATES = /^\d{8}(,\d{8})*\s*$/;

/**
 * Cuts a line as ical.js does: the name ends at the first `;` before any `:`, or at the first
 * `:`, and is compared in lower case. Undefined for a line whose name is not in `KEPT`.
 */
function readLine(line: string): Line | undefined {
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  const paramsAt = semicolon >= 0 && (colon < 0 || semicolon < colon) ? semicolon : -1;
  const nameEnd = paramsAt >= 0 ? paramsAt : nameEndOf(line, colon);
  const name = keptName(line, nameEnd);
  if (!name) return undefined;
  // Lines of other properties are only ever read by ical.js: their name is all that is needed.
  if (colon < 0 || !TYPES.has(name)) return {name, value: ''};
  if (paramsAt < 0) return {name, params: NO_PARAMETERS, value: line.slice(colon + 1)};
  const params = new Map<string, string>();
  let at = paramsAt;
  while (line.charCodeAt(at) === 0x3b /* ; */) {
    PARAMETER.lastIndex = at;
    const m = PARAMETER.exec(line);
    if (!m) return {name, value: ''};
    const key = m[1].toLowerCase();
    if (LIST_PARAMETERS.has(key)) return {name, value: ''};
    // A repeated parameter: ical.js keeps the last.
    params.set(key, m[2] ?? m[3]);
    at = PARAMETER.lastIndex;
  }
  return {name, params, value: line.slice(at + 1)};
}

function nameEndOf(line: string, colon: number): number {
  return colon >= 0 ? colon : line.length;
}

/**
 * The name of `KEPT` that line[0, end) is in any case, found without cutting the name out of each
 * line. Comparing ASCII letters is enough: `toLowerCase` of a non-ASCII character never gives
 * the plain ASCII these names are made of (the Kelvin sign gives k, which none has).
 */
function keptName(line: string, end: number): string | undefined {
  for (const name of KEPT_BY_LENGTH[end] ?? []) {
    let k = 0;
    for (; k < end; k++) {
      let c = line.charCodeAt(k);
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== name.charCodeAt(k)) break;
    }
    if (k === end) return name;
  }
  return undefined;
}

/** The value of a plain DATE or DATE-TIME line, when it is one ical.js reads without adjusting it. */
function plainTime(line: Line): TimeValue | undefined {
  const type = line.params!.get('value')?.toLowerCase() ?? 'date-time';
  const tzid = line.params!.get('tzid');
  let time: TimeValue;
  if (type === 'date-time') {
    const m = DATE_TIME.exec(line.value);
    if (!m) return undefined;
    time = {y: +m[1], mo: +m[2], d: +m[3], h: +m[4], mi: +m[5], s: +m[6], isDate: false, utc: !!m[7] || (tzid !== undefined && UTC_TZIDS.has(tzid)), tzid};
  } else if (type === 'date') {
    const m = DATE.exec(line.value);
    if (!m) return undefined;
    time = {y: +m[1], mo: +m[2], d: +m[3], h: 0, mi: 0, s: 0, isDate: true, utc: false, tzid};
  } else {
    return undefined;
  }
  // ical.js rolls over out-of-range fields (30 February is 2 March); such values are left to it.
  const valid = time.mo >= 1 && time.mo <= 12 && time.d >= 1 && time.d <= ICAL.Time.daysInMonth(time.mo, time.y) && time.h < 24 && time.mi < 60 && time.s < 60;
  return valid ? time : undefined;
}

/** TEXT as ical.js unescapes it: `\\`, `\;`, `\,`, `\n` and `\N`; any other backslash stays. */
function textValue(raw: string): string {
  let at = raw.indexOf('\\');
  if (at < 0) return raw;
  let out = '';
  let from = 0;
  for (; at >= 0 && at < raw.length - 1; at = raw.indexOf('\\', at)) {
    const c = raw[at + 1];
    if (c === '\\' || c === ';' || c === ',' || c === 'n' || c === 'N') {
      out += raw.slice(from, at) + (c === 'n' || c === 'N' ? '\n' : c);
      from = at += 2;
    } else {
      at++;
    }
  }
  return out + raw.slice(from);
}

/** Splits at commas not preceded by a backslash, as ical.js does (so `\\,` does not split either). */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = value.indexOf(','); at >= 0; at = value.indexOf(',', at + 1)) {
    if (at > 0 && value[at - 1] === '\\') continue;
    parts.push(value.slice(from, at));
    from = at + 1;
  }
  parts.push(value.slice(from));
  return parts;
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
