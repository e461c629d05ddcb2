import type { ResolvedLink } from '../../links/document';
import type { ForgeTarget } from '../../links/types';
import type { Rule } from '../types';
import { modelOf } from './model';

export const duplicateTarget: Rule = {
  id: 'link/duplicate-target',
  defaultSeverity: 'warning',
  description: {
    en: 'The same PR, issue or commit is linked from items with different texts: one of them probably points at the wrong one.',
    zh: '不同文字的条目链接到了同一个 PR、issue 或 commit：其中一个很可能链接错了。',
  },
  messages: {
    duplicate: {
      en: '"{text}" links to {target}, which line {line} already links as "{other}". Is one of the two links wrong?',
      zh: '「{text}」链接到 {target}，而第 {line} 行的「{other}」也链接到它。是否有一个链接写错了？',
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const groups = new Map<string, ResolvedLink[]>();
    for (const resolved of modelOf(ctx).links) {
      const target = resolved.forge?.target;
      if (!target || resolved.link.kind === 'image' || resolved.link.kind === 'image-reference') continue;
      if (isGeneric(resolved.link.text)) continue;
      const key = targetKey(target);
      const list = groups.get(key);
      if (list) list.push(resolved);
      else groups.set(key, [resolved]);
    }
    for (const links of groups.values()) {
      for (let i = 1; i < links.length; i++) {
        const link = links[i];
        const earlier = links.slice(0, i).find((e) => e.item.start !== link.item.start && !sameText(e.link.text, link.link.text));
        if (!earlier) continue;
        // Another earlier item with the same text means this one is a repeat, not a conflict.
        if (links.slice(0, i).some((e) => sameText(e.link.text, link.link.text))) continue;
        ctx.report({
          span: link.link.span,
          message: ctx.t('duplicate', {
            text: link.link.text.trim(),
            target: describe(link.forge!.target!),
            line: doc.lines.position(earlier.link.span.start).line + 1,
            other: earlier.link.text.trim(),
          }),
        });
      }
    }
  },
};

/**
 * PRs and issues share one number space on GitHub (`/issues/N` leads to PR N), so both
 * forms of a number are one target; a PR's `/files` view is the PR; a comment is its own.
 */
function targetKey(t: ForgeTarget): string {
  const repo = `${t.host}/${t.owner}/${t.repo}`.toLowerCase();
  if (t.kind === 'commit') return `${repo}@${t.id.slice(0, 7).toLowerCase()}`;
  const commit = t.subpath && /^commits\/[0-9a-f]{7,40}/i.test(t.subpath) ? `@${t.subpath.slice(8, 15).toLowerCase()}` : '';
  const kind = t.forge === 'github' ? 'item' : t.kind;
  return `${repo}/${kind}/${t.id}${commit}${t.anchor ? `#${t.anchor}` : ''}`;
}

function describe(t: ForgeTarget): string {
  if (t.kind === 'commit') return `${t.owner}/${t.repo}@${t.id.slice(0, 7)}`;
  return `${t.owner}/${t.repo}#${t.id}`;
}

function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sameText(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}

// Texts that name the link rather than the work: `#2409`, `PR`, `链接`, the URL itself.
const GENERIC_WORDS = new Set([
  'pr', 'prs', 'pullrequest', 'issue', 'issues', 'commit', 'link', 'here', 'this', 'details', 'diff', 'files', 'changes',
  '链接', '详情', '这里', '此处', '地址', '详见', '见', '点此', '点击', '点击这里', '相关链接', '代码', '讨论',
]);

function isGeneric(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/\S+/g, '')
    .replace(/(?<![\w.-])[\w.-]+\/[\w.-]+#\d+|#\d+|\b\d+\b/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return words === '' || GENERIC_WORDS.has(words);
}
