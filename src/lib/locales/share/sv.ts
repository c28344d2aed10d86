import type {ShareStrings} from '../en-share.js';

/** Swedish: the share actions' strings (subscribe, poster, copy), loaded with their menu. */
export const sv: ShareStrings = {
  subscribe: 'Prenumerera',
  print: 'Skriv ut',
  copy: 'Kopiera',
  followView: 'Följ den här vyn i din kalenderapp:',
  followCalendar: 'Följ den här kalendern i din kalenderapp:',
  calendarApp: 'Kalenderapp',
  googleCalendar: 'Google Kalender',
  outlook: 'Outlook.com',
  rss: 'RSS-flöde',
  download: {one: 'Ladda ner evenemanget (.ics)', other: 'Ladda ner de # evenemangen (.ics)'},
  downloadOnly: 'Kalendern kan inte följas härifrån; dess evenemang kan laddas ner.',
  posterA4: 'Affisch (A4)',
  posterA3: 'Affisch (A3)',
  posterAllEvents: 'Alla evenemang',
  copyText: 'Ren text',
  copyMarkdown: 'Markdown',
  copyHtml: 'E-post (HTML)',
  copyMastodon: 'Mastodon-inlägg',
  copyMastodonPart: (n, of) => `Mastodon-inlägg ${n} av ${of}`,
  copied: 'Kopierat.',
  copyFailed: 'Webbläsaren tillät inte kopiering.',
  allEvents: 'Alla evenemang:',
};
