import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ConfigHost } from '../core/config/load';
import type { Services } from '../core/services';
import { findRepositoryRoot, locateInside } from './contain';
import { GitRemotes } from './gitRemotes';

/** Absolute, `/`-separated: the form the core's config loader and glob matching expect. */
export function toPosixPath(path: string): string {
  return resolve(path).replace(/\\/g, '/');
}

/**
 * Reads config files from disk. Folders and unreadable files read as absent. The repository
 * root of a configuration is the nearest folder holding `.git`, else `fallbackRoot` (the
 * workspace folder, or the CLI's current directory) when it holds the configuration.
 */
export function nodeConfigHost(root?: string, fallbackRoot: string | undefined = root): ConfigHost {
  const roots = new Map<string, string>();
  return {
    root,
    readFile: readRegularFile,
    fileSize,
    repositoryRoot(configPath) {
      let found = roots.get(configPath);
      if (!found) {
        found = toPosixPath(findRepositoryRoot(configPath, fallbackRoot));
        roots.set(configPath, found);
      }
      return found;
    },
    locate: (path, repositoryRoot) => locateInside(path, repositoryRoot),
  };
}

export function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** A regular file's text; FIFOs, devices and folders are never opened (a FIFO would block). */
export function readRegularFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

// Remotes change rarely; a host process reads each checkout's `.git/config` once.
const gitRemotes = new GitRemotes();

export const nodeServices: Services = {
  fileExists: (path) => existsWithExactCase(resolve(path)),
  inRepository: (path) => checkoutRoot(dirname(resolve(path))) !== undefined,
  workspaceRepos: (path) => gitRemotes.reposFor(path),
};

const checkoutRoots = new Map<string, string | undefined>();

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in worktrees and submodules). */
function checkoutRoot(dir: string): string | undefined {
  if (checkoutRoots.has(dir)) return checkoutRoots.get(dir);
  const parent = dirname(dir);
  const root = existsSync(`${dir}/.git`) ? dir : parent === dir ? undefined : checkoutRoot(parent);
  checkoutRoots.set(dir, root);
  return root;
}

/**
 * `existsSync` ignores case on macOS and Windows, where `images/Elk.png` opens `elk.png`;
 * published minutes live on case-sensitive servers, so every segment must match exactly.
 */
function existsWithExactCase(path: string): boolean {
  if (!existsSync(path)) return false;
  const parent = dirname(path);
  if (parent === path) return true;
  try {
    return readdirSync(parent).includes(basename(path)) && existsWithExactCase(parent);
  } catch {
    return true;
  }
}
