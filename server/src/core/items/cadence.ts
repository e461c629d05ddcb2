import { type MeetingDate } from '../model/dates';
import { dayNumber, type Meeting } from './meetings';
import { isCancelled } from './cancelled';

/** How often a series meets, when it meets regularly enough to say. */
export interface Cadence {
  kind: 'weekly' | 'biweekly' | 'monthly';
  /** Days between two meetings. */
  days: number;
}

const KINDS: Array<{ kind: Cadence['kind']; days: number; tolerance: number }> = [
  { kind: 'weekly', days: 7, tolerance: 1 },
  { kind: 'biweekly', days: 14, tolerance: 2 },
  { kind: 'monthly', days: 30, tolerance: 4 },
];

/** At least this many intervals, and this share of them on the beat, make a cadence. */
const MIN_INTERVALS = 3;
const ON_BEAT = 0.6;

/**
 * The series' cadence from the meetings' dates: the beat (7, 14 or about 30 days) that most
 * intervals keep. Series that meet irregularly, or whose files name only a month, have none.
 */
export function seriesCadence(meetings: readonly Meeting[]): Cadence | undefined {
  const days = [...new Set(meetings.filter((m) => m.date && !m.monthOnly).map((m) => dayNumber(m.date!)))].sort((a, b) => a - b);
  const intervals = days.slice(1).map((d, i) => d - days[i]);
  if (intervals.length < MIN_INTERVALS) return undefined;
  for (const k of KINDS) {
    const onBeat = intervals.filter((i) => Math.abs(i - k.days) <= k.tolerance).length;
    if (onBeat / intervals.length >= ON_BEAT) return { kind: k.kind, days: k.days };
  }
  return undefined;
}

/** Days from one meeting to another, or undefined when either date is unknown or approximate. */
export function daysBetween(a: Meeting, b: Meeting): number | undefined {
  if (!a.date || !b.date || a.monthOnly || b.monthOnly) return undefined;
  return dayNumber(b.date) - dayNumber(a.date);
}

/** The date `days` after `date`. */
export function addDays(date: MeetingDate, days: number): MeetingDate {
  const d = new Date((dayNumber(date) + days) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Two meetings follow each other when the series has a cadence and no meeting of it fits
 * between them. Without a cadence nothing says whether minutes are missing in between (a folder
 * may keep only some meetings), so they are not known to follow each other. A cancelled
 * meeting's minutes follow nothing and nothing follows them: no one met to carry items over.
 */
export function consecutive(previous: Meeting, next: Meeting, cadence: Cadence | undefined): boolean {
  const gap = daysBetween(previous, next);
  return gap !== undefined && cadence !== undefined && gap > 0 && gap < cadence.days * 1.6 && !isCancelled(previous) && !isCancelled(next);
}
