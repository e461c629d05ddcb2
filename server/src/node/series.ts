import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import type { SeriesFile } from '../core/services';
import { within } from './contain';

/** Minutes are small; a larger file in the folder is something else (an export, a log). */
const MAX_FILE_BYTES = 1024 * 1024;
/** A folder with more files than this is an archive, not one series: the series rules say nothing there. */
const MAX_FILES = 500;
const MINUTES_NAME = /\.(?:md|markdown|txt)$/i;

interface Cached {
  mtimeMs: number;
  size: number;
  text: string;
}

/**
 * `Services.series` for hosts on disk: the minutes files of the document's folder (the minimal
 * stand-in for the series model of the template-learning work), read once per change. Open
 * editors' texts win over the saved ones.
 */
export class FolderSeries {
  private readonly texts = new Map<string, Cached | null>();

  constructor(private readonly openText: (path: string) => string | undefined = () => undefined) {}

  filesFor(path: string): SeriesFile[] | undefined {
    return this.filesIn(posix.dirname(path));
  }

  /** The minutes files of a folder, by name. */
  filesIn(dir: string): SeriesFile[] | undefined {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => MINUTES_NAME.test(n) && !n.startsWith('.'));
    } catch {
      return undefined;
    }
    if (names.length > MAX_FILES) return undefined;
    const files: SeriesFile[] = [];
    for (const name of names.sort()) {
      const file = posix.join(dir, name);
      const text = this.openText(file) ?? this.read(file);
      if (text !== undefined) files.push({ path: file, text });
    }
    return files;
  }

  private read(path: string): string | undefined {
    let stat;
    try {
      // A repository is untrusted: a link is read only when it leads to a file of the same
      // folder (never to ~/.ssh or /etc, whose text a message could then quote), and FIFOs,
      // sockets and devices are never opened.
      if (lstatSync(path).isSymbolicLink() && !within(realpathSync(path), realpathSync(posix.dirname(path)))) return undefined;
      stat = statSync(path);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    const cached = this.texts.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
    try {
      const bytes = readFileSync(path);
      // Binary files are no minutes.
      const text = bytes.subarray(0, 8192).includes(0) ? undefined : bytes.toString('utf8');
      this.texts.set(path, text === undefined ? null : { mtimeMs: stat.mtimeMs, size: stat.size, text });
      return text;
    } catch {
      return undefined;
    }
  }
}
