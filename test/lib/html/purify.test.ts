import {expect} from '@open-wc/testing';
import {purifyHtml, purifyToFragment} from '../../../src/lib/html/purify.js';
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
    ['single-quoted values are whole', `<a title='a onclick=b' onmouseover='c'>`, `<a title='a onclick=b' data-feedcal-onmouseover='c'>`],
  ];
  for (const [name, input, output, type] of cases) {
    it(name, () => expect(defuseInlineCode(input, type)).to.equal(output));
  }
});
