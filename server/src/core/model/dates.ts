/**
 * Meeting dates as people really write them: `2023-04-12`, `2023/4/12`, `2022/07-21`,
 * `2022年4月21日`, `2023 Jun 01`, `20230412` (file names), `4.13` (no year, student groups).
 * `template/date-mismatch` compares them; `template/field-format` checks their shape.
 */
import { dataPattern, type GroupMatch } from '../regex/pattern';

/** A calendar date. `year` is missing for `4.13` or `4月13日`: compare month and day only. */
export interface MeetingDate {
  year?: number;
  month: number;
  day: number;
}

/**
 * `numeric` `2023-04-12` / `2023/4/12` / `2023.04.12`; `compact` `20230412`; `chinese` `2022年4月21日`;
 * `english` `2023 Jun 01` / `June 1, 2023`; `month-day` `4.13` / `4月13日`.
 */
export type DateShape = 'numeric' | 'compact' | 'chinese' | 'english' | 'month-day';

export interface DateMatch {
  date: MeetingDate;
  /** Offsets of the date inside the searched text. */
  start: number;
  end: number;
  text: string;
  shape: DateShape;
  /** For numeric dates: the two separators as written (`/` and `-` in `2022/07-21`), spaces trimmed. */
  separators?: [string, string];
  /** Numeric dates only: month and day both written with two digits, separators without spaces. */
  padded: boolean;
}

export interface FindDateOptions {
  /** Accept `20230412`: safe in file names, too ambiguous in prose. */
  compact?: boolean;
  /** Accept `4.13` and `4月13日`, which carry no year. */
  monthDay?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY_SUFFIX = '(?:st|nd|rd|th)?';

// The year is limited to 19xx/20xx so that version numbers (`v1.2.3`) and counts never read as dates.
const NUMERIC = /(?<![\d.])((?:19|20)\d{2})[ \t]?([-/.])[ \t]?(\d{1,2})[ \t]?([-/.])[ \t]?(\d{1,2})(?![\d])/g;
const COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/g;
const CHINESE = /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/g;
const CHINESE_MONTH_DAY = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
// `v2.2` and `1.2.3` are versions, not dates: no letter, digit or dot around.
const DOTTED_MONTH_DAY = /(?<![\w.])(\d{1,2})\.(\d{1,2})(?!\d|\.\d)/g;
const ENGLISH_YMD = new RegExp(`(?<!\\d)((?:19|20)\\d{2})\\s+${MONTH_NAME}\\.?\\s+(\\d{1,2})${DAY_SUFFIX}(?!\\d)`, 'gi');
const ENGLISH_MDY = new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})${DAY_SUFFIX},?\\s+((?:19|20)\\d{2})(?!\\d)`, 'gi');
const ENGLISH_DMY = new RegExp(`(?<!\\d)(\\d{1,2})${DAY_SUFFIX}\\s+${MONTH_NAME}\\.?,?\\s+((?:19|20)\\d{2})(?!\\d)`, 'gi');

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(date: MeetingDate): boolean {
  const { month, day, year } = date;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

/** Every date in the text, in order, without overlaps. */
export function findDates(text: string, options: FindDateOptions = {}): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (m: RegExpMatchArray, date: MeetingDate, shape: DateShape, extra: Partial<DateMatch> = {}): void => {
    if (!isValidDate(date)) return;
    found.push({ date, start: m.index!, end: m.index! + m[0].length, text: m[0], shape, padded: false, ...extra });
  };
  for (const m of text.matchAll(NUMERIC)) {
    const [, y, s1, mo, s2, d] = m;
    const padded = mo.length === 2 && d.length === 2 && !/\s/.test(m[0]);
    add(m, { year: +y, month: +mo, day: +d }, 'numeric', { separators: [s1, s2], padded });
  }
  for (const m of text.matchAll(CHINESE)) add(m, { year: +m[1], month: +m[2], day: +m[3] }, 'chinese');
  for (const m of text.matchAll(ENGLISH_YMD)) add(m, { year: +m[1], month: monthOf(m[2]), day: +m[3] }, 'english');
  for (const m of text.matchAll(ENGLISH_MDY)) add(m, { year: +m[3], month: monthOf(m[1]), day: +m[2] }, 'english');
  for (const m of text.matchAll(ENGLISH_DMY)) add(m, { year: +m[3], month: monthOf(m[2]), day: +m[1] }, 'english');
  if (options.compact) for (const m of text.matchAll(COMPACT)) add(m, { year: +m[1], month: +m[2], day: +m[3] }, 'compact');
  if (options.monthDay) {
    for (const m of text.matchAll(CHINESE_MONTH_DAY)) add(m, { month: +m[1], day: +m[2] }, 'month-day');
    for (const m of text.matchAll(DOTTED_MONTH_DAY)) add(m, { month: +m[1], day: +m[2] }, 'month-day');
  }
  // Earlier first; at the same place the longer (more complete) reading wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMatch[] = [];
  for (const d of found) if (!kept.length || d.start >= kept[kept.length - 1].end) kept.push(d);
  return kept;
}

export function findDate(text: string, options: FindDateOptions = {}): DateMatch | undefined {
  return findDates(text, options)[0];
}

/** The whole text is one date (surrounding spaces allowed). */
export function parseDate(text: string, options: FindDateOptions = {}): MeetingDate | undefined {
  const m = findDate(text, options);
  return m && !text.slice(0, m.start).trim() && !text.slice(m.end).trim() ? m.date : undefined;
}

/** Same day; the year counts only when both dates have one. */
export function sameDate(a: MeetingDate, b: MeetingDate): boolean {
  return a.month === b.month && a.day === b.day && (a.year === undefined || b.year === undefined || a.year === b.year);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2023-04-12` (or with another separator); `04-12` without a year. */
export function formatDate(date: MeetingDate, separator = '-'): string {
  const md = `${pad(date.month)}${separator}${pad(date.day)}`;
  return date.year === undefined ? md : `${date.year}${separator}${md}`;
}

/**
 * The date written again in the shape the match used, for fixes that must not change a
 * document's style: `2022/06/09` stays slashed, `20230412` stays compact, `4.13` stays dotted.
 */
export function formatLike(date: MeetingDate, like: DateMatch): string {
  switch (like.shape) {
    case 'numeric':
      return formatDate(date, like.separators?.[0] ?? '-');
    case 'compact':
      return formatDate(date, '');
    case 'chinese':
      return date.year === undefined ? `${date.month}月${date.day}日` : `${date.year}年${date.month}月${date.day}日`;
    case 'month-day':
      return like.text.includes('月') ? `${date.month}月${date.day}日` : `${date.month}.${date.day}`;
    case 'english':
      return formatDate(date, '-');
  }
}

/** The date of a file name: the pattern's `year`/`month`/`day` groups, else a leading date (`20230412_minutes`, `4.13会议`). */
export function filenameDate(basename: string, pattern?: string): DateMatch | undefined {
  if (pattern) {
    const g = dataPattern(pattern)?.exec(basename)?.named;
    if (g?.month && g.day) {
      const date: MeetingDate = { year: g.year ? +g.year.text : undefined, month: +g.month.text, day: +g.day.text };
      if (isValidDate(date)) {
        const spans = [g.year, g.month, g.day].filter((x): x is GroupMatch => Boolean(x));
        const start = Math.min(...spans.map((x) => x.start));
        const end = Math.max(...spans.map((x) => x.end));
        const text = basename.slice(start, end);
        // Read the groups' text again to learn its shape (`20230412` is compact, `2023-04-12` numeric).
        const reread = findDate(text, { compact: true, monthDay: true });
        const shaped = reread && reread.start === 0 && reread.end === text.length ? reread : undefined;
        return { ...(shaped ?? { shape: 'numeric', padded: true }), date, start, end, text };
      }
    }
  }
  const leading = findDate(basename, { compact: true, monthDay: true });
  return leading && !basename.slice(0, leading.start).trim() ? leading : undefined;
}
