import type {ErrorStrings} from '../en-errors.js';

/** Norwegian (Bokmål): the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const nb: ErrorStrings = {
  'not-found': 'Feeden finnes ikke på denne adressen (404). Sjekk adressen i src: åpne den i en nettleser.',
  'http-status': (status) => `Feedens server svarte med en feil (${status}). Hvis det vedvarer, sjekk adressen i src og feedens server.`,
  'not-a-feed': 'Adressen gir ingen arrangementsfeed. Bruk adressen til kalenderens feed (iCalendar, JSON, RSS, Atom eller JSON-LD).',
  'html-page': 'Adressen gir en nettside, ikke en arrangementsfeed. Bruk adressen til kalenderens feed, som ofte slutter på .ics, /feed eller .json.',
  empty: 'Feeden er tom. Sjekk at kalenderen har offentlige arrangementer.',
  invalid: 'Feeden er skadet og kunne ikke leses. Sjekk den med en feedvalidator, eller si fra til den som publiserer den.',
  'no-event-dates': 'Denne feeden viser innlegg uten arrangementsdatoer. Bruk kalenderens iCalendar-feed (.ics) i stedet.',
  interrupted: 'Forbindelsen ble brutt mens feeden ble lastet. Hvis det vedvarer, sjekk feedens server.',
  offline: 'Ingen nettverkstilkobling: feeden kunne ikke nås.',
  cors: 'Feedens server tillater ikke at andre nettsteder leser den (ingen CORS-hoder). Kjør et relé som får hente feeden, og sett listens proxy-attributt til det:',
  insecure: 'Nettlesere blokkerer en http://-feed på en https://-side. Bruk feedens https://-adresse, eller et relé på https.',
  timeout: 'Feeden brukte for lang tid på å svare. Sjekk at serveren er oppe, eller øk attributtet timeout.',
  'too-large': 'Feeden er for stor til å vises her. Øk attributtet max-bytes, eller bruk en feed med bare kommende arrangementer.',
  'redirect-loop': 'Feedens adresse videresender i en sløyfe og når aldri feeden. Åpne adressen i src i en nettleser og rett videresendingene på serveren.',
  'redirect-blocked':
    'Feedens adresse videresender til en adresse nettlesere ikke henter (file:, data:, javascript: eller en server som ikke kan nås). Bruk feedens egen https://-adresse i src.',
  'not-modified-without-copy':
    'Feedens server svarte «ikke endret» (304) da hele feeden ble bedt om. Sjekk serverens hurtigbufferinnstillinger (ETag, Last-Modified).',
};
