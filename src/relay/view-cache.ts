/**
 * The converted views (view.ts, convert.ts), kept so that a view is made once per stored copy and
 * cache period, not once per visitor.
 */
import type {RelayCacheEntry} from './cache.js';
import {RelayError} from './options.js';
import type {Target} from './policy.js';
import type {FeedBody} from './respond.js';
import type {View} from './view.js';

interface Kept {
  /** The stored body this view was made from: a new copy makes it stale. */
  source: Uint8Array;
  at: number;
  served: FeedBody;
}

const converter = () => import('./convert.js');

/**
 * The converted views, kept per feed and view for as long as the stored copy they were made from
 * is the current one and at most `cacheMs` (relative dates such as `from=today` move on); the
 * same view asked for by many visitors at once is converted once. Bounded like the feed cache:
 * least recently used views go first.
 */
export function viewCache(now: () => number, cacheMs: number, maxEntries = 200, maxBytes = 32 * 1024 * 1024) {
  const kept = new Map<string, Kept>();
  const inFlight = new Map<string, Promise<FeedBody | RelayError | undefined>>();
  let bytes = 0;
  const drop = (key: string) => {
    const old = kept.get(key);
    if (!old) return;
    kept.delete(key);
    bytes -= old.served.body.byteLength;
  };

  /**
   * The body of `view` of the stored copy `entry`: converted, or undefined when a negotiated view
   * is better served as the feed itself; a RelayError when an asked-for view cannot be made.
   */
  return async function serve(entry: RelayCacheEntry, target: Target, view: View, about: {label: string; link: string}): Promise<FeedBody | RelayError | undefined> {
    // By the route's own address, not the upstream's: a named feed's view must never be one made
    // for ?url= (it would carry the upstream address the name keeps private).
    const key = `${target.url.href}\n${about.link}\n${view.key}`;
    const found = kept.get(key);
    if (found && found.source === entry.body && now() - found.at < cacheMs) {
      kept.delete(key);
      kept.set(key, found);
      return found.served;
    }
    let shared = inFlight.get(key);
    if (!shared) {
      shared = converter()
        .then((module) => module.convertFeed(entry, target, view, new Date(now()), about))
        .then((served) => {
          drop(key);
          if (served && !(served instanceof RelayError) && served.body.byteLength <= maxBytes) {
            kept.set(key, {source: entry.body, at: now(), served});
            bytes += served.body.byteLength;
            for (const [oldest] of kept) {
              if (kept.size <= maxEntries && bytes <= maxBytes) break;
              drop(oldest);
            }
          }
          return served;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return shared;
  };
}
