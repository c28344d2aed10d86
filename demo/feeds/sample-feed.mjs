// The demo's sample feeds, in Gnistor's shapes (JSON Feed and RSS), dated relative to today so the
// demo always has past, this week's, this month's and next month's events. scripts/serve.mjs
// writes them at start-up; a test can call sampleFeeds() with any day. No dependencies.
import {writeFile} from 'node:fs/promises';

const ZONE = 'Europe/Stockholm';
const KONSTELLATIONEN = 'Kamratdataföreningen Konstellationen';

// `day`: days from today (or `date`, a fixed day). `start`/`end`: Stockholm wall-clock times; no
// `start` is an all-day event, `lastDay` its last day (inclusive, as Gnistor writes it). `end`
// with a date is written as is. `in`: the feeds it is in (default JSON only).
const EVENTS = [
  {
    // The seed event keeps its real date: it stays in the past.
    date: '2023-08-19', start: '15:00', end: '19:00', in: ['json', 'rss'],
    slug: 'bortom-big-tech-sociala-medier',
    title: 'Bortom Big Tech sociala medier - hur kan vänstern vara online?',
    organizer: KONSTELLATIONEN, forms: ['Möte'], locations: ['Stockholm'],
    description: 'Välkommen på temakväll med efterhäng! Vad finns för alternativ nu när allt fler sociala medier dör ut eller blir oanvändbara? Lär dig om Fediversum och få hjälp att skapa konto på Mastodon. Delta i samtal om strategier för att nå ut utanför plattformarna, alternativ till sociala medier, bloggar, mejl och poddar, samt käka, drick och häng med kamrater.\nVar: Solidaritetshuset på Södermalm, Stockholm.',
  },
  {
    day: -16, start: '18:00', end: '20:00',
    slug: 'oppet-mote-egna-kanaler',
    title: 'Öppet möte: föreningens egna kanaler',
    organizer: KONSTELLATIONEN, forms: ['Möte'], locations: ['Stockholm'],
    description: 'Hur når föreningen sina medlemmar utan Facebook? Vi går igenom nyhetsbrev, RSS och en egen kalender på hemsidan.',
  },
  {
    day: -9, start: '19:00', end: '21:30',
    slug: 'filmkvall',
    title: 'Filmkväll i Folkets hus',
    organizer: 'Folkets hus Uppsala', forms: ['Film', 'Kultur'], locations: ['Uppsala'],
    description: 'Vi visar en dokumentär om strejken i Kiruna och samtalar efteråt. Popcorn finns.',
  },
  {
    // Gnistor writes "no end" as the Unix epoch in Stockholm time.
    day: -4, start: '13:00', end: '1970-01-01 01:00:00',
    slug: 'kampanja-med-ttf',
    title: 'Kampanja med TTF!',
    organizer: 'Ta Tillbaka Framtiden', forms: ['Aktion'], locations: ['Göteborg'],
    description: 'Vi sätter upp affischer och delar flygblad och avslutar med fika.',
  },
  {
    day: -1, start: '14:00', // no end_time at all
    slug: 'solidaritetsmarsch',
    title: 'Solidaritetsmarsch för Palestina',
    organizer: 'Palestinagrupperna', forms: ['Demonstration'], locations: ['Malmö'],
    description: 'Samling vid Möllevångstorget.',
  },
  {
    day: 0, start: '18:30', end: '20:30', in: ['json', 'rss'],
    slug: 'studiecirkel-fediversum',
    title: 'Studiecirkel: Fediversum för föreningar',
    organizer: KONSTELLATIONEN, forms: ['Studiecirkel'], locations: ['Stockholm'],
    description: 'Första träffen i en studiecirkel om hur föreningar kan lämna Facebook: Mastodon-konto, egen kalender och RSS. Ta med dator eller telefon.',
  },
  {
    day: 1, start: '18:00', end: '21:00',
    slug: 'workshop-kalender-pa-bloggen',
    title: 'Workshop: föreningens kalender på bloggen',
    organizer: KONSTELLATIONEN, forms: ['Workshop'], locations: ['Stockholm'],
    description: 'Vi lägger in Gnistors kalender på era hemsidor, en rad HTML i taget. Ta med inloggning till er blogg.',
  },
  {
    // All day over three days, date-only start and last day.
    day: 3, lastDay: 5,
    slug: 'radikal-bokmassa',
    title: 'Radikal bokmässa',
    organizer: 'Radikal bokmässa', forms: ['Mässa', 'Kultur'], locations: ['Stockholm'],
    description: 'Tre dagar med förlag, samtal och författare från den radikala vänstern. Fri entré.',
  },
  {
    day: 6, start: '17:00', in: ['rss'],
    slug: 'julfest',
    title: 'Julfest i Folkets hus',
    organizer: 'Folkets hus Uppsala', forms: ['Fest'], locations: ['Uppsala'],
    description: 'Glögg, pepparkakor och allsång. Barn och vuxna välkomna.',
  },
  {
    day: 11, start: '11:00', end: '15:00',
    slug: 'loppis-for-palestina',
    title: 'Loppis för Palestina',
    organizer: 'Palestinagrupperna', forms: ['Marknad'], locations: ['Malmö'],
    description: 'Fynda böcker, kläder och porslin. Allt överskott går till Palestinagruppernas insamling.',
  },
  {
    day: 13, start: '18:00', end: '20:00', in: ['json', 'rss'],
    slug: 'medlemsmote',
    title: 'Medlemsmöte: planering av våren',
    organizer: KONSTELLATIONEN, forms: ['Möte'], locations: ['Stockholm'],
    description: 'Vi planerar vårens träffar, workshoppar och studiecirklar. Alla medlemmar och nyfikna är välkomna.',
  },
  {
    day: 19, start: '10:00', end: '11:30',
    slug: 'loptraning',
    title: 'Löpträning inför Fredsloppet',
    organizer: 'Proletären FF', forms: ['Idrott'], locations: ['Göteborg'],
    description: 'Lugnt gemensamt pass på fem kilometer i Slottsskogen. Alla tempon välkomna.',
  },
  {
    day: 26, start: '18:00', end: '20:00',
    slug: 'klimatmote',
    title: 'Öppet möte: klimatrörelsen i Göteborg',
    organizer: 'Ta Tillbaka Framtiden', forms: ['Möte'], locations: ['Göteborg'],
    description: 'Vad gör vi nu? Vi samlar stadens klimatgrupper och planerar nästa kampanj.',
  },
  {
    // All day, no end, several places; the year in the title follows the date.
    day: 33,
    slug: 'fredsloppet',
    title: 'Fredsloppet {year}',
    organizer: 'Proletären FF', forms: ['Idrott'], locations: ['Göteborg', 'Umeå', 'Uppsala'],
    description: 'Spring för fred! Loppet går samtidigt på flera orter.',
  },
  {
    day: 40, start: '18:30', end: '20:30',
    slug: 'studiecirkel-nyhetsbrev',
    title: 'Studiecirkel: nyhetsbrev utan Big Tech',
    organizer: KONSTELLATIONEN, forms: ['Studiecirkel'], locations: ['Stockholm'],
    description: 'Vi jämför verktyg för föreningens nyhetsbrev och sätter upp ett på egen server.',
  },
];

const pad = (n) => String(n).padStart(2, '0');

/** Today's date in Stockholm, `YYYY-MM-DD`, for the instant `now`. */
export function stockholmDay(now) {
  return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'}).format(now);
}

/** `YYYY-MM-DD` plus `days` days, as a UTC Date at midnight (its UTC fields are the calendar day). */
function addDays(day, days) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days));
}

const isoDay = (date) => date.toISOString().slice(0, 10);

/** Stockholm's offset from UTC in minutes at that wall-clock time (+60 in winter, +120 in summer). */
function offsetAt(day, time) {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const parts = (instant) => {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric'})
      .formatToParts(instant).map(({type, value}) => [type, Number(value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  };
  // Guess with the offset at the wall time read as UTC, then correct once: right across DST
  // changes too (the samples' times are never in the night hour a change skips or repeats).
  const guess = (parts(wall) - wall) / 60000;
  return (parts(wall - guess * 60000) - (wall - guess * 60000)) / 60000;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 as the Gnistor RSS writes it: `Wed, 02 Dec 2026 18:30:00 +0100`. */
function rfc822(day, time) {
  const date = addDays(day, 0);
  const offset = offsetAt(day, time);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${time}:00 ${zone}`;
}

/** One sample event with its dates worked out for `today` (`YYYY-MM-DD`). */
function dated(event, today) {
  const date = event.date ?? isoDay(addDays(today, event.day));
  return {
    ...event,
    date,
    lastDay: event.lastDay === undefined ? undefined : isoDay(addDays(today, event.lastDay)),
    title: event.title.replace('{year}', date.slice(0, 4)),
    link: `https://www.gnistor.se/event/${date}-${event.slug}/`,
  };
}

function jsonItem(e) {
  const end = e.lastDay ?? (e.end?.includes('-') ? e.end : e.end && `${e.date} ${e.end}:00`);
  return {
    title: e.title,
    link: e.link,
    start_time: e.start ? `${e.date} ${e.start}:00` : e.date,
    ...(end && {end_time: end}),
    organizer: e.organizer,
    forms: e.forms,
    locations: e.locations,
    description: e.description,
  };
}

const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Gnistor's RSS dates are date-times (RFC 822): only timed events go in it, never an all-day one.
function rssItem(e) {
  const start = rfc822(e.date, e.start);
  const list = (values) => values.map((v) => `\t\t\t\t${xml(v)}\n`).join('');
  return `		<item>
			<title>${xml(e.title)}</title>
			<link>${e.link}</link>
			<guid>${e.link}</guid>
			<pubDate>${start}</pubDate>
			<gnistor:startdate>${start}</gnistor:startdate>
${e.end ? `			<gnistor:enddate>${rfc822(e.date, e.end)}</gnistor:enddate>\n` : ''}			<gnistor:organizer>${xml(e.organizer)}</gnistor:organizer>
			<gnistor:forms>
${list(e.forms)}			</gnistor:forms>
			<gnistor:locations>
${list(e.locations)}			</gnistor:locations>
			<description>${xml(e.description)}</description>
		</item>
`;
}

/**
 * The two sample feeds for `today`, Stockholm's calendar day as `YYYY-MM-DD` (see stockholmDay):
 * `{json, xml}` as file contents. Pure: the caller decides what day it is.
 */
export function sampleFeeds(today) {
  const events = EVENTS.map((e) => dated(e, today));
  const inFeed = (feed) => events.filter((e) => (e.in ?? ['json']).includes(feed));
  const json = {
    version: 'https://jsonfeed.org/version/1',
    title: 'Gnistor (demo)',
    home_page_url: 'https://www.gnistor.se/',
    feed_url: 'https://www.gnistor.se/feed.json',
    items: inFeed('json').map(jsonItem),
  };
  return {
    json: JSON.stringify(json, null, '\t') + '\n',
    xml: `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0" xmlns:gnistor="https://www.gnistor.se/om">
	<channel>
		<title>Gnistor (demo)</title>
		<link>https://www.gnistor.se/</link>
		<description>Kalender för vänsterns evenemang</description>
		<language>sv-SE</language>
${inFeed('rss').map(rssItem).join('')}	</channel>
</rss>
`,
  };
}

/** Writes gnistor.json and gnistor.xml next to this file for `today` (`YYYY-MM-DD`). */
export async function writeSampleFeeds(today) {
  const {json, xml: rss} = sampleFeeds(today);
  await writeFile(new URL('gnistor.json', import.meta.url), json);
  await writeFile(new URL('gnistor.xml', import.meta.url), rss);
}
