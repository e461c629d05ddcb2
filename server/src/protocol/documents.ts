/** What the server says about one document: its template, its fixes, its summary and rendering; and the rule catalog. */
import type { Severity } from '../core';
import type { MinutesSummary } from '../core/summary';

/** The parts of a summary, for the client that shows them. */
export type {
  MinutesSummary,
  SummaryActionItem,
  SummaryDecision,
  SummaryLink,
  SummaryPerson,
  SummaryPlace,
  SummaryProblem,
} from '../core/summary';

/** `minutes/templateInfo`, server → client, after each lint of a document: which template applied and why, for the status bar. */
export const TEMPLATE_INFO_METHOD = 'minutes/templateInfo';

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

/**
 * `minutes/summary`, client → server: what the preview pane shows above the rendered minutes
 * (date, host, attendees, decisions, action items, linked PRs, problems) of an open document.
 */
export const SUMMARY_METHOD = 'minutes/summary';

export interface SummaryParams {
  uri: string;
}

/** The answer is null when the document is not open in the server. */
export interface SummaryResult {
  uri: string;
  /** The document version the summary describes. */
  version: number;
  /** False when the document is not checked as minutes; `reason` says why. */
  linted: boolean;
  reason: string;
  summary?: MinutesSummary;
}

/**
 * `minutes/render`, client → server: an open document as safe HTML for the preview pane
 * (sanitized; `data-line` on blocks so the pane can follow the editor). The server renders so
 * that the extension host neither carries an HTML parser nor spends its time on long minutes.
 */
export const RENDER_METHOD = 'minutes/render';

export interface RenderParams {
  uri: string;
  /** Load `http(s):` images (the user's own setting); else each becomes a link to it. */
  remoteImages: boolean;
  /**
   * A relative image's `src` becomes `<imageToken><n>`, n its index in `images`: only the
   * client can turn a workspace path into a URI its webview may load. A fresh random token per
   * request, so no text in the minutes can pass for one.
   */
  imageToken: string;
}

/** The answer is null when the document is not open in the server. */
export interface RenderResult {
  /** The document version rendered. */
  version: number;
  html: string;
  /** The relative image sources as written (`../images/a.png`), in token order. */
  images: string[];
}

/** `minutes/lintWorkspace`, client → server: check files that are not open and publish their diagnostics. */
export const LINT_WORKSPACE_METHOD = 'minutes/lintWorkspace';

export interface LintWorkspaceParams {
  /** File URIs of candidate minutes (`.md`, `.txt`); files that are not minutes are skipped. */
  uris: string[];
}

export interface LintedFile {
  uri: string;
  /** True when the file was checked as minutes. */
  linted: boolean;
  /** The resolved template id, when linted. */
  template?: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintWorkspaceResult {
  files: LintedFile[];
}

/** `minutes/rules`, client → server, no parameters: the rule catalog in the user's language (the client does not bundle the rules). */
export const RULES_METHOD = 'minutes/rules';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  docsUrl: string;
}
