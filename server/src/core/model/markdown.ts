import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from '../text/lines';
import { SpanIndex } from '../text/spans';
import { guardMarkdown, markdownLines, restoreString, type DegradedSpan } from './guard';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Documents up to this size are parsed in one piece. remark-parse's time grows faster than
 * the text (about 4× for 2× on long minutes: a 640 KB file took 2.5 s, 2.5 MB a minute), so
 * larger ones are cut into pieces of at least a quarter of this where no block can run on
 * (see `splitAtHeadings`), and parsed piece by piece: 820 KB of Curve minutes in 1.4 s
 * instead of 9 s. Every corpus file parses to the same tree either way
 * (test/unit/markdown.test.ts and the corpus check in CI).
 */
export const WHOLE_PARSE_LIMIT = 16 * 1024;

/** Nodes nested deeper than this are read as their plain text: every walk of the tree stays shallow. */
export const MAX_TREE_DEPTH = 64;

export interface ParsedMarkdown {
  root: Root;
  /** Places read as plain text because parsing them fully would take too long or nest too deep. */
  degraded: DegradedSpan[];
}

/** Parses Markdown (CommonMark + GFM) into mdast with offsets into `text`. */
export function parseMarkdown(text: string, wholeLimit = WHOLE_PARSE_LIMIT): Root {
  return parseMarkdownGuarded(text, wholeLimit).root;
}

/**
 * Parses Markdown, bounding what the parser sees (model/guard.ts) and how deep the tree goes.
 * A leading byte order mark is no text: the parser starts after it, offsets still count it.
 */
export function parseMarkdownGuarded(text: string, wholeLimit = WHOLE_PARSE_LIMIT): ParsedMarkdown {
  const guarded = guardMarkdown(text);
  const safe = guarded.text;
  const degraded = [...guarded.degraded];
  const from = safe.charCodeAt(0) === 0xfeff ? 1 : 0;
  let root: Root;
  if (from === 0 && safe.length <= wholeLimit) {
    root = parseWhole(safe, degraded);
  } else {
    const pieces = safe.length - from <= wholeLimit ? [{ start: from, end: safe.length }] : splitAtHeadings(safe, wholeLimit, from);
    // Reference definitions are document-wide: each piece is parsed with the ones its brackets
    // may name after it, so `[text][1]` resolves wherever `[1]:` is; what they add past the piece
    // is dropped. Lending a piece every definition would make the parse grow as pieces × definitions.
    const definitions = pieces.length > 1 ? referenceDefinitions(safe) : undefined;
    const children: RootContent[] = [];
    let line = 0;
    for (const piece of pieces) {
      const source = safe.slice(piece.start, piece.end);
      const lent = definitions ? definitionsNamedIn(source, definitions) : '';
      for (const node of parsePiece(source, lent, degraded, piece.start)) {
        shift(node, piece.start, line);
        children.push(node);
      }
      line += countLines(source);
    }
    const end = positionAtEnd(text);
    root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  }
  if (guarded.degraded.length) restoreMarkers(root, guarded.degraded);
  if (guarded.hidden.length) putBackBlanked(root, text, guarded.blanked, guarded.hidden, guarded.verbatimBlocks);
  capDepth(root, degraded);
  degraded.sort((a, b) => a.span.start - b.span.start);
  return { root, degraded };
}

function parseWhole(text: string, degraded: DegradedSpan[]): Root {
  try {
    return processor.parse(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    degraded.push({ span: { start: 0, end: text.length }, reason: 'nesting', count: 0 });
    return { type: 'root', children: plainPiece(text), position: { start: { line: 1, column: 1, offset: 0 }, end: positionAtEnd(text) } };
  }
}

/** What a piece the parser could not finish becomes: one paragraph of its text. */
function plainPiece(source: string): RootContent[] {
  const position = { start: { line: 1, column: 1, offset: 0 }, end: positionAtEnd(source) };
  return [{ type: 'paragraph', children: [{ type: 'text', value: source, position }], position }];
}

/**
 * Pieces parsed lately, by their text (and the definitions lent to them). While an author types
 * in a long document only the piece being edited changes, so only it is parsed again. Trees are
 * stored as parsed (positions relative to the piece) and copied on use, since callers own them.
 */
const pieceCache = new Map<string, RootContent[]>();
const PIECE_CACHE_SIZE = 128;

/** Forgets the cached pieces (benchmarks measure cold parses with it). */
export function clearPieceCache(): void {
  pieceCache.clear();
}

function parsePiece(source: string, definitions: string, degraded: DegradedSpan[], at: number): RootContent[] {
  const key = `${definitions.length}:${definitions}\u0000${source}`;
  let nodes = pieceCache.get(key);
  if (nodes) {
    pieceCache.delete(key);
  } else {
    try {
      const tree = processor.parse(definitions ? `${source}\n\n${definitions}` : source);
      nodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) < source.length);
    } catch (error) {
      // Nesting the guard did not foresee overflowed the parser's stack: this piece is read as
      // text, the others as Markdown.
      if (!(error instanceof RangeError)) throw error;
      degraded.push({ span: { start: at, end: at + source.length }, reason: 'nesting', count: 0 });
      return plainPiece(source);
    }
  }
  pieceCache.set(key, nodes);
  if (pieceCache.size > PIECE_CACHE_SIZE) pieceCache.delete(pieceCache.keys().next().value!);
  return structuredClone(nodes);
}

interface Piece {
  start: number;
  end: number;
}

/**
 * Cuts where no block can run on: before ATX headings, and before an unindented line of plain
 * text after a blank line (no list item, quote, table or HTML can continue there), never inside
 * fenced code, HTML comments or raw HTML blocks. Pieces are at least `size / 4` characters, so
 * that a document of many tiny sections is not parsed in thousands of calls. Besides speed,
 * pieces bound the parser's work that grows with everything before it in the same run (each
 * setext heading and each closed container copies the events so far).
 */
export function splitAtHeadings(text: string, size: number, from = 0): Piece[] {
  const minimum = Math.max(1, size >> 2);
  const pieces: Piece[] = [];
  let start = from;
  let afterBlank = false;
  for (const line of markdownLines(text, 3)) {
    if (line.start < from) continue;
    const content = text.slice(line.start, line.end);
    const cut = !line.verbatim && (ATX_HEADING_LINE.test(content) || (afterBlank && FRESH_PARAGRAPH_LINE.test(content)));
    if (cut && line.start - start >= minimum) {
      pieces.push({ start, end: line.start });
      start = line.start;
    }
    afterBlank = line.blank;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

const ATX_HEADING_LINE = /^#{1,6}(?:[ \t]|$)/;
// A letter, digit or CJK character at the very start, not a list item (`1.`, `2)`).
const FRESH_PARAGRAPH_LINE = /^[\p{L}\p{N}](?!\d{0,8}[.)](?:[ \t]|$))/u;

// `[label]: destination` at the start of a line (up to three spaces), not LCTT's `[#]:` header.
const DEFINITION_LINE = /^ {0,3}\[(?!#\])[^\]\n]+\]:[ \t]*\S.*$/gm;

/**
 * One definition line for each label of the document, by the label as the parser compares
 * labels. One is enough: whether `[text][label]` is a reference depends only on some definition
 * of the label existing (mdast's reference nodes carry the label, not the destination), and
 * LCTT's `[1]:`, `[2]:`… repeat in every article of a long file.
 */
function referenceDefinitions(text: string): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const match of text.matchAll(DEFINITION_LINE)) {
    const line = match[0].trimStart();
    const label = comparableLabel(line.slice(1, line.indexOf(']:')));
    if (!byLabel.has(label)) byLabel.set(label, line);
  }
  return byLabel;
}

// A label holds no unescaped bracket, so every label a reference can name is one of these runs.
const BRACKETED = /\[((?:[^[\]\\]|\\[\s\S])*)\]/g;

/**
 * The definition lines a piece may use: those whose label is written in
 * brackets somewhere in the piece. A superset of what its references name, which is enough:
 * a definition no reference names adds nothing to the piece's tree.
 */
function definitionsNamedIn(source: string, definitions: Map<string, string>): string {
  const named = new Set<string>();
  for (const match of source.matchAll(BRACKETED)) {
    const line = definitions.get(comparableLabel(match[1]));
    if (line) named.add(line);
  }
  return [...named].join('\n');
}

/** Labels as micromark compares them: case folded, each run of white space one space. */
function comparableLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/** Line breaks as the parser counts them: LF, CR LF and a lone CR. */
function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function positionAtEnd(text: string): { line: number; column: number; offset: number } {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: countLines(text) + 1, column: text.length - lastBreak, offset: text.length };
}

function shift(node: Nodes, offset: number, lines: number): void {
  if (!offset && !lines) return;
  for (const n of descendantsOf(node)) {
    const p = n.position;
    if (!p) continue;
    p.start = { ...p.start, line: p.start.line + lines, offset: (p.start.offset ?? 0) + offset };
    p.end = { ...p.end, line: p.end.line + lines, offset: (p.end.offset ?? 0) + offset };
  }
}

/** Every node under (and including) `node`, without recursion: trees can be deep. */
function* descendantsOf(node: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

/** Puts the markers the guard swapped back into the values of the nodes of degraded places. */
function restoreMarkers(root: Root, places: DegradedSpan[]): void {
  const index = new SpanIndex(places.map((p) => p.span));
  const touches = (span: Span) => index.overlaps(span);
  for (const node of descendantsOf(root)) {
    const p = node.position;
    if (!p || !touches({ start: p.start.offset ?? 0, end: p.end.offset ?? 0 })) continue;
    const n = node as unknown as Record<string, unknown>;
    for (const key of ['value', 'url', 'alt', 'title']) {
      if (typeof n[key] === 'string') n[key] = restoreString(n[key]);
    }
  }
}

/**
 * The blocks the guard blanked come back as paragraphs of their text, in document order. The
 * parser saw each hidden range as one line of spaces: the lines after it are renumbered.
 */
function putBackBlanked(root: Root, text: string, blanked: Span[], hiddenRanges: Span[], verbatimBlocks: Span[]): void {
  const starts = lineStarts(text);
  const point = (offset: number) => {
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1, offset };
  };
  // Line breaks the parser did not see, before the end of each blanked block.
  const hidden: number[] = [];
  let total = 0;
  for (const b of hiddenRanges) hidden.push((total += lastAtOrBefore(starts, b.end) - lastAtOrBefore(starts, b.start)));
  const ends = hiddenRanges.map((b) => b.end);
  for (const node of descendantsOf(root)) {
    const p = node.position;
    if (!p || node === root) continue;
    for (const at of [p.start, p.end]) {
      const before = lastAtOrBefore(ends, at.offset ?? 0);
      if (before >= 0) at.line += hidden[before];
    }
  }
  const paragraphs: RootContent[] = blanked.map((b) => {
    const position = { start: point(b.start), end: point(b.end) };
    return { type: 'paragraph', children: [{ type: 'text', value: text.slice(b.start, b.end), position }], position };
  });
  const verbatim = verbatimBlocks.map((b) => verbatimNode(text.slice(b.start, b.end), { start: point(b.start), end: point(b.end) }));
  root.children = [...root.children, ...paragraphs, ...verbatim].sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
}

/** A hidden code block, comment or raw HTML block as the parser would have read it. */
function verbatimNode(source: string, position: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } }): RootContent {
  const fence = /^ *(`{3,}|~{3,})[ \t]*([^\s`]*)/.exec(source);
  if (!fence) return { type: 'html', value: source, position };
  const lines = source.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1];
  const closed = lines.length > 1 && last.trim().startsWith(fence[1]) && last.trim().replace(/[`~]/g, '') === '';
  return { type: 'code', lang: fence[2] || null, meta: null, value: lines.slice(1, closed ? -1 : undefined).join('\n'), position };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Index of the last value at or before `value` in an ascending list, or -1. */
function lastAtOrBefore(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Replaces the children of nodes at `MAX_TREE_DEPTH` with their plain text. */
function capDepth(root: Root, degraded: DegradedSpan[]): void {
  const stack: Array<[Nodes, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    if (depth >= MAX_TREE_DEPTH) {
      const position = node.position;
      (node as { children: Nodes[] }).children = [{ type: 'text', value: flatText(node), position }];
      if (position) degraded.push({ span: { start: position.start.offset ?? 0, end: position.end.offset ?? 0 }, reason: 'nesting', count: depth });
      continue;
    }
    for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
}

function flatText(node: Nodes): string {
  let out = '';
  for (const n of descendantsOf(node)) if (n !== node && 'value' in n && typeof n.value === 'string' && n.type !== 'html') out += n.value;
  return out;
}
