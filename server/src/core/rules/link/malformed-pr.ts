import { writtenUrlSpan, type ResolvedLink } from '../../links/document';
import type { UrlProblem } from '../../links/types';
import type { Span } from '../../text/lines';
import type { Fix, Rule, RuleContext } from '../types';
import { modelOf } from './model';

export const malformedPr: Rule = {
  id: 'link/malformed-pr',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    en: 'A forge PR, issue or commit URL of the wrong shape: two URLs glued together, `/pull/` on Gitee, a number that is not a number.',
    zh: '代码托管平台的 PR、issue 或 commit 地址格式错误：两个网址粘在一起、Gitee 上用了 `/pull/`、编号不是数字等。',
  },
  messages: {
    glued: {
      en: 'Two URLs are glued together: "{first}" and "{second}".',
      zh: '两个网址粘在了一起：「{first}」和「{second}」。',
    },
    wrongSegment: {
      en: '{forge} URLs say "/{expected}/" here, not "/{written}/".',
      zh: '{forge} 的网址此处应为「/{expected}/」，而不是「/{written}/」。',
    },
    nonNumeric: {
      en: '"{written}" is not a pull request or issue number.',
      zh: '「{written}」不是 PR 或 issue 编号。',
    },
    runOn: {
      en: 'The URL runs into the text after it ("{junk}"): the link points to a page that does not exist.',
      zh: '网址与后面的文字「{junk}」连在了一起：链接指向的页面不存在。',
    },
    badSha: {
      en: '"{written}" is not a commit SHA (7 to 40 hexadecimal digits).',
      zh: '「{written}」不是 commit SHA（应为 7 到 40 位十六进制数字）。',
    },
    keep: { en: 'Keep only {url}', zh: '只保留 {url}' },
    keepOne: { en: 'Remove the repeated URL', zh: '删除重复的网址' },
    useSegment: { en: 'Change "/{written}/" to "/{expected}/"', zh: '把「/{written}/」改为「/{expected}/」' },
    useNumber: { en: 'Change the URL to {url}', zh: '把网址改为 {url}' },
    separate: { en: 'End the URL before the text after it (<…>)', zh: '用 <…> 把网址与后面的文字分开' },
  },
  check(ctx) {
    const { doc } = ctx;
    const reported = new Set<number>();
    for (const resolved of modelOf(ctx).links) {
      const problems = resolved.forge?.problems ?? [];
      if (!problems.length) continue;
      const written = writtenUrlSpan(doc, resolved);
      const span = written ?? resolved.link.span;
      // A definition used by several references is one mistake, reported once.
      if (reported.has(span.start)) continue;
      reported.add(span.start);
      const problem = problems[0];
      ctx.report({ span, message: message(ctx, problem, resolved), fixes: fixes(ctx, problem, resolved, written) });
    }
  },
};

/**
 * The words a bare URL ran into (`…/pull/1604。`, `…/pull/959)，代码…`): GFM ends a bare URL
 * only at a space, so the link points at a page that does not exist.
 */
function runOnText(resolved: ResolvedLink, problem: UrlProblem): string | undefined {
  if (problem.code !== 'non-numeric' || resolved.link.kind !== 'bare') return undefined;
  const junk = problem.written.replace(/^#?\d+/, '');
  return junk && resolved.url.endsWith(junk) ? junk : undefined;
}

function forgeName(resolved: ResolvedLink): string {
  const forge = resolved.forge!.repo.forge;
  return { github: 'GitHub', gitee: 'Gitee', gitcode: 'GitCode', atomgit: 'AtomGit' }[forge];
}

function message(ctx: RuleContext, problem: UrlProblem, resolved: ResolvedLink): string {
  switch (problem.code) {
    case 'glued':
      return ctx.t('glued', { first: problem.parts[0], second: problem.parts[1] });
    case 'wrong-segment':
      return ctx.t('wrongSegment', { forge: forgeName(resolved), expected: problem.expected, written: problem.written });
    case 'non-numeric': {
      const junk = runOnText(resolved, problem);
      return junk ? ctx.t('runOn', { junk }) : ctx.t('nonNumeric', { written: problem.written });
    }
    case 'bad-sha':
      return ctx.t('badSha', { written: problem.written });
  }
}

function fixes(ctx: RuleContext, problem: UrlProblem, resolved: ResolvedLink, written: Span | undefined): Fix[] {
  if (!written) return [];
  const replace = (newText: string) => [{ start: written.start, end: written.end, newText }];
  switch (problem.code) {
    case 'glued': {
      const distinct = [...new Set(problem.parts)];
      if (distinct.length === 1) return [{ title: ctx.t('keepOne'), edits: replace(distinct[0]), preferred: true, safe: true }];
      return distinct.map((url, i) => ({ title: ctx.t('keep', { url }), edits: replace(url), preferred: i === 0 }));
    }
    case 'wrong-segment':
      return [{ title: ctx.t('useSegment', problem), edits: replace(problem.fixedUrl), preferred: true, safe: true }];
    case 'non-numeric': {
      if (!problem.fixedUrl) return [];
      const junk = runOnText(resolved, problem);
      if (junk) {
        const at = written.end - junk.length;
        return [
          {
            title: ctx.t('separate'),
            edits: [
              { start: written.start, end: written.start, newText: '<' },
              { start: at, end: at, newText: '>' },
            ],
            preferred: true,
            safe: true,
          },
        ];
      }
      return [{ title: ctx.t('useNumber', { url: problem.fixedUrl }), edits: replace(problem.fixedUrl), preferred: true }];
    }
    case 'bad-sha':
      return [];
  }
}
