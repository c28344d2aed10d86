/**
 * What every `feedcal` command shares: reading its options, the usage error, and the three facts
 * a feed is read with (now, time zone, language), each checked with a message that names the fix.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {isTimeZone, viewerTimeZone} from '../lib/time.js';
import type {CommandIO} from './relay-command.js';

export type {CommandIO};

/** Thrown for a bad command line; the command prints it and exits with 2. */
export class UsageError extends Error {}

/** `parseArgs` with its messages made readable; throws UsageError. */
export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({args, options, strict: true, allowPositionals: true});
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** Prints a usage error the same way for every command; the exit code is 2. */
export function usageFailure(io: CommandIO, command: string, error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  io.err(`feedcal ${command}: ${error.message}`);
  io.err(`Run "feedcal ${command} --help" for the options.`);
  return 2;
}

/**
 * "Now": the hidden `--now` option, else the FEEDCAL_NOW environment variable (both for tests and
 * for checking a feed as of another day), else the clock.
 */
export function readNow(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const text = option ?? env.FEEDCAL_NOW;
  if (text === undefined || text === '') return new Date();
  const date = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`--now (or FEEDCAL_NOW) must be an ISO date-time with its offset, e.g. 2026-11-27T12:00:00Z; got ${JSON.stringify(text)}.`);
  return date;
}

/** The display zone: `--time-zone`, else this computer's zone. */
export function readTimeZone(option: string | undefined): string {
  if (option === undefined) return viewerTimeZone();
  if (!isTimeZone(option))
    throw new UsageError(`--time-zone must be an IANA zone name such as Europe/Stockholm or America/New_York; got ${JSON.stringify(option)}.`);
  return option;
}

/** The display language: `--lang`, else English. */
export function readLang(option: string | undefined): string {
  if (option === undefined) return 'en';
  try {
    const [locale] = Intl.getCanonicalLocales(option);
    if (locale) return locale;
  } catch {
    // falls through to the message
  }
  throw new UsageError(`--lang must be a language tag such as sv, en-GB or de; got ${JSON.stringify(option)}.`);
}

/** `--timeout <seconds>` in milliseconds. */
export function readTimeout(option: string | undefined, fallbackMs: number): number {
  if (option === undefined) return fallbackMs;
  const seconds = Number(option);
  if (!option.trim() || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UsageError(`--timeout must be a number of seconds from 0.001 to 600; got ${JSON.stringify(option)}.`);
  }
  return Math.round(seconds * 1000);
}
