/**
 * What the server adds to LSP, shared with the VS Code client. Names and types only: the
 * client imports them without bundling the server's LSP library.
 */
import type { ForgeTarget, LinkStatus } from '../core/links/types';

/** Settings under `communityMinutes` (VS Code settings, or `initializationOptions`). */
export interface ClientSettings {
  /** `auto` follows the editor's display language. */
  language: 'auto' | 'en' | 'zh';
  enable: boolean;
  /** `onType` lints while typing (debounced); `onSave` only on open and save. */
  run: 'onType' | 'onSave';
  /**
   * User-level settings only (the VS Code client reads their global value): the network is the
   * user's decision, and a workspace's settings are repository content. `online`:
   * `communityMinutes.links.online`; `api`: `communityMinutes.links.api`, forge host → API base
   * URL confirmed for look-ups (a `.minutesrc.json`'s `links.api` is only a wish).
   */
  links: { online: boolean; api?: Record<string, string> };
}

/** Sent after each lint of a document: which template applied and why, for the status bar. */
export interface TemplateInfo {
  uri: string;
  /** The resolved template id (`curve-biweekly/legacy-2022`), or null when the document is not linted. */
  template: string | null;
  /** The template's display name in the user's language. */
  name?: string;
  /** How the template was chosen (`detected (score 4)`, `configured in …/.minutesrc.json`), or why nothing is linted. */
  reason: string;
  /** True when diagnostics were produced for the document. */
  linted: boolean;
  /** How sure the choice is: `configured`, `recognised`, `learned`, `guessed` (structure not checked), `none`. */
  confidence?: string;
  /** Why, how sure and how to pin it, in the user's language. */
  explanation?: string;
  /** The `.minutesrc.json` that applies, if any. */
  configPath?: string;
  /** Its URI (in a browser, the editor's file system, which a path alone does not name). */
  configUri?: string;
}

export const TEMPLATE_INFO_METHOD = 'minutes/templateInfo';

/** One fix as carried in a diagnostic's `data`: edits already in LSP ranges. */
export interface DiagnosticFixData {
  title: string;
  preferred?: boolean;
  safe?: boolean;
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>;
}

/** `Diagnostic.data`: everything a code action needs, so quick fixes need no second lint. */
export interface DiagnosticData {
  rule: string;
  /** The document version the ranges belong to. */
  version: number;
  fixes: DiagnosticFixData[];
}

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

/** `minutes/linkStatusReset`, client → server: the token changed (sign-in), forget unverified answers and check again. */
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
