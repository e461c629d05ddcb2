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

  // The best `limit` logins, kind first, then the index's order; a login listed again with a
  // better kind of match takes its own place. Most entries are turned down by one comparison
  // with the last one kept, before their names are keyed.
  const best: Candidate[] = [];
  const kept = new Map<string, Candidate>();
  const beats = (kind: number, login: string) => {
    if (best.length < limit) return true;
    const last = best[limit - 1];
    if (kind !== last.kind) return kind < last.kind;
    return rankOrder(factsOf(login), last.facts) < 0;
  };
  const factsOf = (login: string) => rankFacts({ handle: login, declared: true }, usage?.get(login));
  const consider = (entry: RosterEntry & { handle: string }) => {
    const login = handleKey(entry.handle);
    let kind = Math.min(loginKind(login, q), learnedKind.size ? (learnedKind.get(login) ?? NONE) : NONE);
    if (kind > NAME_PREFIX && entry.name && beats(NAME_PREFIX, login) && mayMatch(entry.name, q)) {
      kind = Math.min(kind, nameKind([entry.name], q));
    }
    if (kind === NONE || !beats(kind, login)) return;
    const there = kept.get(login);
    if (there) {
      if (there.kind <= kind) return;
      best.splice(best.indexOf(there), 1);
    }
    const candidate = { login, kind, facts: factsOf(login) };
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (order(best[middle], candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    kept.set(login, candidate);
    if (best.length > limit) kept.delete(best.pop()!.login);
  };
  for (const item of entries) forEachDeclared(item, groupsByKey, consider);

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

interface Candidate {
  login: string;
  kind: number;
  facts: RankFacts;
}

function order(a: Candidate, b: Candidate): number {
  return a.kind - b.kind || rankOrder(a.facts, b.facts);
}

/**
 * Can a name be found by `q` at all? Its keys (without pinyin) are made of its letters in lower
 * case, so each character of the query must be among them: a cheap test before the keys are made.
 */
function mayMatch(name: string, q: string): boolean {
  const lower = name.toLowerCase();
  for (const character of q) if (!lower.includes(character)) return false;
  return true;
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
