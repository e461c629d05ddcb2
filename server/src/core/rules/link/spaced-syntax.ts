import { inCode, insideParsedLink, looksLikeDestination, normalizeLabel, rendersMarkdown } from '../../links/scan';
import type { Rule, RuleContext } from '../types';
import { modelOf } from './model';

// `[text] (url)`, `![alt] (src)`, `[text] [label]`: a space Markdown does not allow there.
const SPACED = /(!?)\[((?:[^[\]\n\\]|\\.)*)\]([ \t]+)(?:\(([^()\s]+)(?:[ \t]+"[^"\n]*")?\)|\[((?:[^[\]\n\\]|\\.)+)\])/g;

// `[https://…/pull/2089](Merge the build scripts)`: the URL in the brackets, words in the parentheses.
const SWAPPED = /\[[ \t]*((?:https?:\/\/|www\.)[^\s[\]()<>]+)[ \t]*\]\(([^()\n]*)\)/gi;

export const spacedSyntax: Rule = {
  id: 'link/spaced-syntax',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'Link syntax Markdown does not read as a link: a space between the text and the destination (`[text] (url)`), the URL and the text swapped (`[url](text)`), or a URL with no destination (`[url]()`).',
    zh: 'Markdown 不能识别为链接的写法：链接文字与地址之间有空格（`[文字] (网址)`），网址与文字写反了（`[网址](文字)`），或网址没有链接目标（`[网址]()`）。',
  },
  messages: {
    spaced: {
      en: 'Not a link: the space between "[{text}]" and "{destination}" makes Markdown show both as plain text.',
      zh: '不是链接：「[{text}]」与「{destination}」之间的空格使两者都显示为普通文字。',
    },
    fix: { en: 'Remove the space', zh: '删除空格' },
    swapped: {
      en: 'The URL and the text are swapped: in "[{url}]({text})" Markdown does not link to the URL. Write [text](url).',
      zh: '网址与文字写反了：「[{url}]({text})」在 Markdown 中不会链接到该网址。应写作 [文字](网址)。',
    },
    fixSwap: { en: 'Swap them: [{text}]({url})', zh: '交换两者：[{text}]({url})' },
    empty: {
      en: 'The link has no destination: "[{url}]()" shows the URL but leads nowhere. Write [{url}]({url}) or <{url}>.',
      zh: '链接没有目标：「[{url}]()」显示了网址，却无法打开。应写作 [{url}]({url}) 或 <{url}>。',
    },
    fixEmpty: { en: 'Link to {url}', zh: '链接到 {url}' },
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
    checkSwapped(ctx);
  },
};

function checkSwapped(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const m of doc.text.matchAll(SWAPPED)) {
    const url = m[1];
    const text = m[2].trim();
    if (!text) {
      checkEmpty(ctx, m.index, m[0], url);
      continue;
    }
    // Words, not a destination: `[https://a.b](./notes.md)` or `[https://a.b](https://c.d)` is a real link.
    if (looksLikeDestination(text) || !/[\s\u0080-\uffff]/.test(text)) continue;
    const start = m.index;
    if (inCode(doc, start) || (doc.text[start - 1] ?? '') === '\\' || insideParsedLink(doc, start)) continue;
    ctx.report({
      span: { start, end: start + m[0].length },
      message: ctx.t('swapped', { url, text }),
      fixes: [
        {
          title: ctx.t('fixSwap', { url, text }),
          edits: [{ start, end: start + m[0].length, newText: `[${text}](${url})` }],
          preferred: true,
          safe: true,
        },
      ],
    });
  }
}

/** `[https://github.com/o/r/pull/275]()`: the URL is shown as the text and the link goes nowhere. */
function checkEmpty(ctx: RuleContext, start: number, written: string, url: string): void {
  const { doc } = ctx;
  if (inCode(doc, start) || (doc.text[start - 1] ?? '') === '\\') return;
  ctx.report({
    span: { start, end: start + written.length },
    message: ctx.t('empty', { url }),
    fixes: [
      {
        title: ctx.t('fixEmpty', { url }),
        edits: [{ start, end: start + written.length, newText: `[${url}](${url})` }],
        preferred: true,
        safe: true,
      },
    ],
  });
}
