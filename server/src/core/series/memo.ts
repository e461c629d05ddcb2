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
import { SizedCache } from '../text/sized-cache';

/**
 * Where a host keeps Markdown trees between runs (the CLI: the user's cache folder, see
 * node/tree-cache.ts). A tree depends on the text alone (and on the parser, which the host's key
 * must cover), so `get` answers only for the very text it was given; anything else is a miss.
 */
export interface TreeStore {
  get(source: string): ParsedMarkdown | undefined;
  set(source: string, parsed: ParsedMarkdown): void;
}

export class ParseMemo {
  /** Trees kept by the host between runs; none by default (a language server keeps its own in memory). */
  store: TreeStore | undefined;

  private readonly docs: SizedCache<{ text: string; doc: MinutesDocument }>;
  /**
   * The Markdown tree of each path's latest text: the costly part of a parse, the same whatever
   * the template (which only decides the sections of plain text), so variants share it too.
   */
  private readonly trees: SizedCache<{ source: string; parsed: ParsedMarkdown }>;

  /** `limitChars`: characters of text behind the documents kept, and behind the trees; least recently used first out. */
  constructor(limitChars: number) {
    this.docs = new SizedCache(limitChars);
    this.trees = new SizedCache(limitChars);
  }

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
    this.docs.set(key, { text, doc }, text.length);
    return doc;
  }

  /** Forgets the parses of the paths `keep` refuses. */
  retain(keep: (path: string) => boolean): void {
    this.docs.retain((_, { doc }) => keep(doc.path));
    this.trees.retain((path) => keep(path));
  }

  clear(): void {
    this.docs.clear();
    this.trees.clear();
  }

  /** Holds at least `chars` characters of text (see `SizedCache.fit`). */
  fit(chars: number): void {
    this.docs.fit(chars);
    this.trees.fit(chars);
  }

  /** Characters of text behind what is kept (documents and trees counted apart). */
  get size(): number {
    return this.docs.size + this.trees.size;
  }

  private stored(source: string): ParsedMarkdown {
    const kept = this.store?.get(source);
    if (kept) return kept;
    const parsed = parseMarkdownGuarded(source);
    this.store?.set(source, parsed);
    return parsed;
  }

  private tree(path: string, source: string): ParsedMarkdown {
    const hit = this.trees.get(path);
    const parsed = hit && hit.source === source ? hit.parsed : this.stored(source);
    this.trees.set(path, { source, parsed }, source.length);
    return parsed;
  }
}

/**
 * Characters of minutes the series caches keep (here and the meetings of `items/meetings.ts`):
 * a series of 200 minutes of 5 KB read with two variants of its template, or several smaller
 * series, so that the series rules of an open document read their siblings once (the old bound,
 * 500 documents, held as much of such minutes). A parse keeps about 90 bytes of heap per
 * character of short minutes (tree, model, lines).
 */
export const SERIES_CACHE_CHARS = 2 * 1024 * 1024;

/** The memo the series rules share within a process (a host's run, a language server). */
export const sharedParses = new ParseMemo(SERIES_CACHE_CHARS);
