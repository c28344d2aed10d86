/**
 * Feed text put into a URL. `encodeURIComponent` throws `URIError: URI malformed` on half an emoji
 * (a lone UTF-16 surrogate), which feeds do carry: a title cut at a character limit, a field
 * sliced by a CMS. Thrown while a card builds its links, it cost the card its details and its
 * calendar links. Every percent-encoding of text in feedcal goes through `encodeUriPart` (lint
 * forbids `encodeURIComponent` elsewhere), which first makes the text well formed: each lone
 * surrogate becomes U+FFFD, as the URL parser itself and `TextEncoder` do.
 */

/**
 * `text` with every lone surrogate replaced by U+FFFD: `String.prototype.toWellFormed`, which
 * every browser feedcal runs in has (it needs `AbortSignal.any`, which came later: README,
 * "Browser support"), and Node from 20.
 */
export const wellFormed = (text: string): string => (text as string & {toWellFormed(): string}).toWellFormed();

/** `encodeURIComponent` that never throws: lone surrogates are encoded as U+FFFD (`%EF%BF%BD`). */
// eslint-disable-next-line no-restricted-globals -- the one place it is called
export const encodeUriPart = (text: string): string => encodeURIComponent(wellFormed(text));
