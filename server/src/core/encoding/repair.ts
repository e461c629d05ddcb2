import { candidatesOf } from './candidates';
import { wordLengthAt } from './lexicon';
import type { MojibakeSpan, Piece } from './types';
import type { CharModel } from './zh-model';

/** The repair of one piece of a span. */
export interface PieceRepair {
  piece: Piece;
  /** The most likely original text of the piece. */
  best: string;
  /** For a lost character: the other candidates, most likely first, with the rest of the span at its best. */
  alternatives: string[];
  /**
   * For a lost character: log-odds between the best candidate and the runner-up, the rest of
   * the span being free to adapt. Infinity for known text or a single candidate.
   */
  margin: number;
}

/** How many other readings a lost character offers. */
const MAX_ALTERNATIVES = 3;

interface Unit {
  candidates: string[];
  /** Index of the piece the unit belongs to (text pieces give one unit per character). */
  piece: number;
}

/**
 * Repairs a span. Known text decodes exactly; lost characters are chosen jointly with a
 * Viterbi pass over the span's characters, scored by character-pair statistics, with the
 * characters around the span as context. Max-marginals (forward + backward) give each lost
 * character its margin and its alternatives.
 */
export function repairSpan(span: MojibakeSpan, model: CharModel, before?: string, after?: string): PieceRepair[] {
  const units: Unit[] = [];
  span.pieces.forEach((piece, index) => {
    if (piece.kind === 'text') for (const char of piece.text) units.push({ candidates: [char], piece: index });
    else {
      const candidates = candidatesOf(piece.lost);
      // Nothing plausible completes the bytes: say so rather than invent a character.
      units.push({ candidates: candidates.length ? candidates : ['\ufffd'], piece: index });
    }
  });
  if (span.lostCount === 0)
    return span.pieces.map((piece) => ({ piece, best: piece.kind === 'text' ? piece.text : '', alternatives: [], margin: Infinity }));

  const transition = memoTransition(model);
  const first = viterbi(units, transition, undefined, before, after);
  const bonus = wordBonuses(units, first, before, after);
  const { forward, backward, path } = viterbi(units, transition, bonus, before, after);

  const results: PieceRepair[] = span.pieces.map((piece) => ({ piece, best: '', alternatives: [], margin: Infinity }));
  units.forEach((unit, i) => {
    const result = results[unit.piece];
    result.best += unit.candidates[path[i]];
    if (unit.candidates.length < 2) return;
    const ranked = unit.candidates.map((c, k) => ({ c, score: forward[i][k] + backward[i][k] })).sort((a, b) => b.score - a.score);
    result.margin = ranked[0].score - ranked[1].score;
    result.alternatives = ranked.slice(1, 1 + MAX_ALTERNATIVES).map((r) => r.c);
  });
  return results;
}

/** Weight (in nats) of a candidate forming a dictionary word with its neighbours. */
export const WORD_BONUS = { value: 2 };
/** Characters of context on each side when asking the dictionary. */
const WORD_WINDOW = 3;

/** Candidates further than this (in nats) behind the first pass's best cannot matter: the dictionary is not asked. */
const HOPELESS = 8;

/**
 * A unary score per candidate of each lost character: the word bonus when, with its neighbours
 * as the first pass read them, the candidate falls inside a word of two or more characters.
 */
function wordBonuses(units: Unit[], first: Lattice, before?: string, after?: string): Float64Array[] {
  const chosen = units.map((u, i) => u.candidates[first.path[i]]);
  return units.map((unit, i) => {
    const scores = new Float64Array(unit.candidates.length);
    if (unit.candidates.length < 2) return scores;
    const left = chosen.slice(Math.max(0, i - WORD_WINDOW), i);
    if (i < WORD_WINDOW && before) left.unshift(before);
    const right = chosen.slice(i + 1, i + 1 + WORD_WINDOW);
    if (i + WORD_WINDOW >= units.length && after) right.push(after);
    const prefix = left.join('');
    const suffix = right.join('');
    const marginal = (k: number) => first.forward[i][k] + first.backward[i][k];
    const top = Math.max(...unit.candidates.map((_, k) => marginal(k)));
    unit.candidates.forEach((c, k) => {
      if (marginal(k) < top - HOPELESS) return;
      if (wordLengthAt(prefix + c + suffix, prefix.length) > c.length) scores[k] = WORD_BONUS.value;
    });
    return scores;
  });
}

interface Lattice {
  /** forward[i][k]: best score of units 0..i ending with candidate k. */
  forward: Float64Array[];
  /** backward[i][k]: best score of units i+1..n-1 given candidate k at i. */
  backward: Float64Array[];
  path: Int32Array;
}

/** Max-product passes over the units; `unary` adds a score per candidate. */
function viterbi(
  units: Unit[],
  transition: (a: string | undefined, b: string) => number,
  unary: Float64Array[] | undefined,
  before?: string,
  after?: string,
): Lattice {
  const n = units.length;
  const own = (i: number, k: number) => unary?.[i][k] ?? 0;
  const forward: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const cands = units[i].candidates;
    forward.push(new Float64Array(cands.length));
    back.push(new Int32Array(cands.length));
    for (let k = 0; k < cands.length; k++) {
      if (i === 0) {
        forward[i][k] = transition(before, cands[k]) + own(i, k);
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      const prev = units[i - 1].candidates;
      for (let j = 0; j < prev.length; j++) {
        const s = forward[i - 1][j] + transition(prev[j], cands[k]);
        if (s > best) [best, arg] = [s, j];
      }
      forward[i][k] = best + own(i, k);
      back[i][k] = arg;
    }
  }
  const backward = new Array<Float64Array>(n);
  for (let i = n - 1; i >= 0; i--) {
    const cands = units[i].candidates;
    backward[i] = new Float64Array(cands.length);
    for (let k = 0; k < cands.length; k++) {
      if (i === n - 1) {
        backward[i][k] = after === undefined ? 0 : transition(cands[k], after);
        continue;
      }
      let best = -Infinity;
      const next = units[i + 1].candidates;
      for (let j = 0; j < next.length; j++) best = Math.max(best, transition(cands[k], next[j]) + own(i + 1, j) + backward[i + 1][j]);
      backward[i][k] = best;
    }
  }
  const path = new Int32Array(n);
  let last = 0;
  for (let k = 1; k < units[n - 1].candidates.length; k++) if (forward[n - 1][k] > forward[n - 1][last]) last = k;
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i][path[i]];
  return { forward, backward, path };
}

/** log P(b | a), remembered for the span: the same pairs come up again and again. */
function memoTransition(model: CharModel): (a: string | undefined, b: string) => number {
  const memo = new Map<string, number>();
  return (a, b) => {
    const key = (a ?? '') + '\u0000' + b;
    let value = memo.get(key);
    if (value === undefined) {
      value = model.logConditional(a, b);
      memo.set(key, value);
    }
    return value;
  };
}
