/**
 * A document-wide scan whose findings never reach past a line break, kept up to date while an
 * author types. The text is compared with the versions scanned lately: the lines before the
 * first difference keep their findings, the lines after the last one keep theirs moved by the
 * change in length, and only the lines in between are scanned again. Comparing two texts costs
 * far less than scanning or hashing them, and nothing is allocated for the lines kept.
 */

/** One line's findings, relative to the line's start, and where the line starts. */
export interface LineFindings<T> {
  start: number;
  items: readonly T[];
}

interface Scanned<T> {
  text: string;
  /** Lines with findings only, in order. */
  lines: LineFindings<T>[];
}

/** Versions remembered: a language server interleaves the documents it checks. */
const VERSIONS_KEPT = 4;

export class LineScan<T> {
  private recent: Array<Scanned<T>> = [];

  /**
   * `scanLine` gets each line without its line break (`\n`, `\r\n` or a lone `\r`, as
   * `LineIndex` cuts them; a leading byte order mark is no part of the first line) and returns
   * its findings, offsets relative to the line. Findings are read only: versions share them.
   */
  constructor(private readonly scanLine: (line: string) => readonly T[]) {
    scans.add(this);
  }

  /** The findings of every line of `text` that has some, in order. */
  of(text: string): readonly LineFindings<T>[] {
    const base = this.closest(text);
    const lines = base ? this.rescan(base, text) : scanLines(text, 0, text.length, this.scanLine, []);
    this.recent = [{ text, lines }, ...this.recent.filter((r) => r !== base && r.text !== text)].slice(0, VERSIONS_KEPT);
    return lines;
  }

  clear(): void {
    this.recent = [];
  }

  /** The latest version that shares at least half of `text` at its two ends. */
  private closest(text: string): Scanned<T> | undefined {
    return this.recent.find((version) => {
      const { prefix, suffix } = sharedEnds(version.text, text);
      return prefix + suffix >= text.length / 2;
    });
  }

  private rescan(base: Scanned<T>, text: string): LineFindings<T>[] {
    const { prefix, suffix } = sharedEnds(base.text, text);
    const delta = text.length - base.text.length;
    // A line start both versions agree on: after the last `\n` they share at the front (not
    // after a `\r` there, which may become half of a `\r\n`).
    const from = prefix ? text.lastIndexOf('\n', prefix - 1) + 1 : 0;
    // And after the first `\n` of the part they share at the back: the lines after it are the same.
    const lineFeed = text.indexOf('\n', text.length - suffix);
    const until = lineFeed < 0 ? text.length : lineFeed;
    const lines: LineFindings<T>[] = [];
    for (const line of base.lines) {
      if (line.start >= from) break;
      lines.push(line);
    }
    scanLines(text, from, until, this.scanLine, lines);
    if (lineFeed >= 0) {
      const keptFrom = lineFeed + 1 - delta;
      for (const line of base.lines)
        if (line.start >= keptFrom) lines.push(delta ? { start: line.start + delta, items: line.items } : line);
    }
    return lines;
  }
}

const scans = new Set<LineScan<unknown>>();

/** Forgets every scan's versions (the incremental check compares warm validations with cold ones). */
export function clearLineScans(): void {
  for (const scan of scans) scan.clear();
}

/** Scans the lines that start from `from` (a line start) to `until` (a line break's offset, or the end). */
function scanLines<T>(
  text: string,
  from: number,
  until: number,
  scanLine: (line: string) => readonly T[],
  into: LineFindings<T>[],
): LineFindings<T>[] {
  let start = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from;
  for (;;) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const items = scanLine(text.slice(start, end));
    if (items.length) into.push({ start, items });
    if (end >= text.length) return into;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (start > until) return into;
  }
}

/** The last comparison: the scans of one document version all compare it with the same earlier one. */
let lastCompared: { a: string; b: string; prefix: number; suffix: number } | undefined;

/** How many characters `a` and `b` share at the front, and then at the back (not reaching into the front part). */
function sharedEnds(a: string, b: string): { prefix: number; suffix: number } {
  if (lastCompared?.a === a && lastCompared.b === b) return lastCompared;
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  lastCompared = { a, b, prefix, suffix };
  return lastCompared;
}
