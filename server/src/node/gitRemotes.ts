import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repositories a checkout's remotes point to, as `host/owner/repo`, read from `.git/config`
 * of the repository holding `path` (plain text: no git process, so this is safe in untrusted
 * workspaces). Cached per repository folder; a file that cannot be read gives none.
 */
export class GitRemotes {
  private readonly byGitDir = new Map<string, readonly string[]>();

  reposFor(path: string): readonly string[] {
    const gitDir = findGitDir(dirname(path));
    if (!gitDir) return [];
    let repos = this.byGitDir.get(gitDir);
    if (!repos) {
      repos = readRemotes(join(gitDir, 'config'));
      this.byGitDir.set(gitDir, repos);
    }
    return repos;
  }

  /** `.git/config` changed (a remote added or renamed). */
  forget(): void {
    this.byGitDir.clear();
  }
}

function findGitDir(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, '.git');
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not here: look further up
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function readRemotes(configPath: string): string[] {
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch {
    return [];
  }
  const repos: string[] = [];
  let inRemote = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]/.exec(line);
    if (section) {
      inRemote = /^remote\s+"/.test(section[1]);
      continue;
    }
    const url = inRemote ? /^\s*url\s*=\s*(\S+)/.exec(line)?.[1] : undefined;
    const repo = url && repoOfRemoteUrl(url);
    if (repo && !repos.includes(repo)) repos.push(repo);
  }
  return repos;
}

/** `https://github.com/o/r.git`, `git@gitee.com:o/r.git`, `ssh://git@host/o/r` → `host/o/r`. */
export function repoOfRemoteUrl(url: string): string | undefined {
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(url) ??
    /^(?:[^@/]+@)?([^/:]+):([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1].toLowerCase()}/${m[2]}/${m[3]}` : undefined;
}
