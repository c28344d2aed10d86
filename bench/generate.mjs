// Deterministic event feeds for the benchmark: the same seed and size give byte-identical
// canonical JSON, RSS 2.0 (Gnistor namespace) and iCalendar, describing the same events.
//
//   node bench/generate.mjs [--out DIR] [--seed N] [SIZE…]   writes events-SIZE.{json,xml,ics}
//
// Events are spread over one year from Monday 5 January 2026, in Europe/Stockholm, about as
// Gnistor's calendar looks: meetings, study circles, demonstrations, film nights… Roughly 8 % are
// all-day, 4 % multi-day all-day (festivals, camps), 3 % multi-day with times (conferences),
// 6 % have no end, and about 4 % of the occurrences belong to weekly series: the JSON and RSS
// list each occurrence, the ICS writes each series once as an RRULE:FREQ=WEEKLY;COUNT=k.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ZONE = 'Europe/Stockholm';
/** First day of the data; the widgets are opened on this month. */
export const FIRST_DAY = '2026-01-05';
export const DEFAULT_SEED = 20260105;
const DAYS = 365;

/** mulberry32: small, fast, good enough for test data, and the same in every Node version. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Forms are Gnistor's; the rest is invented but realistic.

const FORMS = [
  ['Möte', 14], ['Studiecirkel', 10], ['Föreläsning', 9], ['Demonstration', 8], ['Workshop', 7], ['Filmvisning', 6],
  ['Fest', 5], ['Konsert', 5], ['Bokcirkel', 4], ['Manifestation', 4], ['Samtal', 4], ['Meeting', 3], ['Panel discussion', 2],
  ['Utställning', 2], ['Kurs', 3], ['Fika', 3], ['Aktion', 3], ['Teater', 2],
];
const TOPICS_SV = [
  'klimaträttvisa', 'bostadspolitik', 'fackligt arbete', 'feministisk ekonomi', 'hyresrätt', 'kollektivtrafik', 'Palestina',
  'digitala rättigheter', 'fri programvara', 'arbetarrörelsens historia', 'antirasism', 'vården', 'skolan', 'kärnkraft',
  'matsuveränitet', 'Fediversum', 'stadsodling', 'solidaritet med Ukraina', 'asylrätt', 'skogen', 'sexualpolitik',
  'välfärdens framtid', 'Big Tech', 'folkbildning', 'Sápmi och gruvorna', 'fred och nedrustning', 'lönearbete och fritid',
];
const TOPICS_EN = [
  'climate justice', 'housing', 'union organising', 'free software', 'digital rights', 'public transport', 'care work',
  'the history of the labour movement', 'antifascism', 'degrowth', 'tenant organising', 'open source hardware',
];
const TITLE_SV = [
  (f, t) => `${f}: ${t}`, (f, t) => `Öppet möte om ${t}`, (f, t) => `Studiecirkel i ${t}`, (f, t) => `Föreläsning: ${t} i praktiken`,
  (f, t) => `Manifestation för ${t}`, (f, t) => `Kvällssamtal – ${t}`, (f, t) => `${f} med efterhäng: ${t}`,
  (f, t) => `Filmkväll: dokumentär om ${t}`, (f, t) => `Lär dig mer om ${t}!`, (f, t) => `Workshop: organisera kring ${t}`,
  (f, t) => `Bokcirkel – ${t}`, (f, t) => `Fika och prat om ${t}`,
];
const TITLE_EN = [
  (f, t) => `${f}: ${t}`, (f, t) => `Open meeting on ${t}`, (f, t) => `Reading group: ${t}`, (f, t) => `Talk – ${t} in practice`,
  (f, t) => `Workshop: organising around ${t}`, (f, t) => `Film night about ${t}`,
];
const CITIES = [
  ['Stockholm', 30], ['Göteborg', 16], ['Malmö', 13], ['Uppsala', 8], ['Umeå', 5], ['Lund', 5], ['Örebro', 4], ['Linköping', 4],
  ['Västerås', 3], ['Växjö', 3], ['Karlstad', 3], ['Luleå', 2], ['Kiruna', 1], ['Sundsvall', 2], ['Gävle', 2], ['Jönköping', 2],
  ['Online', 4],
];
const VENUES = [
  'Solidaritetshuset', 'Folkets Hus', 'ABF-huset', 'Kafé 44', 'Stadsbiblioteket', 'Kulturhuset', 'Medborgarplatsen', 'Hyresgästföreningens lokal',
  'Föreningshuset Sesam', 'Syndikalistiskt Forum', 'Kvarterslokalen', 'Bokcafé Pan', 'Café Cuba', 'Biograf Draken', 'Röda Sten',
];
const ORGANIZERS = [
  'Kamratdataföreningen Konstellationen', 'Ta Tillbaka Framtiden', 'Extinction Rebellion Sverige', 'Syndikalistiskt Forum',
  'Proletären FF', 'Hyresgästföreningen Södermalm', 'Feministiskt initiativ Göteborg', 'Ung Vänster Malmö', 'Fältbiologerna',
  'Attac Sverige', 'SAC Syndikalisterna', 'Folkkampanjen mot kärnkraft-kärnvapen', 'Jordens Vänner', 'ABF Stockholm',
  'Afrikagrupperna', 'Latinamerikagrupperna', 'Klimatstrejk Uppsala', 'Free Software Foundation Europe, Sweden', 'Linux User Group Lund',
  'Kvinnor för fred', 'Allt åt alla', 'Förbundet Allmänna Sången', 'Stadsmissionens volontärer', 'Biblioteksföreningen',
];
const SENTENCES_SV = [
  'Välkommen på temakväll med efterhäng!', 'Vi bjuder på fika och det finns vegansk mat.', 'Lokalen är tillgänglig med rullstol.',
  'Ingen föranmälan behövs, alla är välkomna.', 'Ta gärna med en vän eller kollega.', 'Efteråt fortsätter vi samtalet på ett närliggande café.',
  'Samtalet hålls på svenska med viss tolkning till engelska.', 'Anmälan via formuläret så att vi kan planera matlagningen.',
  'Kvällen inleds med en kort presentation och följs av diskussion i mindre grupper.', 'Barnpassning finns om du anmäler behov i förväg.',
  'Vi samlas vid entrén tio minuter före start.', 'Medtag plakat och banderoller, och klä dig efter väder.',
  'Frågor? Maila oss så svarar vi så snart vi kan.', 'Arrangemanget är gratis, men frivilliga bidrag tas tacksamt emot.',
];
const SENTENCES_EN = [
  'Everyone is welcome, no registration needed.', 'The venue is wheelchair accessible.', 'Snacks and coffee will be provided.',
  'The talk is in English with a summary in Swedish.', 'Bring a friend!',
];

function weighted(rand, table) {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [value, w] of table) if ((x -= w) < 0) return value;
  return table[table.length - 1][0];
}
const pickOne = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}

// ---------------------------------------------------------------------------------------------
// Stockholm wall time → instant, without any library: EU summer time runs from the last Sunday
// of March 01:00 UTC to the last Sunday of October 01:00 UTC. Times are generated between 08
// and 22, so the ambiguous hour never comes up.

const lastSunday = (year, month) => {
  const d = new Date(Date.UTC(year, month + 1, 0));
  return d.getUTCDate() - d.getUTCDay();
};
function offsetMinutes(y, m, d, hh) {
  const start = Date.UTC(y, 2, lastSunday(y, 2), 1);
  const end = Date.UTC(y, 9, lastSunday(y, 9), 1);
  const utcGuess = Date.UTC(y, m - 1, d, hh) - 3600_000;
  return utcGuess >= start && utcGuess < end ? 120 : 60;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
/** A local date-time in Stockholm: `{y, m, d, hh, mm}` with day arithmetic done in UTC. */
function local(dayIndex, hh = 0, mm = 0) {
  const [y0, m0, d0] = FIRST_DAY.split('-').map(Number);
  const date = new Date(Date.UTC(y0, m0 - 1, d0 + dayIndex));
  return {y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), hh, mm};
}
const isoDate = (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
function isoDateTime(t) {
  const off = offsetMinutes(t.y, t.m, t.d, t.hh);
  return `${isoDate(t)}T${pad(t.hh)}:${pad(t.mm)}:00+${pad(off / 60)}:00`;
}
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function rfc822(t) {
  const off = offsetMinutes(t.y, t.m, t.d, t.hh);
  const weekday = new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
  return `${DAY_NAMES[weekday]}, ${pad(t.d)} ${MONTH_NAMES[t.m - 1]} ${t.y} ${pad(t.hh)}:${pad(t.mm)}:00 +${pad(off / 60)}00`;
}
const icsDate = (t) => `${t.y}${pad(t.m)}${pad(t.d)}`;
const icsDateTime = (t) => `${icsDate(t)}T${pad(t.hh)}${pad(t.mm)}00`;

// ---------------------------------------------------------------------------------------------

/**
 * The events: each is one occurrence; occurrences of a weekly series share `series`
 * (`{uid, index, count}`). Sorted by start.
 */
export function generateEvents(count, seed = DEFAULT_SEED) {
  const rand = prng(seed ^ Math.imul(count, 2654435761));
  const events = [];
  const makeBase = () => {
    const english = rand() < 0.15;
    const form = weighted(rand, FORMS);
    const topic = pickOne(rand, english ? TOPICS_EN : TOPICS_SV);
    const title = pickOne(rand, english ? TITLE_EN : TITLE_SV)(form, topic);
    const city = weighted(rand, CITIES);
    const forms = [form];
    if (rand() < 0.25) forms.push(weighted(rand, FORMS));
    const locations = [city];
    if (city !== 'Online' && rand() < 0.06) locations.push(weighted(rand, CITIES));
    const sentences = english ? SENTENCES_EN : SENTENCES_SV;
    const description = [
      `${title}.`,
      ...Array.from({length: int(rand, 1, 5)}, () => pickOne(rand, sentences)),
      city === 'Online' ? 'Länk till mötet skickas ut dagen innan.' : `Plats: ${pickOne(rand, VENUES)}, ${city}.`,
    ].join(' ');
    return {title, forms: [...new Set(forms)], locations: [...new Set(locations)], organizer: pickOne(rand, ORGANIZERS), description};
  };

  // Weekly series: about 4 % of all occurrences, 4–10 occurrences each.
  let seriesOccurrences = Math.max(4, Math.round(count * 0.04));
  let seriesNo = 0;
  while (seriesOccurrences >= 4 && events.length < count) {
    const k = Math.min(seriesOccurrences, int(rand, 4, 10), count - events.length);
    const base = makeBase();
    const firstDay = int(rand, 0, DAYS - 7 * k);
    const hh = int(rand, 17, 19);
    const hours = int(rand, 1, 3);
    const uid = `series-${seriesNo++}@bench.feedcal`;
    for (let i = 0; i < k; i++) {
      const start = local(firstDay + 7 * i, hh, 0);
      events.push({...base, forms: [...base.forms], locations: [...base.locations], allDay: false, start, end: local(firstDay + 7 * i, hh + hours, 0), series: {uid, index: i, count: k}});
    }
    seriesOccurrences -= k;
  }
  while (events.length < count) {
    const base = makeBase();
    const day = int(rand, 0, DAYS - 1);
    const r = rand();
    if (r < 0.08) {
      events.push({...base, allDay: true, start: local(day), end: local(day + 1)});
    } else if (r < 0.12) {
      events.push({...base, allDay: true, start: local(day), end: local(day + int(rand, 2, 4))});
    } else if (r < 0.15) {
      events.push({...base, allDay: false, start: local(day, int(rand, 9, 13), 0), end: local(day + int(rand, 1, 2), int(rand, 15, 17), 0)});
    } else {
      const hh = int(rand, 8, 20);
      const mm = pickOne(rand, [0, 0, 0, 15, 30, 30, 45]);
      const start = local(day, hh, mm);
      if (r < 0.21) events.push({...base, allDay: false, start});
      else {
        const endMinutes = hh * 60 + mm + int(rand, 2, 8) * 30;
        events.push({...base, allDay: false, start, end: local(day, Math.min(23, Math.floor(endMinutes / 60)), endMinutes >= 24 * 60 ? 45 : endMinutes % 60)});
      }
    }
  }
  const key = (t) => `${isoDate(t)}T${pad(t.hh)}${pad(t.mm)}`;
  events.sort((a, b) => key(a.start).localeCompare(key(b.start)) || a.title.localeCompare(b.title));
  const used = new Map();
  for (const event of events) {
    const s = `${isoDate(event.start)}-${slug(event.title)}`;
    const n = (used.get(s) ?? 0) + 1;
    used.set(s, n);
    event.slug = n === 1 ? s : `${s}-${n}`;
    event.url = `https://www.gnistor.se/event/${event.slug}/`;
  }
  return events;
}

// ---------------------------------------------------------------------------------------------
// Serialisations.

/** Canonical JSON (Gnistor's front-matter names): `{"events": […]}`. */
export function toJson(events) {
  return JSON.stringify({
    events: events.map((e) => ({
      id: e.slug,
      title: e.title,
      // All-day: a date; the canonical JSON's date-only `enddate` is the exclusive end, as in iCalendar.
      date: e.allDay ? isoDate(e.start) : isoDateTime(e.start),
      ...(e.end ? {enddate: e.allDay ? isoDate(e.end) : isoDateTime(e.end)} : {}),
      forms: e.forms,
      locations: e.locations,
      organizer: e.organizer,
      url: e.url,
      description: e.description,
    })),
  });
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RSS 2.0 as Gnistor writes it; all-day dates are ISO dates (RFC 822 has no date-only form), gnistor:enddate is the last day. */
export function toRss(events) {
  const items = events.map((e) => {
    const start = e.allDay ? isoDate(e.start) : rfc822(e.start);
    let end;
    if (e.end) end = e.allDay ? isoDate(local(dayIndexOf(e.end) - 1)) : rfc822(e.end);
    return `		<item>
			<title>${xml(e.title)}</title>
			<link>${e.url}</link>
			<guid>${e.url}</guid>
			<pubDate>${rfc822(e.allDay ? {...e.start, hh: 0} : e.start)}</pubDate>
			<gnistor:startdate>${start}</gnistor:startdate>
${end ? `			<gnistor:enddate>${end}</gnistor:enddate>\n` : ''}			<gnistor:organizer>${xml(e.organizer)}</gnistor:organizer>
			<gnistor:forms>
${e.forms.map((f) => `				${xml(f)}`).join('\n')}
			</gnistor:forms>
			<gnistor:locations>
${e.locations.map((l) => `				${xml(l)}`).join('\n')}
			</gnistor:locations>
			<description>${xml(e.description)}</description>
		</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:gnistor="https://www.gnistor.se/om">
	<channel>
		<title>Gnistor (benchmark data)</title>
		<link>https://www.gnistor.se/</link>
		<description>Kalender för vänsterns evenemang</description>
		<language>sv-SE</language>
		<atom:link href="https://www.gnistor.se/feed/index.xml" rel="self" type="application/rss+xml"/>
${items.join('\n')}
	</channel>
</rss>
`;
}

function dayIndexOf(t) {
  const [y0, m0, d0] = FIRST_DAY.split('-').map(Number);
  return Math.round((Date.UTC(t.y, t.m - 1, t.d) - Date.UTC(y0, m0 - 1, d0)) / 86400_000);
}

const icsText = (s) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** Folds at 75 octets without splitting a UTF-8 sequence. */
function fold(line) {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join('\r\n ');
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Stockholm', 'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** iCalendar: VEVENTs with DTSTART;TZID=Europe/Stockholm, all-day as VALUE=DATE, series as weekly RRULEs. */
export function toIcs(events) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//feedcal//bench generator//SV', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Gnistor (benchmark data)', 'X-WR-TIMEZONE:Europe/Stockholm', ...VTIMEZONE];
  for (const e of events) {
    if (e.series && e.series.index > 0) continue;
    lines.push('BEGIN:VEVENT', `UID:${e.series ? e.series.uid : `${e.slug}@bench.feedcal`}`, 'DTSTAMP:20251201T120000Z');
    if (e.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(e.start)}`);
      if (e.end) lines.push(`DTEND;VALUE=DATE:${icsDate(e.end)}`);
    } else {
      lines.push(`DTSTART;TZID=${ZONE}:${icsDateTime(e.start)}`);
      if (e.end) lines.push(`DTEND;TZID=${ZONE}:${icsDateTime(e.end)}`);
    }
    if (e.series) lines.push(`RRULE:FREQ=WEEKLY;COUNT=${e.series.count}`);
    lines.push(
      `SUMMARY:${icsText(e.title)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      `LOCATION:${icsText(e.locations.join(', '))}`,
      `CATEGORIES:${e.forms.map(icsText).join(',')}`,
      `ORGANIZER;CN="${e.organizer.replace(/"/g, "'")}":mailto:hej@gnistor.se`,
      `URL:${e.url}`,
      'STATUS:CONFIRMED',
      'END:VEVENT'
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** The three feeds for one size, as strings. */
export function generateFeeds(count, seed = DEFAULT_SEED) {
  const events = generateEvents(count, seed);
  return {count, events, json: toJson(events), rss: toRss(events), ics: toIcs(events)};
}

// CLI
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  let out = 'bench/data';
  let seed = DEFAULT_SEED;
  const sizes = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else sizes.push(Number(argv[i]));
  }
  mkdirSync(out, {recursive: true});
  for (const size of sizes.length ? sizes : [100, 1000, 5000, 20000]) {
    const feeds = generateFeeds(size, seed);
    for (const [ext, text] of [['json', feeds.json], ['xml', feeds.rss], ['ics', feeds.ics]]) {
      writeFileSync(join(out, `events-${size}.${ext}`), text);
      console.log(`${join(out, `events-${size}.${ext}`)}: ${Buffer.byteLength(text).toLocaleString('en-US')} bytes`);
    }
  }
}
