import { dayNumber } from '../../items/meetings';
import { filenameDate, findDate, formatDate, formatLike, sameDate, type DateMatch } from '../../model/dates';
import { findFields, isEmptyValue } from '../../views/match';
import type { Span } from '../../text/lines';
import type { Fix, Rule, RuleContext } from '../types';

export const dateMismatch: Rule = {
  id: 'template/date-mismatch',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'The title, the body and the file name disagree on the meeting date.',
    zh: '标题、正文与文件名中的会议日期不一致。',
  },
  messages: {
    oddOne: { en: 'The {where} says {date}, but {others} say {expected}.', zh: '{where}写的是 {date}，而{others}写的是 {expected}。' },
    disagree: { en: 'The {where} says {date}, but the {other} says {expected}.', zh: '{where}写的是 {date}，而{other}写的是 {expected}。' },
    rename: {
      en: 'The file name says {date}, but {others} say {expected}: rename the file.',
      zh: '文件名写的是 {date}，而{others}写的是 {expected}，请重命名文件。',
    },
    title: { en: 'title', zh: '标题' },
    field: { en: 'field "{label}"', zh: '字段「{label}」' },
    filename: { en: 'file name', zh: '文件名' },
    and: { en: ' and ', zh: '和' },
    fix: { en: 'Change the date to {expected}', zh: '将日期改为 {expected}' },
  },
  check(ctx) {
    const dates = withoutPublication(collectDates(ctx));
    if (dates.length < 2) return;
    const groups = groupByDay(dates);
    if (groups.length < 2) return;
    groups.sort((a, b) => b.length - a.length);
    if (groups[0].length > groups[1].length) {
      // A majority exists: each date outside it is the odd one out, probably a copy-paste leftover.
      for (const group of groups.slice(1)) for (const odd of group) reportOdd(ctx, odd, groups[0]);
      return;
    }
    // No majority (two places, two dates): report on the text, which can be edited, and offer the other date.
    const textual = dates.find((d) => d.kind !== 'filename') ?? dates[0];
    const other = dates.find((d) => !sameDate(d.match.date, textual.match.date))!;
    ctx.report({
      span: textual.span,
      message: ctx.t('disagree', {
        where: whereOf(ctx, textual),
        date: textual.match.text,
        other: whereOf(ctx, other),
        expected: shown(other),
      }),
      fixes: textual.kind === 'filename' ? [] : [fixTo(ctx, textual, other)],
    });
  },
};

interface DatedPlace {
  kind: 'title' | 'field' | 'filename';
  label?: string;
  match: DateMatch;
  /** A front matter's timestamp (`date: 2025-06-15T10:30:00+08:00`): when the page was published. */
  stamp?: boolean;
  /** Where the date is written in the document (the first line for the file name). */
  span: Span;
}

function collectDates(ctx: RuleContext): DatedPlace[] {
  const { doc, template } = ctx;
  const spec = template.dates;
  if (!spec) return [];
  const out: DatedPlace[] = [];
  if (spec.title && doc.title) {
    const titleText = doc.text.slice(doc.title.titleSpan.start, doc.title.titleSpan.end);
    const match = findDate(titleText, { monthDay: true });
    if (match) out.push({ kind: 'title', match, span: shift(match, doc.title.titleSpan.start) });
  }
  for (const id of spec.fields ?? []) {
    const fieldSpec = template.fields?.find((f) => f.id === id);
    if (!fieldSpec) continue;
    const field = findFields(doc, fieldSpec)
      .map((m) => m.field)
      .find((f) => !isEmptyValue(f.value, fieldSpec));
    if (!field) continue;
    const value = doc.text.slice(field.valueSpan.start, field.valueSpan.end);
    const match = findDate(value, { monthDay: true });
    if (match)
      out.push({
        kind: 'field',
        label: field.label,
        match,
        span: shift(match, field.valueSpan.start),
        stamp: TIME_AFTER.test(value.slice(match.end)) && inFrontMatter(doc.text, field.valueSpan.start),
      });
  }
  if (spec.filename) {
    const basename = doc.path.slice(doc.path.lastIndexOf('/') + 1);
    const match = filenameDate(basename, template.filename?.pattern);
    if (match) out.push({ kind: 'filename', match, span: doc.lines.lineSpan(0) });
  }
  return out;
}

/** `T10:30`, ` 10:30:00`: a time of day right after the date. */
const TIME_AFTER = /^(?:T|\s+)\d{1,2}:\d{2}/;

/** Is the offset inside a YAML front matter (`---` on the first line, up to the next `---`)? */
function inFrontMatter(text: string, at: number): boolean {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return false;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(open[0].length));
  return close !== null && at < open[0].length + close.index;
}

/**
 * A site's minutes (AOSC's news) carry the page's publication time in their front matter; the
 * minutes go up the day after the meeting, or at the next one. A stamp up to a week after the date
 * the other places agree on is when they were published, not another meeting date. One before that
 * date, or further after it, is still told (a stamp copied from the previous post).
 */
function withoutPublication(dates: DatedPlace[]): DatedPlace[] {
  const stamps = dates.filter((d) => d.stamp);
  const rest = dates.filter((d) => !d.stamp);
  if (!stamps.length || !rest.length || groupByDay(rest).length !== 1) return dates;
  const meeting = rest.find((d) => d.match.date.year !== undefined)?.match.date ?? rest[0].match.date;
  return dates.filter((d) => {
    if (!d.stamp || d.match.date.until) return true;
    const after = dayNumber(d.match.date) - dayNumber({ ...meeting, year: meeting.year ?? d.match.date.year });
    return after < 1 || after > PUBLISHED_WITHIN;
  });
}

const PUBLISHED_WITHIN = 7;

function shift(match: DateMatch, by: number): Span {
  return { start: match.start + by, end: match.end + by };
}

/** Groups of places that name the same day; a date without a year joins any group with its month and day. */
function groupByDay(dates: DatedPlace[]): DatedPlace[][] {
  const groups: DatedPlace[][] = [];
  for (const d of dates) {
    const group = groups.find((g) => g.every((x) => sameDate(x.match.date, d.match.date)));
    if (group) group.push(d);
    else groups.push([d]);
  }
  return groups;
}

function whereOf(ctx: RuleContext, place: DatedPlace): string {
  if (place.kind === 'field') return ctx.t('field', { label: place.label ?? '' });
  return ctx.t(place.kind);
}

/** The majority's date, with a year when any of them has one. */
function shown(place: DatedPlace, group: DatedPlace[] = [place]): string {
  const withYear = group.find((g) => g.match.date.year !== undefined) ?? place;
  return formatDate(withYear.match.date);
}

function reportOdd(ctx: RuleContext, odd: DatedPlace, majority: DatedPlace[]): void {
  const others = majority.map((m) => whereOf(ctx, m)).join(ctx.t('and'));
  const expected = shown(majority[0], majority);
  if (odd.kind === 'filename') {
    ctx.report({ span: odd.span, message: ctx.t('rename', { date: odd.match.text, others, expected }) });
    return;
  }
  const like = majority.find((m) => m.match.date.year !== undefined) ?? majority[0];
  ctx.report({
    span: odd.span,
    message: ctx.t('oddOne', { where: whereOf(ctx, odd), date: odd.match.text, others, expected }),
    fixes: [fixTo(ctx, odd, like)],
  });
}

/** Rewrites the date in the place's own shape; a guess about which place is right, so never safe. */
function fixTo(ctx: RuleContext, place: DatedPlace, source: DatedPlace): Fix {
  const date = {
    ...source.match.date,
    year: place.match.date.year === undefined ? undefined : (source.match.date.year ?? place.match.date.year),
  };
  const newText = formatLike(date, place.match);
  return { title: ctx.t('fix', { expected: newText }), edits: [{ start: place.span.start, end: place.span.end, newText }], safe: false };
}
