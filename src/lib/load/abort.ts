/**
 * Giving up on work the caller no longer wants: one abort reason and one way to stop waiting, for
 * every step of the load (the request, the retry pause, the stored-copy read).
 */

/** What a promise given up on abort rejects with: the signal's reason, else an `AbortError`. */
export const abortError = (signal: AbortSignal) => signal.reason ?? new DOMException('Aborted', 'AbortError');

/**
 * `promise`, or `abortError(signal)` as soon as `signal` aborts, for work that cannot itself be
 * cancelled (a shared request, a storage read): the caller must not be held until it ends.
 * `onAbort` runs once when the caller gives up.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const giveUp = () => {
      reject(abortError(signal));
      onAbort?.();
    };
    signal.addEventListener('abort', giveUp, {once: true});
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', giveUp));
  });
}
