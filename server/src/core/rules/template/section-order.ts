import { matchOutline, siblingGroups, type MatchedSection } from '../../views/outline';
import type { Rule } from '../types';

export const sectionOrder: Rule = {
  id: 'template/section-order',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  description: {
    en: 'A known section is out of the order the template gives.',
    zh: '已知章节的顺序与模板不符。',
  },
  messages: {
    after: {
      en: 'Section "{name}" is out of order: template {template} puts it after "{other}".',
      zh: '章节「{name}」顺序有误：模板 {template} 要求它位于「{other}」之后。',
    },
    before: {
      en: 'Section "{name}" is out of order: template {template} puts it before "{other}".',
      zh: '章节「{name}」顺序有误：模板 {template} 要求它位于「{other}」之前。',
    },
  },
  check(ctx) {
    for (const group of siblingGroups(matchOutline(ctx.doc, ctx.template.sections))) {
      const ordered = group.filter((m) => m.spec.ordered !== false).sort((a, b) => a.section.heading.start - b.section.heading.start);
      const kept = new Set(longestInOrder(ordered));
      for (const misplaced of ordered.filter((m) => !kept.has(m))) {
        const inOrder = [...kept];
        // Name the neighbour the reader should look for: the section it belongs after, else before.
        const previous = inOrder.filter((m) => m.index < misplaced.index).pop();
        const next = inOrder.find((m) => m.index > misplaced.index);
        const other = previous ?? next;
        if (!other) continue;
        ctx.report({
          span: misplaced.section.heading,
          message: ctx.t(previous ? 'after' : 'before', {
            name: misplaced.section.title,
            other: other.section.title,
            template: ctx.template.resolvedId,
          }),
        });
      }
    }
  },
};

/**
 * The largest set of sections (in document order) whose template indexes increase: those stay,
 * the rest are the misplaced ones. Reporting the complement of the longest run keeps one swap
 * to one diagnostic instead of flagging every section after it.
 */
function longestInOrder(sections: readonly MatchedSection[]): MatchedSection[] {
  // Patience sorting: tails[k] is the index (into `sections`) ending the best run of length k+1.
  const tails: number[] = [];
  const previous = new Array<number>(sections.length).fill(-1);
  sections.forEach((m, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[tails[mid]].index < m.index) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const run: MatchedSection[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) run.unshift(sections[i]);
  return run;
}
