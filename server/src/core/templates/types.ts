/**
 * The template format. Built-in templates (./builtin/*.json) and a team's own template
 * (`"template": "./my-template.json"` or inline in .minutesrc.json) are the same data.
 * docs/templates.md documents every key; keep the two in step.
 */

export type Localized = string | { en: string; zh?: string };

export interface TemplateSpec {
  /** Stable id, e.g. `curve-biweekly`. */
  id: string;
  /**
   * A built-in template id this one starts from: its keys are copied, then this template's
   * own keys replace them one by one (a key given here replaces the built-in's key wholesale).
   */
  extends?: string;
  name: Localized;
  description?: Localized;
  /** `markdown` (headings) or `plaintext` (label lines ending in `：`). Both may have fields. */
  format?: 'markdown' | 'plaintext';
  /** File extensions (without dot) the template applies to; default `["md"]`. */
  extensions?: string[];
  detect?: DetectSpec;
  /** Expected file name (basename), as a regular expression; the date groups feed date-mismatch. */
  filename?: FilenameSpec;
  /** The level-1 title. */
  title?: TitleSpec;
  sections?: SectionSpec[];
  fields?: FieldSpec[];
  topics?: TopicSpec;
  attendees?: AttendeeSpec;
  /** Strings that mean an author forgot to fill something in (`译者ID`, `TODO`). */
  placeholders?: PlaceholderSpec[];
  /** Pairs of places that must agree (LCTT header translator vs footer 译者). */
  agreements?: AgreementSpec[];
  /** Where the meeting date is written; `template/date-mismatch` compares them. */
  dates?: DatesSpec;
  /** Ordinal numbering of sections and topics. */
  numbering?: NumberingSpec;
  /** Variants refine the template for some files: a legacy layout, a folder's extra rules. */
  variants?: VariantSpec[];
  /** GitHub/Gitee organisations whose repos the minutes link to (used by link rules). */
  repos?: string[];
}

export interface DetectSpec {
  /** Globs matched against the file path (`**` allowed); each match adds `pathWeight` (default 3). */
  paths?: string[];
  pathWeight?: number;
  /** Regular expressions (multiline) tested against the first 4 KB; each match adds its weight (default 1). */
  content?: Array<string | { pattern: string; weight?: number }>;
  /** The score a file needs for this template to be chosen. Default 2. */
  minScore?: number;
}

export interface FilenameSpec {
  /** Regular expression for the basename, e.g. `^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\.md$`. */
  pattern: string;
  /** A valid example shown in the message. */
  example: string;
}

export interface TitleSpec {
  required?: boolean;
  /** How the title is written: `atx` (`# Title`), `setext` (underlined with `===`); any when unset. */
  style?: 'atx' | 'setext';
  /** Regular expression the title text must match (`template/field-format`). */
  pattern?: string;
  /** A skeleton for the fix when the title is missing. */
  skeleton?: string;
}

export interface SectionSpec {
  /** Stable id used by fields, topics and variants (`time`, `agenda`). */
  id: string;
  /** Canonical title first; then accepted spellings. Compared without spaces, case-insensitively. */
  names: string[];
  /** Regular expressions for titles that vary (`^\\d+、?答疑`). */
  patterns?: string[];
  /** Heading level for Markdown (1–6). Plain-text label sections ignore it. */
  level?: number;
  required?: boolean;
  /** Sections must appear in the order of this list; set false for sections that float. */
  ordered?: boolean;
  /** May the section be empty? Default true for optional sections, false for required ones. */
  allowEmpty?: boolean;
  /** Text inserted by the missing-section fix (without the heading line, which is derived). */
  skeleton?: string;
  /** Sections expected inside this one. */
  children?: SectionSpec[];
}

export type FieldFormat =
  | 'date' // 2023-04-12, 2023/04/12 (zero-padded)
  | 'time-range' // 10:00-12:00, 19:00~19:30 (optionally with a date and a time zone)
  | 'datetime-range' // 2023/04/27 19:00~19:30
  | 'url'
  | 'names' // a list of people separated by 、，,
  | 'handle'
  | 'text';

export interface FieldSpec {
  id: string;
  /** Canonical label first; then accepted spellings. */
  labels: string[];
  /** Old or misspelled labels: accepted, with a `template/deprecated-label` hint to the canonical one. */
  oldLabels?: string[];
  /** Where the field is written. Default `line` (a `label：value` line). */
  source?: 'line' | 'lctt-header' | 'section';
  /**
   * `header`: only lines before the first section count (openEuler's label block, so that a
   * `会议纪要：` line inside a topic is not read as the minutes link). Default `anywhere`.
   */
  region?: 'header' | 'anywhere';
  required?: boolean;
  format?: FieldFormat;
  /** A regular expression the value must match (instead of, or on top of, `format`). */
  pattern?: string;
  /** Values that count as empty (`" "`, `( )` are always empty). */
  emptyValues?: string[];
  /** Text inserted by the missing-field fix after the label. */
  skeleton?: string;
}

export interface TopicSpec {
  /** Section ids whose numbered items are topics. */
  sections: string[];
  /** Labels of conclusion lines (`结论`, `决策`, `会议结论`). */
  conclusionLabels: string[];
  /** Skeleton for the fix that adds a conclusion line. */
  conclusionSkeleton?: string;
}

export interface AttendeeSpec {
  /** Field ids whose values are lists of people. */
  fields?: string[];
  /** Section ids whose list items are people. */
  sections?: string[];
}

export interface PlaceholderSpec {
  /** Literal text, or a regular expression when `regex` is true. */
  text: string;
  regex?: boolean;
  /** Match case-sensitively (default false for regex-free ASCII words). */
  caseSensitive?: boolean;
  /** Restrict to fields (ids); default the whole text outside code. */
  fields?: string[];
  severity?: 'error' | 'warning' | 'info';
}

export interface AgreementSpec {
  /** Field ids whose values must be equal (compared without spaces, case-insensitively). */
  fields: [string, string];
  /** Regular expression with one group that extracts the comparable part of each value. */
  extract?: string;
}

export interface DatesSpec {
  /** Take a date from the title. */
  title?: boolean;
  /** Field ids whose values start with the meeting date. */
  fields?: string[];
  /** Take a date from the file name (the `year`/`month`/`day` groups of `filename.pattern`, or a leading date). */
  filename?: boolean;
}

export interface NumberingSpec {
  /** Section ids whose child headings carry ordinals (`一、`, `二、`). `*` = any level-3 sibling group. */
  sections?: string[];
  /** Expected punctuation after ordinals (`、`). When unset, the first one seen sets the style. */
  punct?: string;
  /** Check topic numbers too. */
  topics?: boolean;
}

export interface VariantSpec {
  id: string;
  name?: Localized;
  /** The variant applies when every given condition holds (at least one must be given). */
  when: {
    /** Globs on the path: one of them must match. */
    paths?: string[];
    /** Regular expressions on the text (multiline): all of them must match. */
    content?: string[];
  };
  /** Keys replaced wholesale for files of this variant (sections, fields, placeholders…); `null` removes a key. */
  override?: TemplateOverride;
  /** Section and field ids that become required in this variant (applied after `override`). */
  require?: IdSelection;
  /** Section and field ids that become optional in this variant (applied after `require`). */
  optional?: IdSelection;
}

export type TemplateOverride = {
  [K in keyof Omit<TemplateSpec, 'id' | 'extends' | 'variants' | 'detect'>]?: TemplateSpec[K] | null;
};

export interface IdSelection {
  sections?: string[];
  fields?: string[];
}

/** A template with its variant applied: what rules see. */
export interface ResolvedTemplate extends TemplateSpec {
  /** `curve-biweekly` or `curve-biweekly/legacy-2022`. */
  resolvedId: string;
  variant?: string;
  /** How it was chosen: `config`, `option`, `detected (score N)`, `fallback`. */
  reason: string;
}
