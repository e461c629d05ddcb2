import { existsSync } from 'node:fs';
import type { Lang } from '../core/i18n/lang';
import type { ResolvedConfig } from '../core/config/types';
import { RosterStore } from '../core/roster/store';
import { diskRosterHost, type DiskRosterOptions } from './rosterFiles';

export { gitAuthorEntries, listMinutes, MAX_SCANNED_FILES, type ReadText } from './rosterFiles';
export { MAX_ROSTER_BYTES } from '../core/roster/files';

export interface NodeRosterOptions extends DiskRosterOptions {
  /** Scan the workspace's minutes for the handles they use (completion, "known" logins, renames). */
  scanMinutes?: boolean;
}

/** Rosters from the disk, with `git log` authors when the host allows it (a trusted workspace). */
export class NodeRosters extends RosterStore {
  constructor(options: NodeRosterOptions = {}) {
    super(diskRosterHost(options), { scanMinutes: options.scanMinutes });
  }
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
export function rosterProblemLines(rosters: RosterStore, lang: Lang = 'en'): string[] {
  return rosters.problems().map((p) => `${p.path}: ${p.message[lang] || p.message.en}`);
}
