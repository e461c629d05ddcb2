import type { ResolvedLink } from '../../links/document';
import { allowedRepoGlobs, repoAllowed, repoName } from '../../links/repos';
import type { RepoRef } from '../../links/types';
import type { Rule } from '../types';
import { modelOf } from './model';

export const foreignRepo: Rule = {
  id: 'link/foreign-repo',
  defaultSeverity: 'warning',
  description: {
    en: "A PR or commit link into a repository outside `links.repos`; without that setting, a link into what looks like a fork of one of the template's repositories.",
    zh: 'PR 或 commit 链接指向 `links.repos` 之外的仓库；未配置时，检查是否链接到了模板所属组织仓库的 fork。',
  },
  messages: {
    foreignPull: {
      en: 'This pull request is in {repo}, outside the repositories these minutes link to ({allowed}).',
      zh: '该 PR 位于 {repo}，不在本纪要允许链接的仓库（{allowed}）之内。',
    },
    foreignCommit: {
      en: 'This commit is in {repo}, outside the repositories these minutes link to ({allowed}).',
      zh: '该提交位于 {repo}，不在本纪要允许链接的仓库（{allowed}）之内。',
    },
    forkPull: {
      en: 'This pull request is in {repo}, which looks like a fork of {upstream}: link to {upstream} instead.',
      zh: '该 PR 位于 {repo}，看起来是 {upstream} 的 fork：请改为链接 {upstream}。',
    },
    forkCommit: {
      en: 'This commit is in {repo}, which looks like a fork of {upstream}: link to {upstream} instead.',
      zh: '该提交位于 {repo}，看起来是 {upstream} 的 fork：请改为链接 {upstream}。',
    },
  },
  check(ctx) {
    const configured = ctx.links?.repos !== undefined;
    const globs = allowedRepoGlobs(ctx.template, ctx.links, ctx.services.workspaceRepos?.(ctx.doc.path));
    if (!globs.length) return;
    const links = modelOf(ctx).links;
    for (const resolved of links) {
      const target = resolved.forge?.target;
      if (!target || target.kind === 'issue' || repoAllowed(globs, target)) continue;
      const span = resolved.link.urlSpan ?? resolved.link.span;
      const pull = target.kind === 'pull';
      if (configured) {
        ctx.report({ span, message: ctx.t(pull ? 'foreignPull' : 'foreignCommit', { repo: repoName(target), allowed: globs.join(', ') }) });
        continue;
      }
      // The template's default (`opencurve/*`) cannot list every project a community
      // contributes to; what it can tell is a fork: an allowed repo's name under another owner.
      const upstream = upstreamOf(target, links, globs);
      if (upstream)
        ctx.report({ span, message: ctx.t(pull ? 'forkPull' : 'forkCommit', { repo: repoName(target), upstream: repoName(upstream) }) });
    }
  },
};

/** An allowed repo the document links to that has the same name as `repo`. */
function upstreamOf(repo: RepoRef, links: ResolvedLink[], globs: string[]): RepoRef | undefined {
  const name = repo.repo.toLowerCase();
  for (const l of links) {
    const r = l.forge?.repo;
    if (r && r.host === repo.host && r.repo.toLowerCase() === name && repoAllowed(globs, r)) return r;
  }
  return undefined;
}
