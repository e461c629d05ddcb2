import { lstatSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { within } from '../node/contain';
import { toPosixPath } from '../node/host';
import { isSkippedDir, walkFiles, type SkipReason } from '../node/walk';

export interface FoundFile {
  path: string;
  /** Named on the command line (always linted) rather than found in a folder. */
  explicit: boolean;
}

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

export interface Selection {
  files: FoundFile[];
  missing: string[];
  skipped: SkippedFile[];
}

/** Expands folders into their files with the given extensions, in a stable order. */
export function collectFiles(paths: string[], extensions: string[]): Selection {
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
        accept: (name) => hasExtension(name, extensions),
        skipped: (path, reason) => skipped.push({ path, reason }),
      });
      files.push(...found.map((path) => ({ path, explicit: false })));
    } else {
      files.push({ path: p, explicit: true });
    }
  }
  return { files, missing, skipped };
}

/**
 * `--changed-since`: of the changed files (absolute), those the PATHs would have reached, the
 * way a walk reaches them (extension, no hidden or build folder on the way, a link only to
 * where it really leads inside the folder, regular files only). A changed file named on the
 * command line is linted whatever its extension.
 */
export function selectChanged(paths: string[], extensions: string[], changed: readonly string[]): Selection {
  const files = new Map<string, FoundFile>();
  const missing: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const p of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(p).isDirectory();
    } catch {
      missing.push(p);
      continue;
    }
    const target = toPosixPath(p);
    for (const file of changed) {
      if (!isDirectory) {
        if (file === target) files.set(file, { path: resolve(p), explicit: true });
        continue;
      }
      const prefix = target.endsWith('/') ? target : `${target}/`;
      if (!file.startsWith(prefix) || files.has(file)) continue;
      const segments = file.slice(prefix.length).split('/');
      if (segments.slice(0, -1).some(isSkippedDir) || !hasExtension(segments.at(-1)!, extensions)) continue;
      const reason = refusal(file, target);
      if (reason) skipped.push({ path: file, reason });
      else files.set(file, { path: file, explicit: false });
    }
  }
  return { files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1)), missing, skipped };
}

/** Why a walk would not take this file: a link leading out of the folder, or not a regular file. */
function refusal(file: string, folder: string): SkipReason | undefined {
  try {
    if (lstatSync(file).isSymbolicLink() && !within(realpathSync(file), realpathSync(folder))) return 'link-outside';
    return statSync(file).isFile() ? undefined : 'not-regular';
  } catch {
    return 'not-regular';
  }
}

function hasExtension(name: string, extensions: string[]): boolean {
  return extensions.some((e) => name.toLowerCase().endsWith(`.${e}`));
}
