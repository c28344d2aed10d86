import type {ErrorStrings} from '../en-errors.js';

/** Slovenian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const sl: ErrorStrings = {
  'not-found': 'Vira na tem naslovu ni (404). Preverite naslov v src: odprite ga v brskalniku.',
  'http-status': (status) => `Strežnik vira je odgovoril z napako (${status}). Če se to nadaljuje, preverite naslov v src in strežnik vira.`,
  'not-a-feed': 'Ta naslov ne daje vira dogodkov. Uporabite naslov vira koledarja (iCalendar, JSON, RSS, Atom ali JSON-LD).',
  'html-page': 'Ta naslov daje spletno stran, ne vira dogodkov. Uporabite naslov vira koledarja, ki se pogosto konča z .ics, /feed ali .json.',
  empty: 'Vir je prazen. Preverite, ali ima koledar javne dogodke.',
  invalid: 'Vir je poškodovan in ga ni bilo mogoče prebrati. Preverite ga z validatorjem virov ali obvestite tistega, ki ga objavlja.',
  'no-event-dates': 'Ta vir navaja objave brez datumov dogodkov. Namesto njega uporabite vir iCalendar (.ics) koledarja.',
  interrupted: 'Povezava se je med nalaganjem vira prekinila. Če se to nadaljuje, preverite strežnik vira.',
  offline: 'Ni omrežne povezave: vir ni bil dosegljiv.',
  cors: 'Strežnik vira drugim spletnim mestom ne dovoli, da ga berejo (ni glav CORS). Zaženite posrednik (relay), ki sme pridobivati vir, in ga vpišite v atribut proxy seznama:',
  insecure: 'Brskalniki blokirajo vir http:// na strani https://. Uporabite naslov https:// vira ali posrednik na https.',
  timeout: 'Vir je predolgo odgovarjal. Preverite, ali njegov strežnik deluje, ali povečajte atribut timeout.',
  'too-large': 'Vir je prevelik, da bi ga prikazali tukaj. Povečajte atribut max-bytes ali uporabite vir samo s prihajajočimi dogodki.',
  'redirect-loop': 'Naslov vira preusmerja v zanki in nikoli ne pride do vira. Odprite naslov v src v brskalniku in popravite preusmeritve na strežniku.',
  'redirect-blocked':
    'Naslov vira preusmerja na naslov, ki ga brskalniki ne naložijo (file:, data:, javascript: ali nedosegljiv strežnik). V src uporabite lastni naslov https:// vira.',
  'not-modified-without-copy':
    'Strežnik vira je na zahtevo za celoten vir odgovoril »ni spremenjeno« (304). Preverite nastavitve predpomnilnika strežnika (ETag, Last-Modified).',
};
