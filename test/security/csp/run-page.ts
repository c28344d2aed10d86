/**
 * The parent side of the strict-CSP pages (test/security/csp/*.html): a page runs in an iframe,
 * because the policy must be on the document that runs the widget, and posts its report back.
 */
import {expect} from '@open-wc/testing';
// Type only: importing the page module's values would run it here.
import type {HostileReport} from './hostile.js';

/** Opens `page` (relative to this file) in an iframe and resolves with the message of `type` it posts. */
export async function runPage<T>(page: string, type: string): Promise<T & {error?: string; violations?: unknown}> {
  const frame = document.createElement('iframe');
  const message = new Promise<T & {error?: string; violations?: unknown}>((resolve) => {
    window.addEventListener('message', function onMessage(event) {
      if (event.source === frame.contentWindow && event.data?.type === type) {
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      }
    });
  });
  frame.src = new URL(page, import.meta.url).href;
  document.body.append(frame);
  try {
    return await message;
  } finally {
    frame.remove();
  }
}

/**
 * Runs the hostile page (hostile.ts) with `query` and checks it: no script ran, no violation
 * report (the event and the Reporting API), nothing unsafe in the DOM or the JSON-LD. Skips the
 * test, saying why, when the page had nothing to run (the third-party lists are absent).
 */
export async function expectNoViolations(query: string, context: Mocha.Context) {
  const result = await runPage<{report?: HostileReport}>(`./hostile.html?${query}`, 'csp-hostile-report');
  expect(result.error, `${result.error}\n${JSON.stringify(result.violations, null, 1)}`).to.equal(undefined);
  const report = result.report!;
  if (report.skipped) {
    console.log(`feedcal CSP, hostile feeds (${query}): skipped: ${report.skipped}`);
    context.skip();
  }
  const figures = Object.entries(report.formats).map(
    ([format, f]) => `${format} ${f.events} events / ${f.placements} placements: ${f.violations} violations, ${f.offences} offences`
  );
  console.log(
    `feedcal CSP, hostile feeds (${query}): ${report.vectors} vectors; ${figures.join('; ')}; ${report.violations.events.length} securitypolicyviolation events, ${report.violations.reports.length} reports`
  );
  const {events, reports} = report.violations;
  expect(report.xss, 'a vector ran script').to.equal(undefined);
  expect(events, `securitypolicyviolation events:\n${events.slice(0, 20).join('\n')}`).to.deep.equal([]);
  expect(reports, `csp-violation reports:\n${reports.slice(0, 20).join('\n')}`).to.deep.equal([]);
  expect(report.offences, report.offences.slice(0, 20).join('\n')).to.deep.equal([]);
}
