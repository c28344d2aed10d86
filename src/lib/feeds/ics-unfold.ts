/**
 * iCalendar line unfolding on bytes. RFC 5545 folds lines at 75 octets, so a fold can fall in the
 * middle of a multi-byte UTF-8 character; decoding first would turn "Grönland" into "Gr��nland".
 * Kept apart from the iCalendar parser so the network layer can use it without loading ical.js,
 * and loaded only for bodies that `looksLikeIcs` (sniff.ts) says are iCalendar.
 */

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
