import { rendersMarkdown } from '../../links/scan';
import type { Definition } from '../../model/types';
import type { Rule, RuleContext } from '../types';
import { modelOf } from './model';

export const unusedDefinition: Rule = {
  id: 'link/unused-definition',
  defaultSeverity: 'info',
  fixable: true,
  description: {
    en: 'A link reference definition (`[3]: https://…`) that no link or image uses.',
    zh: '没有任何链接或图片使用的引用定义（`[3]: https://…`）。',
  },
  messages: {
    unused: {
      en: 'The definition "[{label}]" is not used by any link or image.',
      zh: '定义「[{label}]」没有被任何链接或图片使用。',
    },
    shadowed: {
      en: 'The definition "[{label}]" is never used: the one on line {line} has the same label and wins.',
      zh: '定义「[{label}]」不会生效：第 {line} 行已有同名定义，以它为准。',
    },
    fix: { en: 'Remove the definition', zh: '删除该定义' },
  },
  check(ctx) {
    const { doc } = ctx;
    if (!rendersMarkdown(doc)) return;
    const model = modelOf(ctx);
    const used = new Set(doc.links.map((l) => l.label).filter((l) => l !== undefined));
    for (const [label, list] of model.definitions) {
      list.forEach((definition, i) => {
        if (i === 0 && used.has(label)) return;
        const written = labelAsWritten(ctx, definition);
        ctx.report({
          span: definition.span,
          message:
            i === 0
              ? ctx.t('unused', { label: written })
              : ctx.t('shadowed', { label: written, line: doc.lines.position(list[0].span.start).line + 1 }),
          fixes: [{ title: ctx.t('fix'), edits: [removeLines(ctx, definition)] }],
        });
      });
    }
  },
};

function labelAsWritten(ctx: RuleContext, d: Definition): string {
  const source = ctx.doc.text.slice(d.span.start, d.span.end);
  return /^\s*\[((?:[^\]\\]|\\.)*)\]/.exec(source)?.[1] ?? d.label;
}

/** The definition's whole lines, with their line break. */
function removeLines(ctx: RuleContext, d: Definition) {
  const { lines } = ctx.doc;
  const first = lines.position(d.span.start).line;
  const last = lines.position(d.span.end).line;
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lines.lineEnd(last);
  return { start: lines.lineStart(first), end, newText: '' };
}
