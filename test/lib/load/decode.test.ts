import {expect} from '@open-wc/testing';
import {decodeFeedBytes} from '../../../src/lib/load/decode.js';

/** Bytes of an ASCII string plus raw byte values where `\x..` escapes stand (latin1 in, bytes out). */
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeFeedBytes', () => {
  // "Notícias": í is 0xED in ISO-8859-1 and 0xC3 0xAD in UTF-8.
  const latin1Feed = bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\r\n<rss version="2.0"><channel><title>Jornal de Not\xedcias</title></channel></rss>');

  const cases: Array<[string, Uint8Array | ArrayBuffer, string | undefined, string]> = [
    // [what, bytes, content type, expected text (or a part of it)]
    ['ISO-8859-1 declared in the XML declaration', latin1Feed, undefined, 'Jornal de Notícias'],
    ['ISO-8859-1 declared, though the server says UTF-8', latin1Feed, 'application/rss+xml; charset=utf-8', 'Jornal de Notícias'],
    ['ISO-8859-1 from the HTTP charset only', bytes('<rss><title>Not\xedcias</title></rss>'), 'text/xml; charset="iso-8859-1"', 'Notícias'],
    ['windows-1252 curly quotes', bytes('<?xml version="1.0" encoding="windows-1252"?><t>\x93Hej\x94</t>'), undefined, '“Hej”'],
    ['UTF-8 without any label', utf8('Kamratdataföreningen'), undefined, 'Kamratdataföreningen'],
    ['UTF-8 given as an ArrayBuffer', utf8('Möte').buffer as ArrayBuffer, undefined, 'Möte'],
    ['a UTF-8 BOM beats a wrong HTTP charset', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Möte')]), 'text/plain; charset=iso-8859-1', 'Möte'],
    ['a UTF-16LE BOM', Uint8Array.from([0xff, 0xfe, 0x4d, 0x00, 0xf6, 0x00]), undefined, 'Mö'],
    ['an unknown label falls back to UTF-8', bytes('<?xml version="1.0" encoding="klingon-8"?><t>\xc3\xb6</t>'), undefined, '<t>ö</t>'],
    ['a declared UTF-16 that is really single-byte', bytes('<?xml version="1.0" encoding="UTF-16"?><t>ok</t>'), undefined, '<t>ok</t>'],
    ['invalid UTF-8 becomes U+FFFD, not an error', bytes('Not\xedcias'), undefined, 'Not\ufffdcias'],
  ];
  for (const [what, input, contentType, expected] of cases) {
    it(what, () => {
      expect(decodeFeedBytes(input, contentType)).to.contain(expected);
    });
  }

  it('drops the BOM from the text', () => {
    expect(decodeFeedBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c, 0x72]))).to.equal('<r');
  });
});
