import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { forgetMeetingsExcept } from '../../core/items/meetings';
import { clearPieceCache } from '../../core/model/markdown';
import { seriesKey } from '../../core/series';
import { uriToPath } from '../uri';

/**
 * How long after the last document closed what only closed documents needed is kept: someone
 * reading minutes one after another (closing one, opening the next of its series) parses the
 * series once, not once per file.
 */
export const RELEASE_AFTER_MS = 30_000;

/**
 * The series rules of an open document read every minutes file of its series, parsed once and
 * kept (`core/items/meetings.ts`, `core/series/memo.ts`). Once no document has closed for
 * `RELEASE_AFTER_MS`, what was kept for series no open document belongs to goes, and the parsed
 * pieces of long documents if no document is open: a workspace of thousands of minutes read one
 * after another holds only what its open documents need. Only memory changes: a series opened
 * again is parsed again.
 */
export function releaseClosedSeries(documents: TextDocuments<TextDocument>, after = RELEASE_AFTER_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  documents.onDidClose(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const open = documents.all().map((d) => uriToPath(d.uri).path);
      const needed = new Set(open.map(seriesKey));
      forgetMeetingsExcept((path) => needed.has(seriesKey(path)));
      if (!open.length) clearPieceCache();
    }, after);
  });
}
