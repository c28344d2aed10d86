/**
 * Localised date text for events, through `Intl` so every locale the browser knows works and no
 * locale data is shipped. Building an `Intl.DateTimeFormat` costs far more than using one, and a
 * list formats hundreds of dates, so formatters are cached by locale, zone and options.
 */
import type {CalendarEvent} from './events/model.js';
import {addDaysIn, dayKey, viewerTimeZone, zoneOffset} from './time.js';
import {now} from './clock.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {...options, timeZone});
    formatters.set(key, format);
  }
  return format;
}

const TIME: Intl.DateTimeFormatOptions = {hour: 'numeric', minute: '2-digit'};

/**
 * The time options for an event at `start`: with the zone's short name ("15:00 CEST",
 * "3:00 PM GMT+2") when the reader's own clock says another time then. A list set to
 * Stockholm's zone, read in London or by an online participant in Montréal, must not pass its
 * times off as theirs; read in Stockholm, the label would be noise.
 */
export function timeOptions(start: Date, timeZone: string): Intl.DateTimeFormatOptions {
  const ms = start.getTime();
  return zoneOffset(timeZone, ms) === zoneOffset(viewerTimeZone(), ms) ? TIME : {...TIME, timeZoneName: 'short'};
}

// Intl writes abbreviated months with a full stop in some locales ("aug."); inside a compact
// date line it is noise, and Swedish usage drops it.
export function tidy(text: string): string {
  return text
    .replace(/(\p{L})\.(?=[\s,–-]|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function dateOptions(event: CalendarEvent, now: Date, timeZone: string, lastDay: Date): Intl.DateTimeFormatOptions {
  const thisYear = dayKey(now, timeZone).slice(0, 4);
  const sameYear = dayKey(event.start, timeZone).startsWith(thisYear) && dayKey(lastDay, timeZone).startsWith(thisYear);
  return {weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : {year: 'numeric'})};
}

export interface FormattedRange {
  /** What a person reads: "lör 19 aug 2023 15:00", "25–27 sep". */
  text: string;
  /** The `datetime` attribute of the `<time>` element: the start as a valid HTML date or global date-time. */
  datetime: string;
}

/**
 * The date line of one event. All-day events show dates only, with the exclusive end turned
 * back into the last day; timed events show the start time and, when known, the end time.
 * The year appears only when the event is not in the current year. With `timeOnly` (under a
 * day heading), a one-day event shows just its times, or `allDayLabel`.
 */
export function formatEventRange(
  event: CalendarEvent,
  locale: string,
  timeZone: string,
  now: Date,
  {timeOnly = false, allDayLabel = ''}: {timeOnly?: boolean; allDayLabel?: string} = {}
): FormattedRange {
  // A card draws again on every search keystroke (for the highlight): keep its date line.
  // The key holds everything the text depends on, the current year included.
  const key = `${locale}|${timeZone}|${timeOnly ? allDayLabel : '\u0000'}|${dayKey(now, timeZone).slice(0, 4)}`;
  let cached = rangeCache.get(event);
  if (cached?.key !== key) {
    cached = {key, range: formatRange(event, locale, timeZone, now, timeOnly, allDayLabel)};
    rangeCache.set(event, cached);
  }
  return cached.range;
}

const rangeCache = new WeakMap<CalendarEvent, {key: string; range: FormattedRange}>();

function formatRange(event: CalendarEvent, locale: string, timeZone: string, now: Date, timeOnly: boolean, allDayLabel: string): FormattedRange {
  if (timeOnly) {
    // Under a day heading the date is already said: a one-day event needs only its time.
    const lastDay = event.allDay && event.end ? addDaysIn(event.end, -1, timeZone) : (event.end ?? event.start);
    if (dayKey(lastDay, timeZone) === dayKey(event.start, timeZone)) {
      if (event.allDay) return {text: allDayLabel, datetime: dayKey(event.start, timeZone)};
      const format = formatter(locale, timeZone, timeOptions(event.start, timeZone));
      const text = event.end ? format.formatRange(event.start, event.end) : format.format(event.start);
      return {text: tidy(text), datetime: event.start.toISOString()};
    }
  }
  if (event.allDay) {
    const lastDay = event.end ? addDaysIn(event.end, -1, timeZone) : event.start;
    const options = dateOptions(event, now, timeZone, lastDay);
    const multiDay = dayKey(lastDay, timeZone) > dayKey(event.start, timeZone);
    const format = formatter(locale, timeZone, multiDay ? {day: 'numeric', month: 'short', year: options.year} : options);
    const text = multiDay ? format.formatRange(event.start, lastDay) : format.format(event.start);
    return {text: tidy(text), datetime: dayKey(event.start, timeZone)};
  }
  const options = {...dateOptions(event, now, timeZone, event.end ?? event.start), ...timeOptions(event.start, timeZone)};
  const format = formatter(locale, timeZone, options);
  const text = event.end ? format.formatRange(event.start, event.end) : format.format(event.start);
  return {text: tidy(text), datetime: event.start.toISOString()};
}

/** A group heading: "lördag 19 augusti" or "augusti 2023". */
export function formatGroupHeading(date: Date, groupBy: 'day' | 'month', locale: string, timeZone: string, now: Date): string {
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  const options: Intl.DateTimeFormatOptions =
    groupBy === 'month' ? {month: 'long', year: 'numeric'} : {weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : {year: 'numeric'})};
  return formatter(locale, timeZone, options).format(date);
}

/**
 * Builds the formatters a list needs while its feed is still on the way. The first
 * `Intl.DateTimeFormat` of a locale and zone loads their data, which takes milliseconds better
 * spent waiting for the network than after the events have arrived.
 */
export function warmUpFormatters(locale: string, timeZone: string): void {
  const at = now();
  const sample: CalendarEvent = {id: '', title: '', start: at, end: new Date(at.getTime() + 3_600_000), allDay: false, categories: [], locations: [], source: ''};
  formatEventRange(sample, locale, timeZone, at, {timeOnly: true});
  formatEventRange(sample, locale, timeZone, at);
  formatGroupHeading(at, 'day', locale, timeZone, at);
}
