import type {ErrorStrings} from '../en-errors.js';

/** Icelandic: the site owner's error table (what went wrong and how to fix it), loaded with the error details. */
export const is: ErrorStrings = {
  'not-found': 'Straumurinn fannst ekki á þessu vistfangi (404). Athugaðu vistfangið í src: opnaðu það í vafra.',
  'http-status': (status) => `Þjónn straumsins svaraði með villu (${status}). Ef það heldur áfram skaltu athuga vistfangið í src og þjón straumsins.`,
  'not-a-feed': 'Vistfangið gefur ekki viðburðastraum. Notaðu vistfang straums dagatalsins (iCalendar, JSON, RSS, Atom eða JSON-LD).',
  'html-page': 'Vistfangið gefur vefsíðu, ekki viðburðastraum. Notaðu vistfang straums dagatalsins, sem endar oft á .ics, /feed eða .json.',
  empty: 'Straumurinn er tómur. Athugaðu hvort dagatalið hafi opinbera viðburði.',
  invalid: 'Straumurinn er skemmdur og ekki tókst að lesa hann. Athugaðu hann með straumprófara eða láttu útgefanda hans vita.',
  'no-event-dates': 'Þessi straumur sýnir færslur án dagsetninga viðburða. Notaðu frekar iCalendar-straum (.ics) dagatalsins.',
  interrupted: 'Tengingin rofnaði meðan straumurinn hlóðst. Ef það heldur áfram skaltu athuga þjón straumsins.',
  offline: 'Engin nettenging: ekki náðist í strauminn.',
  cors: 'Þjónn straumsins leyfir ekki öðrum vefjum að lesa hann (engir CORS-hausar). Keyrðu milliþjón (relay) sem má sækja strauminn og settu hann í proxy-eigind listans:',
  insecure: 'Vafrar loka á http://-straum á https://-síðu. Notaðu https://-vistfang straumsins, eða milliþjón á https.',
  timeout: 'Straumurinn var of lengi að svara. Athugaðu hvort þjónn hans sé uppi, eða hækkaðu eigindina timeout.',
  'too-large': 'Straumurinn er of stór til að sýna hér. Hækkaðu eigindina max-bytes, eða notaðu straum með aðeins væntanlegum viðburðum.',
  'redirect-loop': 'Vistfang straumsins vísar áfram í hring og kemst aldrei að straumnum. Opnaðu vistfangið í src í vafra og lagaðu áframvísanirnar á þjóninum.',
  'redirect-blocked':
    'Vistfang straumsins vísar áfram á vistfang sem vafrar sækja ekki (file:, data:, javascript: eða þjónn sem næst ekki í). Notaðu eigið https://-vistfang straumsins í src.',
  'not-modified-without-copy':
    'Þjónn straumsins svaraði „óbreytt“ (304) þegar beðið var um allan strauminn. Athugaðu skyndiminnisstillingar þjónsins (ETag, Last-Modified).',
};
