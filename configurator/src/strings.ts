/**
 * The configurator's own words, in Swedish and English. The widget's strings live in the widget;
 * these are about setting it up. Each entry is plain text (Lit renders it as text).
 */
import type {Finding} from './check.js';
import type {FeedErrorCode} from '../../src/lib/events/model.js';

export const UI_LANGUAGES = ['sv', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Swedish for a Swedish (or Norwegian/Danish) browser, English for everyone else. */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sv') return 'sv';
    if (base === 'en') return 'en';
  }
  return 'en';
}

const en = {
  title: 'Put your events on your site',
  intro:
    'Paste the address of your calendar feed. This page checks it, shows the events as your visitors will see them, and writes the code to paste into your site.',
  switchTo: 'På svenska',
  switchLang: 'sv' as UiLanguage,
  feedLegend: '1. Your feed',
  feedLabel: 'Feed address',
  feedHelp: 'The address of your JSON, RSS, Atom or iCalendar feed, e.g. https://www.gnistor.se/feed.json',
  check: 'Check feed',
  checking: 'Checking the feed…',
  badAddress: 'That is not a web address. It should start with https:// (for example https://www.gnistor.se/feed.json).',
  resultHeading: 'What the check found',
  previewHeading: '2. Preview',
  previewHelp: 'The real widget, with your choices, on the page background you picked.',
  choicesHeading: '3. Your choices',
  filtersLegend: 'Show only events with…',
  filtersHelp: 'Nothing ticked shows every event. Values come from your feed.',
  categories: 'Categories',
  locations: 'Places',
  organizers: 'Organisers',
  noValues: 'The feed has none.',
  moreValues: (n: number) => `Only the ${n} most common are listed.`,
  lookLegend: 'Look',
  view: 'View',
  viewList: 'List',
  viewMonth: 'Month',
  density: 'Density',
  densityComfortable: 'Comfortable',
  densityCompact: 'Compact (one line per event)',
  theme: 'Colours',
  themeInherit: 'Like my page',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeAuto: 'Follow the visitor’s setting',
  accent: 'Accent colour',
  accentDefault: 'Use the widget’s own',
  accentCustom: 'Choose a colour',
  background: 'My page’s background',
  backgroundLight: 'Light',
  backgroundDark: 'Dark',
  contrastOk: (ratio: string) => `Contrast ${ratio}:1 against your page — readable.`,
  contrastLow: (ratio: string) =>
    `Contrast only ${ratio}:1 against your page; text needs at least 4.5:1. Dates and links in this colour will be hard to read for many visitors.`,
  useShade: (colour: string) => `Use ${colour} instead`,
  controlsLegend: 'What visitors can filter',
  controls: {search: 'Search', categories: 'Categories', locations: 'Places', organizers: 'Organisers', dates: 'Dates', view: 'List or month'},
  placeLegend: 'Language and time',
  lang: 'Language',
  langPage: 'My page’s language',
  timeZone: 'Time zone',
  timeZoneHelp: 'Where the events happen, e.g. Europe/Stockholm. Empty: each visitor’s own.',
  timeZoneBad: (zone: string) => `“${zone}” is not a time zone name. Use a name like Europe/Stockholm.`,
  siteLegend: 'Your site',
  widget: 'Address of feedcal.js on your site',
  widgetHelp: 'Where you uploaded the widget’s folder. Filled in with this page’s copy.',
  link: 'Link for visitors without JavaScript',
  linkHelp: 'Shown until the events load, and if the feed fails. Empty: the feed site’s home page.',
  linkText: 'See all events',
  snippetHeading: '4. Paste this into your site',
  html: 'HTML (any site, a WordPress “Custom HTML” block, a Ghost HTML card)',
  wordpress: 'WordPress shortcode (with the feedcal plugin)',
  hugo: 'Hugo shortcode (with the feedcal module)',
  share: 'Link to this page with these choices',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  snippetWaiting: 'Check a feed first.',
  accentWarnSnippet: 'Your accent colour fails the contrast check (see Look).',
  relayHeading: 'Set up a relay',
  relayText:
    'A relay is a small program on your own server that fetches the feed for your visitors. It fetches only the addresses you allow. With Node.js installed, run:',
  relayDocs: 'How to run a relay (nginx, Cloudflare, WordPress)',
  proxy: 'Relay address',
  proxyHelp: 'Where your relay answers, with {url} where the feed address goes, e.g. https://relay.your-site.se/?url={url}',
  proxyBad: 'The relay address must start with https:// and contain {url}.',
  useProxy: 'Try through the relay',
  findings: {
    readable: (relayed: boolean, sameSite: boolean): string =>
      relayed
        ? 'Your site can read it through the relay.'
        : sameSite
          ? 'The feed is on the same site as this page, so whether other sites may read it (CORS) was not tested.'
          : 'Other websites may read it: no relay needed.',
    format: (format: string) => `Format: ${format}.`,
    events: (total: number, upcoming: number) =>
      total === 0 ? 'The feed holds no events.' : `${total} ${total === 1 ? 'event' : 'events'} read, ${upcoming} upcoming.`,
    noneUpcoming: 'Nothing is upcoming: visitors will be offered the past events.',
    skipped: (count: number) => (count === 1 ? '1 item was skipped because it could not be read:' : `${count} items were skipped because they could not be read:`),
    zoneOne: (zone: string) => `The feed’s times are in ${zone}.`,
    zoneOneOther: (zone: string, chosen: string) => `The feed’s times are in ${zone}, but you chose ${chosen}: times will be shown in ${chosen}.`,
    zoneMany: (zones: string) => `The feed uses several time zones: ${zones}.`,
    zoneNone: (chosen: string) =>
      chosen
        ? `The feed names no time zone; times without one are read in ${chosen}.`
        : 'The feed names no time zone: times without one would be read in each visitor’s zone. Choose the zone the events happen in, under Language and time.',
  },
  errors: {
    'not-found': 'There is nothing at this address: the server answered “404 Not found”. Check the address; copy it from the calendar’s “feed” or “subscribe” link.',
    'http-status': (status?: number) => `The server answered with an error (HTTP ${status ?? '?'}). Try again later, or ask whoever runs the calendar.`,
    'not-a-feed': 'This address answers, but not with a calendar feed. feedcal reads JSON, RSS, Atom, iCalendar and JSON-LD.',
    'html-page': 'This is an ordinary web page, not a feed. Look on it for a link called “RSS”, “iCal”, “Subscribe” or “Feed”, and paste that address instead.',
    empty: 'The feed is empty.',
    invalid: 'The feed is broken: its contents could not be read.',
    'no-event-dates': 'The feed has items, but none with a date, so none can be shown as an event.',
    offline: 'No answer from this address. Check that it is right, and that the site is up.',
    interrupted: 'The answer was cut off before it was complete. Try again.',
    cors: 'The feed’s server does not let other websites read it (it sends no CORS header), so your visitors’ browsers would block it too. Ask whoever runs the calendar to allow it, or use a relay on your own site:',
    insecure: 'The address starts with http://, which pages on https:// may not read. Use the feed’s https:// address.',
    timeout: 'The server took too long to answer.',
    'too-large': 'The feed is larger than the 5 MB feedcal reads. Use a feed with fewer events, for example only the upcoming ones.',
    'redirect-loop': 'The address redirects in a loop and never reaches a feed. Open it in a browser and copy the address it ends at, or ask whoever runs the site.',
    'redirect-blocked':
      'The address redirects to an address browsers will not load (file:, data:, javascript: or a server that cannot be reached). Use the feed’s own https:// address.',
    'not-modified-without-copy': 'The server answered “304 Not modified” when asked for the whole feed. Ask whoever runs the calendar to check its cache settings.',
    unknown: 'The feed could not be read.',
  },
};

export type Strings = typeof en;

const sv: Strings = {
  title: 'Visa era evenemang på er webbplats',
  intro:
    'Klistra in adressen till ert kalenderflöde. Sidan kontrollerar det, visar evenemangen som besökarna kommer att se dem och skriver koden ni klistrar in på webbplatsen.',
  switchTo: 'In English',
  switchLang: 'en',
  feedLegend: '1. Ert flöde',
  feedLabel: 'Flödets adress',
  feedHelp: 'Adressen till ert JSON-, RSS-, Atom- eller iCalendar-flöde, t.ex. https://www.gnistor.se/feed.json',
  check: 'Kontrollera flödet',
  checking: 'Kontrollerar flödet…',
  badAddress: 'Det där är ingen webbadress. Den ska börja med https:// (till exempel https://www.gnistor.se/feed.json).',
  resultHeading: 'Vad kontrollen visade',
  previewHeading: '2. Förhandsvisning',
  previewHelp: 'Den riktiga widgeten, med era val, på den sidbakgrund ni valt.',
  choicesHeading: '3. Era val',
  filtersLegend: 'Visa bara evenemang med …',
  filtersHelp: 'Inget ikryssat visar alla evenemang. Värdena kommer från ert flöde.',
  categories: 'Kategorier',
  locations: 'Platser',
  organizers: 'Arrangörer',
  noValues: 'Flödet har inga.',
  moreValues: (n: number) => `Bara de ${n} vanligaste visas.`,
  lookLegend: 'Utseende',
  view: 'Vy',
  viewList: 'Lista',
  viewMonth: 'Månad',
  density: 'Täthet',
  densityComfortable: 'Luftig',
  densityCompact: 'Kompakt (en rad per evenemang)',
  theme: 'Färger',
  themeInherit: 'Som min sida',
  themeLight: 'Ljust',
  themeDark: 'Mörkt',
  themeAuto: 'Följ besökarens inställning',
  accent: 'Accentfärg',
  accentDefault: 'Widgetens egen',
  accentCustom: 'Välj en färg',
  background: 'Min sidas bakgrund',
  backgroundLight: 'Ljus',
  backgroundDark: 'Mörk',
  contrastOk: (ratio: string) => `Kontrast ${ratio}:1 mot er sida — läsbart.`,
  contrastLow: (ratio: string) =>
    `Kontrasten är bara ${ratio}:1 mot er sida; text behöver minst 4,5:1. Datum och länkar i den här färgen blir svåra att läsa för många besökare.`,
  useShade: (colour: string) => `Använd ${colour} i stället`,
  controlsLegend: 'Vad besökarna kan filtrera på',
  controls: {search: 'Sök', categories: 'Kategorier', locations: 'Platser', organizers: 'Arrangörer', dates: 'Datum', view: 'Lista eller månad'},
  placeLegend: 'Språk och tid',
  lang: 'Språk',
  langPage: 'Min sidas språk',
  timeZone: 'Tidszon',
  timeZoneHelp: 'Där evenemangen äger rum, t.ex. Europe/Stockholm. Tomt: varje besökares egen.',
  timeZoneBad: (zone: string) => `”${zone}” är inget tidszonsnamn. Skriv ett namn som Europe/Stockholm.`,
  siteLegend: 'Er webbplats',
  widget: 'Adressen till feedcal.js på er webbplats',
  widgetHelp: 'Där ni laddade upp widgetens mapp. Ifyllt med den här sidans kopia.',
  link: 'Länk för besökare utan JavaScript',
  linkHelp: 'Visas tills evenemangen laddats, och om flödet inte går att läsa. Tomt: flödessajtens startsida.',
  linkText: 'Se alla evenemang',
  snippetHeading: '4. Klistra in det här på er webbplats',
  html: 'HTML (alla webbplatser, ett WordPress-block ”Anpassad HTML”, ett HTML-kort i Ghost)',
  wordpress: 'WordPress-kortkod (med tillägget feedcal)',
  hugo: 'Hugo-kortkod (med modulen feedcal)',
  share: 'Länk till den här sidan med de här valen',
  copy: 'Kopiera',
  copied: 'Kopierat.',
  copyFailed: 'Kunde inte kopiera: markera texten och kopiera den själv.',
  snippetWaiting: 'Kontrollera ett flöde först.',
  accentWarnSnippet: 'Er accentfärg klarar inte kontrastkontrollen (se Utseende).',
  relayHeading: 'Sätt upp en relä',
  relayText:
    'Ett relä är ett litet program på er egen server som hämtar flödet åt besökarna. Det hämtar bara de adresser ni tillåter. Med Node.js installerat kör ni:',
  relayDocs: 'Så kör ni ett relä (nginx, Cloudflare, WordPress)',
  proxy: 'Reläets adress',
  proxyHelp: 'Där ert relä svarar, med {url} där flödets adress ska stå, t.ex. https://relay.er-sajt.se/?url={url}',
  proxyBad: 'Reläets adress ska börja med https:// och innehålla {url}.',
  useProxy: 'Försök via reläet',
  findings: {
    readable: (relayed: boolean, sameSite: boolean): string =>
      relayed
        ? 'Er webbplats kan läsa det via reläet.'
        : sameSite
          ? 'Flödet ligger på samma webbplats som den här sidan, så om andra webbplatser får läsa det (CORS) prövades inte.'
          : 'Andra webbplatser får läsa det: inget relä behövs.',
    format: (format: string) => `Format: ${format}.`,
    events: (total: number, upcoming: number) => (total === 0 ? 'Flödet innehåller inga evenemang.' : `${total} evenemang lästa, ${upcoming} kommande.`),
    noneUpcoming: 'Inget är på gång: besökarna erbjuds de tidigare evenemangen.',
    skipped: (count: number) => `${count} ${count === 1 ? 'post hoppades' : 'poster hoppades'} över eftersom de inte gick att läsa:`,
    zoneOne: (zone: string) => `Flödets tider är i ${zone}.`,
    zoneOneOther: (zone: string, chosen: string) => `Flödets tider är i ${zone}, men ni valde ${chosen}: tiderna visas i ${chosen}.`,
    zoneMany: (zones: string) => `Flödet använder flera tidszoner: ${zones}.`,
    zoneNone: (chosen: string) =>
      chosen
        ? `Flödet anger ingen tidszon; tider utan zon läses i ${chosen}.`
        : 'Flödet anger ingen tidszon: tider utan zon skulle läsas i varje besökares zon. Välj zonen där evenemangen äger rum, under Språk och tid.',
  },
  errors: {
    'not-found':
      'Det finns ingenting på den här adressen: servern svarade ”404 Not found”. Kontrollera adressen; kopiera den från kalenderns länk för ”flöde” eller ”prenumerera”.',
    'http-status': (status?: number) => `Servern svarade med ett fel (HTTP ${status ?? '?'}). Försök igen senare, eller fråga den som sköter kalendern.`,
    'not-a-feed': 'Adressen svarar, men inte med ett kalenderflöde. feedcal läser JSON, RSS, Atom, iCalendar och JSON-LD.',
    'html-page':
      'Det här är en vanlig webbsida, inget flöde. Leta på den efter en länk som heter ”RSS”, ”iCal”, ”Prenumerera” eller ”Flöde” och klistra in den adressen i stället.',
    empty: 'Flödet är tomt.',
    invalid: 'Flödet är trasigt: innehållet gick inte att läsa.',
    'no-event-dates': 'Flödet har poster, men ingen med datum, så inga kan visas som evenemang.',
    offline: 'Inget svar från adressen. Kontrollera att den stämmer och att sajten är uppe.',
    interrupted: 'Svaret bröts innan det var klart. Försök igen.',
    cors: 'Flödets server låter inte andra webbplatser läsa det (den skickar ingen CORS-rubrik), så besökarnas webbläsare skulle också stoppa det. Be den som sköter kalendern att tillåta det, eller använd ett relä på er egen webbplats:',
    insecure: 'Adressen börjar med http://, som sidor på https:// inte får läsa. Använd flödets https://-adress.',
    timeout: 'Servern tog för lång tid på sig att svara.',
    'too-large': 'Flödet är större än de 5 MB feedcal läser. Använd ett flöde med färre evenemang, till exempel bara de kommande.',
    'redirect-loop':
      'Adressen omdirigerar i en slinga och når aldrig något flöde. Öppna den i en webbläsare och kopiera adressen den hamnar på, eller fråga den som sköter sajten.',
    'redirect-blocked':
      'Adressen omdirigerar till en adress som webbläsare inte hämtar (file:, data:, javascript: eller en server som inte går att nå). Använd flödets egen https://-adress.',
    'not-modified-without-copy':
      'Servern svarade ”304 Not modified” på en fråga efter hela flödet. Be den som sköter kalendern att kontrollera dess cacheinställningar.',
    unknown: 'Flödet gick inte att läsa.',
  },
};

export const STRINGS: Record<UiLanguage, Strings> = {en, sv};

/** The sentence for one finding. */
export function findingText(t: Strings, finding: Finding): string {
  switch (finding.kind) {
    case 'readable':
      return t.findings.readable(finding.relayed, finding.sameSite);
    case 'format':
      return t.findings.format(finding.format);
    case 'events':
      return t.findings.events(finding.total, finding.upcoming) + (finding.total && !finding.upcoming ? ` ${t.findings.noneUpcoming}` : '');
    case 'skipped':
      return t.findings.skipped(finding.count);
    case 'zone-one':
      return finding.level === 'warn' ? t.findings.zoneOneOther(finding.zone, finding.chosen) : t.findings.zoneOne(finding.zone);
    case 'zone-many':
      return t.findings.zoneMany(finding.zones.join(', '));
    case 'zone-none':
      return t.findings.zoneNone(finding.chosen);
    case 'failed':
      return errorText(t, finding.code, finding.status);
  }
}

export function errorText(t: Strings, code: FeedErrorCode | 'unknown', status?: number): string {
  const message = t.errors[code];
  return typeof message === 'function' ? message(status) : message;
}
