import type { Message } from '../i18n/lang';

/**
 * Where a login lives. Curve and Node.js credit GitHub logins; openEuler's `sig-info.yaml`
 * lists Gitee ids; `unknown` is a handle whose forge no source says (an inline list).
 */
export type HandleForge = 'github' | 'gitee' | 'unknown';

/** The kinds of roster files (and other sources) a roster is merged from. */
export type RosterSourceKind = 'config' | 'team-json' | 'sig-info' | 'codeowners' | 'owners' | 'owners-aliases' | 'handle-list' | 'git';

/** Where an entry was read: the file and the 0-based line, for hovers and "find references". */
export interface RosterSourceRef {
  kind: RosterSourceKind;
  /** The file (absolute `/` path) or, for inline handles, the config file. */
  path: string;
  line?: number;
}

/**
 * One person as one source lists them. A roster may list the same login several times
 * (maintainer of one repository, committer of another): `Roster` merges them.
 */
export interface RosterEntry {
  /** The login without `@`; absent for people known by name only (`git log` authors). */
  handle?: string;
  forge: HandleForge;
  name?: string;
  org?: string;
  email?: string;
  /** `maintainer`, `committer`, `reviewer`, `approver`, `codeowner`, `repo_admin`… as the source names them (singular). */
  roles: string[];
  source: RosterSourceRef;
}

/** A source that could not be read, or only partly: reported to the user, never fatal. */
export interface RosterProblem {
  path: string;
  message: Message;
  /** Offsets into the source's text (0/0 when the whole file is concerned). */
  start: number;
  end: number;
}

export interface RosterSourceResult {
  entries: RosterEntry[];
  problems: RosterProblem[];
  /**
   * Named groups of logins (Kubernetes `OWNERS_ALIASES`): an `OWNERS` file may list a group's
   * name where it means every member.
   */
  groups?: Record<string, string[]>;
}

/** One contributor, merged from every source that lists the login. */
export interface Person {
  handle: string;
  forge: HandleForge;
  /** The display name (`Cao Zhi`), when a source gives one. */
  name?: string;
  /** Every name known for the person: the display name and names written next to the login in minutes. */
  names: string[];
  org?: string;
  email?: string;
  /** Distinct roles, in source order (`maintainer`, `committer`). */
  roles: string[];
  /** Roster files (or the config) that list the person. */
  sources: RosterSourceRef[];
  /** Listed by a roster source, as opposed to only seen in minutes. */
  declared: boolean;
}
