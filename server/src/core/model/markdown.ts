import type { Nodes, Root, RootContent } from 'mdast';
import type { Span } from '../text/lines';
import { SizedCache } from '../text/sized-cache';
import { SpanIndex } from '../text/spans';
import type { Place } from './compile';
import { parseGfm } from './gfm';
import { guardMarkdown, markdownLines, restoreString, type DegradedSpan, type GuardedText } from './guard';

/**
 * Documents up to this size are parsed in one piece. remark-parse's time grows faster than
 * the text (about 4× for 2× on long minutes: a 640 KB file took 2.5 s, 2.5 MB a minute), so
 * larger ones are cut into pieces of at least a sixteenth of this where no block can run on
 * (see `splitAtHeadings`), and parsed piece by piece: 820 KB of Curve minutes in 1.4 s
 * instead of 9 s. Every corpus file parses to the same tree either way
 * (test/unit/markdown.test.ts and the corpus check in CI).
 */
export const WHOLE_PARSE_LIMIT = 16 * 1024;
let wholeParseLimit = WHOLE_PARSE_LIMIT;

/**
 * Sets the size above which documents are parsed in pieces, for every parse that does not name
 * one; returns the previous size. For checks that want short real minutes cut into pieces too.
 */
export function setWholeParseLimit(chars: number): number {
  const previous = wholeParseLimit;
  wholeParseLimit = chars;
  return previous;
}

/** Nodes nested deeper than this are read as their plain text: every walk of the tree stays shallow. */
export const MAX_TREE_DEPTH = 64;

export interface ParsedMarkdown {
  /** Read only: the nodes of unchanged pieces are shared with earlier parses (see `placePiece`). */
  root: Root;
  /** Places read as plain text because parsing them fully would take too long or nest too deep. */
  degraded: DegradedSpan[];
}

/** Parses Markdown (CommonMark + GFM) into mdast with offsets into `text`. */
export function parseMarkdown(text: string, wholeLimit = wholeParseLimit): Root {
  return parseMarkdownGuarded(text, wholeLimit).root;
}

/**
 * Parses Markdown, bounding what the parser sees (model/guard.ts) and how deep the tree goes.
 * A leading byte order mark is no text: the parser starts after it, offsets still count it.
 */
export function parseMarkdownGuarded(text: string, wholeLimit = wholeParseLimit): ParsedMarkdown {
  const guarded = guardMarkdown(text);
  const safe = guarded.text;
  const degraded = [...guarded.degraded];
  const from = safe.charCodeAt(0) === 0xfeff ? 1 : 0;
  const inPieces = from !== 0 || safe.length > wholeLimit;
  const root: Root = inPieces
    ? {
        type: 'root',
        children: parsePieces(safe, wholeLimit, from, guarded, degraded),
        position: { start: { line: 1, column: 1, offset: 0 }, end: positionAtEnd(text) },
      }
    : parseWhole(safe, degraded);
  if (guarded.degraded.length) restoreMarkers(root, guarded.degraded);
  if (guarded.hidden.length) putBackBlanked(root, text, guarded.blanked, guarded.hidden, guarded.verbatimBlocks);
  // Pieces arrive capped (see `placePiece`); a whole parse is capped here.
  if (!inPieces) capDepth(root, degraded);
  degraded.sort((a, b) => a.span.start - b.span.start);
  return { root, degraded };
}

function parsePieces(safe: string, wholeLimit: number, from: number, guarded: GuardedText, degraded: DegradedSpan[]): RootContent[] {
  const pieces = safe.length - from <= wholeLimit ? [{ start: from, end: safe.length }] : splitAtHeadings(safe, wholeLimit, from);
  // Reference definitions are document-wide: each piece is parsed with the ones its brackets
  // may name after it, so `[text][1]` resolves wherever `[1]:` is; what they add past the piece
  // is dropped. Lending a piece every definition would make the parse grow as pieces × definitions.
  const definitions = pieces.length > 1 ? referenceDefinitions(safe) : undefined;
  // Trees the guard's places will be written into (markers swapped back, blocks put back) are this document's own.
  const shared = !guarded.degraded.length && !guarded.hidden.length;
  const children: RootContent[] = [];
  let line = 0;
  for (const piece of pieces) {
    const source = safe.slice(piece.start, piece.end);
    const lent = definitions ? definitionsNamedIn(source, definitions) : '';
    for (const node of placePiece(source, lent, degraded, { offset: piece.start, line }, shared)) children.push(node);
    line += countLines(source);
  }
  return children;
}

function parseWhole(text: string, degraded: DegradedSpan[]): Root {
  try {
    return parseGfm(text);
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
 * in a long document only the piece being edited changes, so only it is parsed again; the pieces
 * before it keep their place and are handed out as they were, those after it are copied to their
 * new place. Nobody writes into a tree once it is built, except where the guard's places are put
 * back: those documents get copies of their own.
 */
interface CachedPiece {
  /** The piece's nodes where they were last placed, capped at `MAX_TREE_DEPTH`. */
  nodes: RootContent[];
  /** Where: the piece's offset and line in its document. */
  offset: number;
  line: number;
  /** Nodes capped for nesting, in the piece's own offsets. */
  capped: DegradedSpan[];
}

/** Characters of pieces kept: the largest document the server checks (2 MiB) and its edits; about 12 bytes of tree each. */
const PIECE_CACHE_CHARS = 3 * 1024 * 1024;
const pieceCache = new SizedCache<CachedPiece>(PIECE_CACHE_CHARS);

/**
 * Forgets the cached pieces (benchmarks measure cold parses with it; a server once no document
 * is open); returns the characters of text behind them.
 */
export function clearPieceCache(): number {
  const held = pieceCache.size;
  pieceCache.clear();
  return held;
}

/** The nodes of one piece, at its place in the document. */
function placePiece(source: string, definitions: string, degraded: DegradedSpan[], at: Place, shared: boolean): RootContent[] {
  // A piece lent no definitions is its own key: no copy of its text (the key of a piece with
  // definitions starts with NUL, which no key that is a piece alone does).
  const key = definitions || source.charCodeAt(0) === 0 ? `\u0000${definitions.length}:${definitions}\u0000${source}` : source;
  let cached = pieceCache.get(key);
  if (!cached) {
    const nodes = parsePiece(source, definitions, at);
    if (!nodes) {
      // Nesting the guard did not foresee overflowed the parser's stack: this piece is read as
      // text, the others as Markdown.
      degraded.push({ span: { start: at.offset, end: at.offset + source.length }, reason: 'nesting', count: 0 });
      return plainPiece(source).map((node) => moved(node, at.offset, at.line));
    }
    const capped: DegradedSpan[] = [];
    for (const node of nodes) capDepth(node, capped, 1);
    for (const c of capped) c.span = { start: c.span.start - at.offset, end: c.span.end - at.offset };
    cached = { nodes, offset: at.offset, line: at.line, capped };
    pieceCache.set(key, cached, key.length);
  }
  for (const c of cached.capped) degraded.push({ ...c, span: { start: c.span.start + at.offset, end: c.span.end + at.offset } });
  const here = cached.offset === at.offset && cached.line === at.line;
  const nodes = here ? cached.nodes : cached.nodes.map((node) => moved(node, at.offset - cached.offset, at.line - cached.line));
  if (!shared) return here ? nodes.map((node) => moved(node, 0, 0)) : nodes;
  Object.assign(cached, { nodes, offset: at.offset, line: at.line });
  return nodes;
}

/** The piece's top-level nodes, built at its place; undefined when the parser's stack overflowed. */
function parsePiece(source: string, definitions: string, at: Place): RootContent[] | undefined {
  try {
    const tree = parseGfm(definitions ? `${source}\n\n${definitions}` : source, at);
    return tree.children.filter((node) => (node.position?.start.offset ?? 0) < at.offset + source.length);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return undefined;
  }
}

type TreePoint = NonNullable<Nodes['position']>['start'];

/**
 * A copy of `node` and everything under it, `offset` characters and `lines` lines further on.
 * Points shared in the tree (see `compileEvents`) are shared in the copy: `points` maps each
 * to its copy.
 */
function moved<T extends Nodes>(node: T, offset: number, lines: number, points = new Map<TreePoint, TreePoint>()): T {
  const copy = { ...node };
  const p = node.position;
  if (p) {
    const move = (at: TreePoint) => {
      let to = points.get(at);
      if (!to) points.set(at, (to = { line: at.line + lines, column: at.column, offset: (at.offset ?? 0) + offset }));
      return to;
    };
    copy.position = { start: move(p.start), end: move(p.end) };
  }
  // Depth is capped before a tree is cached: this recursion stays shallow.
  if ('children' in node)
    (copy as { children: Nodes[] }).children = (node.children as Nodes[]).map((child) => moved(child, offset, lines, points));
  return copy;
}

interface Piece {
  start: number;
  end: number;
}

/**
 * Cuts where no block can run on: before ATX headings, and before an unindented line of plain
 * text after a blank line (no list item, quote, table or HTML can continue there), never inside
 * fenced code, HTML comments, raw HTML blocks or an HTML block (to its blank line). Pieces are
 * at least `size / 16` characters, so that a document of many tiny sections is not parsed in
 * thousands of calls, and small enough
 * that a keystroke in a long document costs the parse of about a kilobyte. Besides speed,
 * pieces bound the parser's work that grows with everything before it in the same run (each
 * setext heading and each closed container copies the events so far).
 */
export function splitAtHeadings(text: string, size: number, from = 0): Piece[] {
  const minimum = Math.max(1, size >> 4);
  const pieces: Piece[] = [];
  let start = from;
  let afterBlank = false;
  // An HTML block such as `<p>` or `<div>` runs to the next blank line, over `#` lines too.
  let inHtmlBlock = false;
  for (const line of markdownLines(text, 3)) {
    if (line.start < from) continue;
    const content = text.slice(line.start, line.end);
    const cut = !line.verbatim && ((!inHtmlBlock && ATX_HEADING_LINE.test(content)) || (afterBlank && FRESH_PARAGRAPH_LINE.test(content)));
    if (cut && line.start - start >= minimum) {
      pieces.push({ start, end: line.start });
      start = line.start;
    }
    afterBlank = line.blank;
    inHtmlBlock = !line.blank && (inHtmlBlock || TAG_LINE.test(content));
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

const ATX_HEADING_LINE = /^#{1,6}(?:[ \t]|$)/;
// May open an HTML block (any indentation: inside a list item too); not cutting is always safe.
const TAG_LINE = /^\s*</;
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
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
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
  // Nodes may share a point (see `compileEvents`): each is moved once.
  const seen = new Set<TreePoint>();
  for (const node of descendantsOf(root)) {
    const p = node.position;
    if (!p || node === root) continue;
    for (const at of [p.start, p.end]) {
      if (seen.has(at)) continue;
      seen.add(at);
      const before = lastAtOrBefore(ends, at.offset ?? 0);
      if (before >= 0) at.line += hidden[before];
    }
  }
  const paragraphs: RootContent[] = blanked.map((b) => {
    const position = { start: point(b.start), end: point(b.end) };
    return { type: 'paragraph', children: [{ type: 'text', value: text.slice(b.start, b.end), position }], position };
  });
  const verbatim = verbatimBlocks.map((b) => verbatimNode(text.slice(b.start, b.end), { start: point(b.start), end: point(b.end) }));
  root.children = [...root.children, ...paragraphs, ...verbatim].sort(
    (a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0),
  );
}

/** A hidden code block, comment or raw HTML block as the parser would have read it. */
function verbatimNode(
  source: string,
  position: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } },
): RootContent {
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

/** Replaces the children of nodes at `MAX_TREE_DEPTH` with their plain text; `depth` is the depth of `top` under the root. */
function capDepth(top: Nodes, degraded: DegradedSpan[], topDepth = 0): void {
  const stack: Array<[Nodes, number]> = [[top, topDepth]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    if (depth >= MAX_TREE_DEPTH) {
      const position = node.position;
      (node as { children: Nodes[] }).children = [{ type: 'text', value: flatText(node), position }];
      if (position)
        degraded.push({ span: { start: position.start.offset ?? 0, end: position.end.offset ?? 0 }, reason: 'nesting', count: depth });
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
