/**
 * The two REST dialects the link look-ups speak, as URLs, headers and readings of a JSON body.
 *
 * GitHub (and GitHub Enterprise, `{base}/api/v3`): `GET {api}/repos/{owner}/{repo}/issues/{n}`
 * answers for issues and pull requests alike; a PR's body has a `pull_request` key (with
 * `merged_at`). 404/410: gone; 301: transferred or renamed (the `Location` is another API URL).
 *
 * Gitee (`https://gitee.com/api/v5`), and GitCode/AtomGit when `links.api` names them (their
 * v5 APIs copy Gitee's): `GET {api}/repos/{owner}/{repo}/pulls/{n}` for PRs (state `open`,
 * `closed`, `merged`) and `.../issues/{I6ABCD}` for issues (state `open`, `progressing`,
 * `closed`, `rejected`); `title`, `user.login`, `html_url` in both. Assumed from Gitee's API
 * documentation and client libraries; the tests pin what is read.
 */
import type { ForgeTarget, LinkStatus } from '../core/links/types';

export type ApiStyle = 'github' | 'gitee';

/** The real GitHub API: the only place a GitHub token is ever sent. */
export const GITHUB_API_ORIGIN = 'https://api.github.com';

export function apiStyle(target: Pick<ForgeTarget, 'forge'>): ApiStyle {
  return target.forge === 'github' ? 'github' : 'gitee';
}

export function itemUrl(target: ForgeTarget, api: string): string {
  const repo = `${api}/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  const id = encodeURIComponent(target.id);
  if (apiStyle(target) === 'github') return `${repo}/issues/${id}`;
  return `${repo}/${target.kind === 'pull' ? 'pulls' : 'issues'}/${id}`;
}

/**
 * A token goes to GitHub's own API only: `links.api` comes from the repository's
 * configuration, and a pull request must not be able to send a CI's token elsewhere.
 */
export function mayCarryToken(url: string): boolean {
  try {
    return new URL(url).origin === GITHUB_API_ORIGIN;
  } catch {
    return false;
  }
}

export function requestHeaders(style: ApiStyle, url: string, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': 'community-minutes' };
  if (style === 'github') {
    headers.Accept = 'application/vnd.github+json';
    headers['X-GitHub-Api-Version'] = '2022-11-28';
  } else {
    headers.Accept = 'application/json';
  }
  if (token && mayCarryToken(url)) headers.Authorization = `Bearer ${token}`;
  return headers;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** What a 200 answer says: the item's kind, title, state and author. */
export function readItem(style: ApiStyle, target: ForgeTarget, body: unknown): Omit<LinkStatus, 'state' | 'checkedAt'> {
  const json = (typeof body === 'object' && body !== null ? body : {}) as Json;
  const user = (typeof json.user === 'object' && json.user !== null ? json.user : {}) as Json;
  const author = str(user.login);
  const title = str(json.title);
  const state = str(json.state)?.toLowerCase();
  if (style === 'github') {
    const pr = typeof json.pull_request === 'object' && json.pull_request !== null ? (json.pull_request as Json) : undefined;
    const merged = pr !== undefined && str(pr.merged_at) !== undefined;
    return { kind: pr ? 'pull' : 'issue', title, author, status: state === 'open' ? 'open' : merged ? 'merged' : 'closed' };
  }
  // Gitee asks each endpoint for its own kind: what was asked for is what exists.
  const merged = state === 'merged' || str(json.merged_at) !== undefined;
  const open = state === 'open' || state === 'progressing';
  return { kind: target.kind === 'pull' ? 'pull' : 'issue', title, author, status: merged ? 'merged' : open ? 'open' : 'closed' };
}

/** The web page of an API answer (after a 301, where the item lives now). */
export function htmlUrl(body: unknown): string | undefined {
  const url = typeof body === 'object' && body !== null ? str((body as Json).html_url) : undefined;
  return url && /^https?:\/\//.test(url) ? url : undefined;
}
