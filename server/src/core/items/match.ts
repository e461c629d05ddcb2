import { containment, dice, gramCount, grams, GramWeights, type Grams } from '../text/grams';
import type { MinutesItem } from './types';
import type { TextWindow } from './windows';

/**
 * Is an item of one meeting the same as an item of the next? Minutes rarely copy an item word
 * for word: the carried-over line is shortened (`x86-64-v2编译选项社区意见收集反馈` for two
 * follow-ups of the x86-64-v2 topic), a note is added, the owner moves to the end. So the match
 * is a score from what the two share: a PR or issue (the strongest evidence), their words
 * (character pairs for Chinese, words for English), the topic they were raised under, and owners.
 */

export type MatchReason = 'link' | 'id' | 'text' | 'context' | 'owner';

export interface Similarity {
  /** 0 (nothing in common) to 1 (the same PR, or the same words). */
  score: number;
  reasons: MatchReason[];
}

export interface ItemMatch {
  /** Index in the earlier meeting's items. */
  previous: number;
  /** Index in the later meeting's items. */
  next: number;
  score: number;
  reasons: MatchReason[];
}

/** At or above this score two items are taken for one; below it they are two. */
export const SAME_ITEM = 0.45;

/** Short texts share pieces by chance; containment counts only from this many pieces up. */
const MIN_CONTAINED = 4;
/** Texts of fewer pieces are matched by their links and numbers only. */
const MIN_WORDS = 3;
/** Items that link different PRs or issues are at most this alike: never the same item. */
const DIFFERENT_LINKS = 0.4;

interface Prepared {
  text: Grams;
  withContext: Grams;
  owners: Set<string>;
  links: Set<string>;
}

const prepared = new WeakMap<MinutesItem, Prepared>();

function prepare(item: MinutesItem): Prepared {
  let p = prepared.get(item);
  if (!p) {
    // The owner's name is not what the item is about (`scott to write comment`).
    const words = withoutOwners(item.text, item.owners);
    const text = grams(words);
    p = {
      text,
      withContext: item.context ? grams(`${item.context} ${words}`) : text,
      owners: new Set(item.owners.map(ownerKey)),
      links: new Set(item.links.filter((l) => l.includes('/'))),
    };
    prepared.set(item, p);
  }
  return p;
}

function withoutOwners(text: string, owners: readonly string[]): string {
  let out = text;
  for (const owner of owners) {
    const name = owner.replace(/^@/, '');
    if (name.length >= 2) out = out.split(name).join(' ');
  }
  return out;
}

/** `@Wine93` and `wine93` are one owner; so are `胡峰` and `@胡峰`. */
function ownerKey(owner: string): string {
  return owner.replace(/^@/, '').toLowerCase();
}

/**
 * The weights of the words of a series' items: what every item says (`SIG`, `成立`, `议题`)
 * tells two items apart less than what one item alone says.
 */
export function itemWeights(items: Iterable<MinutesItem>): GramWeights {
  const texts: Grams[] = [];
  for (const item of items) texts.push(prepare(item).withContext);
  return new GramWeights(texts);
}

/** A number of three or more digits (`0006`, `2309`), a version (`24.03`), a word with digits (`x86`, `sp3`). */
const IDENTIFIER = /^(?=.*\d)(?:\d{3,}|\d+(?:\.\d+)+|[a-z]+\d[\da-z]*)$/;
/** An identifier most items of the series do not share (`2203` may be in every second item). */
const RARE = 0.6;

export function sharedIdentifier(a: Grams, b: Grams, w?: GramWeights): boolean {
  for (const g of a.keys()) if (IDENTIFIER.test(g) && b.has(g) && (w?.of(g) ?? 1) >= RARE) return true;
  return false;
}

/** How alike two wordings are: the better of their overlap and how much of the shorter the longer holds. */
export function textSimilarity(a: Grams, b: Grams, w?: GramWeights): number {
  const overlap = dice(a, b, w);
  const [small, large] = gramCount(a) <= gramCount(b) ? [a, b] : [b, a];
  const held = gramCount(small) >= MIN_CONTAINED ? 0.9 * containment(small, large, w) : 0;
  return Math.max(overlap, held);
}

export function similarity(a: MinutesItem, b: MinutesItem, w?: GramWeights): Similarity {
  const pa = prepare(a);
  const pb = prepare(b);
  const reasons: MatchReason[] = [];
  // A word or two in common (`Link`, `Tracking Comment`) is a coincidence, not the same item.
  const wordy = (g: Grams) => gramCount(g) >= MIN_WORDS;
  let score = wordy(pa.text) && wordy(pb.text) ? textSimilarity(pa.text, pb.text, w) : 0;
  if (score > 0) reasons.push('text');
  // The topic an item was raised under often names it better than the follow-up's own words.
  if (wordy(pa.withContext) && wordy(pb.withContext) && (pa.withContext !== pa.text || pb.withContext !== pb.text)) {
    const inContext = 0.85 * Math.max(textSimilarity(pa.withContext, pb.text, w), textSimilarity(pa.text, pb.withContext, w));
    if (inContext > score) {
      score = inContext;
      reasons.push('context');
    }
  }
  if ([...pa.links].some((l) => pb.links.has(l))) {
    score = 1;
    reasons.unshift('link');
  } else if (pa.links.size && pb.links.size) {
    // Each names its PR or issue, and not the same one: two items, however alike their words.
    score = Math.min(score / 2, DIFFERENT_LINKS);
  } else if (score < SAME_ITEM && sharedIdentifier(pa.withContext, pb.withContext, w)) {
    // `oEEP 0006 进展偏慢` and `oEEP-0006进展和决策点讨论`: one rare number names one thing.
    score = SAME_ITEM + 0.1;
    reasons.push('id');
  }
  // The same owner supports a resemblance; it never makes one (an owner has many items).
  if (score >= 0.2 && score < 1 && [...pa.owners].some((o) => pb.owners.has(o))) {
    score = Math.min(1, score + 0.15);
    reasons.push('owner');
  }
  return { score, reasons };
}

/**
 * Pairs items of an earlier meeting with items of a later one, each at most once, best scores
 * first, keeping pairs at or above `threshold`.
 */
export function matchItems(
  previous: readonly MinutesItem[],
  next: readonly MinutesItem[],
  options: { threshold?: number; weights?: GramWeights } = {},
): ItemMatch[] {
  const threshold = options.threshold ?? SAME_ITEM;
  const candidates: ItemMatch[] = [];
  previous.forEach((a, i) => {
    next.forEach((b, j) => {
      const s = similarity(a, b, options.weights);
      if (s.score >= threshold) candidates.push({ previous: i, next: j, score: s.score, reasons: s.reasons });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.previous - y.previous || x.next - y.next);
  const usedPrevious = new Set<number>();
  const usedNext = new Set<number>();
  const matches: ItemMatch[] = [];
  for (const c of candidates) {
    if (usedPrevious.has(c.previous) || usedNext.has(c.next)) continue;
    usedPrevious.add(c.previous);
    usedNext.add(c.next);
    matches.push(c);
  }
  return matches.sort((x, y) => x.previous - y.previous);
}

/**
 * How well the later minutes' text mentions the item anywhere (a carried-over item may come back
 * as an agenda topic, a decision or a note), in three lines at most: 1 when they link the same
 * PR or issue or name the same rare number (`oEEP-0006`, `24.03`); else the share of the item's
 * words they hold, counted generously when they also name the item's owner.
 */
export function mentionScore(item: MinutesItem, windows: readonly TextWindow[], w?: GramWeights): number {
  const p = prepare(item);
  const names = item.owners.map((o) => o.replace(/^@/, '')).filter((o) => o.length >= 2);
  let best = 0;
  for (const window of windows) {
    if ([...p.links].some((l) => window.links.has(l))) return 1;
    if (sharedIdentifier(p.withContext, window.text, w)) return 1;
    if (gramCount(p.text) < MIN_CONTAINED) continue;
    // The owner presenting something on the same subject (`ca-certificate根证书删除遗留问题汇报 - 朱健伟`).
    if (names.some((n) => window.raw.includes(n)) && [...p.text.keys()].filter((g) => window.text.has(g)).length >= OWNER_SUBJECT) return 1;
    // English minutes say it again in other words (`send out ballot … to vote on Chairperson` →
    // `Elect a new chairperson: Voting by secret ballot`); two words the series rarely uses name the subject.
    if (rareWords(item, w).filter((g) => window.text.has(g)).length >= RARE_SUBJECT) return 1;
    best = Math.max(best, containment(p.text, window.text, w));
  }
  return best;
}

/** Pieces in common that, with the same owner named, make a mention. */
const OWNER_SUBJECT = 2;
/** Rare words in common that make a mention. */
const RARE_SUBJECT = 2;
/** A word is rare at this weight and above: fewer than about √n of the series' n items use it. */
const RARE_WORD = 0.5;

/** The item's words of four letters or more that few items of the series use (Chinese pairs excluded: a pair is no word). */
function rareWords(item: MinutesItem, w?: GramWeights): string[] {
  return [...prepare(item).text.keys()].filter((g) => /^[a-z][a-z0-9.+#_-]{3,}$/.test(g) && (w?.of(g) ?? 1) >= RARE_WORD);
}
