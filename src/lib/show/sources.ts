/**
 * A calendar of several sources (a union branch, a tenants' group, a study circle, each with its
 * own feed): which sources there are, with their labels and colours, and which of them an event
 * came from. Pure: the colour check takes the browser's CSS parser as an argument, so the same
 * code runs in Node tests. Loaded only by lists that show two or more sources
 * (views/source-badges.ts), and by the filter bar and month grid through what that chunk works out.
 *
 * A colour is never the only signal: every view that colours by source writes the label too.
 */
import type {CalendarEvent} from '../events/model.js';
import {hostOf} from '../events/normalise.js';

/** One source of the list, as the views show it. */
export interface SourceInfo {
  /** The feed's URL: what events name in `source` and `alsoFrom`, and what the visitor's filter holds. */
  src: string;
  /** Its `label`, else the feed's host name. Text, never markup. */
  label: string;
  /** A checked CSS colour: the source's own `color`, else one of `SOURCE_PALETTE`. */
  colour: string;
  /** Its feed failed (the others may show). */
  failed: boolean;
}

export type SourceRoster = ReadonlyMap<string, SourceInfo>;

/**
 * Colours for sources without one, in order. Each has at least 3:1 (WCAG's contrast for
 * graphics such as a swatch or an entry's edge) against white, the light theme's surfaces, the
 * dark theme's surface (#1b1f24) and a dark page (#121212); test/lib/show/sources.test.ts
 * computes it. Text stays in the text colour, so its contrast does not depend on these.
 */
export const SOURCE_PALETTE: readonly string[] = ['#2f7fc1', '#d9480f', '#2b8a3e', '#a855f7', '#db2777', '#0c8599', '#b7791f', '#6b7fd7'];

/** Longest colour value read: a real one is short; a long one is an attack or a mistake. */
const MAX_COLOUR_LENGTH = 64;

/**
 * `value` when it is one plain CSS colour, else undefined. The browser's parser decides
 * (`CSS.supports('color', …)`), after a strict shape check that turns away what a colour never
 * holds but a parser might accept or a stylesheet might misread: `;`, braces, quotes, `<`, `\`,
 * `url(`, `var(`, `expression(`, `attr(`, `env(`, comments. The colour is then set as a custom
 * property through the style API, never written into CSS text.
 */
export function checkColour(value: string | undefined, supports: (value: string) => boolean): string | undefined {
  const colour = value?.trim();
  if (!colour || colour.length > MAX_COLOUR_LENGTH) return undefined;
  if (/[;{}"'<>\\@!]|\/\*|\b(url|var|expression|attr|env|image|image-set|element|paint)\s*\(/i.test(colour)) return undefined;
  return supports(colour) ? colour : undefined;
}

/** The browser's own check, when there is a browser. */
export const browserSupportsColour = (value: string) => typeof CSS !== 'undefined' && CSS.supports('color', value);

/** What the roster is made from: the list's sources (`<event-source>` children and `src` URLs). */
export interface SourceInput {
  src: string;
  label?: string;
  color?: string;
}

/**
 * The list's sources with their labels and colours, in the order listed. A source without a
 * (valid) colour takes the next palette colour not already given, so colours stay distinct while
 * the palette lasts; with more sources than colours they repeat, and the labels tell them apart.
 * Without sources (events given through `.events`), the sources the events name.
 */
export function buildRoster(
  sources: readonly SourceInput[],
  failed: ReadonlySet<string>,
  events: readonly CalendarEvent[],
  supports: (value: string) => boolean = browserSupportsColour,
  base: string | undefined = typeof document === 'undefined' ? undefined : document.baseURI
): Map<string, SourceInfo> {
  const inputs: SourceInput[] = sources.length ? [...sources] : [];
  if (!inputs.length) {
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.source)) continue;
      seen.add(event.source);
      inputs.push({src: event.source, label: event.sourceLabel});
    }
  }
  const roster = new Map<string, SourceInfo>();
  const own = inputs.map((input) => checkColour(input.color, supports));
  const taken = new Set(own.filter(Boolean).map((colour) => colour!.toLowerCase()));
  const free = SOURCE_PALETTE.filter((colour) => !taken.has(colour));
  let next = 0;
  inputs.forEach((input, index) => {
    // Events name their feed by its absolute URL (load-feed.ts), as the page's base resolves it.
    const src = absolute(input.src, base);
    if (roster.has(src)) return;
    const colour = own[index] ?? (free.length ? free[next++ % free.length] : SOURCE_PALETTE[next++ % SOURCE_PALETTE.length]);
    roster.set(src, {src, label: cleanLabel(input.label) || hostOf(src) || src, colour, failed: failed.has(input.src) || failed.has(src)});
  });
  return roster;
}

function absolute(src: string, base: string | undefined): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}

/** Longest label shown, in characters: a chip is a few words, not a paragraph. */
const MAX_LABEL_LENGTH = 60;

/** A label as one line of text: controls and bidi overrides out (the views isolate it with `<bdi>`), capped. */
function cleanLabel(label: string | undefined): string {
  const clean = (label ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const points = Array.from(clean);
  return points.length > MAX_LABEL_LENGTH ? `${points.slice(0, MAX_LABEL_LENGTH - 1).join('')}…` : clean;
}

/** The sources an event came from, in the order listed: its own first, then any other that had it. */
export function sourcesOf(event: CalendarEvent, roster: SourceRoster): SourceInfo[] {
  const found: SourceInfo[] = [];
  for (const src of [event.source, ...(event.alsoFrom ?? [])]) {
    const info = roster.get(src);
    if (info && !found.includes(info)) found.push(info);
  }
  return found;
}
