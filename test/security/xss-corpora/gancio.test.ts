// The third-party XSS corpora in the gancio format; see strict-csp.ts. One file per format keeps
// each within the test runner's time for a file.
import {corporaUnderStrictCsp} from './strict-csp.js';

corporaUnderStrictCsp('gancio');
