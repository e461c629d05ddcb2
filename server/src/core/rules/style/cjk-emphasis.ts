import type { Nodes, Root } from 'mdast';
import { rendersMarkdown } from '../../links/scan';
import { insideAny } from '../../text/spans';
import { SpanIndex } from '../../text/spans';
import type { MinutesDocument } from '../../model/types';
import type { Span } from '../../text/lines';
import type { Fix, Rule, RuleContext } from '../types';

export const cjkEmphasis: Rule = {
  id: 'style/cjk-emphasis',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'Strong emphasis (`**…**`) that does not render because punctuation sits inside its delimiters next to a letter.',
    zh: '加粗（`**…**`）因标点在定界符内侧并紧邻文字而无法渲染。',
  },
  messages: {
    closing: {
      en: 'This bold text does not render as written: the closing "{delimiter}" comes after "{punct}" and right before a letter, so CommonMark does not end the emphasis here.',
      zh: '此处加粗无法按原意显示：结尾的「{delimiter}」前是「{punct}」、后面紧跟文字，CommonMark 不会在这里结束加粗。',
    },
    opening: {
      en: 'This bold text does not render as written: the opening "{delimiter}" comes right after a letter and before "{punct}", so CommonMark does not start the emphasis here.',
      zh: '此处加粗无法按原意显示：开头的「{delimiter}」紧跟在文字之后、后面是「{punct}」，CommonMark 不会在这里开始加粗。',
    },
    fix: { en: 'Move "{punct}" outside the bold text', zh: '把「{punct}」移到加粗之外' },
  },
  check(ctx) {
    const { doc } = ctx;
    // `.txt` minutes (openEuler etherpad exports), and plain text pasted whole in a fence, are shown as typed.
    if (!rendersMarkdown(doc)) return;
    const { rendered, ends } = strongSpans(doc.mdast);
    // Logins keep their underscores (`@loading__(https://gitcode.com/loading__)`).
    const skip = [...doc.verbatim, ...doc.links.flatMap((l) => (l.urlSpan ? [l.urlSpan] : [])), ...doc.mentions.map((m) => m.span)];
    // Where the parser read the text as plain text (model/guard.ts) nothing tells what renders.
    const unparsed = new SpanIndex(doc.degraded.map((d) => d.span));
    for (const span of inlineContainers(doc.mdast)) {
      if (unparsed.overlaps(span)) continue;
      for (const line of linesOf(doc, span)) {
        for (const marker of ['*', '_'] as const) checkLine(ctx, line, marker, skip, rendered, ends);
      }
    }
  },
};

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /[\p{Zs}\t\n\f\r]/u;

/** A run of exactly two `*` or `_`, with the characters on either side (`''` at a line's edge). */
interface Run {
  start: number;
  end: number;
  before: string;
  after: string;
}

function kind(ch: string): 'space' | 'punct' | 'other' {
  if (!ch || WHITESPACE.test(ch)) return 'space';
  return PUNCTUATION.test(ch) ? 'punct' : 'other';
}

// The CommonMark delimiter-run rules (spec §6.2), on the characters around a run.
function leftFlanking(r: Run): boolean {
  const after = kind(r.after);
  return after !== 'space' && (after === 'other' || kind(r.before) !== 'other');
}

function rightFlanking(r: Run): boolean {
  const before = kind(r.before);
  return before !== 'space' && (before === 'other' || kind(r.after) !== 'other');
}

function canOpen(r: Run, marker: string): boolean {
  if (marker === '*') return leftFlanking(r);
  return leftFlanking(r) && (!rightFlanking(r) || kind(r.before) === 'punct');
}

function canClose(r: Run, marker: string): boolean {
  if (marker === '*') return rightFlanking(r);
  return rightFlanking(r) && (!leftFlanking(r) || kind(r.after) === 'punct');
}

/** Punctuation inside the delimiters, a letter outside: the case this rule is about. */
const openingBlockedByPunctuation = (r: Run) => kind(r.before) === 'other' && kind(r.after) === 'punct';
const closingBlockedByPunctuation = (r: Run) => kind(r.before) === 'punct' && kind(r.after) === 'other';

function checkLine(ctx: RuleContext, line: Span, marker: '*' | '_', skip: Span[], rendered: Set<string>, ends: Set<number>): void {
  const runs = delimiterRuns(ctx.doc.text, line, marker, skip);
  // An odd run (`*italic*`, `***`, `snake_case`) makes pairing guesswork: leave such lines alone.
  if (!runs || runs.length % 2) return;
  if (oneBoldStretch(ctx.doc.text, runs, ends)) return;
  for (let i = 0; i < runs.length; i += 2) {
    const open = runs[i];
    const close = runs[i + 1];
    const openOk = canOpen(open, marker);
    const closeOk = canClose(close, marker);
    if (openOk && closeOk) continue;
    // Only the punctuation case: `** x**` and `a__b__` are other mistakes this rule cannot repair.
    if (!openOk && !openingBlockedByPunctuation(open)) continue;
    if (!closeOk && !closingBlockedByPunctuation(close)) continue;
    // The parser is the judge: emphasis it rendered from these very delimiters is never reported.
    // (A strong that starts here but ends elsewhere is the symptom: `**a：**b**c**` bolds `a：b**c`.)
    if (rendered.has(`${open.start}:${close.end}`)) continue;
    report(ctx, marker, open, close, !openOk, !closeOk);
  }
}

/**
 * `Michael Lieberman **(**Kusari**, TAC)**` (a Google Docs table exported): the parser nests a strong
 * in a strong and uses every delimiter, so the reader sees one bold `(Kusari, TAC)` and no stray
 * asterisk. A pair that wraps nothing but punctuation (`**(**`) bolds no word of its own: the
 * author split one bold stretch, not meant two. (`**不仅如此：**如果可以**离线下载**` is nested the
 * same way, but there both pairs bold words and the plain words between them turn bold.)
 */
function oneBoldStretch(text: string, runs: readonly Run[], ends: Set<number>): boolean {
  if (!runs.every((r) => ends.has(r.start) || ends.has(r.end))) return false;
  for (let i = 0; i < runs.length; i += 2) {
    if (!/[\p{L}\p{N}]/u.test(text.slice(runs[i].end, runs[i + 1].start))) return true;
  }
  return false;
}

/** Runs of exactly two markers on the line, outside code, HTML and link destinations; undefined when the line has odd runs. */
function delimiterRuns(text: string, line: Span, marker: string, skip: Span[]): Run[] | undefined {
  const runs: Run[] = [];
  for (let i = line.start; i < line.end; i++) {
    if (text[i] !== marker) continue;
    let end = i;
    while (end < line.end && text[end] === marker) end++;
    const escaped = /(?:^|[^\\])(?:\\\\)*\\$/.test(text.slice(Math.max(line.start, i - 8), i));
    if (!escaped && !insideAny(i, skip)) {
      if (end - i !== 2) return undefined;
      runs.push({ start: i, end, before: charBefore(text, i, line.start), after: charAt(text, end, line.end) });
    }
    i = end - 1;
  }
  return runs;
}

function charBefore(text: string, i: number, min: number): string {
  if (i <= min) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= min) return text.slice(i - 2, i);
  return text[i - 1];
}

function charAt(text: string, i: number, max: number): string {
  if (i >= max) return '';
  return String.fromCodePoint(text.codePointAt(i)!);
}

function report(ctx: RuleContext, marker: string, open: Run, close: Run, openBlocked: boolean, closeBlocked: boolean): void {
  const { text } = ctx.doc;
  const delimiter = marker + marker;
  const punct = closeBlocked ? close.before : open.after;
  const fix = moveOutside(text, delimiter, open, close, openBlocked, closeBlocked);
  ctx.report({
    span: { start: open.start, end: close.end },
    message: ctx.t(closeBlocked ? 'closing' : 'opening', { delimiter, punct }),
    fixes: fix ? [{ ...fix, title: ctx.t('fix', { punct: fix.title }) }] : [],
  });
}

const PAIRS: Record<string, string> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '【': '】',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
  '“': '”',
  '‘': '’',
  '"': '"',
  "'": "'",
};
const CLOSER_OF = new Map(Object.entries(PAIRS));
const OPENER_OF = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/**
 * `**结论：**本周` → `**结论**：本周`; `讨论**「方案」**如下` → `讨论「**方案**」如下`. Brackets and
 * quotes move out in pairs so that none is left unbalanced inside the bold text. The fix is
 * offered only if the moved delimiters can open and close. The title holds the moved characters.
 */
function moveOutside(text: string, delimiter: string, open: Run, close: Run, openBlocked: boolean, closeBlocked: boolean): Fix | undefined {
  const chars = [...text.slice(open.end, close.start)];
  let lead = 0;
  let trail = 0;
  const isPunct = (c: string) => kind(c) === 'punct';
  if (openBlocked) while (lead < chars.length && isPunct(chars[lead])) lead++;
  if (closeBlocked) while (trail < chars.length - lead && isPunct(chars[chars.length - 1 - trail])) trail++;
  // A closer moved out takes its opener along when that opener starts the text, and the reverse.
  for (let round = 0; round < 2; round++) {
    const trailing = chars.slice(chars.length - trail);
    if (lead === 0 && trailing.some((c) => OPENER_OF.get(c) === chars[0])) lead = 1;
    const leading = chars.slice(0, lead);
    if (trail === 0 && leading.some((c) => CLOSER_OF.get(c) === chars[chars.length - 1])) trail = 1;
  }
  const kept = chars.slice(lead, chars.length - trail);
  if (!kept.length || !balanced(kept)) return undefined;
  const moved = [...chars.slice(0, lead), ...chars.slice(chars.length - trail)].join('');
  const leading = chars.slice(0, lead).join('');
  const trailing = chars.slice(chars.length - trail).join('');
  const newText = leading + delimiter + kept.join('') + delimiter + trailing;
  // The delimiters' new neighbours must let them open and close (CommonMark's flanking rules):
  // judged on the characters around them, without parsing the line again for every finding.
  const newOpen: Run = { start: 0, end: 0, before: leading ? lastChar(leading) : open.before, after: kept[0] };
  const newClose: Run = { start: 0, end: 0, before: kept[kept.length - 1], after: trailing ? trailing[0] : close.after };
  if (!canOpen(newOpen, delimiter[0]) || !canClose(newClose, delimiter[0])) return undefined;
  return { title: moved, edits: [{ start: open.start, end: close.end, newText }], preferred: true, safe: true };
}

function lastChar(s: string): string {
  return [...s].pop() ?? '';
}

function balanced(chars: string[]): boolean {
  const stack: string[] = [];
  for (const c of chars) {
    const closer = CLOSER_OF.get(c);
    if (closer && closer !== c) stack.push(closer);
    else if (OPENER_OF.has(c) && c !== '"' && c !== "'") {
      if (stack.pop() !== c) return false;
    }
  }
  return stack.length === 0;
}

/** `start:end` of every rendered `strong`, and the offsets where one starts or ends. */
function strongSpans(root: Root): { rendered: Set<string>; ends: Set<number> } {
  const rendered = new Set<string>();
  const ends = new Set<number>();
  const visit = (node: Nodes): void => {
    if (node.type === 'strong' && node.position) {
      const { start, end } = node.position;
      rendered.add(`${start.offset}:${end.offset}`);
      ends.add(start.offset!);
      ends.add(end.offset!);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  return { rendered, ends };
}

/** Paragraphs, headings and table cells: where inline emphasis is parsed. */
function inlineContainers(root: Root): Span[] {
  const out: Span[] = [];
  const visit = (node: Nodes): void => {
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && node.position) {
      out.push({ start: node.position.start.offset!, end: node.position.end.offset! });
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  return out;
}

function linesOf(doc: MinutesDocument, span: Span): Span[] {
  const first = doc.lines.position(span.start).line;
  const last = doc.lines.position(span.end).line;
  const out: Span[] = [];
  for (let line = first; line <= last; line++) {
    out.push({ start: Math.max(span.start, doc.lines.lineStart(line)), end: Math.min(span.end, doc.lines.lineEnd(line)) });
  }
  return out;
}
