import type {ErrorStrings} from '../en-errors.js';

/** Finnish: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const fi: ErrorStrings = {
  'not-found': 'Syötettä ei löytynyt tästä osoitteesta (404). Tarkista src-osoite: avaa se selaimessa.',
  'http-status': (status) => `Syötteen palvelin vastasi virheellä (${status}). Jos virhe jatkuu, tarkista src-osoite ja syötteen palvelin.`,
  'not-a-feed': 'Osoitteesta ei saa tapahtumasyötettä. Käytä kalenterin syötteen osoitetta (iCalendar, JSON, RSS, Atom tai JSON-LD).',
  'html-page': 'Osoitteesta saa verkkosivun, ei tapahtumasyötettä. Käytä kalenterin syötteen osoitetta; se päättyy usein .ics, /feed tai .json.',
  empty: 'Syöte on tyhjä. Tarkista, että kalenterissa on julkisia tapahtumia.',
  invalid: 'Syöte on viallinen eikä sitä voitu lukea. Tarkista se syötevalidaattorilla tai kerro asiasta syötteen julkaisijalle.',
  'no-event-dates': 'Tämä syöte listaa kirjoituksia ilman tapahtumapäiviä. Käytä kalenterin iCalendar-syötettä (.ics).',
  interrupted: 'Yhteys katkesi syötteen latautuessa. Jos tämä jatkuu, tarkista syötteen palvelin.',
  offline: 'Ei verkkoyhteyttä: syötteeseen ei saatu yhteyttä.',
  cors: 'Syötteen palvelin ei salli muiden sivustojen lukea sitä (ei CORS-otsakkeita). Käynnistä välityspalvelin (relay), joka saa hakea syötteen, ja aseta se listan proxy-attribuuttiin:',
  insecure: 'Selaimet estävät http://-syötteen https://-sivulla. Käytä syötteen https://-osoitetta tai https-välityspalvelinta.',
  timeout: 'Syöte vastasi liian hitaasti. Tarkista, että sen palvelin toimii, tai kasvata timeout-attribuuttia.',
  'too-large': 'Syöte on liian suuri näytettäväksi tässä. Kasvata max-bytes-attribuuttia tai käytä syötettä, jossa on vain tulevat tapahtumat.',
  'redirect-loop': 'Syötteen osoite ohjaa kehässä eikä koskaan päädy syötteeseen. Avaa src-osoite selaimessa ja korjaa palvelimen uudelleenohjaukset.',
  'redirect-blocked':
    'Syötteen osoite ohjaa osoitteeseen, jota selaimet eivät lataa (file:, data:, javascript: tai palvelin, johon ei saada yhteyttä). Käytä src-attribuutissa syötteen omaa https://-osoitetta.',
  'not-modified-without-copy':
    'Syötteen palvelin vastasi ”ei muuttunut” (304), kun siltä pyydettiin koko syöte. Tarkista palvelimen välimuistiasetukset (ETag, Last-Modified).',
};
