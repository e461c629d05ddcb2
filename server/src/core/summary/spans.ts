import type { ListItem, Nodes } from 'mdast';
import { walk } from '../model/tree';
import type { MinutesDocument } from '../model/types';
import type { Span } from '../text/lines';

/** Items of the lists inside `body` (not nested ones: those are notes about an item). */
export function listItems(root: Nodes, body: Span): ListItem[] {
  const items: ListItem[] = [];
  walk(root, (node, ancestors) => {
    const p = node.position;
    if (!p || p.end.offset! <= body.start || p.start.offset! >= body.end) return 'skip';
    if (node.type === 'list' && p.start.offset! >= body.start && !ancestors.some((a) => a.type === 'list')) {
      items.push(...node.children.filter((c) => c.position && c.position.start.offset! < body.end));
      return 'skip';
    }
  });
  return items;
}

/** The @handles the parser found inside `span`, each once, in order (without `@`). */
export function handlesIn(doc: MinutesDocument, span: Span): string[] {
  const handles = doc.mentions.filter((m) => m.span.start >= span.start && m.span.end <= span.end).map((m) => m.handle);
  return [...new Set(handles)];
}

/** `text` (which starts at `offset` in the document) without the @handles written in it. */
export function withoutHandles(doc: MinutesDocument, text: string, offset: number): string {
  let out = text;
  const inside = doc.mentions.filter((m) => m.span.start >= offset && m.span.end <= offset + text.length);
  for (const m of inside.reverse()) out = out.slice(0, m.span.start - offset) + ' ' + out.slice(m.span.end - offset);
  return out;
}
