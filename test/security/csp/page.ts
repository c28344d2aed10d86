/**
 * Runs inside an iframe whose document carries the strict CSP (script-src/style-src 'self',
 * require-trusted-types-for 'script', trusted-types lit-html dompurify feedcal). Renders every
 * state of the widgets, then reports every `securitypolicyviolation` to the parent test; after
 * that, two deliberate violations prove the policy is really enforced.
 */
import {cards, part, shadowQuery} from '../../helpers/page.js';
import {nothingHappensWithin} from '../../helpers/quiet.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()));

const fixture = (name: string) => new URL(`../../fixtures/security/${name}`, import.meta.url).href;
/** `waitUntil` for this page, which loads nothing from the test framework: checks every frame. */
async function until(check: () => boolean, what: string, timeout = 8000) {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise(requestAnimationFrame);
  }
}

/** What the page reports back to the test (the test imports this type only). */
export interface Report {
  violations: string[];
  controls: {innerHtmlThrew: boolean; inlineStyleBlocked: boolean; violationsAfterControls: number};
  states: Record<string, string>;
  styled: boolean;
  richDescriptions: number;
  xss: unknown;
}

async function main(): Promise<Report> {
  // This page is not a test runner page: it sets the calendar's clock as those do (test/helpers/clock.ts).
  const [{setClock}, {TEST_NOW}] = await Promise.all([import('../../../src/lib/clock.js'), import('../../helpers/clock.js')]);
  setClock(TEST_NOW);
  await import('../../../src/index.js');
  const host = document.getElementById('widgets')!;
  const states: Record<string, string> = {};
  const make = (attrs: Record<string, string>) => {
    const el = document.createElement('event-list');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    host.append(el);
    return el as HTMLElement & {updateComplete: Promise<unknown>; events: unknown[]};
  };

  const loading = make({src: '/fault/hang/csp', lang: 'sv'});
  const all = make({
    src: `${fixture('csp-feed.json')} ${fixture('csp-feed.rss')} ${fixture('csp-feed.ics')} ${fixture('csp-feed-ld.html')} ${fixture('csp-feed-xhtml.atom')}`,
    when: 'all',
    lang: 'sv',
    'time-zone': 'Europe/Stockholm',
  });
  const empty = make({src: fixture('csp-empty.json'), lang: 'en'});
  const error = make({src: fixture('missing.json'), lang: 'en'});
  const filteredEmpty = make({src: fixture('csp-feed.json'), when: 'all', search: 'nothing matches this', lang: 'en'});
  const themes = ['light', 'dark', 'auto'].map((theme) => make({src: fixture('csp-feed.json'), when: 'all', theme, 'group-by': 'month', limit: '1'}));
  const supplied = make({lang: 'en'});
  supplied.events = [{id: 's', title: 'Supplied', start: new Date(Date.UTC(2027, 0, 1, 12)), allDay: false, categories: [], locations: [], source: 'x'}];
  const card = document.createElement('event-card') as HTMLElement & {event: unknown};
  card.event = {
    id: 'c',
    title: 'Lone card',
    start: new Date(Date.UTC(2027, 0, 2, 12)),
    allDay: false,
    categories: ['A'],
    locations: ['B'],
    source: 'x',
    url: 'https://example.org/',
  };
  host.append(card);

  await until(() => Boolean(part(loading, 'status')), 'loading state');
  await loading.updateComplete; // the status line is written in the page's language, once it has loaded
  states.loading = part(loading, 'status')!.textContent!.trim();
  await until(() => cards(all).length >= 6, 'all feeds loaded', 15000).catch((error) => {
    const shown = cards(all).map((c) => c.event!.title);
    throw new Error(`${error.message}: shown ${shown.join(' | ')}; error part: ${part(all, 'error')?.textContent}`);
  });
  await until(() => Boolean(part(empty, 'empty')), 'empty state');
  states.empty = part(empty, 'empty')!.textContent!.trim();
  // The visitor's sentence comes first; the site owner's details (with the cause) load on demand just after.
  await until(() => Boolean(part(error, 'error')?.querySelector('[part="error-details"]')), 'error state with the details for the site owner');
  states.error = part(error, 'error')!.textContent!.trim();
  await until(() => Boolean(part(filteredEmpty, 'empty')), 'filtered empty state');
  states.filteredEmpty = part(filteredEmpty, 'empty')!.textContent!.trim();
  for (const el of themes) await until(() => cards(el).length > 0, 'themed list');
  await until(() => cards(supplied).length > 0, 'supplied events');

  // Expand every description (DOMPurify under Trusted Types), and show more where limited.
  const lists = [all, ...themes];
  for (const el of themes) part<HTMLButtonElement>(el, 'more')?.click();
  await Promise.all(themes.map((el) => el.updateComplete));
  const drawn = lists.flatMap((el) => cards(el));
  for (const c of drawn) {
    await c.updateComplete;
    shadowQuery<HTMLButtonElement>(c, 'button.toggle')?.click();
  }
  await until(() => cards(all).length > 0 && cards(all).filter((c) => shadowQuery(c, 'div[part~="description"]:not(.plain)')).length >= 4, 'rich descriptions');
  // Time for a payload that survived sanitising to fire, or for a violation to be reported.
  await nothingHappensWithin(300);
  const richDescriptions = drawn.filter((c) => shadowQuery(c, 'div[part~="description"] b, div[part~="description"] em, div[part~="description"] i')).length;
  states.loaded = `${cards(all).length} cards`;

  // Lit's static styles arrived through adoptedStyleSheets: a card's base has the card layout.
  const base = part(drawn[0], 'base')!;
  const styled = drawn[0].shadowRoot!.adoptedStyleSheets.length > 0 && getComputedStyle(base).display !== 'inline';

  // The helper the element uses for its JSON-LD script text.
  const {trustedJsonLd} = await import('../../../src/lib/structured-data.js');
  const before = violations.length;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = trustedJsonLd('{"@context":"https://schema.org","@type":"Event","name":"x </script>"}')!;
  document.head.append(script);
  await nothingHappensWithin(20);
  states.jsonLd = violations.length === before && script.textContent.includes('Event') ? 'written' : 'refused';

  const widgetViolations = [...violations];
  // Controls: both must be refused here, which proves the policy is in force on this page.
  let innerHtmlThrew = false;
  try {
    document.createElement('div').innerHTML = '<b>raw</b>';
  } catch {
    innerHtmlThrew = true;
  }
  const probe = document.createElement('p');
  probe.setAttribute('style', 'color: rgb(255, 0, 0)');
  document.body.append(probe);
  await until(() => violations.length >= widgetViolations.length + 2, 'the two controls were not reported as violations');
  const inlineStyleBlocked = getComputedStyle(probe).color !== 'rgb(255, 0, 0)';
  return {
    violations: widgetViolations,
    controls: {innerHtmlThrew, inlineStyleBlocked, violationsAfterControls: violations.length},
    states,
    styled,
    richDescriptions,
    xss: (window as {__xss?: unknown}).__xss,
  };
}

main().then(
  (report) => parent.postMessage({type: 'csp-report', report}, location.origin),
  (error) => parent.postMessage({type: 'csp-report', error: String(error?.stack ?? error), violations}, location.origin)
);
