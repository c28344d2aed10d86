/**
 * Whether a computed CSS colour is light, as the text of a dark page is. The widget inherits the
 * page's text colour; on a dark page its light-page accent (#b33c0b) is too dark to read, so a
 * list takes the dark palette's accent there. Reads the forms `getComputedStyle` gives: `rgb()`
 * and `rgba()` (by luma, which is enough to tell light text from dark), and the lightness of
 * `oklch()`, `oklab()`, `lch()` and `lab()`; anything else counts as dark text, the default look.
 */
export function isLightColour(color: string): boolean {
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  if (rgb) return 0.2126 * +rgb[1] + 0.7152 * +rgb[2] + 0.0722 * +rgb[3] > 0.65 * 255;
  const lightness = /^(ok)?l(?:ch|ab)\(\s*([\d.]+)(%?)/.exec(color);
  return !!lightness && +lightness[2] / (lightness[1] && !lightness[3] ? 1 : 100) > 0.68;
}
