/** The words of the Action-items view and of the carried-over items, in English and Chinese. No VS Code here: tests use it. */
import { format, type Lang, type Message } from '../../../server/src/core';

const strings = {
  noOwner: { en: 'No owner', zh: '无责任人' },
  overdue: { en: 'Overdue', zh: '已逾期' },
  dueOn: { en: 'Due {date}', zh: '截止 {date}' },
  noDue: { en: 'No due date', zh: '无截止日期' },
  since: { en: 'open since {date}', zh: '始于 {date}' },
  latest: { en: 'in the latest minutes', zh: '见于最近一次纪要' },
  noItems: { en: 'No open items in the minutes of this workspace.', zh: '工作区的会议纪要中没有未完成的事项。' },
  failed: { en: 'The open items could not be read: {message}', zh: '无法读取未完成的事项：{message}' },
  carriedFrom: { en: 'from {place}', zh: '来自 {place}' },
  carriedHeading: { en: 'Previous action items', zh: '上次遗留事项' },
  lineOf: { en: '{file}, line {line}', zh: '{file} 第 {line} 行' },
} satisfies Record<string, Message>;

export function sayItems(id: keyof typeof strings, lang: Lang, data?: Record<string, string | number>): string {
  return format(strings[id], lang, data);
}
