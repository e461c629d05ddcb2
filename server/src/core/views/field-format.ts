import { findDate, formatDate, type DateMatch } from '../model/dates';
import type { FieldFormat } from '../templates/types';

/**
 * What is wrong with a value, at some offset inside it. `kind` names the rule's message;
 * `value` is the piece the message quotes; `replacement` is how that piece should be written.
 */
export interface FormatProblem {
  kind: 'date' | 'dateShape' | 'timeRange' | 'timeColon' | 'url' | 'handle';
  value: string;
  start: number;
  end: number;
  replacement?: string;
}

/**
 * What is wrong with a value of this format, or undefined when it conforms. `template/field-format`
 * reports it; learning a template asks the same question of a series' values, so a format is
 * learned only when they keep it.
 */
export function formatProblem(format: FieldFormat, value: string, separator = '-'): FormatProblem | undefined {
  const whole = (kind: FormatProblem['kind']): FormatProblem => ({ kind, value, start: 0, end: value.length });
  switch (format) {
    case 'date': {
      const date = leadingDate(value);
      if (!date) return whole('date');
      return dateProblem(date, separator);
    }
    case 'datetime-range': {
      const date = leadingDate(value);
      if (!date) return whole('date');
      return dateProblem(date, separator) ?? timeProblem(value, date.end);
    }
    case 'time-range': {
      // `2022-08-11  9:30 - 18:00`: a date before the range is allowed, and checked too.
      const date = leadingDate(value);
      return (date && dateProblem(date, separator)) ?? timeProblem(value, date ? date.end : 0);
    }
    case 'url':
      return /^(?:<\s*)?(?:\[[^\]]*\]\(\s*<?)?https?:\/\/\S+/i.test(value.trim()) ? undefined : whole('url');
    case 'names':
      return undefined; // checked separately: one finding per hole in the list
    case 'handle':
      return /^@?[A-Z0-9](?:[\w.-]*\w)?$/i.test(value) ? undefined : whole('handle');
    case 'text':
      return undefined;
  }
}

/** A date at the very start of the value (after an opening bracket at most). */
function leadingDate(value: string): DateMatch | undefined {
  const date = findDate(value);
  return date && !/[^\s(（[]/.test(value.slice(0, date.start)) ? date : undefined;
}

/** `2023-4-12`, `2022/07-21`, `2022年4月21日`, `2023 Jun 01`: rewritten as the template's shape. */
function dateProblem(date: DateMatch, fallbackSeparator: string): FormatProblem | undefined {
  const ok = date.shape === 'numeric' && date.padded && date.separators?.[0] === date.separators?.[1] && date.separators?.[0] !== '.';
  // `2022年4月21日` is how Chinese writes a full date: nothing in it is ambiguous or mistyped.
  if (ok || (date.shape === 'chinese' && date.date.year !== undefined)) return undefined;
  const first = date.separators?.[0];
  const separator = first === '-' || first === '/' ? first : fallbackSeparator;
  const expected = formatDate(date.date, separator);
  return { kind: 'dateShape', value: date.text, start: date.start, end: date.end, replacement: expected };
}

// 10:00-12:00, 19:00 ~ 19:30, 9:30 - 18:00; the dash family and 至/到 as separators.
const TIME_RANGE = /^(\d{1,2})\s*([:：])\s*(\d{2})\s*[\-~～–—至到]\s*(\d{1,2})\s*([:：])\s*(\d{2})/;
const WHOLE_DAY = /^(?:全天|all[ -]day)/i;

function timeProblem(value: string, from: number): FormatProblem | undefined {
  const rest = value.slice(from).replace(/^[\s,，]+/, '');
  const at = value.length - rest.length;
  if (WHOLE_DAY.test(rest)) return undefined;
  const m = TIME_RANGE.exec(rest);
  const valid = m && +m[1] <= 24 && +m[3] < 60 && +m[4] <= 24 && +m[6] < 60;
  if (!m || !valid) return { kind: 'timeRange', value: rest || value, start: from === 0 || !rest ? 0 : at, end: value.length };
  if (m[2] === '：' || m[5] === '：') {
    const expected = m[0].replace(/：/g, ':');
    return { kind: 'timeColon', value: m[0], start: at, end: at + m[0].length, replacement: expected };
  }
  return undefined;
}
