// The third-party XSS corpora in rss under a strict CSP with Trusted Types; see hostile-under-csp.ts.
// A file of its own: thousands of vectors take most of the test runner's time for a file.
import {corporaUnderStrictCsp} from './hostile-under-csp.js';

corporaUnderStrictCsp('rss');
