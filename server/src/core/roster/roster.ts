import { handleKey } from './handle';
import { CompletionIndex } from './completionIndex';
import { nameKeys, type CompletionCandidate } from './search';
import { closeHandles } from './suggest';
import type { HandleForge, Person, RosterEntry, RosterProblem } from './types';
import type { HandleUsage, UsageIndex } from './usage';

/** Entries merged per step of `Roster.merging`. */
const MERGE_STEP = 250;

export interface RosterInput {
  entries: readonly RosterEntry[];
  /** `OWNERS_ALIASES` groups: a group name listed in `OWNERS` stands for its members. */
  groups?: Readonly<Record<string, readonly string[]>>;
  problems?: readonly RosterProblem[];
  /** Handles used in the workspace's minutes (live: the roster reads it on each question). */
  usage?: UsageIndex;
  /** People known by name only (`git log` authors); offered in attendee lists. */
  namesOnly?: readonly RosterEntry[];
}

export interface KnownOptions {
  /** The document being checked: its own mentions do not make a handle known. */
  exceptPath?: string;
  /** How many other minutes files must mention an undeclared handle before it counts as known (0: never). */
  minFiles?: number;
}

/**
 * The contributors of one workspace folder: who is declared by the roster files, who the minutes
 * mention, and how to find them by login or name. Rules, completion and hovers all ask this.
 */
export class Roster {
  readonly problems: readonly RosterProblem[];
  private readonly declaredPeople = new Map<string, Person>();
  private readonly groupNames: Set<string>;
  private readonly usageIndex: UsageIndex | undefined;
  private readonly nameOnly: readonly RosterEntry[];
  private derived: { generation: number; people: Person[]; other: Map<string, Person>; completion?: CompletionIndex } | undefined;
  /** Entries not merged into `declaredPeople` yet (`mergeLater`). */
  private toMerge: { entries: readonly RosterEntry[]; groups: Map<string, readonly string[]>; next: number } | undefined;

  constructor(input: RosterInput, options: { mergeLater?: boolean } = {}) {
    this.problems = input.problems ?? [];
    this.usageIndex = input.usage;
    this.nameOnly = input.namesOnly ?? [];
    const groups = new Map(Object.entries(input.groups ?? {}).map(([name, members]) => [handleKey(name), members]));
    this.groupNames = new Set(groups.keys());
    this.toMerge = { entries: input.entries, groups, next: 0 };
    if (!options.mergeLater) this.merged();
  }

  /** How many entries the roster files gave (before merging): what building it costs. */
  get size(): number {
    return this.toMerge?.entries.length ?? this.declaredPeople.size;
  }

  /**
   * Merges the entries a few hundred at a time, for a host that builds the roster in the background
   * (`RosterStore.preparing`); anything that reads the roster meanwhile merges the rest first.
   */
  *merging(): Generator<void, void> {
    while (this.toMerge) {
      this.mergeSome(MERGE_STEP);
      if (this.toMerge) yield;
    }
  }

  private merged(): Map<string, Person> {
    if (this.toMerge) this.mergeSome(Infinity);
    return this.declaredPeople;
  }

  private mergeSome(count: number): void {
    const work = this.toMerge!;
    const end = Math.min(work.entries.length, work.next + count);
    for (; work.next < end; work.next++) {
      forEachDeclared(work.entries[work.next], work.groups, (entry) => mergeEntry(this.declaredPeople, entry));
    }
    if (work.next >= work.entries.length) this.toMerge = undefined;
  }

  static empty(): Roster {
    return new Roster({ entries: [] });
  }

  /** True when a roster source declares anyone: only then are unknown handles worth reporting. */
  get hasDeclared(): boolean {
    return this.merged().size > 0;
  }

  /** The forge most declared logins belong to (`gitee` for a `sig-info.yaml`), if any source says. */
  get forge(): HandleForge | undefined {
    const counts = new Map<HandleForge, number>();
    for (const p of this.merged().values()) if (p.forge !== 'unknown') counts.set(p.forge, (counts.get(p.forge) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /** A declared person, or one the minutes mention. Case-insensitive. */
  person(handle: string): Person | undefined {
    const key = handleKey(handle);
    return this.all().other.get(key) ?? this.declaredPeople.get(key);
  }

  /** The person if a roster source lists them. */
  declared(handle: string): Person | undefined {
    return this.merged().has(handleKey(handle)) ? this.person(handle) : undefined;
  }

  /** An `OWNERS_ALIASES` group name. */
  isGroup(handle: string): boolean {
    return this.groupNames.has(handleKey(handle));
  }

  usage(handle: string): HandleUsage | undefined {
    return this.usageIndex?.get(handle);
  }

  /** Files whose mentions include the handle (from the usage index; the caller re-reads them). */
  filesMentioning(handle: string): string[] {
    return this.usageIndex?.filesMentioning(handle) ?? [];
  }

  /**
   * Declared, or mentioned by enough other minutes (people outside the roster are credited too);
   * a near miss of a declared login (`Wnie93`), or a declared person's name spelled as a login
   * (`huxinwei` for Hu Xinwei, whose login is another), stays unknown however often it is copied.
   */
  isKnown(handle: string, options: KnownOptions = {}): boolean {
    if (this.declared(handle) || this.isGroup(handle)) return true;
    if (this.person(handle)?.sources.some((s) => s.kind === 'git')) return true;
    const minFiles = options.minFiles ?? 1;
    if (minFiles <= 0) return false;
    const files = this.usage(handle)?.files.filter((f) => f !== options.exceptPath).length ?? 0;
    if (files < minFiles) return false;
    return !this.suggest(handle, 1, { declaredOnly: true }).length && !this.spelledBy(handle).length;
  }

  /** Logins close to a mistyped one (`Wnie93` → `Wine93`), closest and most used first. */
  suggest(handle: string, limit = 3, options: { declaredOnly?: boolean; exceptPath?: string } = {}): Person[] {
    const pool = options.declaredOnly ? this.all().people.filter((p) => p.declared) : this.all().people;
    const candidates = pool.filter((p) => {
      if (p.declared) return true;
      // Undeclared logins only when another file uses them: the typo itself must not be its own suggestion.
      return (this.usage(p.handle)?.files.filter((f) => f !== options.exceptPath).length ?? 0) > 0;
    });
    return closeHandles(
      handle,
      candidates,
      (p) => p.handle,
      (p) => this.usage(p.handle)?.files.length ?? 0,
    ).slice(0, limit);
  }

  /**
   * People whose romanised name a login spells: `@huxinwei` for Hu Xinwei, `@caozhi` for Cao Zhi
   * (openEuler minutes often write the pinyin of a name where the Gitee id belongs).
   */
  spelledBy(handle: string): Person[] {
    const key = handle.toLowerCase().replace(/[-_.]/g, '');
    if (key.length < 4) return [];
    return this.all().people.filter(
      (p) => p.declared && handleKey(p.handle) !== handleKey(handle) && p.names.some((n) => nameKeys(n).slice(0, 2).includes(key)),
    );
  }

  /** People whose name is `name` (`David Lee`, `熊伟`), ignoring case and spaces. */
  byName(name: string): Person[] {
    const key = nameKeys(name)[0];
    if (!key) return [];
    return this.all().people.filter((p) => p.names.some((n) => nameKeys(n)[0] === key));
  }

  /** Is what `complete(query)` reads built already (merged, ranked, indexed for this kind of query)? */
  completionReady(query: string): boolean {
    const generation = this.usageIndex?.generation ?? 0;
    const completion = this.derived?.generation === generation ? this.derived.completion : undefined;
    return !!completion && completion.ready(query);
  }

  /** Completion: logins and names matching what was typed after `@`, best first. */
  complete(query: string, limit = 50): CompletionCandidate[] {
    return this.completionIndex().complete(query, limit);
  }

  /**
   * Builds what completion needs (people in rank order, names' keys, the texts searched) unless
   * it is ready, one part per step: hosts run it in idle time, so that the first `@` typed does
   * not wait for 10,000 people.
   */
  *preparingCompletion(): Generator<void, void> {
    const index = this.completionIndex();
    yield;
    yield* index.building();
  }

  /** All of `preparingCompletion` at once. */
  prepareCompletion(): void {
    const steps = this.preparingCompletion();
    while (!steps.next().done);
  }

  /** Everyone: declared people, then people only the minutes mention. */
  people(): readonly Person[] {
    return this.all().people;
  }

  /** People known by name only (no login), for attendee lists. */
  namesOnly(): readonly RosterEntry[] {
    return this.nameOnly;
  }

  /** Rebuilt with the people list, when the usage index changes: the ranking reads usage. */
  private completionIndex(): CompletionIndex {
    const all = this.all();
    all.completion ??= new CompletionIndex(all.people, (handle) => this.usage(handle));
    return all.completion;
  }

  /**
   * Declared people with the names the minutes add, plus undeclared mentioned handles; rebuilt
   * when the usage index changes. Only what the minutes and history change is copied (`other`):
   * the declared people are looked up where they were merged.
   */
  private all(): NonNullable<Roster['derived']> {
    const generation = this.usageIndex?.generation ?? 0;
    if (this.derived && this.derived.generation === generation) return this.derived;
    const declared = this.merged();
    const other = new Map<string, Person>();
    for (const usage of this.usageIndex?.all() ?? []) {
      const key = handleKey(usage.handle);
      const known = other.get(key) ?? declared.get(key);
      if (known) {
        const learned = learnedNames(known, usage);
        if (learned.length) other.set(key, { ...known, names: [...known.names, ...learned] });
        continue;
      }
      other.set(key, {
        handle: usage.handle,
        forge: 'unknown',
        name: usage.names[0],
        names: [...usage.names],
        roles: [],
        sources: [],
        declared: false,
      });
    }
    // Commit authors with a GitHub no-reply address give their login: offered, never reported.
    for (const author of this.nameOnly) {
      if (!author.handle || other.has(handleKey(author.handle)) || declared.has(handleKey(author.handle))) continue;
      other.set(handleKey(author.handle), {
        handle: author.handle,
        forge: author.forge,
        name: author.name,
        names: author.name ? [author.name] : [],
        roles: author.roles,
        sources: [author.source],
        declared: false,
      });
    }
    const people: Person[] = [];
    for (const [key, person] of declared) people.push(other.get(key) ?? person);
    for (const [key, person] of other) if (!declared.has(key)) people.push(person);
    this.derived = { generation, people, other };
    return this.derived;
  }
}

/**
 * The people a roster entry declares, given to `declare`: itself if it has a login; an OWNERS
 * line naming a group (`OWNERS_ALIASES`, keys in lower case) gives its members the line's role.
 */
export function forEachDeclared(
  entry: RosterEntry,
  groups: ReadonlyMap<string, readonly string[]>,
  declare: (entry: RosterEntry & { handle: string }) => void,
): void {
  if (!entry.handle) return;
  const members = groups.get(handleKey(entry.handle));
  if (members && entry.source.kind === 'owners') {
    for (const member of members) declare({ ...entry, handle: member });
  } else declare(entry as RosterEntry & { handle: string });
}

/** Merges one entry into the people by login (lower case): a new person, or what it adds to the one there. */
export function mergeEntry(people: Map<string, Person>, entry: RosterEntry & { handle: string }): void {
  const key = handleKey(entry.handle);
  const existing = people.get(key);
  if (!existing) {
    people.set(key, declaredPerson(entry));
    return;
  }
  existing.name ??= entry.name;
  if (entry.name && !existing.names.includes(entry.name)) existing.names.push(entry.name);
  existing.org ??= entry.org;
  existing.email ??= entry.email;
  if (existing.forge === 'unknown') existing.forge = entry.forge;
  for (const role of entry.roles) if (!existing.roles.includes(role)) existing.roles.push(role);
  if (!existing.sources.some((s) => s.path === entry.source.path && s.line === entry.source.line)) existing.sources.push(entry.source);
}

/**
 * The names the minutes write beside a person's login that the roster does not list (`熊伟（@myeuler）`):
 * the roster adds them to the person's names.
 */
export function learnedNames(person: Person, usage: HandleUsage | undefined): string[] {
  return usage?.names.filter((n) => !person.names.includes(n)) ?? [];
}

/** The person one roster entry declares, before other entries for the login are merged in. */
export function declaredPerson(entry: RosterEntry): Person {
  return {
    handle: entry.handle!,
    forge: entry.forge,
    name: entry.name,
    names: entry.name ? [entry.name] : [],
    org: entry.org,
    email: entry.email,
    roles: [...new Set(entry.roles)],
    sources: [entry.source],
    declared: true,
  };
}
