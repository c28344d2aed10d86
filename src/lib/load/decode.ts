/**
 * Bytes to text with the right character set. Feeds are fetched as bytes because `Response.text()`
 * always decodes UTF-8, which turns an ISO-8859-1 news feed's "Notícias" into "Not�cias".
 *
 * iCalendar is not unfolded here. Folds fall every 75 *octets* and may split a multi-byte
 * character, so they have to be removed on the bytes before decoding; that is the ICS module's
 * job (it owns the format's line rules), and this function stays format-neutral.
 */

/**
 * Decodes a fetched feed. The charset comes from, in order: a byte-order mark; the XML
 * declaration's `encoding="…"`; the HTTP `charset=` parameter; else UTF-8. The declaration wins
 * over HTTP on purpose: it is written by the program that wrote the bytes, while servers often
 * add a blanket `charset=utf-8` (or `text/xml`'s old us-ascii default) to every file. Invalid
 * sequences become U+FFFD instead of failing the feed; an unknown label falls back to UTF-8.
 */
export function decodeFeedBytes(bytes: ArrayBuffer | Uint8Array, contentType?: string): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const label = bomCharset(view) ?? declaredCharset(view) ?? httpCharset(contentType) ?? 'utf-8';
  // TextDecoder strips a BOM that matches its encoding, so the text never starts with U+FEFF.
  return decoder(label).decode(view);
}

function decoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label, {fatal: false});
  } catch {
    return new TextDecoder('utf-8', {fatal: false});
  }
}

function bomCharset(view: Uint8Array): string | undefined {
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) return 'utf-8';
  if (view[0] === 0xfe && view[1] === 0xff) return 'utf-16be';
  if (view[0] === 0xff && view[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * `encoding` from `<?xml … ?>`, read from the first bytes as latin1 (every byte is one char, so an
 * ASCII-compatible declaration reads the same in any charset it can name).
 */
function declaredCharset(view: Uint8Array): string | undefined {
  const head = latin1(view.subarray(0, 256));
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (!m) return undefined;
  // The declaration was readable as single bytes, so the file is not UTF-16 whatever it says
  // (a common copy-paste error); decoding it as UTF-16 would turn the whole feed into noise.
  return /^utf-?16/i.test(m[1]) ? undefined : m[1];
}

function httpCharset(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m?.[1];
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
