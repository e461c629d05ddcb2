import { extractItems } from '../items/extract';
import type { MinutesDocument } from '../model/types';
import type { ResolvedTemplate } from '../templates/types';
import type { SummaryActionItem } from './types';

/**
 * The action items of the summary: the items model's actions (task boxes, the template's task
 * sections, `遗留问题：` lines, owners named under a topic), with handles and names apart.
 */
export function actionItems(doc: MinutesDocument, template: ResolvedTemplate): SummaryActionItem[] {
  return extractItems(doc, template)
    .filter((item) => item.kind === 'action')
    .map((item) => {
      const handles = item.owners.filter((o) => o.startsWith('@')).map((o) => o.slice(1));
      const names = item.owners.filter((o) => !o.startsWith('@'));
      const result: SummaryActionItem = {
        task: item.text,
        owners: handles,
        done: item.status === 'done',
        ...doc.lines.position(item.block.start),
      };
      if (names.length) result.names = names;
      if (item.due) result.due = item.due;
      return result;
    });
}
