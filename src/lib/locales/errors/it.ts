import type {ErrorStrings} from '../en-errors.js';

/** Italian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const it: ErrorStrings = {
  'not-found': 'Il feed non è stato trovato a questo indirizzo (404). Controlla l’indirizzo in src: aprilo in un browser.',
  'http-status': (status) => `Il server del feed ha risposto con un errore (${status}). Se persiste, controlla l’indirizzo in src e il server del feed.`,
  'not-a-feed': 'L’indirizzo non fornisce un feed di eventi. Usa l’indirizzo del feed del calendario (iCalendar, JSON, RSS, Atom o JSON-LD).',
  'html-page': 'L’indirizzo fornisce una pagina web, non un feed di eventi. Usa l’indirizzo del feed del calendario, che spesso finisce con .ics, /feed o .json.',
  empty: 'Il feed è vuoto. Controlla che il calendario abbia eventi pubblici.',
  invalid: 'Il feed è danneggiato e non è stato possibile leggerlo. Controllalo con un validatore di feed o avvisa chi lo pubblica.',
  'no-event-dates': 'Questo feed elenca articoli senza date di eventi. Usa invece il feed iCalendar (.ics) del calendario.',
  interrupted: 'La connessione si è interrotta durante il caricamento del feed. Se persiste, controlla il server del feed.',
  offline: 'Nessuna connessione di rete: il feed non è raggiungibile.',
  cors: 'Il server del feed non consente ad altri siti di leggerlo (nessuna intestazione CORS). Avvia un relay autorizzato a scaricare il feed e indicalo nell’attributo proxy della lista:',
  insecure: 'I browser bloccano un feed http:// in una pagina https://. Usa l’indirizzo https:// del feed o un relay in https.',
  timeout: 'Il feed ha impiegato troppo tempo a rispondere. Controlla che il suo server sia attivo o aumenta l’attributo timeout.',
  'too-large': 'Il feed è troppo grande per essere mostrato qui. Aumenta l’attributo max-bytes o usa un feed con i soli eventi futuri.',
  'redirect-loop':
    'L’indirizzo del feed reindirizza in un ciclo e non arriva mai al feed. Apri l’indirizzo in src in un browser e correggi i reindirizzamenti sul suo server.',
  'redirect-blocked':
    'L’indirizzo del feed reindirizza a un indirizzo che i browser non caricano (file:, data:, javascript: o un server irraggiungibile). Usa in src l’indirizzo https:// del feed stesso.',
  'not-modified-without-copy':
    'Il server del feed ha risposto «non modificato» (304) alla richiesta dell’intero feed. Controlla le impostazioni di cache del server (ETag, Last-Modified).',
};
