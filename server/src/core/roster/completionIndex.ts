import { nameKeys, type CompletionCandidate } from './search';
import type { Person } from './types';
import type { HandleUsage } from './usage';

/** People whose names' keys and first characters are indexed per step of `CompletionIndex.building`. */
const PREFIX_STEP = 250;

/** What ranks people within a kind of match (`rankOrder`). */
export interface RankFacts {
  /** Minutes files mentioning the person. */
  files: number;
  /** The latest of them (`YYYY-MM-DD`), or ''. */
  lastDate: string;
  declared: boolean;
  /** The login in lower case. */
  login: string;
}

export function rankFacts(person: Pick<Person, 'handle' | 'declared'>, usage: HandleUsage | undefined): RankFacts {
  return {
    files: usage?.files.length ?? 0,
    lastDate: usage?.lastDate ?? '',
    declared: person.declared,
    login: person.handle.toLowerCase(),
  };
}

/**
 * The order within a kind of match: mentioned by more minutes files, then more recently, then
 * declared, then by login. Plain comparisons: `localeCompare` costs microseconds, and there may
 * be 10,000 people. The index sorts everyone by it; the first answer before the index ranks its
 * matches by it (`completePartial`).
 */
export function rankOrder(a: RankFacts, b: RankFacts): number {
  if (a.files !== b.files) return b.files - a.files;
  if (a.lastDate !== b.lastDate) return a.lastDate < b.lastDate ? 1 : -1;
  if (a.declared !== b.declared) return a.declared ? -1 : 1;
  return a.login < b.login ? -1 : a.login > b.login ? 1 : 0;
}

/** What was typed after `@`, as matched: lower case, no white space (`Chen M` → `chenm`). */
export function completionQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, '');
}

/** A name with its keys (`nameKeys`). */
export interface KeyedName {
  name: string;
  keys: string[];
}

/** The first name one of whose keys starts with `q` (`xiong` finds `Xiong Wei` and `熊伟`). */
export function namePrefixed(names: readonly KeyedName[], q: string): string | undefined {
  return names.find((n) => n.keys.some((k) => k.startsWith(q)))?.name;
}

/** The first name whose whole key (the name compacted, `xiongwei`, `熊伟`) contains `q`: for queries of two characters or more. */
export function nameContaining(names: readonly KeyedName[], q: string): string | undefined {
  return names.find((n) => n.keys[0]?.includes(q))?.name;
}

interface Entry {
  person: Person;
  /** The login in lower case. */
  handle: string;
  /** Each name with its keys (`nameKeys`): filled when the prefix part is built. */
  names: KeyedName[];
}

/**
 * The roster's people ready for @-completion, built once per roster and usage generation (in
 * idle time, by `Roster.preparingCompletion`) so that a keystroke costs little. What was typed
 * matches, best first: the login itself, logins starting with it, names starting with it
 * (`熊伟`, `xiongwei`), then (from two characters) logins containing it, names containing it.
 * Within each of these, people the minutes mention in more files come first, then more
 * recently, then declared ones, then by login: the index keeps everyone in that order, so a
 * query takes the first matches it meets and stops once the best kinds of match hold enough.
 *
 * - The prefix matches come from the people whose login or a name key starts with the query's
 *   first character (a short list per character).
 * - Substring matches are one native `indexOf` loop over every login (and every name), one per
 *   line in rank order, not a string comparison per person.
 */
export class CompletionIndex {
  private readonly ordered: Entry[];
  private prefixes: { byLogin: Map<string, Entry>; byFirstCharacter: Map<string, Entry[]> } | undefined;
  /** The prefix part while it is built in steps: the people done so far. */
  private prefixBuild: { byLogin: Map<string, Entry>; byFirstCharacter: Map<string, Entry[]>; next: number } | undefined;
  private substrings: { logins: Lines; names: Lines } | undefined;
  /** The substring part while it is built in steps. */
  private substringBuild: { logins: LinesBuilder; names: LinesBuilder; next: number } | undefined;

  /**
   * `keysOf` gives a name's keys: `nameKeys` (with pinyin) unless a test asks the index the way
   * the first answer before it matches (`completePartial`: no pinyin).
   */
  constructor(
    people: readonly Person[],
    usage: (handle: string) => HandleUsage | undefined,
    private readonly keysOf: (name: string) => string[] = nameKeys,
  ) {
    const ranked = people.map((person) => ({ person, facts: rankFacts(person, usage(person.handle)) }));
    ranked.sort((a, b) => rankOrder(a.facts, b.facts));
    // Made in the order a query reads them: one after the other in memory too.
    this.ordered = ranked.map(({ person, facts }) => ({ person, handle: facts.login, names: [] }));
  }

  /**
   * Builds the parts a query may need, a step at a time: the ranking is made with the index; the
   * names' keys and the lists by first character (queries of one character or more), a few
   * hundred people per step; the texts that substring matches search (two characters or more),
   * as many per step. A query builds what it needs and is missing, so the first `@` (an empty
   * query) waits for none of them.
   */
  *building(): Generator<void, void> {
    yield* this.buildingPrefixes();
    yield;
    yield* this.buildingSubstrings();
  }

  /** Is what a query needs built? */
  ready(query: string): boolean {
    const length = completionQuery(query).length;
    return length === 0 || (length === 1 ? !!this.prefixes : !!this.substrings);
  }

  private prefixIndex(): NonNullable<CompletionIndex['prefixes']> {
    const steps = this.buildingPrefixes();
    while (!steps.next().done);
    return this.prefixes!;
  }

  /** The prefix part, `PREFIX_STEP` people per step; `prefixIndex` finishes it at once when a query needs it. */
  private *buildingPrefixes(): Generator<void, void> {
    if (this.prefixes) return;
    const build = (this.prefixBuild ??= { byLogin: new Map<string, Entry>(), byFirstCharacter: new Map<string, Entry[]>(), next: 0 });
    const { byLogin, byFirstCharacter } = build;
    const startsWith = (first: string | undefined, entry: Entry) => {
      if (first === undefined) return;
      const list = byFirstCharacter.get(first);
      if (!list) byFirstCharacter.set(first, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    };
    while (build.next < this.ordered.length) {
      const end = Math.min(this.ordered.length, build.next + PREFIX_STEP);
      // `build.next` moves with each person, so that whoever continues (a step, a query) starts after them.
      for (; build.next < end; build.next++) {
        const entry = this.ordered[build.next];
        entry.names = entry.person.names.map((name) => ({ name, keys: this.keysOf(name) }));
        byLogin.set(entry.handle, entry);
        startsWith(entry.handle[0], entry);
        for (const name of entry.names) for (const key of name.keys) startsWith(key[0], entry);
      }
      if (build.next < this.ordered.length) yield;
    }
    this.prefixes ??= { byLogin, byFirstCharacter };
    this.prefixBuild = undefined;
  }

  private substringIndex(): NonNullable<CompletionIndex['substrings']> {
    const steps = this.buildingSubstrings();
    while (!steps.next().done);
    return this.substrings!;
  }

  /** The substring part, `PREFIX_STEP` people per step (after the prefix part: names' keys are searched). */
  private *buildingSubstrings(): Generator<void, void> {
    if (this.substrings) return;
    yield* this.buildingPrefixes();
    const build = (this.substringBuild ??= { logins: new LinesBuilder(), names: new LinesBuilder(), next: 0 });
    while (build.next < this.ordered.length) {
      const end = Math.min(this.ordered.length, build.next + PREFIX_STEP);
      for (; build.next < end; build.next++) {
        const entry = this.ordered[build.next];
        build.logins.add([entry.handle]);
        // A name's first key is the whole name compacted (`xiongwei`, `熊伟`): what "containing" looks in.
        build.names.add(entry.names.map((n) => n.keys[0] ?? ''));
      }
      build.logins.seal();
      build.names.seal();
      if (build.next < this.ordered.length) yield;
    }
    this.substrings ??= { logins: build.logins.finish(), names: build.names.finish() };
    this.substringBuild = undefined;
  }

  /** The best `limit` people for a query, best first. */
  complete(query: string, limit: number): CompletionCandidate[] {
    const q = completionQuery(query);
    if (!q) return this.ordered.slice(0, limit).map((e) => ({ person: e.person, match: 'all' }));
    const best: CompletionCandidate[] = [];
    const taken = new Set<Entry>();
    const take = (entry: Entry, match: CompletionCandidate['match'], matchedName?: string) => {
      taken.add(entry);
      best.push(matchedName === undefined ? { person: entry.person, match } : { person: entry.person, match, matchedName });
    };
    const { byLogin, byFirstCharacter } = this.prefixIndex();
    const exact = byLogin.get(q);
    if (exact) take(exact, 'handle');

    const byName: Array<{ entry: Entry; name: string }> = [];
    const prefixed: Entry[] = [];
    for (const entry of byFirstCharacter.get(q[0]) ?? []) {
      if (entry === exact) continue;
      if (entry.handle.startsWith(q)) {
        prefixed.push(entry);
        // Later people rank after these, and every login match ranks before a name match.
        if (best.length + prefixed.length >= limit) break;
      } else if (best.length + prefixed.length + byName.length < limit) {
        const name = namePrefixed(entry.names, q);
        if (name !== undefined) byName.push({ entry, name });
      }
    }
    for (const entry of prefixed) if (best.length < limit) take(entry, 'handle');
    for (const { entry, name } of byName) if (best.length < limit) take(entry, 'name', name);
    if (q.length < 2 || best.length >= limit) return best.slice(0, limit);

    // Every prefix match is in `taken` here: the loop above stopped early only with enough of them.
    const { logins, names } = this.substringIndex();
    logins.eachContaining(q, (i) => {
      const entry = this.ordered[i];
      if (!taken.has(entry)) take(entry, 'handle');
      return best.length < limit;
    });
    if (best.length >= limit) return best;
    names.eachContaining(q, (i) => {
      const entry = this.ordered[i];
      if (!taken.has(entry)) take(entry, 'name', nameContaining(entry.names, q));
      return best.length < limit;
    });
    return best;
  }
}

/**
 * Strings grouped by owner, one per line in one text: which owners have a string containing a
 * query is answered by `indexOf`. The strings hold no line breaks (queries have no white space).
 */
class Lines {
  constructor(
    private readonly text: string,
    /** Where each owner's lines start in `text`, and one past the end. */
    private readonly starts: Int32Array,
  ) {}

  /** Calls `visit` with each owner (in order) having a line that contains `q`, until it returns false. */
  eachContaining(q: string, visit: (owner: number) => boolean): void {
    let at = this.text.indexOf(q);
    while (at >= 0) {
      const owner = this.ownerAt(at);
      if (!visit(owner)) return;
      at = this.text.indexOf(q, this.starts[owner + 1]);
    }
  }

  private ownerAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** Makes `Lines` an owner at a time; `seal` after a batch of owners keeps the pieces to join few. */
class LinesBuilder {
  private readonly starts: number[] = [];
  private readonly chunks: string[] = [];
  private parts: string[] = [];
  private at = 0;

  add(lines: readonly string[]): void {
    this.starts.push(this.at);
    for (const line of lines) {
      this.parts.push(line, '\n');
      this.at += line.length + 1;
    }
  }

  seal(): void {
    this.chunks.push(this.parts.join(''));
    this.parts = [];
  }

  finish(): Lines {
    this.seal();
    return new Lines(this.chunks.join(''), Int32Array.from([...this.starts, this.at]));
  }
}
