import { formatDate } from '../model/dates';
import type { GramWeights } from '../text/grams';
import { itemWeights, matchItems, similarity, SAME_ITEM } from './match';
import type { Meeting } from './meetings';
import type { MinutesItem } from './types';

/** One meeting's mention of an item. */
export interface ItemMention {
  /** Index of the meeting in the series. */
  meeting: number;
  item: MinutesItem;
  /** How sure the match with the mention before it is (1 for the first mention). */
  score: number;
}

/** An item followed from the meeting that raised it to the last one that mentions it. */
export interface ItemHistory {
  mentions: ItemMention[];
}

/** A mention may skip one meeting (an item not discussed once is still the same item). */
const MAX_SKIPPED = 1;
/** A vanished task stays open this many meetings; after that it has lapsed. */
const RECENT_MEETINGS = 3;

/**
 * Chains each meeting's items to the items of the meetings before it. Within one meeting an
 * item written twice (in the carry-over list and under its topic) is one mention.
 */
export function followItems(meetings: readonly Meeting[]): ItemHistory[] {
  const histories: ItemHistory[] = [];
  const weights = itemWeights(meetings.flatMap((m) => m.items));
  meetings.forEach((meeting, index) => {
    const items = distinct(meeting.items, weights);
    const open = histories.filter((h) => index - last(h).meeting <= MAX_SKIPPED + 1);
    const taken = new Set<number>();
    // The same PR or issue is the same item however long it was away from the agenda.
    items.forEach((item, i) => {
      if (!item.links.some((l) => l.includes('/'))) return;
      const back = histories
        .filter((h) => !open.includes(h) && last(h).meeting < index && last(h).item.links.some((l) => item.links.includes(l)))
        .pop();
      if (!back) return;
      taken.add(i);
      back.mentions.push({ meeting: index, item, score: 1 });
    });
    // The nearer meeting is matched first, so an item mentioned twice in a row chains to its latest mention.
    for (let back = 1; back <= MAX_SKIPPED + 1; back++) {
      const candidates = open.filter((h) => index - last(h).meeting === back);
      const free = items.map((item, i) => ({ item, i })).filter(({ i }) => !taken.has(i));
      const matches = matchItems(
        candidates.map((h) => last(h).item),
        free.map((f) => f.item),
        { weights },
      );
      for (const m of matches) {
        const i = free[m.next].i;
        taken.add(i);
        candidates[m.previous].mentions.push({ meeting: index, item: items[i], score: m.score });
      }
    }
    items.forEach((item, i) => {
      if (!taken.has(i)) histories.push({ mentions: [{ meeting: index, item, score: 1 }] });
    });
  });
  return histories;
}

/** Items of one meeting without the repeats (the first writing is kept). */
function distinct(items: readonly MinutesItem[], weights: GramWeights): MinutesItem[] {
  const kept: MinutesItem[] = [];
  for (const item of items) {
    const twin = kept.findIndex((k) => similarity(k, item, weights).score >= Math.max(SAME_ITEM, 0.8));
    if (twin < 0) kept.push(item);
    // Written twice and closed in one of the places: it is closed.
    else if (item.status === 'done') kept[twin] = { ...kept[twin], status: 'done', statusText: item.statusText };
  }
  return kept;
}

function last(history: ItemHistory): ItemMention {
  return history.mentions[history.mentions.length - 1];
}

/** What a history says now: the item's latest state, since when it is known, who owns it. */
export interface ItemState {
  item: MinutesItem;
  status: MinutesItem['status'];
  /** Path and date of the meeting that first mentions it. */
  since: { path: string; date?: string };
  /** Path and date of the meeting that last mentions it. */
  lastSeen: { path: string; date?: string };
  owners: string[];
  due?: string;
  /**
   * Open: not reported done, and either still on the latest minutes or a tracked action of the
   * last few meetings (a task that silently vanished is still somebody's task; an agenda topic
   * that left the agenda is not open business).
   */
  open: boolean;
  /** A tracked action never reported done that no recent meeting mentions: nobody follows it up. */
  lapsed: boolean;
}

export function itemState(history: ItemHistory, meetings: readonly Meeting[]): ItemState {
  const first = history.mentions[0];
  const latest = last(history);
  const place = (m: ItemMention) => {
    const meeting = meetings[m.meeting];
    return meeting.date && !meeting.monthOnly ? { path: meeting.path, date: formatDate(meeting.date) } : { path: meeting.path };
  };
  const owners: string[] = [];
  for (const m of [...history.mentions].reverse()) for (const o of m.item.owners) if (!owners.includes(o)) owners.push(o);
  const status = latest.item.status;
  const onLatest = latest.meeting === meetings.length - 1;
  const recent = meetings.length - 1 - latest.meeting <= RECENT_MEETINGS;
  const due = [...history.mentions].reverse().find((m) => m.item.due)?.item.due;
  const state: ItemState = {
    item: latest.item,
    status,
    since: place(first),
    lastSeen: place(latest),
    owners,
    open: status === 'open' && (onLatest || (recent && latest.item.kind === 'action' && latest.item.tracked)),
    lapsed: status === 'open' && !onLatest && latest.item.kind === 'action' && latest.item.tracked && !recent,
  };
  if (due) state.due = due;
  return state;
}
