/**
 * Which addresses the relay may fetch: the owner's allow list (exact addresses and prefixes), the
 * named feeds, and the SSRF rule (no loopback, private, link-local or metadata address unless the
 * owner named the host). `checkHop` applies all of it to the first address and to every
 * redirect, because a redirect is how an allowed feed would otherwise lead somewhere it may not.
 */
import {forbiddenAddress, isIPLiteral} from './address.js';
import {fail, PREFIX, RelayError, type RelayOptions} from './options.js';
import {untilAborted} from '../lib/load/abort.js';

interface AllowRule {
  protocol: string;
  host: string;
  path: string;
  prefix: boolean;
}

/** A feed the relay is asked for. */
export interface Target {
  url: URL;
  /** How messages name the feed: the address for `?url=`, `"name"` for a named feed (its address stays private). */
  label: string;
  named: boolean;
}

const FEED_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function parseAllowEntry(entry: string, what: string): AllowRule {
  if (typeof entry !== 'string' || !entry.trim()) fail(`${what} must be a feed URL or prefix, got ${JSON.stringify(entry)}.`);
  const star = entry.endsWith('*');
  let url: URL;
  try {
    url = new URL(star ? entry.slice(0, -1) : entry);
  } catch {
    return fail(`${what} ${JSON.stringify(entry)} is not an absolute URL; write it like https://example.org/events.ics.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${what} ${JSON.stringify(entry)} must start with http:// or https://.`);
  if (url.username || url.password) fail(`${what} ${JSON.stringify(entry)} must not contain a user name or password.`);
  const path = url.pathname + url.search;
  return {protocol: url.protocol, host: url.host, path, prefix: star || (url.pathname.endsWith('/') && !url.search)};
}

/** The named feeds, checked: name → address. */
export function parseFeeds(feeds: RelayOptions['feeds']): Map<string, URL> {
  const named = new Map<string, URL>();
  for (const [name, address] of Object.entries(feeds ?? {})) {
    if (!FEED_NAME.test(name)) fail(`feed name ${JSON.stringify(name)} may only hold letters, digits, ".", "_" and "-".`);
    parseAllowEntry(address, `feed ${name}:`);
    named.set(name, new URL(address));
  }
  return named;
}

/** A test for "is this address on the allow list", from `allow` and the named feeds (allowed exactly). */
export function allowList(allow: RelayOptions['allow'], feeds: Map<string, URL>): (url: URL) => boolean {
  if (allow !== undefined && !Array.isArray(allow)) fail('allow must be a list of feed URLs or prefixes.');
  const rules = [
    ...(allow ?? []).map((entry) => parseAllowEntry(entry, 'allow entry')),
    ...[...feeds.values()].map((url) => ({protocol: url.protocol, host: url.host, path: url.pathname + url.search, prefix: false})),
  ];
  if (!rules.length) {
    fail('give at least one allow entry (a feed URL or prefix) or a named feed; the relay never forwards other addresses.');
  }
  return (url) =>
    rules.some(
      (rule) =>
        rule.protocol === url.protocol &&
        rule.host === url.host &&
        (rule.prefix ? (url.pathname + url.search).startsWith(rule.path) : url.pathname + url.search === rule.path)
    );
}

/** The host-name rule shared with the Node adapter's connect-time check. */
export interface AddressPolicy {
  /** True when the owner named this host, so its addresses are not checked. */
  namedPrivate(hostname: string): boolean;
  /** Why connecting to `address` for `hostname` is refused, or undefined when it is fine. */
  refuse(hostname: string, address: string): string | undefined;
}

/**
 * The address rule for a set of relay options: a host written in `allow` or `feeds` as an IP
 * address or as `localhost`, or listed in `privateHosts`, is allowed by name; every other host
 * must resolve to public addresses only.
 */
export function addressPolicy(options: Pick<RelayOptions, 'allow' | 'feeds' | 'privateHosts'>): AddressPolicy {
  const hosts = [...(options.allow ?? []), ...Object.values(options.feeds ?? {})].map((entry) => {
    try {
      return new URL(entry.replace(/\*$/, '')).hostname.toLowerCase();
    } catch {
      return '';
    }
  });
  const named = new Set<string>();
  for (const host of hosts) if (host && (isIPLiteral(host) || host === 'localhost' || host.endsWith('.localhost'))) named.add(host);
  for (const host of options.privateHosts ?? []) {
    const name = String(host).toLowerCase();
    if (!hosts.includes(name)) fail(`privateHosts: ${JSON.stringify(host)} is not the host of any allow entry or feed.`);
    named.add(name);
  }
  const namedPrivate = (hostname: string) => named.has(hostname.toLowerCase());
  return {
    namedPrivate,
    refuse: (hostname, address) => (namedPrivate(hostname) ? undefined : forbiddenAddress(address)),
  };
}

/** `error.code`, or that of its `cause` (Node's fetch wraps socket errors). */
export function errorCode(error: unknown): string | undefined {
  const e = error as {code?: unknown; cause?: {code?: unknown}} | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

export interface HopChecker {
  (url: URL, target: Target, redirected: boolean, signal: AbortSignal): Promise<void>;
}

/** Refuses `url` unless it is on the allow list and reaches no forbidden address (after DNS, when the host can resolve). */
export function hopChecker(allowed: (url: URL) => boolean, policy: AddressPolicy, resolveHost: RelayOptions['resolveHost']): HopChecker {
  const addressRefused = (host: string, problem: string) =>
    new RelayError(
      403,
      `${PREFIX} refused: ${host} resolves to a ${problem} address; the relay only fetches private hosts its owner names (privateHosts).`,
      'address refused'
    );
  return async (url, target, redirected, signal) => {
    const where = redirected ? 'the feed redirected to' : target.named ? `the feed ${target.label} points to` : 'the address is';
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RelayError(redirected ? 403 : 400, `${PREFIX} ${where} a ${url.protocol} address; only http and https are relayed.`, 'redirect refused');
    }
    if (url.username || url.password) {
      throw new RelayError(redirected ? 403 : 400, `${PREFIX} ${where} an address with a user name or password, which is not relayed.`, 'redirect refused');
    }
    if (!allowed(url)) {
      throw new RelayError(403, `${PREFIX} ${where} an address that is not on the relay's allow list.`, redirected ? 'redirect refused' : 'not allowed');
    }
    const hostname = url.hostname;
    if (policy.namedPrivate(hostname)) return;
    const hostLabel = target.named && !redirected ? 'its host' : hostname;
    if (isIPLiteral(hostname)) {
      const problem = forbiddenAddress(hostname);
      if (problem) throw addressRefused(hostLabel, problem);
      return;
    }
    if (!resolveHost) return;
    let addresses: readonly string[];
    try {
      addresses = await untilAborted(resolveHost(hostname), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new RelayError(502, `${PREFIX} could not resolve ${hostLabel} (${errorCode(error) ?? 'DNS error'}).`, 'dns error');
    }
    if (!addresses.length) throw new RelayError(502, `${PREFIX} ${hostLabel} has no address.`, 'dns error');
    for (const address of addresses) {
      const problem = forbiddenAddress(address);
      if (problem) throw addressRefused(hostLabel, problem);
    }
  };
}
