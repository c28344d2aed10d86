/**
 * The relay on Node 20: a `node:http` server around the Fetch-API handler of relay.ts, plus the
 * two things only Node can give it:
 *
 * - `nodeResolveHost`: the SSRF rule's DNS check (`dns.lookup` with `all: true`; the feed is
 *   refused when ANY address is forbidden).
 * - `createNodeFetch`: the upstream fetch, built on `node:http`/`node:https` with a `lookup`
 *   that checks the addresses it is about to connect to. The check before the request and
 *   `fetch`'s own DNS lookup are two lookups, and a host with a very short TTL could answer a
 *   public address to the first and 127.0.0.1 to the second (DNS rebinding). Here the addresses
 *   checked are the addresses connected to, so that gap is closed. It also undoes gzip, deflate
 *   and brotli as a stream, so the relay's size cap counts decompressed bytes.
 *
 * `createNodeRelay(options)` wires both in; `serveRelay(relay, {port, host})` serves any handler.
 */
import {createServer, request as httpRequest, type IncomingMessage, type Server} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {lookup as dnsLookup, type LookupAddress, type LookupAllOptions} from 'node:dns';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {createBrotliDecompress, createGunzip, createInflate} from 'node:zlib';
import type {LookupFunction} from 'node:net';
import {addressPolicy, createRelay, FORBIDDEN_ADDRESS_CODE, type AddressPolicy, type FetchUpstream, type RelayHandler, type RelayOptions} from './relay.js';
import {isIPLiteral} from './address.js';

export * from './relay.js';

/** `dns.lookup`'s callback form, asked for every address. Injectable so tests can fake DNS. */
export type NodeLookup = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const defaultLookup: NodeLookup = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/** Every address `hostname` resolves to, through `lookup` (default: the system resolver, as `fetch` uses). */
export function nodeResolveHost(lookup: NodeLookup = defaultLookup): (hostname: string) => Promise<string[]> {
  return (hostname) =>
    new Promise((resolve, reject) => {
      lookup(hostname.replace(/^\[|\]$/g, ''), {all: true, verbatim: true}, (error, addresses) =>
        error ? reject(error) : resolve(addresses.map((entry) => entry.address))
      );
    });
}

const forbidden = (host: string, problem: string) => Object.assign(new Error(`${host} resolves to a ${problem} address`), {code: FORBIDDEN_ADDRESS_CODE});

const DECODERS = new Map<string, () => NodeJS.ReadWriteStream>([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['deflate', createInflate],
  ['br', createBrotliDecompress],
]);

/**
 * An upstream `fetch` on `node:http`/`node:https` that connects only to addresses `policy`
 * allows (checked in the socket's own DNS lookup, so what is checked is what is connected to),
 * decompresses as it streams, drops Set-Cookie, and never follows redirects (the relay does, hop
 * by hop). Requests use no connection pool: the relay asks each feed once per cache period.
 */
export function createNodeFetch(options: {policy: AddressPolicy; lookup?: NodeLookup}): FetchUpstream {
  const {policy} = options;
  const lookup = options.lookup ?? defaultLookup;
  return (address, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(address);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(new TypeError(`feedcal relay: not an http(s) address: ${url.protocol}`));
      if (isIPLiteral(url.hostname)) {
        const problem = policy.refuse(url.hostname, url.hostname.replace(/^\[|\]$/g, ''));
        if (problem) return reject(forbidden(url.hostname, problem));
      }
      const checkedLookup = ((hostname: string, lookupOptions: {all?: boolean; family?: number}, callback: (...args: unknown[]) => void) => {
        lookup(hostname, {...lookupOptions, all: true} as LookupAllOptions, (error, addresses) => {
          if (error) return callback(error);
          if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address`), {code: 'ENOTFOUND'}));
          for (const entry of addresses) {
            const problem = policy.refuse(url.hostname, entry.address);
            if (problem) return callback(forbidden(hostname, problem));
          }
          if (lookupOptions.all) callback(null, addresses);
          else callback(null, addresses[0].address, addresses[0].family);
        });
      }) as unknown as LookupFunction;
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      headers['accept-encoding'] = 'gzip, deflate, br';
      const method = init.method ?? 'GET';
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method,
        headers,
        lookup: checkedLookup,
        signal: init.signal ?? undefined,
        agent: false,
      });
      request.on('error', reject);
      request.on('response', (response: IncomingMessage) => {
        const status = response.statusCode ?? 502;
        const encoding = String(response.headers['content-encoding'] ?? '')
          .trim()
          .toLowerCase();
        const decoder = DECODERS.get(encoding);
        const nullBody = method === 'HEAD' || [101, 204, 205, 304].includes(status);
        const responseHeaders = new Headers();
        for (const [key, value] of Object.entries(response.headers)) {
          if (value === undefined || key === 'set-cookie') continue;
          if (decoder && (key === 'content-encoding' || key === 'content-length')) continue;
          for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(key, one);
        }
        let body: Readable = response;
        if (decoder && !nullBody) {
          const decoding = decoder();
          body = pipelineTo(response, decoding);
        }
        try {
          if (nullBody) response.resume();
          resolve(
            new Response(nullBody ? null : (Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>), {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders,
            })
          );
        } catch (error) {
          response.destroy();
          reject(error);
        }
      });
      request.end();
    });
}

/** `source` piped into `transform`, errors and early ends passed along both ways. */
function pipelineTo(source: Readable, transform: NodeJS.ReadWriteStream): Readable {
  const output = transform as unknown as Readable;
  pipeline(source, transform).catch((error) => output.destroy(error));
  output.on('close', () => source.destroy());
  return output;
}

/** Options of `createNodeRelay`: the relay's, plus the DNS lookup used by both checks. */
export interface NodeRelayOptions extends RelayOptions {
  /** The DNS lookup for the SSRF checks and the connection. Default: `dns.lookup`. For tests. */
  lookup?: NodeLookup;
}

/**
 * The relay with Node's DNS check and the address-pinning upstream fetch (unless `resolveHost` or
 * `fetchUpstream` are given).
 */
export function createNodeRelay(options: NodeRelayOptions): RelayHandler {
  const {lookup, ...relayOptions} = options;
  return createRelay({
    ...relayOptions,
    resolveHost: options.resolveHost ?? nodeResolveHost(lookup),
    fetchUpstream: options.fetchUpstream ?? createNodeFetch({policy: addressPolicy(options), lookup}),
  });
}

export interface ServeOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: put nginx or another proxy with TLS in front. */
  host?: string;
  /** Where an internal error is reported (never with the visitor's address). Default: console.error. */
  onError?: (error: unknown) => void;
}

export interface RunningRelay {
  server: Server;
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Serves `relay` (or any Fetch-API handler) with `node:http`: each IncomingMessage becomes a
 * Request (with an AbortSignal that fires when the visitor goes away), the socket's address is
 * passed as `clientAddress`, and the Response is streamed back with backpressure.
 */
export function serveRelay(relay: RelayHandler, options: ServeOptions = {}): Promise<RunningRelay> {
  const host = options.host ?? '127.0.0.1';
  const onError = options.onError ?? ((error: unknown) => console.error('feedcal relay: internal error:', error));
  const server = createServer((req, res) => {
    handle(relay, req, res).catch((error) => {
      onError(error);
      if (!res.headersSent) {
        res.writeHead(500, {'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store'});
        res.end('feedcal relay: internal error.\n');
      } else {
        res.destroy();
      }
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
      resolve({
        server,
        port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(relay: RelayHandler, req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    // The body is never read: close the connection after answering instead of draining it.
    res.shouldKeepAlive = false;
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    if (name.startsWith(':')) continue;
    try {
      headers.append(name, req.rawHeaders[i + 1]);
    } catch {
      // A header the Fetch API refuses (invalid value): the relay reads none it needs from it.
    }
  }
  let request: Request;
  try {
    // The path and query matter; the host part is fixed, so a visitor's Host header changes nothing.
    request = new Request(new URL(req.url ?? '/', 'http://relay.invalid'), {method, headers, signal: controller.signal});
  } catch {
    // Methods the Fetch API forbids (CONNECT, TRACE, TRACK) and unparsable targets.
    res.writeHead(405, {'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD, OPTIONS', 'cache-control': 'no-store'});
    res.end(`feedcal relay: only GET and HEAD are relayed (and OPTIONS for CORS), not ${method}.\n`);
    return;
  }
  const clientAddress = req.socket.remoteAddress?.replace(/^::ffff:(?=\d+\.)/, '');
  const response = await relay(request, {clientAddress});
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') out[key] = value;
  });
  res.writeHead(response.status, out);
  if (!response.body || method === 'HEAD') {
    response.body?.cancel().catch(() => {});
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as unknown as import('node:stream/web').ReadableStream<Uint8Array>), res);
}
