/**
 * What a link points at on a code forge. The offline rules, the online look-ups, hovers and
 * document links all speak in these terms, so a URL is parsed once and understood everywhere.
 */

/** GitHub (and GitHub Enterprise hosts named in `links.api`), Gitee, GitCode, AtomGit. */
export type ForgeKind = 'github' | 'gitee' | 'gitcode' | 'atomgit';

export type ItemKind = 'pull' | 'issue' | 'commit';

export interface RepoRef {
  forge: ForgeKind;
  /** Lower-case host, with its port when the URL has one (`127.0.0.1:8080`). */
  host: string;
  owner: string;
  repo: string;
}

/** A pull request, an issue or a commit. */
export interface ForgeTarget extends RepoRef {
  kind: ItemKind;
  /** `2409` for PRs and GitHub issues, `I6ABCD` for Gitee issues, the SHA (as written) for commits. */
  id: string;
  /** What follows a PR number (`files`, `commits/<sha>`): the same PR, another view of it. */
  subpath?: string;
  /** A comment inside the item (`issuecomment-1441251916`, `note_5849011`). */
  anchor?: string;
}

/** A URL of the wrong shape, with the URL that was meant when that is clear. */
export type UrlProblem =
  /** Two or more URLs written without a separator: `…/pull/27https://…/pull/27`. */
  | { code: 'glued'; parts: string[] }
  /** `/pull/N` on Gitee (which says `/pulls/N`), `/pulls/N` or `/issue/N` on GitHub. */
  | { code: 'wrong-segment'; written: string; expected: string; fixedUrl: string }
  /** A PR or issue number that is not a number: `/pull/2409abc`, `/issues/#12`. */
  | { code: 'non-numeric'; written: string; fixedUrl?: string }
  /** A commit id that is hexadecimal but too short or too long to be a SHA. */
  | { code: 'bad-sha'; written: string };

export interface ForgeUrl {
  repo: RepoRef;
  /** Undefined for repository pages that are no single item (tree, blob, wiki, issue lists). */
  target?: ForgeTarget;
  problems: UrlProblem[];
}

/** The `links` part of `.minutesrc.json` that the offline model needs. */
export interface LinkSettings {
  /** Allowed `owner/repo` globs (`opencurve/*`); a host may lead: `gitee.com/openeuler/*`. */
  repos?: string[];
  /**
   * Forge host → API base URL, as the repository's configuration writes it. Its hosts tell the
   * offline model which hosts are forges (GitHub Enterprise); its URLs are never asked.
   */
  api?: Record<string, string>;
  /** A wish of the repository; only the user turns online checks on. */
  online?: boolean;
  /** Host → API base URL that the user confirmed (command line, user settings): the only URLs asked besides the defaults. */
  confirmedApi?: Record<string, string>;
}

/** What an online look-up (or its cache) knows about a PR or an issue. */
export interface LinkStatus {
  /**
   * `found`: it exists; `not-found`: 404/410; `moved`: 301 to `movedTo`;
   * `unverified`: rate-limited, timed out, offline or failed — never to be reported as broken.
   */
  state: 'found' | 'not-found' | 'moved' | 'unverified';
  /** What the forge says the item is (a PR or an issue), when found. */
  kind?: 'pull' | 'issue';
  title?: string;
  status?: 'open' | 'closed' | 'merged';
  author?: string;
  movedTo?: string;
  /**
   * Why it is unverified, as a code the rules put in words: `rate-limited` (until `retryAt`),
   * `timeout`, `network`, `http-<status>` (`http-500`), `auth` (the token was refused),
   * `untrusted`, `no-api`, or `pending` (the answer is on its way: say nothing yet).
   */
  reason?: string;
  /** When a rate-limited forge may be asked again (ms since the epoch). */
  retryAt?: number;
  /** When the answer was obtained (ms since the epoch), cached or not. */
  checkedAt?: number;
}
