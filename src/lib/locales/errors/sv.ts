import type {ErrorStrings} from '../en-errors.js';

/** Swedish: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const sv: ErrorStrings = {
  'not-found': 'Flödet finns inte på den här adressen (404). Kontrollera adressen i src: öppna den i en webbläsare.',
  'http-status': (status) => `Flödets server svarade med ett fel (${status}). Om det består, kontrollera adressen i src och flödets server.`,
  'not-a-feed': 'Adressen ger inget evenemangsflöde. Använd adressen till kalenderns flöde (iCalendar, JSON, RSS, Atom eller JSON-LD).',
  'html-page': 'Adressen ger en webbsida, inte ett evenemangsflöde. Använd adressen till kalenderns flöde, som ofta slutar på .ics, /feed eller .json.',
  empty: 'Flödet är tomt. Kontrollera att kalendern har offentliga evenemang.',
  invalid: 'Flödet är trasigt och kunde inte läsas. Kontrollera det med en flödesvaliderare, eller meddela den som publicerar det.',
  'no-event-dates': 'Flödet listar inlägg utan evenemangsdatum. Använd kalenderns iCalendar-flöde (.ics) i stället.',
  interrupted: 'Anslutningen bröts medan flödet hämtades. Om det består, kontrollera flödets server.',
  offline: 'Ingen nätverksanslutning: flödet gick inte att nå.',
  cors: 'Flödets server tillåter inte att andra webbplatser läser det (inga CORS-huvuden). Kör ett relä som får hämta flödet, och ange det i listans proxy-attribut:',
  insecure: 'Webbläsare blockerar ett http://-flöde på en https://-sida. Använd flödets adress med https://, eller ett relä på https.',
  timeout: 'Flödet tog för lång tid att svara. Kontrollera att dess server är uppe, eller höj attributet timeout.',
  'too-large': 'Flödet är för stort för att visas här. Höj attributet max-bytes, eller använd ett flöde med bara kommande evenemang.',
  'redirect-loop': 'Flödets adress omdirigerar i en slinga och når aldrig flödet. Öppna adressen i src i en webbläsare och rätta omdirigeringarna på servern.',
  'redirect-blocked':
    'Flödets adress omdirigerar till en adress som webbläsare inte hämtar (file:, data:, javascript: eller en server som inte går att nå). Använd flödets egen https://-adress i src.',
  'not-modified-without-copy':
    'Flödets server svarade ”inte ändrat” (304) på en fråga efter hela flödet. Kontrollera serverns cacheinställningar (ETag, Last-Modified).',
};
