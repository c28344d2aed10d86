#!/usr/bin/env node
/**
 * The `feedcal` command (the package's `bin`): picks the command and hands it the rest of the
 * arguments. Each command is a module of its own (`<name>-command.ts`), documented in its help
 * text and in docs/cli.md.
 */
import {relayCommand, type CommandIO} from './relay-command.js';
import {checkCommand} from './check-command.js';
import {snapshotCommand} from './snapshot-command.js';
import {buildCommand} from './build-command.js';

const HELP = `Usage: feedcal <command> [options]

Commands:
  check     what the widget will make of a feed, and what to do about each problem
  snapshot  fetch feeds and write one JSON file the widget reads (for static sites)
  build     turn a folder of Markdown events into feed.json, feed.xml and calendar.ics
  relay     serve feeds without CORS headers to the widget, safely

"feedcal <command> --help" gives each command's options; docs/cli.md has them all.
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
  if (command === 'check') return checkCommand(rest, io);
  if (command === 'snapshot') return snapshotCommand(rest, io);
  if (command === 'build') return buildCommand(rest, io);
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
