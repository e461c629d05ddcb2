import { dayNumber, type Meeting } from '../../items/meetings';
import { formatDate } from '../../model/dates';
import type { Rule } from '../types';
import { seriesContext } from './context';

export const dateOutOfOrder: Rule = {
  id: 'series/date-out-of-order',
  defaultSeverity: 'warning',
  description: {
    en: 'The meeting number and the date disagree with the rest of the series (meeting 53 dated before meeting 41).',
    zh: '会议编号与日期和系列中其他会议矛盾（第 53 次会议的日期早于第 41 次）。',
  },
  messages: {
    before: {
      en: 'Meeting {number} is dated {date}, before meeting {other} ({otherDate}); meetings {number} and {other} of this series are in the other order.',
      zh: '第 {number} 次会议的日期是 {date}，早于第 {other} 次会议（{otherDate}），与系列中的编号顺序相反。',
    },
    after: {
      en: 'Meeting {number} is dated {date}, after meeting {other} ({otherDate}); meetings {number} and {other} of this series are in the other order.',
      zh: '第 {number} 次会议的日期是 {date}，晚于第 {other} 次会议（{otherDate}），与系列中的编号顺序相反。',
    },
  },
  check(ctx) {
    const series = seriesContext(ctx);
    if (!series) return;
    const current = series.meetings[series.index];
    const dated = series.meetings.filter((m) => m.number !== undefined && m.date && !m.monthOnly).sort((a, b) => a.number! - b.number!);
    if (dated.length < 3 || !dated.includes(current)) return;
    const inOrder = longestInOrder(dated);
    if (inOrder.has(current)) return;
    // The nearest meetings of the ordered run, by number, on either side.
    const before = [...dated].reverse().find((m) => m.number! < current.number! && inOrder.has(m));
    const after = dated.find((m) => m.number! > current.number! && inOrder.has(m));
    const other =
      before && dayNumber(current.date!) < dayNumber(before.date!)
        ? { m: before, id: 'before' }
        : after
          ? { m: after, id: 'after' }
          : undefined;
    if (!other) return;
    ctx.report({
      span: current.dateSpan ?? ctx.doc.lines.lineSpan(0),
      message: ctx.t(other.id, {
        number: current.number!,
        date: formatDate(current.date!),
        other: other.m.number!,
        otherDate: formatDate(other.m.date!),
      }),
    });
  },
};

/**
 * The largest set of meetings whose dates rise with their numbers: the series as it should be.
 * A meeting outside it is the odd one (in 41, 53, 70 dated June 2018, January 2018, September
 * 2019, it is 53: dropping it leaves the rest in order; dropping 41 would leave as many).
 * Ties keep the later-numbered meeting out, which the message then names.
 */
function longestInOrder(meetings: Meeting[]): Set<Meeting> {
  const days = meetings.map((m) => dayNumber(m.date!));
  const length = days.map(() => 1);
  const from = days.map(() => -1);
  for (let i = 0; i < days.length; i++) {
    for (let j = 0; j < i; j++) {
      if (days[j] <= days[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        from[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < days.length; i++) if (length[i] > length[end]) end = i;
  const kept = new Set<Meeting>();
  for (let i = end; i >= 0; i = from[i]) kept.add(meetings[i]);
  return kept;
}
