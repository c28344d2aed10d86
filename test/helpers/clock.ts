/**
 * The calendar's clock in tests (src/lib/clock.ts). Every test page starts at `TEST_NOW`
 * (web-test-runner.config.mjs sets it before any test file loads), so no test depends on the day
 * it runs; `.ci/run` runs the suite a second time with the browser's own clock moved years away,
 * which fails any code that reads the wall clock instead of this one.
 */
import {setClock} from '../../src/lib/clock.js';

/** "Now" on every test page unless a test sets its own: the day the suite's fixtures were written around. */
export const TEST_NOW = '2026-11-27T12:00:00Z';

/** Sets the clock for the tests of the enclosing `describe`, and puts `TEST_NOW` back after them. */
export function useClock(at: string): void {
  before(() => setClock(at));
  after(() => setClock(TEST_NOW));
}
