/**
 * The converter of a boolean attribute that also reads `="false"` as false. HTML's own rule is
 * presence (`hidden="false"` hides), but CMS shortcodes and templates (WordPress, Hugo) write
 * every option as name="value", and an organiser who writes `no-add-to-calendar="false"` means
 * false. Gancio's widget reads such a value as true (notes/gancio-and-mobilizon.md); we don't.
 * Used as `{type: Boolean, converter: flagConverter}`, written out in each declaration so the
 * custom-elements manifest analyser can read it. Reflecting (`expanded`) uses Lit's own
 * `toAttribute`, which writes `""` or removes the attribute.
 */
export const flagConverter = {
  fromAttribute: (value: string | null) => value !== null && value.trim().toLowerCase() !== 'false',
};
