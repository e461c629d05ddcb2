import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { forgetMeetingsExcept } from '../../core/items/meetings';
import { clearPieceCache } from '../../core/model/markdown';
import { seriesKey } from '../../core/series';
import { uriToPath } from '../uri';

/**
 * How long after the last document closed (and the last edit) what only closed documents needed
 * is kept: someone reading minutes one after another (closing one, opening the next of its
 * series) parses the series once, not once per file; and the compaction that may follow pauses
 * the server only once the user has paused too.
 */
export const RELEASE_AFTER_MS = 30_000;

/**
 * Characters of minutes let go at a release beyond which the heap is compacted too: about 80 bytes
 * of heap stay behind per character of short minutes parsed (meeting, document, tree), so this is
 * tens of MiB of pages. Below it, the pause of a compaction is not worth its pages.
 */
export const COMPACT_AFTER_CHARS = 256 * 1024;

/**
 * The series rules of an open document read every minutes file of its series, parsed once and
 * kept (`core/items/meetings.ts`, `core/series/memo.ts`). Once no document has closed or changed
 * for `RELEASE_AFTER_MS` after a close, what was kept for series no open document belongs to
 * goes, and the parsed pieces of long documents if no document is open: a workspace of thousands
 * of minutes read one after another holds only what its open documents need. When that was much,
 * the heap is compacted so that the process gives the memory back (`compact`, where the platform
 * can). Only memory changes: a series opened again is parsed again.
 */
export function releaseClosedSeries(
  documents: TextDocuments<TextDocument>,
  { after = afterQuiet, compact, log }: { after?: Schedule; compact?: () => void; log?: (message: string) => void } = {},
): void {
  let cancel: (() => void) | undefined;
  const waitForQuiet = () => {
    cancel?.();
    cancel = after(() => {
      cancel = undefined;
      const open = documents.all().map((d) => uriToPath(d.uri).path);
      const needed = new Set(open.map(seriesKey));
      let released = forgetMeetingsExcept((path) => needed.has(seriesKey(path)));
      if (!open.length) released += clearPieceCache();
      if (released < COMPACT_AFTER_CHARS || !compact) return;
      const started = performance.now();
      compact();
      const ms = Math.round(performance.now() - started);
      log?.(`Let go of ${released} characters of minutes of closed series; heap compacted in ${ms} ms.`);
    });
  };
  documents.onDidClose(waitForQuiet);
  // Typing puts off a release already waiting (none is started by an edit alone).
  documents.onDidChangeContent(() => cancel !== undefined && waitForQuiet());
}

/** Runs `task` later; the function returned cancels it. */
export type Schedule = (task: () => void) => () => void;

const afterQuiet: Schedule = (task) => {
  const timer = setTimeout(task, RELEASE_AFTER_MS);
  return () => clearTimeout(timer);
};
