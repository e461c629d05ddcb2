import { normalizeHost } from './forges';
import type { ForgeTarget, LinkSettings, RepoRef } from './types';
import { trimEndOf } from '../text/trim';

/**
 * The REST APIs that answer "does PR/issue N exist?" without configuration. Other hosts
 * (GitHub Enterprise, GitCode, AtomGit, a test server) are asked only when the user confirmed
 * them (`minutes-lint --api`, the user setting `communityMinutes.links.api`): a repository's
 * `links.api` is a wish, or a pull request could point CI at an internal address.
 */
export const DEFAULT_API: Readonly<Record<string, string>> = {
  'github.com': 'https://api.github.com',
  'gitee.com': 'https://gitee.com/api/v5',
};

const ALIASES: Record<string, string> = { 'www.github.com': 'github.com', 'www.gitee.com': 'gitee.com' };

/** The API base URL for a repo's host (without a trailing slash), or undefined when there is none. */
export function apiBase(repo: Pick<RepoRef, 'host'>, settings: LinkSettings = {}): string | undefined {
  const host = ALIASES[repo.host] ?? repo.host;
  for (const [key, url] of Object.entries(settings.confirmedApi ?? {})) {
    const h = normalizeHost(key);
    if ((ALIASES[h] ?? h) === host && /^https?:\/\/[^/]/i.test(url.trim())) return trimEndOf(url.trim(), '/');
  }
  return DEFAULT_API[host];
}

/**
 * The key of one item on one API: GitHub's issues and PRs share their numbers (the issues
 * endpoint answers both), Gitee's do not (issues are `I6ABCD`, PRs numbers).
 */
export function lookupKey(target: ForgeTarget, api: string): string {
  const repo = `${target.owner}/${target.repo}`.toLowerCase();
  const kind = target.forge === 'github' ? 'item' : target.kind;
  return `${api}|${repo}|${kind}|${target.id}`;
}

/** PRs and issues can be looked up; commits are not (their links rarely rot, and the API differs). */
export function canLookUp(target: ForgeTarget): boolean {
  return target.kind === 'pull' || target.kind === 'issue';
}

/** The link settings a lint uses: the configuration's, with the API URLs the user confirmed. */
export function withConfirmedApi(links: LinkSettings | undefined, confirmedApi: Record<string, string> | undefined): LinkSettings {
  return { ...links, confirmedApi };
}

/** Is the configuration's `host → url` one the user confirmed? Hosts compare as `apiBase` compares them. */
export function isConfirmed(host: string, url: string, confirmedApi: Record<string, string> | undefined): boolean {
  return apiBase({ host: ALIASES[normalizeHost(host)] ?? normalizeHost(host) }, { confirmedApi }) === trimEndOf(url.trim(), '/');
}
