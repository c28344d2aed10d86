import type {ErrorStrings} from '../en-errors.js';

/** Albanian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const sq: ErrorStrings = {
  'not-found': 'Burimi nuk u gjet në këtë adresë (404). Kontrolloni adresën në src: hapeni në shfletues.',
  'http-status': (status) => `Serveri i burimit u përgjigj me gabim (${status}). Nëse vazhdon, kontrolloni adresën në src dhe serverin e burimit.`,
  'not-a-feed': 'Kjo adresë nuk jep një burim ngjarjesh. Përdorni adresën e burimit të kalendarit (iCalendar, JSON, RSS, Atom ose JSON-LD).',
  'html-page': 'Kjo adresë jep një faqe interneti, jo një burim ngjarjesh. Përdorni adresën e burimit të kalendarit, që shpesh mbaron me .ics, /feed ose .json.',
  empty: 'Burimi është bosh. Kontrolloni që kalendari të ketë ngjarje publike.',
  invalid: 'Burimi është i dëmtuar dhe nuk u lexua dot. Kontrollojeni me një vlerësues burimesh ose njoftoni atë që e publikon.',
  'no-event-dates': 'Ky burim rendit postime pa data ngjarjesh. Përdorni në vend të tij burimin iCalendar (.ics) të kalendarit.',
  interrupted: 'Lidhja u ndërpre gjatë ngarkimit të burimit. Nëse vazhdon, kontrolloni serverin e burimit.',
  offline: 'Nuk ka lidhje me rrjetin: burimi nuk u arrit.',
  cors: 'Serveri i burimit nuk lejon sajte të tjerë ta lexojnë (pa kryet CORS). Nisni një ndërmjetës (relay) që lejohet ta marrë burimin dhe vendoseni te atributi proxy i listës:',
  insecure: 'Shfletuesit bllokojnë një burim http:// në një faqe https://. Përdorni adresën https:// të burimit ose një ndërmjetës në https.',
  timeout: 'Burimi u vonua shumë të përgjigjej. Kontrolloni që serveri i tij punon ose rritni atributin timeout.',
  'too-large': 'Burimi është shumë i madh për t’u shfaqur këtu. Rritni atributin max-bytes ose përdorni një burim vetëm me ngjarjet e ardhshme.',
  'redirect-loop': 'Adresa e burimit ridrejton në një lak dhe nuk arrin kurrë te burimi. Hapeni adresën në src në shfletues dhe ndreqni ridrejtimet në server.',
  'redirect-blocked':
    'Adresa e burimit ridrejton te një adresë që shfletuesit nuk e ngarkojnë (file:, data:, javascript: ose një server i paarritshëm). Përdorni në src adresën https:// të vetë burimit.',
  'not-modified-without-copy':
    'Serveri i burimit u përgjigj “i pandryshuar” (304) kur iu kërkua i gjithë burimi. Kontrolloni cilësimet e memories së përkohshme të serverit (ETag, Last-Modified).',
};
