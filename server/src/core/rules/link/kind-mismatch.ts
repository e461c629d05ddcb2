import { writtenUrlSpan } from '../../links/document';
import type { Fix, Rule, RuleContext } from '../types';
import { checkedItems, itemName, type CheckedItem } from './online';

export const kindMismatch: Rule = {
  id: 'link/kind-mismatch',
  defaultSeverity: 'warning',
  online: true,
  fixable: true,
  description: {
    en: '(online) The URL says pull request (`/pull/N`) but N is an issue, or says issue (`/issues/N`) but N is a pull request.',
    zh: '（联网）网址写的是 PR（`/pull/N`），但 N 实际上是 issue；或者网址写的是 issue（`/issues/N`），但 N 实际上是 PR。',
  },
  messages: {
    pullIsIssue: {
      en: 'The link says pull request, but {item} is an issue{title}.',
      zh: '链接写的是 PR，但 {item} 是一个 issue{title}。',
    },
    issueIsPull: {
      en: 'The link says issue, but {item} is a pull request{title}.',
      zh: '链接写的是 issue，但 {item} 是一个 PR{title}。',
    },
    fixToIssue: { en: 'Link to the issue (/issues/{id})', zh: '改为 issue 链接（/issues/{id}）' },
    fixToPull: { en: 'Link to the pull request (/pull/{id})', zh: '改为 PR 链接（/pull/{id}）' },
  },
  async check(ctx) {
    for (const item of await checkedItems(ctx)) {
      const { target, status, resolved } = item;
      // Only GitHub shares one number space between PRs and issues; only a link states a kind.
      if (!resolved || target.forge !== 'github' || status.state !== 'found' || !status.kind || status.kind === target.kind) continue;
      const title = status.title ? (ctx.lang === 'zh' ? `（${status.title}）` : ` ("${status.title}")`) : '';
      ctx.report({
        span: item.span,
        message: ctx.t(status.kind === 'issue' ? 'pullIsIssue' : 'issueIsPull', { item: itemName(target), title }),
        fixes: kindFix(ctx, item, status.kind),
      });
    }
  },
};

/** Rewrites `/pull/N[/files]` to `/issues/N`, or `/issues/N` to `/pull/N`, keeping the rest of the URL. */
function kindFix(ctx: RuleContext, item: CheckedItem, actual: 'pull' | 'issue'): Fix[] {
  const span = item.resolved && writtenUrlSpan(ctx.doc, item.resolved);
  if (!span) return [];
  const url = ctx.doc.text.slice(span.start, span.end);
  const id = item.target.id;
  const segment = new RegExp(`/(?:pull|pulls|issues)/${id}(?:/[^?#]*)?(?=[?#]|$)`);
  const m = segment.exec(url);
  if (!m) return [];
  const start = span.start + m.index;
  const newText = actual === 'issue' ? `/issues/${id}` : `/pull/${id}`;
  return [
    {
      title: ctx.t(actual === 'issue' ? 'fixToIssue' : 'fixToPull', { id }),
      edits: [{ start, end: start + m[0].length, newText }],
      preferred: true,
      // The forge itself said what N is: nothing is left to judge.
      safe: true,
    },
  ];
}
