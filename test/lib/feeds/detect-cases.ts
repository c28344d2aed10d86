/**
 * Bodies with the format detectFormat gives them: its own table test (detect.test.ts) and the
 * samples sniffFormat must agree with (sniff.test.ts).
 */
import type {FeedFormat} from '../../../src/lib/events/model.js';

const padding = `<p>${'x'.repeat(6000)}</p>`;
export const detectCases: Array<[string, string, string | undefined, FeedFormat | undefined]> = [
  // [what, body, content type, expected]
  ['iCalendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', undefined, 'ics'],
  ['iCalendar after a BOM and blank lines', '\uFEFF\n\nBEGIN:VCALENDAR\n', 'text/plain', 'ics'],
  ['front matter', '---\ntitle: Möte\ndate: 2023-08-19 15:00:00\n---\nText', undefined, 'markdown'],
  ['JSON Feed', '{"version": "https://jsonfeed.org/version/1", "items": []}', undefined, 'json'],
  ['a JSON array', '  [{"title": "x", "start": "2023-08-19"}]', 'text/plain', 'json'],
  ['schema.org JSON-LD', '{"@context": "https://schema.org", "@type": "Event", "name": "x"}', undefined, 'jsonld'],
  ['a JSON-LD array of MusicEvents', '[{"@context":"http://schema.org","@type":"MusicEvent"}]', undefined, 'jsonld'],
  [
    'ActivityPub (no schema.org Event @type)',
    '{"@context": ["https://www.w3.org/ns/activitystreams", {"sc": "http://schema.org#", "@type": "sc:Place"}], "type": "Event"}',
    undefined,
    'json',
  ],
  ['JSON labelled ld+json', '{"@context": "https://schema.org", "@graph": []}', 'application/ld+json', 'jsonld'],
  ['RSS 2.0', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'text/html', 'rss'],
  ['RSS 1.0', '<?xml version="1.0"?><!-- a comment --><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', undefined, 'rss'],
  [
    'RSS with a stylesheet PI and DOCTYPE',
    '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss version="0.91"/>',
    undefined,
    'rss',
  ],
  ['Atom', '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', undefined, 'atom'],
  ['prefixed Atom', '<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>', undefined, 'atom'],
  ['an HTML page', '<!DOCTYPE html><html><head><title>Events</title></head><body></body></html>', 'text/html', undefined],
  ['an HTML page served as RSS', '<!doctype html><html><body>Not found</body></html>', 'application/rss+xml', undefined],
  ['a fragment of HTML', '<div>hello</div>', undefined, undefined],
  ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', undefined, undefined],
  ['an HTML page with JSON-LD far down', `<!DOCTYPE html><html><body>${padding}<script type="application/ld+json">{}</script></body></html>`, undefined, 'jsonld'],
  ['unknown XML', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', undefined, undefined],
  ['unknown XML labelled Atom', '<?xml version="1.0"?><calendar/>', 'application/atom+xml; charset=utf-8', 'atom'],
  ['plain text', 'Hello, world', 'text/plain', undefined],
  ['plain text labelled iCalendar', 'Hello, world', 'text/calendar', undefined],
  ['empty', '   ', 'text/calendar', undefined],
];
