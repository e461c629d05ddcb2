import { formatDate } from '../model/dates';
import { addDays, latestCadence } from './cadence';
import type { Meeting } from './meetings';
import { seriesItems } from './report';

/** An open item to carry into the next minutes, with where it came from. */
export interface CarriedItem {
  text: string;
  owners: string[];
  due?: string;
  /** The minutes that last mentioned it, its 0-based line there, and that meeting's date. */
  from: { path: string; line: number; date?: string };
}

export interface NextMeeting {
  /**
   * `YYYY-MM-DD`: the last meeting's date plus the beat of the series' latest era, when its last
   * meetings keep one (`latestCadence`); none when they do not.
   */
  date?: string;
  items: CarriedItem[];
}

/**
 * What new minutes of a series start from: the date the latest era's beat gives, and the actions still
 * open (reported neither done nor lapsed), each with its owners and where it was last written.
 */
export function nextMeeting(meetings: readonly Meeting[], today?: string): NextMeeting {
  const result: NextMeeting = { items: [] };
  const last = meetings[meetings.length - 1];
  const cadence = latestCadence(meetings);
  if (last?.date && !last.monthOnly && cadence) {
    let next = addDays(last.date, cadence.days);
    // A folder that fell behind: the next meeting is the first beat from today on.
    while (today && formatDate(next) < today) next = addDays(next, cadence.days);
    result.date = formatDate(next);
  }
  for (const item of seriesItems(meetings, { openOnly: true, today })) {
    if (item.kind !== 'action') continue;
    const mention = item.mentions[item.mentions.length - 1];
    const carried: CarriedItem = { text: item.text, owners: item.owners, from: { path: mention.path, line: mention.line } };
    if (mention.date) carried.from.date = mention.date;
    if (item.due) carried.due = item.due;
    result.items.push(carried);
  }
  return result;
}
