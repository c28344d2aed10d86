/**
 * The canonical JSON vocabulary: the keys the canonical reader (json-canonical.ts) tries for
 * each field, in order of preference, which are also the keys a `fields` mapping replaces
 * (json-fields.ts). Keys are case-sensitive, as feeds write them.
 */
export const TITLE_KEYS = ['title', 'name'] as const;
export const START_KEYS = ['date', 'start', 'start_time', 'startDate', 'start_date', 'startTime', 'dtstart'] as const;
export const END_KEYS = ['enddate', 'end', 'end_time', 'endDate', 'end_date', 'endTime', 'dtend'] as const;
export const ZONE_KEYS = ['timezone', 'timeZone', 'tz'] as const;
export const ID_KEYS = ['id', 'uid', 'guid'] as const;
export const URL_KEYS = ['url', 'link', 'href', 'external_url'] as const;
export const IMAGE_KEYS = ['image', 'banner_image', 'logo', 'cover_url'] as const;
export const CATEGORY_KEYS = ['forms', 'categories', 'tags', 'topics', 'category', 'type'] as const;
export const DESCRIPTION_KEYS = ['description', 'content', 'content_html', 'body'] as const;
// The canonical reader names these last three fields one by one (and json.ts the venue keys,
// to send items with a venue to json-places.ts); keep them in step.
/** Venue fields, read as places; earlier ones win. */
export const PLACE_KEYS = ['location', 'place', 'venue'] as const;
export const ORGANIZER_KEYS = ['organizer', 'authors', 'author'] as const;
export const STATUS_KEYS = ['status', 'eventStatus'] as const;
