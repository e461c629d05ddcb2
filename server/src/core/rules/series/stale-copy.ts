import { consecutive } from '../../items/cadence';
import { isCancelled } from '../../items/cancelled';
import type { Meeting } from '../../items/meetings';
import { plainTitle } from '../../items/roles';
import type { Section } from '../../model/types';
import type { Rule } from '../types';
import { seriesContext } from './context';

/** Shorter sections (`无`, a date, one link) are the same from meeting to meeting by nature. */
const MIN_CHARS = 40;
/**
 * A section that is one link however long (`## meeting link` holding a recurring meeting's URL,
 * kept for weeks, then replaced) is a link too: the same one again is the same meeting room.
 */
const ONE_LINK = /^(?:[-*+] )?(?:<?https?:\/\/\S+|\[[^\]]*\]\(\S+\))$/;
/** The series must have shown the section changing this often before a copy counts as stale. */
const MIN_PAIRS = 3;
const USUALLY_CHANGES = 0.8;
/**
 * What dates a section to its meeting: a number (a count, a date, progress 18/27), a link, a
 * mention. A copied ritual without any (`Do we have consensus…? TC: the agenda is approved.`)
 * is said again, not forgotten.
 */
const DATED = /\d|https?:\/\/|@\w/;
/**
 * Who said a line (`TC: Hearing approvals, the agenda is approved.`) changes with the
 * facilitator; the ritual does not. Compared without it.
 */
const SPEAKER = /^[ \t]*[^\s:：]{1,24}[:：][ \t]+/gm;

export const staleCopy: Rule = {
  id: 'series/stale-copy',
  defaultSeverity: 'warning',
  description: {
    en: 'A section copied word for word from the previous minutes, where the series normally changes it (the forgotten update).',
    zh: '某章节与上一次纪要一字不差，而该系列中这一章节每次都会更新（忘记修改）。',
  },
  messages: {
    stale: {
      en: '"{section}" is word for word the one of the previous minutes ({previous}), though this series changed it in {changed} of the {pairs} meetings before: was it updated?',
      zh: '「{section}」与上一次纪要（{previous}）一字不差，而该系列此前 {pairs} 次会议中有 {changed} 次更新了这一章节：是否忘记修改？',
    },
  },
  check(ctx) {
    const series = seriesContext(ctx);
    if (!series || series.index === 0) return;
    const current = series.meetings[series.index];
    const previous = series.meetings[series.index - 1];
    // A forgotten update is the last minutes copied as the start of these: between meetings
    // months apart (or of a series without a cadence) the same words are the team's boilerplate.
    if (!consecutive(previous, current, series.cadence)) return;
    const before = sectionTexts(previous);
    for (const [title, { section, text }] of sectionTexts(current)) {
      if (before.get(title)?.text !== text || !DATED.test(text)) continue;
      const history = changes(series.meetings, series.index, title);
      if (history.pairs < MIN_PAIRS || history.changed / history.pairs < USUALLY_CHANGES) continue;
      const name = previous.path.slice(previous.path.lastIndexOf('/') + 1);
      ctx.report({
        span: section.titleSpan.end > section.titleSpan.start ? section.titleSpan : section.heading,
        message: ctx.t('stale', { section: title, previous: name, changed: history.changed, pairs: history.pairs }),
      });
    }
  },
};

const cache = new WeakMap<Meeting, Map<string, { section: Section; text: string }>>();

/**
 * Each section's own text (up to its first subsection), spaces collapsed, by title; sections
 * whose title appears twice are left out (no telling which is which), and so are short ones.
 */
function sectionTexts(meeting: Meeting): Map<string, { section: Section; text: string }> {
  let texts = cache.get(meeting);
  if (texts) return texts;
  texts = new Map();
  const repeated = new Set<string>();
  const { doc } = meeting;
  for (const section of doc.sections) {
    const title = plainTitle(section.title);
    if (!title) continue;
    if (texts.has(title)) repeated.add(title);
    const end = section.children[0]?.heading.start ?? section.body.end;
    const raw = doc.text.slice(section.body.start, end).replace(/<!--[\s\S]*?-->/g, '');
    if (listsOpenIssues(raw)) continue;
    const text = raw.replace(SPEAKER, '').replace(/\s+/g, ' ').trim();
    if (text.length >= MIN_CHARS && !ONE_LINK.test(text)) texts.set(title, { section, text });
  }
  for (const title of repeated) texts.delete(title);
  cache.set(meeting, texts);
  return texts;
}

/**
 * A list of issues and pull requests and nothing else (the Node.js agenda tool's `### nodejs/admin`
 * under each repository): they stay on the agenda, word for word, until they are closed.
 */
function listsOpenIssues(raw: string): boolean {
  const lines = raw.split(/\r?\n/).filter((line) => line.trim());
  return lines.length > 0 && lines.every((line) => ISSUE_ITEM.test(line));
}

const ISSUE_ITEM = /^\s*(?:[-*+]|\d+[.)])\s.*\/(?:issues|pull|pulls|merge_requests)\/\d+/;

/** How often the section changed between two meetings in a row, other than the pair being checked. */
function changes(meetings: readonly Meeting[], skip: number, title: string): { pairs: number; changed: number } {
  let pairs = 0;
  let changed = 0;
  for (let i = 1; i < meetings.length; i++) {
    if (i === skip || isCancelled(meetings[i - 1]) || isCancelled(meetings[i])) continue;
    const a = sectionTexts(meetings[i - 1]).get(title);
    const b = sectionTexts(meetings[i]).get(title);
    if (!a || !b) continue;
    pairs++;
    if (a.text !== b.text) changed++;
  }
  return { pairs, changed };
}
