import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Documents up to this size are parsed in one piece. remark-parse's time grows faster than
 * the text (about 4× for 2× on long minutes: a 640 KB file took 2.5 s, 2.5 MB a minute), so
 * larger ones are cut into pieces of at least a quarter of this at their headings, which
 * CommonMark never lets a list, quote or paragraph run through, and parsed piece by piece:
 * 820 KB of Curve minutes in 1.4 s instead of 9 s. Every corpus file parses to the same tree
 * either way (test/unit/markdown.test.ts and the corpus check in CI).
 */
export const WHOLE_PARSE_LIMIT = 16 * 1024;

/** Parses Markdown (CommonMark + GFM) into mdast with offsets into `text`. */
export function parseMarkdown(text: string, wholeLimit = WHOLE_PARSE_LIMIT): Root {
  if (text.length <= wholeLimit) return processor.parse(text) as Root;
  const pieces = splitAtHeadings(text, wholeLimit);
  if (pieces.length === 1) return processor.parse(text) as Root;
  // Reference definitions are document-wide: each piece is parsed with all of them after it,
  // so `[text][1]` resolves wherever `[1]:` is; what they add past the piece is dropped.
  const definitions = referenceDefinitionLines(text);
  const children: RootContent[] = [];
  let line = 0;
  for (const piece of pieces) {
    const source = text.slice(piece.start, piece.end);
    for (const node of parsePiece(source, definitions)) {
      shift(node, piece.start, line);
      children.push(node);
    }
    line += countLines(source);
  }
  const end = positionAtEnd(text);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
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

function parsePiece(source: string, definitions: string): RootContent[] {
  const key = `${definitions.length}:${definitions}\u0000${source}`;
  let nodes = pieceCache.get(key);
  if (nodes) {
    pieceCache.delete(key);
  } else {
    const tree = processor.parse(definitions ? `${source}\n\n${definitions}` : source) as Root;
    nodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) < source.length);
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
 * Cuts before ATX headings outside fenced code, HTML comments and raw HTML blocks, keeping
 * pieces of at least `size / 4` characters so that a document of many tiny sections is not
 * parsed in thousands of calls.
 */
export function splitAtHeadings(text: string, size: number): Piece[] {
  const minimum = Math.max(1, size >> 2);
  const pieces: Piece[] = [];
  let start = 0;
  let fence: string | undefined;
  let inComment = false;
  let rawHtmlEnd: RegExp | undefined;
  let offset = 0;
  while (offset < text.length) {
    const next = text.indexOf('\n', offset);
    const end = next < 0 ? text.length : next + 1;
    const line = text.slice(offset, end);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (rawHtmlEnd) {
      if (rawHtmlEnd.test(line)) rawHtmlEnd = undefined;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open) fence = open[1];
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
      else {
        const raw = /^ {0,3}<(script|pre|style|textarea)\b/i.exec(line);
        if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(line)) rawHtmlEnd = new RegExp(`</${raw[1]}>`, 'i');
        else if (/^#{1,6}(?:[ \t]|\r?\n|$)/.test(line) && offset - start >= minimum) {
          pieces.push({ start, end: offset });
          start = offset;
        }
      }
    }
    offset = end;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

// `[label]: destination` at the start of a line (up to three spaces), not LCTT's `[#]:` header.
const DEFINITION_LINE = /^ {0,3}\[(?!#\])[^\]\n]+\]:[ \t]*\S.*$/gm;

function referenceDefinitionLines(text: string): string {
  return (text.match(DEFINITION_LINE) ?? []).map((line) => line.trimStart()).join('\n');
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function positionAtEnd(text: string): { line: number; column: number; offset: number } {
  const lastBreak = text.lastIndexOf('\n');
  return { line: countLines(text) + 1, column: text.length - lastBreak, offset: text.length };
}

function shift(node: Nodes, offset: number, lines: number): void {
  const p = node.position;
  if (p) {
    p.start = { ...p.start, line: p.start.line + lines, offset: (p.start.offset ?? 0) + offset };
    p.end = { ...p.end, line: p.end.line + lines, offset: (p.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, offset, lines);
}
