/**
 * The template format. Built-in templates (./builtin/*.json) and a team's own template
 * (`"template": "./my-template.json"` or inline in .minutesrc.json) are the same data.
 * docs/templates.md documents every key; keep the two in step.
 */

import type { Message } from '../i18n/lang';

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
  /** Set on templates learned from a series of minutes (`minutes-lint learn`): where from, and when. */
  learned?: LearnedFrom;
}

/** What a learned template was inferred from: the series' folder and the minutes of its latest era. */
export interface LearnedFrom {
  /** The series' folder, relative to where `learn` ran (`meetings`, or `meetings/YYYY` for year folders). */
  folder: string;
  /** The minutes the template was learned from: the latest era of the series. */
  files: number;
  /** Every minutes file of the series, older eras included. */
  seriesFiles: number;
  /** The date (or name) of the first and last minutes learned from. */
  since?: string;
  until?: string;
}

export interface DetectSpec {
  /** Globs matched against the file path (`**` allowed); each match adds `pathWeight` (default 3). */
  paths?: Array<string | { glob: string; weight?: number; strong?: boolean }>;
  pathWeight?: number;
  /**
   * Regular expressions (multiline) tested against the first 4 KB (`tail`: the last 4 KB, where
   * LCTT's footer is); each match adds its weight (default 1).
   */
  content?: Array<string | { pattern: string; weight?: number; strong?: boolean; tail?: boolean }>;
  /** The score a file needs for this template to be chosen. Default 2. */
  minScore?: number;
  /**
   * The weight of `strong` entries (evidence specific to this community: its repository's folder,
   * its own header labels) a file needs for the template to count as *recognised*. A file that
   * reaches `minScore` without it is only a guess, and the structure rules stay silent on it.
   * Unset: the template is never more than a guess from detection (`generic`).
   */
  recogniseScore?: number;
}

export interface FilenameSpec {
  /** Regular expression for the basename, e.g. `^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\.md$`. */
  pattern: string;
  /** A valid example shown in the message. */
  example: string;
  /** Learned templates: how many of the series' recent minutes are named this way. */
  seen?: Seen;
}

export interface TitleSpec {
  required?: boolean;
  /** How the title is written: `atx` (`# Title`), `setext` (underlined with `===`); any when unset. */
  style?: 'atx' | 'setext';
  /** Regular expression the title text must match (`template/field-format`). */
  pattern?: string;
  /** A skeleton for the fix when the title is missing. */
  skeleton?: string;
  /** Learned templates: how many of the series' recent minutes have a title. */
  seen?: Seen;
}

/**
 * How many minutes of the series a learned template was inferred from had this (a section, a
 * field, the file-name pattern): messages quote it as evidence ("11 of the last 12 minutes in
 * this folder have it"). Only learned templates carry it.
 */
export interface Seen {
  in: number;
  of: number;
}

/** Fewer minutes than this are thin evidence: what they all have may still be occasional. */
const FEW_MINUTES = 5;

/** Is a learned habit's evidence too thin to insist on (a warning), so that it is only said (info)? */
export function seenInFew(seen: Seen | undefined): boolean {
  return seen !== undefined && seen.of < FEW_MINUTES;
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
  /** Learned templates: how many of the series' recent minutes have this section. */
  seen?: Seen;
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
  /** The label must be there, its value may be empty (learned fields: `Recording: -` when there was none). */
  allowEmpty?: boolean;
  /** Text inserted by the missing-field fix after the label. */
  skeleton?: string;
  /** Learned templates: how many of the series' recent minutes have this field (and, with `format`, in that format). */
  seen?: Seen;
}

export interface TopicSpec {
  /** Section ids whose numbered items are topics. */
  sections: string[];
  /** Labels of conclusion lines (`结论`, `决策`, `会议结论`). */
  conclusionLabels: string[];
  /** Skeleton for the fix that adds a conclusion line. */
  conclusionSkeleton?: string;
  /**
   * Section ids whose numbered items are follow-ups, not topics (`遗留问题`). When the agenda's
   * label line is missing, numbered lines outside these sections still show the agenda is there.
   */
  notTopics?: string[];
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
    /** Regular expressions on the text (multiline): none of them may match (LCTT's footer-only era has no `[#]:` header). */
    notContent?: string[];
  };
  /** Keys replaced wholesale for files of this variant (sections, fields, placeholders…); `null` removes a key. */
  override?: TemplateOverride;
  /** Section and field ids that become required in this variant (applied after `override`). */
  require?: IdSelection;
  /** Section and field ids that become optional in this variant (applied after `require`). */
  optional?: IdSelection;
}

export type TemplateOverride = {
  [K in keyof Omit<TemplateSpec, 'id' | 'extends' | 'variants' | 'detect' | 'learned'>]?: TemplateSpec[K] | null;
};

export interface IdSelection {
  sections?: string[];
  fields?: string[];
}

/**
 * How sure the choice of template is, from the evidence behind it:
 * - `configured`: `.minutesrc.json` or `--template` names it;
 * - `recognised`: the path and the structure are this community's (strong, specific evidence);
 * - `learned`: inferred from the file's own series of minutes (the folder's siblings);
 * - `guessed`: weak content hints only (a word, a link, a common heading);
 * - `none`: nothing says the file is minutes (the `generic` fallback).
 * The structure rules speak only for the first three (`templates/confidence.ts`).
 */
export type TemplateConfidence = 'configured' | 'recognised' | 'learned' | 'guessed' | 'none';

/** A template with its variant applied: what rules see. */
export interface ResolvedTemplate extends TemplateSpec {
  /** `curve-biweekly` or `curve-biweekly/legacy-2022`. */
  resolvedId: string;
  variant?: string;
  /** How it was chosen, in English (the CLI's `templateReason`): `configured in …`, `recognised (score 9)`, `learned from 14 minutes in this folder`, `fallback`. */
  reason: string;
  confidence: TemplateConfidence;
  /** Why, how sure and how to pin it, in both languages: for the report header, the status bar and the preview. */
  explanation?: Message;
}
