/**
 * What an `<event-card>` shows only once it is opened: the address with a map link, the online
 * link, the source feed and the add-to-calendar actions. Loaded with `import()` on the first
 * opening, so a list of closed cards never pays for it.
 */
import {css, html, nothing} from 'lit';
import {absoluteHttpUrl, hostOf} from '../lib/events/normalise.js';
import {type CalendarEvent} from '../lib/events/model.js';
import type {UiStrings} from '../lib/i18n.js';
import {lazy} from '../lib/lazy.js';
import {encodeUriPart} from '../lib/uri.js';

/** The calendar file and links, made on demand by an opened card (and its download button). */
export const icsExport = lazy(() => import('../lib/ics-export.js'));

/** The details' styles, adopted into the card's shadow root with them (event-card.ts). */
export const cardDetailsStyles = css`
  .details {
    display: grid;
    gap: 0.3em;
    margin: 0.25em 0 0;
    font-size: 0.925em;
  }
  .details div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .details dt {
    color: var(--_muted);
    font-weight: 600;
  }
  .details dt::after {
    content: ':';
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .details a,
  .calendar a {
    color: var(--_accent);
  }
  .calendar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.3em 0.9em;
    font-size: 0.925em;
  }
  .calendar-label {
    color: var(--_muted);
    font-weight: 600;
  }
`;

export interface CardDetailsOptions {
  strings: UiStrings;
  noAddToCalendar: boolean;
  /** Name the feed the event came from: only worth saying when the list shows several. */
  showSource: boolean;
  /** Google and Outlook links, once ics-export.ts has made them. */
  calendarLinks?: {google: string; outlook: string};
  onDownloadIcs: () => void;
}

export function renderCardDetails(event: CalendarEvent, o: CardDetailsOptions) {
  const {strings} = o;
  const place = event.place;
  const where = place?.address ?? (event.locations.join(', ') || place?.name);
  const online = absoluteHttpUrl(place?.online);
  const map = openStreetMapUrl(event);
  const source = o.showSource ? (event.sourceLabel ?? hostOf(event.source)) : undefined;
  return html`<dl class="details" part="details">
      ${
        where
          ? html`<div><dt>${strings.address}</dt><dd><bdi>${where}</bdi>${
              map ? html` · <a href=${map} target="_blank" rel="noopener noreferrer">${strings.showOnMap}</a>` : nothing
            }</dd></div>`
          : nothing
      }
      ${online ? html`<div><dt>${strings.online}</dt><dd><a href=${online} target="_blank" rel="noopener noreferrer">${hostOf(online)}</a></dd></div>` : nothing}
      ${source ? html`<div><dt>${strings.sourceFeed}</dt><dd><bdi>${source}</bdi></dd></div>` : nothing}
    </dl>
    ${
      o.noAddToCalendar
        ? nothing
        : html`<div class="calendar" role="group" aria-label=${strings.addToCalendar}>
          <span class="calendar-label">${strings.addToCalendar}:</span>
          <button type="button" class="link" @click=${o.onDownloadIcs}>${strings.downloadIcs}</button>
          ${
            o.calendarLinks
              ? html`<a href=${o.calendarLinks.google} target="_blank" rel="noopener noreferrer">${strings.googleCalendar}</a>
                <a href=${o.calendarLinks.outlook} target="_blank" rel="noopener noreferrer">${strings.outlook}</a>`
              : nothing
          }
        </div>`
    }`;
}

/**
 * A plain OpenStreetMap link: the pin when coordinates are known, else a search for the address,
 * else for the first place only. An event "in Göteborg, Karlstad, Stockholm" is in several
 * places; searched together they find nothing.
 */
export function openStreetMapUrl(event: CalendarEvent): string | undefined {
  const {lat, lon} = event.place ?? {};
  if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  const query = event.place?.address ?? event.locations[0] ?? event.place?.name;
  return query ? `https://www.openstreetmap.org/search?query=${encodeUriPart(query)}` : undefined;
}

/** Saves the event as an .ics file (a download the browser hands to the calendar app). */
export async function downloadIcs(event: CalendarEvent, options: {timeZone: string; organizerLabel: string}) {
  // Without its code (offline) the button does nothing; the next press asks again.
  const ics = await icsExport.tryLoad();
  if (!ics) return;
  const {toIcs, icsFileName} = ics;
  const url = URL.createObjectURL(new Blob([toIcs([event], options)], {type: 'text/calendar;charset=utf-8'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(event);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
