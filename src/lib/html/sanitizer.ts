/**
 * The sanitiser of feed HTML (sanitize.ts, with DOMPurify behind it), on demand: one `lazy()` for
 * the feed loader, which sanitises descriptions, and the card, which draws them, so both share
 * one request and one failure.
 */
import {lazy} from '../lazy.js';

export const sanitizer = lazy(() => import('./sanitize.js'));
