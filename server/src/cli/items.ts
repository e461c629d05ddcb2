import { statSync } from 'node:fs';
import { posix, relative } from 'node:path';
import { chooseTemplate, resolveConfig } from '../core';
import { orderMeetings, readMembers } from '../core/items/meetings';
import { formatDate } from '../core/model/dates';
import { seriesItems, type SeriesItem } from '../core/items/report';
import type { SeriesIndex } from '../core/series';
import { nodeConfigHost, toPosixPath } from '../node/host';
import { seriesUnder } from '../node/learn';
import { splitFlag, UsageError } from './args';

export interface ItemsOptions {
  format: 'md' | 'json';
  open: boolean;
  lang: 'en' | 'zh';
  /** `YYYY-MM-DD`: what counts as overdue (default: today). */
  today?: string;
  paths: string[];
}

export const ITEMS_USAGE = `Usage: minutes-lint items [options] DIR...

Lists the items of each series of minutes under DIR (the minutes of one folder and its sibling
year folders whose file names give a date or a meeting number): action items and carried-over issues with their
owners, since when they are open, and the meetings that mentioned them.

Options:
  --format md|json     a Markdown table per series (default), or JSON
  --open               only the items still open
  --lang en|zh         language of the table's headings (default en)
  --today YYYY-MM-DD   the day against which due dates are overdue (default today)
  -h, --help           show this help`;

export function parseItemsArgs(argv: string[]): ItemsOptions & { help: boolean } {
  const o: ItemsOptions & { help: boolean } = { format: 'md', open: false, lang: 'en', paths: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const { arg, value } = splitFlag(argv[i]);
    const take = () => {
      const v = value ?? argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--format': {
        const v = take();
        if (v !== 'md' && v !== 'json') throw new UsageError(`--format must be md or json, not "${v}"`);
        o.format = v;
        break;
      }
      case '--open':
        o.open = true;
        break;
      case '--lang': {
        const v = take();
        if (v !== 'en' && v !== 'zh') throw new UsageError(`--lang must be en or zh, not "${v}"`);
        o.lang = v;
        break;
      }
      case '--today': {
        const v = take();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--today must be YYYY-MM-DD, not "${v}"`);
        o.today = v;
        break;
      }
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        o.paths.push(argv[i]);
    }
  }
  return o;
}

export interface SeriesReport {
  /** The series' folder, relative to the working directory. */
  folder: string;
  template: string;
  meetings: Array<{ path: string; date?: string }>;
  items: SeriesItem[];
}

/** `minutes-lint items …`: returns the exit status. */
export function itemsMain(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  let options: ReturnType<typeof parseItemsArgs>;
  try {
    options = parseItemsArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`minutes-lint items: ${error.message}\n\n${ITEMS_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    out(`${ITEMS_USAGE}\n`);
    return 0;
  }
  if (!options.paths.length) {
    err(`minutes-lint items: no DIR given\n\n${ITEMS_USAGE}\n`);
    return 2;
  }
  for (const p of options.paths) {
    if (!statSync(p, { throwIfNoEntry: false })?.isDirectory()) {
      err(`minutes-lint items: not a directory: ${p}\n`);
      return 2;
    }
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const root = toPosixPath(process.cwd());
  const reports = options.paths.flatMap((dir) => {
    const index = seriesUnder(dir, root);
    return index.keys().flatMap((key) => seriesReport(index, key, { today, openOnly: options.open }) ?? []);
  });
  const shown = reports.filter((r) => r.meetings.length > 1);
  out(`${options.format === 'json' ? JSON.stringify({ series: shown }, null, 2) : toMarkdown(shown, options)}\n`);
  return 0;
}

/** The items of one series, read with the template its minutes get when they are linted. */
function seriesReport(index: SeriesIndex, key: string, options: { today: string; openOnly: boolean }): SeriesReport | undefined {
  const series = index.series(key);
  const latestPath = series?.members.at(-1)?.path;
  const view = latestPath === undefined ? undefined : index.view(latestPath);
  const files = readMembers(view?.members ?? []);
  const latest = files.find((f) => f.path === latestPath);
  if (!series || !latest) return undefined;
  const template = chooseTemplate({
    path: latest.path,
    text: latest.text,
    config: resolveConfig(latest.path, nodeConfigHost()),
    services: { series: (p) => index.view(p) },
  });
  const meetings = orderMeetings(files, template);
  const shown = (path: string) => relative(process.cwd(), path).replace(/\\/g, '/') || '.';
  const items = seriesItems(meetings, options).map((item) => ({
    ...item,
    since: { ...item.since, path: shown(item.since.path) },
    lastSeen: { ...item.lastSeen, path: shown(item.lastSeen.path) },
    mentions: item.mentions.map((m) => ({ ...m, path: shown(m.path) })),
  }));
  return {
    folder: series.folder,
    template: template.resolvedId,
    meetings: meetings.map((m) => ({ path: shown(m.path), ...(m.date && !m.monthOnly ? { date: formatDate(m.date) } : {}) })),
    items,
  };
}

const HEADINGS = {
  en: {
    item: 'Item',
    owners: 'Owners',
    due: 'Due',
    since: 'Since',
    status: 'Status',
    meetings: 'Meetings',
    open: 'open',
    done: 'done',
    overdue: 'overdue',
    closed: 'off the agenda',
    lapsed: 'not followed up',
    none: 'No items.',
    meetingsCount: 'meetings',
  },
  zh: {
    item: '事项',
    owners: '责任人',
    due: '截止',
    since: '提出于',
    status: '状态',
    meetings: '提及的会议',
    open: '未完成',
    done: '已完成',
    overdue: '已逾期',
    closed: '已移出议程',
    lapsed: '未再跟进',
    none: '没有事项。',
    meetingsCount: '次会议',
  },
};

/** One table per series, ready to paste into the next agenda or a CI job summary. */
export function toMarkdown(reports: SeriesReport[], options: Pick<ItemsOptions, 'lang'>): string {
  const h = HEADINGS[options.lang];
  const parts: string[] = [];
  for (const r of reports) {
    const dates = r.meetings.map((m) => m.date).filter(Boolean);
    const span = dates.length ? `, ${dates[0]} – ${dates[dates.length - 1]}` : '';
    parts.push(`## ${r.folder} (${r.meetings.length} ${h.meetingsCount}${span})`, '');
    if (!r.items.length) {
      parts.push(h.none, '');
      continue;
    }
    parts.push(`| ${h.item} | ${h.owners} | ${h.due} | ${h.since} | ${h.status} | ${h.meetings} |`, '|---|---|---|---|---|---|');
    for (const item of r.items) {
      const status = item.overdue ? h.overdue : item.open ? h.open : item.status === 'done' ? h.done : item.lapsed ? h.lapsed : h.closed;
      const meetings = item.mentions.map((m) => `[${m.date ?? posix.basename(m.path)}](${encodeURI(m.path)}#L${m.line + 1})`).join(', ');
      parts.push(
        `| ${cell(item.text)} | ${cell(item.owners.join(', '))} | ${item.due ?? ''} | ${item.since.date ?? cell(posix.basename(item.since.path))} | ${status} | ${meetings} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n').trimEnd();
}

/** Table cells hold one line and no column separators. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}
