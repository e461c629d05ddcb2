import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { joinPath } from '../core/config/load';
import type { Lang } from '../core/i18n/lang';
import type { ResolvedConfig } from '../core/config/types';
import {
  AUTODETECTED_ROSTERS, inlineEntries, parseRosterSource, Roster, scanUsage, UsageIndex,
  type RosterEntry, type RosterProblem, type RosterSourceResult,
} from '../core/roster';
import { filled, sourceMessages } from '../core/roster/sources/problems';
import { locateInside } from './contain';
import { fileSize, readRegularFile } from './host';
import { walkFiles } from './walk';

/** Reads a file's text (an open editor buffer first, in the language server); undefined when absent. */
export type ReadText = (path: string) => string | undefined;

export interface NodeRosterOptions {
  readFile?: ReadText;
  /** Scan the workspace's minutes for the handles they use (completion, "known" logins, renames). */
  scanMinutes?: boolean;
  /** `git log` authors: only in a trusted workspace (git runs the repository's hooks and config). */
  git?: () => boolean;
  log?: (message: string) => void;
}

/** Minutes files scanned per workspace folder, at most: a huge monorepo must not stall the server. */
export const MAX_SCANNED_FILES = 5000;
const MAX_SCANNED_BYTES = 1024 * 1024;
/** Real rosters are a few KB (openEuler's largest sig-info.yaml: 20 KB). */
export const MAX_ROSTER_BYTES = 1024 * 1024;
const MINUTES_FILE = /\.(?:md|markdown|txt)$/i;

interface CachedRoster {
  roster: Roster;
  root: string | undefined;
  /** Every file this roster read or looked for; a change to any of them rebuilds it. */
  files: string[];
}

/**
 * The host side of rosters: finds the roster files of a workspace folder (configured in
 * `contributors.sources`, or the usual names in the folder), reads them through the core's
 * parsers, keeps the usage index of the folder's minutes, and forgets what a changed file
 * invalidates. Rules get the result through `Services.roster`.
 */
export class NodeRosters {
  private readonly readText: ReadText;
  private readonly sources = new Map<string, RosterSourceResult | undefined>();
  private readonly rosters = new Map<string, CachedRoster>();
  private readonly usage = new Map<string, UsageIndex>();
  private readonly gitPeople = new Map<string, RosterEntry[]>();
  private readonly gitPending = new Set<string>();
  /** Bumped whenever a roster may have changed: hosts re-lint when it moves. */
  generation = 0;
  private configGeneration = -1;
  /** Called when something finished in the background (git log) changed a roster. */
  onDidChange: (() => void) | undefined;
  /** Called after a roster was (re)built, e.g. to publish its files' problems. */
  onDidBuild: (() => void) | undefined;

  constructor(private readonly options: NodeRosterOptions = {}) {
    this.readText = options.readFile ?? readRegularFile;
  }

  /**
   * The roster for a document under `root` with `config`. Undefined when there is nothing at all
   * (no sources, no minutes with mentions); a roster without declared people disables `handle/unknown`.
   */
  rosterFor(config: ResolvedConfig, root: string | undefined): Roster | undefined {
    const contributors = config.config.contributors;
    const key = JSON.stringify([root ?? '', config.path ?? '', config.baseDir ?? '', contributors ?? null]);
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
    const roster = new Roster({ entries, groups, problems, usage, namesOnly: root ? this.gitAuthors(root) : [] });
    this.rosters.set(key, { roster, root, files: files.map((f) => f.path) });
    this.onDidBuild?.();
    return roster;
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
    if (this.sources.has(path) || [...this.rosters.values()].some((c) => c.files.includes(path))) {
      this.sources.delete(path);
      for (const [key, cached] of this.rosters) if (cached.files.includes(path)) this.rosters.delete(key);
      kind = 'roster';
    }
    if (MINUTES_FILE.test(path)) {
      kind ??= 'minutes';
      for (const [root, index] of this.usage) {
        if (!isInside(path, root)) continue;
        const text = deleted ? undefined : this.readText(path);
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

  /** The usage index of a folder's minutes, built on first use. */
  usageFor(root: string): UsageIndex {
    let index = this.usage.get(root);
    if (index) return index;
    index = new UsageIndex();
    for (const path of listMinutes(root)) {
      const text = this.readText(path);
      if (text !== undefined && text.length <= MAX_SCANNED_BYTES) index.set(scanUsage(path, text));
    }
    this.usage.set(root, index);
    return index;
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
    if (this.sources.has(path)) return this.sources.get(path);
    const refused = (message: RosterProblem['message']): RosterSourceResult => ({ entries: [], problems: [{ path, message, start: 0, end: 0 }] });
    let result: RosterSourceResult | undefined;
    const size = fileSize(path);
    if (repositoryRoot && locateInside(path, repositoryRoot) === 'outside') {
      result = refused(filled(sourceMessages.outside, { root: repositoryRoot }));
    } else if (size !== undefined && size > MAX_ROSTER_BYTES) {
      result = refused(filled(sourceMessages.tooLarge, { size: (size / 1024).toFixed(0), limit: MAX_ROSTER_BYTES / 1024 }));
    } else {
      const text = this.readText(path);
      if (text === undefined) {
        result = configured ? refused(filled(sourceMessages.unreadable, { reason: existsSync(path) ? 'not a file' : 'not found' })) : undefined;
      } else if (text.length > MAX_ROSTER_BYTES) {
        result = refused(filled(sourceMessages.tooLarge, { size: (text.length / 1024).toFixed(0), limit: MAX_ROSTER_BYTES / 1024 }));
      } else {
        try {
          result = parseRosterSource(path, text);
        } catch (error) {
          // The parsers report problems rather than throw; a bug in one must still not stop linting.
          result = refused({ en: `cannot read the roster file: ${String(error)}`, zh: `无法读取名单文件：${String(error)}` });
        }
      }
    }
    this.sources.set(path, result);
    return result;
  }

  /** `git log` authors of the folder, read once in the background; names for attendee lists. */
  private gitAuthors(root: string): RosterEntry[] {
    const known = this.gitPeople.get(root);
    if (known || !this.options.git?.() || this.gitPending.has(root) || !existsSync(`${root}/.git`)) return known ?? [];
    this.gitPending.add(root);
    execFile('git', ['-C', root, 'log', '--no-merges', '-n', '5000', '--format=%an%x09%ae'], { timeout: 5000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
      this.gitPending.delete(root);
      if (error) {
        this.options.log?.(`git log in ${root} failed: ${error.message}`);
        this.gitPeople.set(root, []);
        return;
      }
      this.gitPeople.set(root, gitAuthorEntries(stdout, root));
      for (const [key, cached] of this.rosters) if (cached.root === root) this.rosters.delete(key);
      this.generation++;
      this.onDidChange?.();
    });
    return [];
  }
}

/** `Name<TAB>email` lines → one entry per author; GitHub no-reply addresses give the login too. */
export function gitAuthorEntries(log: string, root: string): RosterEntry[] {
  const byName = new Map<string, RosterEntry>();
  for (const line of log.split('\n')) {
    const [name, email] = line.split('\t');
    if (!name?.trim()) continue;
    const login = /^(?:\d+\+)?([A-Z0-9-]+)@users\.noreply\.github\.com$/i.exec(email?.trim() ?? '')?.[1];
    const key = name.trim().toLowerCase();
    const existing = byName.get(key);
    if (existing) {
      existing.handle ??= login;
      continue;
    }
    byName.set(key, { handle: login, forge: 'github', name: name.trim(), roles: ['commit author'], source: { kind: 'git', path: root } });
  }
  return [...byName.values()];
}

/** Minutes-like files under a folder (Markdown and text), skipping build and VCS folders. */
export function listMinutes(root: string, limit = MAX_SCANNED_FILES): string[] {
  return walkFiles(root, { limit, accept: (name, stat) => MINUTES_FILE.test(name) && stat.size <= MAX_SCANNED_BYTES }).map((p) => p.replace(/\\/g, '/'));
}



function isInside(path: string, root: string): boolean {
  return path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** Where the CLI looks for autodetected rosters: the config's folder, else the enclosing git repository. */
export function cliRosterRoot(config: ResolvedConfig, path: string): string | undefined {
  if (config.baseDir) return config.baseDir;
  for (let dir = path.slice(0, path.lastIndexOf('/')); dir; dir = dir.slice(0, dir.lastIndexOf('/'))) {
    if (existsSync(`${dir}/.git`)) return dir;
  }
  return undefined;
}

/** Roster problems as `path: message` lines, in the user's language. */
export function rosterProblemLines(rosters: NodeRosters, lang: Lang = 'en'): string[] {
  return rosters.problems().map((p) => `${p.path}: ${p.message[lang] || p.message.en}`);
}
