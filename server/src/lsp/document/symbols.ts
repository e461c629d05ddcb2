import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { LineIndex, MinutesDocument, ResolvedTemplate } from '../../core';
import type { Field, Section } from '../../core/model/types';
import { findFields } from '../../core/views/match';
import { toRange } from '../convert';

/**
 * The outline: sections (Markdown headings or plain-text `label：` lines) as namespaces, and the
 * template's metadata fields (`会议日期：…`, `[#]: translator: …`) as strings with their value.
 */
export function documentSymbols(doc: MinutesDocument, template: ResolvedTemplate): DocumentSymbol[] {
  const fields = templateFields(doc, template);
  const placed = new Set<Field>();
  const sectionSymbol = (section: Section): DocumentSymbol => {
    const children = section.children.map(sectionSymbol);
    const own = fields.filter(
      (f) => !placed.has(f) && within(f.span.start, section) && !section.children.some((c) => within(f.span.start, c)),
    );
    for (const f of own) placed.add(f);
    const range = toRange(doc.lines, { start: section.heading.start, end: Math.max(section.body.end, section.heading.end) });
    return {
      name: nameOf(section.rawTitle) || nameOf(section.title) || '…',
      detail: section === doc.title ? template.resolvedId : section.ordinal?.text,
      kind: SymbolKind.Namespace,
      range,
      selectionRange: toRange(doc.lines, section.titleSpan.end > section.titleSpan.start ? section.titleSpan : section.heading),
      children: sortByPosition([...children, ...own.map((f) => fieldSymbol(f, doc.lines))]),
    };
  };
  const top = doc.outline.map(sectionSymbol);
  const loose = fields.filter((f) => !placed.has(f)).map((f) => fieldSymbol(f, doc.lines));
  return sortByPosition([...top, ...loose]);
}

function within(offset: number, section: Section): boolean {
  return offset >= section.heading.start && offset < Math.max(section.body.end, section.heading.end);
}

/** Only fields the template knows: any `word：text` line would make the outline noise. */
function templateFields(doc: MinutesDocument, template: ResolvedTemplate): Field[] {
  const found = new Set<Field>();
  for (const spec of template.fields ?? []) {
    if ((spec.source ?? 'line') === 'section') continue; // already a section symbol
    for (const m of findFields(doc, spec)) found.add(m.field);
  }
  return [...found].sort((a, b) => a.span.start - b.span.start);
}

function fieldSymbol(field: Field, lines: LineIndex): DocumentSymbol {
  return {
    name: nameOf(field.label) || '…',
    detail: field.value,
    kind: SymbolKind.String,
    range: toRange(lines, field.span),
    selectionRange: toRange(lines, field.labelSpan),
  };
}

/** Editors reject empty or multi-line symbol names. */
function nameOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sortByPosition(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
