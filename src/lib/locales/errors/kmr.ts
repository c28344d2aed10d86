import type {ErrorStrings} from '../en-errors.js';

/** Northern Kurdish (Kurmanji, Latin script): the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const kmr: ErrorStrings = {
  'not-found': 'Feed li vê navnîşanê nehat dîtin (404). Navnîşana src kontrol bike: wê di gerokê de veke.',
  'http-status': (status) => `Serverê feedê bi çewtiyekê bersiv da (${status}). Eger berdewam bike, navnîşana src û serverê feedê kontrol bike.`,
  'not-a-feed': 'Ev navnîşan feedeke bûyeran nade. Navnîşana feeda salnameyê bi kar bîne (iCalendar, JSON, RSS, Atom an JSON-LD).',
  'html-page': 'Ev navnîşan rûpeleke webê dide, ne feedeke bûyeran. Navnîşana feeda salnameyê bi kar bîne; pir caran bi .ics, /feed an .json diqede.',
  empty: 'Feed vala ye. Kontrol bike ka di salnameyê de bûyerên giştî hene.',
  invalid: 'Feed xera ye û nehat xwendin. Bi pejirînerê feedan kontrol bike, an jî ji weşanerê wê re bibêje.',
  'no-event-dates': 'Ev feed nivîsên bê dîroka bûyerê lîste dike. Li şûna wê feeda iCalendar (.ics) ya salnameyê bi kar bîne.',
  interrupted: 'Girêdan dema barkirina feedê qut bû. Eger berdewam bike, serverê feedê kontrol bike.',
  offline: 'Girêdana torê tune: negihîşt feedê.',
  cors: 'Serverê feedê destûrê nade ku malperên din wê bixwînin (sernivîsên CORS tune ne). Relayekê ku destûra wî heye feedê bîne bixebitîne, û wê di taybetmendiya proxy ya lîsteyê de binivîse:',
  insecure: 'Gerok feedeke http:// li ser rûpeleke https:// asteng dikin. Navnîşana https:// ya feedê an relayekê li ser https bi kar bîne.',
  timeout: 'Feedê pir dereng bersiv da. Kontrol bike ka serverê wê dixebite, an taybetmendiya timeout zêde bike.',
  'too-large': 'Feed ji bo li vir nîşandanê pir mezin e. Taybetmendiya max-bytes zêde bike, an feedeke tenê bi bûyerên pêşeroj bi kar bîne.',
  'redirect-loop': 'Navnîşana feedê di xelekekê de vedigerîne û qet nagihîje feedê. Navnîşana src di gerokê de veke û vegerandinên li ser serverê rast bike.',
  'redirect-blocked':
    'Navnîşana feedê vedigerîne navnîşanek ku gerok bar nakin (file:, data:, javascript: an serverek ku nayê gihîştin). Di src de navnîşana https:// ya feedê bi xwe bi kar bîne.',
  'not-modified-without-copy':
    'Serverê feedê dema ku hemû feed hat xwestin bersiva “nehatiye guhertin” (304) da. Mîhengên cacheyê yên serverê kontrol bike (ETag, Last-Modified).',
};
