import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export interface FoundFile {
  path: string;
  /** Named on the command line (always linted) rather than found in a folder. */
  explicit: boolean;
}

/** Expands folders into their files with the given extensions, in a stable order. */
export function collectFiles(paths: string[], extensions: string[]): { files: FoundFile[]; missing: string[] } {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const full = join(dir, name);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(full);
      } else if (extensions.some((e) => name.toLowerCase().endsWith(`.${e}`))) {
        files.push({ path: full, explicit: false });
      }
    }
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else files.push({ path: p, explicit: true });
  }
  return { files, missing };
}
