import { inCode, insideParsedLink, normalizeLabel, rendersMarkdown } from '../../links/scan';
import type { Rule } from '../types';
import { modelOf } from './model';

// `[text][label]`, `[text][]` and `![alt][label]`. Shortcut references (`[text]` alone) are
// left alone: in prose, `[注]` or `[x]` are far more often brackets than forgotten links.
const FULL_REFERENCE = /(!?)\[((?:[^[\]\n\\]|\\.)*)\]\[((?:[^[\]\n\\]|\\.)*)\]/g;

export const undefinedReference: Rule = {
  id: 'link/undefined-reference',
  defaultSeverity: 'error',
  description: {
    en: 'A reference link or image (`[text][27]`, `![][2]`) whose label has no definition: it renders as plain text.',
    zh: '引用式链接或图片（`[文字][27]`、`![][2]`）的标签没有定义：它会原样显示为文字。',
  },
  messages: {
    link: {
      en: 'No definition "[{label}]: …" for the link "[{text}][{label}]": it renders as plain text.',
      zh: '链接「[{text}][{label}]」缺少定义「[{label}]: …」，会原样显示为文字。',
    },
    image: {
      en: 'No definition "[{label}]: …" for the image "![{text}][{label}]": the image is not shown.',
      zh: '图片「![{text}][{label}]」缺少定义「[{label}]: …」，图片不会显示。',
    },
  },
  check(ctx) {
    const { doc } = ctx;
    if (!rendersMarkdown(doc)) return;
    const { definitions } = modelOf(ctx);
    for (const m of doc.text.matchAll(FULL_REFERENCE)) {
      const start = m.index;
      const bracket = start + m[1].length;
      if (inCode(doc, start) || insideParsedLink(doc, bracket)) continue;
      // `list[-1][0]` in code that lost its fence; `a][b][c]` chains; escaped `\[`.
      const before = doc.text[start - 1] ?? '';
      if (/[\w\])\\`]/.test(before)) continue;
      const label = m[3] || m[2];
      if (!label.trim() || label.startsWith('^')) continue;
      // `[i|u][32|size]` spells alternatives (`i32`, `usize`), not a reference.
      if (label.includes('|') || m[2].includes('|')) continue;
      if (definitions.has(normalizeLabel(label)) || (normalizeLabel(label) === '#' && doc.definitions.some((d) => d.label === '#')))
        continue;
      ctx.report({
        span: { start, end: start + m[0].length },
        message: ctx.t(m[1] ? 'image' : 'link', { label, text: m[2] }),
      });
    }
  },
};
