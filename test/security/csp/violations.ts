/**
 * Every Content-Security-Policy violation on a test page, seen two ways: the
 * `securitypolicyviolation` event on the document (what a page's own script sees) and a
 * `ReportingObserver` for `csp-violation` reports (what a site's report address would receive).
 * One line per violation, with where the code that caused it runs, so a failure names the culprit.
 */
interface CspReportBody {
  effectiveDirective?: string;
  blockedURL?: string;
  sample?: string;
  sourceFile?: string;
  lineNumber?: number;
  columnNumber?: number;
}

const violationLine = (directive = '', blocked = '', sample = '', file = '', line = 0, column = 0) =>
  `${directive} ${blocked} ${JSON.stringify(sample)}${file ? ` at ${file.replace(location.origin, '')}:${line}:${column}` : ''}`;

export class ViolationLog {
  /** From the `securitypolicyviolation` event. */
  readonly events: string[] = [];
  /** From the Reporting API. */
  readonly reports: string[] = [];
  private readonly observer?: ReportingObserver;

  constructor() {
    document.addEventListener('securitypolicyviolation', (e) =>
      this.events.push(violationLine(e.effectiveDirective, e.blockedURI, e.sample, e.sourceFile, e.lineNumber, e.columnNumber))
    );
    if (typeof ReportingObserver === 'function') {
      this.observer = new ReportingObserver((reports) => this.record(reports), {types: ['csp-violation'], buffered: true});
      this.observer.observe();
    }
  }

  /** Both lists, once the reports queued so far are delivered. */
  collect(): {events: string[]; reports: string[]} {
    if (this.observer) this.record(this.observer.takeRecords());
    return {events: [...this.events], reports: [...this.reports]};
  }

  private record(reports: Report[]) {
    for (const report of reports) {
      const body = (report.body ?? {}) as CspReportBody;
      this.reports.push(violationLine(body.effectiveDirective, body.blockedURL, body.sample, body.sourceFile, body.lineNumber, body.columnNumber));
    }
  }
}

/** `waitUntil` for pages that load nothing from the test framework: checks every frame. */
export async function until(check: () => boolean, what: string, timeout = 8000): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise(requestAnimationFrame);
  }
}
