/**
 * Turning the zone names iCalendar producers write into IANA names the browser's `Intl` knows.
 * Exchange and Outlook write Windows zone ids (`W. Europe Standard Time`) or the Windows display
 * names (`(UTC-03:00) Brasília`); Mozilla and libical prefix IANA names with a vendor path
 * (`/mozilla.org/20050126_1/Europe/Berlin`). An IANA name is preferred over the file's own
 * VTIMEZONE because the browser's rules are complete, while VTIMEZONEs are often stale
 * (Exchange's start in 1601 and ignore every change since).
 */
import {isTimeZone} from '../../time.js';

/**
 * CLDR `windowsZones.xml`, territory "001" (the zone Windows itself maps each id to). Aliases
 * such as `Asia/Calcutta` are kept as CLDR writes them: `Intl` accepts both spellings.
 */
const WINDOWS_ZONES: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Aleutian Standard Time': 'America/Adak',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Marquesas Standard Time': 'Pacific/Marquesas',
  'Alaskan Standard Time': 'America/Anchorage',
  'UTC-09': 'Etc/GMT+9',
  'UTC-08': 'Etc/GMT+8',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Mountain Standard Time': 'America/Denver',
  'Yukon Standard Time': 'America/Whitehorse',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Easter Island Standard Time': 'Pacific/Easter',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Mexico Standard Time': 'America/Mexico_City',
  'Mexico Standard Time 2': 'America/Chihuahua',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'Eastern Standard Time': 'America/New_York',
  'Haiti Standard Time': 'America/Port-au-Prince',
  'Cuba Standard Time': 'America/Havana',
  'US Eastern Standard Time': 'America/Indianapolis',
  'Turks And Caicos Standard Time': 'America/Grand_Turk',
  'Paraguay Standard Time': 'America/Asuncion',
  'Atlantic Standard Time': 'America/Halifax',
  'Venezuela Standard Time': 'America/Caracas',
  'Central Brazilian Standard Time': 'America/Cuiaba',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'Tocantins Standard Time': 'America/Araguaina',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'Greenland Standard Time': 'America/Godthab',
  'Montevideo Standard Time': 'America/Montevideo',
  'Magallanes Standard Time': 'America/Punta_Arenas',
  'Saint Pierre Standard Time': 'America/Miquelon',
  'Bahia Standard Time': 'America/Bahia',
  'UTC-02': 'Etc/GMT+2',
  'Mid-Atlantic Standard Time': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Sao Tome Standard Time': 'Africa/Sao_Tome',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Jordan Standard Time': 'Asia/Amman',
  'GTB Standard Time': 'Europe/Bucharest',
  'Middle East Standard Time': 'Asia/Beirut',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Syria Standard Time': 'Asia/Damascus',
  'West Bank Standard Time': 'Asia/Hebron',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'South Sudan Standard Time': 'Africa/Juba',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Sudan Standard Time': 'Africa/Khartoum',
  'Libya Standard Time': 'Africa/Tripoli',
  'Namibia Standard Time': 'Africa/Windhoek',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arab Standard Time': 'Asia/Riyadh',
  'Belarus Standard Time': 'Europe/Minsk',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Volgograd Standard Time': 'Europe/Volgograd',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Astrakhan Standard Time': 'Europe/Astrakhan',
  'Azerbaijan Standard Time': 'Asia/Baku',
  'Russia Time Zone 3': 'Europe/Samara',
  'Mauritius Standard Time': 'Indian/Mauritius',
  'Saratov Standard Time': 'Europe/Saratov',
  'Georgian Standard Time': 'Asia/Tbilisi',
  'Caucasus Standard Time': 'Asia/Yerevan',
  'Armenian Standard Time': 'Asia/Yerevan',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'West Asia Standard Time': 'Asia/Tashkent',
  'Qyzylorda Standard Time': 'Asia/Qyzylorda',
  'Ekaterinburg Standard Time': 'Asia/Yekaterinburg',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Calcutta',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Central Asia Standard Time': 'Asia/Bishkek',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Omsk Standard Time': 'Asia/Omsk',
  'Myanmar Standard Time': 'Asia/Rangoon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Altai Standard Time': 'Asia/Barnaul',
  'W. Mongolia Standard Time': 'Asia/Hovd',
  'North Asia Standard Time': 'Asia/Krasnoyarsk',
  'N. Central Asia Standard Time': 'Asia/Novosibirsk',
  'Tomsk Standard Time': 'Asia/Tomsk',
  'China Standard Time': 'Asia/Shanghai',
  'North Asia East Standard Time': 'Asia/Irkutsk',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Ulaanbaatar Standard Time': 'Asia/Ulaanbaatar',
  'Aus Central W. Standard Time': 'Australia/Eucla',
  'Transbaikal Standard Time': 'Asia/Chita',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'North Korea Standard Time': 'Asia/Pyongyang',
  'Korea Standard Time': 'Asia/Seoul',
  'Yakutsk Standard Time': 'Asia/Yakutsk',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'West Pacific Standard Time': 'Pacific/Port_Moresby',
  'Tasmania Standard Time': 'Australia/Hobart',
  'Vladivostok Standard Time': 'Asia/Vladivostok',
  'Lord Howe Standard Time': 'Australia/Lord_Howe',
  'Bougainville Standard Time': 'Pacific/Bougainville',
  'Russia Time Zone 10': 'Asia/Srednekolymsk',
  'Magadan Standard Time': 'Asia/Magadan',
  'Norfolk Standard Time': 'Pacific/Norfolk',
  'Sakhalin Standard Time': 'Asia/Sakhalin',
  'Central Pacific Standard Time': 'Pacific/Guadalcanal',
  'Russia Time Zone 11': 'Asia/Kamchatka',
  'Kamchatka Standard Time': 'Asia/Kamchatka',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'UTC+12': 'Etc/GMT-12',
  'Fiji Standard Time': 'Pacific/Fiji',
  'Chatham Islands Standard Time': 'Pacific/Chatham',
  'UTC+13': 'Etc/GMT-13',
  'Tonga Standard Time': 'Pacific/Tongatapu',
  'Samoa Standard Time': 'Pacific/Apia',
  'Line Islands Standard Time': 'Pacific/Kiritimati',
};

const WINDOWS_BY_KEY = new Map(Object.entries(WINDOWS_ZONES).map(([name, zone]) => [simplify(name), zone]));

/**
 * Outlook display names are "(UTC±hh:mm) " plus a list of places: "Amsterdam, Berlin, Bern,
 * Rome, Stockholm, Vienna". Most places are IANA city names, so `Europe/Amsterdam` is found by
 * trying the IANA regions (see `guessFromPlace`). This table holds only the places whose name is
 * not an IANA city (Brasília, Mumbai, Washington-style regions, "Eastern Time (US & Canada)").
 * Keys are lower-case, without accents.
 */
const DISPLAY_PLACES: Record<string, string> = {
  brasilia: 'America/Sao_Paulo',
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
  'atlantic time (canada)': 'America/Halifax',
  newfoundland: 'America/St_Johns',
  saskatchewan: 'America/Regina',
  'indiana (east)': 'America/Indianapolis',
  'central america': 'America/Guatemala',
  guadalajara: 'America/Mexico_City',
  'mexico city': 'America/Mexico_City',
  bogota: 'America/Bogota',
  lima: 'America/Lima',
  quito: 'America/Guayaquil',
  georgetown: 'America/Guyana',
  'la paz': 'America/La_Paz',
  'buenos aires': 'America/Buenos_Aires',
  greenland: 'America/Godthab',
  'coordinated universal time': 'UTC',
  dublin: 'Europe/Dublin',
  edinburgh: 'Europe/London',
  monrovia: 'Africa/Monrovia',
  bern: 'Europe/Zurich',
  kyiv: 'Europe/Kiev',
  harare: 'Africa/Harare',
  pretoria: 'Africa/Johannesburg',
  'west central africa': 'Africa/Lagos',
  kuwait: 'Asia/Riyadh',
  'abu dhabi': 'Asia/Dubai',
  muscat: 'Asia/Muscat',
  islamabad: 'Asia/Karachi',
  chennai: 'Asia/Calcutta',
  kolkata: 'Asia/Calcutta',
  mumbai: 'Asia/Calcutta',
  'new delhi': 'Asia/Calcutta',
  'sri jayawardenepura': 'Asia/Colombo',
  astana: 'Asia/Almaty',
  'yangon (rangoon)': 'Asia/Rangoon',
  hanoi: 'Asia/Bangkok',
  beijing: 'Asia/Shanghai',
  chongqing: 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong',
  urumqi: 'Asia/Urumqi',
  'kuala lumpur': 'Asia/Kuala_Lumpur',
  osaka: 'Asia/Tokyo',
  sapporo: 'Asia/Tokyo',
  canberra: 'Australia/Sydney',
  guam: 'Pacific/Guam',
  'port moresby': 'Pacific/Port_Moresby',
  'solomon is.': 'Pacific/Guadalcanal',
  'new caledonia': 'Pacific/Noumea',
  wellington: 'Pacific/Auckland',
  "nuku'alofa": 'Pacific/Tongatapu',
  samoa: 'Pacific/Apia',
  'mid-atlantic': 'Etc/GMT+2',
};

const IANA_REGIONS = ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian'];
const resolved = new Map<string, string | undefined>();

/**
 * The IANA zone a `TZID` (or `X-WR-TIMEZONE`) means, or undefined when it cannot be told from the
 * name alone (the caller then falls back to the file's VTIMEZONE). Cached per name.
 */
export function ianaZoneFor(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  if (resolved.has(tzid)) return resolved.get(tzid);
  const zone = lookUp(tzid.trim().replace(/^"|"$/g, '').trim());
  resolved.set(tzid, zone);
  return zone;
}

function lookUp(name: string): string | undefined {
  if (!name) return undefined;
  // IANA names (and old aliases such as US/Pacific) as they are.
  if (name.includes('/') && isTimeZone(name) && !name.startsWith('/')) return name;
  const windows = WINDOWS_BY_KEY.get(simplify(name));
  if (windows) return isTimeZone(windows) ? windows : undefined;
  // A vendor prefix before an IANA name: /mozilla.org/20050126_1/Europe/Berlin,
  // /freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires.
  const parts = name.split('/').filter(Boolean);
  for (let take = 3; take >= 2; take--) {
    const tail = parts.slice(-take).join('/');
    if (parts.length >= take && isTimeZone(tail) && tail.includes('/')) return tail;
  }
  if (/^(utc|gmt|z|zulu|etc\/utc)$/i.test(name)) return 'UTC';
  // Outlook display names: "(UTC-03:00) Brasília", "(GMT+01.00) Amsterdam / Berlin / Bern".
  const display = /^\((?:UTC|GMT)\s*(?:[+-]\s*\d{1,2}[:.]?\d{2})?\)\s*(.+)$/i.exec(name);
  if (display) {
    for (const place of display[1].split(/\s*[,/;]\s*|\s+-\s+/)) {
      const zone = guessFromPlace(place);
      if (zone) return zone;
    }
  }
  return undefined;
}

function guessFromPlace(place: string): string | undefined {
  const key = simplify(place);
  const known = DISPLAY_PLACES[key];
  if (known) return isTimeZone(known) ? known : undefined;
  if (!/^[a-z][a-z .'-]*$/.test(key)) return undefined;
  const city = key.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/ /g, '_');
  for (const region of IANA_REGIONS) {
    const candidate = `${region}/${city}`;
    if (isTimeZone(candidate)) return candidate;
  }
  return undefined;
}

/** Lower case, accents removed, spaces collapsed: "Brasília " → "brasilia". */
function simplify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
