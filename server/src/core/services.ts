import type { ForgeTarget, LinkStatus } from './links/types';
import type { Roster } from './roster/roster';
import type { SeriesView } from './series/types';

/**
 * What the core may ask of its host. Rules never touch the file system or the network;
 * the language server, the CLI and the tests each supply these.
 */
export interface Services {
  /**
   * Does this file exist? The core passes the path already resolved against the document's
   * folder (absolute when the document path is). Must compare case-sensitively.
   */
  fileExists?(path: string): boolean;
  /**
   * Is the document inside a checkout of a repository (a `.git` above it)? There every file a
   * relative link names should be present; in a loose copy of some minutes it may not have
   * been copied. Undefined (or absent) when the host cannot tell.
   */
  inRepository?(path: string): boolean | undefined;
  /** Online PR/issue look-ups (with their cache); absent when offline or untrusted. */
  linkStatus?: LinkStatusService;
  /**
   * Correctly encoded text of the minutes around `path` (its workspace, or the files of a CLI run); the lossy mojibake repair learns
   * Chinese character statistics from it. Return the same array while it is unchanged (it is cached by identity).
   * Asked only when a file has mojibake; a host that must stay responsive reads it asynchronously.
   */
  referenceText?(path: string): readonly string[] | Promise<readonly string[]>;
  /**
   * The repositories the document's own git checkout points to (`github.com/nodejs/TSC`, from its
   * remotes): PR links into forks of them are reported when `links.repos` is not configured.
   */
  workspaceRepos?(path: string): readonly string[];
  /**
   * The contributors known where the document lives: roster files, `contributors` in the
   * configuration, handles the workspace's minutes use. Undefined when the host has none.
   */
  roster?(path: string): Roster | undefined;
  /**
   * The series the document belongs to: its sibling minutes (the folder, and the same naming
   * across year folders), grouped and learned from by the core's `SeriesIndex`, which the host
   * feeds with the files it knows. Undefined when the host has none or is still reading them.
   */
  series?(path: string): SeriesView | undefined;
}

/**
 * Answers "does this PR/issue exist, and what is it?". The host owns the network, the token,
 * the cache and rate limits; failures come back as `unverified`, never as errors.
 */
export interface LinkStatusService {
  /** `api`: the API base URL for the target's host (`links.api`, or the forge's default: `apiBase()`). */
  lookup(target: ForgeTarget, api: string): Promise<LinkStatus>;
  /** The cached answer, without any network (hovers, offline runs). */
  cached?(target: ForgeTarget, api: string): LinkStatus | undefined;
}

export const noServices: Services = {};
