/**
 * The snippets of docs/snippets.md, read from the file itself, and the pages they are pasted into:
 * each the way its platform puts it on a page (a whole page; a Ghost post with an HTML card; a
 * Ghost site with Code injection; a site builder's code block; a builder's frame). Shared by the
 * browser test (snippets.test.ts) and the screenshot script (screenshots.ts), so both see the same
 * pages. Pure string work: runs in the browser and in Node.
 */

/** The two things a reader changes in each snippet, as docs/snippets.md writes them. */
export const FEED_PLACEHOLDER = 'https://events.example.org/calendar.ics';
export const SCRIPT_PLACEHOLDER = /(?:https:\/\/our-site\.example)?\/assets\/feedcal\/feedcal\.js/g;

/** The snippets every page needs: a snippet renamed or gone in the docs fails the tests. */
export const SNIPPET_NAMES = ['plain-html', 'ghost-html-card', 'ghost-code-injection', 'ghost-html-card-element', 'embed-box'] as const;
export type SnippetName = (typeof SNIPPET_NAMES)[number];

/** Every `<!-- snippet: name -->` followed by an ```html block in `markdown`. */
export function extractSnippets(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of markdown.replace(/\r\n/g, '\n').matchAll(/<!-- snippet: ([\w-]+) -->\s*```html\n([\s\S]*?)\n```/g)) {
    if (found.has(match[1])) throw new Error(`docs/snippets.md names the snippet "${match[1]}" twice`);
    found.set(match[1], match[2]);
  }
  const missing = SNIPPET_NAMES.filter((name) => !found.has(name));
  if (missing.length) throw new Error(`docs/snippets.md has no snippet called ${missing.join(', ')} (<!-- snippet: name --> before an \`\`\`html block)`);
  return found;
}

export interface PageOptions {
  /** The widget's script, instead of /assets/feedcal/feedcal.js. */
  script: string;
  /** The calendar's address, instead of https://events.example.org/calendar.ics. */
  feed: string;
  /** Put first in every document's head (the test pages' clock). */
  head?: string;
}

export interface SnippetPage {
  name: string;
  /** What the page stands for. */
  says: string;
  /** The snippets pasted into it. */
  snippets: SnippetName[];
  html: string;
  /** The page shows the snippet inside a frame of its own (Wix, Google Sites): the list is in that frame. */
  framed?: boolean;
}

/** `snippet` with the placeholders pointed at this test's script and feed; fails when a placeholder is missing. */
function pointed(name: string, snippet: string, options: PageOptions, needsScript: boolean): string {
  if (!snippet.includes(FEED_PLACEHOLDER) && /<event-list/.test(snippet)) throw new Error(`snippet ${name} does not use the feed address ${FEED_PLACEHOLDER}`);
  if (needsScript && !snippet.match(SCRIPT_PLACEHOLDER)) throw new Error(`snippet ${name} does not load /assets/feedcal/feedcal.js`);
  return snippet.split(FEED_PLACEHOLDER).join(options.feed).replace(SCRIPT_PLACEHOLDER, options.script);
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Roughly what Ghost's default theme (Casper) writes around a post: its fonts, colours and content width. */
const GHOST_STYLE = `<style>
  body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color: #15171a; background: #fff; }
  .site-header { padding: 1.2rem 4vw; border-bottom: 1px solid #eee; font-weight: 800; font-size: 1.4rem; }
  .gh-canvas { max-width: 720px; margin: 0 auto; padding: 0 4vw; }
  .article-title { font-size: 2.8rem; line-height: 1.1; margin: 3rem 0 1.5rem; }
  .gh-content { font-family: Georgia, serif; font-size: 1.2rem; line-height: 1.6; }
</style>`;

const ghostPage = (head: string, card: string, options: PageOptions) => `<!doctype html>
<html lang="en"><head>${options.head ?? ''}
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Events — Our association</title>
${GHOST_STYLE}
${head}
</head>
<body class="post-template">
<header class="site-header">Our association</header>
<main class="site-main"><article class="article post">
  <header class="article-header gh-canvas"><h1 class="article-title">What's on</h1></header>
  <section class="gh-content gh-canvas">
    <p>Everyone is welcome at our meetings. Here is what is coming up:</p>
    <!--kg-card-begin: html-->
${card}
    <!--kg-card-end: html-->
    <p>Questions? Write to us.</p>
  </section>
</article></main>
</body></html>`;

/** A site builder's page with a code block (Squarespace's markup, roughly). */
const builderPage = (block: string, options: PageOptions) => `<!doctype html>
<html lang="en"><head>${options.head ?? ''}
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Events — Our association</title>
<style>
  body { margin: 0; font-family: "Helvetica Neue", Arial, sans-serif; background: #f6f3ee; color: #2b2b2b; }
  .page-section { max-width: 960px; margin: 0 auto; padding: 3rem 2rem; }
  h1 { font-weight: 300; font-size: 2.4rem; letter-spacing: .02em; }
  .sqs-block { padding: 1rem 0; }
</style>
</head>
<body>
<section class="page-section">
  <h1>Events</h1>
  <div class="sqs-block code-block sqs-block-code"><div class="sqs-block-content">
${block}
  </div></div>
</section>
</body></html>`;

/** A builder that puts the code in a frame of its own (Wix's "Embed HTML", Google Sites' embed box). */
const framedPage = (block: string, options: PageOptions) => `<!doctype html>
<html lang="en"><head>${options.head ?? ''}
<meta charset="utf-8"><title>Events — Our association</title>
<style>body { margin: 0; font-family: Arial, sans-serif; background: #fff; } .wix-section { max-width: 980px; margin: 0 auto; padding: 2rem; }</style>
</head>
<body>
<div class="wix-section">
  <h1>Events</h1>
  <iframe title="Embedded HTML" style="width: 100%; height: 720px; border: 0" srcdoc="${escapeAttribute(`<!doctype html><html><head>${options.head ?? ''}</head><body>${block}</body></html>`)}"></iframe>
</div>
</body></html>`;

/** Every page the snippets are pasted into. */
export function snippetPages(snippets: Map<string, string>, options: PageOptions): SnippetPage[] {
  const get = (name: SnippetName, needsScript: boolean) => pointed(name, snippets.get(name)!, options, needsScript);
  const plain = get('plain-html', true);
  if (!/<head[^>]*>/i.test(plain)) throw new Error('snippet plain-html is not a whole page (no <head>)');
  return [
    {
      name: 'plain-html',
      says: 'a plain HTML page, the snippet as the whole file',
      snippets: ['plain-html'],
      html: plain.replace(/<head[^>]*>/i, (tag) => `${tag}${options.head ?? ''}`),
    },
    {
      name: 'ghost-html-card',
      says: 'a Ghost post with one HTML card holding the script and the calendar',
      snippets: ['ghost-html-card'],
      html: ghostPage('', get('ghost-html-card', true), options),
    },
    {
      name: 'ghost-code-injection',
      says: 'a Ghost post: the script in Settings → Code injection → Site header, the calendar alone in an HTML card',
      snippets: ['ghost-code-injection', 'ghost-html-card-element'],
      html: ghostPage(get('ghost-code-injection', true), get('ghost-html-card-element', false), options),
    },
    {
      name: 'embed-box',
      says: "a site builder's code block (Squarespace's Code block), the snippet in the page itself",
      snippets: ['embed-box'],
      html: builderPage(get('embed-box', true), options),
    },
    {
      name: 'embed-box-framed',
      says: "a site builder that puts the box in a frame of its own (Wix's Embed HTML, Google Sites)",
      snippets: ['embed-box'],
      html: framedPage(get('embed-box', true), options),
      framed: true,
    },
  ];
}

/** `limit="n"` on the snippet's `<event-list>`, or undefined. */
export function limitOf(snippet: string): number | undefined {
  const match = /<event-list\b[^>]*\slimit="(\d+)"/.exec(snippet);
  return match ? Number(match[1]) : undefined;
}

/**
 * A Google Calendar export (its PRODID, X-WR-CALNAME, X-WR-TIMEZONE and VTIMEZONE) with a past
 * event, timed events, an all-day market and a weekly series, dated from `firstDay` (YYYY-MM-DD,
 * a Tuesday or not: only the dates move). Returns the feed and the titles the list shows, soonest first.
 */
export function calendarFeed(firstDay: string): {ics: string; upcoming: string[]} {
  const [y, m, d] = firstDay.split('-').map(Number);
  const day = (offset: number) => {
    const date = new Date(Date.UTC(y, m - 1, d + offset));
    return date.toISOString().slice(0, 10).replace(/-/g, '');
  };
  const event = (uid: string, title: string, lines: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}@snippets.feedcal.test`,
    'DTSTAMP:20261101T090000Z',
    ...lines,
    `SUMMARY:${title}`,
    'END:VEVENT',
  ];
  const ics = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Our association',
    'X-WR-TIMEZONE:Europe/Stockholm',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Stockholm',
    'BEGIN:STANDARD',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    ...event('autumn-meeting', 'Autumn meeting', [`DTSTART;TZID=Europe/Stockholm:${day(-12)}T180000`, `DTEND;TZID=Europe/Stockholm:${day(-12)}T200000`]),
    ...event('language-cafe', 'Language café', [
      `DTSTART;TZID=Europe/Stockholm:${day(0)}T170000`,
      `DTEND;TZID=Europe/Stockholm:${day(0)}T183000`,
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'LOCATION:Library\\, Storgatan 3',
    ]),
    ...event('reading-circle', 'Reading circle: Kallocain', [
      `DTSTART;TZID=Europe/Stockholm:${day(2)}T180000`,
      `DTEND;TZID=Europe/Stockholm:${day(2)}T200000`,
      'LOCATION:Folkets hus',
      'DESCRIPTION:We read Karin Boye\\, chapters 1–5.',
    ]),
    ...event('christmas-market', 'Christmas market in the park', [`DTSTART;VALUE=DATE:${day(11)}`, `DTEND;VALUE=DATE:${day(12)}`, 'LOCATION:Folkets park']),
    ...event('film-night', 'Film night', [`DTSTART;TZID=Europe/Stockholm:${day(16)}T190000`, `DTEND;TZID=Europe/Stockholm:${day(16)}T213000`]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  // Soonest first: the café on days 0, 7 and 14, the reading circle on day 2, the market on day 11, the film on day 16.
  const upcoming = ['Language café', 'Reading circle: Kallocain', 'Language café', 'Christmas market in the park', 'Language café', 'Film night'];
  return {ics, upcoming};
}
