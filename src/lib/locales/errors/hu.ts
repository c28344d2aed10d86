import type {ErrorStrings} from '../en-errors.js';

/** Hungarian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const hu: ErrorStrings = {
  'not-found': 'Ezen a címen nincs hírcsatorna (404). Ellenőrizze az src címét: nyissa meg egy böngészőben.',
  'http-status': (status) => `A hírcsatorna szervere hibával válaszolt (${status}). Ha ez tartós, ellenőrizze az src címét és a hírcsatorna szerverét.`,
  'not-a-feed': 'Ez a cím nem ad eseménycsatornát. Használja a naptár hírcsatornájának címét (iCalendar, JSON, RSS, Atom vagy JSON-LD).',
  'html-page': 'Ez a cím weboldalt ad, nem eseménycsatornát. Használja a naptár hírcsatornájának címét, amely gyakran .ics, /feed vagy .json végű.',
  empty: 'A hírcsatorna üres. Ellenőrizze, hogy a naptárban vannak-e nyilvános események.',
  invalid: 'A hírcsatorna sérült, nem sikerült beolvasni. Ellenőrizze egy hírcsatorna-validátorral, vagy szóljon annak, aki közzéteszi.',
  'no-event-dates': 'Ez a hírcsatorna eseménydátum nélküli bejegyzéseket sorol fel. Használja helyette a naptár iCalendar (.ics) csatornáját.',
  interrupted: 'A kapcsolat megszakadt a hírcsatorna betöltése közben. Ha ez tartós, ellenőrizze a hírcsatorna szerverét.',
  offline: 'Nincs hálózati kapcsolat: a hírcsatorna nem érhető el.',
  cors: 'A hírcsatorna szervere nem engedi, hogy más webhelyek olvassák (nincsenek CORS-fejlécek). Futtasson egy továbbítót (relay), amely letöltheti a csatornát, és adja meg a lista proxy attribútumában:',
  insecure: 'A böngészők letiltják a http:// hírcsatornát egy https:// oldalon. Használja a csatorna https:// címét, vagy egy https-en futó továbbítót.',
  timeout: 'A hírcsatorna túl lassan válaszolt. Ellenőrizze, hogy fut-e a szervere, vagy növelje a timeout attribútumot.',
  'too-large':
    'A hírcsatorna túl nagy ahhoz, hogy itt megjelenjen. Növelje a max-bytes attribútumot, vagy használjon csak a közelgő eseményeket tartalmazó csatornát.',
  'redirect-loop':
    'A hírcsatorna címe körbe-körbe irányít át, és sosem jut el a hírcsatornáig. Nyissa meg az src címét egy böngészőben, és javítsa ki az átirányításokat a szerveren.',
  'redirect-blocked':
    'A hírcsatorna címe olyan címre irányít át, amelyet a böngészők nem töltenek be (file:, data:, javascript: vagy elérhetetlen szerver). Az src-ben a hírcsatorna saját https:// címét adja meg.',
  'not-modified-without-copy':
    'A hírcsatorna szervere „nem módosult” (304) választ adott a teljes hírcsatornára vonatkozó kérésre. Ellenőrizze a szerver gyorsítótár-beállításait (ETag, Last-Modified).',
};
