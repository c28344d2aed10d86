import type {ErrorStrings} from '../en-errors.js';

/** Croatian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const hr: ErrorStrings = {
  'not-found': 'Feed nije pronađen na ovoj adresi (404). Provjerite adresu u src: otvorite je u pregledniku.',
  'http-status': (status) => `Poslužitelj feeda odgovorio je pogreškom (${status}). Ako se nastavi, provjerite adresu u src i poslužitelj feeda.`,
  'not-a-feed': 'Ova adresa ne daje feed događanja. Upotrijebite adresu feeda kalendara (iCalendar, JSON, RSS, Atom ili JSON-LD).',
  'html-page': 'Ova adresa daje web-stranicu, a ne feed događanja. Upotrijebite adresu feeda kalendara, koja često završava s .ics, /feed ili .json.',
  empty: 'Feed je prazan. Provjerite ima li kalendar javnih događanja.',
  invalid: 'Feed je oštećen i nije se mogao pročitati. Provjerite ga validatorom feedova ili obavijestite onoga tko ga objavljuje.',
  'no-event-dates': 'Ovaj feed navodi objave bez datuma događanja. Umjesto njega upotrijebite iCalendar (.ics) feed kalendara.',
  interrupted: 'Veza je prekinuta tijekom učitavanja feeda. Ako se nastavi, provjerite poslužitelj feeda.',
  offline: 'Nema mrežne veze: feed nije dostupan.',
  cors: 'Poslužitelj feeda ne dopušta drugim stranicama da ga čitaju (nema CORS zaglavlja). Pokrenite relej (relay) koji smije dohvaćati feed i upišite ga u atribut proxy popisa:',
  insecure: 'Preglednici blokiraju http:// feed na https:// stranici. Upotrijebite https:// adresu feeda ili relej na https.',
  timeout: 'Feed je predugo odgovarao. Provjerite radi li njegov poslužitelj ili povećajte atribut timeout.',
  'too-large': 'Feed je prevelik da bi se ovdje prikazao. Povećajte atribut max-bytes ili upotrijebite feed samo s nadolazećim događanjima.',
  'redirect-loop': 'Adresa feeda preusmjerava u krug i nikad ne stiže do feeda. Otvorite adresu u src u pregledniku i ispravite preusmjeravanja na poslužitelju.',
  'redirect-blocked':
    'Adresa feeda preusmjerava na adresu koju preglednici ne učitavaju (file:, data:, javascript: ili nedostupan poslužitelj). U src upotrijebite vlastitu https:// adresu feeda.',
  'not-modified-without-copy':
    'Poslužitelj feeda na zahtjev za cijeli feed odgovorio je „nije promijenjeno” (304). Provjerite postavke predmemorije poslužitelja (ETag, Last-Modified).',
};
