/**
 * Text similarity that works for Chinese and English alike: Chinese has no spaces, so its
 * runs are cut into overlapping character pairs (`软件包维护` → 软件 件包 包维 维护); Latin text
 * into lower-case words without the commonest function words. Two wordings of one item share
 * most of their pieces even when one is shortened, reordered or has a note added.
 */

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'and',
  'or',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'is',
  'are',
  'be',
  'was',
  'were',
  'it',
  'this',
  'that',
  'as',
  'from',
  'we',
  'will',
  'should',
  'can',
  'about',
  'into',
  'its',
  'our',
  'their',
  'not',
  'do',
  'does',
]);
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
// `x86-64-v2` → x86 64 v2: a hyphenated name and its parts written apart match.
const WORD = /[a-z0-9][a-z0-9.+#_]*[a-z0-9+#]|[a-z0-9]/g;

export type Grams = Map<string, number>;

/** The pieces of a text with their counts. URLs and @handles are left out: they are compared apart. */
export function grams(text: string): Grams {
  const out: Grams = new Map();
  const add = (g: string) => out.set(g, (out.get(g) ?? 0) + 1);
  const clean = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\S+/g, ' ');
  for (const m of clean.matchAll(HAN_RUN)) {
    const run = m[0];
    if (run.length === 1) add(run);
    for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
  }
  for (const m of clean.replace(HAN_RUN, ' ').matchAll(WORD)) {
    const word = m[0].replace(/(?<=[a-z]{3})(?:es|s)$/, '');
    if (!STOP_WORDS.has(word)) add(word);
  }
  return out;
}

export function gramCount(g: Grams): number {
  let n = 0;
  for (const c of g.values()) n += c;
  return n;
}

/**
 * How much each piece tells: pieces that many texts of a collection share (`成立`, `SIG`, `议题`,
 * `meeting`) say little about which item a text is. Pieces the collection never saw weigh 1.
 */
export class GramWeights {
  private readonly weights = new Map<string, number>();

  constructor(texts: readonly Grams[] = []) {
    const df = new Map<string, number>();
    for (const t of texts) for (const g of t.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    const n = texts.length;
    // Smoothed inverse document frequency scaled to (0, 1]: a piece in one text weighs 1.
    const top = Math.log(1 + n);
    for (const [g, count] of df) if (count > 1) this.weights.set(g, Math.max(0.1, Math.log(1 + n / count) / top));
  }

  of(gram: string): number {
    return this.weights.get(gram) ?? 1;
  }
}

const UNIFORM = new GramWeights();

function weighted(a: Grams, w: GramWeights): number {
  let n = 0;
  for (const [g, c] of a) n += c * w.of(g);
  return n;
}

function shared(a: Grams, b: Grams, w: GramWeights): number {
  let n = 0;
  for (const [g, c] of a) n += Math.min(c, b.get(g) ?? 0) * w.of(g);
  return n;
}

/** Dice's coefficient over the pieces: 1 for the same text, 0 for nothing in common. */
export function dice(a: Grams, b: Grams, w: GramWeights = UNIFORM): number {
  const total = weighted(a, w) + weighted(b, w);
  return total ? (2 * shared(a, b, w)) / total : 0;
}

/** How much of `part` is found in `whole` (1 when every piece of `part` is there). */
export function containment(part: Grams, whole: Grams, w: GramWeights = UNIFORM): number {
  const n = weighted(part, w);
  return n ? shared(part, whole, w) / n : 0;
}
