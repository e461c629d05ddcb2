/**
 * What the server adds to LSP, shared with the VS Code client (type-only imports there).
 */
import { NotificationType } from 'vscode-languageserver';

/** Settings under `communityMinutes` (VS Code settings, or `initializationOptions`). */
export interface ClientSettings {
  /** `auto` follows the editor's display language. */
  language: 'auto' | 'en' | 'zh';
  enable: boolean;
  /** `onType` lints while typing (debounced); `onSave` only on open and save. */
  run: 'onType' | 'onSave';
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
  /** The `.minutesrc.json` that applies, if any. */
  configPath?: string;
}

export const templateInfoNotification = new NotificationType<TemplateInfo>('minutes/templateInfo');

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
