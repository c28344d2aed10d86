/**
 * The one-line card of `density="compact"` (compact-line.ts), on demand: shared by the cards that
 * draw it and the list that asks for it early and waits for it before its first events.
 */
import {lazy} from '../lib/lazy.js';

export const compactLine = lazy(() => import('./compact-line.js'));
