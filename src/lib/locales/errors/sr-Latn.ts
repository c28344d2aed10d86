import type {ErrorStrings} from '../en-errors.js';

/** Serbian in Latin script: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const srLatn: ErrorStrings = {
  'not-found': 'Fid nije pronađen na ovoj adresi (404). Proverite adresu u src: otvorite je u pregledaču.',
  'http-status': (status) => `Server fida je odgovorio greškom (${status}). Ako se nastavi, proverite adresu u src i server fida.`,
  'not-a-feed': 'Ova adresa ne daje fid događaja. Koristite adresu fida kalendara (iCalendar, JSON, RSS, Atom ili JSON-LD).',
  'html-page': 'Ova adresa daje veb-stranicu, a ne fid događaja. Koristite adresu fida kalendara, koja često završava sa .ics, /feed ili .json.',
  empty: 'Fid je prazan. Proverite da li kalendar ima javnih događaja.',
  invalid: 'Fid je oštećen i nije mogao da se pročita. Proverite ga validatorom fidova ili obavestite onoga ko ga objavljuje.',
  'no-event-dates': 'Ovaj fid navodi objave bez datuma događaja. Umesto njega koristite iCalendar (.ics) fid kalendara.',
  interrupted: 'Veza je prekinuta tokom učitavanja fida. Ako se nastavi, proverite server fida.',
  offline: 'Nema mrežne veze: fid nije dostupan.',
  cors: 'Server fida ne dozvoljava drugim sajtovima da ga čitaju (nema CORS zaglavlja). Pokrenite relej (relay) koji sme da preuzima fid i upišite ga u atribut proxy liste:',
  insecure: 'Pregledači blokiraju http:// fid na https:// stranici. Koristite https:// adresu fida ili relej na https.',
  timeout: 'Fid je predugo odgovarao. Proverite da li njegov server radi ili povećajte atribut timeout.',
  'too-large': 'Fid je prevelik da bi se ovde prikazao. Povećajte atribut max-bytes ili koristite fid samo sa predstojećim događajima.',
  'redirect-loop': 'Adresa fida preusmerava u krug i nikad ne stiže do fida. Otvorite adresu u src u pregledaču i ispravite preusmeravanja na serveru.',
  'redirect-blocked':
    'Adresa fida preusmerava na adresu koju pregledači ne učitavaju (file:, data:, javascript: ili nedostupan server). U src koristite sopstvenu https:// adresu fida.',
  'not-modified-without-copy': 'Server fida je na zahtev za ceo fid odgovorio „nije izmenjeno” (304). Proverite podešavanja keša na serveru (ETag, Last-Modified).',
};
