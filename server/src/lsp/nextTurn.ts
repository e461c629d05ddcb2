/**
 * Runs `work` on a later turn of the event loop, after pending I/O: `setImmediate` on Node; a Web
 * Worker (the browser's language server) has none, and a zero timeout does the same there.
 */
export const nextTurn: (work: () => void) => void =
  typeof setImmediate === 'function' ? (work) => void setImmediate(work) : (work) => void setTimeout(work, 0);

/**
 * Is a request on its way through the server (its bytes read, not answered yet)? Set by the
 * entry that sees the transport (Node's `lsp/main.ts`, `platform.requestWaiting`); false where
 * none is set. A request crosses several turns before it is answered (the reader decodes, the
 * connection queues, the writer writes, each on a later turn), and a background slice queued
 * before it would run at each of them.
 */
let requestWaiting: () => boolean = () => false;

export function setRequestWaiting(waiting: (() => boolean) | undefined): void {
  requestWaiting = waiting ?? (() => false);
}

/** Background work's next turn: after the requests on their way (a millisecond later while one is). */
export function backgroundTurn(work: () => void): void {
  if (requestWaiting()) setTimeout(work, 1);
  else nextTurn(work);
}

/**
 * Runs `steps` in the background a slice at a time: after each slice of about `sliceMs`, the
 * next waits for a later turn, so the requests that arrived meanwhile are answered first; no
 * slice starts while a request is on its way (`requestWaiting`).
 * Resolves when the steps are done or `stopped()` says to give up (a newer run replaced this one).
 */
export function runInSlices(steps: Iterator<unknown>, sliceMs: number, stopped: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (requestWaiting()) {
        setTimeout(slice, 1);
        return;
      }
      try {
        const until = performance.now() + sliceMs;
        do {
          if (stopped() || steps.next().done) return resolve();
        } while (performance.now() < until && !requestWaiting());
        backgroundTurn(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    backgroundTurn(slice);
  });
}
