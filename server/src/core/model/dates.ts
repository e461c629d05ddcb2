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
  /**
   * The last day of a meeting that spans several (`2022年11月18日-20日`,
   * `December 19, 2022 – December 24, 2022`, `2023/4/12~4/13`). The date itself is the first day.
   */
  until?: { year?: number; month: number; day: number };
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
  /**
   * Unambiguous as written: a padded numeric date with one separator (`2023-04-12`, `2023/04/12`),
   * a compact one, a complete Chinese date (`2022年11月18日`) or an English one with its year.
   */
  wellFormed: boolean;
  /**
   * For a range, where its text ends. `start`, `end` and `text` cover the first day only, so a
   * fix that rewrites the date leaves the rest of the range (`~4/13`, `-20日`) as written.
   */
  rangeEnd?: number;
}

export interface FindDateOptions {
  /** Accept `20230412`: safe in file names, too ambiguous in prose. */
  compact?: boolean;
  /** Accept `4.13` and `4月13日`, which carry no year. */
  monthDay?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY_SUFFIX = '(?:st|nd|rd|th)?';

// The year is limited to 19xx/20xx so that version numbers (`v1.2.3`) and counts never read as dates.
const NUMERIC = /(?<![\d.])((?:19|20)\d{2})[ \t]?([-/.])[ \t]?(\d{1,2})[ \t]?([-/.])[ \t]?(\d{1,2})(?!\d)/g;
const COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/g;
const CHINESE = /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/g;
const CHINESE_MONTH_DAY = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
// `v2.2` and `1.2.3` are versions, not dates: no letter, digit or dot around.
const DOTTED_MONTH_DAY = /(?<![\w.])(\d{1,2})\.(\d{1,2})(?!\d|\.\d)/g;
const ENGLISH_YMD = new RegExp(`(?<!\\d)((?:19|20)\\d{2})\\s+${MONTH_NAME}\\.?\\s+(\\d{1,2})${DAY_SUFFIX}(?!\\d)`, 'gi');
const ENGLISH_MDY = new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})${DAY_SUFFIX},?\\s+((?:19|20)\\d{2})(?!\\d)`, 'gi');
// `December 19 – 24, 2022`, `Feb 11-13, 2025`: one month, two days, the year after both.
const ENGLISH_DAY_RANGE = new RegExp(
  `\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})${DAY_SUFFIX}\\s*[-–—~～]\\s*(\\d{1,2})${DAY_SUFFIX},?\\s+((?:19|20)\\d{2})(?!\\d)`,
  'gi',
);
const ENGLISH_DMY = new RegExp(`(?<!\\d)(\\d{1,2})${DAY_SUFFIX}\\s+${MONTH_NAME}\\.?,?\\s+((?:19|20)\\d{2})(?!\\d)`, 'gi');

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(date: MeetingDate): boolean {
  const { month, day, year, until } = date;
  if (until && !(isValidDate(until) && dayNumber(until, year) >= dayNumber(date, year))) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

/** Days since an epoch, to order dates; a missing year counts as `year` (or a common one). */
function dayNumber(date: { year?: number; month: number; day: number }, year?: number): number {
  return ((date.year ?? year ?? 2001) * 12 + date.month) * 31 + date.day;
}

/** Every date in the text, in order, without overlaps. */
export function findDates(text: string, options: FindDateOptions = {}): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (m: RegExpMatchArray, date: MeetingDate, shape: DateShape, extra: Partial<DateMatch> = {}): void => {
    if (!isValidDate(date)) return;
    const wellFormed = shape === 'chinese' || shape === 'english' || shape === 'compact';
    found.push({ date, start: m.index!, end: m.index! + m[0].length, text: m[0], shape, padded: false, wellFormed, ...extra });
  };
  for (const m of text.matchAll(NUMERIC)) {
    const [, y, s1, mo, s2, d] = m;
    const padded = mo.length === 2 && d.length === 2 && !/\s/.test(m[0]);
    add(m, { year: +y, month: +mo, day: +d }, 'numeric', { separators: [s1, s2], padded, wellFormed: padded && s1 === s2 && s1 !== '.' });
  }
  for (const m of text.matchAll(CHINESE)) add(m, { year: +m[1], month: +m[2], day: +m[3] }, 'chinese');
  for (const m of text.matchAll(ENGLISH_YMD)) add(m, { year: +m[1], month: monthOf(m[2]), day: +m[3] }, 'english');
  for (const m of text.matchAll(ENGLISH_MDY)) add(m, { year: +m[3], month: monthOf(m[1]), day: +m[2] }, 'english');
  for (const m of text.matchAll(ENGLISH_DMY)) add(m, { year: +m[3], month: monthOf(m[2]), day: +m[1] }, 'english');
  for (const m of text.matchAll(ENGLISH_DAY_RANGE)) {
    const [year, month] = [+m[4], monthOf(m[1])];
    // The match is the whole range; the date's own text is `December 19`.
    const first = new RegExp(`^${MONTH_NAME}\\.?\\s+\\d{1,2}${DAY_SUFFIX}`, 'i').exec(m[0])![0]; // eslint-disable-line regexp/no-unused-capturing-group -- MONTH_NAME's group is read by the other patterns
    add(m, { year, month, day: +m[2], until: { year, month, day: +m[3] } }, 'english', {
      end: m.index + first.length,
      text: first,
      rangeEnd: m.index + m[0].length,
    });
  }
  if (options.compact) for (const m of text.matchAll(COMPACT)) add(m, { year: +m[1], month: +m[2], day: +m[3] }, 'compact');
  if (options.monthDay) {
    for (const m of text.matchAll(CHINESE_MONTH_DAY)) add(m, { month: +m[1], day: +m[2] }, 'month-day');
    for (const m of text.matchAll(DOTTED_MONTH_DAY)) add(m, { month: +m[1], day: +m[2] }, 'month-day');
  }
  // Earlier first; at the same place the longer (more complete) reading wins.
  found.sort((a, b) => a.start - b.start || matchEnd(b) - matchEnd(a));
  const kept: DateMatch[] = [];
  for (const d of found) {
    if (kept.length && d.start < matchEnd(kept[kept.length - 1])) continue;
    kept.push(d.rangeEnd === undefined ? withRange(text, d, found) : d);
  }
  return kept;
}

function matchEnd(d: DateMatch): number {
  return d.rangeEnd ?? d.end;
}

// Between the two ends of a range: `-`, `–`, `~`, `至`, `to`, `through`.
const RANGE_JOIN = /^\s*(?:[\-–—~～至到]|to\b|through\b|until\b)\s*/i;
// What may end a range when its first day gave the year (and month): `4/13`, `13日`, `13`.
const MONTH_DAY_END = /^(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*[日号]?(?![\d:：.])/;
const DAY_END = /^(\d{1,2})\s*(?:[日号]|(?:st|nd|rd|th)\b)?(?![\d:：./-])/;

/**
 * The date, extended to a range when the text goes on to its last day: a whole date
 * (`2022-11-18 ~ 2022-11-20`), a month and day (`2023/4/12~4/13`) or a day (`2022年11月18日-20日`).
 * `2023-04-12 10:00-12:00` is a date and a time, not a range.
 */
function withRange(text: string, date: DateMatch, all: readonly DateMatch[]): DateMatch {
  const join = RANGE_JOIN.exec(text.slice(date.end));
  if (!join) return date;
  const at = date.end + join[0].length;
  const whole = all.find((d) => d.start === at && d.date.year !== undefined);
  const rest = text.slice(at);
  let until: MeetingDate['until'];
  let end = at;
  if (whole) {
    until = { year: whole.date.year, month: whole.date.month, day: whole.date.day };
    end = whole.end;
  } else if (date.shape !== 'english') {
    const monthDay = MONTH_DAY_END.exec(rest);
    const day = monthDay ? undefined : DAY_END.exec(rest);
    if (monthDay && (monthDay[2] === '月') === (date.shape === 'chinese' || date.text.includes('月'))) {
      until = { year: date.date.year, month: +monthDay[1], day: +monthDay[3] };
      end = at + monthDay[0].length;
    } else if (day) {
      until = { year: date.date.year, month: date.date.month, day: +day[1] };
      end = at + day[0].length;
    }
  }
  const range = until && { ...date.date, until };
  return range && isValidDate(range) && dayNumber(until!, date.date.year) > dayNumber(date.date)
    ? { ...date, date: range, rangeEnd: end }
    : date;
}

// `10:00-12:00`, `19:00~19:30 (UTC+8)`, `14:00 至 16:00`, `9:30`, `下午 3:00`, `3pm`.
const TIME_OF_DAY =
  /^(?:(?:上午|下午|晚上|早上|中午|am|pm)\s*)?\d{1,2}(?:\s*[:：]\s*\d{2}|\s*[ap]\.?m\.?)(?:\s*(?:[\-–—~～至到]|to)\s*(?:(?:上午|下午|晚上)\s*)?\d{1,2}(?:\s*[:：]\s*\d{2}|\s*[ap]\.?m\.?))?(?:\s*[(（]?(?:UTC|GMT|CST|北京时间)[^)）]*[)）]?)?$/i;

/**
 * A time of day and nothing else (`会议时间：10:00-12:00`): the value of a field that some minutes
 * call 会议时间 for the date and others for the hours. Such a value holds no date.
 */
export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text.trim());
}

export function findDate(text: string, options: FindDateOptions = {}): DateMatch | undefined {
  return findDates(text, options)[0];
}

/** The whole text is one date or one range (surrounding spaces allowed). */
export function parseDate(text: string, options: FindDateOptions = {}): MeetingDate | undefined {
  const m = findDate(text, options);
  return m && !text.slice(0, m.start).trim() && !text.slice(matchEnd(m)).trim() ? m.date : undefined;
}

/**
 * Same day; the year counts only when both dates have one. A range is the same as any day it
 * holds: the file name `20221119` agrees with `2022年11月18日-20日`.
 */
export function sameDate(a: MeetingDate, b: MeetingDate): boolean {
  if (a.until || b.until) {
    const year = a.year !== undefined && b.year !== undefined ? undefined : 2001;
    const day = (d: { year?: number; month: number; day: number }) => dayNumber(year === undefined ? d : { ...d, year }, year);
    return day(a) <= day(b.until ?? b) && day(b) <= day(a.until ?? a);
  }
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
        return { ...(shaped ?? { shape: 'numeric', padded: true, wellFormed: true }), date, start, end, text };
      }
    }
  }
  const leading = findDate(basename, { compact: true, monthDay: true });
  return leading && !basename.slice(0, leading.start).trim() ? leading : undefined;
}
