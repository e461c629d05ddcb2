import { gbkTable, type GbkTable } from './gbk';
import { decodedKind } from './plausible';
import { shiftedSpan, type LostChar, type MojibakeSpan, type Piece } from './types';
import { tokenizeUtf8, type Utf8Token } from './utf8';
import { charModel, type CharModel } from './zh-model';
import { LineScan } from '../text/line-scan';

/**
 * UTF-8 read as GBK (`基于` → `鍩轰簬`). Runs of GBK characters are encoded back to GBK bytes
 * and read as UTF-8. Correct Chinese almost never makes valid UTF-8 for long, and when a short
 * stretch does, what it decodes to is rarer than what is written; mojibake is the other way
 * round: rare characters (`鍩`, `簬`) that decode to common ones.
 */

const REPLACEMENT = 0xfffd;
/** A GBK decoder turns a lead byte followed by ASCII into U+FFFD: the byte was a UTF-8 continuation. */
const CONTINUATION_BYTES = Array.from({ length: 0x40 }, (_, i) => 0x80 + i);
/** Nats per character by which the decoded text must be more common than the mojibake. */
const COMMONNESS_GAIN = 1.5;

interface GbkRun {
  start: number;
  end: number;
  /** Byte offset where each character of the run starts. */
  offsets: number[];
  bytes: number[];
  /** The run ends in U+FFFD: one byte lost after the last character. */
  lostTail: boolean;
}

/**
 * Without a model, the built-in one: built only when a run needs judging, which correct Chinese
 * seldom has (building it is a large part of a one-file `minutes-lint` run).
 */
export function findGbkMojibake(text: string, model?: CharModel): MojibakeSpan[] {
  if (!hasWideCandidates(text)) return [];
  const table = gbkTable();
  if (!table) return [];
  const found = model && model !== charModel() ? judgedRuns(text, table, () => model) : judgedLineByLine(text);
  // A lone character with a lost tail (`浜�`) counts once the document is known to be damaged.
  const damaged = found.filter((f) => f.strong).reduce((n, f) => n + f.wide, 0) >= 3;
  return found.filter((f) => f.strong || damaged).map((f) => f.span);
}

interface Judged {
  span: MojibakeSpan;
  strong: boolean;
  wide: number;
}

function judgedRuns(text: string, table: GbkTable, model: () => CharModel): Judged[] {
  return gbkRuns(text, table).flatMap((run) => readRun(text, run, model));
}

// Runs are made of non-ASCII characters and judged on their own text: none crosses a line break.
const judgedLines = new LineScan<Judged>((line) => judgedRuns(line, gbkTable()!, () => charModel()));

/** `judgedRuns` of the whole text, kept line by line while it is edited (the built-in model only). */
function judgedLineByLine(text: string): Judged[] {
  const found: Judged[] = [];
  for (const line of judgedLines.of(text)) {
    for (const judged of line.items) found.push({ ...judged, span: shiftedSpan(judged.span, line.start) });
  }
  return found;
}

/** Cheap test first: GBK mojibake of UTF-8 Chinese is made of CJK characters. */
function hasWideCandidates(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

function gbkRuns(text: string, table: GbkTable): GbkRun[] {
  const runs: GbkRun[] = [];
  let run: GbkRun | undefined;
  // Mojibake of UTF-8 has GBK lead bytes in E0–F4 (the UTF-8 lead bytes of 3- and 4-byte characters).
  let leads = 0;
  const close = () => {
    if (run && leads >= 1) runs.push(run);
    run = undefined;
    leads = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === REPLACEMENT && run) {
      run.end = i + 1;
      run.lostTail = true;
      close();
      continue;
    }
    // Non-ASCII only: GBK's two-byte characters, and `€`, its one byte 0x80 (a UTF-8 continuation byte).
    const code = unit >= 0x80 ? table.codeOf(unit) : -1;
    if (code !== 0x80 && code <= 0xff) {
      close();
      continue;
    }
    run ??= { start: i, end: i, offsets: [], bytes: [], lostTail: false };
    run.offsets.push(run.bytes.length);
    const first = code >> 8 || code;
    if (code > 0xff) run.bytes.push(first, code & 0xff);
    else run.bytes.push(code);
    run.end = i + 1;
    if (first >= 0xe0 && first <= 0xf4) leads++;
  }
  close();
  return runs;
}

/**
 * The stretches of a run whose bytes are whole UTF-8 characters. A stretch must begin and end
 * where a GBK character and a UTF-8 token both begin or end, so it can be replaced as text.
 */
function readRun(text: string, run: GbkRun, model: () => CharModel): Judged[] {
  const tokens = tokenizeUtf8(run.bytes);
  const charIndex = new Map(run.offsets.map((offset, index) => [offset, index]));
  charIndex.set(run.bytes.length, run.offsets.length);
  const usable = (token: Utf8Token, index: number) =>
    token.kind === 'char' || token.kind === 'ascii' || (token.kind === 'partial' && run.lostTail && index === tokens.length - 1);
  const spans: Judged[] = [];
  let stretch: Utf8Token[] = [];
  let stretchFrom = -1;
  let block: Utf8Token[] = [];
  let blockGood = true;
  let blockFrom = 0;
  const closeStretch = () => {
    if (stretch.length) {
      const to = charIndex.get(stretch[stretch.length - 1].end)!;
      const span = judge(text, run, stretchFrom, to, stretch, model, charIndex);
      if (span) spans.push(span);
    }
    stretch = [];
  };
  tokens.forEach((token, index) => {
    if (!block.length) blockFrom = token.start;
    block.push(token);
    blockGood &&= usable(token, index);
    if (!charIndex.has(token.end)) return;
    // Characters and tokens line up here: the block is a unit that can be kept or dropped.
    if (blockGood) {
      if (!stretch.length) stretchFrom = charIndex.get(blockFrom)!;
      stretch.push(...block);
    } else closeStretch();
    block = [];
    blockGood = true;
  });
  closeStretch();
  return spans;
}

function judge(
  text: string,
  run: GbkRun,
  fromChar: number,
  toChar: number,
  tokens: Utf8Token[],
  model: () => CharModel,
  charIndex: Map<number, number>,
): Judged | undefined {
  let wide = 0;
  let lostCount = 0;
  let decodedScore = 0;
  let decodedChars = 0;
  for (const token of tokens) {
    if (token.kind === 'char') {
      if (!decodedKind(token.code)) return undefined;
      if (token.code >= 0x800) wide++;
      decodedScore += model().logUnigram(String.fromCodePoint(token.code));
      decodedChars++;
    } else if (token.kind === 'partial') lostCount++;
  }
  // One decoded character is not enough evidence, unless it is an emoji (four bytes, two rare
  // characters) or a lost byte (U+FFFD) follows; a lost byte alone needs a damaged document.
  const emoji = wide === 1 && tokens.some((t) => t.kind === 'char' && t.code >= 0x10000);
  const strong = wide >= 2 || emoji || (wide === 1 && lostCount > 0);
  if (!strong && !(wide === 0 && lostCount === 1)) return undefined;
  let sourceScore = 0;
  for (let i = run.start + fromChar; i < run.start + toChar; i++) sourceScore += model().logUnigram(text[i]);
  const sourceChars = toChar - fromChar;
  if (decodedChars && decodedScore / decodedChars < sourceScore / sourceChars + COMMONNESS_GAIN) return undefined;

  const start = run.start + fromChar;
  const end = lostCount > 0 && toChar === run.offsets.length ? run.end : run.start + toChar;
  // The lost character is the run's tail. The exact text before it is a piece of its own, cut
  // where a GBK character and a UTF-8 character both start; what lies between that cut and the
  // lost bytes travels with the guess (its offsets are the tail's).
  const tail = tokens[tokens.length - 1];
  let cutToken = tokens.length;
  if (tail.kind === 'partial') {
    cutToken = tokens.length - 1;
    while (cutToken > 0 && !charIndex.has(tokens[cutToken].start)) cutToken--;
  }
  const cut = cutToken < tokens.length ? run.start + charIndex.get(tokens[cutToken].start)! : end;
  const pieces: Piece[] = [];
  tokens.forEach((token, index) => {
    const [pieceStart, pieceEnd] = index < cutToken ? [start, cut] : [cut, end];
    if (token.kind === 'partial') {
      const lost: LostChar = { present: run.bytes.slice(token.start, token.end), length: token.length, choices: CONTINUATION_BYTES };
      pieces.push({ kind: 'lost', lost, start: pieceStart, end: pieceEnd });
    } else if (token.kind !== 'stray') {
      const char = String.fromCodePoint(token.code);
      // Text of the head and of the tail must not merge: they are repaired separately.
      const last = pieces[pieces.length - 1];
      if (last?.kind === 'text' && last.start === pieceStart) last.text += char;
      else pieces.push({ kind: 'text', text: char, start: pieceStart, end: pieceEnd });
    }
  });
  return { span: { start, end, encoding: 'gbk', pieces, lostCount }, strong, wide };
}
