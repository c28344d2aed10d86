/**
 * Web and e-mail addresses in plain-text descriptions, made links: the cheap check every card
 * can afford, and the linkifier (linkify.ts, with linkify-it) on demand, imported only once a
 * description the check lets through is drawn.
 */
import {lazy} from '../lazy.js';

export const linkifier = lazy(() => import('./linkify.js'));

// "://", "www.", an "@", or a dot between a letter and two letters ("gnistor.se", "abf.se/x"):
// text without any of these holds no address linkify-it would find, and most descriptions have none.
const MAY_HOLD_LINK = /:\/\/|www\.|@|\w\.[a-z]{2,}/i;

/** Whether `text` may hold a web or e-mail address (false: it certainly holds none). */
export function mayHoldLinks(text: string): boolean {
  return MAY_HOLD_LINK.test(text);
}
