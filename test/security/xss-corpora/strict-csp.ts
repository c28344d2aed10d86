/**
 * Every payload of the third-party XSS corpora (`../shared/fixtures/xss-corpora/`, read by
 * test/security/corpora.ts; never copied into the project) in every field of one format (or
 * through the `events` property), on a page that enforces a strict Content-Security-Policy with
 * Trusted Types (test/security/csp/hostile.ts, `set=corpora`): the parsers, the sanitiser at load
 * and as a card draws a description into the page, the model's URL rules and the JSON-LD writer.
 * Fails on any violation report, any script that runs, any unsafe URL or markup in the page or in
 * the JSON-LD; skipped, with a message saying why, when the corpora folder is absent or empty.
 */
import {expectNoViolations} from '../csp/run-page.js';

export function corporaUnderStrictCsp(format: string): void {
  describe(`the third-party XSS corpora under a strict CSP with Trusted Types: ${format}`, function () {
    it(`every vector in every ${format === 'events' ? 'field of the events property' : `field of the ${format} format`}: no violation report, nothing unsafe`, async function () {
      this.timeout(115000);
      await expectNoViolations(`set=corpora&format=${format}`, this);
    });
  });
}
