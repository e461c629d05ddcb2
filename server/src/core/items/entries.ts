import type { ListItem } from 'mdast';
import { readOrdinal } from '../model/ordinal';
import type { MinutesDocument, Section } from '../model/types';
import { listItems } from '../summary/spans';
import type { Span } from '../text/lines';
import { labelledOwners, trailingOwner } from './owners';

/**
 * One entry of a list of items, however it is written: a Markdown list item, a numbered or
 * bulleted line of plain-text minutes, a line that names its owner, or a `###` heading (deepin's
 * carried-over items). The entry's first line is the item; the lines below it are its notes.
 */
export interface Entry {
  /** The first line, from its text (after the marker) to the end of the line. */
  head: Span;
  /** The entry with its notes. */
  block: Span;
  /** A task-list box: `[x]` true, `[ ]` false. */
  checked?: boolean;
  /** An entry that is a heading (its section's body holds the notes). */
  heading?: boolean;
}

/** `- `, `* `, `1.`, `1、`, `a.`, `(1)`, `一、`, with an optional task box after it; not `12.04：` (a date). */
const MARKER =
  /^([ \t]*)((?:[-*+•·][ \t]+|\d{1,2}[ \t]*(?:[、)）]|\.(?!\d))[ \t]*|[a-z][.、)][ \t]+|[(（][ \t]*\d{1,2}[ \t]*[)）][ \t]*|[一二三四五六七八九十]{1,3}[ \t]*[、.][ \t]*)(\[[ x]\][ \t]+)?)/i;

/** The entries of a section's own text (up to its first subsection) or of its subsections. */
export function sectionEntries(doc: MinutesDocument, section: Section, known: (s: Section) => boolean): Entry[] {
  const headings = section.children.filter((c) => c.kind === 'heading');
  const ownEnd = headings.length
    ? headings[0].heading.start
    : section.kind === 'label'
      ? labelSectionEnd(doc, section, known)
      : section.body.end;
  const own = entriesIn(doc, { start: section.body.start, end: ownEnd });
  const fromHeadings = headings.map((child): Entry => ({
    head: child.titleSpan,
    block: { start: child.heading.start, end: child.body.end },
    heading: true,
  }));
  return [...own, ...fromHeadings];
}

/**
 * Where the list of a plain-text label section (`遗留问题：`) ends. Not at the next label: an
 * item's notes have labels of their own (`* KABI：`, `讨论：`). It ends at the next section the
 * template or the item roles know (`议题：`), or at a blank line followed by text that is neither
 * an entry nor an item label (`议题2、为天翼云…`), where the minutes go on to something else.
 */
function labelSectionEnd(doc: MinutesDocument, section: Section, known: (s: Section) => boolean): number {
  const first = doc.lines.position(section.body.start).line + 1;
  const next = doc.sections.find((s) => s.heading.start > section.heading.start && known(s));
  const limit = next ? next.heading.start : doc.text.length;
  let blank = false;
  let numbered = false;
  for (let line = first; line < doc.lines.lineCount && doc.lines.lineStart(line) < limit; line++) {
    const text = doc.lines.lineText(line);
    if (!text.trim()) {
      blank = true;
      continue;
    }
    if (blank && !/^\s/.test(text) && !MARKER.test(text) && !ITEM_LABEL.test(text)) return doc.lines.lineStart(line);
    // Numbering that starts again at 1 after a blank line is the next list (the topics).
    const number = /^(\d{1,2})[ \t]*(?:[、)）]|\.(?!\d))/.exec(text);
    if (number && blank && numbered && number[1] === '1') return doc.lines.lineStart(line);
    if (number) numbered = true;
    // `2、遗留问题跟踪` is itself topic 2: topic 3 starts the next thing.
    const ordinal = section.ordinal && !/^\s/.test(text) ? readOrdinal(text, 0) : undefined;
    if (ordinal && ordinal.value > section.ordinal!.value && ordinal.style === section.ordinal!.style) return doc.lines.lineStart(line);
    blank = false;
  }
  return limit;
}

/** The entries in a span of text: its list items when it has Markdown lists, else its lines. */
export function entriesIn(doc: MinutesDocument, span: Span): Entry[] {
  if (doc.format === 'markdown') {
    const items = listItems(doc.mdast, span).filter((i) => i.position!.start.offset! >= span.start);
    if (items.length) return items.map((item) => listEntry(doc, item)).filter((e): e is Entry => e !== undefined);
  }
  return lineEntries(doc, span);
}

export function listEntry(doc: MinutesDocument, item: ListItem): Entry | undefined {
  const start = item.position!.start.offset!;
  const line = doc.lines.position(start).line;
  const lineText = doc.lines.lineText(line);
  const lineStart = doc.lines.lineStart(line);
  const marker = MARKER.exec(lineText);
  const headStart = lineStart + (marker ? marker[0].length : lineText.length - lineText.trimStart().length);
  const head = { start: headStart, end: doc.lines.lineEnd(line) };
  if (head.end <= head.start) return undefined;
  const entry: Entry = { head, block: { start, end: item.position!.end.offset! } };
  if (typeof item.checked === 'boolean') entry.checked = item.checked;
  return entry;
}

interface Line {
  line: number;
  text: string;
  indent: number;
  marker?: RegExpExecArray;
}

/** A line that opens an item by its label: `遗留问题：…`, `魏刚遗留问题：…`, `Action item: …`. */
export const ITEM_LABEL =
  /^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.、)][ \t]*)?(?:\*\*)?(?:[\u4e00-\u9fff]{2,4}(?=遗留)|本期|本次)?(?:遗留问题|遗留事项(?:跟踪)?|遗留|待办(?:事项)?|action items?|action|todo)(?:[ \t]*\d{1,2})?(?:[ \t]*\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?/i;

/**
 * Plain-text entries. Numbered or bulleted lines open entries when there are any (lines without
 * a marker are notes); else lines that name an owner (`…——鲁卫军和胡峰`) do; else each line of
 * the shallowest indentation is an entry and deeper lines are its notes.
 */
export function lineEntries(doc: MinutesDocument, span: Span): Entry[] {
  const first = doc.lines.position(span.start).line;
  const last = doc.lines.position(Math.max(span.start, span.end - 1)).line;
  const lines: Line[] = [];
  for (let line = first; line <= last; line++) {
    const start = doc.lines.lineStart(line);
    if (start < span.start && line === first && doc.lines.lineEnd(line) <= span.start) continue;
    if (start >= span.end) break;
    const text = doc.lines.lineText(line);
    // Tables are read by their columns (extract.ts), not as lines.
    if (!text.trim() || /^\s*(?:<!--|\|)/.test(text)) continue;
    const marker = MARKER.exec(text) ?? undefined;
    lines.push({ line, text, indent: text.length - text.trimStart().length, marker });
  }
  if (!lines.length) return [];

  const labelled = (l: Line) => ITEM_LABEL.test(l.text);
  const owned = (l: Line) => trailingOwner(l.text.trim()) !== undefined || labelledOwners(l.text).length > 0;
  const marked = lines.filter((l) => l.marker);
  const ownedLines = lines.filter(owned);
  let opens: (l: Line) => boolean;
  if (marked.length) {
    // Where the items name their owners, bullets of another style below them are their notes
    // (`遗留问题1：… ---谢秀奇` then `* KABI：`, `* 建议：…`).
    const styles = new Set(ownedLines.filter((l) => l.marker).map((l) => markerStyle(l.marker![2])));
    const eligible = ownedLines.length && !styles.size ? [] : marked.filter((l) => !styles.size || styles.has(markerStyle(l.marker![2])));
    const indent = eligible.length ? Math.min(...eligible.map((l) => l.indent)) : -1;
    opens = (l) => labelled(l) || owned(l) || (l.marker !== undefined && l.indent <= indent && eligible.includes(l));
  } else if (ownedLines.length) {
    opens = (l) => labelled(l) || owned(l);
  } else {
    const indent = Math.min(...lines.map((l) => l.indent));
    opens = (l) => labelled(l) || l.indent <= indent;
  }

  const entries: Entry[] = [];
  for (const l of lines) {
    const lineStart = doc.lines.lineStart(l.line);
    const lineEnd = doc.lines.lineEnd(l.line);
    if (opens(l) || !entries.length) {
      const skip = l.marker ? l.marker[0].length : l.indent;
      const entry: Entry = { head: { start: lineStart + skip, end: lineEnd }, block: { start: lineStart + l.indent, end: lineEnd } };
      const box = l.marker?.[3];
      if (box) entry.checked = /x/i.test(box);
      entries.push(entry);
    } else {
      entries[entries.length - 1].block.end = lineEnd;
    }
  }
  return entries.filter((e) => e.head.end > e.head.start);
}

function markerStyle(marker: string): 'bullet' | 'number' {
  return /^[-*+•·]/.test(marker.trim()) ? 'bullet' : 'number';
}

/** The lines of an entry below its first line. */
export function notesOf(doc: MinutesDocument, entry: Entry): string {
  const from = entry.heading ? doc.lines.lineEnd(doc.lines.position(entry.head.start).line) : entry.head.end;
  return from < entry.block.end ? doc.text.slice(from, entry.block.end) : '';
}
