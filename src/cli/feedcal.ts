#!/usr/bin/env node
/**
 * The `feedcal` command (the package's `bin`). Only `relay` is built so far; `check`, `snapshot`
 * and `build` are planned (issue 13).
 */
import {relayCommand, type CommandIO} from './relay-command.js';

const HELP = `Usage: feedcal <command> [options]

Commands:
  relay     serve feeds without CORS headers to the widget, safely (feedcal relay --help)

Planned: check (why a feed does or does not show), snapshot (build-time JSON), build (Markdown
events to JSON, RSS and iCalendar).
`;

/** Runs the command line; resolves to an exit code, or to undefined while a server keeps running. */
export async function main(args: string[], io: CommandIO): Promise<number | undefined> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command ? 0 : 2;
  }
  if (command === 'relay') {
    const result = await relayCommand(rest, io);
    if (typeof result === 'number') return result;
    const stop = () => {
      io.out('feedcal relay: stopping');
      result.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return undefined;
  }
  if (command === 'check' || command === 'snapshot' || command === 'build') {
    io.err(`feedcal: "${command}" is not built yet; this version has "feedcal relay".`);
    return 2;
  }
  io.err(`feedcal: unknown command "${command}"; run "feedcal --help" for the commands.`);
  return 2;
}

const io: CommandIO = {out: (line) => console.log(line), err: (line) => console.error(line)};
main(process.argv.slice(2), io).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error) => {
    console.error('feedcal: internal error:', error);
    process.exitCode = 1;
  }
);
