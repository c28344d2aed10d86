/**
 * Runs inside an iframe whose document carries the strict CSP (script-src/style-src 'self',
 * require-trusted-types-for 'script', trusted-types lit-html dompurify feedcal): every hostile
 * string in every field of every format, and through the `events` property, drawn by a real
 * `<event-list>` with every description opened and its JSON-LD written. Reports back to the
 * parent test (csp.test.ts) with postMessage: every violation report, what got into the DOM or
 * the JSON-LD, and the counts.
 *
 * `?set=own` runs the project's own vectors (xss-vectors.ts) in every format, drawn by lists;
 * `?set=corpora&format=x` the third-party lists (corpora.ts, thousands of vectors) in one format,
 * through the same code without drawing cards (`runPipeline`): the parsers, the sanitiser as a
 * card draws a description into the page (the list's sanitising at load is the same DOMPurify
 * parse, drawn by the own vectors), the model's URL rules and the JSON-LD writer.
 */
import {cards, shadowQuery} from '../../helpers/page.js';
import {nothingHappensWithin} from '../../helpers/quiet.js';
import {batches, loadCorpora} from '../corpora.js';
import {buildFeeds, EVENT_FIELDS, hostileEvents, type HostileItem} from '../hostile-feeds.js';
import {findOffences, jsonLdOffences} from '../offences.js';
import {XSS_VECTORS} from '../xss-vectors.js';
import {until, ViolationLog} from './violations.js';

const log = new ViolationLog();

/** What the page reports back to the test (the test imports this type only). */
export interface HostileReport {
  /** Why nothing ran (the third-party lists are absent). */
  skipped?: string;
  vectors: number;
  /** Per format: events drawn, placements tried, violations and offences while it ran. */
  formats: Record<string, {events: number; placements: number; violations: number; offences: number}>;
  violations: {events: string[]; reports: string[]};
  offences: string[];
  xss: unknown;
}

type List = HTMLElement & {updateComplete: Promise<unknown>; events: unknown[]; src: string};

async function storeFeed(name: string, body: string, type: string) {
  const response = await fetch(`/__feeds/${name}?type=${encodeURIComponent(type)}`, {method: 'POST', body});
  if (!response.ok) throw new Error(`could not store ${name}: ${response.status}`);
}

/** Draws `list` whole: every card opened, its description (sanitised HTML) in place, the JSON-LD written. */
async function drawWhole(list: List, expected: number) {
  await until(() => cards(list).length >= expected, `${expected} cards (${cards(list).length} drawn)`, 60000);
  const drawn = cards(list);
  await Promise.all(drawn.map((card) => card.updateComplete));
  for (const card of drawn) shadowQuery<HTMLButtonElement>(card, 'button.toggle')?.click();
  await Promise.all(drawn.map((card) => card.updateComplete));
  const withHtml = drawn.filter((card) => card.event?.descriptionHtml);
  await until(() => withHtml.every((card) => shadowQuery(card, 'div[part~="description"]:not(.plain)')), 'rich descriptions', 60000);
  await until(() => Boolean(list.querySelector('script[type="application/ld+json"]')), 'the JSON-LD for search engines', 10000);
  // Time for a handler that survived to fire, or for a violation to be reported.
  await nothingHappensWithin(200);
  return drawn.length;
}

async function runFormat(format: string, items: HostileItem[], run: string, batchSize: number, report: HostileReport) {
  const before = log.collect().events.length;
  const tally = {events: 0, placements: 0, violations: 0, offences: 0};
  for (const [b, batch] of batches(items, batchSize).entries()) {
    const list = document.createElement('event-list') as List;
    for (const [name, value] of Object.entries({when: 'all', limit: '100000', 'group-by': 'none', lang: 'en', 'time-zone': 'UTC'})) list.setAttribute(name, value);
    document.getElementById('widgets')!.append(list);
    let fields: string[];
    if (format === 'events') {
      fields = EVENT_FIELDS;
      list.events = hostileEvents(batch);
    } else {
      const feed = buildFeeds(batch)[format];
      fields = feed.fields;
      for (const file of feed.files) await storeFeed(`${run}-${b}-${file.name}`, file.body, file.type);
      list.src = feed.files.map((file) => new URL(`/__feeds/${run}-${b}-${file.name}`, location.href).href).join(' ');
    }
    // Most items must survive as events, or the vectors tested only the parser's error path.
    tally.events += await drawWhole(list, Math.floor(batch.length * 0.9));
    tally.placements += batch.length * fields.length;
    const offences = [...findOffences(list), ...jsonLdOffences(list)].map((offence) => `${format}: ${offence}`);
    tally.offences += offences.length;
    report.offences.push(...offences);
    list.remove();
  }
  tally.violations = log.collect().events.length - before;
  report.formats[format] = tally;
}

/** URL fields of an event that are not absolute http(s). */
function unsafeEventUrls(event: {url?: string; image?: string; place?: {online?: string}}): string[] {
  return Object.entries({url: event.url, image: event.image, 'place.online': event.place?.online})
    .filter(([, value]) => value !== undefined && !/^https?:\/\//i.test(value))
    .map(([key, value]) => `event ${key}: ${String(value).slice(0, 60)}`);
}

async function runPipeline(format: string, items: HostileItem[], report: HostileReport) {
  const [{parseFeed}, {sanitizeToFragment}, {structuredDataScript, trustedJsonLd}, {normaliseSuppliedEvents}] = await Promise.all([
    import('../../../src/lib/feeds/index.js'),
    import('../../../src/lib/html/sanitize.js'),
    import('../../../src/lib/structured-data.js'),
    import('../../../src/lib/events/normalise.js'),
  ]);
  type Event = Parameters<typeof structuredDataScript>[0][number];
  const before = log.collect().events.length;
  const offences: string[] = [];
  let events: Event[] = [];
  let fields = EVENT_FIELDS;
  if (format === 'events') events = normaliseSuppliedEvents(hostileEvents(items) as Event[], location.href);
  else {
    const feed = buildFeeds(items)[format];
    fields = feed.fields;
    for (const file of feed.files) {
      const result = await parseFeed(file.body, {timeZone: 'UTC', source: new URL(`/__feeds/${file.name}`, location.href).href}, {contentType: file.type});
      if ('events' in result) events.push(...result.events);
      else offences.push(`${file.name} not read: ${result.message}`);
    }
  }
  const page = document.getElementById('widgets')!;
  const holder = document.createElement('div');
  page.append(holder);
  for (const event of events) {
    offences.push(...unsafeEventUrls(event));
    if (!event.descriptionHtml) continue;
    // As a card draws it: a fragment into an element of the page.
    holder.replaceChildren(await sanitizeToFragment(event.descriptionHtml, event.url ?? event.source));
    for (const el of holder.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith('on') || attr.name === 'style') offences.push(`<${el.localName} ${attr.name}> in a description`);
        if ((attr.name === 'href' && !/^(https?|mailto):/i.test(attr.value)) || (attr.name === 'src' && !/^https?:/i.test(attr.value)))
          offences.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}"> in a description`);
      }
      if (['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math'].includes(el.localName)) offences.push(`<${el.localName}> in a description`);
    }
  }
  const host = document.createElement('div');
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = trustedJsonLd(structuredDataScript(events, {timeZone: 'UTC'}))!;
  host.append(script);
  page.append(host);
  offences.push(...jsonLdOffences(host));
  await nothingHappensWithin(200);
  page.replaceChildren();
  report.offences.push(...offences.map((offence) => `${format}: ${offence}`));
  report.formats[format] = {
    events: events.length,
    placements: items.length * fields.length,
    violations: log.collect().events.length - before,
    offences: offences.length,
  };
  if (events.length < items.length * 0.9) report.offences.push(`${format}: only ${events.length} of ${items.length} items read`);
}

async function main(): Promise<HostileReport> {
  const [{setClock}, {TEST_NOW}] = await Promise.all([import('../../../src/lib/clock.js'), import('../../helpers/clock.js')]);
  setClock(TEST_NOW);
  window.alert = () => ((window as {__xss?: unknown}).__xss = 'alert');
  await import('../../../src/index.js');
  const query = new URLSearchParams(location.search);
  const report: HostileReport = {vectors: 0, formats: {}, violations: {events: [], reports: []}, offences: [], xss: undefined};
  let payloads: string[];
  if (query.get('set') === 'corpora') {
    const corpora = await loadCorpora();
    if (corpora.missing !== undefined) return {...report, skipped: corpora.missing};
    payloads = corpora.payloads;
  } else {
    payloads = XSS_VECTORS.map((vector) => vector.payload);
  }
  report.vectors = payloads.length;
  const items = payloads.map((payload, i) => ({id: `x${i}`, payload, start: new Date(Date.UTC(2027, 0, 1, 0, i))}));
  const formats = query.get('format')?.split(',') ?? [...Object.keys(buildFeeds([])), 'events'];
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  for (const format of formats) {
    if (query.get('set') === 'corpora') await runPipeline(format, items, report);
    else await runFormat(format, items, `${run}-${format}`, format === 'markdown' ? 250 : 1000, report);
  }
  report.violations = log.collect();
  report.xss = (window as {__xss?: unknown}).__xss;
  return report;
}

main().then(
  (report) => parent.postMessage({type: 'csp-hostile-report', report}, location.origin),
  (error) => parent.postMessage({type: 'csp-hostile-report', error: String(error?.stack ?? error), violations: log.collect()}, location.origin)
);
