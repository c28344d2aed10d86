/**
 * One feed's bytes, from an http(s) address or a local file, for `check` and `snapshot`: a real
 * request as a browser's would be (following redirects, an Origin header when a site is given),
 * bounded in time and size, and failures as sentences that name the address and the fix.
 */
import {readFile} from 'node:fs/promises';
import {pathToFileURL} from 'node:url';
import {resolve} from 'node:path';
import {DEFAULT_MAX_BYTES} from '../lib/load/fetch-feed.js';

export interface Source {
  /** The address asked for (a local file as a file: URL). */
  url: string;
  /** Where the body came from after redirects. */
  finalUrl: string;
  bytes: Uint8Array;
  /** Absent for a local file. */
  status?: number;
  headers?: Headers;
  contentType?: string;
  /** The body was longer than `maxBytes`: only that much was read. */
  truncated: boolean;
}

/** A source that could not be read at all; `fix` is what to do about it. */
export class SourceError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly fix: string
  ) {
    super(message);
  }
}

export interface SourceOptions {
  timeoutMs: number;
  /** Read at most this many bytes (and one more, to tell that there were more). */
  maxBytes?: number;
  /** Sent as the request's Origin header, as a browser on that site would. */
  origin?: string;
}

export const isRemote = (target: string) => /^https?:\/\//i.test(target);

export async function readSource(target: string, options: SourceOptions): Promise<Source> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!isRemote(target)) return readLocal(target, maxBytes);
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await fetch(target, {
      signal,
      redirect: 'follow',
      headers: {
        accept: 'application/json, application/feed+json, text/calendar, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
        'user-agent': 'feedcal-cli (+https://www.npmjs.com/package/feedcal)',
        ...(options.origin ? {origin: options.origin} : {}),
      },
    });
  } catch (error) {
    throw networkError(target, error, options.timeoutMs);
  }
  const {bytes, truncated} = await readBody(response, maxBytes).catch((error: unknown) => {
    throw networkError(target, error, options.timeoutMs);
  });
  return {
    url: target,
    finalUrl: response.url || target,
    bytes,
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type') ?? undefined,
    truncated,
  };
}

async function readLocal(path: string, maxBytes: number): Promise<Source> {
  const url = path.startsWith('file:') ? path : pathToFileURL(resolve(path)).href;
  try {
    const bytes = new Uint8Array(await readFile(path.startsWith('file:') ? new URL(path) : path));
    return {url, finalUrl: url, bytes: bytes.subarray(0, maxBytes + 1), truncated: bytes.byteLength > maxBytes};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'no permission to read it'
            : (error as Error).message;
    throw new SourceError(path, `${path}: cannot read the file: ${why}.`, 'Give the path of a feed file, or its http(s) address.');
  }
}

/** The body up to `maxBytes` (+1), without holding more in memory. */
async function readBody(response: Response, maxBytes: number): Promise<{bytes: Uint8Array; truncated: boolean}> {
  if (!response.body) return {bytes: new Uint8Array(), truncated: false};
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return {bytes, truncated: length > maxBytes};
}

function networkError(url: string, error: unknown, timeoutMs: number): SourceError {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SourceError(
      url,
      `${url}: no complete answer within ${timeoutMs / 1000} s.`,
      'The server is slow or down: try again later, or allow more time with --timeout <seconds>.'
    );
  }
  const cause = (error as {cause?: {code?: string; message?: string}})?.cause;
  const code = cause?.code ?? '';
  const host = safeHost(url);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new SourceError(url, `${url}: the name ${host} cannot be found (DNS).`, 'Check the address for typing errors, and that this computer is online.');
  if (code === 'ECONNREFUSED')
    return new SourceError(url, `${url}: nothing answers at ${host} (connection refused).`, 'Check the address and the port; the server may be down.');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return new SourceError(url, `${url}: the server closed the connection before sending the feed.`, 'Try again later; if it persists, the server has a fault.');
  if (/CERT|SSL|TLS/i.test(code))
    return new SourceError(
      url,
      `${url}: the server's https certificate is not valid (${code}).`,
      "Browsers refuse it too: the site's owner must renew or fix the certificate."
    );
  return new SourceError(
    url,
    `${url}: the request failed: ${cause?.message ?? (error as Error)?.message ?? String(error)}.`,
    'Check the address and that this computer is online.'
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
