import type { Span } from '../text/lines';
import { SpanIndex } from '../text/spans';

/*
 * The Markdown parser (micromark) is quadratic on some inputs that no one writes on purpose
 * but anyone can paste or commit: tens of thousands of emphasis or bracket markers in one
 * paragraph (`*a` × 51,200 took 30 s), thousands of setext underlines, and containers nested
 * thousands deep (`> ` × 4,600 overflows the stack). Before the parser sees a document, this
 * pre-pass finds those places in one linear scan and hands the parser a copy of the same length
 * (every offset stays right) in which their markers are swapped for private-use characters, or
 * whole blocks are blanked, so the parser reads plain text there. The swapped characters are
 * put back in the tree's values and blanked blocks come back as paragraphs (markdown.ts), and
 * each place is reported (`style/markup-limit`), never hidden.
 *
 * The limits sit far above real minutes. Over the 377 files of both corpora: the busiest
 * paragraph holds 96 markers (the busiest block of lines without a blank one, 351), at most 2
 * containers open on one line, at most 1 setext underline per block, at most 31 lines of a
 * block step out of a quote or list, the longest block has 105 lines; no file reaches any limit.
 */

/** Emphasis, strikethrough, bracket and code-span markers in one paragraph (or list item, or heading). */
export const MAX_INLINE_MARKERS = 1000;
/** Block quotes and list items opened on one line. */
export const MAX_CONTAINER_DEPTH = 16;
/** Setext underlines (`===`, `---` under a line of text) in a row of lines without a blank one (and 32 within 4 KB). */
export const MAX_UNDERLINES_PER_BLOCK = 8;
/**
 * Lines, in a row without a blank one, that step out of a quote or list (a lazy continuation
 * line, a shallower list item). The parser copies everything parsed so far at each of them.
 */
export const MAX_STEPS_OUT_PER_BLOCK = 256;
/**
 * Lines in a row without a blank one (the longest run in both corpora is 105). The parser's
 * cost per line of one long paragraph or list is ten times that of separate ones.
 */
export const MAX_LINES_PER_BLOCK = 1000;
/** Table cells (`|`) on one line: real tables have a dozen. */
export const MAX_CELLS_PER_ROW = 256;
/** Setext underlines that may fall within `UNDERLINE_WINDOW` characters, blank lines or not. */
const UNDERLINES_PER_WINDOW = 32;
const UNDERLINE_WINDOW = 4096;

export type DegradedReason = 'markers' | 'nesting' | 'underlines' | 'structure' | 'length' | 'cells';

export interface DegradedSpan {
  span: Span;
  reason: DegradedReason;
  /** How many markers, containers or underlines the place holds. */
  count: number;
}

export interface GuardedText {
  /** `text` with the markers of degraded places swapped and whole blocks blanked; the same length. */
  text: string;
  degraded: DegradedSpan[];
  /** Blocks turned into spaces, to be put back as paragraphs of plain text. */
  blanked: Span[];
  /** Ranges whose line breaks became spaces (blanked blocks, long runs of blank lines): the parser saw one line. */
  hidden: Span[];
  /** Code blocks, comments and raw HTML blocks hidden from the parser, to be put back whole. */
  verbatimBlocks: Span[];
}

/** Blank lines in a row beyond which they are one blank line to the parser (it pays per line). */
const MAX_BLANK_LINES = 64;

const SWAP_BASE = 0xe000;
const INLINE_MARKERS = new Set(['*', '_', '~', '[', ']', '`']);
const CONTAINER_MARKERS = new Set(['>', '-', '*', '+', '.', ')']);

function swapped(ch: string): string {
  return String.fromCharCode(SWAP_BASE + ch.charCodeAt(0));
}

/** `value` with the characters this pre-pass swapped back as they were. */
export function restoreString(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= SWAP_BASE && code < SWAP_BASE + 0x80) {
      out += value.slice(from, i) + String.fromCharCode(code - SWAP_BASE);
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

interface Line {
  start: number;
  end: number;
  /** Inside fenced code, an HTML comment or a raw HTML block (or its opening/closing line). */
  verbatim: boolean;
  blank: boolean;
  /** A fence, comment or raw HTML block is still open after this line. */
  open: boolean;
}

/**
 * Walks the lines of a Markdown text, telling which are code, comments or raw HTML: those are
 * never parsed inline, whatever they hold. The piece cutter takes openers indented up to three
 * spaces, so that it never cuts inside what may be code. The guard takes only unindented ones:
 * a fence inside a list item ends with the item, and text after it is parsed again, so a fence
 * it cannot place must not hide a paragraph's markers from it.
 */
export function* markdownLines(text: string, openerIndent: 0 | 3): Generator<Line> {
  const indent = openerIndent ? ' {0,3}' : '';
  const fenceOpener = new RegExp(`^${indent}(\`{3,}|~{3,})`);
  const commentOpener = new RegExp(`^${indent}<!--`);
  let fence: { char: string; size: number } | undefined;
  let inComment = false;
  // Raw HTML blocks (`<pre>`, `<?…?>`, `<![CDATA[…]]>`) run to their end marker, blank lines included.
  let rawHtmlEnd: string | undefined;
  let offset = 0;
  while (offset < text.length) {
    const end = lineEndAt(text, offset);
    const next = nextLineAt(text, end);
    const line = text.slice(offset, end);
    let verbatim = true;
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (rawHtmlEnd) {
      if (line.toLowerCase().includes(rawHtmlEnd)) rawHtmlEnd = undefined;
    } else {
      const open = fenceOpener.exec(line);
      if (open && !(open[1][0] === '`' && line.indexOf('`', open[0].length) >= 0)) {
        fence = { char: open[1][0], size: open[1].length };
      } else if (commentOpener.test(line)) {
        inComment = !line.includes('-->', line.indexOf('<!--') + 4);
      } else {
        const close = /^ */.exec(line)![0].length <= openerIndent ? rawHtmlClose(line) : undefined;
        if (close !== undefined) {
          if (!line.toLowerCase().includes(close, line.indexOf('<') + 2)) rawHtmlEnd = close;
        } else {
          verbatim = false;
        }
      }
    }
    yield { start: offset, end, verbatim, blank: !verbatim && line.trim() === '', open: !!fence || inComment || !!rawHtmlEnd };
    offset = next;
  }
}

/** Text appended to `text` would land inside a code fence, comment or raw HTML block left open. */
export function endsInsideOpenBlock(text: string): boolean {
  let open = false;
  for (const line of markdownLines(text, 3)) open = line.open;
  return open;
}

function rawHtmlClose(line: string): string | undefined {
  const raw = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i.exec(line);
  if (raw) return `</${raw[1].toLowerCase()}>`;
  if (/^ {0,3}<\?/.test(line)) return '?>';
  if (/^ {0,3}<!\[CDATA\[/.test(line)) return ']]>';
  if (/^ {0,3}<![A-Z]/i.test(line)) return '>';
  return undefined;
}

function lineEndAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function nextLineAt(text: string, end: number): number {
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  return end + 1;
}

function closesFence(line: string, fence: { char: string; size: number }): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let n = 0;
  while (line[i + n] === fence.char) n++;
  return n >= fence.size && line.slice(i + n).trim() === '';
}

/** `> ` and list markers opening containers at the start of a line, with where each ends. */
function containerMarkers(line: string): number[] {
  const ends: number[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (j < line.length && j - i < 4 && (line[j] === ' ' || line[j] === '\t')) j++;
    const c = line[j];
    if (c === '>') {
      ends.push(j + 1);
      i = j + 1;
      continue;
    }
    if ((c === '-' || c === '*' || c === '+') && (line[j + 1] === ' ' || line[j + 1] === '\t')) {
      ends.push(j + 1);
      i = j + 1;
      continue;
    }
    let d = j;
    while (d < line.length && d - j < 9 && line.charCodeAt(d) >= 48 && line.charCodeAt(d) <= 57) d++;
    if (d > j && (line[d] === '.' || line[d] === ')') && (line[d + 1] === ' ' || line[d + 1] === '\t')) {
      ends.push(d + 1);
      i = d + 1;
      continue;
    }
    return ends;
  }
}

function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
// A list item that starts a new paragraph whatever came before: a bullet or `1.` with text
// after it, at most three spaces in (after any `>` of the line). A bare `>` may continue the
// paragraph of a quote (`> a`, `b`, `> c` is one paragraph), so it starts nothing here.
const LIST_ITEM_START = /^ {0,3}(?:[-*+][ \t]+\S|1[.)][ \t]+\S)/;

/** The line after its block quote markers (`> > `). */
function afterQuoteMarkers(line: string): string {
  let i = 0;
  for (;;) {
    let j = i;
    while (j - i < 3 && line[j] === ' ') j++;
    if (line[j] !== '>') return line.slice(i);
    i = j + 1;
    if (line[i] === ' ' || line[i] === '\t') i++;
  }
}

/**
 * The inline units of a block of lines: where a paragraph surely ends (a line that starts a
 * list item, a quote, a heading, a rule or an underline). The guess only ever joins what the
 * parser would keep apart, so a unit's marker count is never lower than the parser's.
 */
function startsUnit(line: string): boolean {
  return LIST_ITEM_START.test(afterQuoteMarkers(line)) || ATX_HEADING.test(line) || THEMATIC_BREAK.test(line) || UNDERLINE.test(line);
}

/**
 * Finds the places the parser would choke on. A paragraph with too many markers, and a line
 * nested too deep, keep their structure: only their markers are swapped. A block of lines whose
 * structure itself is the problem (underlines, lines stepping out of quotes and lists) is blanked
 * instead: every character, line breaks included, becomes a space, so the parser sees one blank
 * line, and `markdown.ts` puts the block back as one paragraph of its text. (A block kept as one
 * long paragraph costs the parser ten times more per line than blank lines cost it.)
 * Linear in the text.
 */
export function guardMarkdown(text: string): GuardedText {
  const degraded: DegradedSpan[] = [];
  const blanked: Span[] = [];
  let chars: string[] | undefined;
  const swap = (from: number, to: number, which: (ch: string) => boolean): void => {
    chars ??= text.split('');
    for (let i = from; i < to; i++) if (which(text[i])) chars[i] = swapped(text[i]);
  };
  const hidden: Span[] = [];
  const hide = (from: number, to: number): void => {
    chars ??= text.split('');
    for (let i = from; i < to; i++) chars[i] = ' ';
    const last = hidden[hidden.length - 1];
    // Hidden ranges with only blank lines between them become one: the parser sees one line.
    if (last && /^\s*$/.test(text.slice(last.end, from))) {
      for (let i = last.end; i < from; i++) chars[i] = ' ';
      last.end = to;
    } else {
      hidden.push({ start: from, end: to });
    }
  };
  const blank = (from: number, to: number): void => {
    hide(from, to);
    blanked.push({ start: from, end: to });
  };
  // A code block, comment or raw HTML block of thousands of lines (one left open runs to the
  // end): the parser pays per line, so it sees one line and the block comes back whole.
  const verbatimBlocks: Span[] = [];
  let verbatimRun: { start: number; end: number; lines: number } | undefined;
  const closeVerbatimRun = (): void => {
    if (verbatimRun && verbatimRun.lines > MAX_LINES_PER_BLOCK) {
      hide(verbatimRun.start, verbatimRun.end);
      verbatimBlocks.push({ start: verbatimRun.start, end: verbatimRun.end });
    }
    verbatimRun = undefined;
  };
  let blankRun: { start: number; end: number; lines: number } | undefined;
  const closeBlankRun = (): void => {
    if (blankRun && blankRun.lines > MAX_BLANK_LINES) hide(blankRun.start, blankRun.end);
    blankRun = undefined;
  };

  let unit: { start: number; end: number; markers: number } | undefined;
  const closeUnit = (): void => {
    if (unit && unit.markers > MAX_INLINE_MARKERS) {
      swap(unit.start, unit.end, (ch) => INLINE_MARKERS.has(ch));
      degraded.push({ span: { start: unit.start, end: unit.end }, reason: 'markers', count: unit.markers });
    }
    unit = undefined;
  };
  // The lines since the last blank one: the underlines under them, the quotes and lists they step out of.
  let block:
    | {
        start: number;
        end: number;
        lines: number;
        stepsOut: number;
        depth: number;
        underlines: number;
        denseUnderlines: boolean;
        cells: number;
      }
    | undefined;
  // Where the latest underlines were: dozens within a few kilobytes make the parser copy its events each time.
  const recentUnderlines: number[] = [];
  const closeBlock = (): void => {
    if (block) {
      const found: Array<[DegradedReason, number, boolean]> = [
        ['length', block.lines, block.lines > MAX_LINES_PER_BLOCK],
        ['structure', block.stepsOut, block.stepsOut > MAX_STEPS_OUT_PER_BLOCK],
        ['underlines', block.underlines, block.underlines > MAX_UNDERLINES_PER_BLOCK || block.denseUnderlines],
        ['cells', block.cells, block.cells > MAX_CELLS_PER_ROW],
      ];
      const first = found.find(([, , over]) => over);
      if (first) {
        blank(block.start, block.end);
        degraded.push({ span: { start: block.start, end: block.end }, reason: first[0], count: first[1] });
      }
    }
    block = undefined;
  };
  let previousText = false;

  for (const line of markdownLines(text, 0)) {
    if (line.verbatim || line.blank) {
      closeUnit();
      closeBlock();
      previousText = false;
      if (line.blank) {
        closeVerbatimRun();
        blankRun ??= { start: line.start, end: line.end, lines: 0 };
        blankRun.end = line.end;
        blankRun.lines++;
      } else {
        closeBlankRun();
        verbatimRun ??= { start: line.start, end: line.end, lines: 0 };
        verbatimRun.end = line.end;
        verbatimRun.lines++;
        if (!line.open) closeVerbatimRun();
      }
      continue;
    }
    closeBlankRun();
    closeVerbatimRun();
    const content = text.slice(line.start, line.end);
    const containers = containerMarkers(content);
    if (containers.length > MAX_CONTAINER_DEPTH) {
      const from = line.start + containers[MAX_CONTAINER_DEPTH - 1];
      swap(from, line.start + containers[containers.length - 1], (ch) => CONTAINER_MARKERS.has(ch));
      degraded.push({ span: { start: line.start, end: line.end }, reason: 'nesting', count: containers.length });
    }
    const depth = indentOf(content) + 2 * containers.length;
    block ??= { start: line.start, end: line.end, lines: 0, stepsOut: 0, depth, underlines: 0, denseUnderlines: false, cells: 0 };
    block.lines++;
    if (depth < block.depth) block.stepsOut++;
    block.depth = depth;
    block.end = line.end;
    if (previousText && UNDERLINE.test(content)) {
      block.underlines++;
      recentUnderlines.push(line.start);
      if (recentUnderlines.length > UNDERLINES_PER_WINDOW) recentUnderlines.shift();
      if (recentUnderlines.length === UNDERLINES_PER_WINDOW && line.start - recentUnderlines[0] < UNDERLINE_WINDOW)
        block.denseUnderlines = true;
    }
    if (startsUnit(content)) closeUnit();
    unit ??= { start: line.start, end: line.end, markers: 0 };
    unit.end = line.end;
    let cells = 0;
    for (let i = line.start; i < line.end; i++) {
      if (INLINE_MARKERS.has(text[i])) unit.markers++;
      else if (text[i] === '|') cells++;
    }
    block.cells = Math.max(block.cells, cells);
    previousText = true;
  }
  closeUnit();
  closeBlock();
  closeBlankRun();
  closeVerbatimRun();
  // A blanked block is said once: what was swapped inside it is blank now.
  const blankedIndex = new SpanIndex(blanked);
  const inBlanked = (d: DegradedSpan) => (d.reason === 'markers' || d.reason === 'nesting') && blankedIndex.contains(d.span.start);
  const said = blanked.length ? degraded.filter((d) => !inBlanked(d)) : degraded;
  said.sort((a, b) => a.span.start - b.span.start);
  return { text: chars ? chars.join('') : text, degraded: said, blanked, hidden, verbatimBlocks };
}
