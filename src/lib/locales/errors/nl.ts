import type {ErrorStrings} from '../en-errors.js';

/** Dutch: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const nl: ErrorStrings = {
  'not-found': 'De feed is niet gevonden op dit adres (404). Controleer het adres in src: open het in een browser.',
  'http-status': (status) => `De server van de feed antwoordde met een fout (${status}). Blijft dat zo, controleer dan het adres in src en de server van de feed.`,
  'not-a-feed': 'Dit adres geeft geen evenementenfeed. Gebruik het adres van de feed van de agenda (iCalendar, JSON, RSS, Atom of JSON-LD).',
  'html-page': 'Dit adres geeft een webpagina, geen evenementenfeed. Gebruik het adres van de feed van de agenda; dat eindigt vaak op .ics, /feed of .json.',
  empty: 'De feed is leeg. Controleer of de agenda openbare evenementen heeft.',
  invalid: 'De feed is beschadigd en kon niet worden gelezen. Controleer hem met een feedvalidator, of laat het de uitgever weten.',
  'no-event-dates': 'Deze feed bevat berichten zonder evenementdatums. Gebruik in plaats daarvan de iCalendar-feed (.ics) van de agenda.',
  interrupted: 'De verbinding werd verbroken tijdens het laden van de feed. Blijft dat zo, controleer dan de server van de feed.',
  offline: 'Geen netwerkverbinding: de feed was niet bereikbaar.',
  cors: 'De server van de feed staat niet toe dat andere sites hem lezen (geen CORS-headers). Draai een relay die de feed mag ophalen, en zet die in het proxy-attribuut van de lijst:',
  insecure: 'Browsers blokkeren een http://-feed op een https://-pagina. Gebruik het https://-adres van de feed, of een relay via https.',
  timeout: 'De feed deed er te lang over om te antwoorden. Controleer of de server draait, of verhoog het attribuut timeout.',
  'too-large': 'De feed is te groot om hier te tonen. Verhoog het attribuut max-bytes, of gebruik een feed met alleen komende evenementen.',
  'redirect-loop':
    'Het adres van de feed verwijst in een kringetje door en komt nooit bij de feed. Open het adres in src in een browser en herstel de doorverwijzingen op de server.',
  'redirect-blocked':
    'Het adres van de feed verwijst door naar een adres dat browsers niet laden (file:, data:, javascript: of een onbereikbare server). Gebruik in src het eigen https://-adres van de feed.',
  'not-modified-without-copy':
    'De server van de feed antwoordde ‘niet gewijzigd’ (304) op een vraag om de hele feed. Controleer de cache-instellingen van de server (ETag, Last-Modified).',
};
