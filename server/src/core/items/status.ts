import type { ItemStatus } from './types';

/**
 * Status words as real minutes write them, after an item or in the notes below it: Curve's
 * `（已合入master）`, openEuler's `此遗留问题关闭` and `继续遗留该问题`, deepin's `当前状态：有在推进中`,
 * Node.js TSC's `removed tsc-agenda` and `No changes`. Data, so that a team's words can join.
 */
export const DONE_WORDS = [
  'done',
  'completed',
  'complete',
  'closed',
  'fixed',
  'resolved',
  'landed',
  'merged',
  'finished',
  'shipped',
  'released',
  'removed tsc-agenda',
  'removed from the agenda',
  'removed from agenda',
  'remove from agenda',
  'removed the label',
  '已完成',
  '已经完成',
  '完成了',
  '已解决',
  '解决了',
  '已关闭',
  '关闭',
  '已合入',
  '合入master',
  '已合并',
  '已落实',
  '已处理',
  '已结束',
  '已发布',
  '进行完毕',
  '已结项',
  '结项',
  '已闭环',
  '闭环',
  '✅',
  '✔',
  '☑',
];

export const OPEN_WORDS = [
  'keep',
  'ongoing',
  'in progress',
  'wip',
  'pending',
  'todo',
  'to do',
  'no changes',
  'no change',
  'no progress',
  'no update',
  'no updates',
  'blocked',
  'deferred',
  'postponed',
  'still open',
  'carry over',
  'carried over',
  'next meeting',
  'follow up',
  'tbd',
  '继续跟踪',
  '跟踪中',
  '继续遗留',
  '遗留到下次',
  '遗留下次',
  '延到下次',
  '延期到下次',
  '顺延',
  '下次会议',
  '下一次会议',
  '下次TC会议',
  '进行中',
  '开发中',
  '测试中',
  '评审中',
  'review中',
  '待定',
  '待确认',
  '待讨论',
  '未完成',
  '未定稿',
  '推进中',
  '暂未',
  '尚未',
  '还未',
  '未解决',
  '待解决',
  '跟进中',
  '持续跟进',
  '计划中',
  '继续',
];

/**
 * `未完成`, `not done`, `还没有合入`: a done word negated is an open one; so is one still to
 * happen (`needs to be finished`, `can be resolved on GitHub`, `需要关闭`).
 */
const NEGATION =
  /(?:[未不待]|没有?|尚未|还未|还没有?|需要|\bnot|n't|\bno|\b(?:yet|needs?|has|have|is|are) to be|\b(?:to|can|could|should|will|would|must|might|may) be)\s*$/i;

interface Found {
  at: number;
  end: number;
  status: ItemStatus;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
}

function wordPattern(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  // ASCII words need word boundaries (`closed` yes, `enclosed` no); CJK ones have none to need.
  return new RegExp(sorted.map((w) => (/^[a-z]/i.test(w) ? `\\b${escape(w)}\\b` : escape(w))).join('|'), 'gi');
}

const DONE = wordPattern(DONE_WORDS);
const OPEN = wordPattern(OPEN_WORDS);

/** `结论：完成`, `（完成）`, `…，已经结束。`: a bare `完成` is a status only where it stands alone. */
const DONE_ALONE = /(?<=^|[:：\s(（，,])(?:完成|结束|关闭|闭环)(?=[。.!！)）]?\s*$)/gm;

/** The last status the text states (later statements replace earlier ones), or undefined. */
export function statusIn(text: string): { status: ItemStatus; text: string } | undefined {
  const found: Found[] = [];
  for (const m of text.matchAll(DONE_ALONE)) found.push({ at: m.index, end: m.index + m[0].length, status: 'done' });
  for (const m of text.matchAll(DONE)) {
    const negated = NEGATION.test(text.slice(Math.max(0, m.index - 16), m.index));
    found.push({ at: m.index, end: m.index + m[0].length, status: negated ? 'open' : 'done' });
  }
  for (const m of text.matchAll(OPEN)) found.push({ at: m.index, end: m.index + m[0].length, status: 'open' });
  if (!found.length) return undefined;
  // The last statement wins; where two overlap (`未完成` holds `完成`) the longer one does.
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  let last = found[0];
  for (const f of found) if (f.at >= last.end || (f.at === last.at && f.end > last.end)) last = f;
  const start = Math.max(0, last.status === 'open' ? negationStart(text, last.at) : last.at);
  return { status: last.status, text: text.slice(start, last.end).trim() };
}

function negationStart(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 16), at);
  const m = NEGATION.exec(before);
  return m ? at - before.length + m.index : at;
}

/** A speaker before the words (`Matteo:`, `熊博：`), which are what counts. */
const SPEAKER = /^[\s>*+-]*(?:[A-Z][\w .-]{0,24}|[\u4e00-\u9fff]{1,4})[:：]\s*/i;
/** A clause that only supposes (`if there is enough work done`, `如果…完成`). */
const SUPPOSING = /^(?:if|when|unless|whether|once|after|before|如果|若|假如|是否|等到?)\b/i;
const SHORT_WORDS = 6;
const SHORT_HAN = 15;

/**
 * The status the notes below an item state. Notes of a discussion use the same words in passing
 * (`if there is enough work done in ncrypto`), so only clauses that are statements of status
 * count: short ones (`Matteo: landed.`, `此遗留问题关闭`), or ones that start with the word.
 */
export function statusInNotes(notes: string): { status: ItemStatus; text: string } | undefined {
  const statements: string[] = [];
  for (const raw of notes.split(/[\n。；;！!？?]|[，,]\s*|\.\s+/)) {
    const clause = raw.replace(SPEAKER, '').trim();
    if (!clause || SUPPOSING.test(clause)) continue;
    const han = clause.match(/[\u3400-\u9fff]/g)?.length ?? 0;
    const words = clause.split(/\s+/).length;
    const short = han ? han <= SHORT_HAN : words <= SHORT_WORDS;
    const head = han ? clause.slice(0, 6) : clause.split(/\s+/).slice(0, 3).join(' ');
    if (short || statusIn(head)) statements.push(clause);
  }
  return statements.length ? statusIn(statements.join('\n')) : undefined;
}
