/// <reference types="node" />
/**
 * The copy action's writers (src/lib/write/newsletter.ts), in Node: plain text, Markdown,
 * e-mail-ready HTML and Mastodon posts of the same events, in Swedish and Stockholm's zone, with
 * hostile titles (markup, Markdown, bidirectional controls, right-to-left text) and a link that is
 * not http(s).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {CalendarEvent} from '../../src/lib/events/model.js';
import {
  MASTODON_URL_LENGTH,
  cleanLine,
  escapeHtml,
  escapeMarkdown,
  isolate,
  mastodonLength,
  toEmailHtml,
  toMarkdown,
  toMastodonPosts,
  toPlainText,
  type DigestOptions,
} from '../../src/lib/write/newsletter.js';

const ZONE = 'Europe/Stockholm';
const NOW = new Date('2026-11-27T12:00:00Z');
const event = (fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'id' | 'title' | 'start'>): CalendarEvent => ({
  allDay: false,
  categories: [],
  locations: [],
  source: 'https://example.org/feed.json',
  ...fields,
});

const HOSTILE = '<script>alert(1)</script> *bold* [x](javascript:alert(1)) & "quotes"';
const HEBREW = 'ערב שירה';
const EVENTS: CalendarEvent[] = [
  event({
    id: '1',
    title: 'Studiecirkel: Kapitalet',
    start: new Date('2026-12-01T17:00:00Z'),
    end: new Date('2026-12-01T19:00:00Z'),
    url: 'https://example.org/e/1',
    locations: ['Kafé Rosa'],
  }),
  event({id: '2', title: HOSTILE, start: new Date('2026-12-02T17:00:00Z'), url: 'javascript:alert(1)', locations: ['<b>Hall</b>']}),
  event({id: '3', title: `${HEBREW}\u202e reversed`, start: new Date('2026-12-03T17:00:00Z'), url: 'https://example.org/e/3', status: 'cancelled'}),
  event({id: '4', title: 'Julmarknad', start: new Date('2026-12-12T23:00:00Z'), end: new Date('2026-12-13T23:00:00Z'), allDay: true}),
];

const OPTIONS: DigestOptions = {
  locale: 'sv',
  timeZone: ZONE,
  now: NOW,
  heading: 'Kamratdataföreningen',
  pageUrl: 'https://example.org/kalender',
  labels: {cancelled: 'Inställt', tentative: 'Ej bekräftat', allEvents: 'Alla evenemang:'},
};

// The dates are the cards' own (format.ts): a reader whose clock is not Stockholm's also sees the
// zone's name ("18:00 CET"). The machine's zone decides that, not what the writers do: left out.
const withoutZone = (text: string) => text.replace(/ CET/g, '');

describe('plain text', () => {
  const text = withoutZone(toPlainText(EVENTS, OPTIONS));
  it('has the heading, each event with its Swedish date in Stockholm, place and link, and the page', () => {
    assert.match(text, /^Kamratdataföreningen\n\n/);
    assert.ok(text.includes('tis 1 dec 18:00–20:00\nStudiecirkel: Kapitalet\nKafé Rosa\nhttps://example.org/e/1'), text);
    assert.ok(text.includes('Alla evenemang: https://example.org/kalender'));
    // An all-day event on its calendar day in Stockholm, without a time.
    assert.ok(text.includes('sön 13 dec\nJulmarknad'), text);
  });
  it('keeps markup as text and writes no link that is not http(s)', () => {
    assert.ok(text.includes(HOSTILE));
    assert.ok(!text.includes('javascript:alert(1)\n'));
  });
  it('isolates right-to-left text, drops its bidirectional controls, and says a cancellation', () => {
    assert.ok(text.includes(`Inställt: \u2068${HEBREW} reversed\u2069`), text);
    assert.ok(!text.includes('\u202e'));
  });
});

describe('Markdown', () => {
  const md = withoutZone(toMarkdown(EVENTS, OPTIONS));
  it('lists each event with its date in bold and its title as a link', () => {
    assert.match(md, /^## Kamratdataföreningen\n\n/);
    assert.ok(md.includes('- **tis 1 dec 18:00–20:00**: [Studiecirkel: Kapitalet](<https://example.org/e/1>) · Kafé Rosa'), md);
  });
  it('escapes the punctuation that would make markup of a title, and links only http(s)', () => {
    assert.ok(md.includes('\\<script\\>alert\\(1\\)\\</script\\> \\*bold\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\& \\"quotes\\"'), md);
    assert.ok(!/\]\(<?javascript:/.test(md));
    assert.ok(md.includes('\\<b\\>Hall\\</b\\>'));
  });
});

describe('e-mail HTML', () => {
  const out = toEmailHtml(EVENTS, OPTIONS);
  it('is escaped text in inline-styled elements, with the list language', () => {
    assert.match(out, /^<div lang="sv" dir="ltr" style="[^"]+">/);
    assert.ok(!out.includes('<script'));
    assert.ok(out.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
    assert.ok(!/<style|class=|<b>/.test(out));
    // Every attribute is one the writer writes; every link is http(s).
    for (const [, name] of out.matchAll(/\s([a-z-]+)="/g)) assert.ok(['lang', 'dir', 'style', 'href'].includes(name), name);
    for (const [, href] of out.matchAll(/href="([^"]*)"/g)) assert.match(href, /^https?:\/\//);
    assert.ok(out.includes('<a href="https://example.org/e/1" style="'));
  });
  it('isolates titles and places with dir="auto"', () => {
    assert.ok(out.includes(`<span dir="auto">${HEBREW} reversed</span>`), out);
    assert.ok(out.includes('<p style="margin:0;color:#57606a;font-size:14px" dir="auto">&#60;b&#62;Hall&#60;/b&#62;</p>'));
  });
});

describe('Mastodon posts', () => {
  it('count characters as Mastodon does: graphemes, each link as 23', () => {
    assert.equal(mastodonLength('abc'), 3);
    assert.equal(mastodonLength(`see https://example.org/${'x'.repeat(200)} now`), 8 + MASTODON_URL_LENGTH);
    assert.equal(mastodonLength('👨‍👩‍👧‍👦é'), 2);
  });
  it('fit a short week in one post, unnumbered', () => {
    const posts = toMastodonPosts(EVENTS, OPTIONS).map(withoutZone);
    assert.equal(posts.length, 1);
    assert.ok(posts[0].startsWith('Kamratdataföreningen\n\ntis 1 dec 18:00–20:00\nStudiecirkel: Kapitalet · Kafé Rosa\nhttps://example.org/e/1'), posts[0]);
    assert.ok(!/\d+\/\d+$/.test(posts[0]));
  });
  it('split a long week into numbered posts of at most 500, each event once', () => {
    const many = Array.from({length: 30}, (_, i) =>
      event({
        id: `m${i}`,
        title: `Möte nummer ${i} om organisering på arbetsplatsen`,
        start: new Date(Date.UTC(2026, 11, 1 + (i % 20), 17)),
        url: `https://example.org/e/m${i}?with=a-long-query-string-${i}`,
        locations: ['Folkets hus, Stockholm'],
      })
    );
    const posts = toMastodonPosts(many, OPTIONS);
    assert.ok(posts.length > 2);
    posts.forEach((post, i) => {
      assert.ok(mastodonLength(post) <= 500, `post ${i + 1}: ${mastodonLength(post)}`);
      assert.ok(post.endsWith(`\n\n${i + 1}/${posts.length}`), post);
    });
    for (const e of many) assert.equal(posts.filter((post) => post.includes(`${e.url}\n`)).length, 1, e.url);
  });
  it('shorten a title longer than a post, keeping its link', () => {
    const long = event({id: 'l', title: 'Lång '.repeat(200), start: new Date('2026-12-05T10:00:00Z'), url: 'https://example.org/e/long'});
    const posts = toMastodonPosts([long], {...OPTIONS, heading: undefined, pageUrl: undefined});
    assert.equal(posts.length, 1);
    assert.ok(mastodonLength(posts[0]) <= 500);
    assert.ok(posts[0].includes('…\nhttps://example.org/e/long'));
  });
  it('isolate a left-to-right title in a right-to-left list', () => {
    const posts = toMastodonPosts([EVENTS[0]], {...OPTIONS, locale: 'ar', rtl: true, heading: undefined, pageUrl: undefined});
    assert.ok(posts[0].includes('\u2068Studiecirkel: Kapitalet · Kafé Rosa\u2069') || posts[0].includes('\u2068Studiecirkel: Kapitalet\u2069'), posts[0]);
  });
});

describe('helpers', () => {
  it('clean, isolate and escape', () => {
    assert.equal(cleanLine(' a\n\tb\u0007 \u2066c\u2069 '), 'a b c');
    assert.equal(isolate('abc'), 'abc');
    assert.equal(isolate(HEBREW), `\u2068${HEBREW}\u2069`);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    assert.equal(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
  });
});
