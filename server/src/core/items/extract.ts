import { trimEndWhere } from '../text/trim';
import type { ListItem, Nodes } from 'mdast';
import { linkModel } from '../links/document';
import { repoName } from '../links/repos';
import type { ForgeTarget } from '../links/types';
import { findDate, formatDate } from '../model/dates';
import { columnOf, readTables, type ColumnRole, type TableCell } from '../model/tables';
import { findTopics } from '../views/topics';
import { walk } from '../model/tree';
import type { MinutesDocument, Section } from '../model/types';
import { findSections, sectionMatches } from '../views/match';
import { sectionSpecById, walkSectionSpecs } from '../templates/specs';
import type { ResolvedTemplate, SectionSpec } from '../templates/types';
import type { Span } from '../text/lines';
import { entriesIn, ITEM_LABEL, listEntry, notesOf, sectionEntries, type Entry } from './entries';
import { englishSubject, labelledOwners, OWNER_LABEL, ownerNames, trailingOwner } from './owners';
import { plainTitle, roleOf, sectionRoles, titleRole, type SectionRole } from './roles';
import { statusIn, statusInNotes } from './status';
import type { MinutesItem } from './types';

// `(due 2024-05-01)`, `due: 2024/5/1`, `（截止：2024-05-01）`, `DDL 5月1日`, `deadline 2024-05-01`,
// and a Feishu task's `@owner⏰2023-12-02 20:00`.
const DUE = /[(（]?(?<!\s)\s*(?:\b(?:due(?:\s+by|\s+on)?|deadline|ddl)\b|截止(?:日期|时间)?|期限|\u23f0)\s*[:：]?\s*/i;
/** The time of day a due date may carry: `20:00`, `18:30`. */
const DUE_TIME = /^\s*(?:[01]?\d|2[0-3])[:：][0-5]\d(?!\d)/;
/** A topic put off to the next meeting is open business of the next one. */
const PUT_OFF =
  /遗留到?下一?次|留到下一?次|[延推]迟?到下一?次|延期到下一?次|顺延到?下一?次|下次(?:TC\s*)?会议上?(?:再|继续)?(?:讨论|决策|汇报|评审|决定)|\b(?:deferred|postponed|carried over) to (?:the )?next (?:meeting|week|call)\b/i;
/** A note that concludes an item (`结论：同意SIG组成立`) closes it unless it says otherwise. */
const CONCLUSION = /^[ \t]*(?:[-*][ \t]*)?(?:\*\*)?(?:结论|决策|决议|resolution|resolved|decision)(?:\*\*)?[ \t]*[:：]/im;
/** The note New minutes writes after a carried-over item (client/src/newMinutes/carryOver.ts). */
const CARRIED_FROM = /(?<!\s)\s*(?:[—–]\s*(?:from|来自)\s+\[[^\]]*\]\([^)]*\)|[(（](?:from|来自)\s[^)）]*[)）])\s*$/i;
/** `议题：`, `议题三、`, `Topic 2:` before a topic's own words. */
const TOPIC_WORD = /^\s*(?:议题|topic)\s*[一二三四五六七八九十\d]*\s*[:：、.]?\s*/i;
/** `遗留事项跟踪：无`: the minutes say there is nothing. */
const NOTHING = /^(?:无|暂无|没有|無|none|nothing|n\/?a|nil|tbd|-+|—+)[。.]?$/i;
/** `**Recording**: <https://…>`: a labelled link in a list of links, not an item. */
const LABELLED_LINK = /^(?:\*\*|__)?[^*_:：]{1,30}(?:\*\*|__)?\s*[:：]\s*<?https?:\/\//;

interface Source {
  kind: MinutesItem['kind'];
  /** `if-owned`: open business only when someone owns it or a due date is set (a list of outcomes is not). */
  tracked: boolean | 'if-owned';
  carried: boolean;
  section?: Section;
  /** An owner written before the label: `魏刚遗留问题：…`. */
  owner?: string;
  /** Text for an entry whose own line is a label only (`责任人：@zeno` under a topic). */
  title?: string;
  /** The owner lines of the notes count too (deepin's `责任人：` under a carried item). */
  ownersInNotes?: boolean;
  /** Only the first line's links identify the item (a topic's notes link to many things). */
  headLinksOnly?: boolean;
  /** A topic put off to the next meeting. */
  putOff?: boolean;
}

const cache = new WeakMap<MinutesDocument, Map<string, MinutesItem[]>>();

/**
 * The items of one document, in document order: those of carry-over, new-item and action
 * sections; `遗留问题：` and `Action item:` lines anywhere; task boxes; topics put off to the next
 * meeting; owners named under a topic; agenda entries and work reports that link a PR or issue.
 */
export function extractItems(doc: MinutesDocument, template: ResolvedTemplate): MinutesItem[] {
  let byTemplate = cache.get(doc);
  if (!byTemplate) cache.set(doc, (byTemplate = new Map<string, MinutesItem[]>()));
  let items = byTemplate.get(template.resolvedId);
  if (!items) byTemplate.set(template.resolvedId, (items = collect(doc, template)));
  return items;
}

function collect(doc: MinutesDocument, template: ResolvedTemplate): MinutesItem[] {
  const links = linkKeys(doc);
  const roles = sectionRoles(doc, template);
  const byLine = new Map<number, MinutesItem>();
  const taken: Span[] = [];
  const add = (entry: Entry, source: Source): void => {
    const line = doc.lines.position(entry.head.start).line;
    if (byLine.has(line)) return;
    const item = buildItem(doc, entry, source, links);
    if (item) {
      byLine.set(line, item);
      taken.push(entry.block);
    }
  };

  // Sections whose entries are items.
  const specs: SectionSpec[] = [];
  walkSectionSpecs(template.sections, (spec) => specs.push(spec));
  const known = (s: Section) => roles.has(s) || specs.some((spec) => sectionMatches(s, spec));
  for (const [section, role] of roles) {
    if (role === 'skip' || roleOf(section.parent, roles)) continue;
    for (const entry of sectionEntries(doc, section, known)) add(entry, sectionSource(role, section));
  }
  const inRoleSection = (offset: number): SectionRole | undefined => roleOf(sectionAt(doc, offset), roles)?.role;

  // Labelled lines elsewhere: `遗留问题：…` inside a topic; a label alone on its line heads a list.
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    const lineText = doc.lines.lineText(line);
    const label = ITEM_LABEL.exec(lineText);
    if (!label || inside(start, taken) || inside(start, doc.verbatim) || inRoleSection(start) === 'skip') continue;
    const owner = /([\u4e00-\u9fff]{2,4})(?=遗留)/.exec(label[0])?.[1];
    const carried = /跟踪|上期|上次/.test(label[0]);
    const source: Source = { kind: 'action', tracked: true, carried, section: sectionAt(doc, start), owner };
    const rest = lineText.slice(label[0].length);
    const end = blockEnd(doc, line);
    if (rest.trim()) {
      add({ head: { start: start + label[0].length, end: doc.lines.lineEnd(line) }, block: { start, end } }, source);
    } else if (end > doc.lines.lineEnd(line)) {
      for (const entry of entriesIn(doc, { start: doc.lines.lineEnd(line) + 1, end })) add(entry, source);
    }
  }

  // Task tables (`| 事项 | 负责人 | 截止时间 | 状态 |`): a row is an item, its cells say who, when and how far.
  for (const table of readTables(doc)) {
    const column = (role: ColumnRole) => columnOf(table, role);
    const [task, owner, due, state] = [column('task'), column('owner'), column('due'), column('status')];
    if (task < 0 || (owner < 0 && due < 0 && state < 0)) continue;
    for (const row of table.rows) {
      const cell = row[task];
      if (!cell?.text || inside(cell.span.start, taken)) continue;
      const last = row[row.length - 1] ?? cell;
      const item = tableItem(doc, cell, row[owner], row[due], row[state], links, sectionAt(doc, cell.span.start));
      const line = doc.lines.position(cell.span.start).line;
      if (item && !byLine.has(line)) {
        item.block = { start: cell.span.start, end: last.span.end };
        byLine.set(line, item);
        taken.push(item.block);
      }
    }
  }

  // Task boxes anywhere. Some teams tick off their agenda with them: only an owned box is open business.
  visitTasks(doc.mdast, (node) => {
    const start = node.position!.start.offset!;
    const entry = listEntry(doc, node);
    // A quoted check list is someone else's (rfcbot's reviewers ticking their boxes).
    if (
      !entry ||
      inside(start, taken) ||
      inRoleSection(start) === 'skip' ||
      /^\s*>/.test(doc.lines.lineText(doc.lines.position(start).line))
    )
      return;
    // Its own line names it: the boxes nested below it link other things.
    add(entry, { kind: 'action', tracked: 'if-owned', carried: false, section: sectionAt(doc, start), headLinksOnly: true });
  });

  // A topic heading with an owner line below it (`责任人：@zeno`): the topic is the item.
  for (const section of doc.sections) {
    if (section.kind !== 'heading' || roleOf(section, roles)) continue;
    const ownBody = { start: section.body.start, end: section.children[0]?.heading.start ?? section.body.end };
    for (let line = doc.lines.position(ownBody.start).line; line < doc.lines.lineCount && doc.lines.lineStart(line) < ownBody.end; line++) {
      const start = doc.lines.lineStart(line);
      const lineText = doc.lines.lineText(line);
      if (
        !OWNER_LABEL.test(lineText) ||
        !/^[ \t]*(?:[-*][ \t]*)?(?:\*\*)?(?:责任人|负责人|跟进人|owners?|assignees?)/i.test(lineText) ||
        inside(start, taken)
      )
        continue;
      const hasOwner =
        doc.mentions.some((m) => m.span.start >= start && m.span.end <= doc.lines.lineEnd(line)) || labelledOwners(lineText).length > 0;
      if (!hasOwner) continue;
      add(
        { head: section.titleSpan, block: { start: section.heading.start, end: ownBody.end }, heading: true },
        { kind: 'action', tracked: true, carried: false, section, ownersInNotes: true },
      );
      break;
    }
  }

  // Topics put off to the next meeting (`-- 延到下次会议`, `问题遗留到下次 TC 会议…`).
  for (const topic of findTopics(doc, template)) {
    const text = doc.text.slice(topic.span.start, topic.span.end);
    if (!PUT_OFF.test(text) || inside(topic.heading.start, taken)) continue;
    const titleLine = doc.lines.position(topic.heading.start).line;
    const head = { start: topic.ordinal ? topic.ordinal.span.end : topic.heading.start, end: doc.lines.lineEnd(titleLine) };
    add(
      { head, block: topic.span },
      { kind: 'action', tracked: true, carried: false, section: sectionAt(doc, topic.span.start), headLinksOnly: true, putOff: true },
    );
  }

  // The other topics: the next meetings may come back to them.
  for (const topic of findTopics(doc, template)) {
    if (inside(topic.heading.start, taken)) continue;
    const titleLine = doc.lines.position(topic.heading.start).line;
    const head = { start: topic.ordinal ? topic.ordinal.span.end : topic.heading.start, end: doc.lines.lineEnd(titleLine) };
    add(
      { head, block: topic.span },
      { kind: 'topic', tracked: false, carried: false, section: sectionAt(doc, topic.span.start), headLinksOnly: true },
    );
  }
  // Plain-text agendas written as bullets (`* WEB SIG成立决策 （汇报人不在，顺延到下一次TC会议）`).
  if (doc.format === 'plaintext') {
    for (const section of agendaSections(doc, template)) {
      for (const entry of entriesIn(doc, { start: section.body.start, end: section.body.end })) {
        if (inside(entry.head.start, taken) || !/^\s*[-*•]/.test(doc.lines.lineText(doc.lines.position(entry.head.start).line))) continue;
        const putOff = PUT_OFF.test(doc.text.slice(entry.block.start, entry.block.end));
        add(entry, { kind: putOff ? 'action' : 'topic', tracked: putOff, carried: false, section, headLinksOnly: true, putOff });
      }
    }
  }

  // Agenda entries and work reports that link a PR or an issue, or name an owner and a status.
  for (const section of doc.sections) {
    const role = roleOf(section, roles);
    if (role) continue;
    if (doc.format !== 'markdown') continue;
    const ownBody = { start: section.body.start, end: section.children[0]?.heading.start ?? section.body.end };
    for (const entry of entriesIn(doc, ownBody)) {
      if (inside(entry.head.start, taken)) continue;
      const head = doc.text.slice(entry.head.start, entry.head.end);
      if (LABELLED_LINK.test(head)) continue;
      // A PR or issue, linked or written `#1754` (its repository unknown when the minutes link to many).
      const linked = links.some((l) => l.span.start >= entry.head.start && l.span.end <= entry.head.end);
      const owned =
        doc.mentions.some((m) => m.span.start >= entry.head.start && m.span.end <= entry.head.end) && statusIn(head) !== undefined;
      if (linked || owned) add(entry, { kind: 'topic', tracked: false, carried: false, section, headLinksOnly: true });
    }
  }

  const topics = findTopics(doc, template);
  for (const item of byLine.values()) {
    // A `遗留问题：` list right after a topic (outside its span when the list is a section of its own) follows up that topic.
    const topic =
      topics.find((t) => item.span.start >= t.span.start && item.span.start < t.span.end) ??
      (item.kind === 'action' ? topics.filter((t) => t.span.end <= item.span.start).pop() : undefined);
    const context = topic ? cleanText(topic.title) : item.section && !titleRole(item.section) ? item.section : undefined;
    if (context && context !== item.text) item.context = context;
  }
  return [...byLine.values()].sort((a, b) => a.span.start - b.span.start);
}

/** The sections the template's topics are in (`议题`). */
function agendaSections(doc: MinutesDocument, template: ResolvedTemplate): Section[] {
  return (template.topics?.sections ?? []).flatMap((id) => {
    const spec = sectionSpecById(template, id);
    return spec ? findSections(doc, spec) : [];
  });
}

function sectionSource(role: SectionRole, section: Section): Source {
  const carry = role === 'carry' || role === 'new';
  return { kind: 'action', tracked: carry ? true : 'if-owned', carried: role === 'carry', section, ownersInNotes: carry };
}

export interface LinkKey {
  span: Span;
  key: string;
  forge: boolean;
}

/** The PRs and issues the document links to, by where they are written. */
export function linkKeys(doc: MinutesDocument): LinkKey[] {
  const model = linkModel(doc);
  const keys: LinkKey[] = [];
  for (const l of model.links) {
    const t = l.forge?.target;
    if (t && t.kind !== 'commit') keys.push({ span: l.link.span, key: targetKey(t), forge: true });
  }
  for (const s of model.shorthands)
    keys.push({ span: s.span, key: s.target ? targetKey(s.target) : s.text.toLowerCase(), forge: s.target !== undefined });
  return keys;
}

/** `github.com/nodejs/tsc#1754`: GitHub's issues and PRs share numbers, so the kind is not part of it. */
export function targetKey(t: ForgeTarget): string {
  return `${t.host}/${repoName(t)}#${t.id}`.toLowerCase();
}

function buildItem(doc: MinutesDocument, entry: Entry, source: Source, links: LinkKey[]): MinutesItem | undefined {
  let head = doc.text.slice(entry.head.start, entry.head.end);
  const label = ITEM_LABEL.exec(head);
  if (label && !entry.heading) head = head.slice(label[0].length);
  const notes = notesOf(doc, entry);
  const headSpan = entry.head;

  const owners: string[] = [];
  const addOwner = (o: string) => {
    if (!owners.some((x) => x.toLowerCase() === o.toLowerCase())) owners.push(o);
  };
  if (source.owner) addOwner(source.owner);
  const handleSpan = source.ownersInNotes ? entry.block : headSpan;
  for (const m of doc.mentions) {
    if (m.span.start >= handleSpan.start && m.span.end <= handleSpan.end && !possessive(doc.text, m.span.end)) addOwner(`@${m.handle}`);
  }

  // `— from [2024-05-16](2024-05-16.md#L11)`, `（来自 20240221_minutes.md 第 7 行）`: where New minutes carried it from.
  let text = withoutHandles(doc, head, headSpan.start).replace(CARRIED_FROM, '');
  // `… - 熊风波、赵栩锋 -- 延到下次会议`: the put-off words stand between the text and its owners.
  if (source.putOff) text = withoutPutOff(text);
  const trailing = trailingOwner(text.trim());
  if (trailing) {
    trailing.owners.forEach(addOwner);
    text = trailing.rest;
  }
  labelledOwners(text).forEach(addOwner);
  if (source.ownersInNotes) for (const line of notes.split('\n')) labelledOwners(line).forEach(addOwner);
  text = text.replace(new RegExp(`${OWNER_LABEL.source}.*$`, 'i'), '');
  if (!owners.length && source.kind === 'action') {
    const subject = englishSubject(text);
    if (subject) addOwner(subject);
  }

  let due: string | undefined;
  const dueLabel = DUE.exec(text);
  if (dueLabel) {
    const after = text.slice(dueLabel.index + dueLabel[0].length);
    const date = findDate(after, { monthDay: true });
    if (date && !after.slice(0, date.start).trim()) {
      due = formatDate(date.date);
      const end = date.end + (DUE_TIME.exec(after.slice(date.end))?.[0].length ?? 0);
      const closing = /^\s*[)）]?/.exec(after.slice(end))![0].length;
      text = text.slice(0, dueLabel.index) + after.slice(end + closing);
    }
  }

  const status = itemStatus(entry, head, notes);
  if (status.written && status.parenthetical) text = text.replace(status.parenthetical, ' ');
  text = cleanText(text.replace(TOPIC_WORD, ''));
  if (!text) text = cleanText(source.title ?? (entry.heading ? '' : plainTitle(source.section?.title ?? '')));
  // `（本节为本次新增，会在下次例会开始前填充）`: a note about the section, in brackets.
  if (!text || NOTHING.test(text) || /^[(（][^()（）]*[)）]$/.test(text)) return undefined;

  const linkSpan = source.headLinksOnly ? headSpan : entry.block;
  const keys = [...new Set(links.filter((l) => l.span.start >= linkSpan.start && l.span.end <= linkSpan.end).map((l) => l.key))];
  const item: MinutesItem = {
    kind: source.kind,
    text,
    owners,
    status: status.status,
    links: keys,
    tracked: source.tracked === 'if-owned' ? owners.length > 0 || due !== undefined : source.tracked,
    carried: source.carried,
    span: headSpan,
    block: entry.block,
  };
  if (status.written) item.statusText = status.written;
  if (due) item.due = due;
  if (source.section) item.section = plainTitle(source.section.title);
  return item;
}

function tableItem(
  doc: MinutesDocument,
  task: TableCell,
  owner: TableCell | undefined,
  due: TableCell | undefined,
  state: TableCell | undefined,
  links: LinkKey[],
  section: Section | undefined,
): MinutesItem | undefined {
  const text = cleanText(task.text);
  if (!text || NOTHING.test(text)) return undefined;
  const owners = owner
    ? [
        ...doc.mentions.filter((m) => m.span.start >= owner.span.start && m.span.end <= owner.span.end).map((m) => `@${m.handle}`),
        ...ownerNames(owner.text.replace(/@\S+/g, ' ')),
      ]
    : [];
  const date = due ? findDate(due.text, { monthDay: true }) : undefined;
  const said = state ? statusIn(state.text) : undefined;
  const item: MinutesItem = {
    kind: 'action',
    text,
    owners,
    status: said?.status ?? 'open',
    links: [...new Set(links.filter((l) => l.span.start >= task.span.start && l.span.end <= task.span.end).map((l) => l.key))],
    tracked: owners.length > 0 || date !== undefined,
    carried: false,
    span: task.span,
    block: task.span,
  };
  if (said) item.statusText = said.text;
  if (date) item.due = formatDate(date.date);
  if (section) item.section = plainTitle(section.title);
  return item;
}

/** The status: the task box, else the last status words after the item's text or in its notes. */
function itemStatus(
  entry: Entry,
  head: string,
  notes: string,
): { status: MinutesItem['status']; written?: string; parenthetical?: string } {
  if (entry.checked !== undefined) return { status: entry.checked ? 'done' : 'open', written: entry.checked ? '[x]' : '[ ]' };
  // The task's own words (`预计10月完成开源`) are not its status: only brackets, what follows the
  // owner or link, and the notes are.
  const parenthetical = [...head.matchAll(/[(（]([^()（）]{1,40})[)）]/g)].find((m) => statusIn(m[1]));
  const afterOwner = /(?:@[^\s@()（）[\]<>]+|\)|>)\s*([^@()（）[\]<>]{1,30})$/.exec(head.trim())?.[1] ?? '';
  const said = statusInNotes(notes) ?? statusIn([parenthetical?.[1] ?? '', afterOwner].join('\n'));
  if (said) return { status: said.status, written: said.text, parenthetical: parenthetical?.[0] };
  if (CONCLUSION.test(notes))
    return { status: 'done', written: trimEndWhere(CONCLUSION.exec(notes)![0].replace(/^[\s*-]+/, ''), (ch) => /[\s:：*]/.test(ch)) };
  return { status: 'open' };
}

function withoutHandles(doc: MinutesDocument, text: string, offset: number): string {
  let out = text;
  const inside = doc.mentions.filter((m) => m.span.start >= offset && m.span.end <= offset + text.length);
  for (const m of inside.reverse()) {
    if (possessive(out, m.span.end - offset)) continue;
    out = out.slice(0, m.span.start - offset) + ' ' + out.slice(m.span.end - offset);
  }
  return out;
}

/** `Share @codebytere's audit list`: a possessive handle is part of the sentence, not an owner. */
function possessive(text: string, mentionEnd: number): boolean {
  return /^['’]s\b/.test(text.slice(mentionEnd, mentionEnd + 3));
}

/** One readable line: link syntax reduced to its text, emphasis and stray punctuation removed. */
export function cleanText(text: string): string {
  const line = text
    .replace(/!?\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\*\*|__|`/g, '')
    // `(@codebytere)`, `[@sofianguy]` once the handle is read as the owner: brackets left with nothing in them.
    .replace(/[(（[【][\s,，、&]*[)）\]】]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:：,，、;；\-–—]+/, '');
  return trimEndWhere(line, (ch) => /[\s:：,，、;；\-–—]/.test(ch)).trim();
}

/** The put-off words (`-- 延到下次会议`, `（遗留到下次`) and what follows them, from the end of an item's text. */
const PUT_OFF_TAIL = /(?:遗留到?下一?次|留到下一?次|[延推]迟?到下一?次|延期到下一?次|顺延到?下一?次)[^-–—]*$/;

function withoutPutOff(text: string): string {
  const words = PUT_OFF_TAIL.exec(text);
  if (!words) return text;
  let head = text.slice(0, words.index);
  // An open bracket before the words, never closed: `（遗留到下次`.
  const open = Math.max(head.lastIndexOf('('), head.lastIndexOf('（'));
  if (open >= 0 && !/[)）]/.test(head.slice(open))) head = head.slice(0, open);
  return trimEndWhere(head, (ch) => /[\s\-–—]/.test(ch));
}

function inside(offset: number, spans: readonly Span[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

/** The innermost section whose heading or body holds the offset. */
function sectionAt(doc: MinutesDocument, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of doc.sections) if (offset >= s.heading.start && offset < s.body.end) found = s;
  return found;
}

/** Where the text that belongs to a labelled line ends: the next blank line, item label, heading or topic. */
function blockEnd(doc: MinutesDocument, line: number): number {
  let end = doc.lines.lineEnd(line);
  for (let next = line + 1; next < doc.lines.lineCount; next++) {
    const text = doc.lines.lineText(next);
    if (!text.trim() || ITEM_LABEL.test(text) || /^(?:#{1,6}\s|议题)/.test(text)) break;
    end = doc.lines.lineEnd(next);
  }
  return end;
}

function visitTasks(root: Nodes, found: (item: ListItem) => void): void {
  walk(root, (node) => {
    if (node.type === 'listItem' && typeof node.checked === 'boolean' && node.position) found(node);
  });
}
