import { readRegularFile } from './host';
import { listMinutes } from './rosterFiles';

/** At most this much text per folder: plenty for character statistics, bounded in memory. */
const MAX_REFERENCE_CHARS = 8 * 1024 * 1024;

/**
 * The correctly encoded minutes of a folder, read once on first use, for the lossy mojibake
 * repair's statistics (`Services.referenceText`). The array keeps its identity until a
 * minutes file changes, because the core caches what it learns by that identity.
 */
export class ReferenceTexts {
  private readonly byRoot = new Map<string, readonly string[]>();

  textsFor(root: string): readonly string[] {
    let texts = this.byRoot.get(root);
    if (!texts) {
      texts = readTexts(listMinutes(root));
      this.byRoot.set(root, texts);
    }
    return texts;
  }

  /** A minutes file changed: the folders holding it are read again on next use. */
  fileChanged(path: string): void {
    for (const root of this.byRoot.keys()) if (path.startsWith(root.endsWith('/') ? root : `${root}/`)) this.byRoot.delete(root);
  }
}

/** Reads files (skipping unreadable ones) up to the size budget. */
export function readTexts(paths: readonly string[]): string[] {
  const texts: string[] = [];
  let total = 0;
  for (const path of paths) {
    // Regular files only: a FIFO among the paths would block the read.
    const text = readRegularFile(path);
    if (text === undefined) continue;
    if (total + text.length > MAX_REFERENCE_CHARS) break;
    total += text.length;
    texts.push(text);
  }
  return texts;
}
