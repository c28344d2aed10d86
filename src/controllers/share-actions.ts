/**
 * The share actions of an `<event-list>`: subscribe to this view, print a poster, copy the shown
 * events as text. Everything here arrives on demand: the list's methods (`subscribeLinks()`,
 * `print()`, `copyText()`) and the filter bar's `subscribe`, `print` and `copy` controls load this
 * module when they are first used or shown, and the poster (with its QR code maker) and the text
 * writers are chunks of their own behind it, loaded at the first print or copy.
 *
 * One instance per list (`shareActionsOf`), holding what the menus show: the subscribe links,
 * worked out when asked (they may ask the network whether the proxy is a feedcal relay, or the
 * source iCalendar), and the last copy's outcome.
 */
import type {ReactiveControllerHost} from 'lit';
import type {CalendarEvent} from '../lib/events/model.js';
import type {FormatChoice} from '../lib/feeds/index.js';
import type {When} from '../lib/show/filter.js';
import type {VisitorFilters} from '../lib/show/facets.js';
import type {UiStrings} from '../lib/i18n.js';
import {lazy, type Lazy} from '../lib/lazy.js';
import {now} from '../lib/clock.js';
import {dayKey} from '../lib/time.js';
import {hostOf} from '../lib/events/normalise.js';
import {icsFileName, toIcs} from '../lib/ics-export.js';
import {enShare, type ShareStrings} from '../lib/locales/en-share.js';
import type {PluralForms} from '../lib/locales/en.js';
import {googleSubscribeUrl, outlookSubscribeUrl, relayViewUrl, viewQuery, webcalUrl, type SubscribeLink} from '../lib/share/subscribe.js';
import type {PosterSize} from '../views/poster.js';
import {renderShareMenus, shareMenuStyles, type CopyFormat, type ShareControl, type ShareMenuState} from '../views/share-menu.js';
import {adoptStyles} from '../styles/adopt-styles.js';
import {encodeUriPart} from '../lib/uri.js';

export type {CopyFormat, ShareControl, SubscribeLink};

/** The list's members the actions read. */
export interface ShareHost extends ReactiveControllerHost, HTMLElement {
  readonly visibleEvents: CalendarEvent[];
  view: 'list' | 'month';
  month: string;
  categories: string;
  locations: string;
  organizers: string;
  search: string;
  from: string;
  to: string;
}

/** The list's language (controllers/ui-language.ts). */
export interface ShareLanguage {
  readonly locale: string;
  readonly strings: UiStrings;
}

/** A feed of the list, as its loader has it (controllers/feed-loader.ts). */
export interface ShareSource {
  src: string;
  label?: string;
  format: FormatChoice;
  proxy?: string;
}

/** Each language's share strings, by the tag lib/i18n.ts's `uiLanguage` gives; English is bundled here. */
const TABLES: Record<string, Lazy<Record<string, Partial<ShareStrings>>>> = {
  sv: lazy(() => import('../lib/locales/share/sv.js')),
};

type ShareUiStrings = {[K in keyof ShareStrings]: ShareStrings[K] extends PluralForms ? (n: number) => string : ShareStrings[K]};

/** `language`'s share strings, English key by key where it has none (or until its table has loaded). */
function shareStrings(language: string): ShareUiStrings {
  const own: Partial<ShareStrings> = TABLES[language]?.module?.[language.replace('-', '')] ?? {};
  const rules = new Intl.PluralRules([language, 'en']);
  const result: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(enShare)) {
    const value = typeof own[key as keyof ShareStrings] === typeof fallback ? own[key as keyof ShareStrings] : fallback;
    result[key] =
      typeof value === 'object' ? (n: number) => ((value as PluralForms)[rules.select(n)] ?? (value as PluralForms).other).replace('#', String(n)) : value;
  }
  return result as ShareUiStrings;
}

const poster = lazy(() => import('../views/poster.js'));
const writers = lazy(() => import('../lib/write/newsletter.js'));

/** Answers to "is this a feedcal relay / an iCalendar feed", per address, for the page's life. */
const probes = new Map<string, Promise<boolean>>();
function probe(url: string, test: (response: Response) => boolean): Promise<boolean> {
  let answer = probes.get(url);
  if (!answer) {
    answer = fetch(url, {method: 'HEAD'}).then(
      (response) => response.ok && test(response),
      () => false
    );
    probes.set(url, answer);
  }
  return answer;
}
/** A feedcal relay says so in every answer (docs/relay.md, "Response headers"). */
const isRelay = (response: Response) => response.headers.has('x-feedcal-cache');
/** An iCalendar file's name (as lib/feeds/index.ts's `likelyFormat` reads it). */
const ICS_NAME = /\.(ics|ical|ifb|icalendar)$/i;
const isIcs = (response: Response) => /^text\/calendar\b/i.test(response.headers.get('content-type') ?? '');

const instances = new WeakMap<ShareHost, ShareActions>();

/** The share actions of `host`, made at the first use. */
export function shareActionsOf(
  host: ShareHost,
  list: {timeZone: () => string},
  feeds: {readonly sources: ShareSource[]},
  filters: {readonly visitor: VisitorFilters; readonly when: When},
  language: ShareLanguage
): ShareActions {
  let actions = instances.get(host);
  if (!actions) instances.set(host, (actions = new ShareActions(host, list.timeZone, feeds, filters, language)));
  return actions;
}

export class ShareActions implements ShareMenuState {
  /** The subscribe menu's links, once worked out for `linksFor`. */
  links?: SubscribeLink[];
  private linksFor?: string;
  /** What the copy menu says after a copy: done, or refused. */
  copyOutcome?: 'copied' | 'failed';
  /** Mastodon posts of the shown events, made when the copy menu opens. */
  posts?: string[];

  constructor(
    private readonly host: ShareHost,
    private readonly timeZone: () => string,
    private readonly feeds: {readonly sources: ShareSource[]},
    private readonly filters: {readonly visitor: VisitorFilters; readonly when: When},
    private readonly language: ShareLanguage
  ) {}

  get locale(): string {
    return this.language.locale;
  }

  /** Whether the list is drawn right to left (its language's direction, on its root). */
  private get rtl(): boolean {
    return Boolean(this.host.shadowRoot?.querySelector('div')?.matches(':dir(rtl)'));
  }

  /** The share strings in the list's language (its table is asked for on first use). */
  get strings(): ShareUiStrings {
    const language = this.locale.toLowerCase().split('-')[0];
    const table = TABLES[language];
    if (table && !table.module && !table.failed) void table.tryLoad().then(() => this.host.requestUpdate());
    return shareStrings(language);
  }

  /** The events the list shows: those that pass its filters, or in the month view the month's. */
  get shownEvents(): CalendarEvent[] {
    const {host} = this;
    const events = host.visibleEvents;
    if (host.view !== 'month') return events;
    const zone = this.timeZone();
    // The `month` attribute when it names one (month-key.ts's form), else the current month.
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(host.month) ? host.month : dayKey(now(), zone).slice(0, 7);
    return events.filter((event) => dayKey(event.start, zone).startsWith(month));
  }

  /** The calendar's name for a calendar app: `poster-title`, else the page's title, else the feed's host. */
  private get calendarName(): string {
    return this.host.getAttribute('poster-title')?.trim() || document.title.trim() || hostOf(this.feeds.sources[0]?.src) || this.language.strings.events;
  }

  /** The .ics download of exactly the shown events. */
  private download(events: CalendarEvent[]): SubscribeLink {
    const ics = toIcs(events, {timeZone: this.timeZone(), organizerLabel: this.language.strings.organizer});
    const name =
      events.length === 1 ? icsFileName(events[0]) : `${icsFileName({title: this.calendarName} as CalendarEvent).replace(/\.ics$/, '')}-${events.length}.ics`;
    return {kind: 'download', href: `data:text/calendar;charset=utf-8,${encodeUriPart(ics)}`, label: this.strings.download(events.length), fileName: name};
  }

  /**
   * The ways to follow this view, then the download of the shown events. Through a feedcal relay:
   * its filtered iCalendar view (as `webcal:`, Google and Outlook) and its RSS. Without one, an
   * iCalendar source itself. Anything else gets the download only: never a link that cannot work.
   */
  async subscribeLinks(): Promise<SubscribeLink[]> {
    const s = this.strings;
    const base = document.baseURI;
    const zone = this.timeZone();
    const {host, filters} = this;
    const query = viewQuery(host, filters.visitor, filters.when, zone, now());
    const sources = this.feeds.sources;
    const perSource = await Promise.all(
      sources.map(async (source): Promise<SubscribeLink[]> => {
        const name = sources.length > 1 ? source.label || hostOf(source.src) : undefined;
        const ics = relayViewUrl(source.src, source.proxy, 'ics', query, base);
        let follow: string | undefined;
        let rss: string | undefined;
        let exact = query.exact;
        if (ics && (await probe(ics, isRelay))) {
          follow = ics;
          rss = relayViewUrl(source.src, source.proxy, 'rss', query, base);
        } else {
          let src: URL | undefined;
          try {
            src = new URL(source.src, base);
          } catch {
            return [];
          }
          // A calendar app reads the feed itself (no CORS needed): an iCalendar feed is offered as
          // it is, known by its format or name, or, when the list reads it directly, by what its
          // server says it is (a HEAD request; through a proxy it cannot be asked from here).
          const http = src.protocol === 'https:' || src.protocol === 'http:';
          const named = source.format === 'ics' || (source.format === 'auto' && ICS_NAME.test(src.pathname));
          if (http && (named || (!source.proxy && source.format === 'auto' && (await probe(src.href, isIcs))))) {
            follow = src.href;
            exact = false;
          }
        }
        if (!follow) return [];
        const webcal = webcalUrl(follow);
        const calendarName = name ? `${this.calendarName} – ${name}` : this.calendarName;
        const links: SubscribeLink[] = [
          {kind: 'webcal', href: webcal, label: s.calendarApp},
          {kind: 'google', href: googleSubscribeUrl(webcal), label: s.googleCalendar},
          {kind: 'outlook', href: outlookSubscribeUrl(follow, calendarName), label: s.outlook},
        ];
        if (rss) links.push({kind: 'rss', href: rss, label: s.rss});
        return links.map((link) => ({...link, exact, ...(name ? {source: name} : {})}));
      })
    );
    return [...perSource.flat(), this.download(this.shownEvents)];
  }

  /** The subscribe menu opened: its links, worked out again when the view changed. */
  refreshLinks() {
    const key = JSON.stringify([this.shownEvents.map((e) => e.id), this.filters.visitor, this.filters.when, this.feeds.sources, this.locale]);
    if (key === this.linksFor) return;
    this.linksFor = key;
    // Never the last view's links meanwhile.
    this.links = undefined;
    void this.subscribeLinks().then((links) => {
      if (this.linksFor !== key) return;
      this.links = links;
      this.host.requestUpdate();
    });
  }

  /** The shown events as `format`, in the list's language and zone. */
  async text(format: CopyFormat): Promise<string[]> {
    const w = await writers.load();
    const ui = this.language.strings;
    const options = {
      locale: this.locale,
      timeZone: this.timeZone(),
      now: now(),
      rtl: this.rtl,
      heading: this.host.getAttribute('poster-title')?.trim() || undefined,
      pageUrl: location.href,
      labels: {cancelled: ui.cancelled, tentative: ui.tentative, allEvents: this.strings.allEvents},
    };
    const events = this.shownEvents;
    if (format === 'mastodon') return w.toMastodonPosts(events, options);
    if (format === 'markdown') return [w.toMarkdown(events, options)];
    if (format === 'html') return [w.toEmailHtml(events, options), w.toPlainText(events, options)];
    return [w.toPlainText(events, options)];
  }

  /** The copy menu opened: the Mastodon posts, to offer one button per post. */
  preparePosts() {
    void this.text('mastodon').then((posts) => {
      this.posts = posts;
      this.host.requestUpdate();
    });
  }

  /**
   * Puts the shown events on the clipboard as `format` and gives back the text. The HTML goes
   * with its plain-text version (`text/html` + `text/plain`), for editors that take either; it is
   * never put into the page. `post` (from 1) picks one of several Mastodon posts; without it,
   * all of them, a line `---` between.
   */
  async copyText(format: CopyFormat, post?: number): Promise<string> {
    const texts = await this.text(format);
    const text = format === 'mastodon' ? (post ? (texts[post - 1] ?? '') : texts.join('\n\n---\n\n')) : texts[0];
    const plain = format === 'html' ? texts[1] : text;
    const types: Record<string, Blob> = {'text/plain': new Blob([plain], {type: 'text/plain'})};
    if (format === 'html') types['text/html'] = new Blob([text], {type: 'text/html'});
    try {
      if (typeof ClipboardItem === 'function') await navigator.clipboard.write([new ClipboardItem(types)]);
      else await navigator.clipboard.writeText(plain);
      this.copyOutcome = 'copied';
    } catch (error) {
      this.copyOutcome = 'failed';
      this.host.requestUpdate();
      throw error;
    }
    this.host.requestUpdate();
    return text;
  }

  /**
   * Prints the shown events as a poster on `size` paper: the poster is drawn in a hidden frame of
   * its own (views/poster.ts), printed from there, and the frame removed once printing is done.
   */
  async print(size: PosterSize = 'a4'): Promise<void> {
    const view = await poster.load();
    document.querySelector('iframe[data-feedcal-poster]')?.remove();
    const frame = document.createElement('iframe');
    frame.dataset.feedcalPoster = size;
    frame.title = this.calendarName;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;inset-inline-start:0;top:0;width:0;height:0;border:0;visibility:hidden';
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const ui = this.language.strings;
    view.renderPoster(doc, this.shownEvents, {
      size,
      title: this.calendarName,
      pageUrl: location.href,
      locale: this.locale,
      timeZone: this.timeZone(),
      rtl: this.rtl,
      now: now(),
      labels: {allEvents: this.strings.posterAllEvents, cancelled: ui.cancelled, tentative: ui.tentative},
    });
    // Fonts first, so the pages break where they will print.
    await doc.fonts?.ready;
    const win = frame.contentWindow!;
    win.addEventListener('afterprint', () => setTimeout(() => frame.remove()), {once: true});
    win.focus();
    win.print();
  }

  /** The menus of `controls`, in the list's toolbar. */
  render(controls: readonly ShareControl[]) {
    adoptStyles(this.host, shareMenuStyles);
    return renderShareMenus(this, controls, this.strings);
  }
}
