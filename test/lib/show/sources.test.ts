/**
 * A coalition's sources (lib/show/sources.ts): hostile colours turned away by the strict check
 * and the browser's parser, palette colours distinct and at 3:1 or more against light and dark
 * pages (computed), labels as clean text, credits in the order listed.
 */
import {expect} from '@open-wc/testing';
import {SOURCE_PALETTE, browserSupportsColour, buildRoster, checkColour, sourcesOf} from '../../../src/lib/show/sources.js';
import type {CalendarEvent} from '../../../src/lib/events/model.js';

const eventOf = (source: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: `${source}-1`,
  title: 'Möte',
  start: new Date('2026-12-02T17:00:00Z'),
  allDay: false,
  categories: [],
  locations: [],
  source,
  ...extra,
});

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('source colours', () => {
  const hostile = [
    'red;background:url(https://evil.example/x)',
    'red; background: url(x)',
    '</style><script>alert(1)</script>',
    'expression(alert(1))',
    'var(--_accent)',
    'url(javascript:alert(1))',
    'red !important',
    'red /* */',
    '"red"',
    'red}body{display:none',
    'attr(data-x)',
    'env(safe-area-inset-top)',
    '#' + 'f'.repeat(100),
    'notacolour',
    '',
    '   ',
  ];
  for (const value of hostile) {
    it(`turns away ${JSON.stringify(value.slice(0, 40))}`, () => expect(checkColour(value, browserSupportsColour)).to.equal(undefined));
  }

  for (const value of ['#0a7d5a', 'rgb(10 125 90)', 'oklch(0.6 0.15 150)', 'rebeccapurple', 'hsl(200deg 60% 40%)']) {
    it(`keeps ${value}`, () => expect(checkColour(` ${value} `, browserSupportsColour)).to.equal(value));
  }

  it('the strict check runs before the parser: a parser that accepts anything still gets no ; or url(', () => {
    expect(checkColour('red;x:url(y)', () => true)).to.equal(undefined);
    expect(checkColour('red', () => true)).to.equal('red');
  });

  it('palette colours are distinct and keep 3:1 (graphics) against light and dark pages and surfaces', () => {
    expect(new Set(SOURCE_PALETTE).size).to.equal(SOURCE_PALETTE.length);
    const backgrounds = ['#ffffff', '#f6f8fa', '#121212', '#1b1f24', '#000000'];
    const lowest = Math.min(...SOURCE_PALETTE.flatMap((colour) => backgrounds.map((bg) => contrast(colour, bg))));
    expect(lowest, `lowest palette contrast ${lowest.toFixed(2)}`).to.be.at.least(3);
  });
});

describe('buildRoster', () => {
  it('keeps the sources in order with their labels; own colours first, the palette for the rest without repeating an own one', () => {
    const roster = buildRoster(
      [
        {src: 'https://union.example/feed.ics', label: 'Union branch', color: SOURCE_PALETTE[0]},
        {src: 'https://tenants.example/events.json', label: "Tenants' Union"},
        {src: 'https://circle.example/rss', color: 'red;background:url(x)'},
      ],
      new Set(['https://circle.example/rss']),
      []
    );
    expect([...roster.values()]).to.deep.equal([
      {src: 'https://union.example/feed.ics', label: 'Union branch', colour: SOURCE_PALETTE[0], failed: false},
      {src: 'https://tenants.example/events.json', label: "Tenants' Union", colour: SOURCE_PALETTE[1], failed: false},
      // A hostile colour is ignored (the palette's next one), no label: the feed's host; failed.
      {src: 'https://circle.example/rss', label: 'circle.example', colour: SOURCE_PALETTE[2], failed: true},
    ]);
  });

  it('labels are one line of plain text, bidi overrides out, capped', () => {
    const roster = buildRoster(
      [
        {src: 'https://a.example/', label: '</style><b>x</b>'},
        {src: 'https://b.example/', label: 'a\u202Eb\nc'},
        {src: 'https://c.example/', label: 'x'.repeat(500)},
      ],
      new Set(),
      []
    );
    const labels = [...roster.values()].map((info) => info.label);
    expect(labels[0]).to.equal('</style><b>x</b>');
    expect(labels[1]).to.equal('ab c');
    expect(Array.from(labels[2]).length).to.equal(60);
  });

  it('thousands of sources: every one gets a colour (the palette repeats) and a label', () => {
    const sources = Array.from({length: 3000}, (_, i) => ({src: `https://s${i}.example/feed.json`}));
    const roster = buildRoster(sources, new Set(), []);
    expect(roster.size).to.equal(3000);
    expect(roster.get('https://s2999.example/feed.json')!.colour).to.equal(SOURCE_PALETTE[2999 % SOURCE_PALETTE.length]);
  });

  it('without sources (events given through .events): the sources the events name, with their labels', () => {
    const roster = buildRoster([], new Set(), [eventOf('https://x.example/', {sourceLabel: 'X'}), eventOf('https://y.example/'), eventOf('https://x.example/')]);
    expect([...roster.values()].map((info) => info.label)).to.deep.equal(['X', 'y.example']);
  });

  it('an event credits its own source first, then every other that had it, each once', () => {
    const roster = buildRoster(
      [
        {src: 'a', label: 'A'},
        {src: 'b', label: 'B'},
        {src: 'c', label: 'C'},
      ],
      new Set(),
      [],
      browserSupportsColour,
      'https://x.example/'
    );
    const merged = eventOf('https://x.example/b', {alsoFrom: ['https://x.example/a', 'https://x.example/b', 'https://unknown.example/']});
    expect(sourcesOf(merged, roster).map((info) => info.label)).to.deep.equal(['B', 'A']);
  });
});
