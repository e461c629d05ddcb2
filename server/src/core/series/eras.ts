/**
 * Where a series changed its format. Each file is reduced to the structure it shares with its
 * siblings (section titles and header labels that recur in the series); walking back from the
 * newest file, a file stays in the era while it resembles the era's common structure. One odd
 * file between two that fit (a cancelled meeting, a one-line note) does not end an era; two in
 * a row do. Templates are learned from the latest era only: older files followed older rules.
 */
import type { Era, MinutesProfile, Series } from './types';

/** How much of its structure a file must share with its era (Jaccard on recurring tokens). */
export const FIT_THRESHOLD = 0.4;
/** The era's common structure: what at least this share of its files have. */
const CORE_SHARE = 0.5;
/** The newest files that seed the latest era's common structure. */
const SEED_FILES = 5;

export type Tokens = ReadonlySet<string>;

/** The structure tokens of one file: its section titles and header labels. */
export function structureTokens(profile: MinutesProfile): Set<string> {
  const tokens = new Set<string>();
  for (const s of profile.sections) tokens.add(`s:${s.key}`);
  for (const f of profile.fields) if (f.header) tokens.add(`f:${f.key}`);
  return tokens;
}

/** Tokens that at least two files of the series have: a heading used once is a topic, not structure. */
export function recurringTokens(all: readonly Tokens[]): Set<string> {
  const counts = new Map<string, number>();
  for (const tokens of all) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2).map(([t]) => t));
}

export function commonTokens(all: readonly Tokens[], share = CORE_SHARE): Set<string> {
  const counts = new Map<string, number>();
  for (const tokens of all) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const needed = Math.max(1, Math.ceil(all.length * share));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([t]) => t));
}

export function similarity(a: Tokens, b: Tokens): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Does a file follow the era's common structure? Enough of the structure shared (Jaccard), or at
 * most one token of difference: with the handful of headings some series have (or none, in
 * prose-only updates), one heading more or less is not a new format.
 */
export function fitsCore(file: Tokens, core: Tokens): boolean {
  if (similarity(file, core) >= FIT_THRESHOLD) return true;
  let difference = 0;
  for (const t of file) if (!core.has(t)) difference++;
  for (const t of core) if (!file.has(t)) difference++;
  return difference <= 1;
}

/** Each file's tokens, restricted to the ones that recur in the series. */
export function seriesTokens(members: readonly MinutesProfile[]): Set<string>[] {
  const own = members.map(structureTokens);
  const recurring = recurringTokens(own);
  return own.map((tokens) => new Set([...tokens].filter((t) => recurring.has(t))));
}

/** The eras of an ordered series, oldest first. */
export function findEras(members: readonly MinutesProfile[]): Era[] {
  if (!members.length) return [];
  const tokens = seriesTokens(members);
  const eras: Era[] = [];
  let last = members.length - 1;
  while (last >= 0) {
    const first = eraStart(tokens, last);
    eras.unshift({ first, last });
    last = first - 1;
  }
  return eras;
}

/** Walks back from `last` while files resemble the era's common structure. */
function eraStart(tokens: readonly Set<string>[], last: number): number {
  const seed = tokens.slice(Math.max(0, last - SEED_FILES + 1), last + 1);
  const seedCore = commonTokens(seed);
  let fitting = seed.filter((t) => fitsCore(t, seedCore));
  if (!fitting.length) fitting = [tokens[last]];
  const era = new TokenCounts(fitting);
  let first = last;
  for (let i = last - 1; i >= 0; i--) {
    const core = era.common();
    if (fitsCore(tokens[i], core)) {
      era.add(tokens[i]);
      first = i;
      continue;
    }
    // One odd file between two that fit stays in the era; two odd files in a row end it.
    if (i > 0 && fitsCore(tokens[i - 1], core)) {
      first = i;
      continue;
    }
    break;
  }
  return first;
}

/** How many of an era's files have each token, kept as the era grows (a series of hundreds stays linear). */
class TokenCounts {
  private readonly counts = new Map<string, number>();
  private files = 0;

  constructor(initial: readonly Tokens[]) {
    for (const t of initial) this.add(t);
  }

  add(tokens: Tokens): void {
    this.files++;
    for (const t of tokens) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  common(): Set<string> {
    const needed = Math.max(1, Math.ceil(this.files * CORE_SHARE));
    return new Set([...this.counts].filter(([, n]) => n >= needed).map(([t]) => t));
  }
}

/**
 * Is a file of the era's format at all, however incomplete (a section forgotten, a draft)? It
 * keeps some of the era's common structure. A cancelled meeting's note keeps none of it: it is
 * not checked against the era.
 */
export function followsCore(file: Tokens, core: Tokens): boolean {
  if (!core.size) return true;
  for (const t of core) if (file.has(t)) return true;
  return false;
}

/** The latest era of a series, and which of its files follow its common structure (the rest are odd ones out). */
export interface LatestEra {
  /** Index of the era's first file in the series' members. */
  first: number;
  members: MinutesProfile[];
  /** The files that share the era's structure: what templates are learned from. */
  fitting: MinutesProfile[];
  /** The files close enough to the era's structure to be checked against it (`followsCore`). */
  following: MinutesProfile[];
}

export function latestEra(series: Series): LatestEra | undefined {
  const era = series.eras[series.eras.length - 1];
  if (!era) return undefined;
  const tokens = seriesTokens(series.members);
  const own = tokens.slice(era.first, era.last + 1);
  const members = series.members.slice(era.first, era.last + 1);
  const fitting = members.filter((_, i) => fitsCore(own[i], commonTokens(own)));
  const core = commonTokens(fitting.map((m) => own[members.indexOf(m)]));
  return { first: era.first, members, fitting, following: members.filter((_, i) => followsCore(own[i], core)) };
}
