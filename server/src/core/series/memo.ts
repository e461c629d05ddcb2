/**
 * Minutes parsed once per text and per way of reading them. A run over a folder reads each file
 * several times: its profile for the series model, its own check, and as a member of every other
 * file's series rules (each with that file's variant of the template). What the parse depends on
 * is the path, the text and `parseKeyOf(template)`, so those share one document. Documents are
 * read-only once parsed, and what the rules derive from one is cached by the document itself.
 */
import { parseForTemplate, parseKeyOf, type ParseTemplate } from '../lint/engine';
import type { MinutesDocument } from '../model/types';

export class ParseMemo {
  private readonly docs = new Map<string, { text: string; doc: MinutesDocument }>();

  /** `limit`: documents kept (about 150 KB each), least recently used first out. */
  constructor(private readonly limit: number) {}

  /** The document of this text as the template reads it; `known` is one the caller already has. */
  parse(path: string, text: string, template: ParseTemplate, known?: MinutesDocument): MinutesDocument {
    const key = `${path}\u0000${parseKeyOf(template)}`;
    const hit = this.docs.get(key);
    const doc = known && known.path === path && known.text === text
      ? known
      : hit && hit.text === text ? hit.doc : parseForTemplate(path, text, template);
    this.docs.delete(key);
    this.docs.set(key, { text, doc });
    if (this.docs.size > this.limit) this.docs.delete(this.docs.keys().next().value!);
    return doc;
  }

  clear(): void {
    this.docs.clear();
  }
}

/** The memo the series rules share within a process (a host's run, a language server). */
export const sharedParses = new ParseMemo(500);
