import type { DegradedReason, DegradedSpan } from '../../model/guard';
import {
  MAX_CELLS_PER_ROW,
  MAX_CONTAINER_DEPTH,
  MAX_INLINE_MARKERS,
  MAX_LINES_PER_BLOCK,
  MAX_STEPS_OUT_PER_BLOCK,
  MAX_UNDERLINES_PER_BLOCK,
} from '../../model/guard';
import type { Rule } from '../types';

const LIMITS: Record<DegradedReason, number> = {
  markers: MAX_INLINE_MARKERS,
  nesting: MAX_CONTAINER_DEPTH,
  underlines: MAX_UNDERLINES_PER_BLOCK,
  structure: MAX_STEPS_OUT_PER_BLOCK,
  length: MAX_LINES_PER_BLOCK,
  cells: MAX_CELLS_PER_ROW,
};

/** Says where the document model read Markdown as plain text (model/guard.ts), so that no finding is silently missing there. */
export const markupLimit: Rule = {
  id: 'style/markup-limit',
  defaultSeverity: 'info',
  runsFirst: true,
  description: {
    en: 'Markup read as plain text because parsing it would take too long or nest too deep (tens of thousands of markers in one paragraph, containers nested past 16 on one line).',
    zh: '因解析耗时过长或嵌套过深而按纯文本读取的标记（一个段落中成千上万个标记、一行内超过 16 层的嵌套）。',
  },
  messages: {
    markers: {
      en: 'This paragraph holds {count} emphasis, bracket and code markers, more than the {limit} that are parsed: it is checked as plain text (bold, links and references in it are not seen).',
      zh: '此段落含有 {count} 个强调、方括号与代码标记，超过可解析的 {limit} 个：按纯文本检查（其中的加粗、链接与引用不会被识别）。',
    },
    nesting: {
      en: 'Quotes and lists nested {count} deep: past level {limit} this is read as plain text.',
      zh: '引用与列表嵌套了 {count} 层：超过 {limit} 层的部分按纯文本读取。',
    },
    nestingTree: {
      en: 'Markup nested too deep to parse: this part is read as plain text.',
      zh: '标记嵌套过深，无法解析：此部分按纯文本读取。',
    },
    structure: {
      en: '{count} lines in a row step out of a quote or list (more than {limit}): this block is read as one paragraph of plain text.',
      zh: '连续 {count} 行退出引用或列表（超过 {limit} 行）：此块按一段纯文本读取。',
    },
    length: {
      en: '{count} lines in a row without a blank one (more than {limit}): this block is read as one paragraph of plain text.',
      zh: '连续 {count} 行没有空行（超过 {limit} 行）：此块按一段纯文本读取。',
    },
    cells: {
      en: 'A table row with {count} cells (more than {limit}): this block is read as plain text.',
      zh: '表格的一行有 {count} 个单元格（超过 {limit} 个）：此块按纯文本读取。',
    },
    underlines: {
      en: 'Setext underlines (`===`, `---`) this dense (more than {limit} in one block, or dozens within a few kilobytes): this block is read as plain text, not headings.',
      zh: 'setext 标题下划线（`===`、`---`）过于密集（同一块中超过 {limit} 条，或几 KB 内有几十条）：此块按纯文本读取，不作为标题。',
    },
  },
  check(ctx) {
    const { text } = ctx.doc;
    // Blocks of one kind separated only by blank lines are one place: said once.
    const places: DegradedSpan[] = [];
    for (const place of ctx.doc.degraded) {
      const last = places[places.length - 1];
      if (last && last.reason === place.reason && place.reason !== 'nesting' && text.slice(last.span.end, place.span.start).trim() === '') {
        places[places.length - 1] = {
          ...last,
          span: { start: last.span.start, end: place.span.end },
          count: Math.max(last.count, place.count),
        };
      } else {
        places.push(place);
      }
    }
    for (const place of places) {
      const id = place.reason === 'nesting' && !place.count ? 'nestingTree' : place.reason;
      ctx.report({ span: place.span, message: ctx.t(id, { count: place.count, limit: LIMITS[place.reason] }) });
    }
  },
};
