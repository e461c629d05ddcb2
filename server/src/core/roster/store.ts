import { joinPath } from '../config/load';
import type { ResolvedConfig } from '../config/types';
import { MAX_ROSTER_BYTES, MAX_SCANNED_BYTES, MINUTES_FILE } from './files';
import { filled, sourceMessages } from './sources/problems';
import { AUTODETECTED_ROSTERS, inlineEntries, readingRosterSource } from './sources';
import { Roster } from './roster';
import { scanUsage, UsageIndex } from './usage';
import type { RosterEntry, RosterProblem, RosterSourceResult } from './types';
import type { CompletionCandidate } from './search';
import { completePartial } from './partial';

/**
 * Above this many roster entries (or this many bytes of roster files not read yet), a completion
 * that finds the roster not built answers from what is read (`completeSoon`) rather than build it
 * (10,000 people take some 300 ms of CPU cold); below, building it costs a few milliseconds.
 */
const QUICK_PEOPLE = 2000;
const QUICK_BYTES = 128 * 1024;
/** So many people read before such an answer is given (a roster file being read is read on until then). */
const FIRST_PEOPLE = 1000;

/** What a roster store needs from its host: files, and the folder's history when it can read one. */
export interface RosterHost {
  /** A file's text (an open editor buffer first, in the language server); undefined when absent. */
  readFile(path: string): string | undefined;
  /** Does something exist at this path (to tell "not a file" from "not found")? */
  exists?(path: string): boolean;
  /** A file's size in bytes, so a huge file is refused before it is read. */
  fileSize?(path: string): number | undefined;
  /** Where a path leads once links are followed, seen from the repository root (hosts with a file system). */
  locate?(path: string, root: string): 'inside' | 'outside' | 'missing';
  /** Minutes-like files under a folder, for the handles they use. */
  listMinutes(root: string): string[];
  /** The folder's commit authors (`git log`), or undefined when there is no history to read. Never rejects. */
  historyAuthors?(root: string): Promise<RosterEntry[]> | undefined;
}

/** A roster file being read in steps; whoever needs it next carries the same steps on. */
interface ReadingJob {
  steps: Generator<void, void> | undefined;
  /** The entries read so far (a `team.json`'s grow as it is read). */
  entries: RosterEntry[];
}

interface CachedRoster {
  roster: Roster;
  root: string | undefined;
  /** Every file this roster read or looked for; a change to any of them rebuilds it. */
  files: string[];
}

/**
 * Rosters as a host keeps them: finds the roster files of a workspace folder (configured in
 * `contributors.sources`, or the usual names in the folder), reads them through the parsers,
 * keeps the usage index of the folder's minutes, and forgets what a changed file invalidates.
 * Rules get the result through `Services.roster`. Files come through `RosterHost`: the disk
 * for the CLI and the Node server, the editor's workspace for the server in a browser.
 */
export class RosterStore {
  private readonly sources = new Map<string, RosterSourceResult | undefined>();
  /** Roster files being read in steps (`readingSource`). */
  private readonly reading = new Map<string, ReadingJob>();
  private readonly rosters = new Map<string, CachedRoster>();
  private readonly usage = new Map<string, UsageIndex>();
  /** Usage indexes being built a step at a time (`preparing`): the minutes files left to read. */
  private readonly usageScans = new Map<string, { index: UsageIndex; paths: string[]; next: number }>();
  private readonly gitPeople = new Map<string, RosterEntry[]>();
  private readonly gitPending = new Set<string>();
  /** Bumped whenever a roster may have changed: hosts re-lint when it moves. */
  generation = 0;
  private configGeneration = -1;
  /** Called when something finished in the background (git log) changed a roster. */
  onDidChange: (() => void) | undefined;
  /** Called after a roster was (re)built, e.g. to publish its files' problems. */
  onDidBuild: (() => void) | undefined;

  constructor(
    private readonly host: RosterHost,
    private readonly options: { scanMinutes?: boolean } = {},
  ) {}

  /**
   * The roster for a document under `root` with `config`. Undefined when there is nothing at all
   * (no sources, no minutes with mentions); a roster without declared people disables `handle/unknown`.
   */
  rosterFor(config: ResolvedConfig, root: string | undefined, options: { mergeLater?: boolean } = {}): Roster | undefined {
    const contributors = config.config.contributors;
    const key = rosterKey(config, root);
    const cached = this.rosters.get(key);
    if (cached) return cached.roster;

    const files = this.sourcePaths(config, root);
    const entries: RosterEntry[] = [];
    const problems: RosterProblem[] = [];
    const groups: Record<string, string[]> = {};
    if (contributors?.handles?.length) {
      const inline = inlineEntries(contributors.handles, config.path ?? '.minutesrc.json');
      entries.push(...inline.entries);
      problems.push(...inline.problems);
    }
    // Links that lead out of the repository are not followed, configured or found by name.
    const repositoryRoot = config.root ?? root;
    for (const { path, configured } of files) {
      const result = this.source(path, configured, repositoryRoot);
      if (!result) continue;
      entries.push(...result.entries);
      problems.push(...result.problems);
      Object.assign(groups, result.groups);
    }
    const usage = root && this.options.scanMinutes ? this.usageFor(root) : undefined;
    const roster = new Roster({ entries, groups, problems, usage, namesOnly: root ? this.gitAuthors(root) : [] }, options);
    this.rosters.set(key, { roster, root, files: files.map((f) => f.path) });
    this.onDidBuild?.();
    return roster;
  }

  /**
   * What `rosterFor` and the completion index do, in steps, for a host that prepares them in the
   * background (the language server, when a workspace opens or a roster file changes): at each
   * `yield` the host may answer requests first. Every step keeps what it read (a roster file, a
   * minutes file's mentions), so a request that needs the roster meanwhile does only what is left.
   */
  *preparing(config: ResolvedConfig, root: string | undefined): Generator<void, void> {
    if (!this.rosters.has(rosterKey(config, root))) {
      const repositoryRoot = config.root ?? root;
      for (const { path, configured } of this.sourcePaths(config, root)) {
        yield* this.readingSource(path, configured, repositoryRoot);
        yield;
      }
      if (root && this.options.scanMinutes) yield* this.scanningUsage(root);
    }
    const roster = this.rosterFor(config, root, { mergeLater: true });
    if (!roster) return;
    yield;
    yield* roster.merging();
    roster.people();
    yield;
    yield* roster.preparingCompletion();
  }

  /**
   * Completion for a host that prepares rosters in the background (`preparing`): the roster's
   * answer when what it reads is built, or when building the rest is quick (a small roster);
   * otherwise an answer from the roster files read so far, in the index's order (`completePartial`),
   * `partial`, that costs no building: the host marks it incomplete and the background steps go on.
   */
  completeSoon(
    config: ResolvedConfig,
    root: string | undefined,
    query: string,
    limit: number,
  ): { candidates: CompletionCandidate[]; roster: Roster | undefined; partial: boolean } {
    const cached = this.rosters.get(rosterKey(config, root))?.roster;
    const full = (roster: Roster | undefined) => ({ candidates: roster?.complete(query, limit) ?? [], roster, partial: false });
    if (cached?.completionReady(query)) return full(cached);
    let read = this.readSoFar(config, root);
    const large = (cached?.size ?? read.entries.length) > QUICK_PEOPLE || read.unreadBytes > QUICK_BYTES;
    if (!large) return full(cached ?? this.rosterFor(config, root));
    if (read.entries.length < FIRST_PEOPLE) {
      // Few people are in yet (or none: the background steps wait while a request is on its way):
      // read on until enough are, a few steps of the files' reads, begun here if need be.
      this.readUntil(config, root, FIRST_PEOPLE);
      read = this.readSoFar(config, root);
    }
    // Ranked by mentions only once every minutes file is scanned, as the index will be.
    const usage = root && this.options.scanMinutes ? this.usage.get(root) : undefined;
    return { candidates: completePartial(read.entries, read.groups, query, limit, usage), roster: cached, partial: true };
  }

  /** Reads the roster files for `config` in their steps (carrying on reads begun) until `people` entries are in or all is read. */
  private readUntil(config: ResolvedConfig, root: string | undefined, people: number): void {
    const repositoryRoot = config.root ?? root;
    let count = config.config.contributors?.handles?.length ?? 0;
    for (const { path, configured } of this.sourcePaths(config, root)) {
      if (count >= people) return;
      const steps = this.readingSource(path, configured, repositoryRoot);
      let next = steps.next();
      const job = this.reading.get(path);
      while (!next.done && count + (job?.entries.length ?? 0) < people) next = steps.next();
      count += this.sources.get(path)?.entries.length ?? job?.entries.length ?? 0;
    }
  }

  /** Is the roster for `config` built, its people merged and ranked (what a check and a first `@` read)? */
  isReady(config: ResolvedConfig, root: string | undefined): boolean {
    return !!this.rosters.get(rosterKey(config, root))?.roster.completionReady('');
  }

  /** The entries of the roster files read so far for `config` (some maybe still being read), and the size of those not read yet. */
  private readSoFar(
    config: ResolvedConfig,
    root: string | undefined,
  ): { entries: RosterEntry[]; groups: Record<string, string[]>; unreadBytes: number } {
    const contributors = config.config.contributors;
    const entries: RosterEntry[] = contributors?.handles?.length
      ? inlineEntries(contributors.handles, config.path ?? '.minutesrc.json').entries
      : [];
    let unreadBytes = 0;
    const groups: Record<string, string[]> = {};
    for (const { path } of this.sourcePaths(config, root)) {
      const job = this.reading.get(path);
      if (!this.sources.has(path)) unreadBytes += this.host.fileSize?.(path) ?? 0;
      for (const entry of this.sources.get(path)?.entries ?? job?.entries ?? []) entries.push(entry);
      Object.assign(groups, this.sources.get(path)?.groups);
    }
    return { entries, groups, unreadBytes };
  }

  /** Problems of every roster read so far, by file (for the editor's problem list, or stderr). */
  problems(): RosterProblem[] {
    const seen = new Set<string>();
    const out: RosterProblem[] = [];
    for (const { roster } of this.rosters.values()) {
      for (const p of roster.problems) {
        const key = `${p.path}:${p.start}:${p.message.en}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(p);
      }
    }
    return out;
  }

  /** Roster files to watch: the ones read and the autodetected names that may appear later. */
  watchedFiles(): string[] {
    const files = new Set<string>();
    for (const cached of this.rosters.values()) for (const f of cached.files) files.add(f);
    return [...files];
  }

  /**
   * A file changed on disk (or was deleted). Returns what it was to the rosters: a roster
   * source (rosters rebuilt: re-lint), a minutes file (usage index updated), or nothing.
   */
  fileChanged(path: string, deleted = false): 'roster' | 'minutes' | undefined {
    let kind: 'roster' | 'minutes' | undefined;
    if (this.sources.has(path) || this.reading.has(path) || [...this.rosters.values()].some((c) => c.files.includes(path))) {
      this.sources.delete(path);
      this.reading.delete(path);
      for (const [key, cached] of this.rosters) if (cached.files.includes(path)) this.rosters.delete(key);
      kind = 'roster';
    }
    if (MINUTES_FILE.test(path)) {
      kind ??= 'minutes';
      const indexes = [...this.usage, ...[...this.usageScans].map(([root, scan]): [string, UsageIndex] => [root, scan.index])];
      for (const [root, index] of indexes) {
        if (!isInside(path, root)) continue;
        const text = deleted ? undefined : this.host.readFile(path);
        if (text !== undefined && text.length <= MAX_SCANNED_BYTES) index.set(scanUsage(path, text));
        else index.delete(path);
      }
    }
    if (kind) this.generation++;
    return kind;
  }

  /**
   * The host's configuration generation: when it moves, the merged rosters are dropped (the
   * parsed files and usage indexes stay), so a roster no configuration names any more stops
   * reporting its problems.
   */
  syncConfigGeneration(generation: number): void {
    if (generation === this.configGeneration) return;
    this.configGeneration = generation;
    if (this.rosters.size) {
      this.rosters.clear();
      this.generation++;
    }
  }

  /** The usage index of a folder's minutes, built on first use (finished, if `preparing` began it). */
  usageFor(root: string): UsageIndex {
    const steps = this.scanningUsage(root);
    while (!steps.next().done);
    return this.usage.get(root)!;
  }

  /** Builds a folder's usage index one minutes file per step. */
  private *scanningUsage(root: string): Generator<void, void> {
    if (this.usage.has(root)) return;
    let scan = this.usageScans.get(root);
    if (!scan) {
      scan = { index: new UsageIndex(), paths: this.host.listMinutes(root), next: 0 };
      this.usageScans.set(root, scan);
      yield;
    }
    while (scan.next < scan.paths.length) {
      const path = scan.paths[scan.next++];
      const text = this.host.readFile(path);
      if (text !== undefined && text.length <= MAX_SCANNED_BYTES) scan.index.set(scanUsage(path, text));
      yield;
    }
    if (this.usageScans.get(root) !== scan) return; // finished by another caller meanwhile
    this.usageScans.delete(root);
    this.usage.set(root, scan.index);
  }

  /** The roster files a roster for `config` under `root` reads or looks for. */
  sourceFiles(config: ResolvedConfig, root: string | undefined): string[] {
    return this.sourcePaths(config, root).map((s) => s.path);
  }

  private sourcePaths(config: ResolvedConfig, root: string | undefined): Array<{ path: string; configured: boolean }> {
    const configured = config.config.contributors?.sources;
    if (configured?.length && config.baseDir) return configured.map((s) => ({ path: joinPath(config.baseDir!, s), configured: true }));
    // Nothing configured: the usual roster files of the workspace folder (and of the config's folder).
    const dirs = [...new Set([root, config.baseDir].filter((d): d is string => !!d))];
    return dirs.flatMap((dir) => AUTODETECTED_ROSTERS.map((name) => ({ path: joinPath(dir, name), configured: false })));
  }

  /** A parsed roster file; a configured file that is missing is a problem, an autodetected one is not. */
  private source(path: string, configured: boolean, repositoryRoot: string | undefined): RosterSourceResult | undefined {
    const steps = this.readingSource(path, configured, repositoryRoot);
    while (!steps.next().done);
    return this.sources.get(path);
  }

  /**
   * `source` in steps (a large `team.json` a few hundred people per step). A read begun by the
   * background steps is carried on by whoever needs the file next (a check), never begun twice.
   */
  private *readingSource(path: string, configured: boolean, repositoryRoot: string | undefined): Generator<void, void> {
    if (this.sources.has(path)) return;
    let job = this.reading.get(path);
    if (!job) {
      const started: ReadingJob = { steps: undefined, entries: [] };
      started.steps = this.readSteps(path, configured, repositoryRoot, started);
      this.reading.set(path, started);
      job = started;
    }
    while (!job.steps!.next().done) yield;
  }

  private *readSteps(path: string, configured: boolean, repositoryRoot: string | undefined, job: ReadingJob): Generator<void, void> {
    const refused = (message: RosterProblem['message']): RosterSourceResult => ({
      entries: [],
      problems: [{ path, message, start: 0, end: 0 }],
    });
    let result: RosterSourceResult | undefined;
    const size = this.host.fileSize?.(path);
    if (repositoryRoot && this.host.locate?.(path, repositoryRoot) === 'outside') {
      result = refused(filled(sourceMessages.outside, { root: repositoryRoot }));
    } else if (size !== undefined && size > MAX_ROSTER_BYTES) {
      result = refused(filled(sourceMessages.tooLarge, { size: (size / 1024).toFixed(0), limit: MAX_ROSTER_BYTES / 1024 }));
    } else {
      const text = this.host.readFile(path);
      if (text === undefined) {
        result = configured
          ? refused(filled(sourceMessages.unreadable, { reason: this.host.exists?.(path) ? 'not a file' : 'not found' }))
          : undefined;
      } else if (text.length > MAX_ROSTER_BYTES) {
        result = refused(filled(sourceMessages.tooLarge, { size: (text.length / 1024).toFixed(0), limit: MAX_ROSTER_BYTES / 1024 }));
      } else {
        yield;
        try {
          result = yield* readingRosterSource(path, text, job.entries);
        } catch (error) {
          // The parsers report problems rather than throw; a bug in one must still not stop linting.
          result = refused({ en: `cannot read the roster file: ${String(error)}`, zh: `无法读取名单文件：${String(error)}` });
        }
      }
    }
    // The file changed while it was read: a newer read replaces this one.
    if (this.reading.get(path) !== job) return;
    this.reading.delete(path);
    this.sources.set(path, result);
  }

  /** The people of the folder's history (`git log` authors), read once in the background; names for attendee lists. */
  private gitAuthors(root: string): RosterEntry[] {
    const known = this.gitPeople.get(root);
    if (known || !this.host.historyAuthors || this.gitPending.has(root)) return known ?? [];
    const reading = this.host.historyAuthors(root);
    if (!reading) return [];
    this.gitPending.add(root);
    void reading.then((people) => {
      this.gitPending.delete(root);
      this.gitPeople.set(root, people);
      if (!people.length) return;
      for (const [key, cached] of this.rosters) if (cached.root === root) this.rosters.delete(key);
      this.generation++;
      this.onDidChange?.();
    });
    return [];
  }
}

/** Rosters are kept per workspace folder and configuration (the contributors part of it). */
function rosterKey(config: ResolvedConfig, root: string | undefined): string {
  return JSON.stringify([root ?? '', config.path ?? '', config.baseDir ?? '', config.config.contributors ?? null]);
}

function isInside(path: string, root: string): boolean {
  return path.startsWith(root.endsWith('/') ? root : `${root}/`);
}
