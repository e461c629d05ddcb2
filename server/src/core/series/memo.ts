/**
 * Minutes parsed once per text and per way of reading them. A run over a folder reads each file
 * several times: its profile for the series model, its own check, and as a member of every other
 * file's series rules (each with that file's variant of the template). What the parse depends on
 * is the path, the text and `parseKeyOf(template)`, so those share one document. Documents are
 * read-only once parsed, and what the rules derive from one is cached by the document itself.
 */
import { parseForTemplate, parseKeyOf, type ParseTemplate } from '../views/parse';
import { parseMarkdownGuarded, type ParsedMarkdown } from '../model/markdown';
import type { MinutesDocument } from '../model/types';

export class ParseMemo {
  private readonly docs = new Map<string, { text: string; doc: MinutesDocument }>();
  /**
   * The Markdown tree of each path's latest text: the costly part of a parse, the same whatever
   * the template (which only decides the sections of plain text), so variants share it too.
   */
  private readonly trees = new Map<string, { source: string; parsed: ParsedMarkdown }>();

  /** `limit`: documents kept (about 150 KB each), least recently used first out. */
  constructor(private readonly limit: number) {}

  /** The document of this text as the template reads it; `known` is one the caller already has. */
  parse(path: string, text: string, template: ParseTemplate, known?: MinutesDocument): MinutesDocument {
    const key = `${path}\u0000${parseKeyOf(template)}`;
    const hit = this.docs.get(key);
    const doc =
      known && known.path === path && known.text === text
        ? known
        : hit && hit.text === text
          ? hit.doc
          : parseForTemplate(path, text, template, (source) => this.tree(path, source));
    remember(this.docs, key, { text, doc }, this.limit);
    return doc;
  }

  clear(): void {
    this.docs.clear();
    this.trees.clear();
  }

  private tree(path: string, source: string): ParsedMarkdown {
    const hit = this.trees.get(path);
    const parsed = hit && hit.source === source ? hit.parsed : parseMarkdownGuarded(source);
    remember(this.trees, path, { source, parsed }, this.limit);
    return parsed;
  }
}

/** Puts an entry last (most recently used), dropping the least recently used past `limit`. */
function remember<T>(map: Map<string, T>, key: string, value: T, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

/** The memo the series rules share within a process (a host's run, a language server). */
export const sharedParses = new ParseMemo(500);
