/**
 * The widgets on a page that enforces a strict Content-Security-Policy with Trusted Types. The
 * policy must be on the document that runs the widget, so the widgets run in an iframe whose
 * page (test/security/csp/page.html) the test server sends with the header; the page reports
 * back with postMessage.
 */
import {expect} from '@open-wc/testing';
// Type only: importing the page module's values would run it here.
import type {Report} from './csp/page.js';

describe('strict CSP and Trusted Types', function () {
  this.timeout(30000);

  it('renders every state with zero securitypolicyviolation events', async () => {
    const frame = document.createElement('iframe');
    const message = new Promise<{report?: Report; error?: string; violations?: string[]}>((resolve) => {
      window.addEventListener('message', function onMessage(event) {
        if (event.source === frame.contentWindow && event.data?.type === 'csp-report') {
          window.removeEventListener('message', onMessage);
          resolve(event.data);
        }
      });
    });
    frame.src = new URL('./csp/page.html', import.meta.url).href;
    document.body.append(frame);
    const result = await message;
    frame.remove();
    expect(result.error, `${result.error}\n${result.violations?.join('\n')}`).to.equal(undefined);
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
});
