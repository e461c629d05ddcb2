import type { ListItem, Nodes } from 'mdast';
import { findDate, formatDate } from '../model/dates';
import { columnOf, readTables } from '../model/tables';
import type { MinutesDocument } from '../model/types';
import { findSections, sectionSpecById } from '../templates/match';
import type { ResolvedTemplate } from '../templates/types';
import { handlesIn, listItems, withoutHandles } from './spans';
import type { SummaryActionItem } from './types';

/** Sections whose every item is a task, checkbox or not (generic `Action Items`, a student group's `分工`). */
const TASK_SECTIONS = ['action-items', 'tasks'];

// `(due 2024-05-01)`, `due: 2024/5/1`, `（截止：2024-05-01）`, `DDL 5月1日`, `deadline 2024-05-01`.
const DUE = /[(（]?(?<!\s)\s*(?:\b(?:due(?:\s+by|\s+on)?|deadline|ddl)\b|截止(?:日期|时间)?|期限)\s*[:：]?\s*/i;

/**
 * The action items: GitHub task-list items anywhere (`- [ ] @owner task (due YYYY-MM-DD)`),
 * and the items of the template's task sections.
 */
export function actionItems(doc: MinutesDocument, template: ResolvedTemplate): SummaryActionItem[] {
  const items = new Map<number, ListItem>();
  const visit = (node: Nodes): void => {
    if (node.type === 'listItem' && typeof node.checked === 'boolean' && node.position) items.set(node.position.start.offset!, node);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(doc.mdast);
  for (const id of TASK_SECTIONS) {
    const spec = sectionSpecById(template, id);
    for (const section of spec ? findSections(doc, spec) : []) {
      for (const item of listItems(doc.mdast, { start: section.heading.end, end: section.body.end })) {
        items.set(item.position!.start.offset!, item);
      }
    }
  }
  const listed = [...items.entries()]
    .map(([offset, item]) => [offset, describeItem(doc, offset, item)] as const)
    .filter((a): a is readonly [number, SummaryActionItem] => a[1] !== undefined);
  return [...listed, ...tableItems(doc)].sort(([a], [b]) => a - b).map(([, item]) => item);
}

const DONE = /^(?:done|closed|merged|finished|completed?|已?完成|已?关闭|已?解决|已合入|✅|✔\uFE0F?|☑\uFE0F?)$/i;

/**
 * Rows of a task table: a task column and an owner, due-date or status column
 * (`| 事项 | 负责人 | 截止时间 |`). Owners are the @handles of the owner cell.
 */
function tableItems(doc: MinutesDocument): Array<readonly [number, SummaryActionItem]> {
  const out: Array<readonly [number, SummaryActionItem]> = [];
  for (const table of readTables(doc)) {
    const task = columnOf(table, 'task');
    const owner = columnOf(table, 'owner');
    const due = columnOf(table, 'due');
    const status = columnOf(table, 'status');
    if (task < 0 || (owner < 0 && due < 0 && status < 0)) continue;
    for (const row of table.rows) {
      const taskCell = row[task];
      if (!taskCell?.text) continue;
      const owners = owner >= 0 && row[owner] ? handlesIn(doc, row[owner].span) : [];
      const date = due >= 0 && row[due] ? findDate(row[due].text, { monthDay: true }) : undefined;
      const item: SummaryActionItem = {
        task: taskCell.text.replace(/\s+/g, ' '),
        owners,
        done: status >= 0 && DONE.test(row[status]?.text ?? ''),
        ...doc.lines.position(taskCell.span.start),
      };
      if (date) item.due = formatDate(date.date);
      out.push([taskCell.span.start, item]);
    }
  }
  return out;
}

function describeItem(doc: MinutesDocument, offset: number, item: ListItem): SummaryActionItem | undefined {
  const first = item.children[0];
  if (!first?.position) return undefined;
  // The first line of the item's first block: further lines are notes about the task.
  const start = first.position.start.offset!;
  const line = doc.lines.position(start).line;
  const end = Math.min(first.position.end.offset!, doc.lines.lineEnd(line));
  const owners = handlesIn(doc, { start, end });
  let task = withoutHandles(doc, doc.text.slice(start, end), start);
  let due: string | undefined;
  const dueLabel = DUE.exec(task);
  if (dueLabel) {
    const after = task.slice(dueLabel.index + dueLabel[0].length);
    const date = findDate(after, { monthDay: true });
    if (date && !after.slice(0, date.start).trim()) {
      due = formatDate(date.date);
      const closing = /^\s*[)）]?/.exec(after.slice(date.end))![0].length;
      task = task.slice(0, dueLabel.index) + after.slice(date.end + closing);
    }
  }
  task = task.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').replace(/^[\s:：,，、-]+|(?<![\s:：,，、-])[\s:：,，、-]+$/g, '').trim();
  if (!task && !owners.length) return undefined;
  const result: SummaryActionItem = { task, owners, done: item.checked === true, ...doc.lines.position(offset) };
  if (due) result.due = due;
  return result;
}
