/**
 * How the Action-items view orders the open items of the workspace's series: grouped by owner
 * or by due date; overdue items first, then those the latest minutes of their series mention,
 * then by due date. Pure (no VS Code), for tests.
 */
import type { Lang } from '../../../server/src/core';
import type { ItemView, SeriesItems } from '../../../server/src/protocol';
import { sayItems } from './strings';

export type GroupMode = 'owner' | 'due';

export interface ItemEntry {
  item: ItemView;
  /** The series (folder) the item belongs to. */
  series: string;
  /** Mentioned by the latest minutes of its series. */
  latest: boolean;
}

export interface ItemGroup {
  id: string;
  label: string;
  kind: 'owner' | 'date' | 'overdue' | 'none';
  entries: ItemEntry[];
}

function byUrgency(a: ItemEntry, b: ItemEntry): number {
  if (Boolean(a.item.overdue) !== Boolean(b.item.overdue)) return a.item.overdue ? -1 : 1;
  if (a.latest !== b.latest) return a.latest ? -1 : 1;
  if (a.item.due !== b.item.due) return !a.item.due ? 1 : !b.item.due ? -1 : a.item.due.localeCompare(b.item.due);
  return a.item.text.localeCompare(b.item.text);
}

function groupUrgency(a: ItemGroup, b: ItemGroup): number {
  const rank = (g: ItemGroup) =>
    g.kind === 'none' ? 3 : g.entries.some((e) => e.item.overdue) ? 0 : g.entries.some((e) => e.latest) ? 1 : 2;
  return rank(a) - rank(b) || a.label.localeCompare(b.label);
}

export function openEntries(series: readonly SeriesItems[]): ItemEntry[] {
  return series.flatMap((s) => s.items.filter((i) => i.open).map((item) => ({ item, series: s.name, latest: item.uri === s.latest })));
}

export function groupItems(series: readonly SeriesItems[], mode: GroupMode, lang: Lang): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  const add = (id: string, label: string, kind: ItemGroup['kind'], entry: ItemEntry) => {
    const group = groups.get(id) ?? { id, label, kind, entries: [] };
    group.entries.push(entry);
    groups.set(id, group);
  };
  for (const entry of openEntries(series)) {
    if (mode === 'owner') {
      if (!entry.item.owners.length) add('none', sayItems('noOwner', lang), 'none', entry);
      // One owner key for `@Wine93` and `wine93`.
      for (const owner of entry.item.owners) add(`owner:${owner.replace(/^@/, '').toLowerCase()}`, owner, 'owner', entry);
    } else if (entry.item.overdue) add('overdue', sayItems('overdue', lang), 'overdue', entry);
    else if (entry.item.due) add(`due:${entry.item.due}`, sayItems('dueOn', lang, { date: entry.item.due }), 'date', entry);
    else add('none', sayItems('noDue', lang), 'none', entry);
  }
  for (const g of groups.values()) g.entries.sort(byUrgency);
  const list = [...groups.values()];
  // Dates in calendar order; owners by urgency then name.
  return mode === 'due'
    ? list.sort((a, b) =>
        a.kind === 'overdue' ? -1 : b.kind === 'overdue' ? 1 : a.kind === 'none' ? 1 : b.kind === 'none' ? -1 : a.id.localeCompare(b.id),
      )
    : list.sort(groupUrgency);
}
