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

/** The sane range of a delay attribute, in seconds, and what an unusable value reads as. */
export interface SecondsRange {
  min: number;
  max: number;
  /** For a value that is not a positive number (`-5`, `abc`, `Infinity`); undefined: the feature's own default, or off. */
  fallback?: number;
}

const notedValues = new Set<string>();

/**
 * A delay attribute (`timeout`, `refresh`) in seconds, as milliseconds a timer can hold. Unset or
 * 0 gives undefined (the default) silently; a value that is not a positive number gives
 * `range.fallback`; one outside the range is clamped to it. Both say so once on the console,
 * naming the attribute and the value used: `refresh="2592000"` (30 days) once fired at once and
 * made 471 requests in 4 s, and `timeout="-5"` ended every load as a timeout.
 */
export function timerMs(attribute: string, seconds: number | null | undefined, range: SecondsRange): number | undefined {
  if (seconds == null || seconds === 0) return undefined;
  const valid = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0;
  const used = valid ? Math.min(Math.max(seconds, range.min), range.max) : range.fallback;
  if (used !== seconds) {
    const note = `${attribute}=${seconds}`;
    if (!notedValues.has(note)) {
      notedValues.add(note);
      console.warn(`feedcal: ${attribute}="${seconds}" is out of range; using ${used === undefined ? 'the default' : `${used} seconds`}.`);
    }
  }
  return used === undefined ? undefined : Math.min(used * 1000, MAX_TIMER_MS);
}

/** `timeout`: from a tenth of a second to five minutes; anything unusable reads as the default (15 s). */
export const TIMEOUT_RANGE: SecondsRange = {min: 0.1, max: 300};
/** `refresh`: at least every 30 s (small organisations' servers) and at most once a day; anything unusable turns it off. */
export const REFRESH_RANGE: SecondsRange = {min: 30, max: 86_400};
