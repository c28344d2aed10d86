import type {ErrorStrings} from '../en-errors.js';

/** Lithuanian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const lt: ErrorStrings = {
  'not-found': 'Šiuo adresu sklaidos kanalas nerastas (404). Patikrinkite src adresą: atidarykite jį naršyklėje.',
  'http-status': (status) => `Sklaidos kanalo serveris atsakė klaida (${status}). Jei tai kartojasi, patikrinkite src adresą ir sklaidos kanalo serverį.`,
  'not-a-feed': 'Šis adresas nepateikia renginių sklaidos kanalo. Naudokite kalendoriaus sklaidos kanalo adresą (iCalendar, JSON, RSS, Atom arba JSON-LD).',
  'html-page':
    'Šis adresas pateikia tinklalapį, o ne renginių sklaidos kanalą. Naudokite kalendoriaus sklaidos kanalo adresą, kuris dažnai baigiasi .ics, /feed arba .json.',
  empty: 'Sklaidos kanalas tuščias. Patikrinkite, ar kalendoriuje yra viešų renginių.',
  invalid: 'Sklaidos kanalas sugadintas ir jo nepavyko perskaityti. Patikrinkite jį sklaidos kanalų tikrinimo įrankiu arba praneškite jį skelbiančiam asmeniui.',
  'no-event-dates': 'Šiame sklaidos kanale yra įrašų be renginių datų. Vietoj jo naudokite kalendoriaus iCalendar (.ics) sklaidos kanalą.',
  interrupted: 'Įkeliant sklaidos kanalą nutrūko ryšys. Jei tai kartojasi, patikrinkite sklaidos kanalo serverį.',
  offline: 'Nėra tinklo ryšio: sklaidos kanalo pasiekti nepavyko.',
  cors: 'Sklaidos kanalo serveris neleidžia kitoms svetainėms jo skaityti (nėra CORS antraščių). Paleiskite tarpinį serverį (relay), kuriam leidžiama gauti sklaidos kanalą, ir nurodykite jį sąrašo atribute proxy:',
  insecure: 'Naršyklės blokuoja http:// sklaidos kanalą https:// puslapyje. Naudokite sklaidos kanalo https:// adresą arba tarpinį serverį per https.',
  timeout: 'Sklaidos kanalas per ilgai neatsakė. Patikrinkite, ar veikia jo serveris, arba padidinkite atributą timeout.',
  'too-large': 'Sklaidos kanalas per didelis, kad būtų parodytas čia. Padidinkite atributą max-bytes arba naudokite sklaidos kanalą tik su artėjančiais renginiais.',
  'redirect-loop':
    'Sklaidos kanalo adresas peradresuoja ratu ir niekada nepasiekia kanalo. Atidarykite src adresą naršyklėje ir pataisykite peradresavimus serveryje.',
  'redirect-blocked':
    'Sklaidos kanalo adresas peradresuoja į adresą, kurio naršyklės neįkelia (file:, data:, javascript: arba nepasiekiamas serveris). Nurodykite src paties kanalo https:// adresą.',
  'not-modified-without-copy':
    'Sklaidos kanalo serveris į užklausą dėl viso kanalo atsakė „nepakeista“ (304). Patikrinkite serverio talpyklos nustatymus (ETag, Last-Modified).',
};
