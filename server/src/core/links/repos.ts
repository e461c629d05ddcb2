import { globMatches } from '../regex/glob';
import type { ResolvedTemplate } from '../templates/types';
import { defaultHost, forgeOfHost } from './forges';
import type { LinkSettings, RepoRef } from './types';
import { trimEndOf } from '../text/trim';

/**
 * The repos a team's links may point to: `links.repos` from configuration, else the
 * template's `repos` (`opencurve/*` for Curve) and the repositories the minutes themselves live
 * in (their git remotes). Empty means "no opinion".
 */
export function allowedRepoGlobs(
  template: ResolvedTemplate,
  settings: LinkSettings = {},
  workspaceRepos: readonly string[] = [],
): string[] {
  return settings.repos ?? [...new Set([...(template.repos ?? []), ...workspaceRepos])];
}

// Owner and repo names are case-insensitive on every forge.
const matchRepo = (glob: string, repo: string) => globMatches(glob, repo, { nocase: true, basename: false });

/** `owner/repo` globs match on any forge; `host/owner/repo` globs on that host only. */
export function repoAllowed(globs: readonly string[], repo: RepoRef): boolean {
  const short = `${repo.owner}/${repo.repo}`;
  const long = `${repo.host}/${short}`;
  return globs.some((glob) => {
    const g = trimEndOf(glob.trim().replace(/^https?:\/\//i, ''), '/');
    return matchRepo(g, g.split('/').length >= 3 ? long : short);
  });
}

/** A glob naming exactly one repo (`opencurve/curve`, `gitee.com/openeuler/community`), read as a repo. */
export function exactRepo(glob: string): RepoRef | undefined {
  const g = trimEndOf(glob.trim().replace(/^https?:\/\//i, ''), '/');
  if (/[*?[\]{}!]/.test(g)) return undefined;
  const parts = g.split('/');
  if (parts.length === 2) return { forge: 'github', host: defaultHost('github'), owner: parts[0], repo: parts[1] };
  if (parts.length === 3) {
    const host = parts[0].toLowerCase();
    return { forge: forgeOfHost(host) ?? 'github', host, owner: parts[1], repo: parts[2] };
  }
  return undefined;
}

export function sameRepo(a: RepoRef, b: RepoRef): boolean {
  return a.host === b.host && a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

export function repoName(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`;
}
