import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { within } from './contain';

/** Folders that never hold a team's minutes: dependencies, build output, version control. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'target', '.vscode-test']);

/** A folder a walk does not enter: hidden, dependencies, build output. */
export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

/** Why an entry that looked like one of the wanted files was passed over. */
export type SkipReason = 'link-outside' | 'link-seen' | 'not-regular';

export interface WalkOptions {
  /** Keep a file? Called with its name and stat. */
  accept(name: string, stat: Stats): boolean;
  /** Stop after this many files. */
  limit?: number;
  /** Told of each wanted-looking entry that was not taken, and why. */
  skipped?(path: string, reason: SkipReason): void;
}

/**
 * The files under a folder, in a stable (sorted) order, skipping hidden, dependency and build
 * folders. A repository is untrusted (git stores symbolic links): links are followed only to
 * where they really lead inside the walked folder, and each real folder and file is taken once,
 * so two links to `.` cannot make the walk endless. FIFOs, sockets and devices are never opened
 * (reading a FIFO blocks). Unreadable entries are passed over: a walk never fails on one bad file.
 */
export function walkFiles(root: string, options: WalkOptions): string[] {
  const found: string[] = [];
  const limit = options.limit ?? Infinity;
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    return found;
  }
  const seen = new Set<string>();
  const skip = (path: string, reason: SkipReason) => options.skipped?.(path, reason);

  const walk = (dir: string, real: string): void => {
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= limit) return;
      const full = join(dir, name);
      let stat: Stats;
      let target: string;
      try {
        const own = lstatSync(full);
        target = own.isSymbolicLink() ? realpathSync(full) : join(real, name);
        stat = own.isSymbolicLink() ? statSync(full) : own;
      } catch {
        continue;
      }
      const wanted = stat.isDirectory() ? !isSkippedDir(name) : options.accept(name, stat);
      if (!wanted) continue;
      if (!within(target, rootReal)) skip(full, 'link-outside');
      else if (seen.has(target)) skip(full, 'link-seen');
      else if (stat.isDirectory()) walk(full, target);
      else if (!stat.isFile()) skip(full, 'not-regular');
      else {
        seen.add(target);
        found.push(full);
      }
    }
  };
  walk(root, rootReal);
  return found;
}

/** The note a host prints for a skipped entry. */
export const SKIP_NOTES: Record<SkipReason, string> = {
  'link-outside': 'a symbolic link leading outside the folder checked; not followed',
  'link-seen': 'a symbolic link to a file or folder already checked; taken once',
  'not-regular': 'not a regular file (a FIFO, socket or device); not opened',
};
