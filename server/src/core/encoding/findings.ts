import { charAfter, charBefore } from './preview';
import { repairSpan, type PieceRepair } from './repair';
import type { MojibakeSpan } from './types';
import type { CharModel } from './zh-model';

/**
 * Log-odds by which a guessed character must beat its runner-up to count as clearly winning
 * (about 55 to 1). Measured by damaging the corpus's Chinese minutes the way the seed was
 * damaged (scripts/bench-encoding.mjs has the seed): with the workspace's other minutes as
 * statistics, 87% of the lost characters clear it and 0.5% of those are wrong (at 2, 93% and
 * 1.5%); with the built-in sample alone, 51% and 0.4%.
 */
export const CLEAR_MARGIN = 4;

/** Characters of context kept on each side of a finding. */
const CONTEXT = 8;

/** One reported stretch of mojibake and its repair. */
export interface MojibakeFinding {
  start: number;
  end: number;
  encoding: string;
  /** Characters in the stretch whose bytes were partly lost. */
  lostCount: number;
  best: string;
  /** Other readings of the stretch, most likely first. */
  alternatives: string[];
  /** Every guess in the stretch clearly wins (always true when nothing was lost). */
  clear: boolean;
  /** The repaired text around the stretch, to show which character a guess is about. */
  before: string;
  after: string;
}

/**
 * Repairs the spans and cuts them into findings: a guess that does not clearly win becomes a
 * finding of its own, so that one doubtful character (a name, an emoji) does not hold back the
 * repair of the sentence around it. Everything else in a span stays one finding.
 */
export function mojibakeFindings(text: string, spans: readonly MojibakeSpan[], model: CharModel): MojibakeFinding[] {
  const findings: MojibakeFinding[] = [];
  for (const span of spans) {
    const repairs = repairSpan(span, model, charBefore(text, span.start), charAfter(text, span.end));
    const groups: PieceRepair[][] = [];
    let current: PieceRepair[] = [];
    for (const repair of repairs) {
      const doubtful = repair.piece.kind === 'lost' && repair.margin < CLEAR_MARGIN;
      if (doubtful) {
        // Pieces that share the lost character's offsets (GBK bytes straddling it) go with it.
        const attached: PieceRepair[] = [];
        while (current.length && current[current.length - 1].piece.start === repair.piece.start) attached.unshift(current.pop()!);
        if (current.length) groups.push(current);
        groups.push([...attached, repair]);
        current = [];
      } else current.push(repair);
    }
    if (current.length) groups.push(current);
    // Context reaches past the span into the document, up to the line's ends.
    let repairedBefore = text
      .slice(Math.max(0, span.start - CONTEXT), span.start)
      .split('\n')
      .pop()!;
    let repairedAfter = repairs.map((r) => r.best).join('') + text.slice(span.end, span.end + CONTEXT).split('\n')[0];
    for (const group of groups) {
      const best = group.map((r) => r.best).join('');
      repairedAfter = repairedAfter.slice(best.length);
      findings.push(toFinding(span, group, best, repairedBefore, repairedAfter));
      repairedBefore += best;
    }
  }
  return findings;
}

function toFinding(span: MojibakeSpan, group: PieceRepair[], best: string, before: string, after: string): MojibakeFinding {
  const lost = group.filter((r) => r.piece.kind === 'lost');
  // Alternatives change one lost character at a time, the least certain first.
  const alternatives: Array<{ text: string; margin: number }> = [];
  for (const r of lost) {
    for (const alt of r.alternatives) {
      const text = group.map((g) => (g === r ? alt : g.best)).join('');
      alternatives.push({ text, margin: r.margin });
    }
  }
  alternatives.sort((a, b) => a.margin - b.margin);
  return {
    start: group[0].piece.start,
    end: group[group.length - 1].piece.end,
    encoding: span.encoding,
    lostCount: lost.length,
    best,
    alternatives: [...new Set(alternatives.map((a) => a.text))].slice(0, 3),
    clear: lost.every((r) => r.margin >= CLEAR_MARGIN),
    before,
    after,
  };
}
