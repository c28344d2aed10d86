/**
 * The configurator's pure modules: the snippets (escaping, order, defaults), the address that
 * carries the choices, the contrast check and the feed check's findings. Tables of cases.
 */
import {expect} from '@open-wc/testing';
import {DEFAULT_CONFIG, configFromQuery, configToQuery, feedAddress, type Config} from '../../configurator/src/config.js';
import {escapeHtml, escapeHugo, escapeShortcode, htmlSnippet, hugoShortcode, snippetAttributes, wordpressShortcode} from '../../configurator/src/snippet.js';
import {contrastRatio, passingShade, MIN_CONTRAST, PAGE_BACKGROUNDS} from '../../configurator/src/contrast.js';
import {feedFacets, loadFindings, MAX_FACET_VALUES} from '../../configurator/src/check.js';
import {pickUiLanguage} from '../../configurator/src/strings.js';
import {calendarEvent} from '../helpers/december.js';

const config = (changes: Partial<Config>): Config => ({...DEFAULT_CONFIG, src: 'https://example.org/feed.json', ...changes});
const HOSTILE = `"><script>window.__xss=1</script>[/feedcal]{{< x >}}\\'&`;

describe('configurator snippets', () => {
  it('leave out every default: only src for an untouched configuration', () => {
    expect(snippetAttributes(config({}))).to.deep.equal([['src', 'https://example.org/feed.json']]);
    expect(wordpressShortcode(config({}))).to.equal('[feedcal src="https://example.org/feed.json"]');
    expect(hugoShortcode(config({}))).to.equal('{{< feedcal src="https://example.org/feed.json" >}}');
  });

  it('write the attributes in one stable order, whatever order they were chosen in', () => {
    const all = config({
      theme: 'dark',
      accent: '#1a5fb4',
      density: 'compact',
      timeZone: 'Europe/Stockholm',
      lang: 'sv',
      controls: ['search', 'view'],
      view: 'month',
      organizers: ['Konstellationen'],
      locations: ['Stockholm', 'Malmö'],
      categories: ['Möte'],
      proxy: 'https://relay.example/?url={url}',
    });
    expect(snippetAttributes(all).map(([name]) => name)).to.deep.equal([
      'src',
      'categories',
      'locations',
      'organizers',
      'view',
      'controls',
      'lang',
      'time-zone',
      'density',
      'theme',
      'proxy',
      'style',
    ]);
    expect(snippetAttributes(all)).to.deep.include(['locations', 'Stockholm, Malmö']);
    expect(snippetAttributes(all)).to.deep.include(['style', '--event-color-accent: #1a5fb4']);
    expect(snippetAttributes({...all, view: 'list', density: 'comfortable', theme: ''}).map(([n]) => n)).not.to.include.members(['view', 'density', 'theme']);
  });

  const escapes: Array<[string, (s: string) => string, string, string]> = [
    ['HTML', escapeHtml, `a"b<c>&'`, 'a&#34;b&#60;c&#62;&#38;&#39;'],
    ['HTML drops control characters', escapeHtml, 'a\u0000b\u001bc', 'abc'],
    ['WordPress', escapeShortcode, 'a"b]c[d', 'a&#34;b&#93;c&#91;d'],
    ['WordPress keeps one line', escapeShortcode, 'a\r\nb', 'a b'],
    ['Hugo', escapeHugo, 'a"b\\c', 'a\\"b\\\\c'],
    ['Hugo keeps one line', escapeHugo, 'a\nb\u0007', 'a b'],
  ];
  for (const [name, escape, input, expected] of escapes) it(`escape values for ${name}`, () => expect(escape(input)).to.equal(expected));

  it('HTML: a hostile value stays inside its attribute and reads back exactly (parsed by the browser, inertly)', () => {
    const snippet = htmlSnippet(config({categories: [HOSTILE]}), {widget: 'https://site.example/feedcal.js', link: 'https://site.example/', linkText: HOSTILE});
    const template = document.createElement('template');
    template.innerHTML = snippet;
    const list = template.content.querySelector('event-list')!;
    expect(list.getAttribute('categories')).to.equal(HOSTILE.replace(/\\/g, '\\'));
    expect(list.querySelector('a')!.textContent).to.equal(HOSTILE);
    expect(template.content.querySelectorAll('script')).to.have.length(1);
    expect(template.content.querySelector('script')!.getAttribute('src')).to.equal('https://site.example/feedcal.js');
    expect([...template.content.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name))).to.have.members([
      'type',
      'src',
      'src',
      'categories',
      'href',
    ]);
  });

  it('shortcodes: a hostile value never ends the value or the shortcode', () => {
    const wordpress = wordpressShortcode(config({categories: [HOSTILE]}));
    expect(wordpress.match(/"/g)).to.have.length(4);
    expect(wordpress.indexOf(']')).to.equal(wordpress.length - 1);
    expect(wordpress).not.to.include('<');
    const hugo = hugoShortcode(config({categories: [HOSTILE]}));
    // Every quote inside the value is escaped: unescaped quotes are only the four delimiters.
    expect(hugo.match(/(?<!\\)"/g)).to.have.length(4);
    expect(hugo.endsWith(' >}}')).to.equal(true);
  });

  it('HTML: one attribute per line under the first, a fallback link, the script first', () => {
    const snippet = htmlSnippet(config({categories: ['Möte'], view: 'month'}), {
      widget: 'https://site.example/f.js',
      link: 'https://example.org/',
      linkText: 'See all events',
    });
    expect(snippet).to.equal(
      [
        '<script type="module" src="https://site.example/f.js"></script>',
        '<event-list src="https://example.org/feed.json"',
        '            categories="Möte"',
        '            view="month">',
        '  <a href="https://example.org/">See all events</a>',
        '</event-list>',
      ].join('\n')
    );
  });
});

describe('configurator address (shareable link)', () => {
  it('round-trips every choice, lists as repeated parameters (values may hold commas)', () => {
    const chosen = config({
      categories: ['Film, Kultur', 'Möte'],
      locations: ['Stockholm'],
      organizers: [HOSTILE],
      view: 'month',
      controls: ['search', 'dates'],
      lang: 'sv',
      timeZone: 'Europe/Stockholm',
      density: 'compact',
      theme: 'auto',
      accent: '#1a5fb4',
      background: 'dark',
      proxy: 'https://relay.example/?url={url}',
      widget: 'https://site.example/assets/feedcal/feedcal.js',
      link: 'https://site.example/kalender/',
    });
    expect(configFromQuery(new URLSearchParams(configToQuery(chosen).toString()), 'https://x.example/')).to.deep.equal(chosen);
  });

  it('an untouched configuration writes only the feed', () => {
    expect(configToQuery(config({})).toString()).to.equal('src=https%3A%2F%2Fexample.org%2Ffeed.json');
  });

  const bad: Array<[string, Partial<Config>]> = [
    ['src=javascript:alert(1)', {src: ''}],
    ['view=grid&density=tiny&theme=pink&lang=xx&bg=purple', {}],
    ['accent=red', {accent: ''}],
    ['accent=%23ABCDEF', {accent: '#abcdef'}],
    ['controls=search,evil,view', {controls: ['search', 'view']}],
    ['proxy=https://relay.example/', {proxy: ''}],
    ['proxy=javascript:{url}', {proxy: ''}],
    ['link=javascript:alert(1)&widget=data:text/javascript,1', {}],
    ['src=../feeds/x.json', {src: 'https://x.example/feeds/x.json'}],
  ];
  for (const [query, expected] of bad)
    it(`reads "${query}" safely`, () =>
      expect(configFromQuery(new URLSearchParams(query), 'https://x.example/a/b')).to.deep.equal({...DEFAULT_CONFIG, ...expected}));

  const typed: Array<[string, string]> = [
    ['https://www.gnistor.se/feed.json', 'https://www.gnistor.se/feed.json'],
    ['  www.gnistor.se/feed.json ', 'https://www.gnistor.se/feed.json'],
    ['/corpus/x.json', 'https://x.example/corpus/x.json'],
    ['javascript:alert(1)', ''],
    ['file:///etc/passwd', ''],
    ['not a url at all', ''],
    ['calendar', ''],
    ['', ''],
  ];
  for (const [input, expected] of typed) it(`reads the typed address "${input}"`, () => expect(feedAddress(input, 'https://x.example/a/')).to.equal(expected));
});

describe('configurator contrast check', () => {
  const cases: Array<[string, string, number]> = [
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
    // Reference values from WebAIM's contrast checker.
    ['#0000ff', '#ffffff', 8.59],
    ['#ff0000', '#ffffff', 3.99],
    ['#008000', '#ffffff', 5.14],
  ];
  for (const [a, b, ratio] of cases) it(`${a} on ${b} is ${ratio}:1`, () => expect(contrastRatio(a, b)).to.be.closeTo(ratio, 0.01));

  it('a failing colour gets the nearest shade that passes, on light and dark pages', () => {
    for (const [colour, page] of [
      ['#f5c211', PAGE_BACKGROUNDS.light],
      ['#1a5fb4', PAGE_BACKGROUNDS.dark],
    ]) {
      expect(contrastRatio(colour, page)).to.be.below(MIN_CONTRAST);
      const shade = passingShade(colour, page)!;
      expect(contrastRatio(shade, page)).to.be.at.least(MIN_CONTRAST);
      expect(shade).not.to.equal(colour);
    }
    expect(passingShade('#b33c0b', PAGE_BACKGROUNDS.light)).to.equal('#b33c0b');
    expect(contrastRatio('red', '#fff')).to.equal(undefined);
  });
});

describe('configurator feed check', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const events = [
    calendarEvent('Past', '2026-12-01T18:00', {categories: ['Möte'], locations: ['Stockholm']}),
    calendarEvent('Next', '2026-12-12T18:00', {categories: ['möte', 'Film'], organizer: 'Konstellationen', timeZone: 'Europe/Stockholm'}),
  ];

  it('counts events, upcoming ones, skipped items, and names the feed’s zone', () => {
    const findings = loadFindings({events, skipped: [{index: 3, reason: 'no start date'}], format: 'JSON', chosenZone: '', relayed: false, sameSite: false, now});
    expect(findings.map((f) => [f.kind, f.level])).to.deep.equal([
      ['readable', 'ok'],
      ['format', 'ok'],
      ['events', 'ok'],
      ['skipped', 'warn'],
      ['zone-one', 'ok'],
    ]);
    expect(findings[2]).to.include({total: 2, upcoming: 1});
    expect(findings[3]).to.deep.include({count: 1, reasons: ['no start date']});
    expect(loadFindings({events, skipped: [], chosenZone: 'America/New_York', relayed: true, sameSite: false, now}).at(-1)).to.include({
      kind: 'zone-one',
      level: 'warn',
    });
  });

  it('warns when the feed names no zone and none is chosen', () => {
    const floating = [calendarEvent('A', '2026-12-12T18:00', {timeZone: undefined})];
    expect(loadFindings({events: floating, skipped: [], chosenZone: '', relayed: false, sameSite: false, now}).at(-1)).to.include({
      kind: 'zone-none',
      level: 'warn',
    });
    expect(loadFindings({events: floating, skipped: [], chosenZone: 'Europe/Oslo', relayed: false, sameSite: false, now}).at(-1)).to.include({
      kind: 'zone-none',
      level: 'info',
    });
  });

  it('collects facets as the widget compares them (case and accents folded), most used first, capped', () => {
    expect(feedFacets(events)).to.deep.equal({
      categories: [
        {value: 'Möte', count: 2},
        {value: 'Film', count: 1},
      ],
      locations: [{value: 'Stockholm', count: 1}],
      organizers: [{value: 'Konstellationen', count: 1}],
    });
    const many = Array.from({length: MAX_FACET_VALUES + 50}, (_, i) => calendarEvent(`E${i}`, '2026-12-12T18:00', {categories: [`c${i}`]}));
    expect(feedFacets(many).categories).to.have.length(MAX_FACET_VALUES);
  });

  const languages: Array<[string[], string]> = [
    [['sv-SE', 'en'], 'sv'],
    [['en-GB'], 'en'],
    [['de-DE', 'sv'], 'sv'],
    [['fr'], 'en'],
    [[''], 'en'],
  ];
  for (const [preferred, expected] of languages)
    it(`speaks ${expected} to a browser preferring ${preferred.join(', ')}`, () => expect(pickUiLanguage(preferred)).to.equal(expected));
});
