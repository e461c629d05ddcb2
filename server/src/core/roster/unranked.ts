import { handleKey } from './handle';
import { declaredPerson } from './roster';
import { nameKeys, type CompletionCandidate } from './search';
import type { Person, RosterEntry } from './types';

/**
 * Completion before a large roster is merged and indexed (an `@` typed while the server is still
 * reading 10,000 people): the people as the roster files list them, matched the way the index
 * matches (the login itself, logins starting with the query, names starting with it, then from
 * two characters logins and names containing it), but in file order, with names compared as
 * written (no pinyin) and nobody ranked by the minutes' mentions. A host gives it as an
 * incomplete list while the index is built, so the editor asks again at the next keystroke.
 * `people` are roster entries (nothing merged yet) or a roster's declared people.
 */
export function completeUnranked(people: Iterable<RosterEntry | Person>, query: string, limit: number): CompletionCandidate[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const seen = new Set<string>();
  // The kinds of match, best first; a kind never needs more than `limit` people.
  const kinds: Found[][] = [[], [], [], [], []];
  const [exact, loginPrefix, namePrefix, loginContains, nameContains] = kinds;
  const found = (kind: Found[], item: RosterEntry | Person, match: CompletionCandidate['match'], matchedName?: string) => {
    if (kind.length < limit) kind.push({ item, match, matchedName });
  };
  for (const item of people) {
    if (!item.handle) continue;
    const login = handleKey(item.handle);
    if (seen.has(login)) continue;
    seen.add(login);
    if (!q || login.startsWith(q)) {
      found(login === q ? exact : loginPrefix, item, q ? 'handle' : 'all');
      // Everyone further down ranks after the logins already found.
      if (exact.length + loginPrefix.length >= limit) break;
      continue;
    }
    const names = 'names' in item ? item.names : item.name ? [item.name] : [];
    if (namePrefix.length < limit) {
      const byPrefix = names.find((n) => nameKeys(n, { pinyin: false }).some((k) => k.startsWith(q)));
      if (byPrefix !== undefined) {
        found(namePrefix, item, 'name', byPrefix);
        continue;
      }
    }
    if (q.length < 2) continue;
    if (login.includes(q)) found(loginContains, item, 'handle');
    else if (nameContains.length < limit) {
      const inside = names.find((n) => nameKeys(n, { pinyin: false })[0]?.includes(q));
      if (inside !== undefined) found(nameContains, item, 'name', inside);
    }
  }
  return kinds
    .flat()
    .slice(0, limit)
    .map(({ item, match, matchedName }) =>
      matchedName === undefined ? { person: asPerson(item), match } : { person: asPerson(item), match, matchedName },
    );
}

interface Found {
  item: RosterEntry | Person;
  match: CompletionCandidate['match'];
  matchedName?: string;
}

/** A roster entry as the person it declares (the entry alone: other entries for the login are merged later). */
function asPerson(item: RosterEntry | Person): Person {
  return 'names' in item ? item : declaredPerson(item);
}
