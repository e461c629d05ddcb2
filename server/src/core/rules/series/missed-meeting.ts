import { addDays, cadenceAround, daysBetween } from '../../items/cadence';
import { formatDate } from '../../model/dates';
import type { Rule } from '../types';
import { seriesContext } from './context';

/** A gap this many beats long has room for at least one meeting that left no minutes. */
const MISSING_BEATS = 1.75;
/**
 * A gap of more beats than this is a pause (a summer break, a series that stopped and started
 * again, years kept in folders apart), not a meeting whose minutes are missing: there is no one
 * date to name.
 */
const PAUSE_BEATS = 4;

export const missedMeeting: Rule = {
  id: 'series/missed-meeting',
  defaultSeverity: 'info',
  description: {
    en: 'A series that meets on a regular cadence has no minutes for a meeting date, or two files for one date.',
    zh: '按固定周期开会的系列缺少某次会议的纪要，或同一日期有两份纪要。',
  },
  messages: {
    gap: {
      en: 'No minutes between {previous} ({previousDate}) and these ({date}): the series meets {cadence}, so a meeting around {expected} has none (or it was cancelled).',
      zh: '{previous}（{previousDate}）与本次（{date}）之间没有纪要：该系列{cadence}开会，{expected} 前后的会议没有纪要（或已取消）。',
    },
    twice: {
      en: '{other} holds minutes of the same date ({date}).',
      zh: '{other} 也是同一日期（{date}）的纪要。',
    },
    weekly: { en: 'weekly', zh: '每周' },
    biweekly: { en: 'every two weeks', zh: '每两周' },
    monthly: { en: 'monthly', zh: '每月' },
  },
  check(ctx) {
    const series = seriesContext(ctx);
    if (!series || series.index === 0) return;
    const current = series.meetings[series.index];
    const previous = series.meetings[series.index - 1];
    const gap = daysBetween(previous, current);
    // The beat of the meetings around the gap, not of the whole series: a series of years meets
    // weekly in one era and every two weeks in another.
    const cadence = cadenceAround(series.meetings, series.index);
    if (gap === undefined || !current.date || !cadence) return;
    const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
    const span = ctx.doc.lines.lineSpan(0);
    if (gap === 0) {
      ctx.report({ span, message: ctx.t('twice', { other: name(previous.path), date: formatDate(current.date) }) });
      return;
    }
    if (gap < cadence.days * MISSING_BEATS || gap > cadence.days * PAUSE_BEATS) return;
    ctx.report({
      span,
      message: ctx.t('gap', {
        previous: name(previous.path),
        previousDate: formatDate(previous.date!),
        date: formatDate(current.date),
        cadence: ctx.t(cadence.kind),
        expected: formatDate(addDays(previous.date!, cadence.days)),
      }),
    });
  },
};
