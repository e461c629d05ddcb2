import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** Folders that never hold a team's minutes: dependencies, build output, version control. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'target', '.vscode-test']);

/** A folder a walk does not enter: hidden, dependencies, build output. */
export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

export interface WalkOptions {
  /** Keep a file? Called with its name and stat. */
  accept(name: string, stat: Stats): boolean;
  /** Stop after this many files. */
  limit?: number;
}

/**
 * The files under a folder, in a stable (sorted) order, skipping hidden, dependency and build
 * folders. Unreadable entries are passed over: a walk never fails on one bad file.
 */
export function walkFiles(root: string, options: WalkOptions): string[] {
  const found: string[] = [];
  const limit = options.limit ?? Infinity;
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= limit) return;
      const full = join(dir, name);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!isSkippedDir(name)) walk(full);
      } else if (options.accept(name, stat)) found.push(full);
    }
  };
  walk(root);
  return found;
}
