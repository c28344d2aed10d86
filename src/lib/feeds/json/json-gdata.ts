/**
 * Google Calendar's old GData feed in its `alt=json` form: the Atom data model written as JSON,
 * `{feed: {entry: […]}}`, with text as `{$t}` and namespaced names as `gd$when`, `gCal$timezone`.
 * Google turned GData off around 2014, but archived captures and caches still hold it
 * (notes/feed-formats.md §4.3). Fetched only for documents with a `feed` object (json-shapes.ts).
 */
import {SkipItem, type EventDraft} from '../../events/model.js';
import {parseDateText} from '../../time.js';
import {addDescription, isObject, plainText, type FoundList, type JsonObject, type JsonProfile} from './json-profiles.js';

/** Atom-as-JSON text: `{"$t": "…"}`, or a bare string. */
function text(value: unknown): unknown {
  return isObject(value) ? value.$t : value;
}

/**
 * The entries of a GData response, with the calendar's zone (`gCal$timezone.value`, which
 * floating GData times are read in) and title; undefined when `root` is no GData response.
 */
export function findList(root: JsonObject): FoundList | undefined {
  const feed = root.feed;
  if (!isObject(feed) || !('entry' in feed || 'gCal$timezone' in feed || 'xmlns$gd' in feed)) return undefined;
  const items = Array.isArray(feed.entry) ? feed.entry : feed.entry === undefined ? [] : [feed.entry];
  const zone = isObject(feed.gCal$timezone) ? feed.gCal$timezone.value : undefined;
  return {items, zone: typeof zone === 'string' ? zone : undefined, title: plainText(isObject(feed.title) ? feed.title.$t : undefined)};
}

function first(value: unknown): JsonObject | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return isObject(v) ? v : undefined;
}

export const gdataProfile: JsonProfile = {
  name: 'Google GData',
  matches: (o) => 'gd$when' in o || 'gd$recurrence' in o || 'gd$eventStatus' in o,
  draft(o, ctx, feed) {
    const title = plainText(text(o.title));
    const when = first(o.gd$when);
    if (!when) {
      // The series itself: its schedule is raw iCalendar text (RRULE, EXDATE, VTIMEZONE).
      // Expanding it needs the iCalendar parser, which is a separate on-demand chunk and async;
      // GData's own answer was `singleevents=true`, which lists each occurrence with `gd$when`.
      if (o.gd$recurrence != null) {
        throw new SkipItem(
          `"${title ?? ''}": a recurring series (gd$recurrence) without gd$when; request the feed with singleevents=true or use the calendar's iCalendar feed`
        );
      }
      throw new SkipItem(`"${title ?? ''}": no gd$when`);
    }
    // Times carry offsets; a date-only startTime is an all-day date whose endTime is exclusive,
    // which is the model's own convention, so both are taken as written.
    const start = parseDateText(when.startTime, ctx.timeZone, feed.zone);
    if (!start) throw new SkipItem(`"${title ?? ''}": gd$when startTime ${JSON.stringify(when.startTime)} is not a date`);
    if (!start.allDay && feed.zone && !start.timeZone) start.timeZone = feed.zone;
    const where = plainText(first(o.gd$where)?.valueString);
    const links = Array.isArray(o.link) ? o.link.filter(isObject) : [];
    const alternate = links.find((l) => l.rel === 'alternate' && typeof l.href === 'string');
    const organizer = (Array.isArray(o.gd$who) ? o.gd$who.filter(isObject) : []).find((w) => /#event\.organizer$/.test(String(w.rel)));
    const uid = isObject(o.gCal$uid) ? o.gCal$uid.value : undefined;
    const id = text(o.id);
    const status = isObject(o.gd$eventStatus) ? o.gd$eventStatus.value : undefined;
    const draft: EventDraft = {
      // Occurrence ids (`…_20131206T190000Z`) are unique per occurrence; the UID is the series'.
      id: typeof id === 'string' ? id : typeof uid === 'string' ? uid : undefined,
      title,
      start,
      end: parseDateText(when.endTime, ctx.timeZone, feed.zone),
      url: alternate?.href as string | undefined,
      // `…#event.canceled`: also how a cancelled occurrence (`gd$originalEvent`) is marked.
      status: typeof status === 'string' ? status : undefined,
      organizer: plainText(organizer?.valueString),
      locations: where ? [where] : [],
      place: where ? {name: where} : undefined,
    };
    const content = isObject(o.content) ? o.content : undefined;
    const body = text(o.content);
    if (typeof body === 'string' && content?.type === 'html') draft.descriptionHtml = body;
    else addDescription(draft, body);
    return draft;
  },
};

export const profiles = [gdataProfile];
