/**
 * Events no organiser means to publish but feeds do carry: a 5,000-character word as a title, half
 * an emoji (a lone surrogate) in a field. The page keeps its width, the card keeps its details
 * and its calendar links, and the links stay short enough for a server to accept.
 */
import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import type {EventCardElement} from '../../src/event-card.js';
import type {EventListElement} from '../../src/event-list.js';
import {CALENDAR_LINK_LIMIT, googleCalendarUrl, outlookCalendarUrl} from '../../src/lib/ics-export.js';
import {encodeUriPart, wellFormed} from '../../src/lib/uri.js';
import {ZONE, calendarEvent, renderList} from '../helpers/december.js';
import {part, shadowQuery, shadowQueryAll} from '../helpers/page.js';

const LONG_WORD = 'Ö'.repeat(5000);
const HALF_EMOJI = '\uD83D'; // the first half of 😀 alone

async function openCard(el: EventListElement): Promise<EventCardElement> {
  const card = shadowQuery<EventCardElement>(el, 'event-card')!;
  await card.updateComplete;
  const selected = oneEvent(el, 'event-card-select');
  shadowQuery<HTMLButtonElement>(card, 'button.toggle')!.click();
  await selected;
  await waitUntil(() => shadowQuery(card, '.calendar a'), 'calendar links drawn');
  return card;
}

describe('absurd events', () => {
  for (const view of ['list', 'month'] as const) {
    it(`a 5,000-character word as a title does not widen the page (${view})`, async () => {
      const el = await renderList(
        html`<event-list when="all" view=${view} month="2026-12" time-zone=${ZONE} lang="en" style="display: block; inline-size: 600px"></event-list>`,
        [calendarEvent(LONG_WORD, '2026-12-16T17:00:00Z', {description: `${LONG_WORD} ${LONG_WORD}`, locations: [LONG_WORD], categories: [LONG_WORD]})]
      );
      if (view === 'list') await openCard(el);
      expect(document.documentElement.scrollWidth, 'the page is no wider than the window').to.be.at.most(window.innerWidth);
      expect(el.scrollWidth).to.be.at.most(600);
    });
  }

  it('calendar links of an event with a 5,000-character title and description stay under the limit, the description cut first', async () => {
    const event = calendarEvent(`Möte ${LONG_WORD}`, '2026-12-16T17:00:00Z', {description: 'Ett långt program. '.repeat(2000), locations: ['Folkets hus']});
    for (const link of [googleCalendarUrl(event), outlookCalendarUrl(event)]) {
      expect(link.length).to.be.at.most(CALENDAR_LINK_LIMIT);
      const params = new URL(link).searchParams;
      const title = params.get('text') ?? params.get('subject')!;
      expect(title.startsWith('Möte ÖÖÖ')).to.equal(true);
      expect(title.endsWith('…')).to.equal(true);
      expect(params.get('location')).to.equal('Folkets hus');
    }
    // A long description alone is cut, the title kept whole.
    const talk = calendarEvent('Föredrag', '2026-12-16T17:00:00Z', {description: 'Ett långt program. '.repeat(2000)});
    const params = new URL(googleCalendarUrl(talk)).searchParams;
    expect(params.get('text')).to.equal('Föredrag');
    expect(params.get('details')!.length).to.be.within(100, 3000);
  });

  it('half an emoji in every field: the card keeps its details and calendar links', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String('reason' in e ? e.reason : e.message));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const el = await renderList(html`<event-list when="all" time-zone=${ZONE} lang="en"></event-list>`, [
        calendarEvent(`Fest ${HALF_EMOJI}`, '2026-12-16T17:00:00Z', {
          description: `Kom ${HALF_EMOJI} hit`,
          locations: [`Parken ${HALF_EMOJI}`],
          organizer: `Klubben ${HALF_EMOJI}`,
          url: 'https://example.org/fest',
        }),
      ]);
      const card = await openCard(el);
      expect(part(card, 'details')!.textContent).to.contain('Parken');
      const links = shadowQueryAll<HTMLAnchorElement>(card, '.calendar a').map((a) => new URL(a.href));
      expect(links.map((url) => url.host)).to.deep.equal(['calendar.google.com', 'outlook.live.com']);
      expect(links[0].searchParams.get('text')).to.equal('Fest \uFFFD');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('encodeUriPart never throws: lone surrogates become U+FFFD, pairs stay', () => {
    const cases: Array<[string, string]> = [
      ['a\uD83Db', 'a%EF%BF%BDb'],
      ['\uDE00', '%EF%BF%BD'],
      ['😀', '%F0%9F%98%80'],
      ['\uDE00\uD83D', '%EF%BF%BD%EF%BF%BD'],
      ['å & ö', '%C3%A5%20%26%20%C3%B6'],
    ];
    for (const [text, encoded] of cases) expect(encodeUriPart(text), JSON.stringify(text)).to.equal(encoded);
    expect(wellFormed('x\uD83D')).to.equal('x\uFFFD');
  });
});
