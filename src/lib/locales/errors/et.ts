import type {ErrorStrings} from '../en-errors.js';

/** Estonian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const et: ErrorStrings = {
  'not-found': 'Sellel aadressil voogu ei leitud (404). Kontrollige src-aadressi: avage see brauseris.',
  'http-status': (status) => `Voo server vastas veaga (${status}). Kui see kestab, kontrollige src-aadressi ja voo serverit.`,
  'not-a-feed': 'See aadress ei anna sündmuste voogu. Kasutage kalendri voo aadressi (iCalendar, JSON, RSS, Atom või JSON-LD).',
  'html-page': 'See aadress annab veebilehe, mitte sündmuste voo. Kasutage kalendri voo aadressi, mis lõpeb sageli .ics, /feed või .json.',
  empty: 'Voog on tühi. Kontrollige, kas kalendris on avalikke sündmusi.',
  invalid: 'Voog on rikutud ja seda ei õnnestunud lugeda. Kontrollige seda voo valideerijaga või andke teada selle avaldajale.',
  'no-event-dates': 'See voog loetleb postitusi ilma sündmuste kuupäevadeta. Kasutage selle asemel kalendri iCalendari (.ics) voogu.',
  interrupted: 'Ühendus katkes voo laadimise ajal. Kui see kestab, kontrollige voo serverit.',
  offline: 'Võrguühendus puudub: voogu ei õnnestunud kätte saada.',
  cors: 'Voo server ei luba teistel saitidel seda lugeda (CORS-päised puuduvad). Käivitage vahendaja (relay), kellel on lubatud voogu tuua, ja märkige see loendi proxy-atribuuti:',
  insecure: 'Brauserid blokeerivad http://-voo https://-lehel. Kasutage voo https://-aadressi või https-i kaudu töötavat vahendajat.',
  timeout: 'Voog vastas liiga kaua. Kontrollige, kas selle server töötab, või suurendage atribuuti timeout.',
  'too-large': 'Voog on siin näitamiseks liiga suur. Suurendage atribuuti max-bytes või kasutage ainult tulevaste sündmustega voogu.',
  'redirect-loop': 'Voo aadress suunab ringiratast ümber ega jõua kunagi vooni. Avage src-aadress brauseris ja parandage serveri ümbersuunamised.',
  'redirect-blocked':
    'Voo aadress suunab aadressile, mida brauserid ei laadi (file:, data:, javascript: või kättesaamatu server). Kasutage src-s voo enda https://-aadressi.',
  'not-modified-without-copy': 'Voo server vastas kogu voo päringule „muutmata” (304). Kontrollige serveri vahemälu seadeid (ETag, Last-Modified).',
};
