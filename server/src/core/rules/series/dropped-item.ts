import { consecutive } from '../../items/cadence';
import { mentionScore, similarity } from '../../items/match';
import type { Meeting } from '../../items/meetings';
import { sectionRoles } from '../../items/roles';
import type { MinutesItem } from '../../items/types';
import { textWindows } from '../../items/windows';
import type { Section } from '../../model/types';
import type { Rule, RuleContext } from '../types';
import { kindOf } from '../../series/group';
import { seriesContext, type SeriesContext } from './context';

/**
 * Looser than the history's matching on purpose: a carried-over item is often reworded, and a
 * warning for an item that was in fact carried over is worse than a missed one.
 */
const CARRIED = 0.3;
/** Share of an item's words found in three lines of the later minutes that counts as a mention. */
const MENTIONED = 0.5;
/** A series "carries its items over" when the next minutes took up open items this often. */
const USUALLY_CARRIES = 0.5;
const MIN_PAIRS = 3;
/** A carried-over item this like a topic of the same meeting was that topic. */
const DISCUSSED = 0.7;

export const droppedItem: Rule = {
  id: 'series/dropped-item',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'An item left open by the previous minutes of the series that these minutes neither report done nor carry over.',
    zh: '系列中上一次纪要里未完成的事项，本次纪要既未说明已完成，也未继续跟踪。',
  },
  messages: {
    dropped: {
      en: '"{item}" was open in the previous minutes ({previous}, line {line}); these minutes neither report it done nor carry it over.',
      zh: '「{item}」在上一次纪要（{previous} 第 {line} 行）中尚未完成，本次纪要既未说明已完成，也未继续跟踪。',
    },
    droppedOwned: {
      en: '"{item}" ({owners}) was open in the previous minutes ({previous}, line {line}); these minutes neither report it done nor carry it over.',
      zh: '「{item}」（{owners}）在上一次纪要（{previous} 第 {line} 行）中尚未完成，本次纪要既未说明已完成，也未继续跟踪。',
    },
    fix: { en: 'Carry "{item}" over', zh: '继续跟踪「{item}」' },
  },
  check(ctx) {
    const series = seriesContext(ctx);
    if (!series) return;
    const current = series.meetings[series.index];
    // A session on one topic between two regular meetings neither owes their items nor is the
    // meeting the next regular one follows.
    const regular = regularMeetings(series);
    const at = regular.indexOf(current);
    if (at <= 0) return;
    const previous = regular[at - 1];
    if (!consecutive(previous, current, series.cadence)) return;
    const open = ownedOpenItems(previous, series).filter((i) => !dueLater(previous, i));
    const missing = notTakenUp(open, current, series);
    if (!missing.length) return;
    // Nothing of the previous minutes came back: either the series does not carry items over,
    // or a meeting in between is missing. Only a series that usually carries them says which.
    if (missing.length === open.length && !usuallyCarries(series, regular)) return;
    // One owner's items are often one thread (a report and its follow-up): while one of them
    // goes on (taken up here, or due later), the thread was not dropped.
    const going = [...open.filter((i) => !missing.includes(i)), ...allOwned(previous).filter((i) => dueLater(previous, i))];
    const carry = carrySection(ctx);
    for (const item of missing) {
      if (!going.some((g) => sharesOwner(g, item))) report(ctx, item, previous, carry);
    }
  },
};

/** `2个月后`, `10月底`, `预计12月底完成`, `next month`: not due at the next meeting. */
const LATER =
  /(?:(?<!\d)\d+|[一二三四五六两几])\s*个?(?:月|周|星期)(?:后|以后|之后)|\d{1,2}\s*月(?:[底中初份]|\d{1,2}\s*[日号])|年底|年中|下个?月|下季度|下半年|明年|待[^，,。;；]{1,15}(?:时|后|之后)|\b(?:in (?:two|three|four|a few|several|\d+) (?:weeks|months)|next (?:month|quarter|year)|end of (?:the )?(?:month|year|quarter)|later this year)\b/i;

/**
 * The previous meeting's open business, each once: tracked actions not reported done that
 * someone owns (a line without an owner in a carry-over list is as often a note as an item).
 */
function ownedOpenItems(meeting: Meeting, series: SeriesContext): MinutesItem[] {
  const seen = new Set<string>();
  const topics = meeting.items.filter((i) => i.kind === 'topic');
  return meeting.items.filter((i) => {
    if (i.kind !== 'action' || !i.tracked || i.status !== 'open' || !i.owners.length || seen.has(i.text)) return false;
    // A carried-over item that the meeting took up (as a topic, or with a note of what was said)
    // was dealt with there unless the minutes say it stays open; what is left of it is the follow-ups.
    if (i.carried && topics.some((t) => similarity(i, t, series.weights).score >= DISCUSSED)) return false;
    if (i.carried && !i.statusText && hasNotes(meeting, i)) return false;
    seen.add(i.text);
    return true;
  });
}

/** Every owned action of the meeting, whatever its state. */
function allOwned(meeting: Meeting): MinutesItem[] {
  return meeting.items.filter((i) => i.kind === 'action' && i.tracked && i.owners.length);
}

/** Put off beyond the next meeting. */
function dueLater(meeting: Meeting, item: MinutesItem): boolean {
  return LATER.test(meeting.doc.text.slice(item.block.start, item.block.end));
}

function sharesOwner(a: MinutesItem, b: MinutesItem): boolean {
  const owners = new Set(a.owners.map((o) => o.replace(/^@/, '').toLowerCase()));
  return b.owners.some((o) => owners.has(o.replace(/^@/, '').toLowerCase()));
}

function hasNotes(meeting: Meeting, item: MinutesItem): boolean {
  return meeting.doc.text.slice(item.span.end, item.block.end).trim().length > 0;
}

/**
 * The open items that resemble none of the later minutes' items (one later item may take up
 * several: `x86-64-v2编译选项社区意见收集反馈` answers two follow-ups) and are mentioned nowhere.
 */
function notTakenUp(open: MinutesItem[], later: Meeting, series: SeriesContext): MinutesItem[] {
  const windows = textWindows(later.doc);
  return open.filter(
    (item) =>
      !later.items.some((l) => similarity(item, l, series.weights).score >= CARRIED) &&
      mentionScore(item, windows, series.weights) < MENTIONED,
  );
}

function usuallyCarries(series: SeriesContext, meetings: readonly Meeting[]): boolean {
  let pairs = 0;
  let carried = 0;
  const own = series.meetings[series.index];
  for (let i = 1; i < meetings.length; i++) {
    if (meetings[i] === own) continue;
    const open = ownedOpenItems(meetings[i - 1], series).filter((item) => !dueLater(meetings[i - 1], item));
    if (!open.length || !consecutive(meetings[i - 1], meetings[i], series.cadence)) continue;
    pairs++;
    if (notTakenUp(open, meetings[i], series).length < open.length) carried++;
  }
  return pairs >= MIN_PAIRS && carried / pairs >= USUALLY_CARRIES;
}

/** The series' files are named one way this often for another name to mark a side session. */
const REGULAR_SHARE = 0.75;

/**
 * The series' regular meetings: SPDX's tech team writes `2024-06-04.md`, `2024-06-11.md`, … and,
 * in between, `2024-06-06-translation.md` for a session on one topic. Where (nearly) every file is
 * named one way, a file named that way with a word added is such a session. Without a dominant
 * name, all are regular.
 */
function regularMeetings(series: SeriesContext): Meeting[] {
  const kinds = series.meetings.map((m) => kindOf(m.path));
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const [main, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (count === series.meetings.length || count < series.meetings.length * REGULAR_SHARE) return series.meetings;
  return series.meetings.filter((_, i) => !sideName(kinds[i], main));
}

/** `#-translation` beside `#`: the regular name with a word after it (a misspelt name is still the meeting). */
const sideName = (kind: string, main: string) => kind.startsWith(main) && /^[-_ .]+\p{L}/u.test(kind.slice(main.length));

/** Where carried-over items belong in this document: its carry-over section. */
function carrySection(ctx: RuleContext): Section | undefined {
  const roles = sectionRoles(ctx.doc, ctx.template);
  return ctx.doc.sections.find((s) => roles.get(s) === 'carry');
}

function report(ctx: RuleContext, item: MinutesItem, previous: Meeting, carry: Section | undefined): void {
  const { doc } = ctx;
  const span = carry ? carry.titleSpan : doc.lines.lineSpan(0);
  const owners = item.owners.join(ctx.lang === 'zh' ? '、' : ', ');
  const name = previous.path.slice(previous.path.lastIndexOf('/') + 1);
  const line = previous.doc.lines.position(item.span.start).line + 1;
  const fixes = carry
    ? [
        {
          title: ctx.t('fix', { item: item.text }),
          // Under the section's title line; a person still writes where it stands now.
          edits: [
            {
              start: doc.lines.lineEnd(doc.lines.position(carry.heading.start).line),
              end: doc.lines.lineEnd(doc.lines.position(carry.heading.start).line),
              newText: `\n- ${carriedLine(item)}`,
            },
          ],
        },
      ]
    : [];
  ctx.report({
    span: span.end > span.start ? span : doc.lines.lineSpan(0),
    message: ctx.t(owners ? 'droppedOwned' : 'dropped', { item: item.text, owners, previous: name, line }),
    fixes,
  });
}

/** The item as a line of a carry-over list: its text, then its owners. */
export function carriedLine(item: MinutesItem): string {
  return item.owners.length ? `${item.text} -- ${item.owners.join('、')}` : item.text;
}
