import { formatDate } from '../model/dates';
import { followItems, itemState } from './history';
import type { Meeting } from './meetings';
import type { MinutesItem } from './types';

/**
 * The items of one series as the CLI (`minutes-lint items`), the editor's Action-items view and
 * its hovers show them: each item once, with its owners, since when it is known, its state now,
 * and every meeting that mentioned it. Plain data (it travels as JSON); lines are 0-based.
 */
export interface SeriesItem {
  text: string;
  kind: MinutesItem['kind'];
  owners: string[];
  due?: string;
  /** The latest mention's status. */
  status: MinutesItem['status'];
  /** Still open business (see `ItemState.open`). */
  open: boolean;
  /** Never reported done, but no recent meeting mentions it (see `ItemState.lapsed`). */
  lapsed?: boolean;
  /** Open and past its due date (only when the host says what day it is). */
  overdue?: boolean;
  since: SeriesPlace;
  lastSeen: SeriesPlace;
  mentions: SeriesMention[];
}

export interface SeriesPlace {
  path: string;
  /** `YYYY-MM-DD` when the meeting's date is known to the day. */
  date?: string;
}

export interface SeriesMention extends SeriesPlace {
  line: number;
  character: number;
  status: MinutesItem['status'];
  /** The item as this meeting wrote it. */
  text: string;
  /** As written (`已合入master`, `[x]`), when the meeting states a status. */
  statusText?: string;
}

export interface SeriesItemsOptions {
  /** `YYYY-MM-DD`: items due before it and still open are overdue. */
  today?: string;
  /** Only the open items. */
  openOnly?: boolean;
}

/**
 * The series' items worth listing: every action item, and topics that link a PR or an issue (an
 * agenda issue followed from meeting to meeting). Open ones first: overdue, then by due date,
 * then the newest; the rest by when they were last seen, newest first.
 */
export function seriesItems(meetings: readonly Meeting[], options: SeriesItemsOptions = {}): SeriesItem[] {
  const items: SeriesItem[] = [];
  for (const history of followItems(meetings)) {
    if (!history.mentions.some((m) => m.item.kind === 'action' || m.item.links.length)) continue;
    const state = itemState(history, meetings);
    if (options.openOnly && !state.open) continue;
    const item: SeriesItem = {
      text: state.item.text,
      kind: history.mentions.some((m) => m.item.kind === 'action') ? 'action' : 'topic',
      owners: state.owners,
      status: state.status,
      open: state.open,
      since: state.since,
      lastSeen: state.lastSeen,
      mentions: history.mentions.map((m) => {
        const meeting = meetings[m.meeting];
        const mention: SeriesMention = {
          path: meeting.path,
          ...meeting.doc.lines.position(m.item.span.start),
          status: m.item.status,
          text: m.item.text,
        };
        if (meeting.date && !meeting.monthOnly) mention.date = formatDate(meeting.date);
        if (m.item.statusText) mention.statusText = m.item.statusText;
        return mention;
      }),
    };
    if (state.due) item.due = state.due;
    if (state.lapsed) item.lapsed = true;
    if (options.today && state.open && state.due && state.due.length === 10 && state.due < options.today) item.overdue = true;
    items.push(item);
  }
  return items.sort(byUrgency);
}

function byUrgency(a: SeriesItem, b: SeriesItem): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  if (Boolean(a.overdue) !== Boolean(b.overdue)) return a.overdue ? -1 : 1;
  if (a.open && (a.due || b.due) && a.due !== b.due) return !a.due ? 1 : !b.due ? -1 : a.due.localeCompare(b.due);
  return (b.lastSeen.date ?? '').localeCompare(a.lastSeen.date ?? '') || (a.since.date ?? '').localeCompare(b.since.date ?? '');
}

/** The listed item one of whose mentions is at `offset` in the minutes at `path` (hovers). */
export function seriesItemAt(items: readonly SeriesItem[], path: string, line: number): SeriesItem | undefined {
  return items.find((item) => item.mentions.some((m) => m.path === path && m.line === line));
}
