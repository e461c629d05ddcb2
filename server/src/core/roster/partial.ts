import { completionQuery, nameContaining, namePrefixed, rankFacts, rankOrder, type KeyedName, type RankFacts } from './completionIndex';
import { handleKey } from './handle';
import { forEachDeclared, learnedNames, mergeEntry } from './roster';
import { nameKeys, type CompletionCandidate } from './search';
import type { Person, RosterEntry } from './types';
import type { UsageIndex } from './usage';

/** Kinds of match, best first, as the index takes them: the login itself (or everyone, for an empty query), … */
const EXACT = 0;
const LOGIN_PREFIX = 1;
const NAME_PREFIX = 2;
/** … from two characters: logins containing the query, then names containing it. */
const LOGIN_INSIDE = 3;
const NAME_INSIDE = 4;
const NONE = 5;

/**
 * Completion before a large roster is merged and indexed (an `@` typed while the server is still
 * reading 10,000 people): the people the roster files read so far declare, in the order the
 * finished index gives them. Only the matches are ranked, with the index's own rules
 * (`rankOrder`, `namePrefixed`, `nameContaining`), and only the best `limit` logins are merged;
 * nothing is kept, so each keystroke costs one pass over the entries read.
 *
 * What differs from the index: names are keyed as written, without pinyin (`熊伟` is found by
 * `熊`, not by `xiong`): pinyin loads a dictionary (about 150 ms the first time) and costs tens
 * of microseconds per Chinese name, which the index spends in the background. People only the
 * minutes mention are not offered (nobody declares them). `usage` ranks by mentions once the
 * folder's minutes are all scanned; before that, pass none (ranked as if nobody were mentioned).
 */
export function completePartial(
  entries: readonly RosterEntry[],
  groups: Readonly<Record<string, readonly string[]>>,
  query: string,
  limit: number,
  usage: UsageIndex | undefined,
): CompletionCandidate[] {
  if (limit <= 0) return [];
  const q = completionQuery(query);
  const groupsByKey = new Map(Object.entries(groups).map(([name, members]) => [handleKey(name), members]));

  // Names the minutes write beside a login count as the person's names, as in the roster.
  const learnedKind = new Map<string, number>();
  if (usage && q) {
    for (const used of usage.all()) {
      const kind = nameKind(used.names, q);
      if (kind < NONE) learnedKind.set(handleKey(used.handle), kind);
    }
  }

  // The best kind of match of each login, over all its entries.
  const kinds = new Map<string, number>();
  for (const item of entries) {
    forEachDeclared(item, groupsByKey, (entry) => {
      const login = handleKey(entry.handle);
      const before = kinds.get(login) ?? learnedKind.get(login) ?? NONE;
      if (before === EXACT) return;
      let kind = loginKind(login, q);
      if (kind > NAME_PREFIX && before > NAME_PREFIX && entry.name) kind = Math.min(kind, nameKind([entry.name], q));
      if (kind < before) kinds.set(login, kind);
      else if (before < NONE && !kinds.has(login)) kinds.set(login, before);
    });
  }

  // The best `limit` of them, kind first, then the index's order.
  const best: Array<{ login: string; kind: number; facts: RankFacts }> = [];
  const before = (a: (typeof best)[number], b: (typeof best)[number]) => a.kind - b.kind || rankOrder(a.facts, b.facts);
  for (const [login, kind] of kinds) {
    if (best.length === limit && kind > best[limit - 1].kind) continue;
    const candidate = { login, kind, facts: rankFacts({ handle: login, declared: true }, usage?.get(login)) };
    if (best.length === limit && before(candidate, best[limit - 1]) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(best[middle], candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  }

  // Those people merged from their entries read so far, with the names the minutes add.
  const chosen = new Set(best.map((b) => b.login));
  const people = new Map<string, Person>();
  for (const item of entries) {
    forEachDeclared(item, groupsByKey, (entry) => {
      if (chosen.has(handleKey(entry.handle))) mergeEntry(people, entry);
    });
  }
  return best.map(({ login, kind }) => {
    let person = people.get(login)!;
    const learned = learnedNames(person, usage?.get(login));
    if (learned.length) person = { ...person, names: [...person.names, ...learned] };
    if (kind === NAME_PREFIX) return { person, match: 'name', matchedName: namePrefixed(keyed(person.names), q)! };
    if (kind === NAME_INSIDE) return { person, match: 'name', matchedName: nameContaining(keyed(person.names), q)! };
    return { person, match: q ? 'handle' : 'all' };
  });
}

function loginKind(login: string, q: string): number {
  if (!q || login === q) return EXACT;
  if (login.startsWith(q)) return LOGIN_PREFIX;
  return q.length > 1 && login.includes(q) ? LOGIN_INSIDE : NONE;
}

function nameKind(names: readonly string[], q: string): number {
  const withKeys = keyed(names);
  if (namePrefixed(withKeys, q) !== undefined) return NAME_PREFIX;
  return q.length > 1 && nameContaining(withKeys, q) !== undefined ? NAME_INSIDE : NONE;
}

/** Names keyed as the first answer compares them: as written, no pinyin. */
function keyed(names: readonly string[]): KeyedName[] {
  return names.map((name) => ({ name, keys: nameKeys(name, { pinyin: false }) }));
}
