import type { ListItem, Nodes, Table } from 'mdast';
import { findFields, findSections } from './match';
import { sectionSpecById } from '../templates/specs';
import type { ResolvedTemplate } from '../templates/types';
import type { Span } from '../text/lines';
import { isAttendanceLabel } from '../model/attendance';
import { isPlausiblePerson, isProse, readPerson, splitList, trimPiece, type Piece } from '../model/name-list';
import { columnOf, columnRole, readTable, readTables, type ReadTable, type TableCell } from '../model/tables';
import { valueLines } from '../model/fields';
import { walk } from '../model/tree';
import type { Field, MinutesDocument, Section } from '../model/types';
import { normalizeName } from '../text/names';
import { trimEndWhere } from '../text/trim';

export { splitList } from '../model/name-list';

/** One person named in the attendee list of a document. */
export interface Attendee {
  /** The item as written (`张智博`, `Joyee Cheung @joyeecheung (voting member)`). */
  text: string;
  /** The person's name without remarks, handles or addresses (`Joyee Cheung`); may be empty. */
  name: string;
  /** The @handle without `@`, when the item gives one. */
  handle?: string;
  /** Where the item is written. */
  span: Span;
  /** What to delete to remove the item from its list: the item with one separator, or its whole line. */
  removal: Span;
  /**
   * The field or section the item was found in: a template's id, or `attendance:<label>` for
   * a list found by its name alone (`## 与会人员`, `**Remote attendees:**`, `| 出席 | … |`).
   */
  source: { kind: 'field' | 'section'; id: string };
  /**
   * Which meeting the item belongs to, counted from 0. A file that consolidates several meetings
   * repeats the attendee fields: each repetition of a list starts the next meeting.
   */
  meeting: number;
}

interface AttendeeList {
  at: number;
  /** For a list found by its name on a `label：value` line, that label. */
  fieldLabel?: string;
  /** Where the list is written: a list of the template and one found by its name are the same list when these meet. */
  region: Span;
  key: string;
  items: Attendee[];
}

/**
 * The attendees of a document, in document order: the lists the template's `attendees` spec
 * names (`fields` whose values are lists, `sections` whose items are people), and the lists any
 * minutes call attendance (`model/attendance.ts`), whatever the template knows. Items that
 * cannot be a person (`7/7`, a sentence about how many came) are left out.
 */
export function listAttendees(doc: MinutesDocument, template: ResolvedTemplate): Attendee[] {
  // One list found twice (the template's `与会人` field is also called attendance) counts once.
  const lists: AttendeeList[] = [];
  const known = templateFieldLabels(template);
  for (const list of [...templateLists(doc, template), ...namedLists(doc)]) {
    if (lists.some((l) => overlaps(l.region, list.region))) continue;
    // Where the template reads the field itself (`与会人` in the header only), it decides.
    if (list.fieldLabel !== undefined && known.has(normalizeName(list.fieldLabel))) continue;
    lists.push(list);
  }
  lists.sort((a, b) => a.at - b.at);
  let meeting = 0;
  let seen = new Set<string>();
  let rosters = new Set<string>();
  let named = new Set<string>();
  let firstNames = new Set<string>();
  const out: Attendee[] = [];
  for (const list of lists) {
    const people = list.items.filter(isPlausiblePerson);
    if (!people.length) continue;
    const names = people.map((p) => comparableName(p.name) || `@${p.handle}`);
    // Minutes written twice, in English and then in Chinese (`Participants:` … `参会人：`), name
    // the same people again under another label: a second copy of the list, not people listed twice.
    const roster = people.length > 1 ? names.join('\n') : '';
    if (seen.has(list.key) || rosters.has(roster) || restatesAttendance(names, named, firstNames)) {
      meeting++;
      seen = new Set();
      rosters = new Set();
      named = new Set();
      firstNames = new Set();
    }
    seen.add(list.key);
    if (roster) rosters.add(roster);
    for (const name of names) named.add(name);
    for (const person of people) {
      const words = person.name.trim().split(/\s+/);
      if (words.length > 1) firstNames.add(words[0].toLowerCase());
    }
    for (const item of people) out.push({ ...item, meeting });
  }
  return out;
}

/**
 * `## Attendees` (who was invited) and, under `## Notes`, `Participants: …` (who came): a second
 * attendance list that names mostly the same people again is the attendance told twice, not
 * people listed twice. Lists of other people that share one name (a guest also under members)
 * stay one meeting, and that name a duplicate. A name of one word counts as named again when it is
 * the first name of someone listed before.
 */
function restatesAttendance(names: readonly string[], named: ReadonlySet<string>, firstNames: ReadonlySet<string>): boolean {
  // `- Boris Blitvin (AWS)` … then, in the notes, `Participants: Boris, Frederick, Tommy, Abhishek, and Alex`:
  // a list by first names names the same people again.
  const again = names.filter((n) => named.has(n) || firstNames.has(n)).length;
  return again >= 2 && again * 2 >= names.length;
}

/** Do two items name the same person? Handles decide when both have one; else the names do. */
export function samePerson(a: Attendee, b: Attendee): boolean {
  if (a.handle && b.handle) return a.handle.toLowerCase() === b.handle.toLowerCase();
  const name = comparableName(a.name);
  return name.length > 0 && name === comparableName(b.name);
}

function comparableName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/**
 * The attendees seen so far, found by handle and by name as `samePerson` compares them: in
 * constant time, where comparing each new attendee with every earlier one made a list of
 * 20,000 names take minutes.
 */
export class AttendeeIndex {
  private readonly byHandle = new Map<string, Attendee>();
  private readonly byName = new Map<string, Attendee>();
  private readonly byNameWithoutHandle = new Map<string, Attendee>();

  /** The earliest attendee added that `samePerson` matches with `a`. */
  find(a: Attendee): Attendee | undefined {
    const name = comparableName(a.name);
    if (!a.handle) return name ? this.byName.get(name) : undefined;
    const byHandle = this.byHandle.get(a.handle.toLowerCase());
    const byName = name ? this.byNameWithoutHandle.get(name) : undefined;
    if (!byHandle || !byName) return byHandle ?? byName;
    return byHandle.span.start <= byName.span.start ? byHandle : byName;
  }

  add(a: Attendee): void {
    const name = comparableName(a.name);
    if (a.handle && !this.byHandle.has(a.handle.toLowerCase())) this.byHandle.set(a.handle.toLowerCase(), a);
    if (!name) return;
    if (!this.byName.has(name)) this.byName.set(name, a);
    if (!a.handle && !this.byNameWithoutHandle.has(name)) this.byNameWithoutHandle.set(name, a);
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The labels of the template's own attendee fields. */
function templateFieldLabels(template: ResolvedTemplate): Set<string> {
  const labels = new Set<string>();
  for (const id of template.attendees?.fields ?? []) {
    for (const label of template.fields?.find((f) => f.id === id)?.labels ?? []) labels.add(normalizeName(label));
  }
  return labels;
}

function templateLists(doc: MinutesDocument, template: ResolvedTemplate): AttendeeList[] {
  const spec = template.attendees;
  if (!spec) return [];
  const lists: AttendeeList[] = [];
  for (const id of spec.fields ?? []) {
    const fieldSpec = template.fields?.find((f) => f.id === id);
    if (!fieldSpec) continue;
    for (const { field } of findFields(doc, fieldSpec)) lists.push(fieldList(doc, field, { kind: 'field', id }));
  }
  for (const id of spec.sections ?? []) {
    const sectionSpec = sectionSpecById(template, id);
    if (!sectionSpec) continue;
    for (const section of findSections(doc, sectionSpec)) lists.push(sectionList(doc, section, { kind: 'section', id }));
  }
  return lists;
}

/** Lists called attendance by their heading, their label, or the first cell of their table row. */
function namedLists(doc: MinutesDocument): AttendeeList[] {
  // The most specific first: a labelled line or row inside an attendance section is read as such.
  const lists: AttendeeList[] = [];
  for (const field of doc.fields) {
    if (field.source === 'line' && isAttendanceLabel(field.label))
      lists.push({ ...fieldList(doc, field, namedSource('field', field.label)), fieldLabel: field.label });
  }
  lists.push(...rowLabelledLists(doc));
  for (const section of doc.sections) {
    if (isAttendanceLabel(section.title)) lists.push(sectionList(doc, section, namedSource('section', section.title)));
  }
  return lists;
}

function namedSource(kind: Attendee['source']['kind'], label: string): Attendee['source'] {
  return { kind, id: `attendance:${trimEndWhere(label, (c) => /[\s:：]/.test(c)).toLowerCase()}` };
}

// ---------------------------------------------------------------------------------------------
// Fields: `与会人：张三、李四`, `Attendees: *Ken* M., *Jeff* L.,` (continued below), or a label
// alone (`**Remote attendees:**`, `Participants:`) with the list, or a table, after it.

function fieldList(doc: MinutesDocument, field: Field, source: Attendee['source']): AttendeeList {
  const block = field.value ? undefined : blockAfter(doc, field.span.end);
  if (block) {
    const region = { start: field.span.start, end: block.end };
    return { at: field.span.start, region, key: `${source.kind}:${source.id}`, items: regionAttendees(doc, block, source) };
  }
  const spans = valueLines(doc, field);
  const pieces: Piece[] = [];
  for (const span of spans) {
    // A bullet marker on a continuation line is not part of a name.
    const marker = /^[ \t]*(?:[-*+][ \t]+)?/.exec(doc.text.slice(span.start, span.end))![0].length;
    pieces.push(...namesIn(doc.text, span.start + marker, span.end));
  }
  const items = piecesToAttendees(doc, pieces, source);
  return {
    at: field.span.start,
    region: { start: field.span.start, end: spans[spans.length - 1].end },
    key: `${source.kind}:${source.id}`,
    items,
  };
}

/**
 * The list or table that follows a label standing alone (blank lines allowed before it), up
 * to the end of that block. Undefined when a paragraph or a heading comes first.
 */
function blockAfter(doc: MinutesDocument, offset: number): Span | undefined {
  const block = (doc.mdast.children as Nodes[]).find((n) => (n.position?.start.offset ?? -1) >= offset);
  const nested = block ?? blockInside(doc.mdast, offset);
  if (!nested?.position || (nested.type !== 'list' && nested.type !== 'table')) return undefined;
  const between = doc.text.slice(offset, nested.position.start.offset);
  if (between.trim()) return undefined;
  return { start: nested.position.start.offset!, end: nested.position.end.offset! };
}

/** The first list or table starting at or after the offset anywhere in the tree (a label inside a list item). */
function blockInside(root: Nodes, offset: number): Nodes | undefined {
  let found: Nodes | undefined;
  walk(root, (node) => {
    const start = node.position?.start.offset ?? -1;
    if ((node.type === 'list' || node.type === 'table') && start >= offset) {
      found = node;
      return 'stop';
    }
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Sections: `## Present` followed by `* Joyee Cheung @joyeecheung (voting member)`, a line of
// names, a table, or sub-lists (`* Team members: a, b` / `* Others: c`).

// Sub-headings that go on listing who attended (`### Voting members`, `### 列席`), and those that do not.
const PEOPLE_GROUP = /member|observer|guest|voting|staff|team|委员|成员|嘉宾|列席|旁听/i;
const NOT_ATTENDING = /请假|缺席|未到|absent|regrets|apolog|excused|agenda|议程|议题/i;

function sectionList(doc: MinutesDocument, section: Section, source: Attendee['source']): AttendeeList {
  // The section's own content and its groups of people: `### 已请假人员` or `### Agenda` ends it.
  const stop = section.children.find((c) => !PEOPLE_GROUP.test(c.title) || NOT_ATTENDING.test(c.title));
  const end = boldPartStart(doc, section.heading.end, stop ? stop.heading.start : section.body.end);
  const body = { start: section.heading.end, end };
  return {
    at: section.heading.start,
    region: { start: section.heading.start, end },
    key: `${source.kind}:${source.id}`,
    items: regionAttendees(doc, body, source),
  };
}

/**
 * Where a line in bold alone that names no attendance (`**Agenda Items**` after the list of
 * `### Other attendees`) starts the next part of minutes written without headings; `end` if none.
 * A bold line of a name (`**Ana Silva**`) or a group (`**Guests**`) goes on with the list.
 */
function boldPartStart(doc: MinutesDocument, start: number, end: number): number {
  for (let line = doc.lines.position(start).line + 1; line < doc.lines.lineCount; line++) {
    const at = doc.lines.lineStart(line);
    if (at >= end) break;
    const text = doc.lines.lineText(line);
    if (BOLD_LINE.test(text) && NOT_ATTENDING.test(text)) return at;
  }
  return end;
}

/** The people of a region: its table, its top-level list items, or its lines of names. */
function regionAttendees(doc: MinutesDocument, region: Span, source: Attendee['source']): Attendee[] {
  const table = firstTable(doc.mdast, region);
  if (table) return tableAttendees(doc, table, source);
  const items = topLevelListItems(doc.mdast, region);
  if (!items.length) return paragraphAttendees(doc, region, source);
  return items.flatMap((item) => listItemAttendees(doc, item, source));
}

// `Team members: nikomatsakis, pnkfelix`, `Others：张三`, `**TOC:** Lea Marsh`: a label (with the
// emphasis closing after its colon), then names.
const LINE_LABEL = /^[^:：@(（\n]{1,30}[:：](?:\*\*|__|\*|_)?[ \t]*(?=\S)/;

/** Where the names start on a line that may begin with a label. */
function afterLabel(text: string, piece: Piece): number {
  const labelled = LINE_LABEL.exec(text.slice(piece.start, piece.end));
  return labelled && !/^https?[:：]/i.test(labelled[0]) ? piece.start + labelled[0].length : piece.start;
}

function listItemAttendees(doc: MinutesDocument, item: ListItem, source: Attendee['source']): Attendee[] {
  const first = item.children[0];
  const span = first?.position && { start: first.position.start.offset!, end: first.position.end.offset! };
  if (!span || !item.position) return [];
  // Only the first line names the person; further lines are notes.
  const lineEnd = doc.lines.lineEnd(doc.lines.position(span.start).line);
  const piece = trimPiece(doc.text)({ start: span.start, end: Math.min(span.end, lineEnd) });
  const firstLine = doc.lines.position(item.position.start.offset!).line;
  const lastLine = doc.lines.position(item.position.end.offset!).line;
  const removal = { start: doc.lines.lineStart(firstLine), end: doc.lines.lineStart(lastLine + 1) };
  if (lastLine + 1 >= doc.lines.lineCount) removal.end = doc.text.length;
  // `* Team members: nikomatsakis, pnkfelix`: a labelled line of names. An item of one person goes
  // whole with that person (`- **TOC:** Lea Marsh`, its label too).
  const names = afterLabel(doc.text, piece);
  const pieces = names > piece.start ? namesIn(doc.text, names, piece.end) : [piece];
  if (pieces.length !== 1) return piecesToAttendees(doc, pieces, source);
  const attendee = toAttendee(doc.text, pieces[0], removal, source);
  return attendee ? [attendee] : [];
}

/** List items of the lists directly in `body` (not the nested ones, which are notes about a person). */
function topLevelListItems(root: Nodes, body: Span): ListItem[] {
  const items: ListItem[] = [];
  walk(root, (node) => {
    const p = node.position;
    if (!p || p.end.offset! <= body.start || p.start.offset! >= body.end) return 'skip';
    if (node.type === 'list' && p.start.offset! >= body.start) {
      items.push(...node.children.filter((c) => c.position && c.position.start.offset! < body.end));
      return 'skip';
    }
  });
  return items;
}

/** A section whose body is a line of names (`## 与会人` then `张三、李四`). */
function paragraphAttendees(doc: MinutesDocument, body: Span, source: Attendee['source']): Attendee[] {
  const lines: Array<{ span: Span; labelled: boolean; pieces: Piece[] }> = [];
  const first = doc.lines.position(body.start).line;
  const last = doc.lines.position(body.end).line;
  for (let line = first; line <= last && line < doc.lines.lineCount; line++) {
    const span = doc.lines.lineSpan(line);
    if (span.start < body.start || span.start >= body.end) continue;
    const text = doc.lines.lineText(line);
    // A line in bold alone (`**议题1、新建sig仓**`) starts the next part of minutes without headings.
    if (lines.length && BOLD_LINE.test(text)) break;
    // Only plain lines of text: no headings, comments, quotes or tables, and no label that
    // introduces what follows (`会议结论：`).
    if (!text.trim() || /^\s*(?:[#<>|]|```|~~~)/.test(text) || /[:：]\s*$/.test(text)) continue;
    const names = afterLabel(doc.text, span);
    lines.push({ span, labelled: names > span.start, pieces: namesIn(doc.text, names, span.end) });
  }
  if (!onePersonPerLine(doc.text, lines))
    return piecesToAttendees(
      doc,
      lines.flatMap((l) => l.pieces),
      source,
    );
  return lines.flatMap(({ span, pieces }) => {
    const attendee = pieces.length
      ? toAttendee(doc.text, pieces[0], { start: span.start, end: doc.lines.lineEnd(doc.lines.position(span.start).line) }, source)
      : undefined;
    return attendee ? [attendee] : [];
  });
}

const BOLD_LINE = /^\s*(\*\*|__)(?:(?!\1).)+\1\s*$/;

/**
 * `Tierney Cyren(@bnb), member` / `Pooya Paridel, observer` / `Sarah Novotny, Node.js Board of
 * Directors, observer`: lines of one person each, the words after the name a role or an
 * affiliation that several lines share. Such a word is no second person on every line.
 */
function onePersonPerLine(text: string, lines: ReadonlyArray<{ labelled: boolean; pieces: Piece[] }>): boolean {
  if (lines.length < 2 || lines.some((l) => l.labelled)) return false;
  const firsts = new Set<string>();
  const laterOn = new Map<string, number>();
  for (const { pieces } of lines) {
    if (pieces[0]) firsts.add(comparable(text, pieces[0]));
    for (const later of new Set(pieces.slice(1).map((p) => comparable(text, p)))) laterOn.set(later, (laterOn.get(later) ?? 0) + 1);
  }
  return [...laterOn].some(([words, count]) => count >= 2 && !firsts.has(words));
}

const comparable = (text: string, piece: Piece) => text.slice(piece.start, piece.end).trim().toLowerCase();

// ---------------------------------------------------------------------------------------------
// Tables: a table of people (`| Name | Abbreviation | Organization |`, the name column read), or
// a row whose first cell is the label (`| **出席** | **Heshan Du, Yiming Tang, <br>Yani Huang** |`).

function firstTable(root: Nodes, region: Span): Table | undefined {
  let found: Table | undefined;
  walk(root, (node) => {
    if (!node.position) return 'skip';
    const { start, end } = { start: node.position.start.offset!, end: node.position.end.offset! };
    if (end <= region.start || start >= region.end) return 'skip';
    if (node.type === 'table' && start >= region.start) {
      found = node;
      return 'stop';
    }
  });
  return found;
}

function tableAttendees(doc: MinutesDocument, node: Table, source: Attendee['source']): Attendee[] {
  const table = readTable(doc, node);
  if (!table) return [];
  // A table whose first cell labels the row is the other shape: the names are in the row.
  if (table.headers.length && isAttendanceLabel(table.headers[0].text)) return labelledRowAttendees(doc, table.headers.slice(1), source);
  const nameColumn = namesColumn(table);
  const handleColumn = columnOf(table, 'handle');
  const out: Attendee[] = [];
  for (const row of table.rows) {
    const cell = row[nameColumn];
    if (!cell || cell.span.end <= cell.span.start) continue;
    const line = doc.lines.position(cell.span.start).line;
    const removal = {
      start: doc.lines.lineStart(line),
      end: line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length,
    };
    const attendee = toAttendee(doc.text, cell.span, removal, source);
    if (!attendee) continue;
    const handle = handleColumn >= 0 ? row[handleColumn]?.text.replace(/^@/, '') : undefined;
    if (handle && /^[A-Z0-9][\w.-]*$/i.test(handle)) attendee.handle ??= handle;
    out.push(attendee);
  }
  return out;
}

/**
 * The column of names: the one its header calls so, else the first column with a header no other
 * role claims (`|  | Who |`: a first column without a header holds presence marks, `x`).
 */
function namesColumn(table: ReadTable): number {
  const named = columnOf(table, 'name');
  if (named >= 0) return named;
  const unclaimed = table.headers.findIndex((h) => h.text !== '' && columnRole(h.text) === undefined);
  return Math.max(0, unclaimed);
}

/** `| 出席 | a, b |` rows anywhere in the document (and a table whose header row is one). */
function rowLabelledLists(doc: MinutesDocument): AttendeeList[] {
  const lists: AttendeeList[] = [];
  for (const table of readTables(doc)) {
    for (const [label, ...values] of [table.headers, ...table.rows]) {
      if (!label || !values.length || !isAttendanceLabel(label.text)) continue;
      const source = namedSource('field', label.text);
      const line = doc.lines.position(label.span.start).line;
      const region = doc.lines.lineSpan(line);
      lists.push({ at: region.start, region, key: `${source.kind}:${source.id}`, items: labelledRowAttendees(doc, values, source) });
    }
  }
  return lists;
}

function labelledRowAttendees(doc: MinutesDocument, cells: TableCell[], source: Attendee['source']): Attendee[] {
  return piecesToAttendees(
    doc,
    cells.flatMap((cell) => namesIn(doc.text, cell.span.start, cell.span.end)),
    source,
  );
}

// ---------------------------------------------------------------------------------------------

/** The items of a run of names; none when the run is a sentence about the attendance. */
function namesIn(text: string, start: number, end: number): Piece[] {
  return isProse(text.slice(start, end)) ? [] : splitList(text, start, end);
}

function piecesToAttendees(doc: MinutesDocument, pieces: Piece[], source: Attendee['source']): Attendee[] {
  const attendees: Attendee[] = [];
  pieces.forEach((piece, i) => {
    const attendee = toAttendee(doc.text, piece, listRemoval(doc, pieces, i), source);
    if (attendee) attendees.push(attendee);
  });
  return attendees;
}

/** The item and the separator after it; for the last item, the separator before it. Never past its line. */
function listRemoval(doc: MinutesDocument, pieces: Piece[], i: number): Span {
  const piece = pieces[i];
  const line = doc.lines.position(piece.start).line;
  const next = pieces[i + 1];
  if (next && doc.lines.position(next.start).line === line) return { start: piece.start, end: next.start };
  const previous = pieces[i - 1];
  if (previous && doc.lines.position(previous.end).line === line) return { start: previous.end, end: piece.end };
  // Alone on its line: take the separator that follows it on the line.
  return { start: piece.start, end: doc.lines.lineEnd(line) };
}

function toAttendee(text: string, piece: Piece, removal: Span, source: Attendee['source']): Attendee | undefined {
  const person = readPerson(text.slice(piece.start, piece.end));
  return person && { ...person, span: { start: piece.start, end: piece.end }, removal, source, meeting: 0 };
}
