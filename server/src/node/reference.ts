import { readFile, stat } from 'node:fs/promises';
import { listMinutes } from './rosterFiles';

/** At most this much text per folder: plenty for character statistics, bounded in memory. */
const MAX_REFERENCE_CHARS = 8 * 1024 * 1024;

/**
 * The correctly encoded minutes of a folder, read once on first use, for the lossy mojibake
 * repair's statistics (`Services.referenceText`). The array keeps its identity until a
 * minutes file changes, because the core caches what it learns by that identity. Read
 * without blocking: up to 8 MB must not hold up the server's other answers.
 */
export class ReferenceTexts {
  private readonly byRoot = new Map<string, Promise<readonly string[]>>();

  textsFor(root: string): Promise<readonly string[]> {
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

/** Reads files (skipping unreadable ones) up to the size budget, without blocking. */
export async function readTexts(paths: readonly string[]): Promise<string[]> {
  const texts: string[] = [];
  let total = 0;
  for (const path of paths) {
    const text = await readRegularFileAsync(path);
    if (text === undefined) continue;
    if (total + text.length > MAX_REFERENCE_CHARS) break;
    total += text.length;
    texts.push(text);
  }
  return texts;
}

/** Regular files only: a FIFO among the paths would block the read. */
async function readRegularFileAsync(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? await readFile(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
