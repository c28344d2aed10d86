import type {ErrorStrings} from '../en-errors.js';

/** Bosnian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const bs: ErrorStrings = {
  'not-found': 'Feed nije pronađen na ovoj adresi (404). Provjerite adresu u src: otvorite je u pregledniku.',
  'http-status': (status) => `Server feeda je odgovorio greškom (${status}). Ako se nastavi, provjerite adresu u src i server feeda.`,
  'not-a-feed': 'Ova adresa ne daje feed događaja. Koristite adresu feeda kalendara (iCalendar, JSON, RSS, Atom ili JSON-LD).',
  'html-page': 'Ova adresa daje web-stranicu, a ne feed događaja. Koristite adresu feeda kalendara, koja često završava sa .ics, /feed ili .json.',
  empty: 'Feed je prazan. Provjerite ima li kalendar javnih događaja.',
  invalid: 'Feed je oštećen i nije se mogao pročitati. Provjerite ga validatorom feedova ili obavijestite onoga ko ga objavljuje.',
  'no-event-dates': 'Ovaj feed navodi objave bez datuma događaja. Umjesto njega koristite iCalendar (.ics) feed kalendara.',
  interrupted: 'Veza je prekinuta tokom učitavanja feeda. Ako se nastavi, provjerite server feeda.',
  offline: 'Nema mrežne veze: feed nije dostupan.',
  cors: 'Server feeda ne dozvoljava drugim stranicama da ga čitaju (nema CORS zaglavlja). Pokrenite relej (relay) koji smije preuzimati feed i upišite ga u atribut proxy liste:',
  insecure: 'Preglednici blokiraju http:// feed na https:// stranici. Koristite https:// adresu feeda ili relej na https.',
  timeout: 'Feed je predugo odgovarao. Provjerite radi li njegov server ili povećajte atribut timeout.',
  'too-large': 'Feed je prevelik da bi se ovdje prikazao. Povećajte atribut max-bytes ili koristite feed samo s predstojećim događajima.',
  'redirect-loop': 'Adresa feeda preusmjerava u krug i nikad ne stiže do feeda. Otvorite adresu u src u pregledniku i ispravite preusmjeravanja na serveru.',
  'redirect-blocked':
    'Adresa feeda preusmjerava na adresu koju preglednici ne učitavaju (file:, data:, javascript: ili nedostupan server). U src upotrijebite vlastitu https:// adresu feeda.',
  'not-modified-without-copy':
    'Server feeda je na zahtjev za cijeli feed odgovorio „nije promijenjeno” (304). Provjerite postavke keša na serveru (ETag, Last-Modified).',
};
