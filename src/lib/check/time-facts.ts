/**
 * The time facts of a feed that decide whether the widget shows the right hours: which events
 * have times without a zone, and, read from an iCalendar file's lines (the parser turns every
 * time into an instant and keeps no trace of how it was written), its TZIDs and whether the file
 * defines them, X-WR-TIMEZONE and recurring series. Counts only; check-feed.ts gives the advice.
 */
import type {CalendarEvent} from '../events/model.js';
import {ianaZoneFor} from '../feeds/ics/ics-zones.js';

export interface IcsTimeFacts {
  /** The calendar's X-WR-TIMEZONE as written, and the IANA zone feedcal reads it as. */
  xWrTimezone?: {value: string; zone?: string};
  /** Each TZID used by a time, whether the file has its VTIMEZONE, and the IANA zone feedcal reads it as. */
  tzids: {tzid: string; uses: number; defined: boolean; zone?: string}[];
  /** VEVENTs with RRULE or RDATE, and how many of those never end (no COUNT or UNTIL). */
  series: number;
  endlessSeries: number;
}

/**
 * How many timed events have no zone of their own: read twice, in two zones far apart, a time
 * with a zone or offset is the same instant both times, a floating one is not. This asks the
 * parsers themselves, so it counts exactly the fields the widget reads, in every format.
 */
export function floatingCount(read: CalendarEvent[], readElsewhere: CalendarEvent[]): number {
  const elsewhere = new Map<number, number>();
  for (const event of readElsewhere) if (!event.allDay) elsewhere.set(event.start.getTime(), (elsewhere.get(event.start.getTime()) ?? 0) + 1);
  let floating = 0;
  for (const event of read) {
    if (event.allDay) continue;
    const left = elsewhere.get(event.start.getTime()) ?? 0;
    if (left) elsewhere.set(event.start.getTime(), left - 1);
    else floating++;
  }
  return floating;
}

const TIME_PROPERTY = /^(DTSTART|DTEND|RECURRENCE-ID|RDATE|EXDATE|DUE)([;:])/i;

/** What an iCalendar file says about its zones and series, from its lines. */
export function icsTimeFacts(text: string): IcsTimeFacts {
  const facts: IcsTimeFacts = {tzids: [], series: 0, endlessSeries: 0};
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
  const defined = new Set<string>();
  const used = new Map<string, number>();
  let depth: string[] = [];
  let rule: {rrule?: string; rdate: boolean} | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    const marker = /^(BEGIN|END):([A-Z0-9-]+)$/i.exec(line);
    if (marker) {
      const name = marker[2].toUpperCase();
      if (marker[1].toUpperCase() === 'BEGIN') {
        depth.push(name);
        if (name === 'VEVENT') rule = {rdate: false};
      } else {
        if (name === 'VEVENT' && rule && (rule.rrule || rule.rdate)) {
          facts.series++;
          if (rule.rrule && !/(^|;)(COUNT|UNTIL)=/i.test(rule.rrule)) facts.endlessSeries++;
        }
        const at = depth.lastIndexOf(name);
        depth = at >= 0 ? depth.slice(0, at) : depth;
        if (name === 'VEVENT') rule = undefined;
      }
      continue;
    }
    const inZone = depth.includes('VTIMEZONE');
    if (inZone) {
      const tzid = /^TZID[;:](.*)$/i.exec(line)?.[1];
      if (tzid !== undefined && depth[depth.length - 1] === 'VTIMEZONE') defined.add(tzid.replace(/^[^:]*:/, '').trim());
      continue;
    }
    if (depth[depth.length - 1] === 'VCALENDAR') {
      const zone = /^X-WR-TIMEZONE(?:;[^:]*)?:(.*)$/i.exec(line)?.[1]?.trim();
      if (zone && !facts.xWrTimezone) facts.xWrTimezone = {value: zone, zone: ianaZoneFor(zone)};
      continue;
    }
    if (rule) {
      if (/^RRULE[;:]/i.test(line)) rule.rrule = line.replace(/^[^:]*:/, '');
      if (/^RDATE[;:]/i.test(line)) rule.rdate = true;
    }
    const property = TIME_PROPERTY.exec(line);
    if (!property || depth[depth.length - 1] !== 'VEVENT') continue;
    const colon = valueColon(line);
    if (colon < 0) continue;
    const params = line.slice(property[1].length, colon);
    const tzid = /;TZID=("?)([^";]*)\1/i.exec(params)?.[2];
    if (tzid && !/VALUE=DATE(?!-)/i.test(params)) used.set(tzid, (used.get(tzid) ?? 0) + 1);
  }
  facts.tzids = [...used].map(([tzid, uses]) => ({tzid, uses, defined: defined.has(tzid), zone: ianaZoneFor(tzid)}));
  return facts;
}

/** Where a property's value starts: the first colon outside a quoted parameter value. */
function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}
