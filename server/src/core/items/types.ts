import type { Span } from '../text/lines';

/**
 * What a meeting left to do, or kept following: an action item (`- [ ] @owner task (due …)`,
 * openEuler's `遗留问题：…`, deepin's `责任人：@zeno` under a topic) or a tracked topic (a PR or
 * issue on the agenda, a Curve work item with its status). Items are plain data so that the
 * preview's summary, the series rules, the CLI and the editor read the same thing.
 */
export interface MinutesItem {
  /**
   * `action`: something someone must do or report on (a task, a carried-over issue).
   * `topic`: an agenda entry or a work report the series follows (`Update charter #1754`).
   */
  kind: 'action' | 'topic';
  /** One line, without list markers, owners, due date and status words. */
  text: string;
  /** `@handle` for handles, the name as written otherwise (`杜开田`). */
  owners: string[];
  /** `YYYY-MM-DD` (or `MM-DD` when no year is written). */
  due?: string;
  status: ItemStatus;
  /** The words that set the status, as written (`已合入master`, `[x]`, `此遗留问题关闭`). */
  statusText?: string;
  /** The PRs and issues the item links to: `github.com/nodejs/tsc#1754` (lower case), else the URL. */
  links: string[];
  /**
   * The minutes mark it as open business: a task box, an owner, a carry-over section or a
   * `遗留问题：` label, a topic put off to the next meeting. Only such items can be dropped.
   */
  tracked: boolean;
  /** Written in a section that carries items over from earlier meetings (`遗留问题`, `Previous action items`). */
  carried: boolean;
  /** The title of the section the item stands in. */
  section?: string;
  /** What the item was raised under: its topic (`使用GCC x86-64-v2微架构级别编译…`) or section. */
  context?: string;
  /** The item's first line (what hovers and "go to" point at). */
  span: Span;
  /** The item with its notes (the lines below it that belong to it). */
  block: Span;
}

/** `open` until the minutes say it is done or closed. */
export type ItemStatus = 'open' | 'done';
