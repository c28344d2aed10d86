// The project's own XSS vectors in jsonfeed under a strict CSP with Trusted Types; see hostile-under-csp.ts.
import {ownVectorsUnderStrictCsp} from './hostile-under-csp.js';

ownVectorsUnderStrictCsp('jsonfeed');
