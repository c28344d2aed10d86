// The third-party XSS corpora in the atom format; see strict-csp.ts. One file per format keeps
// each within the test runner's time for a file.
import {corporaUnderStrictCsp} from './strict-csp.js';

corporaUnderStrictCsp('atom');
