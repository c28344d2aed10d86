/**
 * Helpers for the package tests (Node: `node --import tsx --test test/package/*.test.ts`):
 * Chromium through puppeteer-core, a static file server on loopback, and a reader for the
 * release archive that does not share code with the writer (scripts/pack-cdn.mjs).
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, extname, join, normalize, sep} from 'node:path';
import {gunzipSync} from 'node:zlib';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import puppeteer, {type Browser} from 'puppeteer-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
    defaultViewport: {width: 1200, height: 900},
  });
}

export interface Served {
  origin: string;
  /** Every request: path and the status it got. */
  log: {path: string; status: number; origin?: string}[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | void;

/** A server on 127.0.0.1 (port 0); `handler` answers what it knows and returns true, the rest is a 404. */
export async function serve(handler: Handler): Promise<Served> {
  const log: Served['log'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.on('finish', () => log.push({path, status: res.statusCode, origin: req.headers.origin}));
    if (!handler(req, res, path)) res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TYPES: Record<string, string> = {'.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json', '.html': 'text/html'};

/** Serves the files under `dir` at the URL prefix `prefix` (e.g. "/assets/feedcal/"); true when it answered. */
export function sendFile(res: ServerResponse, path: string, prefix: string, dir: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
  if (!file.startsWith(dir + sep)) return false;
  try {
    const body = readFileSync(file);
    res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(body);
    return true;
  } catch {
    return false;
  }
}

/** Reads a gzipped ustar archive into `dir`; returns the paths of its regular files. */
export function untarGz(archive: string, dir: string): string[] {
  const tar = gunzipSync(readFileSync(archive));
  const files: string[] = [];
  const text = (start: number, length: number) => tar.toString('utf8', start, start + length).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length;) {
    const name = text(at, 100);
    if (!name) break; // the end-of-archive zero blocks
    if (text(at + 257, 5) !== 'ustar') throw new Error(`not a ustar header at byte ${at}`);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : tar[at + i];
    if (sum !== parseInt(text(at + 148, 8).trim(), 8)) throw new Error(`bad header checksum for ${name}`);
    const prefix = text(at + 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const size = parseInt(text(at + 124, 12).trim(), 8);
    const type = text(at + 156, 1) || '0';
    const target = normalize(join(dir, path));
    if (!target.startsWith(dir + sep)) throw new Error(`archive entry escapes its folder: ${path}`);
    if (type === '5') mkdirSync(target, {recursive: true});
    else if (type === '0') {
      mkdirSync(dirname(target), {recursive: true});
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size));
      files.push(path);
    } else throw new Error(`unexpected entry type ${type} for ${path}`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
