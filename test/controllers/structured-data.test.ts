/**
 * The schema.org JSON-LD a list writes to its light DOM (controllers/structured-data.ts): one
 * script with the shown events, safe from a title that tries to close it, and removed when the
 * list opts out. What goes into it is tested in test/lib/structured-data.test.ts.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import {DECEMBER, ZONE, calendarEvent, renderList} from '../helpers/december.js';

describe('structured data', () => {
  it('writes schema.org Events to the light DOM, safe from breakout, unless opted out', async () => {
    const hostile = [...DECEMBER, calendarEvent('</script><script>window.__ld=1</script>', '2026-12-20T10:00:00Z')];
    const el = await renderList(html`<event-list when="all" time-zone=${ZONE}></event-list>`, hostile);
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'structured data');
    const scripts = el.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    const data = JSON.parse(scripts[0].textContent!);
    expect(data).to.have.length(6);
    expect(data[0]['@type']).to.equal('Event');
    expect(data.map((d: {name: string}) => d.name)).to.include('</script><script>window.__ld=1</script>');
    expect((window as {__ld?: number}).__ld).to.equal(undefined);
    el.noStructuredData = true;
    // The update that sees the opt-out removes the script.
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });
});
