/**
 * Runs `work` on a later turn of the event loop, after pending I/O: `setImmediate` on Node; a Web
 * Worker (the browser's language server) has none, and a zero timeout does the same there.
 */
export const nextTurn: (work: () => void) => void =
  typeof setImmediate === 'function' ? (work) => void setImmediate(work) : (work) => void setTimeout(work, 0);

/**
 * Runs `steps` in the background a slice at a time: after each slice of about `sliceMs`, the
 * next waits for a later turn, so the requests that arrived meanwhile are answered first.
 * Resolves when the steps are done or `stopped()` says to give up (a newer run replaced this one).
 */
export function runInSlices(steps: Iterator<unknown>, sliceMs: number, stopped: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        const until = performance.now() + sliceMs;
        do {
          if (stopped() || steps.next().done) return resolve();
        } while (performance.now() < until);
        nextTurn(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    nextTurn(slice);
  });
}
