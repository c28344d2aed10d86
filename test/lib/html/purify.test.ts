import {expect} from '@open-wc/testing';
import {purifyHtml, purifyToFragment, withoutScripts} from '../../../src/lib/html/purify.js';
import {defuseInlineCode} from '../../../src/lib/html/trusted-types.js';

const BASE = 'https://feed.example/events/feed.xml';

describe('purifyHtml', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a relative link is resolved against the feed and kept',
      '<a href="/event/1">x</a>',
      '<a href="https://feed.example/event/1" target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['a relative image too', '<img src="pic.jpg" alt="">', '<img src="https://feed.example/events/pic.jpg" alt="" loading="lazy" referrerpolicy="no-referrer">'],
    [
      'an absolute link is kept as it is',
      '<a href="https://other.example/y">y</a>',
      '<a href="https://other.example/y" target="_blank" rel="noopener noreferrer">y</a>',
    ],
    ['a script URL is dropped', '<a href="javascript:alert(1)">z</a>', '<a>z</a>'],
    ['a script URL with spaces is dropped', '<a href=" jAvAsCrIpT:alert(1)">z</a>', '<a>z</a>'],
    ['a scheme hidden behind a control character is not taken for a relative link', '<img href="\u0001data:," alt="">', ''],
    [
      'a data: URL on an image is dropped even where DOMPurify would allow it',
      '<img src="https://feed.example/a.png" href="data:," alt="">',
      '<img src="https://feed.example/a.png" alt="" loading="lazy" referrerpolicy="no-referrer">',
    ],
    ['an image from data: is dropped whole', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">', ''],
    [
      'a protocol-relative image is resolved to https',
      '<img src="//cdn.example/a.png" alt="">',
      '<img src="https://cdn.example/a.png" alt="" loading="lazy" referrerpolicy="no-referrer">',
    ],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => {
      expect(purifyHtml(html, BASE)).to.equal(expected);
    });
  }

  it('gives an image without a text alternative an empty one', () => {
    expect(purifyHtml('<img src="https://feed.example/a.png">', BASE)).to.equal(
      '<img src="https://feed.example/a.png" loading="lazy" referrerpolicy="no-referrer" alt="">'
    );
  });

  it('drops relative links when there is no http(s) base', () => {
    expect(purifyHtml('<a href="/event/1">x</a>', undefined)).to.equal('<a>x</a>');
  });

  it('gives the same result as a fragment', () => {
    const host = document.createElement('div');
    host.append(purifyToFragment('<p><a href="/e">e</a></p>', BASE));
    expect(host.innerHTML).to.equal(purifyHtml('<p><a href="/e">e</a></p>', BASE));
  });
});

describe('defuseInlineCode', () => {
  // Before HTML or XML is parsed into an inert document, inline styles and handlers are renamed
  // so a strict CSP sees none; values and text are left exactly as written.
  const cases: Array<[string, string, string, DOMParserSupportedType?]> = [
    ['a handler', '<img src="x" onerror="alert(1)">', '<img src="x" data-feedcal-onerror="alert(1)">'],
    ['a style attribute, bare value', '<p style=color:red>x</p>', '<p data-feedcal-style=color:red>x</p>'],
    ['a handler right after a quoted value', '<a href="x"onclick=go()>x</a>', '<a href="x"data-feedcal-onclick=go()>x</a>'],
    ['a style element in HTML is dropped', 'a<style>p{}</style>b', 'ab'],
    ['a word starting with "on" inside a value is kept', '<category term="Online"/>', '<category term="Online"/>', 'application/xml'],
    [
      'a path with "online" is kept',
      '<link href="https://x.example/events/online-meetup"/>',
      '<link href="https://x.example/events/online-meetup"/>',
      'application/xml',
    ],
    ['text mentioning style and onload is kept', '<p>style onload</p>', '<p>style onload</p>'],
    // Where the pattern and the HTML parser may disagree about a tag, a handler-like word gets an
    // invisible zero-width non-joiner: another attribute name, the same text to a reader.
    ['single-quoted values are whole', `<a title='a onclick=b' onmouseover='c'>`, `<a title='a onclick\u200c=b' data-feedcal-onmouseover='c'>`],
    ['a handler after a ">" inside a quoted value', '<a title="x>" onclick="y">', '<a title="x>" onclick\u200c="y">'],
    ['a handler after a slash', '<svg/onload=x>', '<svg/data-feedcal-onload=x>'],
    ['a handler in markup a comment hides from the pattern', '<!--<a title="--><img src=1 onerror=y>">', '<!--<a title="--><img src=1 data-feedcal-onerror=y>">'],
    ['a bare style attribute', '<a href="x"/style>', '<a href="x"/data-feedcal-style>'],
    ['a bare style attribute the pattern reads as text', '<a title="x>"/style>', '<a title="x>"/style\u200c>'],
    ['a path with "online" in a URL is kept', '<a href="https://x.example/events/online/1">x</a>', '<a href="https://x.example/events/online/1">x</a>'],
    ['a track (it loads even in an inert document)', '<video><track default src=x></video>', '<video><feedcal-track default src=x></video>'],
    [
      'a prefixed XML style element',
      '<x:style xmlns:x="http://www.w3.org/1999/xhtml"/>',
      '<x:feedcal-style xmlns:x="http://www.w3.org/1999/xhtml"/>',
      'application/xml',
    ],
  ];
  for (const [name, input, output, type] of cases) {
    it(name, () => expect(defuseInlineCode(input, type)).to.equal(output));
  }
});

describe('withoutScripts', () => {
  // Script elements never reach DOMPurify: moving one (or text into one) under Trusted Types
  // hands its text to a script sink.
  const cases: Array<[string, string, string]> = [
    ['a script element', '<p>a</p><script>x()</script><p>b</p>', '<p>a</p> <p>b</p>'],
    ['an unclosed one, to the end as the HTML parser reads it', '<p>a</p><script src=//x.example/1>"><p>b</p>', '<p>a</p> '],
    ['an SVG script', '<svg><script>x()</script></svg>', '<svg> </svg>'],
    ['upper case, attributes, an end tag with a space', '<SCRIPT type="text/javascript">x</SCRIPT >y', ' y'],
    ['one split around another cannot join again', '<scr<script></script>ipt>x()</scr<script></script>ipt>', '<scr ipt>x()</scr ipt>'],
    ['a custom element named script-something is kept', '<script-x>a</script-x>', '<script-x>a</script-x>'],
  ];
  for (const [name, input, output] of cases) it(name, () => expect(withoutScripts(input)).to.equal(output));

  it('the description text of a card around a script payload survives', () => {
    expect(purifyHtml('<p>Before</p><script src=//x.example/1></script><p>After</p>', BASE)).to.equal('<p>Before</p> <p>After</p>');
  });
});
