/**
 * A check report (lib/check/check-feed.ts) as text for a person in a terminal: the verdict
 * first, then what was read, the next events as the widget shows them, the transport facts, and
 * every finding with its fix.
 */
import type {CheckReport, Finding} from '../lib/check/check-feed.js';

const LEVEL_MARK: Record<Finding['level'], string> = {error: 'ERROR', problem: 'PROBLEM', note: 'note'};
const VERDICT = ['fine: the widget will show it', 'readable, with problems (below)', 'unreadable: the widget will show nothing'];

export function checkReportText(report: CheckReport): string {
  const out: string[] = [];
  out.push(`feedcal check ${report.url}`);
  out.push(`  verdict:    ${VERDICT[report.verdict]}`);
  if (report.format) {
    out.push(`  format:     ${report.format}${report.title ? ` ("${report.title}")` : ''}`);
    out.push(`  events:     ${report.events} read, ${report.upcoming} upcoming, ${report.skipped.length} skipped`);
  }
  const {http} = report;
  if (http.status !== undefined || http.bytes) {
    const size = http.bytes >= 1024 ? `${(http.bytes / 1024).toFixed(1)} KB` : `${http.bytes} bytes`;
    out.push(`  size:       ${size}${http.contentType ? `, ${http.contentType}` : ''}${http.status !== undefined ? `, HTTP ${http.status}` : ''}`);
  }
  if (http.status !== undefined) {
    out.push(`  caching:    ETag ${http.etag ?? '(none)'}; Last-Modified ${http.lastModified ?? '(none)'}; Cache-Control ${http.cacheControl ?? '(none)'}`);
  }
  if (report.cors) {
    const {origin, allowOrigin, allowed} = report.cors;
    const header = `Access-Control-Allow-Origin ${allowOrigin ?? '(none)'}`;
    out.push(`  CORS:       ${header}${origin ? `; a page on ${origin} ${allowed ? 'may' : 'may NOT'} read it` : ''}`);
  }
  const time = report.time;
  if (time) {
    const facts = [
      `${time.timed} timed events (${time.floating} without a zone)`,
      `${time.allDay} all-day`,
      ...(time.xWrTimezone ? [`X-WR-TIMEZONE ${time.xWrTimezone.value}`] : []),
      ...(time.tzids ?? []).map((t) => `TZID ${t.tzid}${t.defined ? '' : ' (no VTIMEZONE)'}${t.zone && t.zone !== t.tzid ? ` = ${t.zone}` : ''}`),
      ...(time.series ? [`${time.series} recurring series${time.endlessSeries ? `, ${time.endlessSeries} endless` : ''}`] : []),
    ];
    out.push(`  times:      ${facts.join('; ')}`);
  }
  if (report.next.length) {
    out.push('', `${report.next.length === 1 ? 'Next event' : `Next ${report.next.length} events`}, as the widget shows them (${report.lang}, ${report.timeZone}):`);
    for (const event of report.next) out.push(`  ${event.when}  ${event.title}${event.location ? ` (${event.location})` : ''}`);
  }
  if (report.skipped.length) {
    out.push('', `Skipped (${report.skipped.length}):`);
    for (const item of report.skipped.slice(0, 20)) out.push(`  item ${item.index + 1}: ${item.reason}`);
    if (report.skipped.length > 20) out.push(`  … and ${report.skipped.length - 20} more (--json lists all)`);
  }
  if (report.findings.length) {
    out.push('', 'Findings:');
    for (const finding of report.findings) {
      out.push(`  ${LEVEL_MARK[finding.level]}: ${finding.message}`);
      if (finding.fix) out.push(`    → ${finding.fix}`);
    }
  } else {
    out.push('', 'No problems found.');
  }
  return out.join('\n');
}
