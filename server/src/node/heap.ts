import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = () => void;

let collect: Collect | null | undefined;

/** V8's `gc()`: the process's own when started with `--expose-gc`, else one from a fresh context. */
function collector(): Collect | null {
  if (collect !== undefined) return collect;
  const own = (globalThis as { gc?: Collect }).gc;
  try {
    if (own) collect = own;
    else {
      // A context made after this flag is set gets a `gc` function; nothing else changes.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as Collect;
    }
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * One full collection that also moves what survives onto fewer pages, so the pages freed by
 * dropping caches go back to the system. A plain full collection frees the objects but keeps any
 * page on which something still lives: after a long session's caches are released, the few
 * objects left are spread over most pages, and the process's memory stays at its peak (V8 gives
 * pages back only once empty). Meant for rare moments with the user idle (a release of caches);
 * it pauses the server for the length of the collection. False when no collection could be asked for.
 */
export function compactHeap(): boolean {
  const gc = collector();
  if (!gc) return false;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
}
