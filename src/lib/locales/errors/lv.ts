import type {ErrorStrings} from '../en-errors.js';

/** Latvian: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const lv: ErrorStrings = {
  'not-found': 'Šajā adresē plūsma netika atrasta (404). Pārbaudiet src adresi: atveriet to pārlūkā.',
  'http-status': (status) => `Plūsmas serveris atbildēja ar kļūdu (${status}). Ja tas turpinās, pārbaudiet src adresi un plūsmas serveri.`,
  'not-a-feed': 'Šī adrese nedod pasākumu plūsmu. Izmantojiet kalendāra plūsmas adresi (iCalendar, JSON, RSS, Atom vai JSON-LD).',
  'html-page': 'Šī adrese dod tīmekļa lapu, nevis pasākumu plūsmu. Izmantojiet kalendāra plūsmas adresi, kas bieži beidzas ar .ics, /feed vai .json.',
  empty: 'Plūsma ir tukša. Pārbaudiet, vai kalendārā ir publiski pasākumi.',
  invalid: 'Plūsma ir bojāta, un to neizdevās nolasīt. Pārbaudiet to ar plūsmu validatoru vai ziņojiet tās publicētājam.',
  'no-event-dates': 'Šajā plūsmā ir ieraksti bez pasākumu datumiem. Tās vietā izmantojiet kalendāra iCalendar (.ics) plūsmu.',
  interrupted: 'Savienojums pārtrūka, kamēr ielādēja plūsmu. Ja tas turpinās, pārbaudiet plūsmas serveri.',
  offline: 'Nav tīkla savienojuma: plūsma nebija sasniedzama.',
  cors: 'Plūsmas serveris neļauj citām vietnēm to lasīt (nav CORS galveņu). Palaidiet starpniekserveri (relay), kam atļauts iegūt plūsmu, un norādiet to saraksta atribūtā proxy:',
  insecure: 'Pārlūki bloķē http:// plūsmu https:// lapā. Izmantojiet plūsmas https:// adresi vai starpniekserveri ar https.',
  timeout: 'Plūsma atbildēja pārāk ilgi. Pārbaudiet, vai tās serveris darbojas, vai palieliniet atribūtu timeout.',
  'too-large': 'Plūsma ir par lielu, lai to šeit parādītu. Palieliniet atribūtu max-bytes vai izmantojiet plūsmu tikai ar gaidāmajiem pasākumiem.',
  'redirect-loop': 'Plūsmas adrese pāradresē pa apli un nekad nenonāk līdz plūsmai. Atveriet src adresi pārlūkā un izlabojiet pāradresācijas serverī.',
  'redirect-blocked':
    'Plūsmas adrese pāradresē uz adresi, ko pārlūki neielādē (file:, data:, javascript: vai nesasniedzams serveris). Norādiet src plūsmas pašas https:// adresi.',
  'not-modified-without-copy':
    'Plūsmas serveris uz pieprasījumu pēc visas plūsmas atbildēja “nav mainīts” (304). Pārbaudiet servera kešatmiņas iestatījumus (ETag, Last-Modified).',
};
