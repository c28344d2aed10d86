import type {ErrorStrings} from '../en-errors.js';

/** Polish: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const pl: ErrorStrings = {
  'not-found': 'Pod tym adresem nie ma kanału (404). Sprawdź adres w src: otwórz go w przeglądarce.',
  'http-status': (status) => `Serwer kanału odpowiedział błędem (${status}). Jeśli to się powtarza, sprawdź adres w src i serwer kanału.`,
  'not-a-feed': 'Pod tym adresem nie ma kanału wydarzeń. Użyj adresu kanału kalendarza (iCalendar, JSON, RSS, Atom lub JSON-LD).',
  'html-page': 'Pod tym adresem jest strona internetowa, a nie kanał wydarzeń. Użyj adresu kanału kalendarza, który często kończy się na .ics, /feed lub .json.',
  empty: 'Kanał jest pusty. Sprawdź, czy kalendarz ma publiczne wydarzenia.',
  invalid: 'Kanał jest uszkodzony i nie dało się go odczytać. Sprawdź go walidatorem kanałów albo powiadom osobę, która go publikuje.',
  'no-event-dates': 'Ten kanał zawiera wpisy bez dat wydarzeń. Użyj zamiast niego kanału iCalendar (.ics) kalendarza.',
  interrupted: 'Połączenie zostało przerwane podczas wczytywania kanału. Jeśli to się powtarza, sprawdź serwer kanału.',
  offline: 'Brak połączenia z siecią: nie udało się połączyć z kanałem.',
  cors: 'Serwer kanału nie pozwala innym stronom go odczytywać (brak nagłówków CORS). Uruchom przekaźnik (relay), który może pobierać ten kanał, i wpisz go w atrybucie proxy listy:',
  insecure: 'Przeglądarki blokują kanał http:// na stronie https://. Użyj adresu https:// kanału albo przekaźnika działającego przez https.',
  timeout: 'Kanał zbyt długo nie odpowiadał. Sprawdź, czy jego serwer działa, albo zwiększ atrybut timeout.',
  'too-large': 'Kanał jest zbyt duży, by go tu pokazać. Zwiększ atrybut max-bytes albo użyj kanału tylko z nadchodzącymi wydarzeniami.',
  'redirect-loop': 'Adres kanału przekierowuje w pętli i nigdy nie dociera do kanału. Otwórz adres z src w przeglądarce i popraw przekierowania na serwerze.',
  'redirect-blocked':
    'Adres kanału przekierowuje na adres, którego przeglądarki nie wczytują (file:, data:, javascript: lub nieosiągalny serwer). Użyj w src własnego adresu https:// kanału.',
  'not-modified-without-copy':
    'Serwer kanału odpowiedział „nie zmieniono” (304) na prośbę o cały kanał. Sprawdź ustawienia pamięci podręcznej serwera (ETag, Last-Modified).',
};
