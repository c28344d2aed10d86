/**
 * Hostile feeds on a page that enforces a strict Content-Security-Policy with Trusted Types
 * (test/security/csp/hostile.ts), one format at a time (or the `events` property), one file
 * each for:
 *
 * - the project's own XSS vectors (xss-vectors.ts) in every field, drawn by a real list with
 *   every card opened and its JSON-LD written;
 * - every payload of the third-party XSS corpora (`../shared/fixtures/xss-corpora/`, read by
 *   test/security/corpora.ts, never copied into the project) in every field, through the same
 *   code without drawing thousands of cards: the parsers, the sanitiser as a card draws a
 *   description into the page, the model's URL rules and the JSON-LD writer. Skipped, with a
 *   message saying why, when that folder is absent or empty.
 *
 * Any violation report fails (the `securitypolicyviolation` event and the Reporting API), not only
 * a script that runs; so does an unsafe URL or markup in the page or in the JSON-LD.
 */
import {expectNoViolations} from '../csp/run-page.js';

const where = (format: string) => (format === 'events' ? 'every field of the events property' : `every field of the ${format} format`);

export function ownVectorsUnderStrictCsp(format: string): void {
  describe(`hostile content under a strict CSP with Trusted Types: ${format}`, function () {
    it(`the project’s own XSS vectors in ${where(format)}, drawn: no violation report, nothing unsafe`, async function () {
      this.timeout(100000);
      await expectNoViolations(`set=own&format=${format}`, this);
    });
  });
}

export function corporaUnderStrictCsp(format: string): void {
  describe(`hostile content under a strict CSP with Trusted Types: ${format}`, function () {
    it(`the third-party XSS corpora in ${where(format)}: no violation report, nothing unsafe`, async function () {
      this.timeout(110000);
      await expectNoViolations(`set=corpora&format=${format}`, this);
    });
  });
}
