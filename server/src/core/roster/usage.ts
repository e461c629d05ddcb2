import { MENTION } from '../model/parse';
import { handleKey, isPossibleLogin } from './handle';
import { readMention } from './mentions';
import { trimEndOf } from '../text/trim';

/** Who one minutes file mentions, found without a full parse (the index scans a whole workspace). */
export interface FileUsage {
  path: string;
  /** The meeting date from the file name (`2023-04-27.md`, `20231206_minutes.md`), `YYYY-MM-DD`. */
  date?: string;
  /** Logins mentioned (`@Wine93`), in order; teams and impossible logins are left out. */
  handles: string[];
  /** Names written next to a login: `熊伟（@myeuler, Huawei）`, `* Joyee Cheung @joyeecheung`. */
  names: Array<{ name: string; handle: string }>;
}

/** How the workspace's minutes use one login. */
export interface HandleUsage {
  /** The spelling used most often. */
  handle: string;
  /** Minutes files that mention it. */
  files: string[];
  mentions: number;
  /** The latest meeting date among those files. */
  lastDate?: string;
  /** Names seen next to it, most frequent first. */
  names: string[];
}

// Code, comments and URLs are not prose: `@` there mentions no one.
const NOT_PROSE =
  /(?:^|\n)[ \t]*(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:\n[ \t]*\1[ \t]*(?=\n|$)|$)|<!--[\s\S]*?(?:-->|$)|`[^`\n]+`|(?:https?|ftp|mailto):[^\s<>"'`()[\]{}\u3001-\uffff]+/g;
const DATE_IN_PATH = /(?<!\d)(20\d{2}|19\d{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?!\d)/;
const NAME_BEFORE =
  /(?:^|[\n、，,;；]|^[ \t]*(?:[-*+]|\d+[.、)])[ \t])[ \t]*([\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-zA-Z'-]+){1,2})[ \t]*(?:[（([][ \t]*)?$/;

// Words that stand before a mention in prose but are no one's name: `欢迎 @login 加入`, `感谢 @login`.
const NOT_A_NAME =
  /^(?:欢迎|感谢|谢谢|致谢|邀请|联系|恭喜|[请由和与及等]|需要|建议|负责|跟进|提醒|通知|另外|同时|以及|Thanks|Welcome|Ping|Cc)$/i;

/** Scans one minutes file. */
export function scanUsage(path: string, text: string): FileUsage {
  const prose = text.replace(NOT_PROSE, (m) => m.replace(/[^\n]/g, ' '));
  const handles: string[] = [];
  const names: FileUsage['names'] = [];
  for (const m of prose.matchAll(MENTION)) {
    const handle = trimEndOf(m[1], '.');
    const mention = readMention(prose, { handle, span: { start: m.index, end: m.index + 1 + handle.length } });
    if (mention.kind !== 'person' || mention.spacedName || !isPossibleLogin(mention.handle)) continue;
    handles.push(mention.handle);
    const lineStart = prose.lastIndexOf('\n', m.index - 1) + 1;
    const before = NAME_BEFORE.exec(prose.slice(lineStart, m.index));
    if (before && !NOT_A_NAME.test(before[1])) names.push({ name: before[1], handle: mention.handle });
  }
  return { path, date: dateInPath(path), handles, names };
}

export function dateInPath(path: string): string | undefined {
  const m = DATE_IN_PATH.exec(path.slice(path.lastIndexOf('/') + 1)) ?? DATE_IN_PATH.exec(path);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The handles a workspace's minutes use, kept per file so that one saved file updates it.
 * The totals are rebuilt lazily after a change.
 */
export class UsageIndex {
  private files = new Map<string, FileUsage>();
  private totals: Map<string, HandleUsage> | undefined;
  /** Bumped on every change, so rosters can tell their derived lists are stale. */
  generation = 0;

  set(usage: FileUsage): void {
    this.files.set(usage.path, usage);
    this.changed();
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.changed();
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get size(): number {
    return this.files.size;
  }

  get(handle: string): HandleUsage | undefined {
    return this.byHandle().get(handleKey(handle));
  }

  all(): HandleUsage[] {
    return [...this.byHandle().values()];
  }

  /** Files whose scan found a mention of the login (case-insensitive). */
  filesMentioning(handle: string): string[] {
    return this.get(handle)?.files ?? [];
  }

  private changed(): void {
    this.totals = undefined;
    this.generation++;
  }

  private byHandle(): Map<string, HandleUsage> {
    if (this.totals) return this.totals;
    const spellings = new Map<string, Map<string, number>>();
    const names = new Map<string, Map<string, number>>();
    const totals = new Map<string, HandleUsage>();
    for (const file of this.files.values()) {
      for (const handle of file.handles) {
        const key = handleKey(handle);
        let usage = totals.get(key);
        if (!usage) totals.set(key, (usage = { handle, files: [], mentions: 0, names: [] }));
        usage.mentions++;
        if (usage.files[usage.files.length - 1] !== file.path) usage.files.push(file.path);
        if (file.date && (!usage.lastDate || file.date > usage.lastDate)) usage.lastDate = file.date;
        count(spellings, key, handle);
      }
      for (const { name, handle } of file.names) count(names, handleKey(handle), name);
    }
    for (const [key, usage] of totals) {
      usage.handle = mostFrequent(spellings.get(key))[0];
      usage.names = mostFrequent(names.get(key));
    }
    this.totals = totals;
    return totals;
  }
}

function count(map: Map<string, Map<string, number>>, key: string, value: string): void {
  const counts = map.get(key) ?? new Map<string, number>();
  counts.set(value, (counts.get(value) ?? 0) + 1);
  map.set(key, counts);
}

function mostFrequent(counts: Map<string, number> | undefined): string[] {
  return counts ? [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v) : [];
}
