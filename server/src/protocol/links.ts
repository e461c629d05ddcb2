/** Where the server needs the editor: online look-ups (the editor holds the GitHub session) and, in a browser, workspace files. */
import type { ForgeTarget, LinkStatus } from '../core';

/** One item for `minutes/linkStatus`: the PR or issue, and the API base its host uses. */
export interface LinkLookup {
  target: ForgeTarget;
  api: string;
}

/**
 * `minutes/linkStatus`, server → client: the client (which holds the GitHub session and the
 * cache in its global storage) looks the items up and answers in the same order. The server
 * sends it only when online checks are enabled and the workspace is trusted.
 */
export const LINK_STATUS_METHOD = 'minutes/linkStatus';

export interface LinkStatusParams {
  lookups: LinkLookup[];
}

export interface LinkStatusResult {
  statuses: LinkStatus[];
}

/** `minutes/linkStatusReset`, client → server, no parameters: the token changed (sign-in), forget unverified answers and check again. */
export const LINK_STATUS_RESET_METHOD = 'minutes/linkStatusReset';

/**
 * `minutes/readFiles`, server → client: the server in a browser has no file system, so it asks
 * the editor for the workspace files a check reads (`.minutesrc.json`, templates, rosters, a
 * linked file's existence). Answers come in the same order; `text` is absent for a folder or
 * a file larger than `maxBytes`.
 */
export const READ_FILES_METHOD = 'minutes/readFiles';

export interface ReadFilesParams {
  uris: string[];
  maxBytes: number;
}

export interface ReadFilesResult {
  files: Array<{ exists: boolean; text?: string }>;
}
