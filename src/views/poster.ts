/**
 * The printed poster: the shown events laid out for a wall or a flyer on A4 or A3, in large type,
 * under the organisation's title (`poster-title`), with a QR code per event (its page) and one for
 * the calendar's page. Loaded, with the QR code maker (lib/share/qr.ts), only when a poster is
 * printed (controllers/share-actions.ts).
 *
 * The poster is a document of its own in a hidden frame, printed from there: the blog's header,
 * menus and other widgets never print with it, and its `@page` size and `@media print` rules are
 * its own. Every piece of feed text is a Lit text binding (never markup), titles and places are
 * `<bdi>`/`dir="auto"` so right-to-left text stays in its place, and long words wrap rather than
 * push the QR codes off the page.
 */
import {html, nothing, render} from 'lit';
import type {CalendarEvent} from '../lib/events/model.js';
import {absoluteHttpUrl} from '../lib/events/normalise.js';
import {formatEventRange} from '../lib/format.js';
import {locationText} from '../lib/ics-export.js';
import {qrShape} from '../lib/share/qr.js';

export type PosterSize = 'a4' | 'a3';

export interface PosterOptions {
  size: PosterSize;
  /** The organisation's title (the list's `poster-title`), else the page's title. */
  title: string;
  /** The calendar's page, for the QR code in the header. */
  pageUrl: string;
  locale: string;
  timeZone: string;
  rtl: boolean;
  now: Date;
  labels: {allEvents: string; cancelled: string; tentative: string};
}

// The sizes scale together from the root's font size: A3 is A4 enlarged by √2.
const posterStyles = (size: PosterSize) => `
@page { size: ${size === 'a3' ? 'A3' : 'A4'} portrait; margin: 12mm; }
html { font: ${size === 'a3' ? 17 : 12}pt/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #000; background: #fff; }
body { margin: 0; }
* { box-sizing: border-box; }
header { display: flex; gap: 1.5rem; align-items: center; justify-content: space-between; border-bottom: 0.3rem solid #000; padding-bottom: 1rem; margin-bottom: 0.5rem; }
h1 { font-size: 3.2rem; line-height: 1.05; margin: 0; overflow-wrap: anywhere; hyphens: auto; min-width: 0; }
figure { margin: 0; text-align: center; flex: none; }
figcaption { font-size: 0.85rem; font-weight: 600; margin-top: 0.25rem; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 1.5rem; align-items: center; justify-content: space-between; padding: 0.9rem 0; border-bottom: 0.08rem solid #888; break-inside: avoid; page-break-inside: avoid; }
.text { min-width: 0; flex: 1; }
.date { font-size: 1.35rem; font-weight: 700; margin: 0; }
.title { font-size: 2rem; font-weight: 800; line-height: 1.1; margin: 0.15rem 0; overflow-wrap: anywhere; hyphens: auto; }
.place { font-size: 1.2rem; margin: 0; overflow-wrap: anywhere; }
.status { text-transform: uppercase; font-size: 0.8em; border: 0.1rem solid; padding: 0 0.3rem; margin-inline-end: 0.4rem; }
.cancelled .title { text-decoration: line-through; }
svg.qr { display: block; width: 7.5rem; height: 7.5rem; }
header svg.qr { width: 9rem; height: 9rem; }
@media screen { body { padding: 12mm; max-width: ${size === 'a3' ? 297 : 210}mm; } }
@media print { a { color: inherit; text-decoration: none; } }
`;

/** A QR code of `url` as inline SVG, with the four-module quiet zone readers need. */
function qrCode(url: string, label: string) {
  const {size, path} = qrShape(url);
  const box = size + 8;
  return html`<svg class="qr" viewBox="-4 -4 ${box} ${box}" role="img" aria-label=${label} shape-rendering="crispEdges">
    <rect x="-4" y="-4" width=${box} height=${box} fill="#fff"></rect><path d=${path} fill="#000"></path>
  </svg>`;
}

function eventRow(event: CalendarEvent, o: PosterOptions) {
  const url = absoluteHttpUrl(event.url);
  const place = locationText(event);
  const status = event.status === 'cancelled' ? o.labels.cancelled : event.status === 'tentative' ? o.labels.tentative : '';
  return html`<li class=${event.status ?? 'confirmed'}>
    <div class="text">
      <p class="date">${formatEventRange(event, o.locale, o.timeZone, o.now).text}</p>
      <p class="title">${status ? html`<span class="status">${status}</span>` : nothing}<bdi>${event.title}</bdi></p>
      ${place ? html`<p class="place" dir="auto">${place}</p>` : nothing}
    </div>
    ${url ? qrCode(url, event.title) : nothing}
  </li>`;
}

/** Draws the poster of `events` into `doc` (an empty document: the print frame's). */
export function renderPoster(doc: Document, events: readonly CalendarEvent[], o: PosterOptions) {
  doc.documentElement.lang = o.locale;
  doc.documentElement.dir = o.rtl ? 'rtl' : 'ltr';
  doc.title = o.title;
  const style = doc.createElement('style');
  style.textContent = posterStyles(o.size);
  doc.head.replaceChildren(style);
  const pageUrl = absoluteHttpUrl(o.pageUrl);
  render(
    html`<header>
        <h1><bdi>${o.title}</bdi></h1>
        ${pageUrl ? html`<figure>${qrCode(pageUrl, o.labels.allEvents)}<figcaption>${o.labels.allEvents}</figcaption></figure>` : nothing}
      </header>
      <ol>
        ${events.map((event) => eventRow(event, o))}
      </ol>`,
    doc.body
  );
}
