import type {ErrorStrings} from '../en-errors.js';

/** Romanian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const ro: ErrorStrings = {
  'not-found': 'Fluxul nu a fost găsit la această adresă (404). Verificați adresa din src: deschideți-o într-un browser.',
  'http-status': (status) => `Serverul fluxului a răspuns cu o eroare (${status}). Dacă persistă, verificați adresa din src și serverul fluxului.`,
  'not-a-feed': 'Adresa nu oferă un flux de evenimente. Folosiți adresa fluxului calendarului (iCalendar, JSON, RSS, Atom sau JSON-LD).',
  'html-page': 'Adresa oferă o pagină web, nu un flux de evenimente. Folosiți adresa fluxului calendarului, care se termină adesea în .ics, /feed sau .json.',
  empty: 'Fluxul este gol. Verificați dacă, în calendar, există evenimente publice.',
  invalid: 'Fluxul este deteriorat și nu a putut fi citit. Verificați-l cu un validator de fluxuri sau anunțați-l pe cel care îl publică.',
  'no-event-dates': 'Acest flux conține articole fără date de eveniment. Folosiți în schimb fluxul iCalendar (.ics) al calendarului.',
  interrupted: 'Conexiunea s-a întrerupt în timp ce se încărca fluxul. Dacă persistă, verificați serverul fluxului.',
  offline: 'Nu există conexiune la rețea: fluxul nu a putut fi accesat.',
  cors: 'Serverul fluxului nu permite altor site-uri să îl citească (lipsesc anteturile CORS). Porniți un releu (relay) care are voie să preia fluxul și treceți-l în atributul proxy al listei:',
  insecure: 'Browserele blochează un flux http:// pe o pagină https://. Folosiți adresa https:// a fluxului sau un releu pe https.',
  timeout: 'Fluxul a răspuns prea greu. Verificați dacă serverul lui funcționează sau măriți atributul timeout.',
  'too-large': 'Fluxul este prea mare pentru a fi afișat aici. Măriți atributul max-bytes sau folosiți un flux doar cu evenimentele viitoare.',
  'redirect-loop':
    'Adresa fluxului redirecționează în buclă și nu ajunge niciodată la flux. Deschideți adresa din src într-un browser și corectați redirecționările de pe server.',
  'redirect-blocked':
    'Adresa fluxului redirecționează spre o adresă pe care browserele nu o încarcă (file:, data:, javascript: sau un server inaccesibil). Folosiți în src adresa https:// proprie a fluxului.',
  'not-modified-without-copy':
    'Serverul fluxului a răspuns „nemodificat” (304) la o cerere pentru întregul flux. Verificați setările de cache ale serverului (ETag, Last-Modified).',
};
