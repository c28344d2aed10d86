import type {UiStrings} from './en.js';

/** Swedish UI strings. */
export const sv: UiStrings = {
  loading: 'Hämtar evenemang…',
  empty: 'Inga evenemang att visa.',
  emptyFiltered: 'Inga evenemang matchar filtren.',
  showMore: (n) => `Visa ${n} till`,
  readMore: 'Läs mer',
  readLess: 'Visa mindre',
  eventPage: 'Evenemangets sida',
  allDay: 'Heldag',
  cancelled: 'Inställt',
  organizer: 'Arrangör',
  location: 'Plats',
  categories: 'Kategorier',
  events: 'Evenemang',
  resultCount: (n) => (n === 1 ? '1 evenemang' : `${n} evenemang`),
  skipped: (n) => (n === 1 ? '1 post i flödet kunde inte läsas.' : `${n} poster i flödet kunde inte läsas.`),
  errorTitle: 'Evenemangen kunde inte hämtas.',
  error: {
    'not-found': 'Flödet finns inte på den här adressen (404).',
    'http-status': (status) => `Flödets server svarade med ett fel (${status}).`,
    'not-a-feed': 'Adressen ger inget evenemangsflöde.',
    'html-page': 'Adressen ger en webbsida, inte ett evenemangsflöde.',
    empty: 'Flödet är tomt.',
    invalid: 'Flödet är trasigt och kunde inte läsas.',
    'no-event-dates': 'Flödet listar inlägg utan evenemangsdatum. Använd kalenderns iCalendar-flöde (.ics) i stället.',
    offline: 'Ingen nätverksanslutning: flödet gick inte att nå.',
    cors: 'Flödets server tillåter inte att andra webbplatser läser det. Be ägaren att tillåta det (CORS), eller ange en proxy.',
    timeout: 'Flödet tog för lång tid att svara.',
    'too-large': 'Flödet är för stort för att visas här.',
  },
};
