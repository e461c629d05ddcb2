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
 * The era a gap is judged in: this many intervals between meetings on each side of it. A series
 * of years changes its beat (the Node.js TSC met weekly in 2015, every two weeks from May 2016,
 * weekly again from mid-2017); a dozen intervals around a gap are its time, a few months of a
 * weekly series, half a year of a biweekly one.
 */
const ERA_INTERVALS = 6;
/**
 * An era keeps a beat when at least half of its intervals are on it and nearly all of them are
 * on it or a few beats long (a weekly series that skips a week now and then: 7, 7, 14, 7, 21).
 * Intervals of other lengths (10, 20, 25 days in a biweekly series) make the era irregular:
 * nothing then says what was missed. A pause (more than `ERA_MULTIPLES` beats) counts as irregular too.
 */
const ERA_ON_BEAT = 0.5;
const ERA_REGULAR = 2 / 3;
const ERA_MULTIPLES = 4;
/**
 * A side of the gap with this many intervals is half an era on its own: a third of them at least
 * must be on the beat, or the gap sits where the beat changed (weekly before, biweekly after) and
 * no one beat says what was missed.
 */
const SIDE_INTERVALS = 3;
const SIDE_ON_BEAT = 1 / 3;
/** The newest intervals of a series: this share of them at least is on the beat the next date keeps. */
const NEWEST_ON_BEAT = 1 / 2;

/**
 * The series' cadence from the meetings' dates: the beat (7, 14 or about 30 days) that most
 * intervals keep. Series that meet irregularly, or whose files name only a month, have none.
 */
export function seriesCadence(meetings: readonly Meeting[]): Cadence | undefined {
  return beat(intervals(meetingDays(meetings)));
}

/**
 * The cadence of the era around the gap before `meetings[index]`: the beat the intervals near
 * it keep (up to `ERA_INTERVALS` on each side, the gap itself left out: it is what is judged),
 * when both sides keep it. Undefined where the meetings near the gap are irregular, or the beat
 * changes there, or too few meetings are dated.
 */
export function cadenceAround(meetings: readonly Meeting[], index: number): Cadence | undefined {
  const previous = meetings[index - 1];
  const current = meetings[index];
  if (!previous?.date || !current?.date || previous.monthOnly || current.monthOnly) return undefined;
  const from = dayNumber(previous.date);
  const to = dayNumber(current.date);
  const days = meetingDays(meetings.slice(Math.max(0, index - 1 - ERA_INTERVALS), index + 1 + ERA_INTERVALS));
  const before = intervals(days.filter((d) => d <= Math.min(from, to)));
  const after = intervals(days.filter((d) => d >= Math.max(from, to)));
  const near = [...before, ...after];
  if (near.length < MIN_INTERVALS - 1) return undefined;
  return eraBeat(near, (k) => sideKeeps(before, k) && sideKeeps(after, k));
}

/**
 * The cadence of the series' latest era, which gives the next meeting's date: the beat its last
 * `ERA_INTERVALS` intervals keep by the era's bars, with at least two of the newest three on it.
 * A series that met weekly for years and now meets every two weeks has the biweekly beat once
 * most of its last intervals are two weeks long; while the change is under way (7, 7, 7, 14, 14),
 * or when the latest meetings keep no beat, it has none, and no date is proposed.
 */
export function latestCadence(meetings: readonly Meeting[]): Cadence | undefined {
  const near = intervals(meetingDays(meetings)).slice(-ERA_INTERVALS);
  if (near.length < MIN_INTERVALS) return undefined;
  const older = near.slice(0, -SIDE_INTERVALS);
  const newest = near.slice(-SIDE_INTERVALS);
  return eraBeat(near, (k) => sideKeeps(older, k) && onBeat(newest, k) / newest.length >= NEWEST_ON_BEAT);
}

/**
 * The first beat (weekly, then every two weeks, then monthly) an era's intervals keep: half of
 * them on it, two thirds on it or a few beats long, and its sides (`sidesKeep`) on it too.
 */
function eraBeat(near: readonly number[], sidesKeep: (kind: (typeof KINDS)[number]) => boolean): Cadence | undefined {
  const kind = KINDS.find(
    (k) =>
      onBeat(near, k) / near.length >= ERA_ON_BEAT &&
      near.filter((i) => onMultiple(i, k)).length / near.length >= ERA_REGULAR &&
      sidesKeep(k),
  );
  return kind && { kind: kind.kind, days: kind.days };
}

/** A side of a gap too short to judge alone, or with a third at least of its intervals on the beat. */
function sideKeeps(side: readonly number[], kind: (typeof KINDS)[number]): boolean {
  return side.length < SIDE_INTERVALS || onBeat(side, kind) / side.length >= SIDE_ON_BEAT;
}

/** An interval of a whole number of beats, up to `ERA_MULTIPLES`, each beat within its tolerance. */
function onMultiple(interval: number, kind: { days: number; tolerance: number }): boolean {
  const beats = Math.round(interval / kind.days);
  return beats >= 1 && beats <= ERA_MULTIPLES && Math.abs(interval - beats * kind.days) <= beats * kind.tolerance;
}

/** The distinct days of the meetings whose exact date is known, in order. */
function meetingDays(meetings: readonly Meeting[]): number[] {
  return [...new Set(meetings.filter((m) => m.date && !m.monthOnly).map((m) => dayNumber(m.date!)))].sort((a, b) => a - b);
}

function intervals(days: readonly number[]): number[] {
  return days.slice(1).map((d, i) => d - days[i]);
}

function onBeat(intervals: readonly number[], kind: { days: number; tolerance: number }): number {
  return intervals.filter((i) => Math.abs(i - kind.days) <= kind.tolerance).length;
}

/** The first beat (weekly, then every two weeks, then monthly) that enough of the intervals keep. */
function beat(intervals: readonly number[]): Cadence | undefined {
  if (intervals.length < MIN_INTERVALS) return undefined;
  for (const k of KINDS) {
    if (onBeat(intervals, k) / intervals.length >= ON_BEAT) return { kind: k.kind, days: k.days };
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
