/**
 * The widgets on a page that enforces a strict Content-Security-Policy with Trusted Types. The
 * policy must be on the document that runs the widget, so the widgets run in an iframe whose
 * page (test/security/csp/*.html) the test server sends with the header; the page reports
 * back with postMessage. Any violation report fails: a blocked sink is still feed text handed to
 * a sink, and a report to the site's report address.
 */
import {expect} from '@open-wc/testing';
// Type only: importing the page modules' values would run them here.
import type {Report} from './csp/page.js';
import type {DegradedReport} from './csp/no-feedcal-policy.js';
import {runPage} from './csp/run-page.js';

describe('strict CSP and Trusted Types', function () {
  this.timeout(30000);

  it('renders every state with zero securitypolicyviolation events', async () => {
    const result = await runPage<{report?: Report}>('./page.html', 'csp-report');
    expect(result.error, `${result.error}\n${(result.violations as string[] | undefined)?.join('\n')}`).to.equal(undefined);
    const report = result.report!;
    console.log(
      `feedcal CSP: ${report.violations.length} violations while rendering ${Object.keys(report.states).join(', ')}; controls: innerHTML threw ${report.controls.innerHtmlThrew}, inline style blocked ${report.controls.inlineStyleBlocked}`
    );
    expect(report.violations).to.deep.equal([]);
    // The policy really is enforced on that page.
    expect(report.controls.innerHtmlThrew).to.equal(true);
    expect(report.controls.inlineStyleBlocked).to.equal(true);
    expect(report.controls.violationsAfterControls).to.be.at.least(2);
    expect(report.styled, 'Lit styles applied through adoptedStyleSheets').to.equal(true);
    expect(report.richDescriptions, 'sanitised HTML descriptions rendered under Trusted Types').to.be.at.least(4);
    expect(report.xss).to.equal(undefined);
    expect(report.states.jsonLd, 'trustedJsonLd under Trusted Types').to.equal('written');
    expect(report.states.loading).to.contain('Hämtar');
    expect(report.states.error).to.match(/not found/i);
    expect(report.states.empty).to.match(/no/i);
    expect(report.states.filteredEmpty).to.match(/no/i);
  });

  it('a page that enforces Trusted Types without allowing the feedcal policy: text, cards, one note, one report', async () => {
    const result = await runPage<{report?: DegradedReport}>('./no-feedcal-policy.html', 'csp-degraded-report');
    expect(result.error, `${result.error}\n${JSON.stringify(result.violations, null, 1)}`).to.equal(undefined);
    const report = result.report!;
    console.log(`feedcal CSP without the feedcal policy: ${JSON.stringify(report.violations)}; ${JSON.stringify(report.lists)}`);
    // The test server's own script (its live-reload socket, injected into every page) has no nonce:
    // refused, and not feedcal's. The one report left is unavoidable: asking for the policy, which
    // is how the site's owner learns its name.
    const ours = (lines: string[]) => lines.filter((line) => !line.includes('__web-dev-server__'));
    for (const seen of [ours(report.violations.events), ours(report.violations.reports)]) {
      expect(seen, seen.join('\n')).to.have.length(1);
      expect(seen[0]).to.match(/^trusted-types trusted-types-policy "feedcal"/);
    }
    // One note about the policy (each unreadable feed also writes its own error details, as always).
    const feedcalNotes = report.notes.filter((note) => note.includes('Trusted Types') && !note.includes('FeedError'));
    expect(feedcalNotes, report.notes.join('\n')).to.have.length(1);
    expect(feedcalNotes[0]).to.contain('Trusted Types policy "feedcal"');
    for (const name of ['json', 'ics', 'jsonld', 'supplied']) {
      const list = report.lists[name];
      expect(list.cards, `${name}: cards`).to.be.at.least(1);
      expect(list.richDescriptions, `${name}: descriptions parsed as HTML`).to.equal(0);
    }
    expect(report.lists.json.plainDescriptions).to.be.at.least(1);
    expect(report.lists.json.titles.join(' ')).to.contain('Möte med');
    expect(report.lists.supplied.plainDescriptions).to.equal(1);
    // XML needs a parser: those feeds say they cannot be read, instead of breaking the page.
    for (const name of ['rss', 'atom']) {
      expect(report.lists[name].cards, `${name}: cards`).to.equal(0);
      expect(report.lists[name].error, `${name}: error state`).to.be.a('string').and.not.equal('');
    }
    expect(report.jsonLdScripts, 'no JSON-LD without the policy').to.equal(0);
    expect(report.xss).to.equal(undefined);
  });
});
