/**
 * What a request asks for, before anything is fetched: the route (`/?url=`, `/feeds/<name>`, under
 * `basePath`), the method, and the cheap refusals (no address, not http(s), not on the allow
 * list), each with a message that says what to do. Nothing here touches the network.
 */
import {PREFIX} from './options.js';
import type {Target} from './policy.js';
import {textResponse, type Headers} from './respond.js';

export type Route =
  /** Answered already (404, 400, 403, 405). `feed` names the feed for the log when there was one. */
  {kind: 'answered'; response: Response; feed?: string} | {kind: 'preflight'; feed?: string} | {kind: 'feed'; target: Target; feed: string; params: URLSearchParams};

export interface RouteSettings {
  basePath: string;
  feeds: Map<string, URL>;
  allowed: (url: URL) => boolean;
}

export function routeOf(request: Request, method: string, cors: Headers, settings: RouteSettings): Route {
  const {basePath, feeds, allowed} = settings;
  const answer = (status: number, message: string, feed?: string, headers: Headers = cors): Route => ({
    kind: 'answered',
    response: textResponse(status, message, method, headers),
    feed,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return answer(400, `${PREFIX} bad request address.`);
  }
  const base = basePath || '';
  const nothingHere = `${PREFIX} nothing here; ask for ${base}/?url=<feed URL> or ${base}/feeds/<name>.`;
  let path = url.pathname;
  if (basePath) {
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return answer(404, nothingHere);
    path = path.slice(basePath.length) || '/';
  }
  let name: string | undefined;
  let feed: string | undefined;
  if (path.startsWith('/feeds/')) {
    try {
      name = decodeURIComponent(path.slice('/feeds/'.length));
    } catch {
      name = '';
    }
    feed = `feeds/${name}`;
    if (!feeds.has(name)) return answer(404, `${PREFIX} there is no feed named ${JSON.stringify(name)} here.`, feed);
  } else if (path !== '/') {
    return answer(404, nothingHere);
  }

  if (method === 'OPTIONS') return {kind: 'preflight', feed};
  if (method !== 'GET' && method !== 'HEAD') {
    return answer(405, `${PREFIX} only GET and HEAD are relayed (and OPTIONS for CORS), not ${method}.`, feed, {...cors, allow: 'GET, HEAD, OPTIONS'});
  }
  const params = url.searchParams;
  if (name !== undefined) return {kind: 'feed', target: {url: feeds.get(name)!, label: JSON.stringify(name), named: true}, feed: feed!, params};

  const raw = params.get('url');
  if (!raw) return answer(400, `${PREFIX} give the feed's address as ?url=<encoded feed URL> (or ask for /feeds/<name>).`);
  let feedUrl: URL;
  try {
    feedUrl = new URL(raw);
  } catch {
    return answer(400, `${PREFIX} ?url= is not an absolute URL; encode it with encodeURIComponent.`, raw.slice(0, 2000));
  }
  feedUrl.hash = '';
  feed = feedUrl.href;
  // The cheap refusals first, before the rate limit and any network.
  if (feedUrl.protocol !== 'http:' && feedUrl.protocol !== 'https:') {
    return answer(400, `${PREFIX} only http and https feeds are relayed, not ${feedUrl.protocol}.`, feed);
  }
  if (!allowed(feedUrl)) return answer(403, `${PREFIX} this address is not on the relay's allow list; its owner can add it (allow).`, feed);
  return {kind: 'feed', target: {url: feedUrl, label: feedUrl.href, named: false}, feed, params};
}
