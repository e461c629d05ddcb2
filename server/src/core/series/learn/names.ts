/**
 * The naming a series keeps: file names and titles generalised into regular expressions — the
 * date becomes named groups (`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})`, which
 * `template/date-mismatch` reads), other numbers `\d+`, the rest literal. A pattern is learned only
 * when (nearly) every recent file has the same shape.
 */
import { findDates, type DateMatch } from '../../model/dates';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

// `CG-08-22` (the year is the folder's): a month and a day.
const DASHED_MONTH_DAY = /(?<!\d)(?<!\d-)(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])/;

interface DatePiece {
  start: number;
  end: number;
  /** The date's regular expression, with named groups when `named`. */
  source: (named: boolean) => string;
}

/** The digits of a date written with its numbers in the order of `groups`. */
function digitsAsGroups(text: string, groups: readonly string[], widths: 'exact' | 'loose'): (named: boolean) => string {
  return (named) => {
    let index = 0;
    return text.replace(/\d+|\D+/g, (chunk) => {
      if (!/^\d/.test(chunk)) return escapeRegex(chunk);
      const group = groups[index++];
      const digits = widths === 'exact' ? `\\d{${chunk.length}}` : '\\d{1,2}';
      return group && named ? `(?<${group}>${digits})` : digits;
    });
  };
}

function datePiece(stem: string): DatePiece | undefined {
  const found: DateMatch | undefined = findDates(stem, { compact: true, monthDay: true })[0];
  if (found) {
    switch (found.shape) {
      case 'numeric':
      case 'chinese':
        return { start: found.start, end: found.end, source: digitsAsGroups(found.text, ['year', 'month', 'day'], 'exact') };
      case 'compact':
        return {
          start: found.start,
          end: found.end,
          source: (named) => (named ? '(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})' : '\\d{8}'),
        };
      case 'month-day':
        return { start: found.start, end: found.end, source: digitsAsGroups(found.text, ['month', 'day'], 'loose') };
      case 'english':
        return undefined;
    }
  }
  const dashed = DASHED_MONTH_DAY.exec(stem);
  if (dashed)
    return { start: dashed.index, end: dashed.index + dashed[0].length, source: digitsAsGroups(dashed[0], ['month', 'day'], 'exact') };
  return undefined;
}

/** Other numbers (a meeting number, a sequence) are `\d+`; everything else is literal. */
function generalizeRest(text: string): string {
  return text.replace(/\d+|\D+/g, (chunk) => (/^\d/.test(chunk) ? '\\d+' : escapeRegex(chunk)));
}

/**
 * A regular expression for text of this shape. `named`: the date's parts are named groups (file
 * names, read by date-mismatch); titles get plain ones.
 */
export function generalize(text: string, named: boolean): string {
  const piece = datePiece(text);
  if (!piece) return generalizeRest(text);
  return generalizeRest(text.slice(0, piece.start)) + piece.source(named) + generalizeRest(text.slice(piece.end));
}

/** The text with its date written as a skeleton (`YYYY-MM-DD`), for a title the fixes can insert. */
export function dateSkeleton(text: string): string | undefined {
  const found = findDates(text)[0];
  if (!found || found.shape !== 'numeric') return undefined;
  const separator = found.separators?.[0] ?? '-';
  return text.slice(0, found.start) + ['YYYY', 'MM', 'DD'].join(separator) + text.slice(found.end);
}

/** The shape most of the texts share, and how many share it. */
export function commonShape(texts: readonly string[], named: boolean): { source: string; count: number; example: string } | undefined {
  const counts = new Map<string, { count: number; example: string }>();
  for (const text of texts) {
    const source = generalize(text, named);
    const entry = counts.get(source);
    if (entry) {
      entry.count++;
      entry.example = text;
    } else counts.set(source, { count: 1, example: text });
  }
  const best = [...counts].sort((a, b) => b[1].count - a[1].count)[0];
  return best && { source: best[0], count: best[1].count, example: best[1].example };
}
