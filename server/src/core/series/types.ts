/**
 * Minutes come in series: the sibling minutes of one folder, and the same naming across year
 * folders (`meetings/2022/…`, `meetings/2023/…`). The series model groups them, orders them by
 * date, finds where their format changed (eras) and decides one template for all of them
 * (recognised from most of them, or learned from the latest era). It is pure: hosts feed it
 * (path, text) pairs and ask it about a path. Series rules (issue 15) build on the same model.
 */
import type { MeetingDate } from '../model/dates';
import type { DocumentFormat } from '../model/types';
import type { TemplateChoice } from '../templates/resolve';
import type { LearnedPlaceholder } from './placeholders';

/** A section of one file as the series model sees it. */
export interface ProfileSection {
  /** The title compared across files: normalised, ordinal removed (`遗留问题`, `agenda`). */
  key: string;
  /** As written (ordinal removed). */
  title: string;
  level: number;
  kind: 'heading' | 'label';
  /** Has the section any content? */
  filled: boolean;
}

/** A `label：value` line, an LCTT `[#]: label: value` header line, or a section's first line. */
export interface ProfileField {
  key: string;
  label: string;
  value: string;
  source: 'line' | 'lctt-header' | 'section';
  /** In the file's header (before its first section; the first lines of Markdown): part of its format. */
  header: boolean;
}

/** What the series model keeps of one minutes file: enough to group, order, compare and learn. */
export interface MinutesProfile {
  path: string;
  /** The base name (`2023-04-12.md`). */
  name: string;
  format: DocumentFormat;
  /** The meeting date: from the name (with the year folder's year), else the title, else the head of the text. */
  date?: MeetingDate;
  /** The first level-1 heading, if any. */
  title?: string;
  /** Every heading (Markdown) or label line (plain text), in document order. */
  sections: ProfileSection[];
  /** Every field of the file: label lines, LCTT header lines, and sections' first lines. */
  fields: ProfileField[];
  /** The built-in template the file's own path and content point to, and how strongly. */
  detected?: { id: string; confidence: 'recognised' | 'guessed' };
  /** Numbered topics and how many have a conclusion line, read with the detected template (when it has topics). */
  topics?: { total: number; concluded: number };
  /** Size of the text in characters. */
  size: number;
}

/** A stretch of a series that kept one format; `members` indexes into the series' ordered members. */
export interface Era {
  first: number;
  last: number;
}

export interface Series {
  /** The folder (with year folders written as `*`): `…/meetings/*`. */
  key: string;
  /** The same, for people: `meetings` or `meetings/YYYY`. */
  folder: string;
  /** Oldest first. */
  members: MinutesProfile[];
  /** Oldest first; the last is the era templates are learned from. */
  eras: Era[];
}

/**
 * What the engine and the rules learn about a document from its series (`Services.series`):
 * the template all its minutes get, and evidence from the siblings.
 */
export interface SeriesView {
  folder: string;
  /** Minutes files in the series (the document itself included when it is one of them). */
  size: number;
  /** The series' template: recognised from most of its minutes, or learned. Undefined: decide per file. */
  choice?: TemplateChoice;
  /**
   * Across the series' minutes read with its recognised template: how many numbered topics have a
   * conclusion line. Teams differ: openEuler's TC concludes a few topics in six.
   */
  topics?: { total: number; concluded: number; files: number };
  /**
   * The series' minutes, oldest first (the document itself included when it is one of them):
   * what the series rules compare a meeting with. Absent when the host gives no texts.
   */
  members?: readonly SeriesMember[];
  /**
   * The team's own meeting template file (`meeting-note-template.md`) in the series' folder, or
   * the folder above it, when the host listed one: its placeholders that most members replaced.
   */
  teamTemplate?: TeamTemplate;
  /** The files are dated but record no meeting (a blog's posts): the series rules say nothing of them. */
  notMinutes?: true;
}

export interface TeamTemplate {
  path: string;
  /** Its placeholder-shaped tokens that at most a quarter of the members hold (read once, when first asked). */
  placeholders(): readonly LearnedPlaceholder[];
}

/** One minutes file of a series, as the series rules read it. */
export interface SeriesMember {
  path: string;
  date?: MeetingDate;
  /**
   * Its text as the host has it now (an open editor's, else the saved file); read when asked,
   * so a workspace's thousands of minutes are not all held in memory. Undefined when unreadable.
   */
  text(): string | undefined;
  /**
   * The field labels its minutes write (normalised, `titleKey`): what a template rule compares
   * with the document's neighbours, whose era may not know a field a built-in template requires.
   */
  labels?: ReadonlySet<string>;
}
