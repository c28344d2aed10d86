/**
 * The project's own XSS vectors (xss-vectors.ts) in every field of every format and through the
 * `events` property, drawn by real lists with every card opened, on a page that enforces a strict
 * Content-Security-Policy with Trusted Types (test/security/csp/hostile.ts): any violation report
 * fails, not only a script that runs.
 */
import {expectNoViolations} from './csp/run-page.js';

describe('strict CSP and Trusted Types: hostile feeds', function () {
  it('the project’s own XSS vectors in every field of every format and the events property: no violation report', async function () {
    this.timeout(110000);
    await expectNoViolations('set=own', this);
  });
});
