import type {ErrorStrings} from '../en-errors.js';

/** German: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const de: ErrorStrings = {
  'not-found': 'Unter dieser Adresse gibt es keinen Feed (404). Prüfen Sie die Adresse in src: Öffnen Sie sie im Browser.',
  'http-status': (status) =>
    `Der Server des Feeds hat mit einem Fehler geantwortet (${status}). Hält das an, prüfen Sie die Adresse in src und den Server des Feeds.`,
  'not-a-feed': 'Die Adresse liefert keinen Veranstaltungsfeed. Verwenden Sie die Adresse des Kalenderfeeds (iCalendar, JSON, RSS, Atom oder JSON-LD).',
  'html-page':
    'Die Adresse liefert eine Webseite, keinen Veranstaltungsfeed. Verwenden Sie die Adresse des Kalenderfeeds; sie endet oft auf .ics, /feed oder .json.',
  empty: 'Der Feed ist leer. Prüfen Sie, ob der Kalender öffentliche Veranstaltungen hat.',
  invalid: 'Der Feed ist beschädigt und konnte nicht gelesen werden. Prüfen Sie ihn mit einem Feed-Validator oder informieren Sie, wer ihn veröffentlicht.',
  'no-event-dates': 'Dieser Feed listet Beiträge ohne Veranstaltungsdaten. Verwenden Sie stattdessen den iCalendar-Feed (.ics) des Kalenders.',
  interrupted: 'Die Verbindung brach ab, während der Feed geladen wurde. Hält das an, prüfen Sie den Server des Feeds.',
  offline: 'Keine Netzwerkverbindung: Der Feed war nicht erreichbar.',
  cors: 'Der Server des Feeds erlaubt anderen Websites nicht, ihn zu lesen (keine CORS-Header). Betreiben Sie ein Relay, das den Feed abrufen darf, und tragen Sie es im Attribut proxy der Liste ein:',
  insecure: 'Browser blockieren einen http://-Feed auf einer https://-Seite. Verwenden Sie die https://-Adresse des Feeds oder ein Relay über https.',
  timeout: 'Der Feed hat zu lange nicht geantwortet. Prüfen Sie, ob sein Server läuft, oder erhöhen Sie das Attribut timeout.',
  'too-large':
    'Der Feed ist zu groß, um hier angezeigt zu werden. Erhöhen Sie das Attribut max-bytes oder verwenden Sie einen Feed nur mit kommenden Veranstaltungen.',
  'redirect-loop':
    'Die Adresse des Feeds leitet im Kreis weiter und erreicht den Feed nie. Öffnen Sie die Adresse in src im Browser und korrigieren Sie die Weiterleitungen auf dem Server.',
  'redirect-blocked':
    'Die Adresse des Feeds leitet auf eine Adresse weiter, die Browser nicht laden (file:, data:, javascript: oder ein nicht erreichbarer Server). Verwenden Sie in src die eigene https://-Adresse des Feeds.',
  'not-modified-without-copy':
    'Der Server des Feeds hat auf die Anfrage nach dem ganzen Feed „nicht geändert“ (304) geantwortet. Prüfen Sie die Cache-Einstellungen des Servers (ETag, Last-Modified).',
};
