import type { List, ListItem, Nodes } from 'mdast';
import { findFields, findSections, sectionSpecById } from '../templates/match';
import type { ResolvedTemplate } from '../templates/types';
import type { Span } from '../text/lines';
import type { Field, MinutesDocument, Section } from './types';

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
  /** The field or section the item was found in. */
  source: { kind: 'field' | 'section'; id: string };
  /**
   * Which meeting the item belongs to, counted from 0. A file that consolidates several meetings
   * repeats the attendee fields: each repetition of a list starts the next meeting.
   */
  meeting: number;
}

/**
 * The attendees of a document, in document order, from the template's `attendees` spec:
 * `fields` whose values are lists (`与会人：张三、李四`) and `sections` whose list items are
 * people (Node.js TSC's `## Present`). Empty when the template names no attendee list.
 */
export function listAttendees(doc: MinutesDocument, template: ResolvedTemplate): Attendee[] {
  const spec = template.attendees;
  if (!spec) return [];
  const lists: Array<{ at: number; key: string; items: Attendee[] }> = [];
  for (const id of spec.fields ?? []) {
    const fieldSpec = template.fields?.find((f) => f.id === id);
    if (!fieldSpec) continue;
    for (const { field } of findFields(doc, fieldSpec)) {
      lists.push({ at: field.span.start, key: `field:${id}`, items: fieldAttendees(doc, field, id) });
    }
  }
  for (const id of spec.sections ?? []) {
    const sectionSpec = sectionSpecById(template, id);
    if (!sectionSpec) continue;
    for (const section of findSections(doc, sectionSpec)) {
      lists.push({ at: section.heading.start, key: `section:${id}`, items: sectionAttendees(doc, section, id) });
    }
  }
  lists.sort((a, b) => a.at - b.at);
  let meeting = 0;
  let seen = new Set<string>();
  const out: Attendee[] = [];
  for (const list of lists) {
    if (seen.has(list.key)) {
      meeting++;
      seen = new Set();
    }
    seen.add(list.key);
    for (const item of list.items) out.push({ ...item, meeting });
  }
  return out;
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

// ---------------------------------------------------------------------------------------------
// Field values: `张三、李四，王五, Xiaosu Li; 赵六`

interface Piece {
  start: number;
  end: number;
}

/**
 * A field's list runs on following lines when the label line leaves it open: an empty value
 * (`与会人：` then the names below) or one that ends with a separator. Those lines belong to the
 * list until a blank line or the next field.
 */
function fieldLines(doc: MinutesDocument, field: Field): Span[] {
  const spans: Span[] = [field.valueSpan];
  const value = field.value;
  if (value && !/[、，,;；.．]\s*$/.test(value)) return spans;
  const fieldLineStarts = new Set(doc.fields.map((f) => doc.lines.position(f.span.start).line));
  const headingLines = new Set(doc.sections.map((s) => doc.lines.position(s.heading.start).line));
  for (let line = doc.lines.position(field.valueSpan.end).line + 1; line < doc.lines.lineCount; line++) {
    const text = doc.lines.lineText(line);
    if (!text.trim() || fieldLineStarts.has(line) || headingLines.has(line)) break;
    spans.push(doc.lines.lineSpan(line));
  }
  return spans;
}

function fieldAttendees(doc: MinutesDocument, field: Field, id: string): Attendee[] {
  const pieces: Piece[] = [];
  for (const span of fieldLines(doc, field)) {
    // A bullet marker on a continuation line is not part of a name.
    const marker = /^[ \t]*(?:[-*+][ \t]+)?/.exec(doc.text.slice(span.start, span.end))![0].length;
    pieces.push(...splitList(doc.text, span.start + marker, span.end));
  }
  const attendees: Attendee[] = [];
  pieces.forEach((piece, i) => {
    const attendee = describe(doc.text, piece, listRemoval(doc, pieces, i), { kind: 'field', id });
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

const OPENERS = '(（[【<《「';
const CLOSERS = ')）]】>》」';
const HARD_SEPARATORS = new Set(['、', '，', ',', ';', '；', '。', '．']);
const SPACE = /\s/;
const LATIN = /[A-Z0-9'’.-]/i;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Splits `text[start, end)` into the spans of its items. Separators: `、，,;；。．`, an ASCII
 * period followed by a space (`王志钢. 赵川峰`), and spaces between Chinese names. Spaces inside
 * Latin names (`Xiaosu Li`), before remarks (`张三 (Huawei)`, `张三 @zhangsan`) and inside a
 * name spelled with a space (`石 勇`) do not split. Nothing splits inside brackets.
 */
export function splitList(text: string, start: number, end: number): Piece[] {
  const hard: Piece[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (HARD_SEPARATORS.has(c) || (c === '.' && (i + 1 === end || SPACE.test(text[i + 1])) && !isInitial(text, i)))) {
      hard.push({ start: from, end: i });
      from = i + 1;
    }
  }
  hard.push({ start: from, end });
  return hard.flatMap((p) => splitOnSpaces(text, p)).map(trim(text)).filter((p) => p.end > p.start);
}

/** `J. Smith`: a period after a single capital is an initial, not a separator. */
function isInitial(text: string, i: number): boolean {
  return /[A-Z]/.test(text[i - 1] ?? '') && !/[A-Z]/i.test(text[i - 2] ?? '');
}

function splitOnSpaces(text: string, piece: Piece): Piece[] {
  const tokens: Piece[] = [];
  let depth = 0;
  let tokenStart = -1;
  for (let i = piece.start; i < piece.end; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    if (SPACE.test(c) && depth === 0) {
      if (tokenStart >= 0) tokens.push({ start: tokenStart, end: i });
      tokenStart = -1;
    } else if (tokenStart < 0) tokenStart = i;
  }
  if (tokenStart >= 0) tokens.push({ start: tokenStart, end: piece.end });
  if (tokens.length <= 1) return [piece];
  const merged: Piece[] = [tokens[0]];
  for (const token of tokens.slice(1)) {
    const last = merged[merged.length - 1];
    if (belongTogether(text, last, token)) last.end = token.end;
    else merged.push({ ...token });
  }
  return merged;
}

function belongTogether(text: string, left: Piece, right: Piece): boolean {
  const before = text[left.end - 1];
  const after = text[right.start];
  const rightText = text.slice(right.start, right.end);
  if (LATIN.test(before) && LATIN.test(after)) return true;
  // Remarks, handles and addresses qualify the name before them.
  if (OPENERS.includes(after) || after === '@' || /^[\w.+-]+@[\w-]+\./.test(rightText) || after === '-' || after === '—') return true;
  // `石 勇`, `王 建民`: a lone character before a name is a surname written with a space.
  return left.end - left.start === 1 && CJK.test(before) && CJK.test(after);
}

function trim(text: string) {
  return (p: Piece): Piece => {
    let { start, end } = p;
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    return { start, end };
  };
}

const HANDLE = /(?<![\w.@])@([A-Z0-9][\w.-]*\w|[A-Z0-9])/i;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const REMARK = /[(（[【<《「][^)）\]】>》」]*[)）\]】>》」]?/g;

function describe(text: string, piece: Piece, removal: Span, source: Attendee['source']): Attendee | undefined {
  const itemText = text.slice(piece.start, piece.end);
  const withoutMail = itemText.replace(EMAIL, ' ');
  const handle = HANDLE.exec(withoutMail)?.[1];
  const name = withoutMail
    .replace(REMARK, ' ')
    .replace(new RegExp(HANDLE.source, `${HANDLE.flags}g`), ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|(?<![\s\p{P}])[\s\p{P}]+$/gu, '')
    .trim();
  if (!name && !handle) return undefined;
  return { text: itemText, name, handle, span: { start: piece.start, end: piece.end }, removal, source, meeting: 0 };
}

// ---------------------------------------------------------------------------------------------
// Sections: `## Present` followed by `* Joyee Cheung @joyeecheung (voting member)`

function sectionAttendees(doc: MinutesDocument, section: Section, id: string): Attendee[] {
  const body = { start: section.heading.end, end: section.body.end };
  const items = topLevelListItems(doc.mdast as Nodes, body);
  if (!items.length) return paragraphAttendees(doc, body, id);
  const attendees: Attendee[] = [];
  for (const item of items) {
    const first = item.children[0];
    const span = first?.position && { start: first.position.start.offset!, end: first.position.end.offset! };
    if (!span || !item.position) continue;
    // Only the first line names the person; further lines are notes.
    const lineEnd = doc.lines.lineEnd(doc.lines.position(span.start).line);
    const piece = trim(doc.text)({ start: span.start, end: Math.min(span.end, lineEnd) });
    const firstLine = doc.lines.position(item.position.start.offset!).line;
    const lastLine = doc.lines.position(item.position.end.offset!).line;
    const removal = { start: doc.lines.lineStart(firstLine), end: doc.lines.lineStart(lastLine + 1) };
    if (lastLine + 1 >= doc.lines.lineCount) removal.end = doc.text.length;
    const attendee = describe(doc.text, piece, removal, { kind: 'section', id });
    if (attendee) attendees.push(attendee);
  }
  return attendees;
}

/** List items of the lists directly in `body` (not the nested ones, which are notes about a person). */
function topLevelListItems(root: Nodes, body: Span): ListItem[] {
  const items: ListItem[] = [];
  const visit = (node: Nodes): void => {
    const p = node.position;
    if (!p || p.end.offset! <= body.start || p.start.offset! >= body.end) return;
    if (node.type === 'list') {
      if (p.start.offset! >= body.start) {
        items.push(...(node as List).children.filter((c) => c.position && c.position.start.offset! < body.end));
        return;
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  return items;
}

/** A section whose body is a line of names (`## 与会人` then `张三、李四`). */
function paragraphAttendees(doc: MinutesDocument, body: Span, id: string): Attendee[] {
  const pieces: Piece[] = [];
  const first = doc.lines.position(body.start).line;
  const last = doc.lines.position(body.end).line;
  for (let line = first; line <= last && line < doc.lines.lineCount; line++) {
    const span = doc.lines.lineSpan(line);
    if (span.start < body.start || span.start >= body.end) continue;
    const text = doc.lines.lineText(line);
    // Only plain lines of text: no headings, comments, quotes or tables.
    if (!text.trim() || /^\s*(?:[#<>|]|```|~~~)/.test(text)) continue;
    pieces.push(...splitList(doc.text, span.start, span.end));
  }
  const attendees: Attendee[] = [];
  pieces.forEach((piece, i) => {
    const attendee = describe(doc.text, piece, listRemoval(doc, pieces, i), { kind: 'section', id });
    if (attendee) attendees.push(attendee);
  });
  return attendees;
}
