/** Minutes as series: their open items, the next meeting, learning a folder's template, naming new minutes. */
import type { CarriedItem, NameProblem, ProposedName, SeriesItem, SeriesMention } from '../core';

/** `minutes/items`, client → server: the items of the series the given minutes belong to (the Action-items view). */
export const ITEMS_METHOD = 'minutes/items';

export interface ItemsParams {
  /** Minutes files of the workspace (the client lists them); they are grouped by folder. */
  uris: string[];
  /** `YYYY-MM-DD` of the user's day: what is overdue. */
  today?: string;
}

/** A series item with file URIs in place of paths. */
export interface ItemView extends Omit<SeriesItem, 'mentions'> {
  /** The minutes that last mention the item. */
  uri: string;
  mentions: Array<SeriesMention & { uri: string }>;
}

export interface SeriesItems {
  /** The folder's URI (of its latest minutes), and the series' name as the view shows it. */
  folder: string;
  name: string;
  /** The URI of the series' latest minutes. */
  latest: string;
  items: ItemView[];
}

export interface ItemsResult {
  series: SeriesItems[];
}

/** `minutes/nextMeeting`, client → server: the next date of a folder's series and the items new minutes carry over. */
export const NEXT_MEETING_METHOD = 'minutes/nextMeeting';

export interface NextMeetingParams {
  /** The folder of the new minutes. */
  folder: string;
  today?: string;
}

export interface NextMeetingResult {
  date?: string;
  items: Array<CarriedItem & { uri: string }>;
}

/** `minutes/learnTemplate`, client → server: the template learned from a folder's minutes, as `minutes-lint learn` prints it. */
export const LEARN_TEMPLATE_METHOD = 'minutes/learnTemplate';

export interface LearnTemplateParams {
  /** A folder (or a file, whose folder is meant). */
  uri: string;
}

export interface LearnedTemplateItem {
  /** Where the template goes: `.minutes-template.json` in the series' folder. */
  uri: string;
  /** The series' folder. */
  folderUri: string;
  id: string;
  /** The template JSON, as `minutes-lint learn` prints it. */
  text: string;
  /** What it was learned from, in the user's language. */
  summary: string;
}

export interface LearnTemplateResult {
  templates: LearnedTemplateItem[];
}

/**
 * `minutes/proposeFileName`, client → server: the name a built-in template expects for minutes
 * of a date (its `filename` example with the date replaced). The server answers because the
 * template's pattern is read by the core's pattern engine, which the client does not carry.
 */
export const PROPOSE_FILE_NAME_METHOD = 'minutes/proposeFileName';

export interface ProposeFileNameParams {
  /** A built-in template's id. */
  template: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** The answer is null for an unknown template or date. */
export type ProposedFileName = ProposedName;

/** `minutes/checkFileName`, client → server: whether a name fits a built-in template's file-name pattern. */
export const CHECK_FILE_NAME_METHOD = 'minutes/checkFileName';

export interface CheckFileNameParams {
  template: string;
  name: string;
}

export interface CheckFileNameResult {
  /** `invalid`: not a file name at all; `pattern`: not what the template's pattern expects (a warning). */
  problem?: NameProblem;
}
