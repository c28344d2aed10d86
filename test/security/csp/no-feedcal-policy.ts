/**
 * Runs inside an iframe whose document enforces Trusted Types with the documented policies except
 * `feedcal` (nonce + 'strict-dynamic' scripts): feedcal degrades to text. Lists of every format
 * load; descriptions show as plain text; RSS and Atom, which need a parser, say why they cannot
 * be read; one console note explains; the only violation report is the attempt to create the
 * policy. Reports back to csp.test.ts with postMessage.
 */
import {cards, part, shadowQuery} from '../../helpers/page.js';
import {nothingHappensWithin} from '../../helpers/quiet.js';
import {until, ViolationLog} from './violations.js';

const log = new ViolationLog();
const notes: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  notes.push(args.map(String).join(' '));
  warn.apply(console, args);
};

/** What the page reports back to the test (the test imports this type only). */
export interface DegradedReport {
  violations: {events: string[]; reports: string[]};
  notes: string[];
  /** Per list: cards drawn, descriptions drawn as HTML and as text, the error shown. */
  lists: Record<string, {cards: number; richDescriptions: number; plainDescriptions: number; error?: string; titles: string[]}>;
  jsonLdScripts: number;
  xss: unknown;
}

type List = HTMLElement & {updateComplete: Promise<unknown>; events: unknown[]};
const fixture = (name: string) => new URL(`../../fixtures/security/${name}`, import.meta.url).href;

async function main(): Promise<DegradedReport> {
  const [{setClock}, {TEST_NOW}] = await Promise.all([import('../../../src/lib/clock.js'), import('../../helpers/clock.js')]);
  setClock(TEST_NOW);
  await import('../../../src/index.js');
  const host = document.getElementById('widgets')!;
  const make = (src: string | undefined) => {
    const list = document.createElement('event-list') as List;
    for (const [name, value] of Object.entries({when: 'all', lang: 'en', 'time-zone': 'UTC', 'group-by': 'none'})) list.setAttribute(name, value);
    if (src) list.setAttribute('src', src);
    host.append(list);
    return list;
  };
  const lists: Record<string, List> = {
    json: make(fixture('csp-feed.json')),
    ics: make(fixture('csp-feed.ics')),
    jsonld: make(fixture('csp-feed-ld.html')),
    rss: make(fixture('csp-feed.rss')),
    atom: make(fixture('csp-feed-xhtml.atom')),
    supplied: make(undefined),
  };
  lists.supplied.events = [
    {
      id: 's',
      title: 'Supplied',
      start: new Date(Date.UTC(2031, 0, 1, 12)),
      allDay: false,
      categories: [],
      locations: [],
      source: 'https://example.org/',
      description: 'Plain words and bold',
      descriptionHtml: '<p>Plain words and <b>bold</b></p><img src=x onerror="window.__xss=1">',
    },
  ];
  const settled = (list: List) => cards(list).length > 0 || Boolean(part(list, 'error'));
  await until(() => Object.values(lists).every(settled), 'every list drew cards or an error', 20000);
  for (const list of Object.values(lists)) {
    for (const card of cards(list)) {
      await card.updateComplete;
      shadowQuery<HTMLButtonElement>(card, 'button.toggle')?.click();
      await card.updateComplete;
    }
  }
  // Time for the JSON-LD to be written if it were going to be, and for any report to arrive.
  await nothingHappensWithin(1500);
  const report: DegradedReport = {
    violations: log.collect(),
    notes,
    lists: {},
    jsonLdScripts: document.querySelectorAll('script[type="application/ld+json"]').length,
    xss: (window as {__xss?: unknown}).__xss,
  };
  for (const [name, list] of Object.entries(lists)) {
    const drawn = cards(list);
    report.lists[name] = {
      cards: drawn.length,
      richDescriptions: drawn.filter((card) => shadowQuery(card, 'div[part~="description"]:not(.plain)')).length,
      plainDescriptions: drawn.filter((card) => shadowQuery(card, '[part~="description"].plain, p[part~="description"]')).length,
      error: part(list, 'error')?.textContent?.replace(/\s+/g, ' ').trim(),
      titles: drawn.map((card) => card.event!.title),
    };
  }
  return report;
}

main().then(
  (report) => parent.postMessage({type: 'csp-degraded-report', report}, location.origin),
  (error) => parent.postMessage({type: 'csp-degraded-report', error: String(error?.stack ?? error), violations: log.collect()}, location.origin)
);
