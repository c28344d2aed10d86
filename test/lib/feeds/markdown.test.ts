import {expect} from '@open-wc/testing';
import {markdownToText, parseMarkdown} from '../../../src/lib/feeds/markdown.js';
import {FeedError, type CalendarEvent, type ParseContext, type ParsedFeed} from '../../../src/lib/events/model.js';
import {feedOf} from '../../helpers/feeds.js';

const STOCKHOLM = 'Europe/Stockholm';
const ctx: ParseContext = {timeZone: STOCKHOLM, source: 'https://kalender.example.se/event/x.md'};

async function fixture(name: string): Promise<ParsedFeed> {
  const response = await fetch(new URL(`/test/fixtures/markdown/${name}`, import.meta.url));
  return feedOf(parseMarkdown(await response.text(), ctx));
}

/** One event from front-matter lines and an optional body. */
function eventOf(frontMatter: string[], body = ''): CalendarEvent {
  const feed = feedOf(parseMarkdown(['---', ...frontMatter, '---', body].join('\n'), ctx));
  if (feed.events.length !== 1) throw new Error(`expected one event, skipped: ${JSON.stringify(feed.skipped)}`);
  return feed.events[0];
}

describe('parseMarkdown', () => {
  describe('the seed event (older Gnistor schema, unquoted values)', () => {
    let event: CalendarEvent;
    before(async () => {
      const feed = await fixture('seed-event.md');
      expect(feed.format).to.equal('markdown');
      expect(feed.events).to.have.length(1);
      event = feed.events[0];
    });

    it('has the title, start and lists the widget must show', () => {
      expect(event.title).to.equal('Bortom Big Tech sociala medier - hur kan vänstern vara online?');
      expect(event.start.toISOString()).to.equal('2023-08-19T13:00:00.000Z');
      expect(event.allDay).to.equal(false);
      expect(event.categories).to.deep.equal(['Möte']);
      expect(event.locations).to.deep.equal(['Stockholm']);
      expect(event.organizer).to.equal('Kamratdataföreningen Konstellationen');
      expect(event).not.to.have.property('end');
      expect(event).not.to.have.property('url');
    });

    it('turns the body into plain text with paragraphs and readable links', () => {
      expect(event.description).to.equal(
        [
          'Välkommen på temakväll!',
          '',
          'Vi pratar om Fediversum, bloggar och RSS.',
          '',
          '- Var: Södermalm, Stockholm',
          '- Anmälan: via formuläret (https://forms.example.org/x_y_z/) eller https://example.org/mail',
        ].join('\n')
      );
      expect(event).not.to.have.property('descriptionHtml');
    });
  });

  describe('newer Gnistor schema: quoting, lists, address, sentinel', () => {
    let event: CalendarEvent;
    before(async () => {
      event = (await fixture('address-and-lists.md')).events[0];
    });

    it('reads a double-quoted title with escapes and emoji', () => {
      expect(event.title).to.equal('Fredslopp "2026" 🏃');
    });

    it('reads a date-only `date` as an all-day date and drops the 1970 end sentinel', () => {
      expect(event.allDay).to.equal(true);
      expect(event.start.toISOString()).to.equal('2026-08-28T22:00:00.000Z');
      expect(event).not.to.have.property('end');
    });

    it('reads flow lists (quoted commas, trailing space), block lists and empty lists', () => {
      expect(event.locations).to.deep.equal(['Göteborg', 'Växjö, centrum', 'Umeå']);
      expect(event.categories).to.deep.equal(['Sport', 'Fred', 'Solidaritet']);
    });

    it('reads single quotes, comments, address fields and source', () => {
      expect(event.organizer).to.equal('Proletären FF');
      expect(event.place).to.deep.equal({address: 'Slottsskogen, 413 08 Göteborg, Sverige'});
      expect(event.url).to.equal('https://fredslopp.example.se/goteborg');
      expect(event.description).to.equal('Spring för freden.');
    });
  });

  describe('front-matter scalars', () => {
    const cases: Array<[string, string]> = [
      // [title line, expected title]
      ['title: Vanlig titel', 'Vanlig titel'],
      ['title: Titel med kolon: ja', 'Titel med kolon: ja'],
      ['title: Titel # en kommentar', 'Titel'],
      ['title: "Citat # inte kommentar"', 'Citat # inte kommentar'],
      ["title: 'Det''s fint'", "Det's fint"],
      ['title: "Tab\\toch \\u00e5"', 'Tab och å'],
      ['title: "<script>alert(1)</script>"', '<script>alert(1)</script>'],
      ['title:    "Mellanslag"   ', 'Mellanslag'],
    ];
    for (const [line, expected] of cases) {
      it(line, () => {
        expect(eventOf([line, 'date: 2026-01-10 18:00:00']).title).to.equal(expected);
      });
    }
  });

  describe('times', () => {
    const cases: Array<[string[], string, boolean, string | undefined]> = [
      // [front matter, start, allDay, end]
      [['date: 2026-01-10 18:00:00'], '2026-01-10T17:00:00.000Z', false, undefined],
      [['date: "2026-07-10 18:00:00"', 'enddate: "2026-07-10 21:00:00"'], '2026-07-10T16:00:00.000Z', false, '2026-07-10T19:00:00.000Z'],
      [['date: 2026-07-10T18:00:00+00:00'], '2026-07-10T18:00:00.000Z', false, undefined],
      [['date: 2026-07-10 18:00:00', 'enddate: 2026-07-10 17:00:00'], '2026-07-10T16:00:00.000Z', false, undefined],
      [['date: 2026-07-10 18:00:00', 'enddate: "1970-01-01 01:00:00"'], '2026-07-10T16:00:00.000Z', false, undefined],
      [['date: 2026-07-10 18:00:00', 'timezone: America/New_York'], '2026-07-10T22:00:00.000Z', false, undefined],
      // A date-only enddate is the fair's last day: the event ends when the 27th does.
      [['date: 2026-09-25', 'enddate: 2026-09-27'], '2026-09-24T22:00:00.000Z', true, '2026-09-27T22:00:00.000Z'],
    ];
    for (const [lines, start, allDay, end] of cases) {
      it(lines.join(' / '), () => {
        const event = eventOf(['title: T', ...lines]);
        expect(event.start.toISOString()).to.equal(start);
        expect(event.allDay).to.equal(allDay);
        expect(event.end?.toISOString()).to.equal(end);
      });
    }
  });

  describe('items that cannot be shown', () => {
    const cases: Array<[string, string[], string]> = [
      ['no date', ['title: Utan datum'], 'no usable start date'],
      ['a date that is not a date', ['title: Konstigt', 'date: nästa fredag'], 'nästa fredag'],
      ['no title', ['date: 2026-01-10'], 'no title'],
    ];
    for (const [name, lines, reason] of cases) {
      it(`${name} → zero events, one skipped`, () => {
        const feed = feedOf(parseMarkdown(['---', ...lines, '---', 'Text'].join('\n'), ctx));
        expect(feed.events).to.deep.equal([]);
        expect(feed.skipped).to.have.length(1);
        expect(feed.skipped[0].index).to.equal(0);
        expect(feed.skipped[0].reason).to.contain(reason);
      });
    }

    it('drops a javascript: source', () => {
      expect(eventOf(['title: T', 'date: 2026-01-10', 'source: "javascript:alert(1)"'])).not.to.have.property('url');
    });
  });

  describe('not front matter', () => {
    const cases: Array<[string, string]> = [
      ['plain Markdown', '# Rubrik\n\nText'],
      ['empty text', ''],
      ['JSON', '{"title": "x"}'],
      ['unclosed front matter', '---\ntitle: x\ndate: 2026-01-10\n'],
      ['TOML front matter', '+++\ntitle = "x"\n+++\n'],
    ];
    for (const [name, text] of cases) {
      it(`${name} → parse/not-a-feed`, () => {
        const result = parseMarkdown(text, ctx);
        expect(result).to.be.instanceOf(FeedError);
        expect((result as FeedError).kind).to.equal('parse');
        expect((result as FeedError).code).to.equal('not-a-feed');
      });
    }

    it('accepts a byte-order mark and CRLF line endings', () => {
      const feed = feedOf(parseMarkdown('\uFEFF---\r\ntitle: Möte\r\ndate: 2026-01-10 18:00:00\r\nforms: [A, B]\r\n---\r\nText\r\n', ctx));
      expect(feed.events[0].title).to.equal('Möte');
      expect(feed.events[0].categories).to.deep.equal(['A', 'B']);
      expect(feed.events[0].description).to.equal('Text');
    });
  });

  describe('markdownToText', () => {
    const cases: Array<[string, string]> = [
      ['## Rubrik ##', 'Rubrik'],
      ['[länk](https://a.example/b_c_d)', 'länk (https://a.example/b_c_d)'],
      ['[https://a.example](https://a.example)', 'https://a.example'],
      ['![bild](https://a.example/x.png)', 'bild'],
      ['**fet** och *kursiv* och __också fet__', 'fet och kursiv och också fet'],
      ['snake_case_namn och 2 * 3 * 4', 'snake_case_namn och 2 * 3 * 4'],
      ['> citat', 'citat'],
      ['`kod`', 'kod'],
    ];
    for (const [input, expected] of cases) {
      it(JSON.stringify(input), () => {
        expect(markdownToText(input)).to.equal(expected);
      });
    }
  });
});
