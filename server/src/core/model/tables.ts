import type { Nodes, Table } from 'mdast';
import type { Span } from '../text/lines';
import { walk } from './tree';
import { plainText } from './parse';
import type { MinutesDocument } from './types';

/**
 * Tables as minutes use them: a list of people, a list of tasks. A cell is a value: its text
 * between the pipes, never the pipes (`|@login|2024-11-07|` holds `@login`).
 */
export interface TableCell {
  /** Plain text of the cell (markup and links read as their text). */
  text: string;
  /** The cell's content in the source, between its pipes, trimmed. */
  span: Span;
}

export interface ReadTable {
  headers: TableCell[];
  rows: TableCell[][];
  span: Span;
}

/** What a column holds, by its header. */
export type ColumnRole = 'name' | 'handle' | 'task' | 'owner' | 'due' | 'status';

const ROLES: Array<[ColumnRole, RegExp]> = [
  // `Name/Affiliation`, `Name (Company)`, `姓名/单位`: the name comes first.
  ['name', /^(?:names?|full\s*name|姓名|名字|成员|人员|与会人|参会人|attendees?|participants?|members?|person|who)(?:\s*[/&(（,，].*)?$/i],
  ['handle', /^(?:github|gitee|login|handle|id|account|账号|(?:github|gitee|gh)\s*id)$/i],
  ['task', /^(?:tasks?|action(?:\s*items?)?|items?|todo|事项|任务|待办(?:事项)?|工作项|行动项|内容|问题|遗留问题)$/i],
  ['owner', /^(?:owners?|assignees?|responsible|负责人|责任人|跟进人|处理人|owner\s*\/\s*负责人)$/i],
  ['due', /^(?:due(?:\s*date)?|deadline|ddl|截止(?:日期|时间)?|完成时间|计划完成时间|期限)$/i],
  ['status', /^(?:status|state|progress|状态|进展|进度|完成情况)$/i],
];

export function columnRole(header: string): ColumnRole | undefined {
  const text = header.replace(/[*_`]/g, '').trim();
  return ROLES.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The column of a role, or -1. */
export function columnOf(table: ReadTable, role: ColumnRole): number {
  return table.headers.findIndex((h) => columnRole(h.text) === role);
}

/** Every table of the document, read, in order. */
export function readTables(doc: MinutesDocument): ReadTable[] {
  const tables: ReadTable[] = [];
  walk(doc.mdast, (node) => {
    if (node.type !== 'table') return;
    const read = readTable(doc, node);
    if (read) tables.push(read);
    return 'skip';
  });
  return tables;
}

export function readTable(doc: MinutesDocument, table: Table): ReadTable | undefined {
  if (!table.position) return undefined;
  const [header, ...rows] = table.children.map((row) =>
    row.children.map((cell) => readCell(doc, cell)).filter((c): c is TableCell => c !== undefined),
  );
  return { headers: header ?? [], rows, span: { start: table.position.start.offset!, end: table.position.end.offset! } };
}

/** A cell's content between its pipes, trimmed. */
export function readCell(doc: MinutesDocument, cell: Nodes): TableCell | undefined {
  if (!cell.position) return undefined;
  let start = cell.position.start.offset!;
  let end = cell.position.end.offset!;
  if (doc.text[start] === '|') start++;
  if (doc.text[end - 1] === '|') end--;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return { text: plainText(cell).trim(), span: { start, end } };
}
