/**
 * Runs `work` on a later turn of the event loop, after pending I/O: `setImmediate` on Node; a Web
 * Worker (the browser's language server) has none, and a zero timeout does the same there.
 */
export const nextTurn: (work: () => void) => void =
  typeof setImmediate === 'function' ? (work) => void setImmediate(work) : (work) => void setTimeout(work, 0);
