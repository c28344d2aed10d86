import {expect} from '@open-wc/testing';
import {literalLineBreaks} from '../../../src/lib/events/text.js';
import {finishEvent} from '../../../src/lib/events/normalise.js';
import {parseIsoDateTime} from '../../../src/lib/time.js';

describe('literalLineBreaks', () => {
  // [feed text, as a one-line field, as a description]
  const cases: Array<[string, string, string]> = [
    ['Bokcirkel\\nMarx', 'Bokcirkel Marx', 'Bokcirkel\nMarx'],
    ['Rad ett\\r\\nRad två\\rRad tre', 'Rad ett Rad två Rad tre', 'Rad ett\nRad två\nRad tre'],
    ['Ingen radbrytning', 'Ingen radbrytning', 'Ingen radbrytning'],
    // An escaped backslash before the n is what the feed means literally.
    ['C:\\\\new', 'C:\\\\new', 'C:\\\\new'],
    ['Real\nbreak', 'Real\nbreak', 'Real\nbreak'],
  ];
  for (const [text, line, description] of cases) {
    it(JSON.stringify(text), () => {
      expect(literalLineBreaks(text, ' ')).to.equal(line);
      expect(literalLineBreaks(text, '\n')).to.equal(description);
    });
  }
});

describe('finishEvent and a feed\'s literal "\\n"', () => {
  const ctx = {timeZone: 'Europe/Stockholm', source: 'https://example.org/feed.json'};
  const start = parseIsoDateTime('2026-12-05T18:00:00+01:00', 'Europe/Stockholm');

  it('makes it a space in the title and organiser, a line break in the description', () => {
    const event = finishEvent({title: 'Julfest\\nmed soppa', organizer: 'Föreningen\\nSyd', description: 'Välkommen!\\nTa med en vän.', start}, ctx);
    expect(event.title).to.equal('Julfest med soppa');
    expect(event.organizer).to.equal('Föreningen Syd');
    expect(event.description).to.equal('Välkommen!\nTa med en vän.');
  });

  it('makes it a <br> in an HTML description, and a line break in its text', () => {
    const event = finishEvent({title: 'Möte', descriptionHtml: '<p>Första\\nandra</p>', start}, ctx);
    expect(event.descriptionHtml).to.equal('<p>Första<br>andra</p>');
    expect(event.description).to.equal('Första\nandra');
  });
});
