import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../core';
import { listAttendees } from '../../core/views/attendees';
import type { MinutesDocument } from '../../core/model/types';
import type { CompletionCandidate, Person, Roster } from '../../core/roster';
import { findFields, findSections } from '../../core/views/match';
import { sectionSpecById } from '../../core/templates/specs';
import type { ResolvedTemplate } from '../../core/templates/types';
import type { Analysis } from '../diagnostics/analysis';
import { describePerson } from './hover';

/** `@` starts a mention; list separators start the next attendee (VS Code has quick suggestions off in Markdown). */
export const COMPLETION_TRIGGERS = ['@', '、', '，', ','];
export const MAX_ITEMS = 50;

// What is being typed after `@`: a login, or a name to find one by (`@熊伟`, `@xiongwei`).
const TYPED_MENTION = /(?<![\w.@/\\`-])@([\w\-\u3400-\u9fff]*)$/;

/** The login being typed after `@`, unless the cursor is in code or a URL. */
export function mentionBeingTyped(document: TextDocument, position: Position): { start: number; query: string } | undefined {
  const offset = document.offsetAt(position);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const before = document.getText().slice(lineStart, offset);
  const m = TYPED_MENTION.exec(before);
  if (!m) return undefined;
  if ((before.match(/`/g)?.length ?? 0) % 2 === 1 || /\b[a-z][\w+.-]*:\/\/\S*$/i.test(before)) return undefined;
  if (insideFence(document, position.line)) return undefined;
  return { start: lineStart + m.index + 1, query: m[1] };
}

/** Completion after `@` (logins and names), or of a person in an attendee list. */
export async function completions(
  document: TextDocument,
  position: Position,
  roster: Roster | undefined,
  analyze: () => Promise<Analysis>,
  lang: Lang,
): Promise<CompletionList | null> {
  if (!roster) return null;
  const typed = mentionBeingTyped(document, position);
  if (typed) return mentionCompletions(document, position, typed, roster.complete(typed.query, MAX_ITEMS), roster, lang);
  // Only attendee lists need the document model; a mention is completed from the line alone.
  const analysis = await analyze();
  if (analysis.kind !== 'linted') return null;
  return attendeeCompletions(document, position, analysis.result.doc, analysis.template, roster, lang);
}

/**
 * The items for a login being typed after `@`, from the candidates found for it. `roster` is
 * undefined while it is still being built (the candidates then come from the roster files alone).
 */
export function mentionCompletions(
  document: TextDocument,
  position: Position,
  typed: { start: number; query: string },
  candidates: readonly CompletionCandidate[],
  roster: Roster | undefined,
  lang: Lang,
): CompletionList {
  const range = { start: document.positionAt(typed.start), end: position };
  const items = candidates.map((c, i) => mentionItem(c, typed.query, range, roster, lang, i, document.uri));
  // Incomplete: the list depends on what is typed next (names match only on the server).
  return { isIncomplete: true, items };
}

function mentionItem(
  candidate: CompletionCandidate,
  query: string,
  range: { start: Position; end: Position },
  roster: Roster | undefined,
  lang: Lang,
  rank: number,
  uri: string,
): CompletionItem {
  const person = candidate.person;
  const prefixMatch = person.handle.toLowerCase().startsWith(query.toLowerCase());
  return {
    label: person.handle,
    labelDetails: { detail: person.name ? ` ${person.name}` : undefined, description: origin(person, roster, lang) },
    kind: CompletionItemKind.Reference,
    detail: [person.name, person.org].filter(Boolean).join(' · ') || undefined,
    data: personData(person, uri),
    textEdit: { range, newText: person.handle },
    // A match by name (`熊伟` → myeuler) or inside the login must survive the editor's own prefix filter.
    filterText: prefixMatch ? person.handle : `${query}${person.handle}`,
    sortText: String(rank).padStart(4, '0'),
  };
}

/**
 * Who an item offers, for `completionItem/resolve`: the documentation (roles, roster file,
 * mentions) is written only for the item the editor shows it for, not for fifty per keystroke.
 */
export interface PersonData {
  /** The document completed in: its roster knows the person. */
  uri: string;
  handle: string;
}

function personData(person: Person, uri: string): PersonData {
  return { uri, handle: person.handle };
}

/** An item of ours with its documentation, when the roster still knows the person it offers. */
export function resolveCompletion(item: CompletionItem, roster: Roster | undefined, lang: Lang): CompletionItem {
  const handle = (item.data as Partial<PersonData> | undefined)?.handle;
  const person = typeof handle === 'string' ? roster?.person(handle) : undefined;
  if (!roster || !person) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: describePerson(person, roster.usage(person.handle), lang) } };
}

/** Where the person comes from, in a word: the roster file, or the minutes that mention them. */
function origin(person: Person, roster: Roster | undefined, lang: Lang): string {
  const listed = person.declared ? person.sources[0]?.path : undefined;
  if (listed) return listed.slice(listed.lastIndexOf('/') + 1);
  const files = roster?.usage(person.handle)?.files.length ?? 0;
  if (files) return lang === 'zh' ? `${files} 份纪要` : `${files} minutes file${files === 1 ? '' : 's'}`;
  return lang === 'zh' ? 'git 提交' : 'git log';
}

// ---------------------------------------------------------------------------------------------
// Attendee lists: `与会人：张三、` or `## Present` followed by `* `.

function attendeeCompletions(
  document: TextDocument,
  position: Position,
  doc: MinutesDocument,
  template: ResolvedTemplate,
  roster: Roster,
  lang: Lang,
): CompletionList | null {
  const offset = document.offsetAt(position);
  if (doc.text !== document.getText() || !inAttendeeList(doc, template, offset)) return null;
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const before = doc.text.slice(lineStart, offset);
  // The item being typed starts after the last separator, the label's colon or the bullet.
  const itemStart = Math.max(lastIndexOfAny(before, '、，,;；：:'), (/^\s*[-*+]\s+/.exec(before)?.[0].length ?? 0) - 1) + 1;
  const query = before.slice(itemStart).trim();
  const start = lineStart + itemStart + (before.slice(itemStart).length - before.slice(itemStart).trimStart().length);
  const listed = listAttendees(doc, template);
  const taken = new Set(listed.flatMap((a) => [a.handle?.toLowerCase(), a.name.toLowerCase()]).filter(Boolean));
  const withHandles = listed.some((a) => a.handle);
  const range = { start: document.positionAt(start), end: position };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const { person } of roster.complete(query, MAX_ITEMS * 2)) {
    if (taken.has(person.handle.toLowerCase()) || person.names.some((n) => taken.has(n.toLowerCase()))) continue;
    const name = person.names.find((n) => /[\u3400-\u9fff]/.test(n)) ?? person.name;
    const insert = name && withHandles ? `${name} @${person.handle}` : (name ?? `@${person.handle}`);
    if (seen.has(insert)) continue;
    seen.add(insert);
    items.push({
      label: name ?? `@${person.handle}`,
      labelDetails: { detail: name ? ` @${person.handle}` : undefined, description: origin(person, roster, lang) },
      kind: CompletionItemKind.Reference,
      data: personData(person, document.uri),
      textEdit: { range, newText: insert },
      filterText: `${query}${insert}`,
      sortText: String(items.length).padStart(4, '0'),
    });
    if (items.length >= MAX_ITEMS) break;
  }
  const q = query.toLowerCase();
  for (const author of roster.namesOnly()) {
    if (items.length >= MAX_ITEMS) break;
    const name = author.name;
    if (!name || author.handle || seen.has(name) || taken.has(name.toLowerCase()) || (q && !name.toLowerCase().includes(q))) continue;
    seen.add(name);
    items.push({
      label: name,
      labelDetails: { description: 'git log' },
      kind: CompletionItemKind.Reference,
      textEdit: { range, newText: name },
      filterText: `${query}${name}`,
      sortText: String(items.length).padStart(4, '0'),
    });
  }
  return items.length ? { isIncomplete: true, items } : null;
}

/** Is the offset in the value of an attendee field (and the lines it runs on) or an attendee section? */
function inAttendeeList(doc: MinutesDocument, template: ResolvedTemplate, offset: number): boolean {
  const spec = template.attendees;
  if (!spec) return false;
  const line = doc.lines.position(offset).line;
  for (const id of spec.fields ?? []) {
    const fieldSpec = template.fields?.find((f) => f.id === id);
    if (!fieldSpec) continue;
    for (const { field } of findFields(doc, fieldSpec)) {
      if (field.source === 'section') {
        if (offset > field.labelSpan.end && offset <= field.span.end) return true;
        continue;
      }
      const labelLine = doc.lines.position(field.labelSpan.start).line;
      if (line === labelLine && offset >= field.labelSpan.end) return true;
      // Names continue on the following lines until a blank line.
      if (line > labelLine && !doc.lines.lineText(line).includes('：') && continuesList(doc, labelLine, line)) return true;
    }
  }
  for (const id of spec.sections ?? []) {
    const sectionSpec = sectionSpecById(template, id);
    if (!sectionSpec) continue;
    if (findSections(doc, sectionSpec).some((s) => offset > s.heading.end && offset <= s.body.end)) return true;
  }
  return false;
}

function continuesList(doc: MinutesDocument, labelLine: number, line: number): boolean {
  for (let l = labelLine + 1; l <= line; l++) if (!doc.lines.lineText(l).trim() && l !== line) return false;
  return line - labelLine <= 20;
}

function lastIndexOfAny(text: string, chars: string): number {
  let last = -1;
  for (const c of chars) last = Math.max(last, text.lastIndexOf(c));
  return last;
}

/** Inside a fenced code block: an odd number of fences above the line. */
function insideFence(document: TextDocument, line: number): boolean {
  const lines = document.getText({ start: { line: 0, character: 0 }, end: { line, character: 0 } }).split('\n');
  let open: string | undefined;
  for (const text of lines) {
    const fence = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (!fence) continue;
    if (!open) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length) open = undefined;
  }
  return open !== undefined;
}
