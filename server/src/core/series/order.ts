/**
 * When was each meeting? Minutes carry their date in the file name (`2023-04-12.md`,
 * `CG-08-22.md` in a `2017/` folder, `0416会议记录.md`, `sept-18.md` in `2012-09/`), the title or
 * the first lines; a series is ordered by it, and by the meeting number (`Meeting 110.md`) when
 * dates are missing.
 */
import { findDates, isValidDate, type MeetingDate } from '../model/dates';
import { folderDate } from './group';
import type { MinutesProfile } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENGLISH_MONTH_DAY = /(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-_ ]?(\d{1,2})(?!\d)/i;
// `2022-10.md`, `2021-03-steering-council-update.md`: a month without a day.
const YEAR_MONTH = /(?<!\d)((?:19|20)\d{2})[-_.](0[1-9]|1[0-2])(?!\d)/;
// `CG-08-22.md` in a `2017/` folder: a month and a day, the year from the folder.
const MONTH_DAY_DASHED = /(?<!\d)(?<!\d-)(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?![\d-])/;
// `0416会议记录.md`, `11_1104_T_….md`: four digits that make a month and a day.
const MONTH_DAY_DIGITS = /(?<!\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;

function withYear(date: MeetingDate, year: number | undefined): MeetingDate {
  return date.year === undefined && year !== undefined ? { ...date, year } : date;
}

/** The date a file name gives, the year taken from a year folder when the name has none. */
export function nameDate(path: string, name: string): MeetingDate | undefined {
  const stem = name.replace(/\.[^.]+$/, '');
  const folder = folderDate(path);
  const found = findDates(stem, { compact: true, monthDay: true })[0];
  if (found) return withYear(found.date, folder?.year);
  const yearMonth = YEAR_MONTH.exec(stem);
  if (yearMonth) return { year: +yearMonth[1], month: +yearMonth[2], day: 1 };
  const english = ENGLISH_MONTH_DAY.exec(stem);
  if (english) {
    const date = { month: MONTHS.indexOf(english[1].toLowerCase().slice(0, 3)) + 1, day: +english[2] };
    if (isValidDate(date)) return withYear(date, folder?.year);
  }
  const dashed = MONTH_DAY_DASHED.exec(stem);
  if (dashed) return withYear({ month: +dashed[1], day: +dashed[2] }, folder?.year);
  const digits = MONTH_DAY_DIGITS.exec(stem);
  if (digits) return withYear({ month: +digits[1], day: +digits[2] }, folder?.year);
  return undefined;
}

/** The meeting date of a file: its name first, then its title, then the first lines of its text. */
export function meetingDate(path: string, name: string, title: string | undefined, text: string): MeetingDate | undefined {
  const fromName = nameDate(path, name);
  if (fromName?.year !== undefined) return fromName;
  const fromText = findDates(title ?? '')[0] ?? findDates(text.slice(0, 800))[0];
  if (fromText) return fromText.date;
  return fromName;
}

/** `2023-04-12`, for messages and the learned template's `since`/`until`. */
export function dateLabel(date: MeetingDate | undefined): string | undefined {
  if (!date || date.year === undefined) return undefined;
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function dateKey(date: MeetingDate | undefined): number | undefined {
  return date?.year === undefined ? undefined : date.year * 10000 + date.month * 100 + date.day;
}

/** Compares names the way people number things: `Meeting 8` before `Meeting 16`. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const nx = /^\d/.test(x[i]);
    const ny = /^\d/.test(y[i]);
    if (nx && ny) return +x[i] - +y[i] || x[i].length - y[i].length;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Oldest first. By date when (nearly) every file has one — a file without a date keeps its place
 * after the file before it in name order — else by name, numbers compared as numbers.
 */
export function orderMembers(members: readonly MinutesProfile[]): MinutesProfile[] {
  const byName = [...members].sort((a, b) => naturalCompare(a.path, b.path));
  const keys = byName.map((m) => dateKey(m.date));
  const dated = keys.filter((k) => k !== undefined).length;
  if (dated < Math.ceil(byName.length * 0.8)) return byName;
  let carried = Math.min(...keys.filter((k): k is number => k !== undefined));
  const sortKeys = keys.map((k) => (carried = k ?? carried));
  return byName
    .map((m, i) => ({ m, key: sortKeys[i], i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.m);
}
