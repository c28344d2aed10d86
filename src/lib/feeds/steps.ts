/**
 * Parsing in steps, so a big feed never freezes the page. A parser is written once, as a
 * generator that `yield`s wherever it may pause (after each item, after each batch of markup);
 * `runSync` runs it to the end in one go, `runSliced` runs it in slices of about `SLICE_MS`
 * and lets the event loop run (input, rendering, timers, other feeds) between slices. Both give
 * the same result, because they run the same code.
 */

/**
 * A parser's work: yields where it may pause, returns its result. It yields `PAINT` where the
 * page should draw what it was just given before the work goes on (feeds/preview.ts).
 */
export type Steps<T> = Generator<void | typeof PAINT, T, void>;

export const PAINT = 'paint';

/**
 * Main-thread time one slice may use, in milliseconds. A slice ends at the first pause point
 * after this, so with items that take well under a millisecond a task stays far below the
 * 50 ms at which the browser calls it long.
 */
export const SLICE_MS = 10;

const now = (): number => performance.now();

/**
 * A task boundary without the 4 ms clamp of nested `setTimeout`. A message on a fresh channel is
 * queued behind tasks already waiting (a due timer, a network callback, input), which is the
 * point. (`scheduler.yield()` would resume ahead of them, so it is not used.)
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Keeps time for one piece of cooperative work: parse and sanitise share one. */
export class Pacer {
  private end: number;

  constructor(readonly sliceMs = SLICE_MS) {
    this.end = now() + sliceMs;
  }

  /** Whether this slice has used its time. */
  due(): boolean {
    return now() >= this.end;
  }

  /** Lets the event loop run, then starts a new slice. */
  async pause(): Promise<void> {
    await nextTask();
    this.end = now() + this.sliceMs;
  }

  /**
   * Lets the page update and paint a frame, then starts a new slice: the microtasks queued by
   * now (a Lit update) run, then the frame, then whatever the page queued during that frame,
   * then the work goes on.
   */
  async pauseForPaint(): Promise<void> {
    // A hidden page paints no frames, and Node or a Worker (no document) has none to paint: just pause.
    if (globalThis.document?.visibilityState !== 'visible') return this.pause();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await nextTask();
    await this.pause();
  }

  /** Pauses only when the slice has used its time. */
  async tick(): Promise<void> {
    if (this.due()) await this.pause();
  }
}

/** Runs the steps to the end at once. */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps in slices, pausing between them. */
export async function runSliced<T>(steps: Steps<T>, pacer: Pacer = new Pacer()): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value === PAINT) await pacer.pauseForPaint();
    else if (pacer.due()) await pacer.pause();
  }
}
