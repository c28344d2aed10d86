/**
 * How attribute text becomes property values, decided once here rather than at every use:
 * booleans that page builders write as `="false"`, enumerated values, byte sizes.
 */
import type {FormatChoice} from './feeds/index.js';

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

/** `value` when it is one of `allowed`, else `fallback`. */
export const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

/**
 * The converter of an enumerated attribute whose default is `allowed[0]`: any other text (a typo,
 * an unknown value, the attribute removed) reads as the default, so the property always holds a
 * value the element knows and no use of it checks again. A script setting the property is held
 * to its type instead. A reflected attribute (`view`) then shows the default too.
 */
export const enumConverter = <T extends string>(allowed: readonly T[]) => ({
  fromAttribute: (value: string | null) => oneOf(value, allowed, allowed[0]),
});

/** The values of `format` (on `<event-list>` and `<event-source>`), the default first. */
export const FORMATS: readonly FormatChoice[] = ['auto', 'json', 'rss', 'atom', 'ics', 'jsonld', 'markdown'];

/** `5MB`, `800 kB`, `1048576` → bytes; undefined (the default) for anything else. */
export function parseByteSize(value: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const unit = {b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3}[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(+match[1] * unit) || undefined;
}

/** The longest delay a browser timer holds: 2³¹−1 ms (about 24.8 days). A longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const notedValues = new Set<string>();

/**
 * A delay attribute (`timeout`, `refresh`) in seconds, as milliseconds a timer can hold. Unset or
 * 0 gives undefined (the feature's default: 15 s, or no refresh) silently; a value that is not a
 * positive number (`-5`, `abc`) gives undefined too, and one outside `[min, max]` is clamped to
 * it, each said once on the console, naming the attribute and the value used.
 * `refresh="2592000"` (30 days) once fired at once and made 471 requests in 4 s, and
 * `timeout="-5"` ended every load as a timeout.
 */
export function timerMs(attribute: string, seconds: number | null | undefined, [min, max]: readonly [number, number]): number | undefined {
  if (seconds == null || seconds === 0) return undefined;
  const used = seconds > 0 && seconds < Infinity ? Math.min(Math.max(seconds, min), max) : undefined;
  const note = `feedcal: ${attribute}="${seconds}" is out of range; using ${used === undefined ? 'the default' : `${used} seconds`}.`;
  if (used !== seconds && !notedValues.has(note)) console.warn(note);
  notedValues.add(note);
  return used && Math.min(used * 1000, MAX_TIMER_MS);
}

/** `timeout`, in seconds: from a tenth of a second to five minutes. */
export const TIMEOUT_RANGE = [0.1, 300] as const;
/** `refresh`, in seconds: at least every 30 s (small organisations' servers), at most once a day. */
export const REFRESH_RANGE = [30, 86_400] as const;
