/**
 * Containment on a real file system: a path a repository names may be a symbolic link (git
 * stores them, so a pull request can add one) that leads out of the repository. The answer for
 * a link whose target is missing is worked out from the link itself, so that "outside" never
 * depends on whether something outside exists (that would tell a pull request what a CI
 * machine holds).
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type Whereabouts = 'inside' | 'outside' | 'missing';

/** Links followed through, at most: the kernel's own limit is 40. */
const MAX_LINKS = 40;

/** Is `path` the folder `root` or below it (both absolute)? */
export function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Where `path` really leads, seen from the repository `root` (both absolute). */
export function locateInside(path: string, root: string): Whereabouts {
  const base = safeReal(root);
  let target = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      return within(realpathSync(target), base) ? 'inside' : 'outside';
    } catch {
      // Something on the way does not resolve: find the first link that does not, and read it.
    }
    const broken = firstUnresolved(target);
    if (!broken) return 'missing';
    if (!broken.link) return broken.parentInside(base) ? 'missing' : 'outside';
    // `a/..` inside a link's text would be resolved by the kernel through `a`, which may itself
    // be a link: rather than imitate that, such a dangling link counts as leading out.
    if (/(?:^|\/)[^/]+\/\.\.(?:\/|$)/.test(broken.link.replace(/\\/g, '/').replace(/^(?:\.\.\/)+/, ''))) return 'outside';
    const next = resolve(safeReal(dirname(broken.at)), broken.link);
    if (!within(next, base)) return 'outside';
    target = join(next, broken.rest);
  }
  return 'outside';
}

interface Unresolved {
  /** The first component (a path) that cannot be resolved. */
  at: string;
  /** Its link text, when it is a dangling symbolic link. */
  link?: string;
  /** What follows it in the original path. */
  rest: string;
  parentInside(base: string): boolean;
}

function firstUnresolved(path: string): Unresolved | undefined {
  const parts = path.split(sep).filter(Boolean);
  let at = path.startsWith(sep) ? sep : '';
  for (let i = 0; i < parts.length; i++) {
    const next = join(at, parts[i]);
    let isLink = false;
    try {
      isLink = lstatSync(next).isSymbolicLink();
    } catch {
      const parent = at;
      return { at: next, rest: parts.slice(i + 1).join(sep), parentInside: (base) => within(safeReal(parent), base) };
    }
    if (isLink && !existsSync(next)) {
      return { at: next, link: readlinkSync(next), rest: parts.slice(i + 1).join(sep), parentInside: () => false };
    }
    at = next;
  }
  return undefined;
}

/** The real path, or the path itself when it does not resolve. */
function safeReal(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The repository a configuration belongs to: the nearest folder from the configuration's own
 * upwards that holds `.git` (a folder, or the file of a worktree or submodule); without one,
 * `fallback` when it holds the configuration, else the configuration's folder.
 */
export function findRepositoryRoot(configPath: string, fallback?: string): string {
  const start = dirname(resolve(configPath));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  if (fallback && within(resolve(configPath), resolve(fallback))) return resolve(fallback);
  return start;
}
