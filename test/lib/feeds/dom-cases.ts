/**
 * What the parsers' DOM (src/lib/feeds/dom.ts) must answer, the same in every runtime: the
 * browser's own parsers (test/lib/feeds/dom.test.ts) and the portable DOM that Node and Workers
 * use (test/node/dom.test.ts) are both held to these answers, which are what Chromium gives.
 * rss.ts decides what to repair by whether the XML parse failed, so a parser more lenient than
 * the browser's would give other events; and text from HTML must be the browser's textContent.
 */

/** XML texts and whether they are well-formed, as the browser's XML parser judges them. */
export const xmlCases: Array<{what: string; xml: string; wellFormed: boolean; text?: string}> = [
  {
    what: 'namespaces, default and prefixed, redeclared deeper',
    xml: '<a xmlns="urn:d" xmlns:p="urn:p"><p:b p:x="1" y="2">t<c xmlns="urn:e"/><p:d xmlns:p="urn:q"/></p:b></a>',
    wellFormed: true,
    text: 't',
  },
  {what: 'references in text and attributes', xml: '<a t="&lt;&amp;">&lt;b&gt; &amp;amp; &#228;&#xE5;&#x1F600;</a>', wellFormed: true, text: '<b> &amp; äå😀'},
  {what: 'CR LF and CR as line ends', xml: '<a>x\r\ny\rz<![CDATA[c\r\nd]]></a>', wellFormed: true, text: 'x\ny\nzc\nd'},
  {
    what: 'U+0085, U+2028 and U+2029 kept (XML 1.0 line ends are CR and LF only)',
    xml: '<a>1\u00852\u20283\u20294</a>',
    wellFormed: true,
    text: '1\u00852\u20283\u20294',
  },
  {
    what: 'CDATA with markup, comments and processing instructions',
    xml: '<?xml-stylesheet href="s.xsl"?><!-- top --><a>1<![CDATA[<b>&amp;</b>]]>2<!-- c -->3<?pi data?>4<b>5</b>6</a><!-- end -->\n',
    wellFormed: true,
    text: '1<b>&amp;</b>23456',
  },
  {what: 'an XML declaration naming another encoding', xml: '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>\n<a>é</a>', wellFormed: true, text: 'é'},
  {what: 'a DOCTYPE without a subset', xml: '<!DOCTYPE a><a>x</a>', wellFormed: true, text: 'x'},
  {what: 'a non-ASCII name', xml: '<å>x</å>', wellFormed: true, text: 'x'},
  {what: '> in text and attributes', xml: '<a t="x>y">1 > 0</a>', wellFormed: true, text: '1 > 0'},
  {what: 'an HTML entity', xml: '<a>&nbsp;</a>', wellFormed: false},
  {what: 'an HTML entity in an attribute', xml: '<a b="&eacute;"/>', wellFormed: false},
  {what: 'a bare ampersand before a name', xml: '<a>AT&T</a>', wellFormed: false},
  {what: 'mismatched tags', xml: '<a><b></a></b>', wellFormed: false},
  {what: 'an unclosed element', xml: '<a><b></b>', wellFormed: false},
  {what: 'a second root', xml: '<a/><b/>', wellFormed: false},
  {what: 'text after the root', xml: '<a/>x', wellFormed: false},
  {what: 'an unbound prefix', xml: '<p:a/>', wellFormed: false},
  {what: 'a duplicate attribute', xml: '<a x="1" x="2"/>', wellFormed: false},
  {what: '< in an attribute', xml: '<a x="<"/>', wellFormed: false},
  {what: ']]> in text', xml: '<a>]]></a>', wellFormed: false},
  {what: '-- in a comment', xml: '<a><!-- a -- b --></a>', wellFormed: false},
  {what: 'a control character', xml: '<a>\u0001</a>', wellFormed: false},
  {what: 'a lone surrogate, read as U+FFFD (the text reaches the parser as UTF-8)', xml: '<a>\ud800</a>', wellFormed: true, text: '\ufffd'},
  {what: 'U+FFFF', xml: '<a>\uffff</a>', wellFormed: false},
  {what: 'a NUL character', xml: '<a>x\u0000y</a>', wellFormed: false},
  {what: 'a reference to U+FFFE', xml: '<a>&#xFFFE;</a>', wellFormed: false},
  {what: 'a reference to NUL', xml: '<a>&#0;</a>', wellFormed: false},
  {what: 'a reference to a control character', xml: '<a>&#x1;</a>', wellFormed: false},
  {what: 'a reference past U+10FFFF', xml: '<a>&#x110000;</a>', wellFormed: false},
  {what: 'an XML declaration after the start', xml: ' <?xml version="1.0"?><a/>', wellFormed: false},
  {what: 'no root element', xml: 'plain text', wellFormed: false},
];

/** Atom `type="xhtml"` content: the markup of the div's children, as the browser serialises it. */
export const innerXmlCases: Array<{what: string; xml: string; inner: string}> = [
  {
    what: 'elements, text, references and a comment',
    xml: '<content xmlns="http://www.w3.org/2005/Atom"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b> &amp; &lt;</p><!--c-->text</div></content>',
    inner: '<p xmlns="http://www.w3.org/1999/xhtml">Hi <b>there</b> &amp; &lt;</p><!--c-->text',
  },
  {
    what: 'inline styles and handlers, defused before parsing as in the browser',
    xml: '<content xmlns="http://www.w3.org/2005/Atom"><div xmlns="http://www.w3.org/1999/xhtml"><p style="color:red" onclick="x()">red</p></div></content>',
    inner: '<p xmlns="http://www.w3.org/1999/xhtml" data-feedcal-style="color:red" data-feedcal-onclick="x()">red</p>',
  },
];

/** HTML fragments and the text `htmlText` gives: the browser's `body.textContent` less script, style and template. */
export const htmlTextCases: Array<{what: string; html: string; text: string}> = [
  {what: 'markup and entities', html: '<p>Fika &amp; <b>möte</b></p><p>Kl. 18&nbsp;–&eacute;</p>', text: 'Fika & möteKl. 18\u00a0–é'},
  {what: 'legacy entities without a semicolon', html: '<p>a &copy 2026 &amp b &notit; &ampx</p>', text: 'a © 2026 & b ¬it; &x'},
  {what: 'script, style and template left out', html: '<p>a</p><script>alert(1)</script><style>p{}</style><template><b>t</b></template><p>b</p>', text: 'ab'},
  {what: 'head elements a fragment may start with', html: '<title>T</title><meta charset="utf-8"><p>body</p>', text: 'body'},
  {what: 'noscript read as markup (no scripting in a parsed document)', html: '<noscript><b>no</b>script</noscript>', text: 'noscript'},
  {what: 'raw text in textarea and comments', html: '<textarea><b>x</b> &amp;</textarea><!-- hidden -->', text: '<b>x</b> &'},
  {what: 'misnested and unclosed tags', html: '<b>1<i>2</b>3</i><div>4', text: '1234'},
  {what: 'SVG and MathML', html: '<svg><title>s</title><style>x</style><text>t</text></svg><math><mi>m</mi></math>', text: 'stm'},
  {what: 'a table with stray text', html: '<table>x<tr><td>c</td></tr></table>', text: 'xc'},
  {what: 'an unclosed style element, defused before parsing', html: '<p>a</p><style>b', text: 'ab'},
];

/** HTML pages and the text of their `application/ld+json` scripts, in order. */
export const ldJsonCases: Array<{what: string; html: string; blocks: string[]}> = [
  {
    what: 'head and body blocks, any case, other scripts skipped',
    html: '<!doctype html><html><head><script type="application/ld+json">{"a":1}</script><script>var x</script></head><body><script type="Application/LD+JSON">[2]</script></body></html>',
    blocks: ['{"a":1}', '[2]'],
  },
  {
    what: 'none inside comments or templates, nor with another type',
    html: '<!-- <script type="application/ld+json">{"c":1}</script> --><template><script type="application/ld+json">{"t":1}</script></template><script type="application/json">{}</script>',
    blocks: [],
  },
  {
    what: 'script text taken raw, markup and references included',
    html: '<script type="application/ld+json">{"name": "<b>A &amp; B</b>"}</script>',
    blocks: ['{"name": "<b>A &amp; B</b>"}'],
  },
];
