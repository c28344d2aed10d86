// Types of scripts/coverage.mjs, for the test that holds its rule (test/package/first-paint-coverage.test.ts).
export interface ModuleCoverage {
  module: string;
  bytes: number;
  executed: number;
  share: number;
}
export interface FileCoverage {
  file: string;
  bytes: number;
  executed: number;
  share: number;
  gzip: number;
  executedGzip: number;
  modules?: ModuleCoverage[];
}
export interface CoverageReport {
  scenario: string;
  events: number;
  files: FileCoverage[];
  total: {bytes: number; executed: number; share: number; gzip: number; executedGzip: number};
}
export const COVERAGE_SCENARIOS: Record<string, {feed: string; attributes: string}>;
export function measureFirstPaintCoverage(options?: {scenario?: string; events?: number; modules?: boolean}): Promise<CoverageReport>;
