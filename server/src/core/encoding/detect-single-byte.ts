import { candidatesOf } from './candidates';
import { CODE_PAGES, isCodePageChar, type CodePage } from './codepages';
import { decodedKind, isCommonIdeograph } from './plausible';
import type { LostChar, MojibakeSpan, Piece } from './types';
import { tokenizeUtf8, type Utf8Token } from './utf8';
import { LineScan } from '../text/line-scan';

/**
 * UTF-8 read with a single-byte code page (`基于` → `åŸºäºŽ`). Each mojibake character is one
 * byte, and ASCII bytes never belong to a multi-byte sequence, so the text is cut into runs of
 * non-ASCII code-page characters and each run is turned back into bytes and read as UTF-8.
 * A run is mojibake when its bytes form plausible multi-byte characters; correct Latin text
 * (`café`, `SÃO PAULO`, `„Straße“`) makes stray bytes or implausible characters instead.
 */

/** Soft hyphens (byte 0xAD) are what clean-up tools strip next after undefined bytes. */
const SOFT_HYPHEN = 0xad;

interface Segment {
  /** Offsets in the document. */
  start: number;
  end: number;
  /** Tokens of the run's bytes; their offsets count from `runStart` (one byte per character). */
  tokens: Utf8Token[];
  runStart: number;
  runBytes: Uint8Array;
  /** Whole multi-byte characters, and how many of them decode to letters of 3+ bytes (CJK, symbols). */
  chars: number;
  wide: number;
  /** Characters whose bytes did not all survive. */
  partials: number;
  /** Partials with at least one continuation byte left (a lone lead byte is often just `é`). */
  partialsWithTail: number;
  /**
   * The segment is one whole character from the Latin-1 range, the classic `Ã©`. Other lone
   * two-byte letters (`Ä”` is Ĕ, `Ó”` is Ӕ) need company before they count as mojibake.
   */
  latinPair: boolean;
  /** A character outside everyday Chinese (an ideograph missing from GB2312). */
  rare: boolean;
}

interface RunReading {
  page: CodePage;
  bytes: Uint8Array;
  segments: Segment[];
  /** Whole characters in segments free of implausible ones: the evidence for this code page. */
  evidence: number;
}

export function findSingleByteMojibake(text: string): MojibakeSpan[] {
  const readings = readingsLineByLine(text);
  if (!readings.length) return [];
  const dominant = dominantPage(readings);
  const chosen = readings.map((options) => chooseReading(options, dominant));
  const lostBytes = possiblyLostBytes(readings, chosen);
  // Strong evidence anywhere in the document lets weaker runs (lost bytes, a single character) count.
  const strong = chosen.flatMap((r) => r?.segments ?? []).filter(isStrong);
  const documentDamaged = strong.reduce((n, s) => n + s.chars, 0) >= 3;
  const spans: MojibakeSpan[] = [];
  for (const reading of chosen) {
    for (const segment of reading?.segments ?? []) {
      if (isStrong(segment) || (documentDamaged && isWeak(segment)) || isIsland(text, segment)) {
        const span = toSpan(segment, reading!.page, lostBytes);
        if (span) spans.push(span);
      }
    }
  }
  return spans;
}

/**
 * Each run's readings, one for each code page that can produce all its characters. A run that no
 * code page reads as any multi-byte character (a lone `“`) is left out: it has no say in the
 * document's verdicts either.
 */
function readingsOfRuns(text: string): RunReading[][] {
  return codePageRuns(text)
    .map((run) => CODE_PAGES.map((page) => readRun(text, run, page)).filter((r) => r !== undefined))
    .filter((options) => options.some((r) => r.segments.length));
}

// Runs are made of non-ASCII characters and read on their own bytes: none crosses a line break.
const lineReadings = new LineScan<RunReading[]>(readingsOfRuns);

/** `readingsOfRuns` of the whole text, kept line by line while it is edited. */
function readingsLineByLine(text: string): RunReading[][] {
  const readings: RunReading[][] = [];
  for (const line of lineReadings.of(text)) {
    for (const options of line.items) readings.push(options.map((reading) => shiftedReading(reading, line.start)));
  }
  return readings;
}

function shiftedReading(reading: RunReading, by: number): RunReading {
  const segments = reading.segments.map((s) => ({ ...s, start: s.start + by, end: s.end + by, runStart: s.runStart + by }));
  return { ...reading, segments };
}

/** Maximal runs of non-ASCII characters that some code page can produce. */
function codePageRuns(text: string): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && isCodePageChar(text.charCodeAt(i));
    if (inside && start < 0) start = i;
    else if (!inside && start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}

function readRun(text: string, run: { start: number; end: number }, page: CodePage): RunReading | undefined {
  const bytes = new Uint8Array(run.end - run.start);
  for (let i = run.start; i < run.end; i++) {
    const byte = page.byteOf(text[i]);
    if (byte === undefined) return undefined;
    bytes[i - run.start] = byte;
  }
  const segments: Segment[] = [];
  let evidence = 0;
  let current: Utf8Token[] = [];
  const flush = () => {
    if (current.length) {
      const segment = makeSegment(run.start, bytes, current);
      if (segment) {
        segments.push(segment);
        evidence += segment.chars;
      }
    }
    current = [];
  };
  for (const token of tokenizeUtf8(bytes)) {
    if (token.kind === 'stray') flush();
    else current.push(token);
  }
  flush();
  return { page, bytes, segments, evidence };
}

/** A segment of tokens between stray bytes; undefined when a character it decodes to is implausible. */
function makeSegment(runStart: number, runBytes: Uint8Array, tokens: Utf8Token[]): Segment | undefined {
  let chars = 0;
  let wide = 0;
  let partials = 0;
  let partialsWithTail = 0;
  let latinPair = false;
  let rare = false;
  for (const token of tokens) {
    if (token.kind === 'char') {
      const kind = decodedKind(token.code);
      if (!kind) return undefined;
      if (kind === 'cjk' && !isCommonIdeograph(token.code)) rare = true;
      chars++;
      if (token.code >= 0x800) wide++;
      if (token.code >= 0xa0 && token.code <= 0xff) latinPair = true;
    } else if (token.kind === 'partial') {
      partials++;
      if (token.end - token.start > 1) partialsWithTail++;
    }
  }
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return {
    start: runStart + first.start,
    end: runStart + last.end,
    tokens,
    runStart,
    runBytes,
    chars,
    wide,
    partials,
    partialsWithTail,
    latinPair: latinPair && chars === 1,
    rare,
  };
}

/**
 * Mojibake beyond reasonable doubt: the characters make sense and every byte survived, or
 * bytes went missing right next to whole characters of three bytes (CJK, punctuation).
 */
function isStrong(s: Segment): boolean {
  if (s.partials > 0) return s.wide >= 1 && s.partialsWithTail === s.partials;
  if (s.chars >= 2) return true;
  return s.chars === 1 && ((s.wide === 1 && !s.rare) || s.latinPair);
}

/** Mojibake once the document is known to be damaged: lost bytes, or a single two-byte letter. */
function isWeak(s: Segment): boolean {
  if (s.chars >= 1) return true;
  return s.partials > 0 && s.partialsWithTail === s.partials;
}

/**
 * Characters' surviving bytes wedged against Chinese (`基äºeBPF`, `分æ的`, `éå†`): what is left
 * after the neighbours were repaired and the guesses left to a person. A lone lead byte (`é`)
 * needs Chinese on both sides, since `é` next to a word is ordinary text.
 */
function isIsland(text: string, s: Segment): boolean {
  if (s.chars > 0 || s.partials === 0) return false;
  const left = HAN.test(text.charAt(s.start - 1));
  const right = HAN.test(text.charAt(s.end));
  return s.partialsWithTail > 0 ? left || right : s.partials === 1 && left && right;
}

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The bytes that may have been dropped. Windows-1252 and 1254 read Chinese mojibake the same
 * way unless a letter only one of them has shows up, so the undefined bytes of every code page
 * that reads all the runs alike count (1254 drops 0x8E and 0x9E, which 1252 keeps as Ž ž).
 */
function possiblyLostBytes(readings: RunReading[][], chosen: Array<RunReading | undefined>): number[] {
  const consistent = CODE_PAGES.filter((page) =>
    chosen.every((c, i) => {
      if (!c) return true;
      const other = readings[i].find((r) => r.page === page);
      return other !== undefined && sameBytes(other.bytes, c.bytes);
    }),
  );
  const pages = consistent.length ? consistent : [...new Set(chosen.filter((c) => c !== undefined).map((c) => c.page))];
  return [...new Set([...pages.flatMap((p) => p.undefinedBytes), SOFT_HYPHEN])].sort((a, b) => a - b);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The code page with the most evidence over the document: it breaks ties run by run. */
function dominantPage(readings: RunReading[][]): CodePage {
  const totals = new Map<CodePage, number>();
  for (const options of readings) for (const r of options) totals.set(r.page, (totals.get(r.page) ?? 0) + r.evidence);
  let best = CODE_PAGES[0];
  for (const page of CODE_PAGES) if ((totals.get(page) ?? 0) > (totals.get(best) ?? 0)) best = page;
  return best;
}

function chooseReading(options: RunReading[], dominant: CodePage): RunReading | undefined {
  let best: RunReading | undefined;
  for (const r of options) {
    if (!r.segments.length) continue;
    if (!best || score(r) > score(best) || (score(r) === score(best) && r.page === dominant)) best = r;
  }
  return best;
}

function score(r: RunReading): number {
  return r.segments.reduce((n, s) => n + 2 * s.chars - (s.partials - s.partialsWithTail), 0);
}

function toSpan(segment: Segment, page: CodePage, choices: readonly number[]): MojibakeSpan | undefined {
  const pieces: Piece[] = [];
  let lostCount = 0;
  for (const token of segment.tokens) {
    const start = segment.runStart + token.start;
    const end = segment.runStart + token.end;
    if (token.kind === 'char') appendText(pieces, String.fromCodePoint(token.code), start, end);
    else if (token.kind === 'partial') {
      const lost: LostChar = { present: [...segment.runBytes.subarray(token.start, token.end)], length: token.length, choices };
      // A partial nothing plausible can complete is not lost UTF-8 after all.
      if (!candidatesOf(lost).length) return undefined;
      pieces.push({ kind: 'lost', lost, start, end });
      lostCount++;
    }
  }
  return { start: segment.start, end: segment.end, encoding: page.name, pieces, lostCount };
}

/** Adds text to the last piece when it is text too, so a lossless stretch is one piece. */
function appendText(pieces: Piece[], text: string, start: number, end: number): void {
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'text') {
    last.text += text;
    last.end = end;
  } else pieces.push({ kind: 'text', text, start, end });
}
