import type {ErrorStrings} from '../en-errors.js';

/** Danish: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const da: ErrorStrings = {
  'not-found': 'Feedet findes ikke på denne adresse (404). Tjek adressen i src: åbn den i en browser.',
  'http-status': (status) => `Feedets server svarede med en fejl (${status}). Hvis det varer ved, så tjek adressen i src og feedets server.`,
  'not-a-feed': 'Adressen giver ikke et begivenhedsfeed. Brug adressen på kalenderens feed (iCalendar, JSON, RSS, Atom eller JSON-LD).',
  'html-page': 'Adressen giver en webside, ikke et begivenhedsfeed. Brug adressen på kalenderens feed, der ofte ender på .ics, /feed eller .json.',
  empty: 'Feedet er tomt. Tjek at kalenderen har offentlige begivenheder.',
  invalid: 'Feedet er beskadiget og kunne ikke læses. Tjek det med en feedvalidator, eller giv besked til den, der udgiver det.',
  'no-event-dates': 'Dette feed viser indlæg uden begivenhedsdatoer. Brug kalenderens iCalendar-feed (.ics) i stedet.',
  interrupted: 'Forbindelsen blev afbrudt, mens feedet blev hentet. Hvis det varer ved, så tjek feedets server.',
  offline: 'Ingen netværksforbindelse: feedet kunne ikke nås.',
  cors: 'Feedets server tillader ikke, at andre websteder læser det (ingen CORS-headere). Kør et relæ, der må hente feedet, og sæt listens proxy-attribut til det:',
  insecure: 'Browsere blokerer et http://-feed på en https://-side. Brug feedets https://-adresse eller et relæ på https.',
  timeout: 'Feedet var for længe om at svare. Tjek at serveren kører, eller hæv attributten timeout.',
  'too-large': 'Feedet er for stort til at blive vist her. Hæv attributten max-bytes, eller brug et feed med kun kommende begivenheder.',
  'redirect-loop': 'Feedets adresse viderestiller i ring og når aldrig frem til feedet. Åbn adressen i src i en browser, og ret viderestillingerne på serveren.',
  'redirect-blocked':
    'Feedets adresse viderestiller til en adresse, som browsere ikke henter (file:, data:, javascript: eller en server, der ikke kan nås). Brug feedets egen https://-adresse i src.',
  'not-modified-without-copy': 'Feedets server svarede »ikke ændret« (304), da hele feedet blev bedt om. Tjek serverens cacheindstillinger (ETag, Last-Modified).',
};
