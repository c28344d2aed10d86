import type {ErrorStrings} from '../en-errors.js';

/** Slovak: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const sk: ErrorStrings = {
  'not-found': 'Na tejto adrese kanál nie je (404). Skontrolujte adresu v src: otvorte ju v prehliadači.',
  'http-status': (status) => `Server kanála odpovedal chybou (${status}). Ak to trvá, skontrolujte adresu v src a server kanála.`,
  'not-a-feed': 'Táto adresa nevracia kanál podujatí. Použite adresu kanála kalendára (iCalendar, JSON, RSS, Atom alebo JSON-LD).',
  'html-page': 'Táto adresa vracia webovú stránku, nie kanál podujatí. Použite adresu kanála kalendára, ktorá často končí na .ics, /feed alebo .json.',
  empty: 'Kanál je prázdny. Skontrolujte, či má kalendár verejné podujatia.',
  invalid: 'Kanál je poškodený a nepodarilo sa ho prečítať. Skontrolujte ho validátorom kanálov alebo dajte vedieť tomu, kto ho zverejňuje.',
  'no-event-dates': 'Tento kanál obsahuje príspevky bez dátumov podujatí. Použite namiesto neho kanál iCalendar (.ics) kalendára.',
  interrupted: 'Spojenie sa počas načítavania kanála prerušilo. Ak to trvá, skontrolujte server kanála.',
  offline: 'Žiadne pripojenie k sieti: kanál nebol dostupný.',
  cors: 'Server kanála nedovoľuje iným webom ho čítať (chýbajú hlavičky CORS). Spustite sprostredkujúci server (relay), ktorý smie kanál sťahovať, a uveďte ho v atribúte proxy zoznamu:',
  insecure: 'Prehliadače blokujú kanál http:// na stránke https://. Použite adresu kanála s https:// alebo relay na https.',
  timeout: 'Kanál odpovedal príliš dlho. Skontrolujte, či jeho server beží, alebo zvýšte atribút timeout.',
  'too-large': 'Kanál je príliš veľký na to, aby sa tu dal zobraziť. Zvýšte atribút max-bytes alebo použite kanál len s nadchádzajúcimi podujatiami.',
  'redirect-loop': 'Adresa kanála presmerúva v slučke a ku kanálu sa nikdy nedostane. Otvorte adresu v src v prehliadači a opravte presmerovania na serveri.',
  'redirect-blocked':
    'Adresa kanála presmerúva na adresu, ktorú prehliadače nenačítajú (file:, data:, javascript: alebo nedostupný server). Použite v src vlastnú adresu https:// kanála.',
  'not-modified-without-copy':
    'Server kanála na žiadosť o celý kanál odpovedal „nezmenené“ (304). Skontrolujte nastavenia vyrovnávacej pamäte servera (ETag, Last-Modified).',
};
