/**
 * WCAG 2 contrast between the accent colour and the page background: dates, links and the focus
 * ring are drawn in the accent, so below 4.5:1 (WCAG AA for normal text) the configurator warns,
 * and offers the nearest shade that passes. Pure.
 */

/** The page backgrounds a person can check against (the configurator's light and dark choices). */
export const PAGE_BACKGROUNDS = {light: '#ffffff', dark: '#161616'} as const;

/** WCAG AA for normal-size text. */
export const MIN_CONTRAST = 4.5;

/** `#rrggbb` as [r, g, b] in 0–255, or undefined. */
export function parseHex(colour: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  return match ? [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)] : undefined;
}

const toHex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2.x definition, sRGB). */
export function luminance([r, g, b]: readonly number[]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two `#rrggbb` colours, 1 to 21; undefined when either is not a colour. */
export function contrastRatio(a: string, b: string): number | undefined {
  const [x, y] = [parseHex(a), parseHex(b)];
  if (!x || !y) return undefined;
  const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The shade of `colour` closest to it that reaches `MIN_CONTRAST` on `background`: mixed towards
 * black on a light page, towards white on a dark one. The colour itself when it already passes.
 */
export function passingShade(colour: string, background: string): string | undefined {
  const rgb = parseHex(colour);
  const bg = parseHex(background);
  if (!rgb || !bg) return undefined;
  const target = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 100; step++) {
    const mixed = toHex(rgb.map((c, i) => c + ((target[i] - c) * step) / 100));
    if ((contrastRatio(mixed, background) ?? 0) >= MIN_CONTRAST) return mixed;
  }
  return toHex(target);
}
