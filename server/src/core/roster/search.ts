import { pinyin } from 'pinyin-pro';
import type { Person } from './types';
import type { HandleUsage } from './usage';

export interface CompletionCandidate {
  person: Person;
  /** What matched the query: the login, or one of the person's names. */
  match: 'handle' | 'name' | 'all';
  /** The name that matched, when it was a name. */
  matchedName?: string;
}

/**
 * `Xiong Wei` → `xiongwei`, `weixiong` (romanised Chinese names come in both orders), `xiong`,
 * `wei`; `熊伟` → `熊伟`, and its pinyin `xiongwei` and initials `xw`, so an author can type the
 * name the way their input method spells it. The first key is the whole name, compacted.
 */
export function nameKeys(name: string): string[] {
  const words = name
    .toLowerCase()
    .split(/[\s.,·•_-]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const keys = [words.join('')];
  if (words.length === 2) keys.push(words[1] + words[0]);
  if (words.length > 1) keys.push(...words);
  if (HAN.test(name)) keys.push(...pinyinKeys(name));
  return [...new Set(keys)];
}

const HAN = /[\u3400-\u9fff]/;

/** `吕从庆` → `lvcongqing`, `lucongqing`, `lcq`: surnames read as surnames (曾 is zeng, 单 is shan). */
function pinyinKeys(name: string): string[] {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', surname: 'head', v: true });
  if (!syllables.length) return [];
  const full = syllables.join('');
  return [full, full.replace(/v/g, 'u'), syllables.map((s) => s[0]).join('')];
}

interface Indexed {
  person: Person;
  handle: string;
  names: Array<{ name: string; keys: string[] }>;
}

const indexes = new WeakMap<readonly Person[], Indexed[]>();

function indexOf(people: readonly Person[]): Indexed[] {
  let index = indexes.get(people);
  if (!index) {
    index = people.map((person) => ({
      person,
      handle: person.handle.toLowerCase(),
      names: person.names.map((name) => ({ name, keys: nameKeys(name) })),
    }));
    indexes.set(people, index);
  }
  return index;
}

/**
 * Ranks people for what was typed after `@`: the login itself, then logins starting with it,
 * then names starting with it (`熊伟`, `xiongwei`), then logins and names containing it. Within
 * a tier, people the minutes mention more often and more recently come first, then declared ones.
 */
export function rankCandidates(
  people: readonly Person[],
  query: string,
  limit: number,
  usage: (handle: string) => HandleUsage | undefined,
): CompletionCandidate[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  // The best `limit` so far, best first: most of 10,000 people are rejected by one comparison.
  const best: Ranked[] = [];
  if (limit >= people.length) {
    for (const entry of indexOf(people)) {
      const match = matchOf(entry, q);
      const used = match && usage(entry.person.handle);
      if (match) best.push({ ...match, files: used?.files.length ?? 0, lastDate: used?.lastDate ?? '', entry });
    }
    return best.sort(byRelevance).map((r) => ({ person: r.entry.person, match: r.match, matchedName: r.matchedName }));
  }
  for (const entry of indexOf(people)) {
    const match = matchOf(entry, q);
    if (!match) continue;
    if (best.length === limit && match.tier > best[limit - 1].tier) continue;
    const used = usage(entry.person.handle);
    const ranked: Ranked = { ...match, files: used?.files.length ?? 0, lastDate: used?.lastDate ?? '', entry };
    if (best.length === limit && byRelevance(ranked, best[limit - 1]) >= 0) continue;
    let i = best.length === limit ? limit - 1 : best.length;
    while (i > 0 && byRelevance(ranked, best[i - 1]) < 0) i--;
    best.splice(i, 0, ranked);
    if (best.length > limit) best.pop();
  }
  return best.map((r) => ({ person: r.entry.person, match: r.match, matchedName: r.matchedName }));
}

interface Match {
  tier: number;
  match: CompletionCandidate['match'];
  matchedName?: string;
}

interface Ranked extends Match {
  files: number;
  lastDate: string;
  entry: Indexed;
}

// Plain comparisons: `localeCompare` costs microseconds, and a query may match 10,000 people.
function byRelevance(a: Ranked, b: Ranked): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.files !== b.files) return b.files - a.files;
  if (a.lastDate !== b.lastDate) return a.lastDate < b.lastDate ? 1 : -1;
  if (a.entry.person.declared !== b.entry.person.declared) return a.entry.person.declared ? -1 : 1;
  return a.entry.handle < b.entry.handle ? -1 : a.entry.handle > b.entry.handle ? 1 : 0;
}

const ALL: Match = { tier: 1, match: 'all' };
const EXACT: Match = { tier: 1, match: 'handle' };
const PREFIX: Match = { tier: 2, match: 'handle' };
const INSIDE: Match = { tier: 4, match: 'handle' };

function matchOf(entry: Indexed, q: string): Match | undefined {
  if (!q) return ALL;
  if (entry.handle === q) return EXACT;
  if (entry.handle.startsWith(q)) return PREFIX;
  const namePrefix = entry.names.find((n) => n.keys.some((k) => k.startsWith(q)));
  if (namePrefix) return { tier: 3, match: 'name', matchedName: namePrefix.name };
  if (q.length < 2) return undefined;
  if (entry.handle.includes(q)) return INSIDE;
  const nameInside = entry.names.find((n) => n.keys[0]?.includes(q));
  if (nameInside) return { tier: 5, match: 'name', matchedName: nameInside.name };
  return undefined;
}
