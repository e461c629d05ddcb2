/**
 * What git says changed since a ref, for `--changed-since` and `--only-changed-lines`. Git runs
 * without external diff drivers or text conversion, so a repository's attributes cannot make
 * it run a program.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic, LineIndex } from '../core';
import { toPosixPath } from '../node/host';
import { range } from './report';

export class GitError extends Error {}

/** Lines are 1-based; `all` for a file git does not know yet, or one added since the ref. */
export type ChangedLines = ReadonlySet<number> | 'all';

export class GitChanges {
  private constructor(
    /** The work tree's top folder (absolute, `/`-separated). */
    readonly root: string,
    /** The commit compared with: the merge base of the ref and HEAD when there is one. */
    readonly base: string,
    /** Absolute paths of the files added, modified, renamed or copied since the base, and of new untracked files. */
    readonly files: readonly string[],
    private readonly untracked: ReadonlySet<string>,
  ) {}

  /**
   * Changes of the work tree (committed, staged or not) since `ref`, compared with the merge
   * base of `ref` and HEAD, so a branch is not blamed for what landed on `ref` after it forked.
   * A shallow clone may not have the merge base: then `ref` itself is the base, which is what a
   * pull request's merge commit needs.
   */
  static since(ref: string, cwd: string): GitChanges {
    const topLevel = tryGit(['rev-parse', '--show-toplevel'], cwd);
    if (topLevel === undefined) throw new GitError(`--changed-since: ${cwd} is not in a git work tree (or git is not installed)`);
    const root = toPosixPath(topLevel.trim());
    const commit = tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root)?.trim();
    if (!commit) throw new GitError(`--changed-since: "${ref}" is not a commit git knows here (in a shallow clone, fetch it first)`);
    const base = tryGit(['merge-base', commit, 'HEAD'], root)?.trim() || commit;
    const changed = nulList(git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', '--no-ext-diff', '--no-textconv', base, '--'], root));
    const untracked = nulList(git(['ls-files', '-z', '--others', '--exclude-standard'], root));
    const absolute = (p: string) => toPosixPath(join(root, p));
    const files = [...new Set([...changed, ...untracked].map(absolute))].sort();
    return new GitChanges(root, base, files, new Set(untracked.map(absolute)));
  }

  /** The lines of `file` (absolute) that differ from the base. */
  linesOf(file: string): ChangedLines {
    if (this.untracked.has(file)) return 'all';
    const relative = file.startsWith(`${this.root}/`) ? file.slice(this.root.length + 1) : file;
    const diff = git(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', this.base, '--', `:(literal)${relative}`], this.root);
    return addedLines(diff);
  }

  /** The problems of `file` that touch a changed line (any of its lines, for a problem spanning several). */
  onChangedLines(file: string, diagnostics: Diagnostic[], lines: LineIndex): Diagnostic[] {
    const changed = this.linesOf(file);
    if (changed === 'all') return diagnostics;
    return diagnostics.filter((d) => {
      const { line, endLine } = range(lines, d.span.start, d.span.end);
      for (let l = line; l <= endLine; l++) if (changed.has(l)) return true;
      return false;
    });
  }
}

/** The new-side lines of a unified diff's hunks (`@@ -a,b +c,d @@`); a file new since the base is all lines. */
export function addedLines(diff: string): ChangedLines {
  if (/^new file mode /m.test(diff) || /^--- \/dev\/null$/m.test(diff)) return 'all';
  const lines = new Set<number>();
  for (const match of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    for (let line = start; line < start + count; line++) lines.add(line);
  }
  return lines;
}

function nulList(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new GitError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd);
  } catch {
    return undefined;
  }
}
