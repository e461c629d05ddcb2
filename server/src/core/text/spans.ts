import type { Span } from './lines';

/**
 * Answers "is this offset inside any of these spans?" in logarithmic time. Rules ask it for
 * every match against every code span, link or comment of a document, which a linear scan
 * makes quadratic on documents with thousands of each.
 */
export class SpanIndex {
  private readonly starts: number[];
  /** The largest end among the spans sorted up to here: nested and overlapping spans included. */
  private readonly reach: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.reach = [];
    let reach = -Infinity;
    for (const s of sorted) this.reach.push((reach = Math.max(reach, s.end)));
  }

  contains(offset: number): boolean {
    const i = this.lastStartingAtOrBefore(offset);
    return i >= 0 && this.reach[i] > offset;
  }

  /** Whether any span overlaps `span` (shares at least one character with it). */
  overlaps(span: Span): boolean {
    const i = this.lastStartingAtOrBefore(span.end - 1);
    return i >= 0 && this.reach[i] > span.start;
  }

  private lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

const indexes = new WeakMap<readonly Span[], { length: number; index: SpanIndex }>();

/** `offset` lies inside one of `spans`. Lists of spans are indexed on first use (and again when they grow). */
export function insideAny(offset: number, spans: readonly Span[]): boolean {
  if (spans.length < 16) return spans.some((s) => s.start <= offset && offset < s.end);
  let entry = indexes.get(spans);
  if (!entry || entry.length !== spans.length) indexes.set(spans, (entry = { length: spans.length, index: new SpanIndex(spans) }));
  return entry.index.contains(offset);
}
