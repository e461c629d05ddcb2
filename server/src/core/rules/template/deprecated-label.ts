import { editDistance } from '../../text/distance';
import { findFields } from '../../views/match';
import type { FieldSpec } from '../../templates/types';
import type { Rule } from '../types';

export const deprecatedLabel: Rule = {
  id: 'template/deprecated-label',
  defaultSeverity: 'info',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'A field label uses an old or misspelled form; the template names the canonical one.',
    zh: '字段标签使用了旧的或拼错的写法，模板给出了规范写法。',
  },
  messages: {
    old: { en: 'Label "{label}" is an old spelling; write "{canonical}".', zh: '标签「{label}」是旧写法，应写作「{canonical}」。' },
    fix: { en: 'Replace with "{canonical}"', zh: '替换为「{canonical}」' },
  },
  check(ctx) {
    for (const spec of ctx.template.fields ?? []) {
      for (const { field, old } of findFields(ctx.doc, spec)) {
        if (!old) continue;
        const canonical = replacementFor(field.label, spec);
        ctx.report({
          span: field.labelSpan,
          message: ctx.t('old', { label: field.label, canonical }),
          // Only the label changes: the colon, the spacing and the value stay as written.
          fixes: [
            {
              title: ctx.t('fix', { canonical }),
              edits: [{ start: field.labelSpan.start, end: field.labelSpan.end, newText: canonical }],
              preferred: true,
              safe: true,
            },
          ],
        });
      }
    }
  },
};

/**
 * The accepted label closest to the old one (`Data日期` → `Date 日期`, not `会议日期`), spaced
 * the way the author spaced it: `Data日期` becomes `Date日期`, `Data 日期` becomes `Date 日期`.
 */
export function replacementFor(oldLabel: string, spec: FieldSpec): string {
  const compact = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  let best = spec.labels[0];
  let bestDistance = Infinity;
  for (const label of spec.labels) {
    const distance = editDistance(compact(label), compact(oldLabel));
    if (distance < bestDistance) [best, bestDistance] = [label, distance];
  }
  const joined = /[A-Z][\u3000-\u9fff]/i.test(oldLabel);
  const spaced = /[A-Z]\s+[\u3000-\u9fff]/i.test(oldLabel);
  if (joined) return best.replace(/([A-Z])\s+([\u3000-\u9fff])/gi, '$1$2');
  if (spaced) return best.replace(/([A-Z])([\u3000-\u9fff])/gi, '$1 $2');
  return best;
}
