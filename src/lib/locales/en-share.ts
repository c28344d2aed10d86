/**
 * The share actions' strings in English (subscribe, print a poster, copy the events as text):
 * bundled with their on-demand code (controllers/share-actions.ts), not with the first load, as
 * most lists never show them. The other languages have theirs in share/<language>.ts, each a chunk
 * loaded with the menu; a language without one, or a key it lacks, reads English, key by key
 * (`shareStrings` in share-actions.ts). Counts are tables of plural forms with `#`, as in en.ts.
 */
import type {PluralForms} from './en.js';

export const enShare = {
  // The three controls (`controls="subscribe print copy"`).
  subscribe: 'Subscribe',
  print: 'Print',
  copy: 'Copy',
  // The subscribe menu: what the calendar app will follow.
  followView: 'Follow this view in your calendar app:',
  // When the visitor's filters cannot be said to the relay, the page's calendar is offered instead.
  followCalendar: 'Follow this calendar in your calendar app:',
  calendarApp: 'Calendar app',
  googleCalendar: 'Google Calendar',
  outlook: 'Outlook.com',
  rss: 'RSS feed',
  download: {one: 'Download this event (.ics)', other: 'Download these # events (.ics)'} as PluralForms,
  // Said when only the download can be offered (no relay, and the source is not iCalendar).
  downloadOnly: 'This calendar cannot be followed from here; its events can be downloaded.',
  // The print menu.
  posterA4: 'Poster (A4)',
  posterA3: 'Poster (A3)',
  // On the poster, beside the calendar page's QR code.
  posterAllEvents: 'All events',
  // The copy menu.
  copyText: 'Plain text',
  copyMarkdown: 'Markdown',
  copyHtml: 'E-mail (HTML)',
  copyMastodon: 'Mastodon post',
  copyMastodonPart: (n: number, of: number) => `Mastodon post ${n} of ${of}`,
  copied: 'Copied.',
  copyFailed: 'The browser did not allow copying.',
  // Before the calendar page's link in copied text.
  allEvents: 'All events:',
};

export type ShareStrings = typeof enShare;
