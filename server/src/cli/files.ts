import { statSync } from 'node:fs';
import { walkFiles, type SkipReason } from '../node/walk';

export interface FoundFile {
  path: string;
  /** Named on the command line (always linted) rather than found in a folder. */
  explicit: boolean;
}

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/** Expands folders into their files with the given extensions, in a stable order. */
export function collectFiles(paths: string[], extensions: string[]): { files: FoundFile[]; missing: string[]; skipped: SkippedFile[] } {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) {
      const found = walkFiles(p, {
        accept: (name) => extensions.some((e) => name.toLowerCase().endsWith(`.${e}`)),
        skipped: (path, reason) => skipped.push({ path, reason }),
      });
      files.push(...found.map((path) => ({ path, explicit: false })));
    } else {
      files.push({ path: p, explicit: true });
    }
  }
  return { files, missing, skipped };
}
