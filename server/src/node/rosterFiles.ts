/**
 * What rosters read from a Node host's disk: roster files, the minutes of a folder (for the
 * handles they use) and, in a trusted workspace, `git log` authors. The CLI's NodeRosters and
 * the language server's Node platform share it; nothing here imports the core's code, so the
 * server's Node entry stays small (the server itself is dist/server-core.js).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { RosterEntry } from '../core/roster/types';
import type { RosterHost } from '../core/roster/store';
import { MAX_SCANNED_BYTES, MINUTES_FILE } from '../core/roster/files';
import { locateInside } from './contain';
import { fileSize, readRegularFile } from './host';
import { walkFiles } from './walk';

/** Reads a file's text (an open editor buffer first, in the language server); undefined when absent. */
export type ReadText = (path: string) => string | undefined;

/** Minutes files scanned per workspace folder, at most: a huge monorepo must not stall the server. */
export const MAX_SCANNED_FILES = 5000;

export interface DiskRosterOptions {
  readFile?: ReadText;
  /** `git log` authors: only in a trusted workspace (git runs the repository's hooks and config). */
  git?: () => boolean;
  log?: (message: string) => void;
}

export function diskRosterHost(options: DiskRosterOptions = {}): RosterHost {
  return {
    readFile: options.readFile ?? readRegularFile,
    exists: existsSync,
    fileSize,
    locate: locateInside,
    listMinutes: (root) => listMinutes(root),
    historyAuthors: (root) => (options.git?.() && existsSync(`${root}/.git`) ? gitLogAuthors(root, options.log) : undefined),
  };
}

/** `git log` authors of a folder; a failure (no git, a timeout) is logged and reads as nobody. */
function gitLogAuthors(root: string, log: ((message: string) => void) | undefined): Promise<RosterEntry[]> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'log', '--no-merges', '-n', '5000', '--format=%an%x09%ae'],
      { timeout: 5000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout) => {
        if (error) log?.(`git log in ${root} failed: ${error.message}`);
        resolve(error ? [] : gitAuthorEntries(stdout, root));
      },
    );
  });
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
  return walkFiles(root, { limit, accept: (name, stat) => MINUTES_FILE.test(name) && stat.size <= MAX_SCANNED_BYTES }).map((p) =>
    p.replace(/\\/g, '/'),
  );
}
