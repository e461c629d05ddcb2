/**
 * What a set of minutes says, in a few lines: when, who, what was decided, who does what next,
 * which PRs were discussed, and what is wrong with the document. The preview pane shows it
 * above the rendered minutes; it travels as JSON (the `minutes/summary` request), so it holds
 * plain data only. Lines and characters are 0-based, as in the editor.
 */

export interface SummaryPlace {
  line: number;
  character: number;
}

/** A person named in the minutes: an attendee, the host. */
export interface SummaryPerson extends SummaryPlace {
  /** As written (`Joyee Cheung @joyeecheung (voting member)`). */
  text: string;
  /** The name without remarks and handles; may be empty when only a handle is written. */
  name: string;
  handle?: string;
  /** The name the team's roster gives the handle, when a roster is known. */
  rosterName?: string;
}

export interface SummaryDate extends SummaryPlace {
  /** As written (`2023/04/27`, `2023-4-12`, `4.13`). */
  text: string;
  /** `2023-04-27`, or `04-13` when the minutes give no year. */
  iso: string;
  /** Where the date was read. */
  source: 'field' | 'title' | 'filename';
}

export interface SummaryDecision extends SummaryPlace {
  /** The topic the decision concludes (`迁移工具开源项目创建申请`), when it belongs to one. */
  topic?: string;
  /** The decision itself, without its label (`通过。欢迎迁移工具开源到openEuler社区…`). */
  text: string;
}

export interface SummaryActionItem extends SummaryPlace {
  /** The task without its owners and due date. */
  task: string;
  /** Handles without `@`. */
  owners: string[];
  /** `YYYY-MM-DD` when a due date is written. */
  due?: string;
  done: boolean;
}

export interface SummaryLinkState {
  /** `found`, `not-found`, `moved`, `unverified`: what an online look-up learnt (cached). */
  state: string;
  status?: 'open' | 'closed' | 'merged';
  title?: string;
}

/** A pull request or issue the minutes link to (each target once, at its first mention). */
export interface SummaryLink extends SummaryPlace {
  kind: 'pull' | 'issue';
  url: string;
  /** `opencurve/curve`. */
  repo: string;
  /** `2409`, or a Gitee issue id such as `I6ABCD`. */
  id: string;
  /** The link text of the first mention (or the shorthand, `#2409`). */
  text: string;
  /** Handles written in the same list item: who reported on the PR. */
  owners: string[];
  /** How many times the target is linked. */
  mentions: number;
  /** What the forge said, when an online check has answered. */
  online?: SummaryLinkState;
}

export interface SummaryProblem extends SummaryPlace {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  endLine: number;
  endCharacter: number;
}

export interface MinutesSummary {
  /**
   * The template the minutes were checked against (`curve-biweekly/legacy-2022`), its display
   * name, how sure the choice is and why (with how to pin it), in the summary's language.
   */
  template?: { id: string; name: string; confidence?: string; explanation?: string };
  /** The document's level-1 title. */
  title?: string;
  date?: SummaryDate;
  /** The time of the meeting as written (`19:00~19:30`, `10:00-12:00 (UTC/GMT+8:00)`). */
  time?: SummaryPlace & { text: string };
  hosts: SummaryPerson[];
  attendees: SummaryPerson[];
  decisions: SummaryDecision[];
  actionItems: SummaryActionItem[];
  links: SummaryLink[];
  problems: SummaryProblem[];
  counts: { errors: number; warnings: number; infos: number };
}
