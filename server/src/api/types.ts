/**
 * The types of the Node API (`require('community-minutes')`). They stand alone, imported from
 * nowhere, because they are shipped as declarations: the package's users see exactly these.
 * `index.ts` checks that the core's own types still fit them.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type Lang = 'en' | 'zh';

/** A template's name or description: one string, or English and Chinese. */
export type Localized = string | { en: string; zh?: string };

export interface LintOptions {
  /** The file's path: it chooses the template (with the text) and the `.minutesrc.json` that applies. */
  path: string;
  /** The text to check; read from `path` (as UTF-8) when absent. */
  text?: string;
  /** A built-in template id or a template file, used whatever the configuration says. */
  template?: string;
  /** A configuration file used instead of the nearest `.minutesrc.json`. */
  configFile?: string;
  /** The folder where the upward search for `.minutesrc.json` stops (default: the file system root). */
  root?: string;
  /** Language of the messages (default `en`). */
  lang?: Lang;
  /** Apply the safe fixes (as `minutes-lint --fix` does) and return the fixed text in `output`. Nothing is written. */
  fix?: boolean;
}

/** 1-based lines and columns; columns count UTF-16 code units, as editors do. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintEdit extends Range {
  newText: string;
}

export interface LintFix {
  title: string;
  /** The fix an editor offers first. */
  preferred?: boolean;
  edits: LintEdit[];
}

export interface LintDiagnostic extends Range {
  /** The rule's stable id, e.g. `link/duplicate-target`. */
  rule: string;
  severity: Severity;
  message: string;
  fixes: LintFix[];
}

export interface LintReport {
  /** The path as given. */
  path: string;
  /** The template applied (`curve-biweekly`, `lctt-article/published`), or null when none did. */
  template: string | null;
  /** Why that template: `configured in …`, `recognised (score 9)`, `learned from 14 minutes in this folder`. */
  templateReason?: string;
  /**
   * How sure that choice is. The structure rules (missing sections, field formats…) speak only
   * for `configured`, `recognised` and `learned` templates.
   */
  templateConfidence?: 'configured' | 'recognised' | 'learned' | 'guessed' | 'none';
  /** Why, how sure and how to pin it, in `lang`. */
  templateExplanation?: string;
  diagnostics: LintDiagnostic[];
  /** With `fix: true`: the text after the safe fixes (the same text when there was nothing to fix). */
  output?: string;
  /** With `fix: true`: how many fixes were applied. */
  fixed?: number;
  /** Problems of the configuration that applies (its defaults are used where it is broken). */
  configProblems: ConfigProblem[];
}

export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

/** The `.minutesrc.json` keys (docs/configuration.md). */
export interface MinutesConfig {
  extends?: string | string[];
  /** A built-in template id, a path to a template file, or an inline template (an object). */
  template?: string | object;
  files?: string[];
  rules?: Record<string, RuleSetting>;
  links?: { repos?: string[]; online?: boolean; api?: Record<string, string> };
  contributors?: { sources?: string[]; handles?: string[] };
}

export interface ConfigProblem {
  /** The configuration file the problem is in. */
  path: string;
  message: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
}

export interface ConfigResolution {
  /** The configuration file that applies (the nearest one, or `configFile`), if any. */
  path?: string;
  /** Its keys, with `extends` merged. */
  config: MinutesConfig;
  /** The id of the template the configuration names (a built-in or a team's file), if any. */
  template?: string;
  problems: ConfigProblem[];
}

export interface ResolveConfigOptions {
  configFile?: string;
  root?: string;
  lang?: Lang;
}

/** A built-in template, as data in the format a team's own templates use (docs/templates.md). */
export interface TemplateData {
  id: string;
  name: Localized;
  description?: Localized;
  format?: 'markdown' | 'plaintext';
  extensions?: string[];
  /** Sections, fields, detection, variants…: see docs/templates.md. */
  [key: string]: unknown;
}
