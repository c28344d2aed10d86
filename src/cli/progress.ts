/**
 * Progress on stderr for work that takes more than a second (several feeds, a large folder): a
 * quiet command for the usual quick run, and a sign of life when a feed's server is slow. A line
 * per second at most, so a log file stays readable; nothing on stdout, which `--json` owns.
 */
import type {CommandIO} from './relay-command.js';

export class Progress {
  private done = 0;
  private detail = '';
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly io: CommandIO,
    private readonly label: string,
    private readonly total: number,
    everyMs = 1000
  ) {
    this.timer = setInterval(() => this.io.err(`${this.label}: ${this.done} of ${this.total}${this.detail ? ` (${this.detail})` : ''}`), everyMs);
    // Progress never keeps the process alive on its own.
    this.timer.unref?.();
  }

  /** Counts one more item done; `detail` says what is still going on ("waiting for …"). */
  step(detail = ''): void {
    this.done++;
    this.detail = detail;
  }

  /** Says what is under way without counting. */
  note(detail: string): void {
    this.detail = detail;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
