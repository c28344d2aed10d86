/**
 * iCalendar line unfolding on bytes. RFC 5545 folds lines at 75 octets, so a fold can fall in the
 * middle of a multi-byte UTF-8 character; decoding first would turn "Grönland" into "Gr��nland".
 * Kept apart from the iCalendar parser so the network layer can use it without loading ical.js.
 */

const BOM = [0xef, 0xbb, 0xbf];
const PREFIX = [...'BEGIN:VCALENDAR'].map((c) => c.charCodeAt(0));

/** Whether the bytes start (after a BOM and white space) with `BEGIN:VCALENDAR`. */
export function looksLikeIcs(bytes: Uint8Array): boolean {
  let i = BOM.every((b, k) => bytes[k] === b) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  // Case-insensitive: some producers write `begin:vcalendar`.
  return PREFIX.every((c, k) => ((bytes[i + k] ?? 0) | 0x20) === (c | 0x20));
}

/**
 * Removes every CRLF or LF that is followed by one space or tab (a fold), on raw bytes. Jumps
 * from LF to LF with the native `indexOf` and copies the runs between folds whole: a loop over
 * every byte of a few megabytes took tens of milliseconds.
 */
export function unfoldIcsBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let from = 0;
  for (let lf = bytes.indexOf(0x0a); lf >= 0; lf = bytes.indexOf(0x0a, lf + 1)) {
    const next = bytes[lf + 1];
    if (next !== 0x20 && next !== 0x09) continue;
    // A fold: the line break (with its CR, if any) and the one blank after it go.
    const end = lf > from && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
    out.set(bytes.subarray(from, end), n);
    n += end - from;
    from = lf + 2;
  }
  out.set(bytes.subarray(from), n);
  n += Math.max(0, bytes.length - from);
  return out.subarray(0, n);
}
