import { inCode, insideParsedLink, looksLikeDestination, normalizeLabel, rendersMarkdown } from '../../links/scan';
import type { Rule } from '../types';
import { modelOf } from './model';

// `[text] (url)`, `![alt] (src)`, `[text] [label]`: a space Markdown does not allow there.
const SPACED = /(!?)\[((?:[^[\]\n\\]|\\.)*)\]([ \t]+)(?:\(([^()\s]+)(?:[ \t]+"[^"\n]*")?\)|\[((?:[^[\]\n\\]|\\.)+)\])/g;

export const spacedSyntax: Rule = {
  id: 'link/spaced-syntax',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A space between the link text and its destination: Markdown shows the brackets and the URL as plain text.',
    zh: '链接文字与地址之间有空格：Markdown 会把方括号和网址原样显示，不成为链接。',
  },
  messages: {
    spaced: {
      en: 'Not a link: the space between "[{text}]" and "{destination}" makes Markdown show both as plain text.',
      zh: '不是链接：「[{text}]」与「{destination}」之间的空格使两者都显示为普通文字。',
    },
    fix: { en: 'Remove the space', zh: '删除空格' },
  },
  check(ctx) {
    const { doc } = ctx;
    if (!rendersMarkdown(doc)) return;
    const model = modelOf(ctx);
    for (const m of doc.text.matchAll(SPACED)) {
      const start = m.index;
      const bracket = start + m[1].length;
      if (inCode(doc, start) || insideParsedLink(doc, bracket)) continue;
      const before = doc.text[start - 1] ?? '';
      // `\[x] (…)` is escaped on purpose; `][x] (…)` belongs to a reference before it.
      if (before === '\\' || before === ']') continue;
      // `- [ ] (see https://…)` is a task list checkbox, not link text.
      if (/^[ x]$/i.test(m[2]) && /(?:^|\n)[ \t]*(?:[-*+]|\d+[.)])[ \t]+$/.test(doc.text.slice(Math.max(0, start - 40), start))) continue;
      const destination = m[4] !== undefined ? m[4] : m[5];
      if (m[4] !== undefined ? !looksLikeDestination(m[4]) : !model.definitions.has(normalizeLabel(m[5]))) continue;
      // `[1] [2]` with both defined is two shortcut references side by side, not one broken link.
      if (m[5] !== undefined && model.definitions.has(normalizeLabel(m[2]))) continue;
      const gap = { start: bracket + m[2].length + 2, end: bracket + m[2].length + 2 + m[3].length };
      ctx.report({
        span: { start, end: start + m[0].length },
        message: ctx.t('spaced', { text: m[2], destination: m[4] !== undefined ? `(${destination})` : `[${destination}]` }),
        fixes: [{ title: ctx.t('fix'), edits: [{ ...gap, newText: '' }], preferred: true, safe: true }],
      });
    }
  },
};
